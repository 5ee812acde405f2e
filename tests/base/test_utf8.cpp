#include <catch2/catch.hpp>

#include "compose/base/utf8.h"

using compose::base::find_invalid_utf8;

TEST_CASE("valid UTF-8 passes") {
    CHECK_FALSE(find_invalid_utf8("plain ascii"));
    CHECK_FALSE(find_invalid_utf8("S\xC3\xA3o Paulo \xE2\x80\x94 \xF0\x9F\x98\x80"));
}

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
    CHECK(find_invalid_utf8("ab\xFF") == 2u);
    CHECK(find_invalid_utf8("a\xC3") == 1u);              // truncated sequence
    CHECK(find_invalid_utf8("\xC0\xAF") == 0u);           // overlong '/'
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);      // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);   // past U+10FFFF
}

TEST_CASE("code points round-trip") {
    std::string s;
    for (char32_t cp : {U'A', U'\u00C1', U'\u2013', U'\U0001F600'}) compose::base::append_utf8(s, cp);
    std::size_t i = 0;
    CHECK(compose::base::next_code_point(s, i) == U'A');
    CHECK(compose::base::next_code_point(s, i) == U'\u00C1');
    CHECK(compose::base::next_code_point(s, i) == U'\u2013');
    CHECK(compose::base::next_code_point(s, i) == U'\U0001F600');
    CHECK(i == s.size());
}

TEST_CASE("truncate_code_points counts code points, not bytes, and marks the cut") {
    using compose::base::truncate_code_points;
    CHECK(truncate_code_points("abc", 3) == "abc");
    CHECK(truncate_code_points("abcd", 3) == "abc\u2026");
    CHECK(truncate_code_points("\u00E9\u00E9\u00E9\u00E9", 2) == "\u00E9\u00E9\u2026");  // never inside a sequence
    CHECK(truncate_code_points("\U0001F600x", 1) == "\U0001F600\u2026");
    CHECK(truncate_code_points("", 0).empty());
    CHECK(compose::base::is_continuation_byte('\x80'));
    CHECK_FALSE(compose::base::is_continuation_byte('a'));
    CHECK_FALSE(compose::base::is_continuation_byte('\xC3'));
}

TEST_CASE("controls are shown, not obeyed, when a diagnostic quotes them") {
    using compose::base::escape_controls;
    CHECK(escape_controls("Bob \xE2\x80\xAE" "exe.txt Smith") == "Bob <U+202E>exe.txt Smith");
    CHECK(escape_controls("red \x1B[31m text\x07") == "red <U+001B>[31m text<U+0007>");
    CHECK(escape_controls("C1 \xC2\x9B" "2J, isolate \xE2\x81\xA8x\xE2\x81\xA9") == "C1 <U+009B>2J, isolate <U+2068>x<U+2069>");
    CHECK(escape_controls("S\xC3\xA3o Paulo \xE2\x80\x94 \xD8\xB9\xD9\x84\xD9\x8A") == "S\xC3\xA3o Paulo \xE2\x80\x94 \xD8\xB9\xD9\x84\xD9\x8A");
    CHECK(escape_controls("bad \xFF byte") == "bad <0xFF> byte");
}
