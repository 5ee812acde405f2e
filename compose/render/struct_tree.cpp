#include "compose/render/struct_tree.h"

#include <algorithm>

#include <hpdf_objects.h>
#include <hpdf_pages.h>

namespace compose::render {

using base::Role;

const char* pdf_struct_type(const base::Node& node) {
    switch (node.role) {
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
        return kLevels[std::clamp(node.level, 1, 6) - 1];
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
    if (!node) return -1;
    auto it = by_node_.find(node.index());
    return it == by_node_.end() ? -1 : it->second;
}

std::int32_t StructTree::add_elem(const base::Node& node, std::int32_t parent) {
    const auto index = static_cast<std::int32_t>(elems_.size());
    Elem& e = elems_.emplace_back();
    e.node = node;
    e.parent = parent;
    e.type = pdf_struct_type(node);
    const std::string inherited = parent >= 0 ? elems_[parent].lang : std::string();
    e.lang = node.lang.empty() ? inherited : node.lang;
    e.lang_own = !node.lang.empty() && node.lang != inherited;
    if (node.role == Role::Caption || node.role == Role::Link) e.text_sink = index;
    else if (parent >= 0) e.text_sink = elems_[parent].text_sink;
    if (node.role == Role::Caption && parent >= 0 && elems_[parent].node.role == Role::Figure) elems_[parent].caption = index;
    return index;
}

void StructTree::begin_page(const display::Page& page, HPDF_Page handle) {
    const auto index = static_cast<std::uint32_t>(pages_.size());
    pages_.push_back(handle);
    mcid_elems_.clear();
    HPDF_Dict_AddNumber(handle, "StructParents", static_cast<HPDF_INT32>(index));
    HPDF_Dict_AddName(handle, "Tabs", "S");  // annotations in the order of the structure
    for (const auto& node : page.nodes) {
        if (!node.id || by_node_.count(node.id.index())) continue;
        by_node_.emplace(node.id.index(), add_elem(node, elem_of(node.parent)));
    }
}

HPDF_Dict StructTree::dict_of(std::int32_t elem) {
    Elem& e = elems_[elem];
    if (!e.dict) {
        e.dict = HPDF_Dict_New(pdf_->mmgr);
        if (e.dict) HPDF_Xref_Add(pdf_->xref, e.dict);
    }
    return e.dict;
}

// An element is listed in its parent's kids when its first content (or its first descendant's)
// comes: the kids are then in the order of the page, which is the reading order. Table rows go
// into a THead (header rows) or TBody made for their table.
void StructTree::attach(std::int32_t elem) {
    if (elems_[elem].attached) return;
    elems_[elem].attached = true;
    dict_of(elem);
    std::int32_t parent = elems_[elem].parent;
    const Role role = elems_[elem].node.role;
    const bool row = role == Role::HeaderRow || role == Role::Row || role == Role::Day || role == Role::Slot ||
                     role == Role::Talk;
    if (parent >= 0 && elems_[parent].node.id && row &&
        (elems_[parent].node.role == Role::Table || elems_[parent].node.role == Role::Agenda)) {
        const bool head = role == Role::HeaderRow;
        std::int32_t group = head ? elems_[parent].thead : elems_[parent].tbody;
        if (group < 0) {
            base::Node made;
            made.role = Role::Box;  // not a row: its type is set here
            group = add_elem(made, parent);
            elems_[group].type = head ? "THead" : "TBody";
            (head ? elems_[parent].thead : elems_[parent].tbody) = group;
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
    if (e.node.role != Role::Image || !e.node.alt.empty()) return false;
    if (e.parent < 0) return true;
    const Elem& figure = elems_[e.parent];
    return figure.node.alt.empty() && figure.caption < 0;
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
    Elem& sink = elems_[elems_[e].text_sink];
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
    if (elems_[e].node.role != Role::Link) {  // an annotation is the kid of a Link element
        base::Node made;
        made.role = Role::Link;
        const std::int32_t parent = e;
        e = add_elem(made, parent);
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
    HPDF_Array list = HPDF_Array_New(pdf_->mmgr);
    for (std::int32_t e : mcid_elems_) HPDF_Array_Add(list, dict_of(e));
    page_parents_.push_back(list);
    mcid_elems_.clear();
}

void StructTree::finish() {
    HPDF_MMgr mmgr = pdf_->mmgr;
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_, "UTF-8");
    HPDF_Dict root = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(pdf_->xref, root);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    HPDF_Array root_kids = HPDF_Array_New(mmgr);
    for (std::int32_t e : roots_) HPDF_Array_Add(root_kids, dict_of(e));
    HPDF_Dict_Add(root, "K", root_kids);

    auto text = [&](const std::string& s) { return HPDF_String_New(mmgr, s.substr(0, 16000).c_str(), utf8); };
    for (std::size_t i = 0; i < elems_.size(); ++i) {
        Elem& e = elems_[i];
        if (!e.attached) continue;
        HPDF_Dict d = e.dict;
        HPDF_Dict_AddName(d, "Type", "StructElem");
        HPDF_Dict_AddName(d, "S", e.type);
        HPDF_Dict_Add(d, "P", e.parent >= 0 ? dict_of(e.parent) : root);
        std::int64_t page = -1;  // the page of its first content: /Pg
        for (const Kid& k : e.kids) {
            if (k.kind != Kid::Child) {
                page = k.page;
                break;
            }
        }
        if (page >= 0) HPDF_Dict_Add(d, "Pg", pages_[page]);
        HPDF_Array kids = HPDF_Array_New(mmgr);
        for (const Kid& k : e.kids) {
            if (k.kind == Kid::Child) {
                HPDF_Array_Add(kids, dict_of(static_cast<std::int32_t>(k.value)));
            } else if (k.kind == Kid::Content) {
                if (static_cast<std::int64_t>(k.page) == page) {
                    HPDF_Array_AddNumber(kids, static_cast<HPDF_INT32>(k.value));
                } else {  // content on another page than the element's /Pg
                    HPDF_Dict mcr = HPDF_Dict_New(mmgr);
                    HPDF_Dict_AddName(mcr, "Type", "MCR");
                    HPDF_Dict_Add(mcr, "Pg", pages_[k.page]);
                    HPDF_Dict_AddNumber(mcr, "MCID", static_cast<HPDF_INT32>(k.value));
                    HPDF_Array_Add(kids, mcr);
                }
            } else if (annots_[k.value].annot) {
                HPDF_Dict objr = HPDF_Dict_New(mmgr);
                HPDF_Dict_AddName(objr, "Type", "OBJR");
                HPDF_Dict_Add(objr, "Obj", annots_[k.value].annot);
                HPDF_Dict_Add(objr, "Pg", pages_[k.page]);
                HPDF_Array_Add(kids, objr);
            }
        }
        HPDF_Dict_Add(d, "K", kids);
        if (e.lang_own) HPDF_Dict_Add(d, "Lang", HPDF_String_New(mmgr, e.lang.c_str(), nullptr));
        if (e.node.role == Role::HeaderCell) {
            HPDF_Dict a = HPDF_Dict_New(mmgr);
            HPDF_Dict_AddName(a, "O", "Table");
            HPDF_Dict_AddName(a, "Scope", "Column");
            HPDF_Dict_Add(d, "A", a);
        }
        if (e.node.role == Role::Image) {
            // its own alternative text, its figure's, or else its caption's text
            std::string alt = e.node.alt;
            if (alt.empty() && e.parent >= 0) alt = elems_[e.parent].node.alt;
            if (alt.empty() && e.parent >= 0 && elems_[e.parent].caption >= 0) alt = elems_[elems_[e.parent].caption].text;
            if (!alt.empty()) HPDF_Dict_Add(d, "Alt", text(alt));
        }
    }

    // The parent tree: per page (key: its index) the element of each MCID; per annotation (keys
    // after the pages') its Link element.
    HPDF_Array nums = HPDF_Array_New(mmgr);
    for (std::size_t p = 0; p < page_parents_.size(); ++p) {
        HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
        HPDF_Array_Add(nums, page_parents_[p]);
    }
    std::int32_t key = static_cast<std::int32_t>(pages_.size());
    for (const Annot& a : annots_) {
        if (!a.annot) continue;
        HPDF_Dict_AddNumber(a.annot, "StructParent", key);
        const Elem& link = elems_[a.elem];
        if (!link.text.empty()) HPDF_Dict_Add(a.annot, "Contents", text(link.text));
        HPDF_Array_AddNumber(nums, key++);
        HPDF_Array_Add(nums, dict_of(static_cast<std::int32_t>(a.elem)));
    }
    HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(pdf_->xref, parent_tree);
    HPDF_Dict_Add(parent_tree, "Nums", nums);
    HPDF_Dict_Add(root, "ParentTree", parent_tree);
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);
    HPDF_Dict_Add(pdf_->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf_->catalog, "MarkInfo", mark_info);
}

}  // namespace compose::render
