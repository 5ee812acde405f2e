#pragma once
// Sizes matched across scripts: a run set in one of the system's fonts (found by fontconfig for a
// character the bundled fonts lack) is scaled so that its x-height matches the style font's, as
// CSS's font-size-adjust does ("ex" matched). Lohit Tamil beside Noto Serif at the same size
// looks a size smaller: its letters are 0.48 em high, Noto Serif's x-height 0.536 em.
//
// A font's x-height is its OS/2 sxHeight, else the top of its "x". A font with neither (Lohit
// Tamil and Lohit Bengali have no Latin) is measured by a letter of its script that stands as
// Latin's x does: for Tamil, which has no headline, the top of க (KA), a letter of its
// body height; for Devanagari, Bengali and Gurmukhi, whose letters hang from a headline, the
// headline's height (the top of their KA) divided by 1.33, the ratio of headline to x-height in
// Lohit Devanagari, a font that has both. Other fonts without an x-height are not scaled.
//
// Bundled fonts, the layout's fallback families among them, are never scaled: they are designed
// to go together, and the bundled reports' pages stay exactly as they were.
#include "compose/base/diagnostics.h"
#include "compose/text/font_set.h"

namespace compose::text {

// The scale bounds: a font's metrics that would scale it by more are taken to be wrong.
constexpr double kMinFallbackScale = 0.8, kMaxFallbackScale = 1.25;

// A font's x-height in em, measured as above; 0 when it has none.
double x_height(FontSet& fonts, FaceId face, base::Diagnostics& diags);

// The factor a run of `fallback` beside `style` is scaled by: the ratio of their x-heights,
// within the bounds above; 1 for a bundled face, or when either x-height is unknown.
double fallback_scale(FontSet& fonts, FaceId style, FaceId fallback, base::Diagnostics& diags);

}  // namespace compose::text
