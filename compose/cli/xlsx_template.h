#pragma once
// The .xlsx participants template `compose new` writes beside participants.csv, for organisers
// who keep the list in a spreadsheet: one sheet of rows of text, the first the header. Written
// with libzip, the same bytes every time (fixed dates, fixed part order, no extra fields), and
// as small as a workbook can be that Excel, LibreOffice and compose's own reader open: the
// package's content types and relationships, the workbook, one sheet of inline strings.
#include <optional>
#include <string>
#include <vector>

namespace compose::cli {

// The .xlsx file's bytes: the sheet `sheet` holding `rows` (each cell inline text). nullopt only
// when libzip fails to write in memory.
std::optional<std::string> xlsx_workbook(const std::string& sheet, const std::vector<std::vector<std::string>>& rows);

}  // namespace compose::cli
