// render_pdf() on hand-built display lists, checked with qpdf, pdffonts and pdftotext.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include <hb.h>

#include "compose/render/render.h"
#include "tools.h"

namespace {

using compose::base::Diagnostics;
using compose::test::run_command;
using compose::test::shell_quote;
using compose::test::TempFile;
namespace display = compose::display;

const std::string kSerif = COMPOSE_SOURCE_DIR "/fonts/noto-serif/NotoSerif-Regular.ttf";
const std::string kSansBold = COMPOSE_SOURCE_DIR "/fonts/noto-sans/NotoSans-Bold.ttf";

// Shapes `text` with HarfBuzz into a glyph run at (x, y): real glyph ids, advances in points.
display::GlyphRun shaped_run(const std::string& font_path, display::FontId font, const std::string& text, double size,
                             double x, double y, unsigned face_index = 0) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(font_path.c_str());
    REQUIRE(blob);
    hb_face_t* face = hb_face_create(blob, face_index);
    hb_font_t* hb = hb_font_create(face);
    unsigned upem = hb_face_get_upem(face);
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
    hb_buffer_guess_segment_properties(buf);
    hb_shape(hb, buf, nullptr, 0);
    unsigned count = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    display::GlyphRun run;
    run.font = font;
    run.size = size;
    run.x = x;
    run.y = y;
    run.text = text;
    run.lang = "en";
    const double scale = size / upem;
    for (unsigned i = 0; i < count; ++i) {
        run.glyphs.push_back({info[i].codepoint, pos[i].x_advance * scale, pos[i].x_offset * scale,
                              pos[i].y_offset * scale, info[i].cluster});
    }
    hb_buffer_destroy(buf);
    hb_font_destroy(hb);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return run;
}

display::GlyphRun& run_at(display::Document& doc, std::size_t n) {
    std::size_t seen = 0;
    for (auto& item : doc.pages[0].items) {
        if (auto* run = std::get_if<display::GlyphRun>(&item); run && seen++ == n) return *run;
    }
    throw std::logic_error("no such run");
}

display::Document one_page(std::vector<display::GlyphRun> runs) {
    display::Document doc;
    doc.fonts.push_back({kSerif, "NotoSerif-Regular"});
    display::Page page;
    page.width = 595.28;
    page.height = 841.89;
    page.label = "1";
    for (auto& run : runs) page.add<display::GlyphRun>(std::move(run));
    doc.pages.push_back(std::move(page));
    doc.metadata.title = "Render test";
    doc.metadata.lang = "en";
    return doc;
}

std::string diagnostics_text(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += compose::base::format(d) + "\n";
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// The rows of a poppler tool's table (pdffonts, pdfimages -list: after its two header lines),
// split into columns.
std::vector<std::vector<std::string>> table_rows(const std::string& output) {
    std::vector<std::vector<std::string>> rows;
    auto lines = lines_of(output);
    for (std::size_t i = 2; i < lines.size(); ++i) {
        std::istringstream in(lines[i]);
        std::vector<std::string> words;
        std::string w;
        while (in >> w) words.push_back(w);
        if (!words.empty()) rows.push_back(words);
    }
    return rows;
}

// Renders `doc`, writes it to `file` and checks it with qpdf; returns the bytes.
std::string render_checked(const display::Document& doc, const TempFile& file) {
    Diagnostics diags;
    auto pdf = compose::render::render_pdf(doc, diags);
    INFO(diagnostics_text(diags));
    REQUIRE(pdf);
    CHECK(diags.items().empty());
    CHECK(pdf->rfind("%PDF-", 0) == 0);
    file.write(*pdf);
    auto check = run_command(QPDF " --check " + shell_quote(file.path()));
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);
    // poppler, mupdf and ghostscript render every page without a word (mupdf's one line about
    // Debian building it without colour management aside)
    const std::string path = shell_quote(file.path());
    auto poppler = run_command(PDFTOPPM " -r 10 " + path + " > /dev/null");
    auto mupdf = run_command(MUTOOL " draw -q -r 10 -o /dev/null " + path + " 2>&1 | grep -v -x 'warning: ICC support is not available'");
    auto ghostscript = run_command(GS " -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage " + path);
    INFO(poppler.output << mupdf.output << ghostscript.output);
    CHECK(poppler.status == 0);
    CHECK(poppler.output.empty());
    CHECK(mupdf.output.empty());
    CHECK(ghostscript.status == 0);
    CHECK(ghostscript.output.empty());
    return *pdf;
}

}  // namespace

