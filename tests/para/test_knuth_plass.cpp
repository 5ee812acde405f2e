// Knuth–Plass total-fit breaking on hand-made paragraphs (hand_made.h: every character 10pt, a
// space 10pt that stretches 10pt and shrinks 5pt, hyphens 10pt). Each expectation is worked out
// on paper in the comment above it; demerits are (10 + badness)² + penalty², badness
// 100·(shortfall/stretch)³.
#include <catch2/catch.hpp>

#include "hand_made.h"

namespace {

using compose::para::BreakParams;
using compose::para::Line;
using compose::test::ExpectLine;
using compose::test::actual;
using compose::test::hand_made;
using compose::test::to_string;

BreakParams measure(double width) {
    BreakParams params;
    params.width = width;
    params.em = 10;  // the emergency and ragged allowances are 30pt and 20pt
    return params;
}

void check_lines(const std::string& markup, const BreakParams& params, const std::vector<ExpectLine>& expected) {
    auto mp = hand_made(markup);
    auto lines = compose::para::break_paragraph(mp, params);
    auto got = actual(mp, lines);
    INFO("paragraph \"" << markup << "\", width " << params.width << ", align " << static_cast<int>(params.align)
                        << ", looseness " << params.looseness);
    INFO("expected:\n" << to_string(expected) << "actual:\n" << to_string(got));
    CHECK(got == expected);
}

}  // namespace

// clang-format off

TEST_CASE("total fit takes a looser first line to spare the second (greedy does not)") {
    // First fit squeezes "bbb a ccc d" (110pt, shrink 15 -> ratio -2/3) and leaves "e ffffff"
    // 20pt short with one space: ratio 2, badness 800. Total fit ends the first line a word
    // earlier: 10pt short over two spaces (ratio 0.5, badness 12.5), and the second is exact.
    // Demerits 22.5² + 10² + 10² = 706.25.
    check_lines("bbb a ccc d e ffffff ggg", measure(100), {
        {"bbb a ccc",   90, 0.5, false},
        {"d e ffffff", 100, 0,   false},
        {"ggg",         30, 0,   false},
    });
    auto greedy = measure(100);
    greedy.strategy = compose::para::Strategy::FirstFit;
    check_lines("bbb a ccc d e ffffff ggg", greedy, {
        {"bbb a ccc d", 110, -10.0 / 15, false},
        {"e ffffff",     80, 2,          false},
        {"ggg",          30, 0,          false},
    });
}

TEST_CASE("two hyphenated lines in a row cost double-hyphen demerits") {
    // Without the extra demerits, hyphenating twice is cheapest: 4 exact lines, (10² + 50²)·2
    // + 10² + 10² = 5400. With them that costs 15400, more than setting "bb ccc dddd" tight
    // (110pt, shrink 10: ratio -1, badness 100, 110² = 12100): 2600 + 12100 + 100 + 100 = 14900.
    const std::string text = "aa|aaaa bb|bb ccc dd|dd ee|eeeee ff ggggg";
    check_lines(text, measure(100), {
        {"aaaaaa bb-",  100,  0, true},
        {"bb ccc dddd", 110, -1, false},
        {"eeeeeee ff",  100,  0, false},
        {"ggggg",        50,  0, false},
    });
    auto params = measure(100);
    params.double_hyphen_demerits = 0;
    check_lines(text, params, {
        {"aaaaaa bb-", 100, 0, true},
        {"bb ccc dd-", 100, 0, true},
        {"dd eeeeeee", 100, 0, false},
        {"ff ggggg",    80, 0, false},
    });
}

TEST_CASE("no more than two hyphenated lines in a row") {
    // With double-hyphen demerits off, three hyphens in a row are cheapest (52000 demerits);
    // the hyphen limit rules the third one out and the paragraph costs 58900 instead.
    const std::string text = "aa bb|bbb cc ddddd ee|eee ff gg|gg hhh ii|ii";
    auto params = measure(100);
    params.double_hyphen_demerits = 0;
    params.max_hyphen_run = 0;  // no limit
    check_lines(text, params, {
        {"aa bbbbb cc", 110, -1, false},
        {"ddddd ee-",    90,  1, true},
        {"eee ff gg-",  100,  0, true},
        {"gg hhh ii-",  100,  0, true},
        {"ii",           20,  0, false},
    });
    params.max_hyphen_run = 2;  // the default
    check_lines(text, params, {
        {"aa bbbbb cc", 110, -1, false},
        {"ddddd ee-",    90,  1, true},
        {"eee ff gggg", 110, -1, false},
        {"hhh iiii",     80,  0, false},
    });
}

