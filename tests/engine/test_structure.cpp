// The document's structure kept to the page: compose::engine::typeset() on the bundled Mexico
// report, its display list read back as a tree of elements and checked against what the source
// holds (title block, sections, findings, quotes, figures, tables, the agenda, links), with every
// piece of content tagged and page furniture marked as artifacts.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "compose/engine/typeset.h"

namespace {

using namespace compose;
using base::Role;

struct Tree {
    std::map<std::uint32_t, base::Node> nodes;
    // per element: the kinds of items tagged with it
    std::map<std::uint32_t, std::set<std::string>> content;
    std::map<std::string, int> artifacts;  // artifact kind -> how many tagged sequences
    int untagged = 0;                      // content outside any tag
    int unbalanced = 0;                    // pages whose tags do not close, or nest
    int undefined = 0;                     // tags naming an element no page has defined yet

    Role role(std::uint32_t id) const { return nodes.at(id).role; }
    std::vector<std::uint32_t> children(std::uint32_t id) const {
        std::vector<std::uint32_t> out;
        for (const auto& [n, node] : nodes) {
            if (node.parent && node.parent.index() == id) out.push_back(n);
        }
        return out;
    }
    std::vector<std::uint32_t> all(Role r) const {
        std::vector<std::uint32_t> out;
        for (const auto& [n, node] : nodes) {
            if (node.role == r) out.push_back(n);
        }
        return out;
    }
    bool has_child(std::uint32_t id, Role r) const {
        for (auto c : children(id)) {
            if (role(c) == r) return true;
        }
        return false;
    }
};

Tree read_tree(const display::Document& doc) {
    Tree tree;
    for (const auto& page : doc.pages) {
        for (const auto& node : page.nodes) {
            // a parent is listed before its children, on this page or an earlier one
            if (node.parent && !tree.nodes.count(node.parent.index())) ++tree.undefined;
            tree.nodes[node.id.index()] = node;
        }
        int depth = 0;
        std::optional<std::uint32_t> open;
        std::string artifact;
        for (const auto& item : page.items) {
            if (const auto* s = std::get_if<display::StructBegin>(&item)) {
                if (depth++ > 0) ++tree.unbalanced;
                if (!tree.nodes.count(s->node.index())) ++tree.undefined;
                open = s->node.index();
            } else if (const auto* a = std::get_if<display::ArtifactBegin>(&item)) {
                if (depth++ > 0) ++tree.unbalanced;
                ++tree.artifacts[std::string(base::artifact_name(a->kind))];
                artifact = base::artifact_name(a->kind);
            } else if (std::holds_alternative<display::TagEnd>(item)) {
                if (--depth < 0) ++tree.unbalanced;
                open.reset();
                artifact.clear();
            } else if (!std::holds_alternative<display::Destination>(item)) {
                std::string kind = std::holds_alternative<display::GlyphRun>(item) ? "text"
                                   : std::holds_alternative<display::Image>(item) ? "image"
                                   : std::holds_alternative<display::Link>(item)  ? "link"
                                                                                  : "shape";
                if (open) tree.content[*open].insert(kind);
                else if (artifact.empty()) ++tree.untagged;
            }
        }
        if (depth != 0) ++tree.unbalanced;
    }
    return tree;
}

display::Document typeset(const std::string& extra = "",
                          const std::string& source = COMPOSE_SOURCE_DIR "/sources/mexico-2014/report.xml") {
    engine::Options options;
    options.source = source;
    options.data_dir = COMPOSE_SOURCE_DIR;
    options.parallel = extra == "parallel";
    base::Diagnostics diags;
    engine::DisplayBackend backend;
    auto pages = engine::typeset(options, diags, backend);
    REQUIRE(pages);
    REQUIRE_FALSE(diags.has_errors());
    return std::move(backend.document());
}

}  // namespace