TEST_CASE("glyph-exact text: the fonts are Type0 Identity-H subsets with ToUnicode, and the text extracts exactly") {
    auto doc = one_page({shaped_run(kSerif, 0, "The first office was efficient.", 12, 72, 100),
                         shaped_run(kSerif, 0, "\u00C1lvaro Mon\u00E1rrez, S\u00E3o Paulo, AVA Te Yo WA", 12, 72, 120)});
    // the shaping really used the ligatures: "first" has fewer glyphs than letters
    REQUIRE(run_at(doc, 0).glyphs.size() < run_at(doc, 0).text.size());
    TempFile file(".pdf");
    render_checked(doc, file);

    auto fonts = run_command(PDFFONTS " " + shell_quote(file.path()));
    INFO(fonts.output);
    REQUIRE(fonts.status == 0);
    auto rows = table_rows(fonts.output);
    REQUIRE(rows.size() == 1);
    // name type... encoding emb sub uni object ID: "ABCDEF+NotoSerif-Regular CID TrueType Identity-H yes yes yes 7 0"
    const auto& row = rows[0];
    REQUIRE(row.size() == 9);
    CHECK(row[0].size() == 7 + std::string("NotoSerif-Regular").size());
    CHECK(row[0].substr(6) == "+NotoSerif-Regular");
    CHECK(row[1] + " " + row[2] == "CID TrueType");
    CHECK(row[3] == "Identity-H");
    CHECK(row[4] == "yes");  // embedded
    CHECK(row[5] == "yes");  // subset
    CHECK(row[6] == "yes");  // ToUnicode

    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    REQUIRE(text.status == 0);
    auto lines = lines_of(text.output);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "The first office was efficient.");
    CHECK(lines[1] == "\u00C1lvaro Mon\u00E1rrez, S\u00E3o Paulo, AVA Te Yo WA");
}

TEST_CASE("the same glyph standing for different text extracts as each text") {
    // a decomposed Á shapes to the same glyph as the precomposed one; each extracts as written
    auto doc = one_page({shaped_run(kSerif, 0, "\u00C1", 12, 72, 100), shaped_run(kSerif, 0, "A\u0301", 12, 72, 120)});
    REQUIRE(run_at(doc, 0).glyphs.size() == 1);
    REQUIRE(run_at(doc, 1).glyphs.size() == 1);
    REQUIRE(run_at(doc, 0).glyphs[0].id == run_at(doc, 1).glyphs[0].id);
    TempFile file(".pdf");
    render_checked(doc, file);
    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    REQUIRE(text.status == 0);
    auto lines = lines_of(text.output);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "\u00C1");
    CHECK(lines[1] == "A\u0301");
}

