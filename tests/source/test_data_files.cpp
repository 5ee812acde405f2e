// Data files as organisers keep them: CSV in other dialects and encodings, and sheets of .xlsx
// and .ods workbooks (tests/source/data, saved by LibreOffice; make-fixtures.sh), each read into
// the same table as the bundled participants CSV; broken ones refused with a located error.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "compose/source/data_diff.h"
#include "compose/source/load_csv.h"
#include "compose/source/load_spreadsheet.h"
#include "compose/source/load_table.h"
#include "compose/source/number_format.h"
#include "compose/source/sheet_table.h"
#include "compose/source/source.h"
#include "compose/source/text_encoding.h"

namespace {

using compose::base::Diagnostics;
using compose::base::Limits;
using compose::model::DataTable;
namespace src = compose::source;

std::string all_diagnostics(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += compose::base::format(d) + "\n";
    return out;
}

std::string fixture_path(const std::string& name) { return std::string(COMPOSE_SOURCE_DIR) + "/tests/source/data/" + name; }

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The table of a fixture, read as <data> would read it; diagnostics named by the bare file name.
std::optional<DataTable> table(const std::string& name, const src::TableFormat& format, Diagnostics& diags,
                               const Limits& limits = {}) {
    return src::parse_table(name, bytes_of(fixture_path(name)), src::table_kind(name), format, diags, limits);
}

DataTable bundled_participants() {
    Diagnostics diags;
    auto t = src::load_table_file(std::string(COMPOSE_SOURCE_DIR) + "/sources/mexico-2014/participants.csv", {}, diags);
    REQUIRE(t);
    return *t;
}

}  // namespace

TEST_CASE("semicolon and tab separated text is read with delimiter=") {
    Diagnostics diags;
    src::CsvDialect semicolon{';', true};
    auto t = src::parse_csv("p.csv", "name;org\n\"Ana; B\";Insyde\nBruno;\"a \"\"b\"\"\"\n", diags, {}, semicolon);
    REQUIRE(t);
    CHECK(t->columns == std::vector<std::string>{"name", "org"});
    CHECK(t->rows == std::vector<std::vector<std::string>>{{"Ana; B", "Insyde"}, {"Bruno", "a \"b\""}});
    src::CsvDialect tab{'\t', true};
    auto u = src::parse_csv("p.tsv", "name\torg\nAna, B\tInsyde\n", diags, {}, tab);
    REQUIRE(u);
    CHECK(u->rows == std::vector<std::vector<std::string>>{{"Ana, B", "Insyde"}});
    CHECK(all_diagnostics(diags).empty());
}

TEST_CASE("a first line sep= with a delimiter names it, as Excel writes it, and the lines keep their numbers") {
    Diagnostics diags;
    auto t = src::parse_csv("p.csv", "sep=;\r\nname;org\r\nAna;Insyde, Mexico\r\n", diags);
    INFO(all_diagnostics(diags));
    REQUIRE(t);
    CHECK(t->columns == std::vector<std::string>{"name", "org"});
    CHECK(t->rows == std::vector<std::vector<std::string>>{{"Ana", "Insyde, Mexico"}});
    CHECK(t->row_pos[0].line == 3);
    Diagnostics given;  // the source's delimiter wins; the line is still skipped
    auto u = src::parse_csv("p.csv", "sep=;\nname,org\nAna,Insyde\n", given, {}, {',', true});
    REQUIRE(u);
    CHECK(u->columns == std::vector<std::string>{"name", "org"});
}