TEST_CASE("every piece of content is tagged, tags close on their page, elements are defined before use") {
    auto tree = read_tree(typeset());
    CHECK(tree.untagged == 0);
    CHECK(tree.unbalanced == 0);
    CHECK(tree.undefined == 0);
    // running heads on every page but the first, a folio on every page, table rules
    CHECK(tree.artifacts["folio"] == 13);
    CHECK(tree.artifacts["running-head"] >= 12);
    CHECK(tree.artifacts["rule"] > 0);
    // the participants and agenda tables go over several pages: their header rows repeat there
    CHECK(tree.artifacts["repeated-header"] >= 1);
}

TEST_CASE("the tree holds the report's structure, nothing recovered from a style name") {
    auto tree = read_tree(typeset());
    REQUIRE(tree.nodes.count(0));
    CHECK(tree.role(0) == Role::Document);
    CHECK(tree.nodes.at(0).lang == "en");

    auto title_blocks = tree.all(Role::TitleBlock);
    REQUIRE(title_blocks.size() == 1);
    CHECK(tree.has_child(title_blocks[0], Role::Series));
    CHECK(tree.has_child(title_blocks[0], Role::Title));
    CHECK(tree.has_child(title_blocks[0], Role::Subtitle));

    // sections and annexes under the document, each titled one with a level-1 heading
    auto sections = tree.all(Role::Section);
    auto annexes = tree.all(Role::Annex);
    CHECK(sections.size() >= 3);
    CHECK(annexes.size() == 2);
    for (auto a : annexes) {
        CHECK(tree.nodes.at(a).parent.index() == 0);
        REQUIRE(tree.has_child(a, Role::Heading));
    }
    for (auto h : tree.all(Role::Heading)) {
        CHECK(tree.nodes.at(h).level == 1);
        CHECK(tree.content[h].count("text"));
    }

    // a finding: its lead and its body paragraphs, inside a section
    auto findings = tree.all(Role::Finding);
    REQUIRE_FALSE(findings.empty());
    for (auto f : findings) {
        CHECK(tree.role(tree.nodes.at(f).parent.index()) == Role::Section);
        CHECK(tree.has_child(f, Role::Lead));
    }

    // a block quote: its paragraphs
    auto quotes = tree.all(Role::Quote);
    REQUIRE_FALSE(quotes.empty());
    for (auto q : quotes) CHECK(tree.has_child(q, Role::Paragraph));

    // figures: the picture (an image item) and the caption (text)
    auto figures = tree.all(Role::Figure);
    REQUIRE(figures.size() >= 5);
    for (auto f : figures) {
        for (auto c : tree.children(f)) {
            if (tree.role(c) == Role::Image) CHECK(tree.content[c].count("image"));
            if (tree.role(c) == Role::Caption) CHECK(tree.content[c].count("text"));
        }
        CHECK(tree.has_child(f, Role::Image));
        CHECK(tree.has_child(f, Role::Caption));
    }

    // the participants table: a header row of header cells, then rows of cells
    auto tables = tree.all(Role::Table);
    REQUIRE_FALSE(tables.empty());
    bool header = false, rows = false;
    for (auto t : tables) {
        for (auto r : tree.children(t)) {
            if (tree.role(r) == Role::HeaderRow) {
                header = true;
                for (auto c : tree.children(r)) CHECK(tree.role(c) == Role::HeaderCell);
            } else if (tree.role(r) == Role::Row) {
                rows = true;
                for (auto c : tree.children(r)) CHECK(tree.role(c) == Role::Cell);
            }
        }
    }
    CHECK(header);
    CHECK(rows);

    // the agenda: days, slots and talks as its rows
    auto agendas = tree.all(Role::Agenda);
    REQUIRE(agendas.size() == 1);
    CHECK(tree.has_child(agendas[0], Role::Day));
    CHECK(tree.has_child(agendas[0], Role::Slot));
    CHECK(tree.has_child(agendas[0], Role::Talk));
    CHECK(tree.all(Role::Day).size() == 3);  // the second day is given as a morning and an afternoon

    // people named in captions and paragraphs: an element each, inside its caption or paragraph
    auto people = tree.all(Role::Person);
    REQUIRE(people.size() >= 20);
    for (auto p : people) {
        CHECK(tree.content[p].count("text"));
        auto parent = tree.role(tree.nodes.at(p).parent.index());
        CHECK((parent == Role::Caption || parent == Role::Paragraph || parent == Role::Lead));
    }

    // links: an element of their paragraph holding the link's text and its area
    auto links = tree.all(Role::Link);
    REQUIRE_FALSE(links.empty());
    for (auto l : links) {
        CHECK(tree.content[l].count("text"));
        CHECK(tree.content[l].count("link"));
    }
}