TEST_CASE("a word breakable only at its hyphens goes past the hyphen limit rather than stick out") {
    // Eight syllables, 20pt each, no space: each line holds two and a hyphen (50pt). The limit
    // of two hyphenated lines in a row cannot be kept, so the last resort breaks it (at a cost)
    // instead of setting overfull lines.
    check_lines("aa|aa|aa|aa|aa|aa|aa|aa", measure(50), {
        {"aaaa-", 50, 0, true},
        {"aaaa-", 50, 0, true},
        {"aaaa-", 50, 0, true},
        {"aaaa",  40, 0, false},
    });
}

TEST_CASE("a hyphen ending the penultimate line costs final-hyphen demerits") {
    // Without them: "aa bb cccc" exact, "dd eee ff-" exact, "fff": 100 + 2600 + 100 = 2800;
    // with them 7800, so the hyphen moves up a line: two lines 10pt short over two spaces
    // (badness 12.5): 22.5² + 50² + 22.5² + 10² = 3612.5.
    const std::string text = "aa bb cc|cc dd eee ff|fff";
    check_lines(text, measure(100), {
        {"aa bb cc-", 90, 0.5, true},
        {"cc dd eee", 90, 0.5, false},
        {"fffff",     50, 0,   false},
    });
    auto params = measure(100);
    params.final_hyphen_demerits = 0;
    check_lines(text, params, {
        {"aa bb cccc", 100, 0, false},
        {"dd eee ff-", 100, 0, true},
        {"fff",         30, 0, false},
    });
}

TEST_CASE("hyphenation is tried only when the paragraph cannot be set without it") {
    // "aaaa bbbbbb" is exact: the first pass (pretolerance, no hyphens) succeeds.
    check_lines("aaaa bb|bbbb cc", measure(110), {
        {"aaaa bbbbbb", 110, 0, false},
        {"cc",           20, 0, false},
    });
    // switched off, hyphenation points are never used
    auto params = measure(100);
    params.hyphenate = false;
    auto mp = hand_made("aaaa bb|bbbbbb cc dd");
    for (const auto& line : compose::para::break_paragraph(mp, params)) CHECK_FALSE(line.hyphenated);
}

TEST_CASE("the last line is set at its natural width") {
    check_lines("aaa bbb ccc ddd ee", measure(110), {
        {"aaa bbb ccc", 110, 0, false},
        {"ddd ee",       60, 0, false},  // 50pt short, with a space that could stretch: not stretched
    });
    auto mp = hand_made("aaa bbb ccc ddd ee");
    auto lines = compose::para::break_paragraph(mp, measure(110));
    REQUIRE(lines.size() == 2);
    CHECK(lines.back().last);
    CHECK(lines.back().ratio == 0);
    CHECK(lines.back().set_width() == lines.back().natural);
    CHECK(lines.back().badness == 0);
}

TEST_CASE("a forced break ends an unstretched line") {
    check_lines("aaa bb\ncc ddd", measure(100), {
        {"aaa bb", 60, 0, false},
        {"cc ddd", 60, 0, false},
    });
    auto mp = hand_made("aaa bb\ncc ddd");
    auto lines = compose::para::break_paragraph(mp, measure(100));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].last);
}

TEST_CASE("a word wider than the measure makes an overfull line, and only that one") {
    auto mp = hand_made("aaaaaaaaaaaaaa bb cc");
    auto lines = compose::para::break_paragraph(mp, measure(100));
    check_lines("aaaaaaaaaaaaaa bb cc", measure(100), {
        {"aaaaaaaaaaaaaa", 140, 0, false},
        {"bb cc",           50, 0, false},
    });
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].overfull == Approx(40));
    CHECK(lines[1].overfull == 0);
}

TEST_CASE("the emergency pass stretches a line rather than letting one stick out") {
    // "aaa bbb" is 30pt short with one space: ratio 3, badness 2700, beyond tolerance; with 30pt
    // of emergency stretch the badness counts as 100·(30/40)³ ≈ 42 and the paragraph is set.
    check_lines("aaa bbb cccccccccc", measure(100), {
        {"aaa bbb",     70, 3, false},
        {"cccccccccc", 100, 0, false},
    });
    auto mp = hand_made("aaa bbb cccccccccc");
    auto lines = compose::para::break_paragraph(mp, measure(100));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].overfull == 0);
    CHECK(lines[0].badness == Approx(2700));  // reported as it is set, without the allowance
}

