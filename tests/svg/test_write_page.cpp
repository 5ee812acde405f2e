// svg::write_page on a hand-made page holding every kind of display item: well-formed XML (xmllint),
// each item translated, glyph outlines as HarfBuzz draws them, errors as diagnostics.
#include <catch2/catch.hpp>

#include <hb.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <regex>
#include <string>

#include <unistd.h>

#include "compose/svg/encode.h"
#include "compose/svg/svg.h"

namespace {

using namespace compose::display;
using compose::base::NodeId;
using compose::base::Role;

const std::string kFont = COMPOSE_SOURCE_DIR "/fonts/noto-serif/NotoSerif-Regular.ttf";
const std::string kPhoto = COMPOSE_SOURCE_DIR "/sources/mexico-2014/photos/photo-1.jpg";

// The font's glyph for a character, and its ink box in font units, as HarfBuzz says.
struct GlyphInfo {
    std::uint32_t id = 0;
    hb_glyph_extents_t extents{};
};

GlyphInfo glyph_of(char32_t c) {
    hb_blob_t* blob = hb_blob_create_from_file(kFont.c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_font_set_scale(font, static_cast<int>(hb_face_get_upem(face)), static_cast<int>(hb_face_get_upem(face)));
    GlyphInfo info;
    hb_font_get_nominal_glyph(font, c, &info.id);
    hb_font_get_glyph_extents(font, info.id, &info.extents);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return info;
}

std::vector<FontFace> fonts() { return {{kFont, "NotoSerif-Regular"}}; }

Page sample() {
    Page page;
    page.width = 595.276;
    page.height = 841.89;
    page.label = "ii";
    page.lang = "en";
    page.nodes.push_back({NodeId(0), {}, Role::Document, 0, "en", {}});
    page.nodes.push_back({NodeId(1), NodeId(0), Role::Heading, 1, {}, {}});
    page.nodes.push_back({NodeId(2), NodeId(0), Role::Figure, 0, "es", "Two \"people\" & a <table>"});
    page.add<Destination>(Destination{"findings", 70.5});
    page.add<StructBegin>(StructBegin{NodeId(0)});
    page.add<StructBegin>(StructBegin{NodeId(1)});
    GlyphRun run;
    run.size = 10;
    run.x = 72;
    run.y = 100;
    run.text = "Hi & <b>";
    run.color = 0x8a1c1c;
    run.hscale = 1.02;
    std::uint32_t h = glyph_of('H').id, i = glyph_of('i').id, space = glyph_of(' ').id;
    run.glyphs = {{h, 7.5, 0, 0, 0}, {i, 3.0, 0.5, 2.0, 1}, {space, 2.5, 0, 0, 2}, {h, 7.5, 0, 0, 3}};
    page.add<GlyphRun>(run);
    page.add<Link>(Link{{72, 90, 20, 12}, "https://example.org/a?b=1&c=\"2\"", ""});
    page.add<Link>(Link{{100, 90, 20, 12}, "", "annex-people"});
    page.add<TagEnd>();
    page.add<StructBegin>(StructBegin{NodeId(2)});
    page.add<Image>(Image{{72, 200, 200, 100}, kPhoto, true});
    page.add<Image>(Image{{300, 200, 200, 100}, kPhoto, false});
    page.add<TagEnd>();
    page.add<TagEnd>();
    page.add<ArtifactBegin>(ArtifactBegin{compose::base::Artifact::Rule});
    page.add<Shape>(Shape{Segment{72, 400, 500, 400}, std::nullopt, Stroke{0x333333, 0.75, {2, 1.5}}});
    page.add<Shape>(Shape{Rect{72, 420, 100, 50}, 0xeeeeee, std::nullopt});
    page.add<Shape>(Shape{Rect{72, 480, 100, 50}, std::nullopt, Stroke{0x000000, 1, {}}});
    page.add<TagEnd>();
    return page;
}

bool well_formed(const std::string& svg) {
    std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/compose-test-svg-" +
                       std::to_string(::getpid()) + ".svg";
    std::ofstream(path) << svg;
    int status = std::system(("xmllint --noout " + path).c_str());
    std::remove(path.c_str());
    return status == 0;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("every item kind comes out as well-formed SVG") {
    compose::base::Diagnostics diags;
    auto svg = compose::svg::write_page(sample(), fonts(), diags);
    REQUIRE(svg);
    INFO(*svg);
    CHECK(diags.items().empty());
    CHECK(well_formed(*svg));
    // the page's size in points
    CHECK(svg->find("width=\"595.276pt\" height=\"841.89pt\" viewBox=\"0 0 595.276 841.89\"") != std::string::npos);
    CHECK(svg->find("data-page=\"ii\"") != std::string::npos);
}

TEST_CASE("glyphs are outlines defined once and placed with use") {
    compose::base::Diagnostics diags;
    auto svg = compose::svg::write_page(sample(), fonts(), diags);
    REQUIRE(svg);
    INFO(*svg);
    auto h = glyph_of('H'), i = glyph_of('i'), space = glyph_of(' ');
    std::string h_id = "_g0." + std::to_string(h.id), i_id = "_g0." + std::to_string(i.id);
    CHECK(count(*svg, "<path id=\"" + h_id + "\"") == 1);
    CHECK(count(*svg, "<path id=\"" + i_id + "\"") == 1);
    CHECK(count(*svg, "<path id=") == 2);  // the space draws nothing
    CHECK(svg->find("_g0." + std::to_string(space.id) + "\"") == std::string::npos);
    CHECK(count(*svg, "href=\"#" + h_id + "\"") == 2);
    // scale: 10 pt on 1000 units/em, 2% wider; y upwards; at the run's pen position
    CHECK(svg->find("fill=\"#8a1c1c\" transform=\"matrix(0.0102 0 0 -0.01 72 100)\"") != std::string::npos);
    // the second glyph 7.5 pt along and 0.5 pt right of it, 2 pt up: in the run's units
    std::string x = compose::svg::number((7.5 + 0.5) / 0.0102, 1);
    CHECK(svg->find("href=\"#" + i_id + "\" x=\"" + x + "\" y=\"200\"") != std::string::npos);
    // the last H after 7.5 + 3 + 2.5 pt
    CHECK(svg->find("href=\"#" + h_id + "\" x=\"" + compose::svg::number(13 / 0.0102, 1) + "\"") != std::string::npos);
}

TEST_CASE("a glyph's outline has the ink box HarfBuzz gives") {
    compose::base::Diagnostics diags;
    auto svg = compose::svg::write_page(sample(), fonts(), diags);
    REQUIRE(svg);
    auto h = glyph_of('H');
    std::smatch m;
    REQUIRE(std::regex_search(*svg, m, std::regex("<path id=\"_g0\\." + std::to_string(h.id) + "\" d=\"([^\"]*)\"")));
    std::string d = m[1];
    CHECK(d.front() == 'M');
    CHECK(d.back() == 'Z');
    // every point of the outline (H has no curves: its points are its ink box's corners)
    double min_x = std::numeric_limits<double>::max(), max_x = -min_x, min_y = min_x, max_y = -min_x;
    std::regex pair("(-?[0-9.]+) (-?[0-9.]+)");
    for (auto it = std::sregex_iterator(d.begin(), d.end(), pair); it != std::sregex_iterator(); ++it) {
        double px = std::stod((*it)[1]), py = std::stod((*it)[2]);
        min_x = std::min(min_x, px), max_x = std::max(max_x, px);
        min_y = std::min(min_y, py), max_y = std::max(max_y, py);
    }
    CHECK(min_x == Approx(h.extents.x_bearing).margin(0.5));
    CHECK(max_x == Approx(h.extents.x_bearing + h.extents.width).margin(0.5));
    CHECK(max_y == Approx(h.extents.y_bearing).margin(0.5));
    CHECK(min_y == Approx(h.extents.y_bearing + h.extents.height).margin(0.5));
}

TEST_CASE("the run's text is there, invisible, for search and selection") {
    compose::base::Diagnostics diags;
    auto svg = compose::svg::write_page(sample(), fonts(), diags);
    REQUIRE(svg);
    INFO(*svg);
    CHECK(svg->find("<text x=\"72\" y=\"100\" font-size=\"10\" textLength=\"20.5\" lengthAdjust=\"spacingAndGlyphs\" "
                    "fill-opacity=\"0\" xml:space=\"preserve\">Hi &amp; &lt;b&gt;</text>") != std::string::npos);
}

TEST_CASE("shapes, images, links, destinations and tags") {
    compose::base::Diagnostics diags;
    auto svg = compose::svg::write_page(sample(), fonts(), diags);
    REQUIRE(svg);
    INFO(*svg);
    CHECK(svg->find("<line x1=\"72\" y1=\"400\" x2=\"500\" y2=\"400\" stroke=\"#333333\" stroke-width=\"0.75\" "
                    "stroke-dasharray=\"2 1.5\"/>") != std::string::npos);
    CHECK(svg->find("<rect x=\"72\" y=\"420\" width=\"100\" height=\"50\" fill=\"#eeeeee\"/>") != std::string::npos);
    CHECK(svg->find("<rect x=\"72\" y=\"480\" width=\"100\" height=\"50\" fill=\"none\" stroke=\"#000000\" "
                    "stroke-width=\"1\"/>") != std::string::npos);
    // cover fills the frame, clipped (slice); contain shows the whole image (meet)
    CHECK(svg->find("<image x=\"72\" y=\"200\" width=\"200\" height=\"100\" preserveAspectRatio=\"xMidYMid slice\" "
                    "href=\"data:image/jpeg;base64,/9j/") != std::string::npos);
    CHECK(svg->find("<image x=\"300\" y=\"200\" width=\"200\" height=\"100\" preserveAspectRatio=\"xMidYMid meet\" "
                    "href=\"data:image/jpeg;base64,/9j/") != std::string::npos);
    CHECK(svg->find("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\"><rect x=\"72\" y=\"90\" width=\"20\" "
                    "height=\"12\" fill-opacity=\"0\"/></a>") != std::string::npos);
    CHECK(svg->find("<a href=\"#annex-people\">") != std::string::npos);
    CHECK(svg->find("<g id=\"findings\" transform=\"translate(0 70.5)\"/>") != std::string::npos);
    CHECK(svg->find("<g data-role=\"document\" xml:lang=\"en\">") != std::string::npos);
    CHECK(svg->find("<g data-role=\"heading\" data-level=\"1\">") != std::string::npos);
    CHECK(svg->find("<g data-role=\"figure\" xml:lang=\"es\" role=\"img\" aria-label=\"Two &quot;people&quot; &amp; "
                    "a &lt;table&gt;\">") != std::string::npos);
    CHECK(svg->find("<g data-artifact=\"rule\" aria-hidden=\"true\">") != std::string::npos);
    CHECK(count(*svg, "<g data-") == count(*svg, "</g>\n") - 1);  // the run's own group closes too
}

TEST_CASE("internal links go where the writer's caller says") {
    compose::base::Diagnostics diags;
    compose::svg::Writer writer;
    auto svg = writer.write_page(sample(), fonts(), [](const std::string& dest) { return "page-012.svg#" + dest; }, diags);
    REQUIRE(svg);
    CHECK(svg->find("<a href=\"page-012.svg#annex-people\">") != std::string::npos);
}

TEST_CASE("a structure element met on an earlier page keeps its role") {
    compose::base::Diagnostics diags;
    compose::svg::Writer writer;
    REQUIRE(writer.write_page(sample(), fonts(), {}, diags));
    Page next;
    next.width = 100;
    next.height = 100;
    next.add<StructBegin>(StructBegin{NodeId(1)});
    next.add<TagEnd>();
    next.add<TagEnd>();  // one end too many: nothing to close
    auto svg = writer.write_page(next, fonts(), {}, diags);
    REQUIRE(svg);
    CHECK(svg->find("<g data-role=\"heading\" data-level=\"1\">\n</g>\n</svg>") != std::string::npos);
    CHECK(well_formed(*svg));
}

TEST_CASE("tags left open at the page's end are closed") {
    compose::base::Diagnostics diags;
    Page page;
    page.width = 100;
    page.height = 100;
    page.add<ArtifactBegin>(ArtifactBegin{compose::base::Artifact::Folio});
    auto svg = compose::svg::write_page(page, fonts(), diags);
    REQUIRE(svg);
    CHECK(well_formed(*svg));
}

TEST_CASE("an unreadable font or image is an error at its file") {
    compose::base::Diagnostics diags;
    Page page = sample();
    CHECK_FALSE(compose::svg::write_page(page, {{"/nonexistent/font.ttf", "X"}}, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(*diags.items()[0].pos.file == "/nonexistent/font.ttf");

    compose::base::Diagnostics image_diags;
    Page with_text_as_image;
    with_text_as_image.add<Image>(Image{{0, 0, 10, 10}, kFont, false});  // a font is no image
    CHECK_FALSE(compose::svg::write_page(with_text_as_image, fonts(), image_diags));
    REQUIRE(image_diags.items().size() == 1);
    CHECK(image_diags.items()[0].message.find("PNG or JPEG") != std::string::npos);
}

TEST_CASE("text XML does not allow is left out, numbers are short") {
    std::string out;
    compose::svg::append_escaped(out, std::string("a\x01" "b\xEF\xBF\xBF" "c\té", 10));
    CHECK(out == "abc\té");
    CHECK(compose::svg::number(1.5) == "1.5");
    CHECK(compose::svg::number(-0.0001) == "0");
    CHECK(compose::svg::number(2.0) == "2");
    CHECK(compose::svg::number(0.12345, 3) == "0.123");
    CHECK(compose::svg::base64("Man") == "TWFu");
    CHECK(compose::svg::base64("Ma") == "TWE=");
    CHECK(compose::svg::base64("M") == "TQ==");
    CHECK(compose::svg::hex_color(0x8A1C1C) == "#8a1c1c");
}
