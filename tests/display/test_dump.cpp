// display::dump(): the stable text form golden tests compare.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "compose/display/display.h"

namespace {

using namespace compose::display;

Document sample() {
    Document doc;
    doc.fonts.push_back({"/somewhere/checked/out/fonts/noto-serif/NotoSerif-Regular.ttf", "NotoSerif-Regular"});
    doc.outline.push_back({"Findings \"and\" points", "findings", 1});
    Page page;
    page.width = 595.2756;
    page.height = 841.8898;
    page.label = "1";
    page.lang = "en";
    page.nodes.push_back({compose::base::NodeId(0), {}, compose::base::Role::Document, 0, "en", {}});
    page.nodes.push_back({compose::base::NodeId(1), compose::base::NodeId(0), compose::base::Role::Heading, 1, {}, {}});
    page.nodes.push_back({compose::base::NodeId(2), compose::base::NodeId(0), compose::base::Role::Figure, 0, "es",
                          "Two \"people\""});
    page.add<Destination>(Destination{"findings", 70.866});
    page.add<StructBegin>(StructBegin{compose::base::NodeId(1)});
    GlyphRun run;
    run.font = 0;
    run.size = 10.5;
    run.x = 76.5354;
    run.y = 100.004999;
    run.text = "first";
    run.pos = {std::make_shared<const std::string>("/abs/path/report.xml"), 12, 5};
    run.glyphs = {{2134, 6.9615, 0, 0, 0}, {85, 4.9455, 0, 0, 2}, {86, 4.7355, 0.0001, -1.23456, 3},
                  {87, 3.696, -0.004, 0, 4}};
    run.lang = "en";
    page.add<GlyphRun>(run);
    page.add<Link>(Link{{80, 90.5, 40.126, 12.3}, "https://example.org/a?b=\"c\"", ""});
    page.add<TagEnd>();
    page.add<ArtifactBegin>(ArtifactBegin{compose::base::Artifact::Rule});
    page.add<Shape>(Shape{Segment{76.5, 300.25, 518.774, 300.25}, std::nullopt, Stroke{0x999999, 0.3, {3, 2}}});
    page.add<TagEnd>();
    page.add<StructBegin>(StructBegin{compose::base::NodeId(2)});
    page.add<Image>(Image{{76.5, 120, 442.27, 248.78}, "/abs/path/photos/photo-1.png", true});
    page.add<TagEnd>();
    page.add<Shape>(Shape{Rect{1, 2, 3, 4}, 0xEBEBEB, std::nullopt});
    page.add<Link>(Link{{10, 20, 30, 40}, "", "annex-participants"});
    doc.pages.push_back(page);
    Page second;
    second.width = 612;
    second.height = 792;
    second.label = "ii";
    doc.pages.push_back(second);
    return doc;
}

GlyphRun& run0(Document& doc) {
    for (auto& item : doc.pages[0].items) {
        if (auto* run = std::get_if<GlyphRun>(&item)) return *run;
    }
    throw std::logic_error("no run");
}

}  // namespace

TEST_CASE("dump prints every item in paint order with every field, nested by tags, numbers rounded, file names without folders") {
    const std::string expected =
        "font 0 NotoSerif-Regular NotoSerif-Regular.ttf\n"
        "outline 1 \"Findings \\\"and\\\" points\" -> findings\n"
        "page 1 label \"1\" master body lang en size 595.28 841.89\n"
        "  node 0 document lang en\n"
        "  node 1 heading parent 0 level 1\n"
        "  node 2 figure parent 0 lang es alt \"Two \\\"people\\\"\"\n"
        "  dest findings y 70.87\n"
        "  struct 1\n"
        "    run font 0 size 10.50 at 76.54 100.00 src 12:5 lang en color #000000 \"first\"\n"
        "      2134@0+6.96 85@2+4.95 86@3+4.74(0.00,-1.23) 87@4+3.70\n"
        "    link 80.00 90.50 40.13 12.30 https://example.org/a?b=\"c\"\n"
        "  end\n"
        "  artifact rule\n"
        "    shape line 76.50 300.25 518.77 300.25 stroke #999999 width 0.30 dash 3.00 2.00\n"
        "  end\n"
        "  struct 2\n"
        "    image 76.50 120.00 442.27 248.78 cover \"photo-1.png\"\n"
        "  end\n"
        "  shape rect 1.00 2.00 3.00 4.00 fill #EBEBEB\n"
        "  link 10.00 20.00 30.00 40.00 #annex-participants\n"
        "page 2 label \"ii\" master body lang - size 612.00 792.00\n";
    CHECK(dump(sample()) == expected);
}

TEST_CASE("dump is stable: the same document gives the same text") {
    auto a = sample();
    auto b = sample();
    CHECK(dump(a) == dump(b));
    CHECK(dump(a) == dump(a));
}

TEST_CASE("differences below the rounding do not show, larger ones do") {
    auto a = sample();
    auto b = sample();
    run0(b).x += 0.0004;
    run0(b).glyphs[0].advance -= 0.0004;
    CHECK(dump(a) == dump(b));
    run0(b).x += 0.01;
    CHECK(dump(a) != dump(b));
}

TEST_CASE("a glyph offset that rounds to zero is not printed") {
    auto a = sample();
    auto b = sample();
    run0(b).glyphs[0].x_offset = 1e-12;
    run0(b).glyphs[0].y_offset = -1e-9;
    CHECK(dump(a) == dump(b));
}

TEST_CASE("negative zero prints as zero") {
    Document doc;
    Page page;
    page.width = -0.001;
    page.height = 0;
    doc.pages.push_back(page);
    CHECK(dump(doc) == "page 1 label \"\" master body lang - size 0.00 0.00\n");
}

TEST_CASE("an empty document dumps as nothing") {
    CHECK(dump(Document{}).empty());
}
