#pragma once
// CSV data files per RFC 4180: quoted fields with commas, quotes and line breaks, an optional
// UTF-8 byte order mark, CRLF or LF line ends. The first row names the columns. Fields may be
// separated by semicolons or tabs instead of commas (the dialects spreadsheets save in other
// locales, and "text (tab delimited)"); text in other encodings is converted first (text_encoding.h).
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/model/document.h"

namespace compose::source {

struct CsvDialect {
    char delimiter = ',';          // ',', ';' or '\t'
    bool delimiter_given = false;  // named by the source: no guessing that another was meant
};

// The delimiter a `delimiter=` attribute names ("comma", "semicolon", "tab", or "," ";"), or nullopt.
std::optional<char> delimiter_named(const std::string& name);
// "comma", "semicolon", "tab"
const char* delimiter_name(char delimiter);

// Errors (broken quotes, ragged rows, invalid UTF-8, empty or duplicate column names) are
// reported at file:line:col; returns nullopt if any was found.
// Beyond `limits` (cell-size, columns, rows) the file is refused at the field, row or record
// that goes over. A first line "sep=;" (as Excel writes) names the delimiter when the source
// does not, and is no record. When the delimiter was not given and the header is one column holding another
// delimiter and no comma ("name;organization;email"), the error says so, with the attribute to add.
std::optional<model::DataTable> parse_csv(const std::string& file_name, const std::string& text,
                                          base::Diagnostics& diags, const base::Limits& limits = {},
                                          const CsvDialect& dialect = {});

}  // namespace compose::source
