// .xlsx (ECMA-376 SpreadsheetML): the workbook names its sheets and, through its relationships,
// the part of each; cells refer to the shared strings and to styles whose number formats say how
// numbers show.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "compose/base/suggest.h"
#include "compose/base/utf8.h"
#include "compose/source/load_spreadsheet.h"
#include "compose/source/number_format.h"
#include "compose/source/sheet_table.h"
#include "compose/source/spreadsheet_xml.h"
#include "compose/source/zip_reader.h"

namespace compose::source {

std::uint64_t max_unpacked_size(const base::Limits& limits) {
    return limits.file_size > (UINT64_MAX >> 4) ? UINT64_MAX : limits.file_size * 8;
}

void no_such_sheet(const std::string& file_name, const std::string& sheet, const std::vector<std::string>& sheets,
                   base::Diagnostics& diags) {
    std::vector<std::string> hints;
    if (auto close = base::closest(sheet, sheets)) hints.push_back("did you mean sheet=\"" + *close + "\"?");
    std::string list;
    for (const auto& s : sheets) list += (list.empty() ? "'" : ", '") + s + "'";
    hints.push_back("its sheets are " + list);
    diags.error({std::make_shared<const std::string>(file_name)}, "the workbook has no sheet '" + sheet + "'", std::move(hints));
}

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A relationship's target as a part name: relative to the folder of the part that names it, or
// absolute ("/xl/worksheets/sheet1.xml").
std::string resolve_target(const std::string& base_dir, std::string target) {
    std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string piece = path.substr(start, slash - start);
        if (piece == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!piece.empty() && piece != ".") parts.push_back(piece);
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& part) {
    auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

struct Relationship {
    std::string type, target;
};

// Id -> relationship, from the .rels part beside `part`.
std::map<std::string, Relationship> relationships(ZipArchive& zip, const std::string& part, base::Diagnostics& diags) {
    std::map<std::string, Relationship> out;
    std::string dir = folder_of(part);
    std::string name = part.substr(dir.size());
    auto rels = read_xml_part(zip, dir + "_rels/" + name + ".rels", diags, false);
    if (!rels) return out;
    for (auto r : rels->root().children()) {
        if (local_name(r.name()) != "Relationship") continue;
        if (std::string_view(attr(r, "TargetMode")) == "External") continue;
        out[attr(r, "Id")] = {attr(r, "Type"), resolve_target(dir, attr(r, "Target"))};
    }
    return out;
}

// ECMA-376 escapes characters XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return).
std::string unescape_xstring(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 2, "_x") == 0 && i + 7 <= s.size() && s[i + 6] == '_' &&
            std::all_of(s.begin() + long(i) + 2, s.begin() + long(i) + 6, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
            auto cp = static_cast<char32_t>(std::strtoul(s.substr(i + 2, 4).c_str(), nullptr, 16));
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            if (cp == 0) cp = 0xFFFD;
            base::append_utf8(out, cp);
            i += 7;
            continue;
        }
        out += s[i++];
    }
    return out;
}

// A shared or inline string: its <t>, or the <t> of each rich-text run; phonetic runs are not shown.
std::string string_item(const pugi::xml_node& si) {
    std::string out;
    for (auto c : si.children()) {
        auto name = local_name(c.name());
        if (name == "t") out += c.text().get();
        else if (name == "r") out += child(c, "t").text().get();
    }
    return unescape_xstring(std::move(out));
}

struct Workbook {
    ZipArchive& zip;
    const std::string& file_name;
    base::Diagnostics& diags;
    bool date1904 = false;
    std::vector<std::string> shared;
    std::vector<std::string> formats;  // per cell style (xf index): the number format code
    std::map<std::string, std::uint32_t> custom_formats;

    bool read_shared_strings(const std::string& part) {
        auto sst = read_xml_part(zip, part, diags);
        if (!sst) return false;
        for (auto si : sst->root().children()) {
            if (local_name(si.name()) == "si") shared.push_back(string_item(si));
        }
        return true;
    }

