#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace compose::base {

// Byte offset of the first byte that does not start or continue a valid UTF-8 sequence
// (overlongs, surrogates and code points past U+10FFFF are invalid), or nullopt if all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Decodes the code point at s[i] and advances i; the input must be valid UTF-8.
char32_t next_code_point(std::string_view s, std::size_t& i);

void append_utf8(std::string& out, char32_t cp);

// Whether a byte continues a UTF-8 sequence (10xxxxxx) rather than starting a code point.
constexpr bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// `s` as a JSON string literal, quotes included: controls escaped, invalid UTF-8 bytes as U+FFFD
// (diagnostics, data diffs).
std::string json_string(std::string_view s);

// `s` as XML text or an attribute value: & < > " escaped (files compose writes: compose new's).
std::string xml_escaped(std::string_view s);

// The first `max` code points of `s`, and "…" after them when there were more.
std::string truncate_code_points(std::string_view s, std::size_t max);

// Whether a code point changes how text around it shows without being seen itself: C0 (but tab) and C1
// controls (an escape sequence recolours a terminal), DEL, and the bidi controls (U+202E turns
// "Bob exe.txt" around).
bool is_invisible_control(char32_t cp);

// The text with each invisible control written as <U+XXXX>, so that a diagnostic quoting a
// hostile name shows it as it is; invalid UTF-8 bytes are written as <0xXX>.
std::string escape_controls(std::string_view s);

}  // namespace compose::base
