#pragma once
// What changed between two versions of a table of data (`compose data diff OLD NEW`): the rows
// added, removed and changed, matched by a key column, for the reviewer who asks who was added,
// removed or renamed before a report goes out. Each list is in the order of its keys (ICU's root
// collation, so "Álvaro" sorts with the A's), and the same inputs always give the same output.
#include <optional>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/model/document.h"

namespace compose::source {

struct DataDiff {
    struct Row {
        std::string key;
        base::SourcePos pos;
        std::vector<std::pair<std::string, std::string>> fields;  // column, value; in the table's order
    };
    struct FieldChange {
        std::string column, before, after;
    };
    struct Change {
        std::string key;
        base::SourcePos before, after;
        std::vector<FieldChange> fields;  // in the new table's column order
    };
    std::string key;
    std::size_t rows_before = 0, rows_after = 0, unchanged = 0;
    std::vector<std::string> columns_added, columns_removed;
    std::vector<Row> added, removed;
    std::vector<Change> changed;

    bool empty() const {
        return added.empty() && removed.empty() && changed.empty() && columns_added.empty() && columns_removed.empty();
    }
};

// Matches rows by the column `key` (empty: "name" when both tables have it, else the old table's
// first column). A key on several rows of one table is a warning at the later row; such rows
// are matched in their order. nullopt, with an error, when either table lacks the key column.
std::optional<DataDiff> diff_tables(const model::DataTable& before, const model::DataTable& after, std::string key,
                                    const std::string& before_name, const std::string& after_name,
                                    base::Diagnostics& diags);

// One line per added (+), removed (-) and changed (~) row, each change's fields below it.
std::string format_diff(const DataDiff& diff, const std::string& before_name, const std::string& after_name);

// The same as JSON, for review tools: {"old", "new", "key", "rows", "columns", "added", "removed",
// "changed", "unchanged"}; positions as "file:line".
std::string format_diff_json(const DataDiff& diff, const std::string& before_name, const std::string& after_name);

}  // namespace compose::source