TEST_CASE("a header separated by semicolons or tabs, read as commas, says which delimiter= to add") {
    Diagnostics plain;
    CHECK_FALSE(src::parse_csv("p.csv", "name;organization;email\nAna;Insyde;a@b.org\n", plain));
    CHECK(all_diagnostics(plain) ==
          "p.csv:1:1: error: the header is one column holding semicolons and no comma: the file seems separated by "
          "semicolons; add delimiter=\"semicolon\" to its <data>\n");
    Diagnostics quoted;  // as spreadsheets quote every field
    CHECK_FALSE(src::parse_csv("p.csv", "\"name\";\"organization\"\n\"Ana\";\"Insyde\"\n", quoted));
    CHECK(all_diagnostics(quoted) ==
          "p.csv:1:7: error: a semicolon after a closing quote, where a comma was expected: the file seems separated by "
          "semicolons; add delimiter=\"semicolon\" to its <data>\n");
    Diagnostics tabs;
    CHECK_FALSE(src::parse_csv("p.csv", "name\torganization\nAna\tInsyde\n", tabs));
    CHECK(all_diagnostics(tabs) ==
          "p.csv:1:1: error: the header is one column holding tabs and no comma: the file seems separated by tabs; "
          "add delimiter=\"tab\" to its <data>\n");
    Diagnostics commas;  // a .tsv that is really comma separated
    CHECK_FALSE(src::parse_csv("p.tsv", "name,organization\nAna,Insyde\n", commas, {}, {'\t', false}));
    CHECK(all_diagnostics(commas).find("the file seems separated by commas; add delimiter=\"comma\"") != std::string::npos);
    Diagnostics named;  // a delimiter the source names is not second-guessed: one column it is
    auto t = src::parse_csv("p.csv", "a;b\nx;y\n", named, {}, {',', true});
    REQUIRE(t);
    CHECK(t->columns == std::vector<std::string>{"a;b"});
}

TEST_CASE("text in Windows-1252, ISO-8859-1 and UTF-16 becomes UTF-8, and bytes that are no character are located") {
    Diagnostics diags;
    auto cp1252 = src::decode_text("p.csv", "name\nP\xE9rez \x80 \x93x\x94\n", src::Encoding::Windows1252, diags);
    REQUIRE(cp1252);
    CHECK(*cp1252 == "name\nPérez € “x”\n");
    auto latin1 = src::decode_text("p.csv", "N\xFA\xF1" "ez", src::Encoding::Latin1, diags);
    REQUIRE(latin1);
    CHECK(*latin1 == "Núñez");
    auto le = src::decode_text("p.txt", std::string("\xFF\xFE" "a\0\n\0\xE9\0", 8), src::Encoding::Utf16, diags);
    REQUIRE(le);
    CHECK(*le == "a\né");
    // no encoding given: the byte order mark says UTF-16 (big-endian here)
    auto be = src::decode_text("p.txt", std::string("\xFE\xFF\0a\xD8\x3D\xDE\x00", 8), std::nullopt, diags);
    REQUIRE(be);
    CHECK(*be == "a\xF0\x9F\x98\x80");
    CHECK(all_diagnostics(diags).empty());

    // the five bytes Windows-1252 leaves undefined become the C1 controls, as Windows itself reads them
    auto undefined = src::decode_text("p.csv", "ab\x81", src::Encoding::Windows1252, diags);
    REQUIRE(undefined);
    CHECK(*undefined == "ab\xC2\x81");
    Diagnostics lone;  // an unpaired surrogate on line 2
    CHECK_FALSE(src::decode_text("p.txt", std::string("\xFF\xFEx\0\n\0y\0\x00\xD8z\0", 12), src::Encoding::Utf16, lone));
    CHECK(all_diagnostics(lone).rfind("p.txt:2:2: error: bytes 0x00 0xD8 are not a character in UTF-16", 0) == 0);
    Diagnostics odd;
    CHECK_FALSE(src::decode_text("p.txt", std::string("\xFF\xFEx\0y", 5), src::Encoding::Utf16, odd));
    CHECK(all_diagnostics(odd) == "p.txt:1:2: error: the file ends inside a character (UTF-16); is the file truncated?\n");
    Diagnostics no_bom;
    CHECK_FALSE(src::decode_text("p.txt", std::string("x\0", 2), src::Encoding::Utf16, no_bom));
    CHECK(all_diagnostics(no_bom).rfind("p.txt:1:1: error: a UTF-16 file must start with a byte order mark", 0) == 0);
    Diagnostics contradiction;
    CHECK_FALSE(src::decode_text("p.csv", "\xEF\xBB\xBFname\n", src::Encoding::Windows1252, contradiction));
    CHECK(all_diagnostics(contradiction) == "p.csv:1:1: error: the file starts with UTF-8's byte order mark, but its "
                                            "<data> says encoding=\"windows-1252\"; leave encoding= out: the file is UTF-8\n");
    Diagnostics legacy;  // read as UTF-8, the error suggests the attribute
    CHECK_FALSE(src::decode_text("p.csv", "name\nP\xE9rez\n", std::nullopt, legacy));
    CHECK(all_diagnostics(legacy) == "p.csv:2:2: error: invalid UTF-8: byte 0xE9 does not start a valid sequence; save the "
                                     "file as UTF-8; or, if a spreadsheet saved it in its legacy encoding (\"ANSI\", "
                                     "Western European), add encoding=\"windows-1252\" to its <data>\n");
}

