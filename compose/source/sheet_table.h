#pragma once
// A spreadsheet's cells, as the .xlsx and .ods readers find them, become a data table the way a
// CSV file does: the first row that holds anything names the columns, each later row that holds
// anything is a row. A merged area shows its first cell's value in every cell it covers. Cells
// are named as spreadsheets name them, "participants.xlsx:Sheet1!C7", in every error.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/model/document.h"

namespace compose::source {

constexpr std::uint32_t kMaxSheetRows = 1048576;  // what Excel and LibreOffice allow
constexpr std::uint32_t kMaxSheetColumns = 16384; // A … XFD

// "A" for 0, "Z" for 25, "AA" for 26
std::string column_letters(std::uint32_t column);
// "C7" -> {7, 2} (1-based row, 0-based column); nullopt for anything else or past XFD1048576
std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_cell_ref(std::string_view ref);
// Sheet names as spreadsheets compare them: without regard to (ASCII) case.
bool same_sheet_name(std::string_view a, std::string_view b);
// A sheet's name as a reference writes it: Sheet1, 'My list' (quoted when not letters and digits)
std::string quoted_sheet_name(const std::string& sheet);

class SheetTable {
public:
    SheetTable(std::string file_name, std::string sheet, const base::Limits& limits, base::Diagnostics& diags);

    // "participants.xlsx:Sheet1!C7"
    base::SourcePos at(std::uint32_t row, std::uint32_t column) const;

    // A merged area from (row1, col1) to (row2, col2), announced before the rows it covers are
    // ended (before or at its first cell).
    void merge(std::uint32_t row1, std::uint32_t col1, std::uint32_t row2, std::uint32_t col2);

    // Cells come row by row, and left to right in a row (1-based rows, 0-based columns). False
    // when the sheet goes beyond a limit: the error is reported, reading stops.
    bool add(std::uint32_t row, std::uint32_t column, std::string text);

    // The table; nullopt when an error was reported.
    std::optional<model::DataTable> finish();

private:
    struct Merge {
        std::uint32_t row1, col1, row2, col2;
        std::string value;
    };
    bool end_row();
    void activate(std::uint32_t row);
    bool fill_rows_before(std::uint32_t row);
    bool take_row(std::uint32_t row, std::vector<std::pair<std::uint32_t, std::string>>& cells);

    std::string file_name_, sheet_;
    base::Limits limits_;
    base::Diagnostics& diags_;
    std::size_t errors_before_;
    std::shared_ptr<const std::string> rows_file_;  // "participants.xlsx:Sheet1", the rows' positions

    std::vector<Merge> merges_;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> merge_at_;  // first cell -> merge
    std::multimap<std::uint32_t, std::size_t> pending_;  // merges below the rows read so far, by first row
    std::vector<std::size_t> active_;                    // merges over the row being read
    std::uint32_t done_ = 0;                             // rows up to this one are taken

    std::uint32_t row_ = 0;  // the row being read, 0 before the first
    std::vector<std::pair<std::uint32_t, std::string>> cells_;
    bool have_header_ = false;
    std::uint32_t first_col_ = 0, last_col_ = 0, header_row_ = 0;
    model::DataTable table_;
    std::uint64_t memory_ = 0;  // what the rows taken so far take, as the data-size limit counts it
};

}  // namespace compose::source
