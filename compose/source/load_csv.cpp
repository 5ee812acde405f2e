#include "compose/source/load_csv.h"

#include <set>

#include "compose/base/line_map.h"
#include "compose/source/read_file.h"

namespace compose::source {

std::optional<model::DataTable> parse_csv(const std::string& file_name, const std::string& input,
                                          base::Diagnostics& diags) {
    if (!check_utf8(file_name, input, diags)) return std::nullopt;
    std::size_t start = input.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // byte order mark
    base::LineMap map(file_name, input);
    const std::size_t errors_before = diags.count(base::Severity::Error);

    std::vector<std::vector<std::string>> records;
    std::vector<base::SourcePos> record_pos;
    std::vector<std::string> record;
    std::string field;
    std::size_t i = start;
    const std::size_t n = input.size();
    std::size_t record_start = i;
    bool record_open = false;

    auto end_field = [&] {
        record.push_back(std::move(field));
        field.clear();
    };
    auto end_record = [&] {
        end_field();
        // a line with nothing on it is not a record
        if (!(record.size() == 1 && record[0].empty())) {
            records.push_back(std::move(record));
            record_pos.push_back(map.at(record_start));
        }
        record.clear();
        record_open = false;
    };

    while (i < n) {
        if (!record_open) {
            record_start = i;
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
                diags.error(map.at(open), "quoted field is never closed", {"a quote inside a quoted field is written \"\""});
                return std::nullopt;
            }
            if (i < n && input[i] != ',' && input[i] != '\n' && input[i] != '\r') {
                diags.error(map.at(i), "unexpected character after a closing quote",
                            {"a quote inside a quoted field is written \"\""});
                return std::nullopt;
            }
            continue;
        }
        if (c == '"') {
            diags.error(map.at(i), "quote inside an unquoted field", {"quote the whole field and double the quote: \"a \"\"b\"\"\""});
            return std::nullopt;
        }
        if (c == ',') {
            end_field();
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            end_record();
            i += (c == '\r' && i + 1 < n && input[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        field += c;
        ++i;
    }
    if (record_open) end_record();

    model::DataTable table;
    if (records.empty()) {
        diags.error(map.at(start), "data file is empty: the first row must name the columns");
        return std::nullopt;
    }
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
