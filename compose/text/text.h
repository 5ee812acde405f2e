#pragma once
// Stage "text": styled runs -> a measured paragraph: faces chosen (with fallback), text shaped
// by HarfBuzz, break opportunities found by the Unicode line breaking algorithm (ICU), all as
// boxes, glue and penalties. Measured once; the paragraph breaker never calls HarfBuzz.
#include <cstdint>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/style/style.h"
#include "compose/text/font_set.h"
#include "compose/text/shaper.h"

namespace compose::text {

struct RunInfo {
    FaceId face = 0;
    double size = 10;
    std::string lang;
    std::uint32_t color = 0;
    std::string link;
    double ascent = 0, descent = 0;  // points; descent is negative
    base::SourcePos pos;
};

struct Glyph {
    std::uint32_t id = 0;
    double advance = 0, x_offset = 0, y_offset = 0;  // points
    std::uint32_t cluster = 0;  // byte offset into MeasuredParagraph::text
};

constexpr int kForcedBreak = -10000;  // TeX's "eject": the line must end here

struct Item {
    enum class Kind { Box, Glue, Penalty };
    Kind kind = Kind::Box;
    std::uint32_t run = 0;  // index into MeasuredParagraph::runs
    double width = 0, stretch = 0, shrink = 0;
    int penalty = 0;
    bool flagged = false;   // a hyphen break (for consecutive-hyphen demerits)
    std::uint32_t text_begin = 0, text_end = 0;    // bytes into MeasuredParagraph::text
    std::uint32_t glyph_begin = 0, glyph_end = 0;  // into MeasuredParagraph::glyphs (glue: its space glyph)
};

struct MeasuredParagraph {
    std::string text;
    std::vector<RunInfo> runs;
    std::vector<Glyph> glyphs;
    std::vector<Item> items;
};

// A break opportunity after byte `offset` of the text; `hard` for mandatory breaks (UAX #14 BK etc.).
struct BreakOpportunity {
    std::uint32_t offset = 0;
    bool hard = false;
};

// UAX #14 break opportunities through ICU, as byte offsets (the end of the text is not included).
std::vector<BreakOpportunity> line_break_opportunities(const std::string& utf8, const std::string& lang);

class Measurer {
public:
    Measurer(FontSet& fonts, std::vector<std::string> fallback_families)
        : fonts_(fonts), shaper_(fonts), fallback_(std::move(fallback_families)) {}

    MeasuredParagraph measure(const style::Paragraph& para, base::Diagnostics& diags);
    FontSet& fonts() { return fonts_; }
    Shaper& shaper() { return shaper_; }

private:
    FaceId face_for(const style::Run& run, base::Diagnostics& diags);
    FontSet& fonts_;
    Shaper shaper_;
    std::vector<std::string> fallback_;
};

}  // namespace compose::text
