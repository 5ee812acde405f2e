// Layout files (layouts/<name>.xml): page geometry and named paragraph styles.
// Read with pugixml here, not in source/, because a layout is the style stage's own input.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include <pugixml.hpp>

#include "compose/base/limits.h"
#include "compose/base/line_map.h"
#include "compose/base/suggest.h"
#include "compose/base/units.h"
#include "compose/source/read_file.h"
#include "compose/source/xml_file.h"
#include "compose/source/xml_walker.h"
#include "compose/style/style.h"

namespace compose::style {
namespace {

class LayoutReader {
public:
    LayoutReader(const base::LineMap& map, base::Diagnostics& diags) : walker_(map, diags), diags_(diags) {}

    // `base` is the layout this one extends (its page, fallbacks and styles are the start), or empty.
    std::optional<Layout> read(const pugi::xml_node& root, std::optional<Layout> base) {
        Layout layout = base ? std::move(*base) : Layout{};
        inherited_ = base.has_value();
        check_attributes(root, {"name", "extends"});
        layout.name = root.attribute("name").value();
        std::vector<pugi::xml_node> style_nodes;
        for (auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "page") read_page(child, layout.page);
            else if (name == "fallback") {
                check_attributes(child, {"family"});
                layout.fallback_families.push_back(child.attribute("family").value());
            } else if (name == "style") style_nodes.push_back(child);
            else unknown(child, {"page", "style", "fallback"});
        }
        // body first: every other style starts from it, then from its "base" if it names one
        for (auto& node : style_nodes) {
            if (std::string_view(node.attribute("name").value()) == "body") read_style(node, layout);
        }
        for (auto& node : style_nodes) {
            if (std::string_view(node.attribute("name").value()) != "body") read_style(node, layout);
        }
        for (const auto& required : required_styles()) {
            if (!layout.styles.count(required)) {
                diags_.error(pos(root), "layout has no style '" + required + "'");
            }
        }
        check_geometry(root, layout);
        return layout;
    }

private:
    source::XmlWalker walker_;  // positions, attribute and element checks as in sources
    base::Diagnostics& diags_;
    bool inherited_ = false;
    std::map<std::string, base::SourcePos> defined_here_;  // each style of this file, where it is defined

    base::SourcePos pos(const pugi::xml_node& node) const { return walker_.pos(node); }
    // an attribute's value is reported at the attribute
    base::SourcePos at(const pugi::xml_node& node, const char* attr) const { return walker_.attribute_pos(node, attr); }

    void unknown(const pugi::xml_node& node, const std::vector<std::string>& allowed) {
        walker_.unknown_element(node, allowed, node.parent().name());
    }

    void check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed) {
        walker_.check_attributes(node, allowed);
    }

    void length(const pugi::xml_node& node, const char* attr, double& out, bool allow_zero = true) {
        auto a = node.attribute(attr);
        if (!a) return;
        auto value = base::parse_length(a.value());
        if (!value || !std::isfinite(value->v) || value->v < 0 || (!allow_zero && value->v == 0)) {
            diags_.error(at(node, attr), std::string("'") + a.value() + "' is not a valid length for '" + attr + "'",
                         {"write lengths like 12pt, 2.5cm, 20mm or 1in"});
            return;
        }
        if (value->v > kMaxLength) {
            diags_.error(at(node, attr), std::string("'") + a.value() + "' is too long for '" + attr +
                                        "': no length is more than 14400pt (200in), the largest page a PDF may have");
            return;
        }
        out = value->v;
    }

