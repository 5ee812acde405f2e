#include "compose/resolve/bidi_isolate.h"

#include <vector>

#include <unicode/uchar.h>

#include "compose/base/utf8.h"

namespace compose::resolve {

namespace {

bool is_explicit_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

bool needs_isolate(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = base::next_code_point(text, i);
        if (c < 0x0590) continue;  // Latin, Greek, Cyrillic... left to right or neutral
        if (is_explicit_control(c) || c == 0x200F || c == 0x061C) return true;
        auto dir = u_charDirection(static_cast<UChar32>(c));
        if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC || dir == U_ARABIC_NUMBER) return true;
    }
    return false;
}

bool has_explicit_controls(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = base::next_code_point(text, i);
        if (is_explicit_control(c) || c == 0x200E || c == 0x200F || c == 0x061C) return true;
    }
    return false;
}

std::optional<char32_t> unclosed_control(std::string_view text) {
    std::vector<char32_t> open;  // embeddings and overrides, and isolates, as UAX #9 nests them
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = base::next_code_point(text, i);
        if (c >= 0x202A && c <= 0x202E && c != 0x202C) {
            open.push_back(c);
        } else if (c == 0x202C) {  // PDF closes the last embedding or override, not an isolate
            if (!open.empty() && !(open.back() >= 0x2066 && open.back() <= 0x2068)) open.pop_back();
        } else if (c >= 0x2066 && c <= 0x2068) {
            open.push_back(c);
        } else if (c == 0x2069) {  // PDI closes its isolate and whatever was opened inside it
            while (!open.empty() && !(open.back() >= 0x2066 && open.back() <= 0x2068)) open.pop_back();
            if (!open.empty()) open.pop_back();
        }
    }
    if (open.empty()) return std::nullopt;
    return open.front();
}

std::string isolated(const std::string& text) {
    if (!needs_isolate(text)) return text;
    return "\u2068" + text + "\u2069";
}

}  // namespace compose::resolve