    bool read_styles(const std::string& part) {
        auto styles = read_xml_part(zip, part, diags);
        if (!styles) return false;
        std::map<long, std::string> codes;
        for (auto f : child(styles->root(), "numFmts").children()) {
            if (local_name(f.name()) == "numFmt") codes[std::atol(attr(f, "numFmtId"))] = attr(f, "formatCode");
        }
        for (auto xf : child(styles->root(), "cellXfs").children()) {
            if (local_name(xf.name()) != "xf") continue;
            long id = std::atol(attr(xf, "numFmtId"));
            auto custom = codes.find(id);
            formats.push_back(custom != codes.end() ? custom->second : builtin_number_format(static_cast<int>(id)));
        }
        return true;
    }

    const std::string& format_of(const char* style) const {
        static const std::string general = "General";
        if (!*style) return formats.empty() ? general : formats[0];
        char* end = nullptr;
        unsigned long index = std::strtoul(style, &end, 10);
        return (*end == 0 && index < formats.size()) ? formats[index] : general;
    }
};

// "2014-11-06T09:30:00" (a cell of type d) -> days since 1899-12-30
std::optional<double> iso_to_serial(std::string_view iso) {
    int y, mo, d, h = 0, mi = 0;
    double s = 0;
    std::string text(iso);
    int n = std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%lf", &y, &mo, &d, &h, &mi, &s);
    if (n != 3 && n != 6) return std::nullopt;
    using namespace std::chrono;
    year_month_day date{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!date.ok()) return std::nullopt;
    double days = (sys_days{date} - sys_days{year{1899} / 12 / 30}).count();
    return days + (h * 3600 + mi * 60 + s) / 86400.0;
}

}  // namespace