    void read_page(const pugi::xml_node& node, PageStyle& page) {
        check_attributes(node, {"size", "width", "height", "margin-top", "margin-bottom", "margin-left",
                                "margin-right", "folio-offset", "header-offset", "columns", "annex-columns", "gutter",
                                "figure-height", "top-figures", "min-text"});
        std::string size = node.attribute("size").value();
        if (size == "A4") { page.width = 595.28; page.height = 841.89; }
        else if (size == "letter") { page.width = 612; page.height = 792; }
        else if (!size.empty()) diags_.error(at(node, "size"), "unknown page size '" + size + "'", {"use A4 or letter, or width and height"});
        length(node, "width", page.width, false);
        length(node, "height", page.height, false);
        length(node, "margin-top", page.margin_top);
        length(node, "margin-bottom", page.margin_bottom);
        length(node, "margin-left", page.margin_left);
        length(node, "margin-right", page.margin_right);
        length(node, "folio-offset", page.folio_offset);
        length(node, "header-offset", page.header_offset);
        length(node, "gutter", page.gutter);
        for (auto [attr, out] : {std::pair{"figure-height", &page.figure_height}, std::pair{"top-figures", &page.top_figures},
                                 std::pair{"min-text", &page.min_text}}) {
            if (auto a = node.attribute(attr)) {
                std::string value = a.value();
                auto share = base::parse_percent(value);
                if (!share || *share < 0 || *share > 1) {
                    diags_.error(at(node, attr), std::string(attr) + " is a percentage from 0% to 100%, not '" + value + "'");
                } else {
                    *out = *share;
                }
            }
        }
        for (auto [attr, out] : {std::pair{"columns", &page.columns}, std::pair{"annex-columns", &page.annex_columns}}) {
            if (auto a = node.attribute(attr)) {
                int n = a.as_int(0);
                if (n < 1 || n > 4) diags_.error(at(node, attr), std::string(attr) + " is a number from 1 to 4, not '" + a.value() + "'");
                else *out = n;
            }
        }
    }

    // No length is longer than the largest PDF page (PDF 1.7, annex C: 14,400 units).
    static constexpr double kMaxLength = 14400;

    void check_geometry(const pugi::xml_node& root, const Layout& layout) {
        const PageStyle& page = layout.page;
        check_page(root, page);
        // what every style must fit in: the text area's height and its narrowest column
        double text_height = page.height - page.margin_top - page.margin_bottom;
        double text_width = page.width - page.margin_left - page.margin_right;
        double column = text_width;
        for (int columns : {page.columns, page.annex_columns}) {
            column = std::min(column, (text_width - (columns - 1) * page.gutter) / columns);
        }
        if (text_height < 72 || column < 36) return;  // reported by check_page
        char numbers[128];
        for (const auto& [name, s] : layout.styles) {
            auto at = s.pos.known() ? s.pos : pos(root);
            if (s.leading > text_height || s.size > text_height) {
                std::snprintf(numbers, sizeof numbers, "%.1fpt, its leading %.1fpt", s.size, s.leading);
                diags_.error(at, "style '" + name + "' is taller than the page's text area (its size " + numbers +
                                     ", the text area " + std::to_string(static_cast<int>(text_height)) + "pt)");
            }
            if (s.margin_left + s.margin_right + s.indent + 36 > column) {
                std::snprintf(numbers, sizeof numbers, "%.1fpt", column);
                diags_.error(at, "style '" + name + "' leaves less than 36pt for text in a column of " + numbers +
                                     " (its margin-left, margin-right and indent take the rest)");
            }
        }
    }

    void check_page(const pugi::xml_node& layout_root, const PageStyle& page) {
        // at this layout's <page>, or at the layout when its page comes from the one it extends
        pugi::xml_node root = layout_root.child("page") ? layout_root.child("page") : layout_root;
        if (page.folio_offset > page.margin_bottom) {
            diags_.error(pos(root), "folio-offset puts the page number below the page's edge: it is more than margin-bottom");
        }
        if (page.header_offset > page.margin_top) {
            diags_.error(pos(root), "header-offset puts the running head above the page's edge: it is more than margin-top");
        }
        if (page.margin_left + page.margin_right + 36 > page.width) {
            diags_.error(pos(root), "the left and right margins leave less than 36pt of the page's width for text");
        }
        for (int columns : {page.columns, page.annex_columns}) {
            double text_width = page.width - page.margin_left - page.margin_right;
            if ((text_width - (columns - 1) * page.gutter) / columns < 36) {
                diags_.error(pos(root), std::to_string(columns) + " columns leave less than 36pt for each column");
                break;
            }
        }
        if (page.margin_top + page.margin_bottom + 72 > page.height) {
            diags_.error(pos(root), "the top and bottom margins leave less than 72pt of the page's height for text");
        }
    }

