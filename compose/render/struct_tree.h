#pragma once
// The tagged PDF's logical structure (PDF 1.7 §14.7, PDF/UA-1): the display list's elements
// become StructElems with standard types, the content between a StructBegin and its TagEnd a
// marked-content sequence with an MCID, the content between an ArtifactBegin and its TagEnd (and
// anything untagged) an /Artifact. Each element is an object of libharu's (so that it has its
// place in the xref) with no entries of its own: its text is written from this class's compact
// records when libharu saves the file (the dictionary's write hook). A libharu dictionary entry
// costs some 150 bytes, an array holds at most 32,767 items: written through them, the 50,000-row
// table's 200,000 elements took 330 MB more and failed.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include <hpdf.h>

#include "compose/base/structure.h"
#include "compose/display/display.h"

namespace compose::render {

std::string pdf_literal(const std::string& text);

// The standard structure type an element of the report is written as.
const char* pdf_struct_type(base::Role role, int level);

class StructTree {
public:
    explicit StructTree(HPDF_Doc pdf) : pdf_(pdf) {}

    // A new page: its elements are registered, its marked content numbered from 0.
    void begin_page(const display::Page& page, HPDF_Page handle);
    // The operator that opens the marked content of a segment of `node` ("/P <</MCID 3>> BDC").
    // An element the tree cannot take (unknown, or a decorative image: no alt text and no
    // caption) gives an artifact instead.
    // `lang`: the content's language, when it is not the page's (a run of Spanish in English).
    std::string open_node(base::NodeId node, const std::string& lang = {});
    // The operator that opens an artifact of this kind; `kind` none: untagged content.
    static std::string open_artifact(const base::Artifact* kind);
    // A run's text inside `node`, kept for the alternative text of figures (their caption) and
    // the Contents of links.
    void add_text(base::NodeId node, const display::GlyphRun& run);
    // A link annotation made for an area inside `node` (or, for internal links, made later: the
    // slot returned is filled with set_annotation()). -1: not in the tree.
    int link(base::NodeId node, HPDF_Page page);
    void set_annotation(int slot, HPDF_Annotation annot, bool print_flag);
    void end_page();
    // Adds the StructTreeRoot and MarkInfo to the catalog and StructParent, Contents to the link
    // annotations; the elements and the ParentTree are written when libharu saves the file.
    void finish();

private:
    struct Kid {
        enum Kind : std::uint8_t { Content, Child, Annotation } kind;
        std::uint32_t value;  // Content: MCID; Child: element; Annotation: slot
        std::uint32_t page;   // Content, Annotation: page index
    };
    // One a structure element, 64 bytes: a table's hundreds of thousands of cells are held until
    // the file is saved. What few elements have (alternative text, collected text, a table's row
    // groups) is in an Extra of their own.
    struct Elem {
        const char* type = nullptr;  // the standard type
        HPDF_Dict dict = nullptr;
        std::vector<Kid> kids;
        std::int32_t parent = -1;     // element index; -1: the root's kid
        std::int32_t text_sink = -1;  // where its runs' text goes (a Caption's or a Link's element)
        std::int32_t extra = -1;      // its Extra
        base::Role role = base::Role::Document;
        std::uint8_t level = 0;
        std::uint16_t lang = 0;       // in force (its own or its parent's), in langs_
        bool made = false;            // made here (THead, TBody, a Link for an annotation), no node's
        bool lang_own = false;        // /Lang written on it
        bool attached = false;        // listed in its parent's kids
    };
    struct Extra {
        std::string alt;            // the node's alternative text
        std::string text;           // a Caption's or Link's text
        double text_y = -1;         // the last run's baseline, for the spaces between lines
        bool text_glued = false;    // the last run ended in an inserted hyphen
        std::int32_t caption = -1;  // a Figure's Caption child, when known
        std::int32_t thead = -1, tbody = -1;  // a Table's row groups
    };
    struct WriteRef {  // a dictionary's attr: what its write hook writes
        StructTree* tree;
        std::int32_t what;  // an element's index; -1: the root's kids; -3 - n: the parent tree's part n (-1: its root)
    };
    struct Annot {
        HPDF_Annotation annot = nullptr;
        std::uint32_t elem = 0;
        std::uint32_t page = 0;
    };

    std::int32_t add_elem(const base::Node& node, std::int32_t parent, bool made = false);
    Extra& extra(std::int32_t elem);
    const Extra* extra_of(std::int32_t elem) const;
    std::uint16_t lang_index(const std::string& lang);
    void attach(std::int32_t elem);
    std::int32_t elem_of(base::NodeId node) const;
    HPDF_Dict dict_of(std::int32_t elem);
    bool decorative(std::int32_t elem) const;
    HPDF_Dict new_written_dict(std::int32_t what);
    static HPDF_STATUS write_hook(HPDF_Dict dict, HPDF_Stream stream);
    std::string elem_text(std::int32_t elem) const;
    std::string parent_tree_text(std::int32_t part) const;

    HPDF_Doc pdf_;
    std::vector<Elem> elems_;
    std::vector<std::int32_t> by_node_;  // by node id: its element, -1 none
    std::vector<Extra> extras_;
    std::vector<std::string> langs_{std::string()};
    std::vector<std::int32_t> roots_;
    std::vector<HPDF_Page> pages_;
    std::vector<std::vector<std::int32_t>> page_parents_;  // per page: the element of each MCID
    std::deque<WriteRef> refs_;
    HPDF_Dict root_ = nullptr;
    std::vector<HPDF_Dict> tree_parts_;  // the parent tree's leaves, when it has more than one
    std::vector<std::int32_t> mcid_elems_;  // the current page's
    std::vector<Annot> annots_;
};

}  // namespace compose::render
