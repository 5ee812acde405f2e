#pragma once
// The small pieces of writing XML by hand: numbers, escaped text, colours, base64.
#include <cstdint>
#include <string>
#include <string_view>

namespace compose::svg {

// `v` with at most `decimals` decimals, trailing zeros dropped ("12.5", "-3", "0").
void append_number(std::string& out, double v, int decimals);
std::string number(double v, int decimals = 3);

// Text for an attribute value or element content: & < > " escaped; characters XML 1.0 does not
// allow (C0 controls other than tab and newlines, U+FFFE, U+FFFF) left out.
void append_escaped(std::string& out, std::string_view text);

// "#1a2b3c"
std::string hex_color(std::uint32_t rgb);

std::string base64(std::string_view bytes);

}  // namespace compose::svg
