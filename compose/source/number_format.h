#pragma once
// A spreadsheet stores a number and a format code ("d mmmm yyyy", "#,##0.00", "0%"); the reader
// of a sheet wants the text the spreadsheet shows. This formats a number by the common parts of
// Excel's format codes (ECMA-376 §18.8.31, which .ods number styles are also converted to):
// sections for positive, negative and zero; dates and times (days since 1899-12-30, or 1904);
// digits, thousands separators, decimals, percent, scientific; quoted literals and escapes.
// English month and day names. What it does not cover (fractions, conditions, fill characters)
// falls back to General.
#include <string>
#include <string_view>

namespace compose::source {

// The format code of one of Excel's built-in number formats (0–49), as shown in an en-US
// locale; "General" for ids it does not know.
std::string builtin_number_format(int id);

// Whether the format code shows a date or a time.
bool is_date_format(std::string_view code);

// `value` as `code` shows it; `date1904` for workbooks that count days from 1904.
std::string format_number(double value, std::string_view code, bool date1904 = false);

// A number in "General": integers whole, others with up to 10 significant digits, very large or
// very small ones in scientific notation (1.23457E+11), as Excel shows them in a wide cell.
std::string format_general(double value);

}  // namespace compose::source
