#include <catch2/catch.hpp>

#include "compose/base/suggest.h"

TEST_CASE("a transposition is one edit") {
    CHECK(compose::base::edit_distance("finidng", "finding") == 1);
    CHECK(compose::base::edit_distance("", "abc") == 3);
}

TEST_CASE("closest suggests only plausible typos") {
    std::vector<std::string> names = {"finding", "figure", "section", "p"};
    CHECK(compose::base::closest("finidng", names) == std::optional<std::string>("finding"));
    CHECK(compose::base::closest("sectoin", names) == std::optional<std::string>("section"));
    CHECK_FALSE(compose::base::closest("zebra", names));
}
