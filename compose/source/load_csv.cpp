#include "compose/source/load_csv.h"

#include <set>

#include "compose/base/line_map.h"
#include "compose/source/read_file.h"

namespace compose::source {

std::optional<char> delimiter_named(const std::string& name) {
    if (name == "comma" || name == ",") return ',';
    if (name == "semicolon" || name == ";") return ';';
    if (name == "tab") return '\t';
    return std::nullopt;
}

const char* delimiter_name(char delimiter) {
    switch (delimiter) {
    case ';': return "semicolon";
    case '\t': return "tab";
    default: return "comma";
    }
}

namespace {

// A header read as one column that holds another delimiter ("name;organization;email"): the file
// was saved in another dialect than the one it is read in. Reported once, at the header, instead
// of "row has 3 fields; the header names 1 columns" on every row.
bool report_other_delimiter(const std::vector<std::string>& header, const base::SourcePos& pos,
                            const CsvDialect& dialect, base::Diagnostics& diags) {
    if (dialect.delimiter_given || header.size() != 1) return false;
    for (char other : {';', '\t', ','}) {
        if (other == dialect.delimiter || header[0].find(other) == std::string::npos) continue;
        std::string name = delimiter_name(other);
        diags.error(pos, std::string("the header is one column holding ") + (other == '\t' ? "tabs" : name + "s") +
                             " and no " + delimiter_name(dialect.delimiter) + ": the file seems separated by " +
                             (other == '\t' ? "tabs" : name + "s"),
                    {"add delimiter=\"" + name + "\" to its <data>"});
        return true;
    }
    return false;
}

}  // namespace

std::optional<model::DataTable> parse_csv(const std::string& file_name, const std::string& input,
                                          base::Diagnostics& diags, const base::Limits& limits,
                                          const CsvDialect& dialect) {
    if (!check_utf8(file_name, input, diags)) return std::nullopt;
    std::size_t start = input.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // byte order mark
    // "sep=;" alone on the first line: Excel's way of naming the delimiter in the file itself. A
    // delimiter the source names wins; the line is no record either way.
    CsvDialect used = dialect;
    if (input.compare(start, 4, "sep=") == 0 && start + 5 <= input.size()) {
        const char named = input[start + 4];
        const std::size_t end = start + 5;
        if ((named == ',' || named == ';' || named == '\t') &&
            (end == input.size() || input[end] == '\n' || input[end] == '\r')) {
            if (!dialect.delimiter_given) used = {named, true};
            start = end + (input.compare(end, 2, "\r\n") == 0 ? 2 : end < input.size() ? 1 : 0);
        }
    }
    const char delimiter = used.delimiter;
    base::LineMap map(file_name, input);
    const std::size_t errors_before = diags.count(base::Severity::Error);

    std::vector<std::vector<std::string>> records;
    std::vector<base::SourcePos> record_pos;
    std::vector<std::string> record;
    std::string field;
    std::size_t i = start;
    const std::size_t n = input.size();
    std::size_t record_start = i;
    std::size_t field_start = i;
    bool record_open = false;
    std::uint64_t memory = 0;  // what the fields so far take, as the data-size limit counts it

    // Each returns false, with the error, when the file goes beyond a limit (cell-size, columns,
    // rows): it is not read further, so a hostile file cannot make compose hold millions of fields.
    auto end_field = [&] {
        if (field.size() > limits.cell_size) {
            diags.error(map.at(field_start), "a field holds " + std::to_string(field.size()) +
                                                 " bytes, more than the limit of " + base::format_bytes(limits.cell_size),
                        {base::raise_hint("cell-size")});
            return false;
        }
        if (record.size() == limits.columns) {
            diags.error(map.at(field_start), "a row has more than " + std::to_string(limits.columns) + " fields",
                        {base::raise_hint("columns")});
            return false;
        }
        memory += field.size() + base::kCellMemory;
        if (memory > limits.data_size) {
            diags.error(map.at(field_start), base::data_size_message("the file", limits.data_size),
                        {base::raise_hint("data-size")});
            return false;
        }
        record.push_back(std::move(field));
        field.clear();
        return true;
    };
    auto end_record = [&] {
        if (!end_field()) return false;
        // a line with nothing on it is not a record
        if (!(record.size() == 1 && record[0].empty())) {
            if (records.size() > limits.rows) {  // the first record names the columns
                diags.error(map.at(record_start), "the file has more than " + std::to_string(limits.rows) + " rows",
                            {base::raise_hint("rows")});
                return false;
            }
            records.push_back(std::move(record));
            record_pos.push_back(map.at(record_start));
        }
        record.clear();
        record_open = false;
        return true;
    };

    while (i < n) {
        if (!record_open) {
            record_start = field_start = i;
            record_open = true;
        }
        char c = input[i];
        if (c == '"' && field.empty()) {
            // quoted field: runs to the next lone quote
            std::size_t open = i++;
            bool closed = false;
            while (i < n) {
                if (input[i] == '"') {
                    if (i + 1 < n && input[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                field += input[i++];
            }
            if (!closed) {
                base::Diagnostic d{base::Severity::Error, map.at(open), "quoted field is never closed",
                                   {"a quote inside a quoted field is written \"\""}};
                d.notes.push_back({map.at(n), "the file ends here, inside the quoted field"});
                diags.add(std::move(d));
                return std::nullopt;
            }
            if (i < n && input[i] != delimiter && input[i] != '\n' && input[i] != '\r') {
                // "name";"organization": a quoted field ended by another dialect's delimiter
                const char other = input[i];
                if (!used.delimiter_given && (other == ';' || other == '\t' || other == ',')) {
                    std::string name = delimiter_name(other);
                    diags.error(map.at(i), "a " + name + " after a closing quote, where a " + delimiter_name(delimiter) +
                                               " was expected: the file seems separated by " +
                                               (other == '\t' ? "tabs" : name + "s"),
                                {"add delimiter=\"" + name + "\" to its <data>"});
                } else if (input.find('\n', open) < i) {
                    // a quote left open takes in the lines after it, up to the next quote: the
                    // mistake is where it opened, not where the next quote happens to be
                    base::Diagnostic d{base::Severity::Error, map.at(open),
                                       "quoted field is not closed on its line: it runs on to the next quote",
                                       {"close the quote; a quote inside a quoted field is written \"\""}};
                    d.notes.push_back({map.at(i - 1), std::string("the quote that ends it, followed by text where a ") +
                                                          delimiter_name(delimiter) + " or the line's end was expected"});
                    diags.add(std::move(d));
                } else {
                    diags.error(map.at(i), "unexpected character after a closing quote",
                                {"a quote inside a quoted field is written \"\""});
                }
                return std::nullopt;
            }
            continue;
        }
        if (c == '"') {
            diags.error(map.at(i), "quote inside an unquoted field", {"quote the whole field and double the quote: \"a \"\"b\"\"\""});
            return std::nullopt;
        }
        if (c == delimiter) {
            if (!end_field()) return std::nullopt;
            field_start = ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (!end_record()) return std::nullopt;
            i += (c == '\r' && i + 1 < n && input[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        field += c;
        ++i;
    }
    if (record_open && !end_record()) return std::nullopt;

    model::DataTable table;
    if (records.empty()) {
        diags.error(map.at(start), "data file is empty: the first row must name the columns");
        return std::nullopt;
    }
    if (report_other_delimiter(records[0], record_pos[0], used, diags)) return std::nullopt;
    table.columns = std::move(records[0]);
    std::set<std::string> seen;
    for (const auto& name : table.columns) {
        if (name.empty()) diags.error(record_pos[0], "a column has no name");
        else if (!seen.insert(name).second) diags.error(record_pos[0], "column '" + name + "' is named twice");
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.columns.size()) {
            diags.error(record_pos[r], "row has " + std::to_string(records[r].size()) + " field" +
                                           (records[r].size() == 1 ? "" : "s") + "; the header names " +
                                           std::to_string(table.columns.size()) + " columns");
            continue;
        }
        table.rows.push_back(std::move(records[r]));
        table.row_pos.push_back(record_pos[r]);
    }
    if (diags.count(base::Severity::Error) > errors_before) return std::nullopt;
    return table;
}

}  // namespace compose::source
