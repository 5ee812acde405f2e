#pragma once
// Tags a page's items with the structure element (or artifact) they belong to. Elements made by
// resolve come from the editions' trees (a parallel edition has two, the second under the first's
// root); the page stage makes the rest as it places them (table rows and cells, links), so a
// 50,000-row table's elements are never held together. A page lists the elements it is the first
// to use, parents first.
#include <cstdint>
#include <vector>

#include "compose/base/structure.h"
#include "compose/display/display.h"

namespace compose::page {

class Tagger {
public:
    explicit Tagger(std::vector<const std::vector<base::Node>*> trees);

    // The document-wide id of an element of flow `flow`'s tree.
    base::NodeId global(std::size_t flow, base::NodeId local) const;

    // A new element under `parent`, listed on `page`; its items follow enter(page, id). Elements
    // made one after another have consecutive ids.
    base::NodeId make(display::Page& page, base::Role role, base::NodeId parent);

    // The items added from here belong to `node` (closing what was open; nothing when it is open).
    void enter(display::Page& page, base::NodeId node);
    // ... or are an artifact of this kind.
    void artifact(display::Page& page, base::Artifact kind);
    // Closes what is open; the next items are untagged until enter() or artifact().
    void close(display::Page& page);
    // A new page starts with nothing open.
    void new_page() { open_ = Open::None; }

private:
    void define(display::Page& page, base::NodeId id);

    std::vector<const std::vector<base::Node>*> trees_;
    std::vector<std::uint32_t> offsets_;  // per tree: its first document-wide id
    std::uint32_t next_ = 0;              // the next id the page stage makes
    std::vector<bool> defined_;           // by id: listed on a page already
    enum class Open { None, Node, Artifact } open_ = Open::None;
    base::NodeId open_node_;
    base::Artifact open_artifact_ = base::Artifact::Rule;
};

}  // namespace compose::page