TEST_CASE("the bundled participants saved by LibreOffice as xlsx, ods, xls, semicolon CSV in Windows-1252 and UTF-16 text read the same") {
    DataTable expected = bundled_participants();
    REQUIRE(expected.rows.size() == 52);
    struct Case {
        const char* file;
        src::TableFormat format;
    };
    src::TableFormat semicolon_1252;
    semicolon_1252.delimiter = ';';
    semicolon_1252.encoding = src::Encoding::Windows1252;
    for (const auto& c : {Case{"participants.xlsx", {}}, Case{"participants.ods", {}}, Case{"participants.xls", {}},
                          Case{"participants-semicolon-1252.csv", semicolon_1252}, Case{"participants-tab-utf16.txt", {}}}) {
        INFO(c.file);
        Diagnostics diags;
        auto t = table(c.file, c.format, diags);
        INFO(all_diagnostics(diags));
        REQUIRE(t);
        CHECK(t->columns == expected.columns);
        CHECK(t->rows == expected.rows);
        REQUIRE(t->row_pos.size() == expected.row_pos.size());
        // row N of the sheet is line N of the CSV: the same line numbers, so the same dump
        for (std::size_t r = 0; r < t->row_pos.size(); ++r) CHECK(t->row_pos[r].line == expected.row_pos[r].line);
    }
}

TEST_CASE("sheet cells read as the spreadsheet shows them: dates, numbers, merged and empty cells, several lines") {
    for (const char* file : {"features.xlsx", "features.ods"}) {
        INFO(file);
        Diagnostics diags;
        auto t = table(file, {}, diags);
        INFO(all_diagnostics(diags));
        REQUIRE(t);
        CHECK(t->columns == std::vector<std::string>{"name", "organization", "joined", "fee", "share", "start", "phone", "note"});
        REQUIRE(t->rows.size() == 3);  // the empty row 4 is no row
        CHECK(t->rows[0] == std::vector<std::string>{"Ana Pérez", "Insyde", "2014-11-06", "1,234.50", "25%", "09:30",
                                                     "5512345678", "first line\nsecond     line"});
        // the organization is merged over rows 2 and 3: both show it
        CHECK(t->rows[1] == std::vector<std::string>{"Bruno Díaz", "Insyde", "7 November 2014", "-0.50", "100%", "14:05", "",
                                                     "a_x000D_ stays"});
        CHECK(t->rows[2] == std::vector<std::string>{"Carla Núñez", "Instituto Igarapé", "3/10/2015", "2469", "", "", "", ""});
        CHECK(t->row_pos[2].line == 5);
        CHECK(t->row_pos[2].file_name() == std::string(file) + ":People");
    }
}

