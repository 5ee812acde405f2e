#include "compose/source/load_table.h"

#include <filesystem>

#include "compose/source/load_csv.h"
#include "compose/source/load_spreadsheet.h"
#include "compose/source/read_file.h"

namespace compose::source {

namespace {

std::string extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

TableKind table_kind(const std::string& path) {
    std::string ext = extension(path);
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return TableKind::Delimited;
    if (ext == ".xlsx" || ext == ".xlsm") return TableKind::Xlsx;
    if (ext == ".ods") return TableKind::Ods;
    if (ext == ".xls") return TableKind::Xls;
    return TableKind::None;
}

bool check_table_format(TableKind kind, const TableFormat& format, const std::string& src,
                        const base::SourcePos& named_at, base::Diagnostics& diags) {
    bool ok = true;
    if (kind == TableKind::Delimited && !format.sheet.empty()) {
        diags.error(named_at, "sheet= names a sheet of a workbook, and '" + src + "' is delimited text",
                    {"leave sheet= out, or name the .xlsx, .ods or .xls file"});
        ok = false;
    }
    if (kind == TableKind::Xlsx || kind == TableKind::Ods || kind == TableKind::Xls) {
        for (const char* a : {"delimiter", "encoding"}) {
            bool given = std::string_view(a) == "delimiter" ? format.delimiter.has_value() : format.encoding.has_value();
            if (!given) continue;
            diags.error(named_at, std::string(a) + "= is for delimited text (.csv, .tsv, .txt), and '" + src + "' is a workbook",
                        {std::string("leave ") + a + "= out: a workbook says its own"});
            ok = false;
        }
    }
    return ok;
}

std::optional<model::DataTable> parse_table(const std::string& file_name, std::string bytes, TableKind kind,
                                            const TableFormat& format, base::Diagnostics& diags,
                                            const base::Limits& limits) {
    switch (kind) {
    case TableKind::Delimited: {
        auto text = decode_text(file_name, std::move(bytes), format.encoding, diags);
        if (!text) return std::nullopt;
        CsvDialect dialect;
        dialect.delimiter = format.delimiter.value_or(extension(file_name) == ".csv" ? ',' : '\t');
        dialect.delimiter_given = format.delimiter.has_value();
        return parse_csv(file_name, *text, diags, limits, dialect);
    }
    case TableKind::Xlsx: return parse_xlsx(file_name, std::move(bytes), format.sheet, diags, limits);
    case TableKind::Ods: return parse_ods(file_name, std::move(bytes), format.sheet, diags, limits);
    case TableKind::Xls: return parse_xls(file_name, std::move(bytes), format.sheet, diags, limits);
    case TableKind::None: break;
    }
    diags.error({std::make_shared<const std::string>(file_name)}, "not a table of data: name a .csv, .tsv, .txt, .xlsx, .ods or .xls file");
    return std::nullopt;
}

std::optional<model::DataTable> load_table_file(const std::string& path, const TableFormat& format,
                                                base::Diagnostics& diags, const base::Limits& limits) {
    base::SourcePos file{std::make_shared<const std::string>(path)};
    TableKind kind = table_kind(path);
    if (kind == TableKind::None) {
        diags.error(file, "not a table of data: name a .csv, .tsv, .txt, .xlsx, .ods or .xls file");
        return std::nullopt;
    }
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
        diags.error(file, "not a regular file");
        return std::nullopt;
    }
    if (!check_table_format(kind, format, path, file, diags)) return std::nullopt;
    auto bytes = read_file(path, file, diags, limits.file_size);
    if (!bytes) return std::nullopt;
    return parse_table(path, std::move(*bytes), kind, format, diags, limits);
}

}  // namespace compose::source
