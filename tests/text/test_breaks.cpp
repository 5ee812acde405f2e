// line_break_opportunities(): UAX #14 through ICU, as byte offsets.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compose/text/text.h"

namespace {

using compose::text::line_break_opportunities;

std::vector<std::uint32_t> offsets(const std::string& text, const std::string& lang = "en") {
    std::vector<std::uint32_t> out;
    for (const auto& b : line_break_opportunities(text, lang)) out.push_back(b.offset);
    return out;
}

}  // namespace

TEST_CASE("breaks come after spaces, not inside words") {
    CHECK(offsets("one two three") == std::vector<std::uint32_t>{4, 8});
    CHECK(offsets("word").empty());
    CHECK(offsets("").empty());
    // several spaces: the break is after the last one
    CHECK(offsets("a   b") == std::vector<std::uint32_t>{4});
}

TEST_CASE("offsets are bytes, after multi-byte characters") {
    // "Álvaro " is 8 bytes; the break is before "y"
    CHECK(offsets("\u00C1lvaro y Nicol\u00E1s") == std::vector<std::uint32_t>{8, 10});
    // a character outside the BMP counts as four bytes (two UTF-16 units inside ICU)
    CHECK(offsets("\U0001D400 b") == std::vector<std::uint32_t>{5});
}

TEST_CASE("a hyphen allows a break after it but a no-break space does not") {
    CHECK(offsets("well-known") == std::vector<std::uint32_t>{5});
    CHECK(offsets("a\u00A0b").empty());
    // no break before closing punctuation
    CHECK(offsets("end .") .empty());
}

TEST_CASE("a line separator is a hard break") {
    auto breaks = line_break_opportunities("a\u2028b c", "en");
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0].offset == 4);  // after the three bytes of U+2028
    CHECK(breaks[0].hard);
    CHECK(breaks[1].offset == 6);
    CHECK_FALSE(breaks[1].hard);
}
