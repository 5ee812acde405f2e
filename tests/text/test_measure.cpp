// Measurer: styled runs -> boxes, glue and penalties with shaped glyphs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "fonts.h"
#include "compose/text/text.h"

namespace {

using compose::base::Diagnostics;
using compose::style::Paragraph;
using compose::style::Run;
using compose::test::bundled_fonts;
using compose::text::Item;
using compose::text::MeasuredParagraph;
using compose::text::Measurer;

Run run(const std::string& text, bool bold = false, bool italic = false, double size = 10) {
    Run r;
    r.text = text;
    r.family = "Noto Serif";
    r.bold = bold;
    r.italic = italic;
    r.size = size;
    r.lang = "en";
    return r;
}

Paragraph para(std::vector<Run> runs) {
    Paragraph p;
    p.runs = std::move(runs);
    return p;
}

std::string kinds(const MeasuredParagraph& mp) {
    std::string out;
    for (const auto& item : mp.items) {
        out += item.kind == Item::Kind::Box ? 'B' : item.kind == Item::Kind::Glue ? 'G' : 'P';
    }
    return out;
}

}  // namespace

TEST_CASE("words become boxes and spaces glue, all with widths") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans"});
    auto mp = measurer.measure(para({run("The first office")}), diags);
    CHECK(diags.items().empty());
    CHECK(mp.text == "The first office");
    CHECK(kinds(mp) == "BGBGB");
    for (const auto& item : mp.items) {
        INFO("item " << mp.text.substr(item.text_begin, item.text_end - item.text_begin));
        CHECK(item.width > 0);
        CHECK(item.glyph_end > item.glyph_begin);
        if (item.kind == Item::Kind::Glue) {
            CHECK(item.stretch > 0);
            CHECK(item.shrink > 0);
            CHECK(item.shrink < item.width);
        }
    }
    // ligatures: "first" and "office" have fewer glyphs than letters
    CHECK(mp.items[2].glyph_end - mp.items[2].glyph_begin == 4);
    CHECK(mp.items[4].glyph_end - mp.items[4].glyph_begin == 4);
    // glyph clusters are byte offsets into the paragraph's text
    CHECK(mp.glyphs[mp.items[4].glyph_begin].cluster == 10);
    // a box's width is the sum of its glyph advances
    double sum = 0;
    for (auto g = mp.items[0].glyph_begin; g < mp.items[0].glyph_end; ++g) sum += mp.glyphs[g].advance;
    CHECK(mp.items[0].width == Approx(sum));
}

TEST_CASE("widths scale with the size") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {});
    auto small = measurer.measure(para({run("Dialogues", false, false, 10)}), diags);
    auto large = measurer.measure(para({run("Dialogues", false, false, 20)}), diags);
    REQUIRE(small.items.size() == 1);
    REQUIRE(large.items.size() == 1);
    CHECK(large.items[0].width == Approx(2 * small.items[0].width));
    CHECK(small.runs[0].ascent > 0);
    CHECK(small.runs[0].descent < 0);
    CHECK(large.runs[0].ascent == Approx(2 * small.runs[0].ascent));
}

TEST_CASE("a change of style is a new run and a break point") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {});
    auto mp = measurer.measure(para({run("plain "), run("bold", true), run(" italic", false, true)}), diags);
    CHECK(mp.text == "plain bold italic");
    REQUIRE(mp.runs.size() == 3);
    CHECK(mp.runs[0].face != mp.runs[1].face);
    CHECK(mp.runs[1].face != mp.runs[2].face);
    CHECK(kinds(mp) == "BGBGB");
    CHECK(mp.items[2].run == 1);
    CHECK(mp.items[4].run == 2);
}

TEST_CASE("a hyphen gives a flagged penalty and a line separator a forced break") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {});
    auto mp = measurer.measure(para({run("decision-makers")}), diags);
    REQUIRE(kinds(mp) == "BPB");
    CHECK(mp.items[1].flagged);
    CHECK(mp.items[1].penalty > 0);
    auto forced = measurer.measure(para({run("one\u2028two")}), diags);
    REQUIRE(kinds(forced) == "BPB");
    CHECK(forced.items[1].penalty == compose::text::kForcedBreak);
}