TEST_CASE("a sheet is chosen by name, in any case, and a name the workbook lacks lists those it has") {
    for (const char* file : {"features.xlsx", "features.ods"}) {
        INFO(file);
        Diagnostics diags;
        src::TableFormat format;
        format.sheet = "agenda 2";
        auto t = table(file, format, diags);
        REQUIRE(t);
        CHECK(t->columns == std::vector<std::string>{"day", "title"});
        CHECK(t->rows == std::vector<std::vector<std::string>>{{"1", "Opening"}});
        Diagnostics missing;
        format.sheet = "Peple";
        CHECK_FALSE(table(file, format, missing));
        CHECK(all_diagnostics(missing) == std::string(file) + ": error: the workbook has no sheet 'Peple'; did you mean "
                                                              "sheet=\"People\"?; its sheets are 'People', 'Agenda 2'\n");
    }
}

TEST_CASE("broken workbooks are located errors: truncated, an entity, a 10 MB cell, a zip bomb, limits") {
    Diagnostics truncated;
    CHECK_FALSE(table("broken-truncated.xlsx", {}, truncated));
    CHECK(all_diagnostics(truncated).rfind("broken-truncated.xlsx: error: cannot open the file as a zip archive: ", 0) == 0);
    CHECK(all_diagnostics(truncated).find("is it truncated") != std::string::npos);

    Diagnostics entity;
    CHECK_FALSE(table("broken-entity.xlsx", {}, entity));
    CHECK(all_diagnostics(entity) == "broken-entity.xlsx:xl/worksheets/sheet1.xml:2:11: error: a DOCTYPE is not allowed: "
                                     "data files never read external DTDs or entities\n");

    Diagnostics big;
    CHECK_FALSE(table("broken-bigcell.xlsx", {}, big));
    CHECK(all_diagnostics(big) == "broken-bigcell.xlsx:participants!C7: error: a cell holds 10485760 bytes, more than the "
                                  "limit of 64 KB; raise the limit with --limit cell-size=N\n");

    Limits small;
    small.file_size = 64 << 10;  // parts may unpack to 512 KB
    Diagnostics bomb;
    CHECK_FALSE(table("broken-bomb.xlsx", {}, bomb, small));
    CHECK(all_diagnostics(bomb) == "broken-bomb.xlsx: error: 'xl/worksheets/sheet1.xml' unpacks to more than 512 KB (a "
                                   "zip bomb?); the limit is 8 times the file-size limit; raise it with --limit file-size=N\n");

    Limits few;
    few.rows = 10;
    few.columns = 2;
    Diagnostics rows;
    CHECK_FALSE(table("participants.ods", {}, rows, few));
    CHECK(all_diagnostics(rows) == "participants.ods:participants!C1: error: the header names more than 2 columns; raise "
                                   "the limit with --limit columns=N\n");
    few.columns = 3;
    Diagnostics more;
    CHECK_FALSE(table("participants.xlsx", {}, more, few));
    CHECK(all_diagnostics(more) == "participants.xlsx:participants!A12: error: the sheet has more than 10 rows; raise the "
                                   "limit with --limit rows=N\n");
}