TEST_CASE("looseness asks for a line more or less when tolerance allows") {
    auto params = measure(100);
    // optimum: two exact lines; one more: "ee f ggg" is 20pt short over two spaces (ratio 1,
    // badness 100, within tolerance) and "h" goes down.
    check_lines("a bb c ddd ee f ggg h", params, {
        {"a bb c ddd", 100, 0, false},
        {"ee f ggg h", 100, 0, false},
    });
    params.looseness = 1;
    check_lines("a bb c ddd ee f ggg h", params, {
        {"a bb c ddd", 100, 0, false},
        {"ee f ggg",    80, 1, false},
        {"h",           10, 0, false},
    });
    // optimum: three lines; one fewer: the last line takes "h" and shrinks (ratio -2/3)
    params.looseness = 0;
    check_lines("a bb cc d eee ff gg h", params, {
        {"a bb cc d", 90, 1.0 / 3, false},
        {"eee ff gg", 90, 0.5,     false},
        {"h",         10, 0,       false},
    });
    params.looseness = -1;
    check_lines("a bb cc d eee ff gg h", params, {
        {"a bb cc d",   90,  1.0 / 3, false},
        {"eee ff gg h", 110, -2.0 / 3, false},
    });
    // a line more than tolerance allows is not taken
    params.looseness = 1;
    check_lines("bbb a ccc d e ffffff ggg", params, {
        {"bbb a ccc",   90, 0.5, false},
        {"d e ffffff", 100, 0,   false},
        {"ggg",         30, 0,   false},
    });
}

TEST_CASE("ragged lines keep their spaces and even out the rag") {
    // Spaces are rigid; each line may fall short by up to 2em (20pt) at badness 100. First fit
    // would put "a bb cc d e" on the first line and leave "ffff gg" 30pt short; total fit
    // sets three lines 10, 10 and 0pt short.
    auto params = measure(100);
    params.align = compose::style::Align::Left;
    check_lines("a bb cc d e ffff gg hhhhhh iii", params, {
        {"a bb cc d",   90, 0, false},
        {"e ffff gg",   90, 0, false},
        {"hhhhhh iii", 100, 0, false},
    });
    params.align = compose::style::Align::Center;  // the same breaks; the page writer centres them
    check_lines("a bb cc d e ffff gg hhhhhh iii", params, {
        {"a bb cc d",   90, 0, false},
        {"e ffff gg",   90, 0, false},
        {"hhhhhh iii", 100, 0, false},
    });
}

TEST_CASE("a first-line indent shortens the first line only") {
    auto params = measure(100);
    params.first_indent = 20;
    auto mp = hand_made("aaa bbb ccc ddd eee");
    auto lines = compose::para::break_paragraph(mp, params);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].width == 80);
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].width == 100);
}

TEST_CASE("protrusion hangs a line's final full stop or hyphen into the margin") {
    // "aaa bb ccc." is 110pt: squeezed into 100pt its spaces shrink fully (ratio -1). With the
    // full stop hanging 5pt out, the line has 105pt and shrinks by half.
    auto params = measure(100);
    check_lines("aaa bb ccc. dd eee", params, {
        {"aaa bb ccc.", 110, -1, false},
        {"dd eee",       60,  0, false},
    });
    params.protrusion = true;
    check_lines("aaa bb ccc. dd eee", params, {
        {"aaa bb ccc.", 110, -0.5, false},
        {"dd eee",       60,  0,   false},
    });
    auto mp = hand_made("aaa bb ccc. dd eee");
    auto lines = compose::para::break_paragraph(mp, params);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].protrude_right == 5);
    CHECK(lines[0].set_width() == Approx(105));  // it ends 5pt into the margin
    CHECK(lines[1].protrude_right == 0);          // a last line is not justified, nor protruded
    // a drawn hyphen protrudes too
    auto hyphenated = hand_made("aaa bbbb|cccccc");
    auto broken = compose::para::break_paragraph(hyphenated, params);
    REQUIRE(broken.size() == 2);
    CHECK(broken[0].hyphenated);
    CHECK(broken[0].protrude_right == 5);
    // ragged lines never protrude
    params.align = compose::style::Align::Left;
    for (const auto& line : compose::para::break_paragraph(mp, params)) CHECK(line.protrude_right == 0);
}

TEST_CASE("an empty paragraph has no lines") {
    auto mp = hand_made("");
    CHECK(compose::para::break_paragraph(mp, measure(100)).empty());
}

// clang-format on