TEST_CASE("two fonts, several pages, rules, a placeholder image and links make a valid PDF") {
    display::Document doc;
    doc.fonts.push_back({kSerif, "NotoSerif-Regular"});
    doc.fonts.push_back({kSansBold, "NotoSans-Bold"});
    for (int p = 0; p < 3; ++p) {
        display::Page page;
        page.width = 612;
        page.height = 792;
        page.label = std::to_string(p + 1);
        page.add<display::Shape>(display::Shape{display::Rect{72, 140, 200, 100}, 0xEBEBEB, display::Stroke{0x999999, 0.5, {}}});
        page.add<display::GlyphRun>(shaped_run(kSansBold, 1, "Heading " + std::to_string(p + 1), 14, 72, 90));
        auto body = shaped_run(kSerif, 0, "Body text on page " + std::to_string(p + 1), 10, 72, 110);
        body.color = 0x8a1c1c;
        page.add<display::GlyphRun>(body);
        page.add<display::Shape>(display::Shape{display::Segment{72, 120, 540, 120}, std::nullopt, display::Stroke{0x999999, 0.5, {3, 2}}});
        page.add<display::Link>(display::Link{{72, 100, 100, 12}, "https://example.org/", ""});
        page.add<display::Destination>(display::Destination{"page-" + std::to_string(p + 1), 80});
        if (p > 0) page.add<display::Link>(display::Link{{72, 60, 100, 12}, "", "page-1"});
        doc.pages.push_back(std::move(page));
    }
    doc.outline.push_back({"Heading 1", "page-1", 1});
    doc.outline.push_back({"Heading 2", "page-2", 1});
    TempFile file(".pdf");
    render_checked(doc, file);

    auto fonts = run_command(PDFFONTS " " + shell_quote(file.path()));
    INFO(fonts.output);
    auto rows = table_rows(fonts.output);
    REQUIRE(rows.size() == 2);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 9);
        CHECK(row[3] == "Identity-H");
        CHECK(row[4] == "yes");
        CHECK(row[5] == "yes");
        CHECK(row[6] == "yes");
    }
    auto text = run_command(PDFTOTEXT " -enc UTF-8 -f 3 -l 3 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    CHECK(text.output.find("Heading 3") != std::string::npos);
    CHECK(text.output.find("Body text on page 3") != std::string::npos);

    // every destination is named in the catalog's /Dests tree (report.pdf#page-2 opens there),
    // on its page, 4pt above the point it marks
    auto dests = run_command(PDFINFO " -dests " + shell_quote(file.path()));
    INFO(dests.output);
    REQUIRE(dests.status == 0);
    auto lines = lines_of(dests.output);
    REQUIRE(lines.size() == 1 + 3);
    for (int p = 1; p <= 3; ++p) {
        std::istringstream in(lines[p]);
        std::string page, open, xyz, left, top, zoom, close, name;
        in >> page >> open >> xyz >> left >> top >> zoom >> close >> name;
        CHECK(page == std::to_string(p));
        CHECK(xyz == "XYZ");
        CHECK(top == "716");  // 792 - 80 + 4
        CHECK(name == "\"page-" + std::to_string(p) + "\"");
    }
}

TEST_CASE("a font that cannot be read is a diagnostic, not a PDF") {
    auto doc = one_page({});
    doc.fonts[0].path = COMPOSE_SOURCE_DIR "/fonts/no-such-font.ttf";
    Diagnostics diags;
    auto pdf = compose::render::render_pdf(doc, diags);
    CHECK_FALSE(pdf);
    REQUIRE(diags.has_errors());
    CHECK(compose::base::format(diags.items()[0]) ==
          COMPOSE_SOURCE_DIR "/fonts/no-such-font.ttf: error: cannot read font for embedding");
}

TEST_CASE("rendering is reproducible: the same display list gives the same bytes") {
    auto doc = one_page({shaped_run(kSerif, 0, "Reproducible output", 12, 72, 100)});
    Diagnostics diags;
    auto a = compose::render::render_pdf(doc, diags);
    auto b = compose::render::render_pdf(doc, diags);
    REQUIRE(a);
    REQUIRE(b);
    // libharu writes the creation date only when asked to, and the subset tag is derived from the glyphs
    CHECK(*a == *b);
}

TEST_CASE("a right-to-left run is drawn in visual order and extracts in logical order") {
    const std::string hebrew = COMPOSE_SOURCE_DIR "/fonts/noto-sans-hebrew/NotoSansHebrew-Regular.ttf";
    const std::string name = "\u05D3\u05D5\u05D3 \u05DC\u05D5\u05D9";  // דוד לוי
    // HarfBuzz guesses right to left for Hebrew: the glyphs come in visual order
    auto run = shaped_run(hebrew, 1, name, 12, 72, 100);
    REQUIRE(run.glyphs.size() == 7);
    REQUIRE(run.glyphs.front().cluster > run.glyphs.back().cluster);
    run.rtl = true;
    auto doc = one_page({shaped_run(kSerif, 0, "met with", 12, 20, 100), run});
    doc.fonts.push_back({hebrew, "NotoSansHebrew-Regular"});
    TempFile file(".pdf");
    render_checked(doc, file);
    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    REQUIRE(text.status == 0);
    // pdftotext wraps right-to-left text in U+202B … U+202C
    CHECK(text.output.find(name) != std::string::npos);
    // the glyphs stay where the layout put them: the word's box starts at the run's x
    auto bbox = run_command(PDFTOTEXT " -bbox " + shell_quote(file.path()) + " -");
    INFO(bbox.output);
    CHECK(bbox.output.find("xMin=\"72.000000\"") != std::string::npos);
}