TEST_CASE("a sheet's header and rows: unnamed and doubled columns, values outside them, merged areas") {
    Diagnostics diags;
    src::SheetTable sheet("p.xlsx", "My list", {}, diags);
    sheet.merge(3, 1, 5, 1);  // B3:B5
    CHECK(sheet.add(2, 1, "name"));
    CHECK(sheet.add(2, 2, ""));
    CHECK(sheet.add(2, 3, "org"));
    CHECK(sheet.add(2, 4, "name"));
    CHECK(sheet.add(3, 1, "Ana"));
    CHECK(sheet.add(3, 6, "stray"));
    CHECK_FALSE(sheet.finish());
    CHECK(all_diagnostics(diags) ==
          "p.xlsx:'My list'!C2: error: column C has no name; the first row of the sheet names the columns\n"
          "p.xlsx:'My list'!E2: error: column 'name' is named twice; first in column B\n"
          "p.xlsx:'My list'!G3: error: a value in column G, which the header does not name; row 2 names columns B to E\n");

    Diagnostics ok;
    src::SheetTable merged("p.xlsx", "S", {}, ok);
    merged.merge(2, 0, 4, 0);  // A2:A4, rows 3 and 4 given no cell at all
    CHECK(merged.add(1, 0, "org"));
    CHECK(merged.add(1, 1, "name"));
    CHECK(merged.add(2, 0, "Insyde"));
    CHECK(merged.add(2, 1, "Ana"));
    CHECK(merged.add(4, 1, "Bruno"));
    auto t = merged.finish();
    REQUIRE(t);
    CHECK(t->rows == std::vector<std::vector<std::string>>{{"Insyde", "Ana"}, {"Insyde", ""}, {"Insyde", "Bruno"}});
    CHECK(src::column_letters(0) == "A");
    CHECK(src::column_letters(27) == "AB");
    CHECK(src::column_letters(16383) == "XFD");
    CHECK(src::parse_cell_ref("XFD1048576") == std::pair<std::uint32_t, std::uint32_t>{1048576, 16383});
    CHECK_FALSE(src::parse_cell_ref("XFE1"));
    CHECK_FALSE(src::parse_cell_ref("A0"));
}

TEST_CASE("a sheet is held to the data-size limit, however few cells the file writes: a merged area, the bundled list") {
    // one 1 KB value merged down 1,000 rows: 1 MB of cells from a few bytes of XML
    Limits limits;
    limits.data_size = 64 << 10;
    Diagnostics diags;
    src::SheetTable sheet("p.xlsx", "S", limits, diags);
    sheet.merge(2, 0, 1001, 0);
    CHECK(sheet.add(1, 0, "org"));
    CHECK(sheet.add(2, 0, std::string(1024, 'x')));
    CHECK_FALSE(sheet.finish());
    // rows of 1,024 + 32 bytes: the 63rd (sheet row 64) goes past 64 KB
    CHECK(all_diagnostics(diags) == "p.xlsx:S!A64: error: the sheet takes more than 64 KB of memory as a table (its "
                                    "cells' text, and 32 bytes for each cell); raise the limit with --limit data-size=N\n");
    // the bundled participants (52 rows of 3 cells, 7 KB of text), as LibreOffice saved them
    Limits small;
    small.data_size = 4 << 10;
    for (const char* name : {"participants.xlsx", "participants.ods"}) {
        Diagnostics refused, read;
        CHECK_FALSE(table(name, {}, refused, small));
        CHECK(all_diagnostics(refused).find("error: the sheet takes more than 4 KB of memory as a table") != std::string::npos);
        CHECK(table(name, {}, read));
    }
}