    void read_style(const pugi::xml_node& node, Layout& layout) {
        check_attributes(node, {"name", "base", "family", "weight", "style", "size", "leading", "space-before",
                                "space-after", "indent", "margin-left", "margin-right", "align", "keep-with-next",
                                "break-before", "color", "hyphenate", "hyphenate-capitals", "hyphenate-names",
                                "protrusion", "expansion"});
        std::string name = node.attribute("name").value();
        if (name.empty()) {
            diags_.error(pos(node), "<style> needs the attribute 'name'");
            return;
        }
        ParaStyle s;
        if (auto it = layout.styles.find("body"); it != layout.styles.end()) s = it->second;
        // a style redefined by an extending layout starts from the one it replaces
        if (auto it = layout.styles.find(name); inherited_ && it != layout.styles.end()) s = it->second;
        if (auto base_name = node.attribute("base")) {
            auto it = layout.styles.find(base_name.value());
            if (it == layout.styles.end()) diags_.error(at(node, "base"), std::string("base style '") + base_name.value() + "' is not defined before this one");
            else s = it->second;
        }
        s.name = name;
        s.pos = pos(node);
        if (auto a = node.attribute("family")) s.family = a.value();
        if (auto a = node.attribute("weight")) {
            std::string v = a.value();
            if (v != "bold" && v != "normal") diags_.error(at(node, "weight"), "weight is bold or normal, not '" + v + "'");
            s.bold = v == "bold";
        }
        if (auto a = node.attribute("style")) {
            std::string v = a.value();
            if (v != "italic" && v != "normal") diags_.error(at(node, "style"), "style is italic or normal, not '" + v + "'");
            s.italic = v == "italic";
        }
        length(node, "size", s.size, false);
        if (node.attribute("size") && !node.attribute("leading")) s.leading = s.size * 1.25;
        length(node, "leading", s.leading, false);
        length(node, "space-before", s.space_before);
        length(node, "space-after", s.space_after);
        length(node, "indent", s.indent);
        length(node, "margin-left", s.margin_left);
        length(node, "margin-right", s.margin_right);
        if (auto a = node.attribute("align")) {
            std::string v = a.value();
            if (v == "justify") s.align = Align::Justify;
            else if (v == "left") s.align = Align::Left;
            else if (v == "center") s.align = Align::Center;
            else if (v == "right") s.align = Align::Right;
            else diags_.error(at(node, "align"), "align is justify, left, center or right, not '" + v + "'");
        }
        if (auto a = node.attribute("keep-with-next")) {
            std::string v = a.value();
            if (v != "true" && v != "false") diags_.error(at(node, "keep-with-next"), "keep-with-next is true or false, not '" + v + "'");
            s.keep_with_next = v == "true";
        }
        for (auto [attr, out] : {std::pair{"hyphenate", &s.hyphenate}, std::pair{"hyphenate-capitals", &s.hyphenate_capitals},
                                 std::pair{"hyphenate-names", &s.hyphenate_names}}) {
            if (auto a = node.attribute(attr)) {
                std::string v = a.value();
                if (v != "true" && v != "false") diags_.error(at(node, attr), std::string(attr) + " is true or false, not '" + v + "'");
                *out = v == "true";
            }
        }
        if (auto a = node.attribute("protrusion")) {
            std::string v = a.value();
            if (v != "true" && v != "false") diags_.error(at(node, "protrusion"), "protrusion is true or false, not '" + v + "'");
            s.protrusion = v == "true";
        }
        if (auto a = node.attribute("expansion")) {
            std::string v = a.value();
            if (v != "true" && v != "false") diags_.error(at(node, "expansion"), "expansion is true or false, not '" + v + "'");
            s.expansion = v == "true";
        }
        if (auto a = node.attribute("break-before")) {
            std::string v = a.value();
            if (v != "page" && v != "auto") diags_.error(at(node, "break-before"), "break-before is page or auto, not '" + v + "'");
            s.page_break_before = v == "page";
        }
        if (auto a = node.attribute("color")) {
            std::string v = a.value();
            if (v.size() == 7 && v[0] == '#' && v.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos) {
                s.color = static_cast<std::uint32_t>(std::stoul(v.substr(1), nullptr, 16));
            } else {
                diags_.error(at(node, "color"), "color '" + v + "' is not #RRGGBB");
            }
        }
        if (auto [first, inserted] = defined_here_.emplace(name, pos(node)); !inserted) {
            base::Diagnostic d{base::Severity::Error, pos(node), "style '" + name + "' is defined twice"};
            d.notes.push_back({first->second, "'" + name + "' is first defined here"});
            diags_.add(std::move(d));
            return;
        }
        layout.styles[name] = s;  // may replace the style of the layout this one extends
    }
};

}  // namespace

