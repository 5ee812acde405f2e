#pragma once
// CSV data files per RFC 4180: quoted fields with commas, quotes and line breaks, an optional
// UTF-8 byte order mark, CRLF or LF line ends. The first row names the columns.
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/model/document.h"

namespace compose::source {

// Errors (broken quotes, ragged rows, invalid UTF-8, empty or duplicate column names) are
// reported at file:line:col; returns nullopt if any was found.
// Beyond `limits` (cell-size, columns, rows) the file is refused at the field, row or record
// that goes over.
std::optional<model::DataTable> parse_csv(const std::string& file_name, const std::string& text,
                                          base::Diagnostics& diags, const base::Limits& limits = {});

}  // namespace compose::source