TEST_CASE("an Excel 97-2003 workbook (.xls) is read through FreeXL, its errors located, its sheets limited like the others") {
    // the first bytes of an OLE compound file only
    Diagnostics truncated;
    CHECK_FALSE(table("legacy.xls", {}, truncated));
    CHECK(all_diagnostics(truncated) == "legacy.xls: error: cannot read the file as an Excel 97-2003 workbook: it ends too "
                                        "soon (truncated?); open it in a spreadsheet and save it again, or as .xlsx or .ods\n");
    // not an OLE file at all
    Diagnostics text;
    CHECK_FALSE(src::parse_table("x.xls", "name,organization\n", src::TableKind::Xls, {}, text));
    CHECK(all_diagnostics(text).find("x.xls: error: cannot read the file as an Excel 97-2003 workbook: it is not an OLE "
                                     "compound file, as .xls files are") == 0);
    Diagnostics zip;
    CHECK_FALSE(src::parse_table("x.xls", bytes_of(fixture_path("participants.xlsx")), src::TableKind::Xls, {}, zip));
    CHECK(all_diagnostics(zip).find("x.xls: error: cannot read the file as an Excel 97-2003 workbook: it is a zip, as "
                                    ".xlsx and .ods files are: rename it") == 0);
    // participants.xls with six bytes changed: FreeXL 1.0.6 crashes on it, in the child process
    // it runs in; compose reports it at the file
    Diagnostics crash;
    CHECK_FALSE(table("broken-freexl-crash.xls", {}, crash));
    CHECK(all_diagnostics(crash).find("broken-freexl-crash.xls: error: cannot read the file as an Excel 97-2003 workbook: "
                                      "FreeXL failed on it (") == 0);
    // a sheet by name, in any case; a name the workbook lacks lists those it has
    Diagnostics named, missing;
    src::TableFormat by_name;
    by_name.sheet = "PARTICIPANTS";
    auto t = table("participants.xls", by_name, named);
    REQUIRE(t);
    CHECK(t->rows.size() == 52);
    CHECK(t->row_pos[0].file);
    CHECK(*t->row_pos[0].file == "participants.xls:participants");
    by_name.sheet = "Sheet9";
    CHECK_FALSE(table("participants.xls", by_name, missing));
    CHECK(all_diagnostics(missing).find("participants.xls: error: the workbook has no sheet 'Sheet9'") == 0);
    // the limits, at the cell
    Limits few;
    few.rows = 10;
    Diagnostics rows;
    CHECK_FALSE(table("participants.xls", {}, rows, few));
    CHECK(all_diagnostics(rows) == "participants.xls:participants!A12: error: the sheet has more than 10 rows; raise the "
                                   "limit with --limit rows=N\n");
    Limits small;
    small.cell_size = 40;
    Diagnostics cell;
    CHECK_FALSE(table("participants.xls", {}, cell, small));
    CHECK(all_diagnostics(cell).find("participants.xls:participants!B2: error: a cell holds ") == 0);
    Limits tight;
    tight.data_size = 4 << 10;
    Diagnostics memory;
    CHECK_FALSE(table("participants.xls", {}, memory, tight));
    CHECK(all_diagnostics(memory).find("error: the sheet takes more than 4 KB of memory as a table") != std::string::npos);
}

TEST_CASE("numbers as their format shows them") {
    using src::format_number;
    CHECK(format_number(41949, "yyyy\\-mm\\-dd") == "2014-11-06");
    CHECK(format_number(41949, "m/d/yyyy") == "11/6/2014");
    CHECK(format_number(41949, "d mmmm yyyy") == "6 November 2014");
    CHECK(format_number(41949, "dddd, mmm d, yy") == "Thursday, Nov 6, 14");
    CHECK(format_number(41949.75, "m/d/yyyy h:mm AM/PM") == "11/6/2014 6:00 PM");
    CHECK(format_number(0.395833333333333, "hh:mm") == "09:30");
    CHECK(format_number(1.5, "[h]:mm:ss") == "36:00:00");
    CHECK(format_number(60, "yyyy-mm-dd") == "1900-02-29");  // the day Lotus 1-2-3 invented
    CHECK(format_number(61, "yyyy-mm-dd") == "1900-03-01");
    CHECK(format_number(0, "yyyy-mm-dd", true) == "1904-01-01");
    CHECK(format_number(1234.5, "#,##0.00") == "1,234.50");
    CHECK(format_number(1234567.891, "#,##0") == "1,234,568");
    CHECK(format_number(-1234.5, "#,##0.00_);(#,##0.00)") == "(1,234.50)");
    CHECK(format_number(0.256, "0.0%") == "25.6%");
    CHECK(format_number(5512345678, "(000) 000-0000") == "(551) 234-5678");
    CHECK(format_number(42, "000000") == "000042");
    CHECK(format_number(3.5, "0.##") == "3.5");
    CHECK(format_number(12345.678, "0.00E+00") == "1.23E+04");
    CHECK(format_number(7, "\"No. \"0") == "No. 7");
    CHECK(format_number(1234.5, "[$€-407] #,##0.00") == "€ 1,234.50");
    CHECK(format_number(0, "0;-0;\"none\"") == "none");
    CHECK(src::format_general(0.1 + 0.2) == "0.3");
    CHECK(src::format_general(5512345678) == "5512345678");
    CHECK(src::format_general(123456789012.0) == "1.23457E+11");
    CHECK(src::format_general(-2.5) == "-2.5");
    CHECK(src::is_date_format("d\\ mmmm\\ yyyy"));
    CHECK_FALSE(src::is_date_format("#,##0.00"));
    CHECK_FALSE(src::is_date_format("\"day\" 0"));
}