TEST_CASE("repeated words are shaped once") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {});
    std::string text;
    for (int i = 0; i < 50; ++i) text += "the security of the people ";
    text += "end";
    auto mp = measurer.measure(para({run(text)}), diags);
    std::size_t pieces = 0;
    for (const auto& item : mp.items) pieces += item.kind != Item::Kind::Penalty;
    CHECK(pieces == 50 * 10 + 1);
    // five distinct words, the space, and "end"
    CHECK(measurer.shaper().cache_size() == 6);
    CHECK(measurer.shaper().cache_hits() == pieces - 6);
}

TEST_CASE("a character no font has is an error at the character, naming it and its script, once per place") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans"});
    // U+0378 is unassigned: no bundled or system font can have it
    Run r = run("sign \u0378 here");
    r.pos = {std::make_shared<const std::string>("x.xml"), 4, 7};
    auto mp = measurer.measure(para({r}), diags);
    measurer.measure(para({r}), diags);  // measured again (a table cell tried at two widths)
    REQUIRE(diags.count(compose::base::Severity::Error) == 1);
    // at the character itself: the run starts at 4:7, the sign is its sixth character
    CHECK(compose::base::format(diags.items()[0]) ==
          "x.xml:4:12: error: no font has the character U+0378 '\u0378' (Unknown)");
    CHECK(mp.text == "sign \u0378 here");  // the text is kept
}

TEST_CASE("allowed, a character no font has is a warning per place, drawn as .notdef") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans"});
    measurer.set_allow_missing_glyphs(true);
    Run r = run("sign \u0378 and \u0378");
    r.pos = {std::make_shared<const std::string>("x.xml"), 4, 7};
    auto mp = measurer.measure(para({r}), diags);
    CHECK(diags.count(compose::base::Severity::Error) == 0);
    REQUIRE(diags.count(compose::base::Severity::Warning) == 2);
    CHECK(compose::base::format(diags.items()[1]) ==
          "x.xml:4:18: warning: no font has the character U+0378 '\u0378' (Unknown)");
    CHECK(std::any_of(mp.glyphs.begin(), mp.glyphs.end(), [](const auto& g) { return g.id == 0; }));
}

TEST_CASE("a character of a script no installed font covers names the package that would") {
    compose::text::FontSet fonts;
    Diagnostics scan;
    fonts.scan(COMPOSE_SOURCE_DIR "/fonts", scan);
    fonts.set_system_fallback(false);  // as on a machine without fonts-noto-cjk
    Diagnostics diags;
    Measurer measurer(fonts, {"Noto Sans"});
    Run r = run("\u674E\u5C0F\u9F99");
    r.pos = {std::make_shared<const std::string>("people.csv"), 3, 1};
    measurer.measure(para({r}), diags);
    REQUIRE(diags.count(compose::base::Severity::Error) == 3);
    CHECK(compose::base::format(diags.items()[1]) ==
          "people.csv:3:2: error: no font has the character U+5C0F '\u5C0F' (Han); "
          "apt-get install fonts-noto-cjk adds a font that has it");
}

TEST_CASE("bundled fonts come before the system's: a Hebrew letter from Noto Sans Hebrew, with no fallback family") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {});
    auto mp = measurer.measure(para({run("\u05D3\u05D5\u05D3")}), diags);
    CHECK(diags.items().empty());
    REQUIRE(mp.runs.size() == 1);
    const auto& info = bundled_fonts().info(mp.runs[0].face);
    CHECK(info.family == "Noto Sans Hebrew");
    CHECK_FALSE(info.system);
}

TEST_CASE("a character no bundled font has comes from the system's fonts, the face chosen by the language") {
    // needs fonts-noto-cjk (.ci/install-deps): Noto Sans CJK, a collection of CFF faces
    struct Case {
        const char* lang;
        const char* postscript;
        unsigned index;  // in NotoSansCJK-Regular.ttc: JP, KR, SC, TC, HK
    };
    for (Case c : {Case{"zh-Hans", "NotoSansCJKsc-Regular", 2}, Case{"zh-Hant", "NotoSansCJKtc-Regular", 3},
                   Case{"ja", "NotoSansCJKjp-Regular", 0}, Case{"ko", "NotoSansCJKkr-Regular", 1}}) {
        INFO(c.lang);
        Diagnostics diags;
        Measurer measurer(bundled_fonts(), {"Noto Sans"});
        Run r = run("\u674E\u5C0F\u9F99 Lee");
        r.lang = c.lang;
        auto mp = measurer.measure(para({r}), diags);
        CHECK(diags.items().empty());
        REQUIRE(mp.runs.size() >= 2);
        const auto& info = bundled_fonts().info(mp.runs[0].face);
        CHECK(info.system);
        CHECK(info.postscript_name == c.postscript);
        CHECK(info.path.substr(info.path.size() - 4) == ".ttc");
        CHECK(info.index == c.index);
        // the Latin after it goes back to the style's own face
        CHECK(bundled_fonts().info(mp.runs.back().face).family == "Noto Serif");
        // and the system font's run has the style font's vertical metrics: the line keeps its
        // baseline and leading (Noto Sans CJK's own ascent is 1.16 em, Noto Serif's 1.07)
        CHECK(mp.runs[0].ascent == mp.runs.back().ascent);
        CHECK(mp.runs[0].descent == mp.runs.back().descent);
        for (const auto& g : mp.glyphs) CHECK(g.id != 0);  // no .notdef
    }
}