TEST_CASE("font expansion draws a run with horizontal scaling, reset after it") {
    auto run = shaped_run(kSerif, 0, "office", 12, 72, 100);
    double natural = 0;
    for (auto& g : run.glyphs) {
        natural += g.advance;
        g.advance *= 1.02;  // the page writer scales the advances of an expanded line
    }
    run.hscale = 1.02;
    auto doc = one_page({run, shaped_run(kSerif, 0, "next", 12, 72, 120)});
    TempFile file(".pdf");
    render_checked(doc, file);
    TempFile qdf(".pdf");
    auto expanded = run_command(QPDF " --qdf --object-streams=disable " + shell_quote(file.path()) + " " +
                                shell_quote(qdf.path()) + " && grep -a -c -E '^(102|100) Tz$' " + shell_quote(qdf.path()));
    INFO(expanded.output);
    CHECK(expanded.output == "2\n");  // 102 Tz before the run, 100 Tz after it
    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    REQUIRE(text.status == 0);
    CHECK(lines_of(text.output).at(0) == "office");
    // the word is 2% wider than at its natural width
    auto bbox = run_command(PDFTOTEXT " -bbox " + shell_quote(file.path()) + " -");
    auto at = bbox.output.find("xMax=\"");
    REQUIRE(at != std::string::npos);
    double x_max = std::stod(bbox.output.substr(at + 6));
    CHECK(x_max - 72 == Approx(natural * 1.02).margin(0.3));
}

TEST_CASE("a photo shown by several figures is embedded once") {
    display::Document doc;
    doc.fonts.push_back({kSerif, "NotoSerif-Regular"});
    const std::string photo = COMPOSE_SOURCE_DIR "/sources/mexico-2014/photos/photo-1.jpg";
    for (int p = 0; p < 3; ++p) {
        display::Page page;
        page.width = 612;
        page.height = 792;
        page.label = std::to_string(p + 1);
        page.add<display::Image>(display::Image{{72, 140, 200, 100}, photo, false});
        if (p == 1) page.add<display::Image>(display::Image{{72, 300, 100, 100}, photo, false});
        doc.pages.push_back(std::move(page));
    }
    TempFile file(".pdf");
    render_checked(doc, file);
    // pdfimages -list: one line per image drawn, with the object number of the image it draws
    auto list = run_command(PDFIMAGES " -list " + shell_quote(file.path()));
    INFO(list.output);
    REQUIRE(list.status == 0);
    auto rows = table_rows(list.output);
    REQUIRE(rows.size() == 4);
    std::vector<std::string> objects;
    for (const auto& row : rows) {
        REQUIRE(row.size() > 10);
        objects.push_back(row[10]);  // the "object" column
    }
    CHECK(objects == std::vector<std::string>(4, objects.front()));
}

TEST_CASE("a title or heading longer than a PDF string holds is cut in the metadata and outline") {
    auto doc = one_page({shaped_run(kSerif, 0, "Long title", 12, 72, 100)});
    std::string long_text;
    for (int i = 0; i < 30000; ++i) long_text += "\u00E9";  // 30,000 characters, 60,000 bytes
    doc.metadata.title = long_text;
    doc.pages[0].add<display::Destination>(display::Destination{"top", 80});
    doc.outline.push_back({long_text, "top", 1});
    TempFile file(".pdf");
    render_checked(doc, file);
    auto info = run_command(PDFINFO " " + shell_quote(file.path()));
    INFO(info.output.substr(0, 200));
    auto title = info.output.find("Title:");
    REQUIRE(title != std::string::npos);
    CHECK(info.output.find("\u00E9\u2026", title) != std::string::npos);
}

