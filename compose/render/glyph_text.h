#pragma once
// The content-stream operators that show one glyph run: Tf, Tm, and TJ arrays of CIDs with the
// adjustments that put every glyph where the layout put it (kerning, justification, offsets).
#include <string>

#include "compose/display/display.h"
#include "compose/render/glyph_font.h"

namespace compose::render {

// Operators for `run` on a page of height `page_height`; must stand between BT and ET.
std::string glyph_run_operators(const display::GlyphRun& run, GlyphFont& font, const std::string& font_name,
                                double page_height);

// A number as PDF wants it: no exponent, at most three decimals, no trailing zeros.
std::string pdf_number(double v);

// A PDF text string of UTF-16BE with a byte order mark, in hex (ActualText, Alt).
std::string utf16_text_string(const std::string& utf8);

}  // namespace compose::render
