#pragma once
// Spreadsheets as data files: a sheet of an .xlsx (Office Open XML) or .ods (OpenDocument)
// workbook read directly, its zip through libzip and its XML parts through pugixml; a legacy
// .xls (Excel 97-2003) through FreeXL. The first row
// that holds anything names the columns; every cell is the text the spreadsheet shows (shared and
// inline strings; numbers and dates as their number format displays them); a merged area shows
// its first cell's value in each cell it covers; empty rows are skipped.
//
// Errors name the cell as spreadsheets do ("participants.xlsx:Sheet1!C7") or the part and its
// line:col ("participants.xlsx:xl/worksheets/sheet1.xml:2:1"). The limits of CSV files hold
// (rows, columns, cell-size, depth), and every part is unpacked under a cap of 8 times the
// file-size limit, counted as it unpacks: a zip bomb or a part with a DOCTYPE is an error.
#include <optional>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/model/document.h"

namespace compose::source {

// The sheet named `sheet`, or the first when `sheet` is empty. Rows' positions are
// "participants.xlsx:Sheet1" with the row as line and the column as col.
std::optional<model::DataTable> parse_xlsx(const std::string& file_name, std::string bytes, const std::string& sheet,
                                           base::Diagnostics& diags, const base::Limits& limits = {});
// An Excel 97-2003 workbook (.xls), through FreeXL (load_xls.cpp says what it reads).
std::optional<model::DataTable> parse_xls(const std::string& file_name, std::string bytes, const std::string& sheet,
                                          base::Diagnostics& diags, const base::Limits& limits = {});
std::optional<model::DataTable> parse_ods(const std::string& file_name, std::string bytes, const std::string& sheet,
                                          base::Diagnostics& diags, const base::Limits& limits = {});

// The unpacked size a spreadsheet's parts may reach, from the file-size limit.
std::uint64_t max_unpacked_size(const base::Limits& limits);

// The error for a sheet name the workbook does not have, with the names it has.
void no_such_sheet(const std::string& file_name, const std::string& sheet, const std::vector<std::string>& sheets,
                   base::Diagnostics& diags);

}  // namespace compose::source
