#include "compose/cli/xlsx_template.h"

#include <ctime>
#include <memory>
#include <utility>

#include <zip.h>

#include "compose/base/utf8.h"
#include "compose/source/sheet_table.h"

namespace compose::cli {

namespace {

const char* const kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* const kRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
const char* const kOfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string content_types() {
    return std::string(kDeclaration) +
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/xl/workbook.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
           "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
           "</Types>\n";
}

std::string package_rels() {
    return std::string(kDeclaration) + "<Relationships xmlns=\"" + kRelationships + "\">" +
           "<Relationship Id=\"rId1\" Type=\"" + kOfficeRelationships + "/officeDocument\" Target=\"xl/workbook.xml\"/>" +
           "</Relationships>\n";
}

std::string workbook(const std::string& sheet) {
    return std::string(kDeclaration) +
           "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" +
           kOfficeRelationships + "\"><sheets><sheet name=\"" + base::xml_escaped(sheet) +
           "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>\n";
}

std::string workbook_rels() {
    return std::string(kDeclaration) + "<Relationships xmlns=\"" + kRelationships + "\">" +
           "<Relationship Id=\"rId1\" Type=\"" + kOfficeRelationships + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
           "</Relationships>\n";
}

std::string worksheet(const std::vector<std::vector<std::string>>& rows) {
    std::string out = std::string(kDeclaration) +
                      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string n = std::to_string(r + 1);
        out += "<row r=\"" + n + "\">";
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            // xml:space keeps a value's leading and trailing spaces, as the CSV would
            out += "<c r=\"" + source::column_letters(static_cast<std::uint32_t>(c)) + n + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" +
                   base::xml_escaped(rows[r][c]) + "</t></is></c>";
        }
        out += "</row>";
    }
    return out + "</sheetData></worksheet>\n";
}

struct ZipDeleter {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// 2000-01-01 00:00 local time, as zip's DOS dates are: the same bytes whenever it is written
std::time_t fixed_date() {
    std::tm tm{};
    tm.tm_year = 100;
    tm.tm_mday = 1;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
}

}  // namespace

std::optional<std::string> xlsx_workbook(const std::string& sheet, const std::vector<std::vector<std::string>>& rows) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, SourceDeleter> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) return std::nullopt;
    std::unique_ptr<zip_t, ZipDeleter> zip(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
    zip_error_fini(&error);
    if (!zip) return std::nullopt;
    zip_source_keep(buffer.get());  // the buffer outlives the archive's closing: it holds the bytes

    // the parts, in the order Office writes them; libzip copies none of them, so they live here
    const std::vector<std::pair<const char*, std::string>> parts = {
        {"[Content_Types].xml", content_types()}, {"_rels/.rels", package_rels()},
        {"xl/workbook.xml", workbook(sheet)},     {"xl/_rels/workbook.xml.rels", workbook_rels()},
        {"xl/worksheets/sheet1.xml", worksheet(rows)},
    };
    const std::time_t date = fixed_date();
    for (const auto& [name, text] : parts) {
        zip_source_t* source = zip_source_buffer(zip.get(), text.data(), text.size(), 0);
        if (!source) return std::nullopt;
        zip_int64_t index = zip_file_add(zip.get(), name, source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            return std::nullopt;
        }
        if (zip_set_file_compression(zip.get(), index, ZIP_CM_DEFLATE, 9) < 0 ||
            zip_file_set_mtime(zip.get(), index, date, 0) < 0 ||
            zip_file_set_external_attributes(zip.get(), index, 0, ZIP_OPSYS_DOS, 0) < 0) {
            return std::nullopt;
        }
    }
    if (zip_close(zip.get()) < 0) return std::nullopt;
    (void)zip.release();  // closed: freed by zip_close

    std::string bytes;
    if (zip_source_open(buffer.get()) < 0) return std::nullopt;
    char chunk[8192];
    zip_int64_t n;
    while ((n = zip_source_read(buffer.get(), chunk, sizeof chunk)) > 0) bytes.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(buffer.get());
    if (n < 0) return std::nullopt;
    return bytes;
}

}  // namespace compose::cli
