// First-fit breaking, kept as a strategy and as the fallback.
#include <catch2/catch.hpp>

#include "hand_made.h"

using compose::test::actual;
using compose::test::ExpectLine;
using compose::test::hand_made;
using compose::test::to_string;

TEST_CASE("first fit fills each line, shrinking spaces as far as they go") {
    compose::para::BreakParams params;
    params.width = 100;
    params.strategy = compose::para::Strategy::FirstFit;
    auto mp = hand_made("aaa bbb ccc dd eeeeeeeeeeeee f");
    auto got = actual(mp, compose::para::break_paragraph(mp, params));
    // clang-format off
    std::vector<ExpectLine> expected{
        {"aaa bbb ccc",   110, -1, false},
        {"dd",             20,  0, false},  // nothing to stretch: left as it is
        {"eeeeeeeeeeeee", 130,  0, false},  // wider than the measure
        {"f",              10,  0, false},
    };
    // clang-format on
    INFO("expected:\n" << to_string(expected) << "actual:\n" << to_string(got));
    CHECK(got == expected);
}

TEST_CASE("first fit breaks at a hyphenation point and counts the hyphen's width") {
    compose::para::BreakParams params;
    params.width = 100;
    params.strategy = compose::para::Strategy::FirstFit;
    auto mp = hand_made("aaa bbbb|ccccc");
    auto lines = compose::para::break_paragraph(mp, params);
    auto got = actual(mp, lines);
    std::vector<ExpectLine> expected{{"aaa bbbb-", 90, 1, true}, {"ccccc", 50, 0, false}};
    INFO("expected:\n" << to_string(expected) << "actual:\n" << to_string(got));
    CHECK(got == expected);
}
