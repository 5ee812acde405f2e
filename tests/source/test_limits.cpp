// Limits a user can raise (compose/base/limits.h): each, when exceeded, is a located error, and
// raising it lets the same input through. The defaults are too large for test inputs, so these
// tests lower them.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <zlib.h>

#include "compose/base/limits.h"
#include "compose/base/line_map.h"
#include "compose/source/image_info.h"
#include "compose/source/load_agenda.h"
#include "compose/source/load_csv.h"
#include "compose/source/read_file.h"
#include "compose/source/source.h"
#include "compose/style/style.h"

namespace {

using compose::base::Diagnostics;
using compose::base::Limits;

std::string all_diagnostics(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += compose::base::format(d) + "\n";
    return out;
}

std::string report(const std::string& body) {
    return "<report xml:lang=\"en\"><meta><title>T</title></meta>\n"
           "<section id=\"s\">" + body + "</section>\n"
           "</report>\n";
}

std::optional<compose::model::Document> load(const std::string& text, const Limits& limits, Diagnostics& diags) {
    compose::source::LoadOptions options;
    options.limits = limits;
    return compose::source::load_document_text("test.xml", text, options, diags);
}

}  // namespace

TEST_CASE("a limit is set by name, with units for sizes and counts") {
    Limits limits;
    std::string error;
    CHECK(compose::base::set_limit(limits, "rows=2000000", error));
    CHECK(limits.rows == 2000000);
    CHECK(compose::base::set_limit(limits, "rows=3M", error));
    CHECK(limits.rows == 3000000);
    CHECK(compose::base::set_limit(limits, "file-size=200MB", error));
    CHECK(limits.file_size == 200ull << 20);
    CHECK(compose::base::set_limit(limits, "cell-size=1KB", error));
    CHECK(limits.cell_size == 1024);
    CHECK(compose::base::set_limit(limits, "depth=500", error));
    CHECK(limits.depth == 500);
    CHECK(compose::base::set_limit(limits, "image-pixels=400M", error));
    CHECK(limits.image_pixels == 400000000);

    CHECK_FALSE(compose::base::set_limit(limits, "lines=3", error));
    CHECK(error.find("unknown limit 'lines'") == 0);
    CHECK_FALSE(compose::base::set_limit(limits, "rows=0", error));
    CHECK_FALSE(compose::base::set_limit(limits, "rows=-1", error));
    CHECK_FALSE(compose::base::set_limit(limits, "rows=3MB", error));  // a count has no bytes
    CHECK_FALSE(compose::base::set_limit(limits, "depth", error));
    CHECK_FALSE(compose::base::set_limit(limits, "file-size=99999999999999GB", error));  // overflows
    CHECK(limits.rows == 3000000);  // unchanged by the refusals
}

TEST_CASE("elements nested deeper than the depth limit are refused where they go too deep") {
    std::string deep = "<p><em><em><em>x</em></em></em></p>";  // p at depth 3, the innermost em at 6 (2:28)
    Limits limits;
    limits.depth = 5;
    Diagnostics diags;
    CHECK_FALSE(load(report(deep), limits, diags));
    CHECK(all_diagnostics(diags) ==
          "test.xml:2:28: error: elements are nested more than 5 deep; raise the limit with --limit depth=N\n");
    limits.depth = 6;
    Diagnostics raised;
    CHECK(load(report(deep), limits, raised));
    CHECK_FALSE(raised.has_errors());
}

TEST_CASE("the default depth limit keeps a hostile source from exhausting the stack") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<em>";
    deep += "x";
    for (int i = 0; i < 100000; ++i) deep += "</em>";
    Diagnostics diags;
    CHECK_FALSE(load(report("<p>" + deep + "</p>"), Limits{}, diags));
    CHECK(all_diagnostics(diags).find("elements are nested more than 64 deep") != std::string::npos);
}

TEST_CASE("a table with more rows, or a row with more cells, than the limits is refused at the first too many") {
    std::string rows = "<table><row><cell>1</cell></row>\n<row><cell>2</cell></row>\n<row><cell>3</cell></row></table>";
    Limits limits;
    limits.rows = 2;
    Diagnostics diags;
    CHECK_FALSE(load(report(rows), limits, diags));
    CHECK(all_diagnostics(diags) == "test.xml:4:1: error: the table has more than 2 rows; raise the limit with --limit rows=N\n");

    Limits narrow;
    narrow.columns = 2;
    Diagnostics cells;
    CHECK_FALSE(load(report("<table><row><cell>a</cell><cell>b</cell><cell>c</cell></row></table>"), narrow, cells));
    CHECK(all_diagnostics(cells) == "test.xml:2:57: error: a table row has more than 2 cells; raise the limit with --limit columns=N\n");
}