TEST_CASE("a hyphen inserted at a line's end extracts as U+002D, the ordinary hyphen's code, with no ActualText") {
    auto first = shaped_run(kSerif, 0, "particu", 12, 72, 100);
    auto hyphen = shaped_run(kSerif, 0, "-", 12, 0, 0);
    for (auto g : hyphen.glyphs) {
        g.cluster = display::kInsertedGlyph;
        first.glyphs.push_back(g);
    }
    auto doc = one_page({first, shaped_run(kSerif, 0, "larly, and a well-known word", 12, 72, 114)});
    TempFile file(".pdf");
    render_checked(doc, file);
    // the hyphen extracts as U+002D at the line's end (poppler joins the word when the line is long
    // enough to look like part of a paragraph; here it is not), never as nothing
    auto text = run_command(PDFTOTEXT " -raw -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    CHECK(text.output.find("particu-\nlarly, and a well-known word") != std::string::npos);
    auto mupdf = run_command(MUTOOL " draw -q -F txt " + shell_quote(file.path()) + " 2>/dev/null");
    INFO(mupdf.output);
    CHECK(mupdf.output.find("particu-\nlarly") != std::string::npos);
    CHECK(mupdf.output.find("\uFFFD") == std::string::npos);
    // the content stream, uncompressed: no marked content at all, and the inserted hyphen shown
    // with the same code as the hyphen of "well-known"
    TempFile qdf(".pdf");
    auto rewrite = run_command(QPDF " --qdf --object-streams=disable " + shell_quote(file.path()) + " " + shell_quote(qdf.path()));
    REQUIRE(rewrite.status == 0);
    auto content = run_command("grep -a -c 'ActualText' " + shell_quote(qdf.path()));
    CHECK(content.output == "0\n");
}

TEST_CASE("a cluster of several glyphs extracts whole, in logical order (a Devanagari name)") {
    // needs fonts-lohit-deva (.ci/install-deps)
    const std::string lohit = "/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf";
    display::Document doc = one_page({});
    doc.fonts[0] = {lohit, "Lohit-Devanagari"};
    const std::string name = "\u092A\u094D\u0930\u093F\u092F\u093E \u0936\u0930\u094D\u092E\u093E";  // प्रिया शर्मा
    doc.pages[0].add<display::GlyphRun>(shaped_run(lohit, 0, name, 14, 72, 100));
    // the vowel sign i is drawn before the conjunct it follows in the text
    TempFile file(".pdf");
    render_checked(doc, file);
    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    CHECK(lines_of(text.output).at(0) == name);
}

TEST_CASE("a face of a CFF font collection is embedded as a compact CIDFontType0 with FontFile3") {
    // needs fonts-noto-cjk (.ci/install-deps): a .ttc of CID-keyed CFF faces, Simplified Chinese third
    const std::string cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    display::Document doc = one_page({});
    doc.fonts.push_back({cjk, "NotoSansCJKsc-Regular"});
    doc.pages[0].add<display::GlyphRun>(shaped_run(kSerif, 0, "Participants:", 12, 72, 100));
    doc.pages[0].add<display::GlyphRun>(shaped_run(cjk, 1, "\u674E\u5C0F\u9F99\uFF0C\u9648\u7F8E\u73B2", 12, 72, 120, 2));
    REQUIRE(run_at(doc, 1).glyphs.size() == 7);
    for (const auto& g : run_at(doc, 1).glyphs) REQUIRE(g.id != 0);
    TempFile file(".pdf");
    auto pdf = render_checked(doc, file);
    // a subset of a few glyphs of a 16 MB collection
    CHECK(pdf.size() < 60000);

    auto fonts = run_command(PDFFONTS " " + shell_quote(file.path()));
    INFO(fonts.output);
    auto rows = table_rows(fonts.output);
    REQUIRE(rows.size() == 2);
    const auto& row = rows[1];
    REQUIRE(row.size() == 10);  // "ABCDEF+NotoSansCJKsc-Regular CID Type 0C Identity-H yes yes yes 10 0"
    CHECK(row[0].substr(6) == "+NotoSansCJKsc-Regular");
    CHECK(row[1] + " " + row[2] + " " + row[3] == "CID Type 0C");
    CHECK(row[5] == "yes");
    CHECK(row[6] == "yes");
    CHECK(row[7] == "yes");

    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    auto lines = lines_of(text.output);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[1] == "\u674E\u5C0F\u9F99\uFF0C\u9648\u7F8E\u73B2");
}

