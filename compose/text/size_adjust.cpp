#include "compose/text/size_adjust.h"

#include <algorithm>

#include <hb-ot.h>
#include <hb.h>

namespace compose::text {

namespace {

// The top of the glyph for `cp`, in em; 0 when the font has no glyph or it has no ink above the baseline.
double glyph_top(hb_font_t* font, char32_t cp, int units_per_em) {
    hb_codepoint_t glyph = 0;
    hb_glyph_extents_t extents{};
    if (!hb_font_get_nominal_glyph(font, cp, &glyph) || !hb_font_get_glyph_extents(font, glyph, &extents)) return 0;
    return extents.y_bearing > 0 ? static_cast<double>(extents.y_bearing) / units_per_em : 0;
}

// A letter standing as Latin's x does in its script, and the ratio of its top to the x-height; a
// font without a Latin x-height is measured by the first of these it has.
struct ScriptReference {
    char32_t letter;
    double to_x_height;
};
constexpr ScriptReference kReferences[] = {
    {U'\u0B95', 1.0},   // க: Tamil has no headline, its body is its x-height
    {U'\u0915', 1.33},  // क, ক, ਕ: the headline's height, 1.33 x-heights (Lohit Devanagari: 0.650 em
    {U'\u0995', 1.33},  // against its Latin x-height of 0.488 em)
    {U'\u0A15', 1.33},
};

}  // namespace

double x_height(FontSet& fonts, FaceId face, base::Diagnostics& diags) {
    hb_font_t* font = fonts.hb_font(face, diags);
    if (!font) return 0;
    const int upem = fonts.metrics(face, diags).units_per_em;
    hb_position_t sx_height = 0;
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_X_HEIGHT, &sx_height) && sx_height > 0) {
        return static_cast<double>(sx_height) / upem;  // the font is scaled to its units per em
    }
    if (double top = glyph_top(font, U'x', upem); top > 0) return top;
    for (const auto& r : kReferences) {
        if (double top = glyph_top(font, r.letter, upem); top > 0) return top / r.to_x_height;
    }
    return 0;
}

double fallback_scale(FontSet& fonts, FaceId style, FaceId fallback, base::Diagnostics& diags) {
    if (style == fallback || !fonts.info(fallback).system) return 1;
    double wanted = x_height(fonts, style, diags), has = x_height(fonts, fallback, diags);
    if (wanted <= 0 || has <= 0) return 1;
    return std::clamp(wanted / has, kMinFallbackScale, kMaxFallbackScale);
}

}  // namespace compose::text
