#pragma once
// A table of data from a file of any kind compose reads as one: delimited text (.csv, .tsv, .txt)
// in its dialect and encoding, or a sheet of an .xlsx or .ods workbook. `<data>` and
// `compose data diff` both read through here.
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/model/document.h"
#include "compose/source/text_encoding.h"

namespace compose::source {

enum class TableKind { Delimited, Xlsx, Ods, Xls, None };

// By the file's extension, in any case: .csv, .tsv and .txt are delimited text (.tsv and .txt
// by tabs unless told otherwise, as "Text (tab delimited)" and "Unicode text" save them);
// .xlsx and .xlsm are Office Open XML workbooks; .ods an OpenDocument one; .xls Excel 97-2003's.
TableKind table_kind(const std::string& path);

// How the file is to be read, as the <data> element (or the command line) says.
struct TableFormat {
    std::string sheet;                 // a workbook's sheet, by name; empty: its first
    std::optional<char> delimiter;     // delimited text: ',' ';' '\t'; nullopt: by the extension
    std::optional<Encoding> encoding;  // delimited text; nullopt: UTF-8, or UTF-16 by its byte order mark
};

// Whether `format` suits the kind of file (sheet= for workbooks, delimiter= and encoding= for
// delimited text); the error is at `named_at`, naming the attribute.
bool check_table_format(TableKind kind, const TableFormat& format, const std::string& src,
                        const base::SourcePos& named_at, base::Diagnostics& diags);

// Reads the table; nullopt after an error (at the file's line:col or the sheet's cell).
std::optional<model::DataTable> parse_table(const std::string& file_name, std::string bytes, TableKind kind,
                                            const TableFormat& format, base::Diagnostics& diags,
                                            const base::Limits& limits = {});

// Reads the file at `path` (a regular file, within the file-size limit) and its table.
std::optional<model::DataTable> load_table_file(const std::string& path, const TableFormat& format,
                                                base::Diagnostics& diags, const base::Limits& limits = {});

}  // namespace compose::source