TEST_CASE("a name-keyed CFF font (.otf) is embedded as CIDFontType0 addressed by glyph id") {
    // NimbusSans from fonts-urw-base35, which ghostscript brings (.ci/install-deps)
    const std::string nimbus = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";
    display::Document doc = one_page({});
    doc.fonts[0] = {nimbus, "NimbusSans-Regular"};
    doc.pages[0].add<display::GlyphRun>(shaped_run(nimbus, 0, "The first office was efficient.", 12, 72, 100));
    TempFile file(".pdf");
    auto pdf = render_checked(doc, file);
    CHECK(pdf.size() < 40000);  // the glyphs left out are empty: the whole font is 50 KB compressed

    auto fonts = run_command(PDFFONTS " " + shell_quote(file.path()));
    INFO(fonts.output);
    auto rows = table_rows(fonts.output);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() == 10);
    CHECK(rows[0][0].substr(6) == "+NimbusSans-Regular");
    CHECK(rows[0][1] + " " + rows[0][2] + " " + rows[0][3] == "CID Type 0C");
    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    CHECK(lines_of(text.output).at(0) == "The first office was efficient.");
}

TEST_CASE("a CFF glyph standing for different text extracts as each text (ActualText for the later one)") {
    const std::string nimbus = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";
    display::Document doc = one_page({});
    doc.fonts[0] = {nimbus, "NimbusSans-Regular"};
    doc.pages[0].add<display::GlyphRun>(shaped_run(nimbus, 0, "\u00C1lvaro", 12, 72, 100));
    doc.pages[0].add<display::GlyphRun>(shaped_run(nimbus, 0, "A\u0301lvaro", 12, 72, 120));
    REQUIRE(run_at(doc, 0).glyphs[0].id == run_at(doc, 1).glyphs[0].id);
    TempFile file(".pdf");
    render_checked(doc, file);
    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    auto lines = lines_of(text.output);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "\u00C1lvaro");
    CHECK(lines[1] == "A\u0301lvaro");
}

TEST_CASE("a cluster of more glyphs than characters (a Tamil split vowel sign) extracts whole") {
    // needs fonts-lohit-taml (.ci/install-deps); கொ is க with the vowel sign o, drawn in two parts
    // on either side of it: three glyphs for two characters
    const std::string lohit = "/usr/share/fonts/truetype/lohit-tamil/Lohit-Tamil.ttf";
    display::Document doc = one_page({});
    doc.fonts[0] = {lohit, "Lohit-Tamil"};
    const std::string name = "\u0baa\u0bca\u0ba9\u0bcd\u0ba9\u0bae\u0bcd\u0bae\u0bbe";  // பொன்னம்மா
    doc.pages[0].add<display::GlyphRun>(shaped_run(lohit, 0, name, 14, 72, 100));
    const auto& glyphs = run_at(doc, 0).glyphs;
    REQUIRE(std::count_if(glyphs.begin(), glyphs.end(), [](const auto& g) { return g.cluster == 0; }) == 3);
    TempFile file(".pdf");
    render_checked(doc, file);
    auto text = run_command(PDFTOTEXT " -enc UTF-8 " + shell_quote(file.path()) + " -");
    INFO(text.output);
    CHECK(lines_of(text.output).at(0) == name);
    // MuPDF 1.21 reads no ActualText: it gets the cluster's text from the first glyph and then the
    // characters the font's cmap gives the other two ("பொபா…"), but never U+FFFD (every code has
    // an entry)
    auto mupdf = run_command(MUTOOL " draw -q -F txt " + shell_quote(file.path()) + " 2>/dev/null");
    INFO(mupdf.output);
    CHECK(mupdf.output.find("\u0baa\u0bca") != std::string::npos);
    CHECK(mupdf.output.find("\uFFFD") == std::string::npos);
}