const std::vector<std::string>& required_styles() {
    static const std::vector<std::string> names = {"body", "series", "title", "subtitle", "heading", "annex-heading", "lead",
                                                   "finding", "caption", "quote", "attribution", "table-header",
                                                   "table-cell", "table-group", "folio"};
    return names;
}

const ParaStyle& Layout::style(const std::string& name) const {
    auto it = styles.find(name);
    if (it != styles.end()) return it->second;
    static const ParaStyle fallback;
    auto body = styles.find("body");
    return body != styles.end() ? body->second : fallback;
}

namespace {

constexpr int kMaxLayoutDepth = 8;  // a chain of extends longer than this is surely a cycle

std::optional<Layout> load_layout_at(const std::string& path, base::Diagnostics& diags, int depth,
                                     const base::SourcePos& named_at, const base::Limits& limits);
std::optional<Layout> load_layout_text_at(const std::string& path, const std::string& text, base::Diagnostics& diags,
                                          int depth, const base::Limits& limits);

}  // namespace

std::optional<Layout> load_layout(const std::string& path, base::Diagnostics& diags, const base::Limits& limits) {
    return load_layout_at(path, diags, 0, {}, limits);
}

std::optional<Layout> load_layout_text(const std::string& path, const std::string& text, base::Diagnostics& diags,
                                       const base::Limits& limits) {
    return load_layout_text_at(path, text, diags, 0, limits);
}

namespace {

std::optional<Layout> load_layout_at(const std::string& path, base::Diagnostics& diags, int depth,
                                     const base::SourcePos& named_at, const base::Limits& limits) {
    auto text = source::read_file(path, named_at, diags, limits.file_size);
    if (!text) return std::nullopt;
    return load_layout_text_at(path, *text, diags, depth, limits);
}

std::optional<Layout> load_layout_text_at(const std::string& path, const std::string& text, base::Diagnostics& diags,
                                          int depth, const base::Limits& limits) {
    auto file = source::parse_xml_file(path, text, {"layout", "layouts", false}, limits, diags);
    if (!file) return std::nullopt;
    const base::LineMap& map = file->map;
    std::size_t errors = diags.count(base::Severity::Error);
    auto root = file->root();
    std::optional<Layout> base;
    if (auto extends = root.attribute("extends")) {
        base::SourcePos at = source::XmlWalker(map, diags).pos(root);
        if (depth >= kMaxLayoutDepth) {
            diags.error(at, "layouts extend each other in a cycle (or a chain deeper than " +
                                std::to_string(kMaxLayoutDepth) + ")");
            return std::nullopt;
        }
        std::string name = extends.value();
        if (name.empty() || name.find('/') != std::string::npos || name.find("..") != std::string::npos) {
            diags.error(at, "extends names a layout in the same folder, not '" + name + "'");
            return std::nullopt;
        }
        auto base_path = std::filesystem::path(path).parent_path() / (name + ".xml");
        base = load_layout_at(base_path.string(), diags, depth + 1, at, limits);
        if (!base) return std::nullopt;
    }
    auto layout = LayoutReader(map, diags).read(root, std::move(base));
    if (diags.count(base::Severity::Error) > errors) return std::nullopt;
    return layout;
}

}  // namespace

}  // namespace compose::style
