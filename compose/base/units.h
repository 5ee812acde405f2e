#pragma once
// Lengths: points (1/72 in) everywhere after the loaders; parsing of "12pt", "2cm", "0.5in", "210mm".
#include <optional>
#include <string_view>

namespace compose::base {

// A length in PostScript points. A struct, not a double, so that font units or ems
// cannot be passed where points are meant.
struct Pt {
    double v = 0;
    constexpr Pt() = default;
    constexpr explicit Pt(double value) : v(value) {}
    constexpr Pt operator+(Pt o) const { return Pt(v + o.v); }
    constexpr Pt operator-(Pt o) const { return Pt(v - o.v); }
    constexpr Pt operator*(double k) const { return Pt(v * k); }
    constexpr Pt operator/(double k) const { return Pt(v / k); }
    constexpr Pt& operator+=(Pt o) { v += o.v; return *this; }
    constexpr Pt& operator-=(Pt o) { v -= o.v; return *this; }
    constexpr auto operator<=>(const Pt&) const = default;
};

// "12pt", "2.5cm", "210mm", "1in", "0" -> points; nullopt if not a length.
std::optional<Pt> parse_length(std::string_view text);

// "45%", "12.5%" -> 0.45, 0.125 (locale-independent); nullopt if not a percentage.
std::optional<double> parse_percent(std::string_view text);

}  // namespace compose::base