namespace {

compose::base::Node node(std::uint32_t id, compose::base::Role role, std::uint32_t parent, std::string alt = {},
                         std::string lang = {}) {
    compose::base::Node n;
    n.id = compose::base::NodeId(id);
    if (parent != ~0u) n.parent = compose::base::NodeId(parent);
    n.role = role;
    n.alt = std::move(alt);
    n.lang = std::move(lang);
    return n;
}

// Two pages: a figure with alt text, a picture with neither alt text nor caption, a paragraph
// with a link running onto the second page, a Spanish paragraph, a folio and an untagged rule.
display::Document tagged_document() {
    using compose::base::Role;
    const std::string photo = COMPOSE_SOURCE_DIR "/sources/mexico-2014/photos/photo-1.jpg";
    display::Document doc;
    doc.fonts.push_back({kSerif, "NotoSerif-Regular"});
    doc.metadata.title = "Tagged test";
    doc.metadata.lang = "en";
    doc.metadata.date = 1415232000;
    for (int p = 0; p < 2; ++p) {
        display::Page page;
        page.width = 612;
        page.height = 792;
        page.label = std::to_string(p + 1);
        page.lang = "en";
        auto begin = [&](std::uint32_t id) { page.add<display::StructBegin>(display::StructBegin{compose::base::NodeId(id)}); };
        auto end = [&] { page.add<display::TagEnd>(); };
        if (p == 0) {
            page.nodes = {node(0, Role::Document, ~0u),      node(1, Role::Figure, 0, "Ten people around a table"),
                          node(2, Role::Image, 1),            node(3, Role::Figure, 0),
                          node(4, Role::Image, 3),            node(5, Role::Paragraph, 0),
                          node(6, Role::Link, 5),             node(7, Role::Paragraph, 0, {}, "es")};
            begin(2);
            page.add<display::Image>(display::Image{{72, 72, 200, 100}, photo, false});
            end();
            begin(4);
            page.add<display::Image>(display::Image{{72, 200, 100, 50}, photo, false});
            end();
            begin(5);
            page.add<display::GlyphRun>(shaped_run(kSerif, 0, "A paragraph with ", 12, 72, 300));
            end();
            begin(6);
            page.add<display::GlyphRun>(shaped_run(kSerif, 0, "a link", 12, 170, 300));
            page.add<display::Link>(display::Link{{170, 290, 40, 14}, "https://example.org", ""});
            end();
            begin(5);
            page.add<display::GlyphRun>(shaped_run(kSerif, 0, " that goes on", 12, 210, 300));
            end();
            begin(7);
            auto spanish = shaped_run(kSerif, 0, "Un párrafo", 12, 72, 330);
            spanish.lang = "es";
            page.add<display::GlyphRun>(std::move(spanish));
            end();
            page.add<display::Shape>(display::Shape{display::Segment{72, 700, 540, 700}, std::nullopt, display::Stroke{}});
        } else {
            begin(5);
            page.add<display::GlyphRun>(shaped_run(kSerif, 0, "on the next page.", 12, 72, 72));
            end();
        }
        page.add<display::ArtifactBegin>(display::ArtifactBegin{compose::base::Artifact::Folio});
        page.add<display::GlyphRun>(shaped_run(kSerif, 0, std::to_string(p + 1), 9, 300, 760));
        end();
        doc.pages.push_back(std::move(page));
    }
    return doc;
}

std::string qdf_of(const std::string& path) {
    auto qdf = run_command(QPDF " --qdf --object-streams=disable " + shell_quote(path) + " -");
    REQUIRE(qdf.status == 0);
    return qdf.output;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a tagged PDF: every mark tagged or an artifact, the tree and its parent tree agree (PDF/UA checker)") {
    auto doc = tagged_document();
    TempFile file(".pdf");
    render_checked(doc, file);
    auto check = run_command("python3 " COMPOSE_SOURCE_DIR "/tests/e2e/pdfua_check.py " + shell_quote(file.path()));
    INFO(check.output);
    CHECK(check.status == 0);
    const std::string qdf = qdf_of(file.path());
    // one Figure, with its alt text; the picture without alt text or caption is an artifact
    CHECK(count_of(qdf, "/S /Figure") == 1);
    CHECK(count_of(qdf, "/Alt ") == 1);
    CHECK(count_of(qdf, "/Artifact BMC") >= 2);  // the decorative picture and the untagged rule
    CHECK(count_of(qdf, "/Artifact <</Type /Pagination>> BDC") == 2);  // the folios
    // the paragraph's content on the second page is a marked-content reference from the first
    CHECK(count_of(qdf, "/Type /MCR") == 1);
    // the Spanish paragraph is in Spanish, and so is its marked content
    CHECK(count_of(qdf, "/Lang (es)") == 2);
    CHECK(count_of(qdf, "/Type /OBJR") == 1);
    CHECK(count_of(qdf, "/StructParent 2") == 1);  // the annotation's key, after the two pages'
    CHECK(count_of(qdf, "pdfuaid:part>1<") == 1);
    CHECK(doc.pages.size() == 2);
}

TEST_CASE("PDF/A-2u: the checker's PDF/A rules pass, and the same display list gives the same bytes") {
    auto doc = tagged_document();
    compose::render::PdfOptions options;
    options.pdfa = true;
    Diagnostics diags;
    auto a = compose::render::render_pdf(doc, diags, options);
    auto b = compose::render::render_pdf(doc, diags, options);
    INFO(diagnostics_text(diags));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    CHECK(a->rfind("%PDF-1.7", 0) == 0);
    TempFile file(".pdf");
    file.write(*a);
    auto check = run_command("python3 " COMPOSE_SOURCE_DIR "/tests/e2e/pdfua_check.py --pdfa " + shell_quote(file.path()));
    INFO(check.output);
    CHECK(check.status == 0);
    // a changed page changes the /ID
    doc.pages[1].items.clear();
    auto c = compose::render::render_pdf(doc, diags, options);
    REQUIRE(c);
    auto id_of = [](const std::string& pdf) { return pdf.substr(pdf.rfind("/ID"), 80); };
    CHECK(id_of(*a) != id_of(*c));
}

TEST_CASE("untagged (--no-tags): no structure, no XMP, the PDF 1.3 of before") {
    auto doc = tagged_document();
    compose::render::PdfOptions options;
    options.tagged = false;
    Diagnostics diags;
    auto pdf = compose::render::render_pdf(doc, diags, options);
    REQUIRE(pdf);
    CHECK(pdf->rfind("%PDF-1.3", 0) == 0);
    TempFile file(".pdf");
    file.write(*pdf);
    const std::string qdf = qdf_of(file.path());
    CHECK(count_of(qdf, "/StructTreeRoot") == 0);
    CHECK(count_of(qdf, "/MCID") == 0);
    CHECK(count_of(qdf, "/Metadata") == 0);
}

TEST_CASE("a parent tree of more keys than a leaf holds is split into leaves, and still checks") {
    using compose::base::Role;
    display::Document doc;
    doc.fonts.push_back({kSerif, "NotoSerif-Regular"});
    doc.metadata.title = "Many links";
    doc.metadata.lang = "en";
    display::Page page;
    page.width = 612;
    page.height = 792;
    page.label = "1";
    page.lang = "en";
    const auto word = shaped_run(kSerif, 0, "go", 4, 10, 10);
    const int links = 4100;  // a leaf holds 4,000 keys: the page's and one per link annotation
    page.nodes.push_back(node(0, Role::Document, ~0u));
    page.nodes.push_back(node(1, Role::Paragraph, 0));
    for (int i = 0; i < links; ++i) page.nodes.push_back(node(2 + i, Role::Link, 1));
    for (int i = 0; i < links; ++i) {
        page.add<display::StructBegin>(display::StructBegin{compose::base::NodeId(2 + i)});
        auto run = word;
        run.x = 10 + (i % 60) * 9.5;
        run.y = 10 + (i / 60) * 10.5;
        page.add<display::GlyphRun>(std::move(run));
        page.add<display::Link>(display::Link{{10 + (i % 60) * 9.5, (i / 60) * 10.5 + 2, 8, 9}, "https://example.org", ""});
        page.add<display::TagEnd>();
    }
    doc.pages.push_back(std::move(page));
    Diagnostics diags;
    auto pdf = compose::render::render_pdf(doc, diags);
    INFO(diagnostics_text(diags));
    REQUIRE(pdf);
    TempFile file(".pdf");
    file.write(*pdf);
    auto check = run_command("python3 " COMPOSE_SOURCE_DIR "/tests/e2e/pdfua_check.py " + shell_quote(file.path()));
    INFO(check.output);
    CHECK(check.status == 0);
    const std::string qdf = qdf_of(file.path());
    CHECK(count_of(qdf, "/Limits") == 2);
    CHECK(count_of(qdf, "/ParentTreeNextKey 4101") == 1);
}
