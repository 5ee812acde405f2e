// libFuzzer target: data files as organisers keep them, through the table readers. An input that
// starts as a zip does ("PK") is read as an .xlsx and as an .ods workbook; any other as delimited
// text in each dialect and encoding (comma, semicolon, tab; UTF-8, UTF-16, Windows-1252,
// ISO-8859-1). Limits are lowered so that an input cannot make one run slow.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compose/source/load_table.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

void check(const std::optional<compose::model::DataTable>& table, const compose::base::Diagnostics& diags,
           const compose::base::Limits& limits) {
    using compose::fuzz::fail;
    compose::fuzz::check_diagnostics(diags, !table);
    if (!table) return;
    if (table->columns.empty()) fail("a table without columns was kept");
    if (table->rows.size() != table->row_pos.size()) fail("rows and their positions differ in number");
    if (table->rows.size() > limits.rows) fail("more rows than the rows limit");
    if (table->columns.size() > limits.columns) fail("more columns than the columns limit");
    for (const auto& row : table->rows) {
        if (row.size() != table->columns.size()) fail("a row of another width than the header was kept");
        for (const auto& cell : row) {
            if (cell.size() > limits.cell_size) fail("a cell larger than the cell-size limit was kept");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 256 * 1024) return 0;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    base::Limits limits;
    limits.file_size = 256 << 10;  // parts unpack to at most 2 MB
    limits.rows = 2000;
    limits.columns = 64;
    limits.cell_size = 4096;
    if (bytes.compare(0, 2, "PK") == 0) {
        for (auto [name, kind] : {std::pair{"people.xlsx", source::TableKind::Xlsx}, std::pair{"people.ods", source::TableKind::Ods}}) {
            base::Diagnostics diags;
            check(source::parse_table(name, bytes, kind, {}, diags, limits), diags, limits);
        }
        return 0;
    }
    // the dialect and encoding from the input's size, so that every one is reached
    const char delimiters[] = {',', ';', '\t'};
    const std::optional<source::Encoding> encodings[] = {std::nullopt, source::Encoding::Utf16, source::Encoding::Windows1252,
                                                         source::Encoding::Latin1};
    source::TableFormat format;
    format.delimiter = delimiters[size % 3];
    format.encoding = encodings[(size / 3) % 4];
    base::Diagnostics diags;
    check(source::parse_table("people.csv", bytes, source::TableKind::Delimited, format, diags, limits), diags, limits);
    base::Diagnostics guessed;  // nothing named: UTF-8 or UTF-16 by its mark, commas, the header checked for others
    check(source::parse_table("people.csv", bytes, source::TableKind::Delimited, {}, guessed, limits), guessed, limits);
    return 0;
}
