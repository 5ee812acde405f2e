// Font expansion (pdfTeX's \pdfadjustspacing): justified lines share their stretch and shrink
// between the word spaces and the glyphs, which may be drawn up to 2% wider or narrower in steps
// of 0.5%. Hand-made paragraphs (hand_made.h): every character 10pt, a space 10pt that stretches
// 10pt and shrinks 5pt.
#include <catch2/catch.hpp>

#include <cmath>

#include "hand_made.h"

namespace {

using compose::para::BreakParams;
using compose::test::hand_made;

BreakParams justified(double width, bool expansion) {
    BreakParams params;
    params.width = width;
    params.em = 10;
    params.expansion = expansion;
    return params;
}

}  // namespace

TEST_CASE("an expanded line draws its glyphs wider and stretches its spaces less") {
    auto mp = hand_made("aaaa bbbb cccc dddd");
    // "aaaa bbbb" in 100pt: 10pt short. The glyphs (80pt) may stretch 1.6pt, the space 10pt: the
    // glyphs' share is 10·1.6/11.6 = 1.38pt, 1.72%, rounded to the 0.5% step: 1.5% (1.2pt); the
    // space takes the other 8.8pt (ratio 0.88 instead of 1).
    auto plain = compose::para::break_paragraph(mp, justified(100, false));
    auto expanded = compose::para::break_paragraph(mp, justified(100, true));
    REQUIRE(plain.size() == 2);
    REQUIRE(expanded.size() == 2);
    CHECK(plain[0].hscale == 1);
    CHECK(plain[0].ratio == Approx(1.0));
    CHECK(expanded[0].hscale == Approx(1.015));
    CHECK(expanded[0].expansion == Approx(1.2));
    CHECK(expanded[0].ratio == Approx(0.88));
    CHECK(expanded[0].set_width() == Approx(100));
    CHECK(expanded[0].badness < plain[0].badness);
    // the last line is set at its natural width, neither stretched nor expanded
    CHECK(expanded[1].hscale == 1);
    CHECK(expanded[1].ratio == 0);
}

TEST_CASE("an expanded line may draw its glyphs narrower, by 2% at most") {
    auto mp = hand_made("aaaaaaaaaa bbbbbbbbbb cc");
    // "aaaaaaaaaa bbbbbbbbbb" is 210pt in 206pt: 4pt too wide. The glyphs (200pt) may shrink 4pt,
    // the space 5pt: the glyphs' share is 4·4/9 = 1.78pt, 0.89%, rounded to 1% (2pt); the space
    // shrinks the other 2pt (ratio -0.4).
    auto lines = compose::para::break_paragraph(mp, justified(206, true));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].hscale == Approx(0.99));
    CHECK(lines[0].ratio == Approx(-0.4));
    CHECK(lines[0].set_width() == Approx(206));
    for (double w : {150.0, 170.0, 190.0, 230.0}) {
        for (const auto& line : compose::para::break_paragraph(mp, justified(w, true))) {
            INFO("width " << w << " hscale " << line.hscale);
            CHECK(std::fabs(line.hscale - 1) <= compose::para::kExpansionStretch + 1e-9);
            double steps = (line.hscale - 1) / compose::para::kExpansionStep;
            CHECK(steps == Approx(std::round(steps)));
        }
    }
}

TEST_CASE("ragged lines are never expanded") {
    auto mp = hand_made("aaaa bbbb cccc dddd");
    auto params = justified(100, true);
    params.align = compose::style::Align::Left;
    for (const auto& line : compose::para::break_paragraph(mp, params)) CHECK(line.hscale == 1);
}