TEST_CASE("a table cell with more text than the cell-size limit is refused") {
    Limits limits;
    limits.cell_size = 16;
    std::string table = "<table><row><cell>short</cell><cell>far <em>more</em> than sixteen bytes</cell></row></table>";
    Diagnostics diags;
    CHECK_FALSE(load(report(table), limits, diags));
    CHECK(all_diagnostics(diags) == "test.xml:2:47: error: a table cell holds 27 bytes of text, more than the limit of "
                                    "16 bytes; raise the limit with --limit cell-size=N\n");
}

TEST_CASE("a source longer than the file-size limit is refused before it is parsed") {
    Limits limits;
    limits.file_size = 64;
    Diagnostics diags;
    CHECK_FALSE(load(report("<p>" + std::string(100, 'x') + "</p>"), limits, diags));
    CHECK(all_diagnostics(diags) ==
          "test.xml: error: 'test.xml' is longer than the limit of 64 bytes; raise the limit with --limit file-size=N\n");
}

TEST_CASE("read_file never reads more than the limit") {
    auto path = std::filesystem::temp_directory_path() / "compose-test-limits.txt";
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(200000, 'a');
    }
    Diagnostics diags;
    CHECK_FALSE(compose::source::read_file(path.string(), {}, diags, 100000));
    CHECK(all_diagnostics(diags).find("is longer than the limit of 100000 bytes") != std::string::npos);
    Diagnostics ok;
    auto text = compose::source::read_file(path.string(), {}, ok, 200000);
    REQUIRE(text);
    CHECK(text->size() == 200000);
    std::filesystem::remove(path);
}

TEST_CASE("CSV files are held to the rows, columns and cell-size limits") {
    Limits limits;
    limits.rows = 2;
    limits.columns = 3;
    limits.cell_size = 8;
    Diagnostics rows;
    CHECK_FALSE(compose::source::parse_csv("p.csv", "a,b\n1,2\n3,4\n5,6\n", rows, limits));
    CHECK(all_diagnostics(rows) == "p.csv:4:1: error: the file has more than 2 rows; raise the limit with --limit rows=N\n");
    Diagnostics columns;
    CHECK_FALSE(compose::source::parse_csv("p.csv", "a,b,c,d\n", columns, limits));
    CHECK(all_diagnostics(columns) == "p.csv:1:7: error: a row has more than 3 fields; raise the limit with --limit columns=N\n");
    Diagnostics cell;
    CHECK_FALSE(compose::source::parse_csv("p.csv", "a,b\n1,\"123456789\"\n", cell, limits));
    CHECK(all_diagnostics(cell) ==
          "p.csv:2:3: error: a field holds 9 bytes, more than the limit of 8 bytes; raise the limit with --limit cell-size=N\n");
    Diagnostics fine;
    CHECK(compose::source::parse_csv("p.csv", "a,b\n1,2\n3,4\n", fine, limits));
}

TEST_CASE("a CSV file's table is held to the data-size limit: its fields' text and 32 bytes for each field") {
    Limits limits;
    limits.data_size = 200;
    // 3 + 3 fields of 1 byte: 6 x 33 = 198 bytes, within the limit
    Diagnostics fine;
    CHECK(compose::source::parse_csv("p.csv", "a,b,c\n1,2,3\n", fine, limits));
    CHECK(fine.items().empty());
    // an empty field still takes its 32 bytes: the seventh is one too many, at the field itself
    Diagnostics empty;
    CHECK_FALSE(compose::source::parse_csv("p.csv", "a,b,c\n1,2,3\n,,\n", empty, limits));
    CHECK(all_diagnostics(empty) == "p.csv:3:1: error: the file takes more than 200 bytes of memory as a table (its cells' "
                                    "text, and 32 bytes for each cell); raise the limit with --limit data-size=N\n");
    limits.data_size = 300;
    Diagnostics raised;
    CHECK(compose::source::parse_csv("p.csv", "a,b,c\n1,2,3\n,,\n", raised, limits));
    std::string error;
    CHECK(compose::base::set_limit(limits, "data-size=64MB", error));
    CHECK(limits.data_size == 64ull << 20);
    CHECK(Limits{}.data_size == 32ull << 20);
}

TEST_CASE("an agenda nested deeper than the depth limit is refused") {
    Limits limits;
    limits.depth = 3;
    Diagnostics diags;
    std::string agenda = "<agenda><day date=\"2014-11-06\"><slot start=\"09:00\" kind=\"break\"><title><t xml:lang=\"en\">x</t></title></slot></day></agenda>";
    CHECK_FALSE(compose::source::parse_agenda("a.xml", agenda, {"", "en", ""}, diags, limits));
    CHECK(all_diagnostics(diags) == "a.xml:1:65: error: elements are nested more than 3 deep; raise the limit with --limit depth=N\n");
}

