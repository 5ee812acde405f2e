#include "compose/base/units.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string>

namespace compose::base {

std::optional<Pt> parse_length(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '-')) ++i;
    if (i == 0) return std::nullopt;
    double value = 0;
    std::string number(text.substr(0, i));
    char* end = nullptr;
    value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size()) return std::nullopt;
    std::string_view unit = text.substr(i);
    if (unit == "pt") return Pt(value);
    if (unit == "mm") return Pt(value * 72.0 / 25.4);
    if (unit == "cm") return Pt(value * 72.0 / 2.54);
    if (unit == "in") return Pt(value * 72.0);
    if (unit.empty() && value == 0) return Pt(0);
    return std::nullopt;
}

std::optional<double> parse_percent(std::string_view text) {
    if (text.size() < 2 || text.back() != '%') return std::nullopt;
    double percent = 0;
    const char* end = text.data() + text.size() - 1;
    auto [ptr, ec] = std::from_chars(text.data(), end, percent);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return percent / 100;
}

}  // namespace compose::base
