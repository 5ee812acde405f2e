// libFuzzer target: data files as organisers keep them, through the table readers. An input that
// starts as a zip does ("PK") is read as an .xlsx and as an .ods workbook; one that starts as an
// OLE compound file does (D0 CF 11 E0) as an Excel 97-2003 .xls, through FreeXL. One that starts as XML
// does ("<") is packed, uncompressed, into both as the part a sheet is read from (the worksheet
// of an .xlsx with a few shared strings and styles; the content.xml of an .ods), so that mutations
// reach the XML readers without breaking a zip's checksums. Any other input is read as delimited
// text in each dialect and encoding (comma, semicolon, tab; UTF-8, UTF-16, Windows-1252,
// ISO-8859-1). Limits are lowered so that an input cannot make one run slow.
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

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

std::uint32_t crc32(const std::string& data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A zip of stored (uncompressed) entries.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out, directory;
    auto u16 = [](std::string& s, std::uint32_t v) { s += char(v & 0xFF), s += char((v >> 8) & 0xFF); };
    auto u32 = [&](std::string& s, std::uint32_t v) { u16(s, v & 0xFFFF), u16(s, v >> 16); };
    for (const auto& [name, data] : entries) {
        std::uint32_t offset = static_cast<std::uint32_t>(out.size()), crc = crc32(data);
        auto size = static_cast<std::uint32_t>(data.size());
        u32(out, 0x04034b50), u16(out, 20), u16(out, 0), u16(out, 0), u16(out, 0), u16(out, 0x21);
        u32(out, crc), u32(out, size), u32(out, size), u16(out, static_cast<std::uint32_t>(name.size())), u16(out, 0);
        out += name + data;
        u32(directory, 0x02014b50), u16(directory, 20), u16(directory, 20), u16(directory, 0), u16(directory, 0);
        u16(directory, 0), u16(directory, 0x21), u32(directory, crc), u32(directory, size), u32(directory, size);
        u16(directory, static_cast<std::uint32_t>(name.size())), u16(directory, 0), u16(directory, 0), u16(directory, 0);
        u16(directory, 0), u32(directory, 0), u32(directory, offset);
        directory += name;
    }
    std::uint32_t at = static_cast<std::uint32_t>(out.size()), n = static_cast<std::uint32_t>(entries.size());
    out += directory;
    u32(out, 0x06054b50), u16(out, 0), u16(out, 0), u16(out, n), u16(out, n);
    u32(out, static_cast<std::uint32_t>(directory.size())), u32(out, at), u16(out, 0);
    return out;
}

const char* const kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* const kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string xlsx_around(const std::string& worksheet) {
    const std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    return zip_of({
        {"_rels/.rels", rels + "<Relationship Id=\"r\" Type=\"" + kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel +
                                "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"a\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", rels + "<Relationship Id=\"a\" Type=\"" + kRel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                                           "<Relationship Id=\"b\" Type=\"" + kRel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
                                           "<Relationship Id=\"c\" Type=\"" + kRel + "/styles\" Target=\"styles.xml\"/></Relationships>"},
        {"xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMain + "\"><si><t>name</t></si><si><r><t>A</t></r><r><t>na</t></r></si></sst>"},
        {"xl/styles.xml", std::string("<styleSheet xmlns=\"") + kMain + "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"d mmmm yyyy\"/>" +
                              "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf numFmtId=\"4\"/></cellXfs></styleSheet>"},
        {"xl/worksheets/sheet1.xml", worksheet},
    });
}

std::string ods_around(const std::string& content) {
    return zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}});
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
    if (bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0) {
        base::Diagnostics diags;
        check(source::parse_table("people.xls", bytes, source::TableKind::Xls, {}, diags, limits), diags, limits);
        return 0;
    }
    if (bytes.compare(0, 1, "<") == 0) {
        for (auto [name, kind, zip] : {std::tuple{"people.xlsx", source::TableKind::Xlsx, xlsx_around(bytes)},
                                       std::tuple{"people.ods", source::TableKind::Ods, ods_around(bytes)}}) {
            base::Diagnostics diags;
            check(source::parse_table(name, zip, kind, {}, diags, limits), diags, limits);
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