// A whole PNG of width x height black pixels (1-bit grey), made with zlib.
std::string black_png(std::uint32_t width, std::uint32_t height) {
    auto be32 = [](std::uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    auto chunk = [&](const std::string& type, const std::string& body) {
        std::string typed = type + body;
        auto crc = static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(typed.data()), typed.size()));
        return be32(static_cast<std::uint32_t>(body.size())) + typed + be32(crc);
    };
    std::string raw(static_cast<std::size_t>(height) * (1 + (width + 7) / 8), '\0');  // filter 0, black rows
    uLongf size = compressBound(raw.size());
    std::string packed(size, '\0');
    REQUIRE(compress(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), raw.size()) == Z_OK);
    packed.resize(size);
    std::string header = be32(width) + be32(height) + std::string{1, 0, 0, 0, 0};
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", packed) + chunk("IEND", "");
}

TEST_CASE("images beyond the image-pixels limit are refused, within it accepted") {
    std::string bytes = black_png(4000, 3000);
    compose::base::SourcePos pos{std::make_shared<const std::string>("r.xml"), 4, 5};
    Limits limits;
    limits.image_pixels = 10'000'000;
    Diagnostics diags;
    CHECK_FALSE(compose::source::check_image("big.png", bytes, pos, diags, limits));
    CHECK(all_diagnostics(diags) == "r.xml:4:5: error: image 'big.png' has 4000x3000 pixels, more than the limit of 10000000; "
                                    "raise the limit with --limit image-pixels=N\n");
    limits.image_pixels = 12'000'000;
    Diagnostics ok;
    auto info = compose::source::check_image("big.png", bytes, pos, ok, limits);
    INFO(all_diagnostics(ok));
    REQUIRE(info);
    CHECK(info->width == 4000);
    CHECK(info->height == 3000);
}

TEST_CASE("an image whose chunks are whole but whose data does not decode is refused") {
    compose::base::SourcePos pos{std::make_shared<const std::string>("r.xml"), 4, 5};
    std::string good = black_png(64, 64);
    Diagnostics fine;
    CHECK(compose::source::check_image("ok.png", good, pos, fine));
    // the same header with an empty data chunk: every checksum matches, no row decodes
    std::string empty = good.substr(0, 33) + std::string("\0\0\0\0IDAT\x35\xaf\x06\x1e", 12) +
                        good.substr(good.size() - 12);
    Diagnostics diags;
    CHECK_FALSE(compose::source::check_image("empty.png", empty, pos, diags));
    CHECK(all_diagnostics(diags) == "r.xml:4:5: error: image 'empty.png' is corrupt: its PNG data does not decode "
                                    "(Not enough image data)\n");
}

TEST_CASE("a layout file is held to the file-size and depth limits, and to a page PDF can have") {
    std::string layouts = std::string(COMPOSE_SOURCE_DIR) + "/layouts/";
    Limits limits;
    limits.depth = 2;
    Diagnostics deep;
    CHECK_FALSE(compose::style::load_layout_text(layouts + "t.xml", "<layout name=\"t\" extends=\"a4\">\n<style><x/></style></layout>",
                                                 deep, limits));
    CHECK(all_diagnostics(deep) == layouts + "t.xml:2:8: error: elements are nested more than 2 deep; raise the limit with --limit depth=N\n");
    Diagnostics huge;
    CHECK_FALSE(compose::style::load_layout_text(layouts + "t.xml", "<layout name=\"t\" extends=\"a4\">\n<page width=\"" +
                                                                        std::string(400, '9') + "pt\"/></layout>", huge));
    CHECK(all_diagnostics(huge).find("is not a valid length for 'width'") != std::string::npos);
    Diagnostics fine;
    CHECK(compose::style::load_layout_text(layouts + "t.xml", "<layout name=\"t\" extends=\"a4\"><page size=\"letter\"/></layout>", fine));
    CHECK_FALSE(fine.has_errors());
}

TEST_CASE("positions on a file of one long line, and of lines ended by CR alone") {
    std::string line(1 << 20, 'x');
    line += "\xC3\x81y";  // Á, then y
    compose::base::LineMap map("f", line);
    for (int i = 0; i < 20000; ++i) (void)map.at(line.size() - 1);  // each lookup is cheap, not a scan of the line
    auto p = map.at(line.size() - 1);
    CHECK(p.line == 1);
    CHECK(p.col == (1 << 20) + 2);
    compose::base::LineMap cr("f", "a\rb\r\nc\nd");
    CHECK(cr.at(2).line == 2);
    CHECK(cr.at(5).line == 3);
    CHECK(cr.at(7).line == 4);
    CHECK(cr.at(7).col == 1);
}