TEST_CASE("a parallel edition: the second language is a part of the first's document, in its own language") {
    auto tree = read_tree(typeset("parallel"));
    CHECK(tree.untagged == 0);
    CHECK(tree.unbalanced == 0);
    CHECK(tree.undefined == 0);
    auto parts = tree.all(Role::Part);
    REQUIRE(parts.size() == 1);
    CHECK(tree.nodes.at(parts[0]).parent.index() == 0);
    CHECK(tree.nodes.at(parts[0]).lang == "es");
    // both languages have their sections and figures
    std::size_t spanish_sections = 0;
    for (auto s : tree.all(Role::Section)) spanish_sections += tree.nodes.at(s).parent.index() == parts[0];
    CHECK(spanish_sections >= 3);
}

TEST_CASE("a block quote holds its paragraphs and its attribution, in that order") {
    auto tree = read_tree(typeset("", COMPOSE_SOURCE_DIR "/examples/blockquote/report.xml"));
    CHECK(tree.untagged == 0);
    auto quotes = tree.all(Role::Quote);
    REQUIRE_FALSE(quotes.empty());
    for (auto q : quotes) {
        auto children = tree.children(q);
        REQUIRE(children.size() >= 2);
        CHECK(tree.role(children.front()) == Role::Paragraph);
        CHECK(tree.role(children.back()) == Role::Attribution);
        CHECK(tree.content[children.back()].count("text"));
    }
}

namespace {

// A backend that fails as no real one should: by throwing.
class ThrowingBackend : public engine::Backend {
public:
    bool add_page(display::Page&&, const std::vector<display::FontFace>&) override {
        throw std::runtime_error("the backend broke");
    }
    bool finish(const display::Document&, base::Diagnostics&) override { return true; }
};

}  // namespace

TEST_CASE("an exception inside the pipeline is an internal error at the source, never an abort") {
    engine::Options options;
    options.source = COMPOSE_SOURCE_DIR "/examples/findings/report.xml";
    options.data_dir = COMPOSE_SOURCE_DIR;
    base::Diagnostics diags;
    ThrowingBackend backend;
    auto pages = engine::typeset(options, diags, backend);
    CHECK_FALSE(pages);
    REQUIRE(diags.has_errors());
    const auto& d = diags.items().back();
    CHECK(d.message == "internal error: the backend broke");
    CHECK(base::code_of(d) == "internal-error");
    REQUIRE(d.pos.file);
    CHECK(*d.pos.file == options.source);
}

TEST_CASE("an inline quotation is an element holding its words and the language's marks") {
    engine::Options options;
    options.source = COMPOSE_SOURCE_DIR "/examples/findings/report.xml";  // (its folder, for the layout)
    options.source_text =
        "<report xml:lang=\"es\"><meta><title>T</title></meta>"
        "<section id=\"s\"><h>Uno</h><p>Dijo <q>basta ya</q> y se fue.</p></section></report>";
    options.data_dir = COMPOSE_SOURCE_DIR;
    base::Diagnostics diags;
    engine::DisplayBackend backend;
    REQUIRE(engine::typeset(options, diags, backend));
    const auto& page = backend.document().pages.at(0);
    std::optional<std::uint32_t> quote;
    for (const auto& n : page.nodes) {
        if (n.role == Role::InlineQuote) quote = n.id.index();
    }
    REQUIRE(quote);
    std::string text;
    bool inside = false;
    for (const auto& item : page.items) {
        if (const auto* s = std::get_if<display::StructBegin>(&item)) inside = s->node.index() == *quote;
        else if (std::holds_alternative<display::TagEnd>(item)) inside = false;
        else if (const auto* run = std::get_if<display::GlyphRun>(&item); run && inside) text += run->text;
    }
    CHECK(text == "\u00ABbasta ya\u00BB");  // Spanish marks, inside the element
}