std::optional<model::DataTable> parse_xlsx(const std::string& file_name, std::string bytes, const std::string& sheet,
                                           base::Diagnostics& diags, const base::Limits& limits) {
    auto zip = ZipArchive::open(file_name, std::move(bytes), max_unpacked_size(limits), diags);
    if (!zip) return std::nullopt;

    // the workbook part: where the package's relationships say, by default xl/workbook.xml
    std::string workbook_part = "xl/workbook.xml";
    for (const auto& [id, rel] : relationships(*zip, "", diags)) {
        if (ends_with(rel.type, "/officeDocument")) workbook_part = rel.target;
    }
    if (diags.full()) return std::nullopt;
    auto workbook = read_xml_part(*zip, workbook_part, diags);
    if (!workbook) return std::nullopt;
    if (local_name(workbook->root().name()) != "workbook") {
        diags.error(workbook->pos(workbook->root()), "'" + workbook_part + "' is not a workbook",
                    {"is the file an .xlsx spreadsheet?"});
        return std::nullopt;
    }
    Workbook book{*zip, file_name, diags};
    std::string date1904 = attr(child(workbook->root(), "workbookPr"), "date1904");
    book.date1904 = date1904 == "1" || date1904 == "true";
    auto rels = relationships(*zip, workbook_part, diags);

    std::vector<std::string> names;
    std::string chosen, sheet_part;
    for (auto s : child(workbook->root(), "sheets").children()) {
        if (local_name(s.name()) != "sheet") continue;
        std::string name = attr(s, "name");
        names.push_back(name);
        bool wanted = sheet.empty() ? chosen.empty() : same_sheet_name(name, sheet);
        if (wanted && chosen.empty()) {
            auto rel = rels.find(attr(s, "id"));
            if (rel == rels.end()) {
                diags.error(workbook->pos(s), "sheet '" + name + "' names no part of the file");
                return std::nullopt;
            }
            chosen = name;
            sheet_part = rel->second.target;
        }
    }
    if (names.empty()) {
        diags.error(workbook->pos(workbook->root()), "the workbook has no sheets");
        return std::nullopt;
    }
    if (chosen.empty()) {
        no_such_sheet(file_name, sheet, names, diags);
        return std::nullopt;
    }
    for (const auto& [id, rel] : rels) {
        if (ends_with(rel.type, "/sharedStrings") && !book.read_shared_strings(rel.target)) return std::nullopt;
        if (ends_with(rel.type, "/styles") && !book.read_styles(rel.target)) return std::nullopt;
    }

    auto part = read_xml_part(*zip, sheet_part, diags);
    if (!part) return std::nullopt;
    SheetTable table(file_name, chosen, limits, diags);
    pugi::xml_node root = part->root();
    for (auto m : child(root, "mergeCells").children()) {
        if (local_name(m.name()) != "mergeCell") continue;
        std::string ref = attr(m, "ref");
        auto colon = ref.find(':');
        auto from = parse_cell_ref(ref.substr(0, colon));
        auto to = colon == std::string::npos ? from : parse_cell_ref(ref.substr(colon + 1));
        if (!from || !to) {
            diags.error(part->pos(m), "'" + ref + "' is not a range of cells");
            return std::nullopt;
        }
        table.merge(from->first, from->second, to->first, to->second);
    }

    std::uint32_t last_row = 0;
    for (auto row : child(root, "sheetData").children()) {
        if (local_name(row.name()) != "row") continue;
        std::uint32_t r = last_row + 1;
        if (*attr(row, "r")) {
            char* end = nullptr;
            unsigned long n = std::strtoul(attr(row, "r"), &end, 10);
            if (*end || n == 0 || n > kMaxSheetRows || n <= last_row) {
                diags.error(part->pos(row), std::string("row number '") + attr(row, "r") + "' is not after row " +
                                                std::to_string(last_row) + " (or past row " + std::to_string(kMaxSheetRows) + ")");
                return std::nullopt;
            }
            r = static_cast<std::uint32_t>(n);
        }
        last_row = r;
        std::uint32_t next_col = 0;
        for (auto c : row.children()) {
            if (local_name(c.name()) != "c") continue;
            std::uint32_t col = next_col;
            if (*attr(c, "r")) {
                auto ref = parse_cell_ref(attr(c, "r"));
                if (!ref || ref->first != r || ref->second < next_col) {
                    diags.error(part->pos(c), std::string("cell '") + attr(c, "r") + "' is not a cell of row " +
                                                  std::to_string(r) + " after column " +
                                                  (next_col ? column_letters(next_col - 1) : std::string("none")));
                    return std::nullopt;
                }
                col = ref->second;
            }
            if (col >= kMaxSheetColumns) {
                diags.error(part->pos(c), "a cell past column " + column_letters(kMaxSheetColumns - 1));
                return std::nullopt;
            }
            next_col = col + 1;
            std::string_view type = attr(c, "t");
            std::string value = child(c, "v").text().get();
            std::string text;
            if (type == "s") {
                char* end = nullptr;
                unsigned long index = std::strtoul(value.c_str(), &end, 10);
                if (value.empty() || *end || index >= book.shared.size()) {
                    diags.error(table.at(r, col), "the cell refers to shared string '" + value + "', which the file does not have");
                    return std::nullopt;
                }
                text = book.shared[index];
            } else if (type == "inlineStr") {
                text = string_item(child(c, "is"));
            } else if (type == "str" || type == "e") {
                text = unescape_xstring(value);
            } else if (type == "b") {
                text = value.empty() ? "" : value == "0" ? "FALSE" : "TRUE";
            } else if (type == "d") {
                auto serial = iso_to_serial(value);
                const std::string& format = book.format_of(attr(c, "s"));
                text = serial && is_date_format(format) ? format_number(*serial, format, false) : value;
            } else if (!value.empty()) {
                char* end = nullptr;
                double number = std::strtod(value.c_str(), &end);
                if (*end) {
                    diags.error(table.at(r, col), "the cell's value '" + value + "' is not a number");
                    return std::nullopt;
                }
                text = format_number(number, book.format_of(attr(c, "s")), book.date1904);
            }
            if (!table.add(r, col, std::move(text))) return std::nullopt;
        }
    }
    return table.finish();
}

}  // namespace compose::source
