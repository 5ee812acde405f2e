#include <catch2/catch.hpp>

#include "compose/base/units.h"

using compose::base::parse_length;

TEST_CASE("lengths in pt, mm, cm and in") {
    CHECK(parse_length("12pt")->v == Approx(12));
    CHECK(parse_length("25.4mm")->v == Approx(72));
    CHECK(parse_length("2.54cm")->v == Approx(72));
    CHECK(parse_length("0.5in")->v == Approx(36));
    CHECK(parse_length("0")->v == Approx(0));
}

TEST_CASE("malformed lengths are refused") {
    CHECK_FALSE(parse_length("12"));
    CHECK_FALSE(parse_length("twelve"));
    CHECK_FALSE(parse_length("12px"));
    CHECK_FALSE(parse_length(""));
}
