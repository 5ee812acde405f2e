#include "compose/render/struct_tree.h"

#include <algorithm>

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "compose/base/utf8.h"
#include "compose/render/glyph_text.h"

namespace compose::render {

using base::Role;

const char* pdf_struct_type(Role role, int level) {
    switch (role) {
    case Role::Document: return "Document";
    case Role::Part: return "Part";  // one language's text of a parallel edition
    case Role::TitleBlock: return "Sect";
    case Role::Series: return "P";
    case Role::Title: return "H1";  // the report's title: the first heading a reader lists
    case Role::Subtitle: return "P";
    case Role::Section: return "Sect";
    case Role::Annex: return "Sect";
    case Role::Heading: {
        static const char* const kLevels[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
        return kLevels[std::clamp(level, 1, 6) - 1];
    }
    case Role::Paragraph: return "P";
    case Role::Finding: return "Div";
    case Role::Lead: return "P";
    case Role::Quote: return "BlockQuote";
    case Role::Attribution: return "P";
    // A figure is a Div holding the picture (a Figure, with its alternative text) and the
    // caption: a reader that gives a Figure's Alt instead of its content still reads the caption.
    case Role::Figure: return "Div";
    case Role::Image: return "Figure";
    case Role::Caption: return "Caption";
    case Role::Table: return "Table";
    case Role::HeaderRow: return "TR";  // inside a THead made here
    case Role::Row: return "TR";        // inside a TBody made here
    case Role::HeaderCell: return "TH";
    case Role::Cell: return "TD";
    // the agenda is a table: a row per day heading, per slot, per talk
    case Role::Agenda: return "Table";
    case Role::Day: return "TR";
    case Role::Slot: return "TR";
    case Role::Talk: return "TR";
    case Role::Link: return "Link";
    case Role::Person: return "Span";
    case Role::InlineQuote: return "Quote";
    case Role::List: return "L";
    case Role::ListItem: return "LI";
    case Role::Note: return "Note";
    case Role::Box: return "Div";
    case Role::Contents: return "TOC";
    case Role::Cover: return "Sect";
    }
    return "Span";
}

// A PDF literal string for plain ASCII text (language tags); anything else becomes '?'.
std::string pdf_literal(const std::string& text) {
    std::string out = "(";
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += (c >= 32 && c < 127) ? c : '?';
    }
    return out + ")";
}

std::int32_t StructTree::elem_of(base::NodeId node) const {
    if (!node || node.index() >= by_node_.size()) return -1;
    return by_node_[node.index()];
}

StructTree::Extra& StructTree::extra(std::int32_t elem) {
    if (elems_[elem].extra < 0) {
        elems_[elem].extra = static_cast<std::int32_t>(extras_.size());
        extras_.emplace_back();
    }
    return extras_[elems_[elem].extra];
}

const StructTree::Extra* StructTree::extra_of(std::int32_t elem) const {
    return elems_[elem].extra < 0 ? nullptr : &extras_[elems_[elem].extra];
}

std::uint16_t StructTree::lang_index(const std::string& lang) {
    for (std::size_t i = 0; i < langs_.size(); ++i) {
        if (langs_[i] == lang) return static_cast<std::uint16_t>(i);
    }
    if (langs_.size() >= 65535) return 0;
    langs_.push_back(lang);
    return static_cast<std::uint16_t>(langs_.size() - 1);
}

std::int32_t StructTree::add_elem(const base::Node& node, std::int32_t parent, bool made) {
    const auto index = static_cast<std::int32_t>(elems_.size());
    Elem& e = elems_.emplace_back();
    e.role = node.role;
    e.level = static_cast<std::uint8_t>(std::clamp(node.level, 0, 255));
    e.made = made;
    e.parent = parent;
    e.type = pdf_struct_type(node.role, node.level);
    const std::uint16_t inherited = parent >= 0 ? elems_[parent].lang : 0;
    e.lang = node.lang.empty() ? inherited : lang_index(node.lang);
    e.lang_own = e.lang != inherited;
    if (node.role == Role::Caption || node.role == Role::Link) elems_[index].text_sink = index;
    else if (parent >= 0) elems_[index].text_sink = elems_[parent].text_sink;
    if (!node.alt.empty()) extra(index).alt = node.alt;
    if (node.role == Role::Caption && parent >= 0 && elems_[parent].role == Role::Figure) extra(parent).caption = index;
    return index;
}

void StructTree::begin_page(const display::Page& page, HPDF_Page handle) {
    const auto index = static_cast<std::uint32_t>(pages_.size());
    pages_.push_back(handle);
    mcid_elems_.clear();
    HPDF_Dict_AddNumber(handle, "StructParents", static_cast<HPDF_INT32>(index));
    HPDF_Dict_AddName(handle, "Tabs", "S");  // annotations in the order of the structure
    for (const auto& node : page.nodes) {
        if (!node.id || elem_of(node.id) >= 0) continue;
        if (node.id.index() >= by_node_.size()) by_node_.resize(node.id.index() + 1, -1);
        const std::int32_t e = add_elem(node, elem_of(node.parent));
        by_node_[node.id.index()] = e;
    }
}

HPDF_Dict StructTree::new_written_dict(std::int32_t what) {
    HPDF_Dict dict = HPDF_Dict_New(pdf_->mmgr);
    if (!dict || HPDF_Xref_Add(pdf_->xref, dict) != HPDF_OK) return nullptr;
    dict->attr = &refs_.emplace_back(WriteRef{this, what});
    dict->write_fn = &StructTree::write_hook;
    return dict;
}

HPDF_Dict StructTree::dict_of(std::int32_t elem) {
    Elem& e = elems_[elem];
    if (!e.dict) e.dict = new_written_dict(elem);
    return e.dict;
}

namespace {

std::string ref(const void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    return std::to_string(header->obj_id & 0x00FFFFFF) + " " + std::to_string(header->gen_no) + " R";
}


constexpr std::size_t kKeysPerLeaf = 4000;  // of the parent tree
constexpr std::size_t kRowsPerBody = 8000;  // TR in one TBody (PDF/A-1's array limit is 8,191)

}  // namespace

HPDF_STATUS StructTree::write_hook(HPDF_Dict dict, HPDF_Stream stream) {
    const auto* r = static_cast<const WriteRef*>(dict->attr);
    std::string text;
    if (r->what >= 0) {
        text = r->tree->elem_text(r->what);
    } else if (r->what == -1) {  // the root's kids
        text = "/K [";
        for (std::int32_t e : r->tree->roots_) text += ref(r->tree->elems_[e].dict) + " ";
        text += "]\n";
    } else {
        text = r->tree->parent_tree_text(-3 - r->what);
    }
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
}

std::string StructTree::elem_text(std::int32_t index) const {
    const Elem& e = elems_[index];
    // (no /Type /StructElem: it is optional, and a 50,000-row table has 200,000 elements)
    std::string t = std::string("/S /") + e.type + " /P " + (e.parent >= 0 ? ref(elems_[e.parent].dict) : ref(root_));
    std::int64_t page = -1;  // the page of its first content: /Pg
    for (const Kid& k : e.kids) {
        if (k.kind != Kid::Child) {
            page = k.page;
            break;
        }
    }
    if (page >= 0) t += " /Pg " + ref(pages_[page]);
    t += " /K [";
    for (const Kid& k : e.kids) {
        if (k.kind == Kid::Child) {
            t += ref(elems_[k.value].dict) + " ";
        } else if (k.kind == Kid::Content) {
            if (static_cast<std::int64_t>(k.page) == page) t += std::to_string(k.value) + (e.kids.size() > 1 ? " " : "");
            else t += "<</Type /MCR /Pg " + ref(pages_[k.page]) + " /MCID " + std::to_string(k.value) + ">> ";
        } else if (annots_[k.value].annot) {
            t += "<</Type /OBJR /Obj " + ref(annots_[k.value].annot) + " /Pg " + ref(pages_[k.page]) + ">> ";
        }
    }
    t += "]\n";
    if (e.lang_own) t += "/Lang " + pdf_literal(langs_[e.lang]) + "\n";
    if (e.role == Role::HeaderCell) t += "/A <</O /Table /Scope /Column>>\n";
    if (e.role == Role::Image && !e.made) {
        // its own alternative text, its figure's, or else its caption's text
        const Extra* own = extra_of(index);
        const Extra* figure = e.parent >= 0 ? extra_of(e.parent) : nullptr;
        std::string alt = own ? own->alt : std::string();
        if (alt.empty() && figure) alt = figure->alt;
        if (alt.empty() && figure && figure->caption >= 0 && extra_of(figure->caption)) alt = extra_of(figure->caption)->text;
        if (!alt.empty()) t += "/Alt " + utf16_text_string(base::truncate_code_points(alt, 16000)) + "\n";
    }
    return t;
}

// The parent tree: per page (key: its index) the element of each MCID; per annotation (keys
// after the pages') its Link element. `part` -1: the whole tree in one /Nums, or the root of its
// leaves; else a leaf.
std::string StructTree::parent_tree_text(std::int32_t part) const {
    const std::size_t pages = page_parents_.size();
    std::vector<std::uint32_t> annot_keys;  // the annotations with an object, in key order
    for (std::uint32_t a = 0; a < annots_.size(); ++a) {
        if (annots_[a].annot) annot_keys.push_back(a);
    }
    const std::size_t keys = pages + annot_keys.size();
    if (part < 0 && keys > kKeysPerLeaf) {
        std::string t = "/Kids [";
        for (HPDF_Dict leaf : tree_parts_) t += ref(leaf) + " ";
        return t + "]\n";
    }
    std::size_t from = 0, to = keys;
    if (part >= 0) {
        from = static_cast<std::size_t>(part) * kKeysPerLeaf;
        to = std::min(keys, from + kKeysPerLeaf);
    }
    std::string t;
    if (part >= 0) t += "/Limits [" + std::to_string(from) + " " + std::to_string(to - 1) + "]\n";
    t += "/Nums [";
    for (std::size_t key = from; key < to; ++key) {
        t += std::to_string(key) + " ";
        if (key < pages) {
            t += "[";
            for (std::int32_t e : page_parents_[key]) t += ref(elems_[e].dict) + " ";
            t += "]\n";
        } else {
            t += ref(elems_[annots_[annot_keys[key - pages]].elem].dict) + "\n";
        }
    }
    return t + "]\n";
}

// An element is listed in its parent's kids when its first content (or its first descendant's)
// comes: the kids are then in the order of the page, which is the reading order. Table rows go
// into a THead (header rows) or TBody made for their table.
void StructTree::attach(std::int32_t elem) {
    if (elems_[elem].attached) return;
    elems_[elem].attached = true;
    dict_of(elem);
    std::int32_t parent = elems_[elem].parent;
    const Role role = elems_[elem].made ? Role::Box : elems_[elem].role;
    const bool row = role == Role::HeaderRow || role == Role::Row || role == Role::Day || role == Role::Slot ||
                     role == Role::Talk;
    if (parent >= 0 && !elems_[parent].made && row &&
        (elems_[parent].role == Role::Table || elems_[parent].role == Role::Agenda)) {
        const bool head = role == Role::HeaderRow;
        std::int32_t group = head ? extra(parent).thead : extra(parent).tbody;
        if (group < 0 || (!head && elems_[group].kids.size() >= kRowsPerBody)) {
            base::Node made;
            made.role = Role::Box;  // not a row: its type is set here
            group = add_elem(made, parent, true);
            elems_[group].type = head ? "THead" : "TBody";
            (head ? extra(parent).thead : extra(parent).tbody) = group;
        }
        elems_[elem].parent = parent = group;
    }
    if (parent < 0) {
        roots_.push_back(elem);
        return;
    }
    attach(parent);
    elems_[parent].kids.push_back({Kid::Child, static_cast<std::uint32_t>(elem), 0});
}

bool StructTree::decorative(std::int32_t elem) const {
    const Elem& e = elems_[elem];
    if (e.role != Role::Image || e.made || (extra_of(elem) && !extra_of(elem)->alt.empty())) return false;
    if (e.parent < 0) return true;
    const Extra* figure = extra_of(e.parent);
    return !figure || (figure->alt.empty() && figure->caption < 0);
}

std::string StructTree::open_node(base::NodeId node, const std::string& lang) {
    const std::int32_t e = elem_of(node);
    if (e < 0 || pages_.empty() || decorative(e)) return open_artifact(nullptr);
    attach(e);
    const auto mcid = static_cast<std::uint32_t>(mcid_elems_.size());
    mcid_elems_.push_back(e);
    elems_[e].kids.push_back({Kid::Content, mcid, static_cast<std::uint32_t>(pages_.size() - 1)});
    std::string op = std::string("/") + elems_[e].type + " <</MCID " + std::to_string(mcid);
    if (!lang.empty()) op += " /Lang " + pdf_literal(lang);
    return op + ">> BDC\n";
}

std::string StructTree::open_artifact(const base::Artifact* kind) {
    if (!kind) return "/Artifact BMC\n";
    switch (*kind) {
    case base::Artifact::RunningHead: return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
    case base::Artifact::Folio: return "/Artifact <</Type /Pagination>> BDC\n";
    case base::Artifact::RepeatedHeader: return "/Artifact <</Type /Pagination>> BDC\n";
    case base::Artifact::Rule: return "/Artifact <</Type /Layout>> BDC\n";
    case base::Artifact::Placeholder: return "/Artifact <</Type /Layout>> BDC\n";
    }
    return "/Artifact BMC\n";
}

void StructTree::add_text(base::NodeId node, const display::GlyphRun& run) {
    const std::int32_t e = elem_of(node);
    if (e < 0 || elems_[e].text_sink < 0) return;
    Extra& sink = extra(elems_[e].text_sink);
    if (sink.text.size() > 2000) return;  // enough for an alternative text
    // runs on another line are a word apart, unless the line ended in an inserted hyphen
    if (!sink.text.empty() && run.y != sink.text_y && !sink.text_glued && sink.text.back() != ' ' && sink.text.back() != '-' &&
        (run.text.empty() || run.text.front() != ' ')) {
        sink.text += ' ';
    }
    sink.text += run.text;
    sink.text_y = run.y;
    sink.text_glued = !run.glyphs.empty() && run.glyphs.back().cluster == display::kInsertedGlyph;
}

int StructTree::link(base::NodeId node, HPDF_Page page) {
    std::int32_t e = elem_of(node);
    if (e < 0 || pages_.empty()) return -1;
    if (elems_[e].role != Role::Link) {  // an annotation is the kid of a Link element
        base::Node made;
        made.role = Role::Link;
        const std::int32_t parent = e;
        e = add_elem(made, parent, true);
        elems_[e].text_sink = e;
    }
    attach(e);
    const auto slot = static_cast<std::uint32_t>(annots_.size());
    const auto page_index = static_cast<std::uint32_t>(std::find(pages_.rbegin(), pages_.rend(), page) - pages_.rbegin());
    annots_.push_back({nullptr, static_cast<std::uint32_t>(e), static_cast<std::uint32_t>(pages_.size() - 1 - page_index)});
    elems_[e].kids.push_back({Kid::Annotation, slot, annots_.back().page});
    return static_cast<int>(slot);
}

void StructTree::set_annotation(int slot, HPDF_Annotation annot, bool print_flag) {
    if (!annot) return;
    if (print_flag) HPDF_Dict_AddNumber(annot, "F", 4);
    if (slot < 0 || static_cast<std::size_t>(slot) >= annots_.size()) return;
    annots_[slot].annot = annot;
}

void StructTree::end_page() {
    page_parents_.push_back(mcid_elems_);
    mcid_elems_.clear();
}

void StructTree::finish() {
    HPDF_MMgr mmgr = pdf_->mmgr;
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_, "UTF-8");
    root_ = new_written_dict(-1);
    if (!root_) return;
    HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
    std::int32_t key = static_cast<std::int32_t>(pages_.size());
    for (const Annot& a : annots_) {
        if (!a.annot) continue;
        HPDF_Dict_AddNumber(a.annot, "StructParent", key++);
        const Extra* link = extra_of(static_cast<std::int32_t>(a.elem));
        if (link && !link->text.empty()) {
            HPDF_Dict_Add(a.annot, "Contents", HPDF_String_New(mmgr, base::truncate_code_points(link->text, 16000).c_str(), utf8));
        }
    }
    HPDF_Dict parent_tree = new_written_dict(-3 - (-1));  // part -1: the whole, or the leaves' root
    if (static_cast<std::size_t>(key) > kKeysPerLeaf) {
        for (std::size_t from = 0, part = 0; from < static_cast<std::size_t>(key); from += kKeysPerLeaf, ++part) {
            tree_parts_.push_back(new_written_dict(-3 - static_cast<std::int32_t>(part)));
        }
    }
    HPDF_Dict_Add(root_, "ParentTree", parent_tree);
    HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", key);
    HPDF_Dict_Add(pdf_->catalog, "StructTreeRoot", root_);
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf_->catalog, "MarkInfo", mark_info);
}

}  // namespace compose::render