TEST_CASE("an unknown family falls back, with a warning") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans"});
    Run r = run("text");
    r.family = "Garamond";
    auto mp = measurer.measure(para({r}), diags);
    REQUIRE(diags.count(compose::base::Severity::Warning) == 1);
    CHECK(diags.items()[0].message.find("'Garamond'") != std::string::npos);
    REQUIRE(mp.runs.size() == 1);
    CHECK(bundled_fonts().info(mp.runs[0].face).family == "Noto Sans");
}

TEST_CASE("a right-to-left name is itemized into runs of its own, shaped right to left") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew"});
    const std::string name = "\u0645\u062D\u0645\u062F \u0639\u0628\u062F \u0627\u0644\u0644\u0647";  // محمد عبد الله
    auto mp = measurer.measure(para({run("met with " + name + " of the")}), diags);
    CHECK(diags.items().empty());
    // the name (its inner spaces too) is one right-to-left run in the Arabic face
    std::vector<std::string> rtl_runs;
    for (std::size_t r = 0; r < mp.runs.size(); ++r) {
        if (!mp.runs[r].rtl()) continue;
        std::string text;
        for (const auto& item : mp.items) {
            if (item.run == r) text += mp.text.substr(item.text_begin, item.text_end - item.text_begin);
        }
        rtl_runs.push_back(text);
        CHECK(compose::test::bundled_fonts().info(mp.runs[r].face).family == "Noto Sans Arabic");
    }
    REQUIRE(rtl_runs == std::vector<std::string>{name});
    // each of its words' glyphs come in visual order: clusters falling
    for (const auto& item : mp.items) {
        if (item.kind != Item::Kind::Box || !mp.runs[item.run].rtl()) continue;
        INFO(mp.text.substr(item.text_begin, item.text_end - item.text_begin));
        CHECK(item.glyph_end - item.glyph_begin >= 3);
        for (auto g = item.glyph_begin + 1; g < item.glyph_end; ++g) CHECK(mp.glyphs[g].cluster < mp.glyphs[g - 1].cluster);
    }
    // the English words around it stay left to right
    CHECK_FALSE(mp.runs.front().rtl());
    CHECK_FALSE(mp.runs[mp.items.back().run].rtl());
}

TEST_CASE("visual order follows UAX #9 rule L2") {
    using compose::text::visual_order;
    CHECK(visual_order({0, 0, 0}) == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(visual_order({0, 1, 1, 1, 0}) == std::vector<std::uint32_t>{0, 3, 2, 1, 4});
    // a number inside right-to-left text keeps its own order
    CHECK(visual_order({1, 2, 2, 1}) == std::vector<std::uint32_t>{3, 1, 2, 0});
    CHECK(compose::text::paragraph_level("ar") == 1);
    CHECK(compose::text::paragraph_level("en-US") == 0);
}

namespace {

// The text of each box, with "|" for a hyphenation point (a flagged penalty that draws a hyphen).
std::string boxes_and_points(const MeasuredParagraph& mp) {
    std::string out;
    for (const auto& item : mp.items) {
        if (item.kind == Item::Kind::Box) out += mp.text.substr(item.text_begin, item.text_end - item.text_begin);
        else if (item.kind == Item::Kind::Glue) out += ' ';
        else if (item.edit == compose::text::BreakEdit::InsertHyphen) out += '|';
    }
    return out;
}

}  // namespace

TEST_CASE("soft hyphens are the only hyphenation points of their word, and are not text") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans"});
    auto p = para({run("the ob\u00ADserv\u00ADatory table")});
    SECTION("in a paragraph that is not hyphenated") {
        auto mp = measurer.measure(p, diags);
        CHECK(mp.text == "the observatory table");
        CHECK(boxes_and_points(mp) == "the ob|serv|atory table");
    }
    SECTION("in a hyphenated paragraph: the patterns do the other words") {
        p.style.hyphenate = true;
        measurer.hyphenator().add_exception("en", "ta-ble");
        auto mp = measurer.measure(p, diags);
        CHECK(boxes_and_points(mp) == "the ob|serv|atory ta|ble");
    }
    CHECK(diags.items().empty());
}