TEST_CASE("<data> takes sheet=, delimiter= and encoding= where they suit the file") {
    auto report = [](const std::string& data) {
        return "<report xml:lang=\"en\"><meta><series>S</series><title>T</title></meta>\n" + data +
               "\n<section id=\"s\"><p>x</p></section></report>\n";
    };
    auto load = [&](const std::string& data, Diagnostics& diags) {
        return src::load_document_text(fixture_path("report.xml"), report(data), {}, diags);
    };
    Diagnostics ok;
    auto doc = load("<data id=\"p\" src=\"participants-semicolon-1252.csv\" delimiter=\"semicolon\" encoding=\"windows-1252\"/>"
                    "<data id=\"f\" src=\"features.xlsx\" sheet=\"Agenda 2\"/>",
                    ok);
    INFO(all_diagnostics(ok));
    REQUIRE(doc);
    REQUIRE(doc->data.size() == 2);
    CHECK(doc->data[0].delimiter == "semicolon");
    CHECK(doc->data[0].table.rows.size() == 52);
    CHECK(doc->data[1].sheet == "Agenda 2");
    CHECK(doc->data[1].table.rows.size() == 1);

    Diagnostics bad;
    load("<data id=\"a\" src=\"participants.ods\" delimiter=\"semicolon\"/>"
         "<data id=\"b\" src=\"participants-semicolon-1252.csv\" sheet=\"x\"/>"
         "<data id=\"c\" src=\"participants-tab-utf16.txt\" delimiter=\"tabs\"/>"
         "<data id=\"d\" src=\"participants.xlsx\" encoding=\"latin-2\"/>",
         bad);
    std::string all = all_diagnostics(bad);
    INFO(all);
    CHECK(all.find(":2:1: error: delimiter= is for delimited text (.csv, .tsv, .txt), and 'participants.ods' is a workbook") != std::string::npos);
    CHECK(all.find(":2:60: error: sheet= names a sheet of a workbook, and 'participants-semicolon-1252.csv' is delimited text") != std::string::npos);
    CHECK(all.find(":2:122: error: delimiter=\"tabs\" is not a delimiter compose reads; did you mean delimiter=\"tab\"?") != std::string::npos);
    CHECK(all.find(":2:186: error: encoding=\"latin-2\" is not an encoding compose reads; write UTF-8, UTF-16, windows-1252 or ISO-8859-1") != std::string::npos);

    Diagnostics other;
    load("<data id=\"a\" src=\"features.fods\"/>", other);
    CHECK(all_diagnostics(other).find("error: data file 'features.fods' is neither a table (.csv, .tsv, .txt, .xlsx, .ods, .xls) "
                                      "nor an agenda .xml") != std::string::npos);
}