TEST_CASE("a file with more elements than the limit is refused at the first one too many") {
    Limits limits;
    limits.elements = 6;  // report, meta, title, section, and two paragraphs
    Diagnostics diags;
    CHECK_FALSE(load(report("<p>a</p><p>b</p>\n<p>c</p>"), limits, diags));
    CHECK(all_diagnostics(diags) == "test.xml:3:1: error: the file has more than 6 elements; raise the limit with --limit elements=N\n");
    limits.elements = 7;
    Diagnostics raised;
    CHECK(load(report("<p>a</p><p>b</p>\n<p>c</p>"), limits, raised));
}

TEST_CASE("a paragraph with more text than the paragraph-size limit is refused") {
    Limits limits;
    limits.paragraph_size = 10;
    Diagnostics diags;
    CHECK_FALSE(load(report("<p>short</p><p>more than <em>ten</em> bytes</p>"), limits, diags));
    CHECK(all_diagnostics(diags) == "test.xml:2:29: error: <p> holds 19 bytes of text, more than the limit of 10 bytes; "
                                    "raise the limit with --limit paragraph-size=N\n");
}

TEST_CASE("a data file named by two <data> elements is refused, an image named twice checked once") {
    auto dir = std::filesystem::temp_directory_path() / "compose-test-limits-data";
    std::filesystem::create_directories(dir);
    {
        std::ofstream(dir / "people.csv") << "name\nAna\n";
        std::ofstream(dir / "photo.png") << "not a PNG";
    }
    std::string source = "<report xml:lang=\"en\"><meta><title>T</title></meta>\n"
                         "<data id=\"a\" src=\"people.csv\"/>\n"
                         "<data id=\"b\" src=\"./people.csv\"/>\n"
                         "<section id=\"s\"><figure src=\"photo.png\"/>\n"
                         "<figure src=\"photo.png\"/></section></report>\n";
    Diagnostics diags;
    compose::source::LoadOptions options;
    CHECK_FALSE(compose::source::load_document_text((dir / "r.xml").string(), source, options, diags));
    std::string file = (dir / "r.xml").string();
    CHECK(all_diagnostics(diags) ==
          file + ":3:1: error: data file './people.csv' is named twice; refer to the first <data>'s id\n" +
          file + ":4:17: error: image '" + (dir / "photo.png").string() + "' is not a PNG file\n" +
          file + ":5:1: error: image '" + (dir / "photo.png").string() + "' is not a PNG file\n");
    // the first <data> is a note at its own place
    REQUIRE(diags.items()[0].notes.size() == 1);
    CHECK(diags.items()[0].notes[0].pos.line == 2);
    CHECK(diags.items()[0].notes[0].pos.col == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a FIFO named as a data file or an image is refused, not waited on") {
    auto dir = std::filesystem::temp_directory_path() / "compose-test-limits-fifo";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    REQUIRE(mkfifo((dir / "people.csv").c_str(), 0600) == 0);
    REQUIRE(mkfifo((dir / "photo.png").c_str(), 0600) == 0);
    std::string source = "<report xml:lang=\"en\"><meta><title>T</title></meta>\n"
                         "<data id=\"a\" src=\"people.csv\"/>\n"
                         "<section id=\"s\"><figure src=\"photo.png\"/></section></report>\n";
    Diagnostics diags;
    CHECK_FALSE(compose::source::load_document_text((dir / "r.xml").string(), source, {}, diags));
    std::string file = (dir / "r.xml").string();
    CHECK(all_diagnostics(diags) == file + ":2:1: error: data file 'people.csv' is not a regular file\n" + file +
                                        ":3:17: error: image 'photo.png' is not a regular file\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("the image-pixels limit counts a pixel wider than 4 bytes twice") {
    compose::base::SourcePos pos{std::make_shared<const std::string>("r.xml"), 4, 5};
    compose::source::ImageInfo rgba16{1000, 1000, 8}, rgba8{1000, 1000, 4}, grey{1000, 1000, 1};
    CHECK(compose::source::counted_pixels(rgba16) == 2'000'000);
    CHECK(compose::source::counted_pixels(rgba8) == 1'000'000);
    CHECK(compose::source::counted_pixels(grey) == 1'000'000);
    // a 16-bit RGBA header (colour type 6, depth 16) of 3000 x 2000: 6 million pixels counted as 12
    std::string png = black_png(3000, 2000);
    png[24] = 16;  // depth
    png[25] = 6;   // colour type
    auto crc = static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(png.data() + 12), 17));
    for (int k = 0; k < 4; ++k) png[29 + k] = static_cast<char>(crc >> (24 - 8 * k));
    Limits limits;
    limits.image_pixels = 10'000'000;
    Diagnostics diags;
    CHECK_FALSE(compose::source::check_image("deep.png", png, pos, diags, limits));
    CHECK(all_diagnostics(diags) == "r.xml:4:5: error: image 'deep.png' has 3000x2000 pixels of 8 bytes, counted twice, "
                                    "more than the limit of 10000000; raise the limit with --limit image-pixels=N\n");
}