TEST_CASE("a <nobreak> phrase has no break opportunity inside and is not hyphenated") {
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans"});
    Run before = run("see the ");
    Run phrase = run("Instituto para la Seguridad");
    phrase.nobreak = true;
    Run after = run(" observatories");
    auto p = para({before, phrase, after});
    p.style.hyphenate = true;
    auto mp = measurer.measure(p, diags);
    // every space of the phrase is tied (a penalty of kNeverBreak before its glue); the words
    // around it break and hyphenate as usual
    CHECK(boxes_and_points(mp) == "see the Instituto para la Seguridad ob|ser|va|to|ries");
    int ties = 0;
    for (const auto& item : mp.items) {
        if (item.kind == Item::Kind::Penalty && item.penalty == compose::text::kNeverBreak) ++ties;
    }
    CHECK(ties == 3);
}

TEST_CASE("a run in one of the system's fonts is scaled to the style font's x-height, bundled fallbacks are not") {
    // needs the fonts of .ci/install-deps. The figures are the fonts' own: Noto Serif's x-height
    // 536/1000 em; Lohit Tamil has no Latin, its க is 492/1024 em high; Lohit Bengali none either,
    // its ক (the headline) 500/769 em, 1.33 x-heights; the others' sxHeight: Lohit Devanagari
    // 500/1024, Garuda 518/1000, Abyssinica SIL 983/2048, Noto Sans CJK SC 543/1000
    struct Case {
        const char* text;
        const char* lang;
        const char* family;
        double size;
    };
    for (Case c : {Case{"\u0BAE\u0BC1\u0BB0\u0BC1\u0B95\u0BA9\u0BCD Lee", "ta", "Lohit Tamil", 10 * 0.536 / (492.0 / 1024)},
                   Case{"\u092A\u094D\u0930\u093F\u092F\u093E Lee", "hi", "Lohit Devanagari", 10 * 0.536 / (500.0 / 1024)},
                   Case{"\u09B8\u09C1\u09AE\u09A8 Lee", "bn", "Lohit Bengali", 10 * 0.536 / (500.0 / 769 / 1.33)},
                   Case{"\u0E2A\u0E21\u0E0A\u0E32\u0E22 Lee", "th", "Garuda", 10 * 0.536 / 0.518},
                   Case{"\u1200\u1208 Lee", "am", "Abyssinica SIL", 10 * 0.536 / (983.0 / 2048)},
                   Case{"\u674E\u5C0F\u9F99 Lee", "zh-Hans", "Noto Sans CJK SC", 10 * 0.536 / 0.543}}) {
        INFO(c.family);
        Diagnostics diags;
        Measurer measurer(bundled_fonts(), {"Noto Sans"});
        Run r = run(c.text);
        r.lang = c.lang;
        auto mp = measurer.measure(para({r}), diags);
        CHECK(diags.items().empty());
        REQUIRE(mp.runs.size() >= 2);
        REQUIRE(bundled_fonts().info(mp.runs[0].face).system);
        CHECK(bundled_fonts().info(mp.runs[0].face).family == c.family);
        CHECK(mp.runs[0].size == Approx(c.size).epsilon(1e-9));
        CHECK(mp.runs.back().size == 10);  // the Latin after it, in the style's own face
        CHECK(mp.runs[0].ascent == mp.runs.back().ascent);  // and the line keeps the style's leading
    }
    // Noto Sans Arabic, a bundled fallback family, is set at the style's size as it was
    Diagnostics diags;
    Measurer measurer(bundled_fonts(), {"Noto Sans", "Noto Sans Arabic"});
    auto mp = measurer.measure(para({run("met \u0645\u062D\u0645\u062F here")}), diags);
    bool arabic = false;
    for (const auto& info : mp.runs) {
        if (bundled_fonts().info(info.face).family != "Noto Sans Arabic") continue;
        arabic = true;
        CHECK(info.size == 10);
    }
    CHECK(arabic);
}
