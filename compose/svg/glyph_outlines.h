#pragma once
// A font's glyph outlines as SVG path data, read through HarfBuzz's draw API
// (hb_font_get_glyph_shape: HarfBuzz 4 to 6; Debian 12 has 6.0, before hb_font_draw_glyph).
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "compose/base/diagnostics.h"
#include "compose/display/display.h"

namespace compose::svg {

class GlyphOutlines {
public:
    // nullptr (with a diagnostic at the font's file) when the font cannot be read.
    static std::unique_ptr<GlyphOutlines> open(const display::FontFace& face, base::Diagnostics& diags);
    ~GlyphOutlines();
    GlyphOutlines(const GlyphOutlines&) = delete;
    GlyphOutlines& operator=(const GlyphOutlines&) = delete;

    unsigned units_per_em() const { return units_per_em_; }
    // The glyph's outline in font units, y upwards ("M10 0L…Z"), made once; empty when the glyph
    // draws nothing (a space) or the font has no such glyph.
    const std::string& path(std::uint32_t glyph);

private:
    struct HbFont;
    GlyphOutlines(std::unique_ptr<HbFont> font, unsigned units_per_em);

    std::unique_ptr<HbFont> font_;
    unsigned units_per_em_ = 1000;
    std::unordered_map<std::uint32_t, std::string> paths_;
};

}  // namespace compose::svg