TEST_CASE("a diff of two versions of a table names exactly the rows added, removed and changed, by key") {
    DataTable before = bundled_participants();
    DataTable after = before;
    after.rows.erase(after.rows.begin() + 10);                       // someone removed
    after.rows[0][1] = "INSYDE";                                      // an organization renamed
    after.rows.push_back({"Zoe Añez", "Insyde", "zoe@insyde.org"});   // someone added
    after.rows.push_back({"Ángel Ruiz", "", ""});                     // sorts with the A's
    after.row_pos.resize(after.rows.size());
    Diagnostics diags;
    auto diff = src::diff_tables(before, after, "", "old.csv", "new.csv", diags);
    REQUIRE(diff);
    CHECK(diff->key == "name");
    REQUIRE(diff->added.size() == 2);
    CHECK(diff->added[0].key == "Ángel Ruiz");
    CHECK(diff->added[1].key == "Zoe Añez");
    REQUIRE(diff->removed.size() == 1);
    CHECK(diff->removed[0].key == before.rows[10][0]);
    REQUIRE(diff->changed.size() == 1);
    CHECK(diff->changed[0].key == "Alejandro Espriú Guerra");
    REQUIRE(diff->changed[0].fields.size() == 1);
    CHECK(diff->changed[0].fields[0].column == "organization");
    CHECK(diff->changed[0].fields[0].after == "INSYDE");
    CHECK(diff->unchanged == 50);
    std::string text = src::format_diff(*diff, "old.csv", "new.csv");
    CHECK(text.rfind("old.csv -> new.csv, rows matched by name: 52 rows -> 53; 2 added, 1 removed, 1 changed, 50 unchanged\n", 0) == 0);
    CHECK(text.find("~ Alejandro Espriú Guerra  (") != std::string::npos);
    CHECK(text.find("    organization: \"Instituto para la Seguridad y la Democracia, INSYDE\" -> \"INSYDE\"\n") != std::string::npos);
    std::string json = src::format_diff_json(*diff, "old.csv", "new.csv");
    CHECK(json.find("\"changed\": [\n    {\"key\": \"Alejandro Espriú Guerra\"") != std::string::npos);
    CHECK(json.find("\"fields\": {\"organization\": {\"old\": \"Instituto para la Seguridad y la Democracia, INSYDE\", \"new\": \"INSYDE\"}}") != std::string::npos);
    // the same table: nothing
    Diagnostics same;
    auto none = src::diff_tables(before, before, "", "a", "b", same);
    REQUIRE(none);
    CHECK(none->empty());
    // a key that is no column
    Diagnostics nokey;
    CHECK_FALSE(src::diff_tables(before, after, "id", "old.csv", "new.csv", nokey));
    CHECK(all_diagnostics(nokey) == "old.csv: error: no column 'id' to match rows by; name the key column with --key COLUMN\n"
                                    "new.csv: error: no column 'id' to match rows by; name the key column with --key COLUMN\n");
}

TEST_CASE("a workbook as other writers make it: prefixed names, inline and rich strings, booleans, 1904 dates") {
    Diagnostics diags;
    src::TableFormat format;
    format.sheet = "List";  // the second sheet: the first is Notes
    auto t = table("handwritten.xlsx", format, diags);
    INFO(all_diagnostics(diags));
    REQUIRE(t);
    CHECK(t->columns == std::vector<std::string>{"name", "present", "since", "check"});
    CHECK(t->rows == std::vector<std::vector<std::string>>{{"Gail Super", "TRUE", "1/1/1904", "Gail Super!"},
                                                           {"Tab\tbed", "FALSE", "1/1/1915", "#N/A"}});
    CHECK(t->row_pos[1].line == 4);
    Diagnostics first;
    auto notes = table("handwritten.xlsx", {}, first);
    REQUIRE(notes);
    CHECK(notes->columns == std::vector<std::string>{"note"});
}

TEST_CASE("a workbook written by openpyxl: its date formats and a merged area down empty rows") {
    Diagnostics diags;
    auto t = table("openpyxl.xlsx", {}, diags);
    INFO(all_diagnostics(diags));
    REQUIRE(t);
    CHECK(t->columns == std::vector<std::string>{"name", "when", "n"});
    CHECK(t->rows == std::vector<std::vector<std::string>>{
                         {"a", "2014-11-06", "3.25"}, {"b", "7 Nov 2014 9:30", "1234567"}, {"merged", "", ""}, {"merged", "x", ""}});
}
