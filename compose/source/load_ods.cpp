// .ods (OpenDocument spreadsheet): content.xml holds every sheet as a table:table; each cell
// carries the text the spreadsheet shows in its text:p paragraphs, beside its typed value. Rows
// and cells may be repeated (a sheet ends with a million empty rows written as one), and a cell
// may span others, which are then written as covered cells.
#include <cstdlib>
#include <vector>

#include "compose/source/load_spreadsheet.h"
#include "compose/source/number_format.h"
#include "compose/source/sheet_table.h"
#include "compose/source/spreadsheet_xml.h"
#include "compose/source/zip_reader.h"

namespace compose::source {

namespace {

std::uint32_t count_attr(const pugi::xml_node& node, std::string_view name) {
    const char* value = attr(node, name);
    if (!*value) return 1;
    unsigned long n = std::strtoul(value, nullptr, 10);
    return n == 0 ? 1 : n > kMaxSheetRows ? kMaxSheetRows : static_cast<std::uint32_t>(n);
}

// The text a cell shows: its paragraphs, one per line; <text:s text:c="3"/>, <text:tab/> and
// <text:line-break/> write their spaces, tab and line break. White space in the text stays as it
// is: ODF §6.1.2 would collapse it, but LibreOffice writes a cell's spaces as they are
// ("second     line") and shows them so.
std::optional<std::string> cell_text(const XmlPart& part, const pugi::xml_node& cell, const base::Limits& limits,
                                     base::Diagnostics& diags) {
    std::string out;
    bool first = true;
    for (auto p : cell.children()) {
        auto name = local_name(p.name());
        if (name != "p" && name != "h") continue;
        auto text = gather_text(
            part, p, limits.depth, diags,
            [&](std::string_view element, const pugi::xml_node& node, std::string& s) {
                if (element == "s") {
                    s.append(std::min<std::uint32_t>(count_attr(node, "c"), 1024), ' ');
                    return false;
                }
                if (element == "tab") s += '\t';
                if (element == "line-break") s += '\n';
                // notes, and what only shows elsewhere, are not the cell's text
                return element != "note" && element != "annotation" && element != "tab" && element != "line-break" &&
                       element != "bookmark" && element != "change" && element != "soft-page-break";
            },
            [](const char* value, std::string& s) { s += value; });
        if (!text) return std::nullopt;
        out += (first ? "" : "\n") + *text;
        first = false;
        if (out.size() > limits.cell_size) break;  // the table reports it at the cell
    }
    if (!first) return out;
    // no paragraph: the typed value, as a program that writes no display text means it
    std::string_view type = attr(cell, "value-type");
    if (type == "float" || type == "percentage" || type == "currency") return format_general(std::strtod(attr(cell, "value"), nullptr));
    if (type == "date") return std::string(attr(cell, "date-value"));
    if (type == "time") return std::string(attr(cell, "time-value"));
    if (type == "boolean") return std::string(std::string_view(attr(cell, "boolean-value")) == "true" ? "TRUE" : "FALSE");
    if (type == "string") return std::string(attr(cell, "string-value"));
    return std::string();
}

}  // namespace

std::optional<model::DataTable> parse_ods(const std::string& file_name, std::string bytes, const std::string& sheet,
                                          base::Diagnostics& diags, const base::Limits& limits) {
    auto zip = ZipArchive::open(file_name, std::move(bytes), max_unpacked_size(limits), diags);
    if (!zip) return std::nullopt;
    if (auto mimetype = zip->read("mimetype", diags, false);
        mimetype && *mimetype != "application/vnd.oasis.opendocument.spreadsheet") {
        diags.error(zip->where(), "the file is '" + *mimetype + "', not an OpenDocument spreadsheet");
        return std::nullopt;
    }
    if (auto manifest = zip->read("META-INF/manifest.xml", diags, false);
        manifest && manifest->find("encryption-data") != std::string::npos) {
        diags.error(zip->where(), "the spreadsheet is saved with a password", {"save it without a password"});
        return std::nullopt;
    }
    if (diags.full()) return std::nullopt;
    auto content = read_xml_part(*zip, "content.xml", diags);
    if (!content) return std::nullopt;
    pugi::xml_node spreadsheet = child(child(content->root(), "body"), "spreadsheet");
    if (!spreadsheet) {
        diags.error(content->pos(content->root()), "content.xml holds no spreadsheet", {"is the file an .ods spreadsheet?"});
        return std::nullopt;
    }
    std::vector<std::string> names;
    pugi::xml_node table_node;
    for (auto t : spreadsheet.children()) {
        if (local_name(t.name()) != "table") continue;
        names.push_back(attr(t, "name"));
        if (!table_node && (sheet.empty() || same_sheet_name(names.back(), sheet))) table_node = t;
    }
    if (names.empty()) {
        diags.error(content->pos(spreadsheet), "the spreadsheet has no sheets");
        return std::nullopt;
    }
    if (!table_node) {
        no_such_sheet(file_name, sheet, names, diags);
        return std::nullopt;
    }
    SheetTable table(file_name, attr(table_node, "name"), limits, diags);

    // rows, also inside row groups and header rows, walked without recursion
    std::uint64_t row = 1;  // the next row's number
    std::vector<pugi::xml_node> stack{table_node.first_child()};
    while (!stack.empty()) {
        pugi::xml_node node = stack.back();
        if (!node) {
            stack.pop_back();
            continue;
        }
        stack.back() = node.next_sibling();
        auto name = local_name(node.name());
        if (name == "table-row-group" || name == "table-header-rows" || name == "table-rows") {
            if (stack.size() >= limits.depth) {
                diags.error(content->pos(node), "row groups nested deeper than " + std::to_string(limits.depth) + " levels",
                            {base::raise_hint("depth")});
                return std::nullopt;
            }
            stack.push_back(node.first_child());
            continue;
        }
        if (name != "table-row") continue;
        if (row > kMaxSheetRows) {
            diags.error(content->pos(node), "a row past row " + std::to_string(kMaxSheetRows));
            return std::nullopt;
        }
        const std::uint32_t r = static_cast<std::uint32_t>(row);
        std::uint32_t repeat = count_attr(node, "number-rows-repeated");
        // the row's cells once; a repeated row repeats them
        std::vector<std::pair<std::uint32_t, std::string>> cells;
        std::uint64_t col = 0;
        for (auto cell : node.children()) {
            auto kind = local_name(cell.name());
            if (kind != "table-cell" && kind != "covered-table-cell") continue;
            std::uint32_t across = count_attr(cell, "number-columns-repeated");
            if (col >= kMaxSheetColumns) break;  // past XFD: cells no program shows (often a repeated empty one)
            if (kind == "table-cell") {
                auto text = cell_text(*content, cell, limits, diags);
                if (!text) return std::nullopt;
                std::uint32_t wide = count_attr(cell, "number-columns-spanned"), tall = count_attr(cell, "number-rows-spanned");
                if (wide > 1 || tall > 1) {
                    table.merge(r, static_cast<std::uint32_t>(col),
                                static_cast<std::uint32_t>(std::min<std::uint64_t>(row + tall - 1, kMaxSheetRows)),
                                static_cast<std::uint32_t>(std::min<std::uint64_t>(col + wide - 1, kMaxSheetColumns - 1)));
                }
                if (!text->empty()) {
                    for (std::uint32_t k = 0; k < across && col + k < kMaxSheetColumns; ++k) {
                        cells.emplace_back(static_cast<std::uint32_t>(col + k), *text);
                        if (cells.size() > limits.columns + 1) break;  // the table reports it
                    }
                }
            }
            col += across;
        }
        if (cells.empty()) {
            // an empty row, or many: still given once, so that merged areas over it show
            if (!table.add(r, 0, "")) return std::nullopt;
        } else {
            for (std::uint32_t k = 0; k < repeat && row + k <= kMaxSheetRows; ++k) {
                for (const auto& [c, text] : cells) {
                    if (!table.add(r + k, c, text)) return std::nullopt;
                }
            }
        }
        row += repeat;
    }
    return table.finish();
}

}  // namespace compose::source
