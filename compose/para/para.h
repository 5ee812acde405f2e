#pragma once
// Stage "para": a measured paragraph + line widths -> lines. Never calls HarfBuzz: it works on the
// boxes, glue and penalties the text stage measured, so it can be run for many widths cheaply.
#include <cstdint>
#include <vector>

#include "compose/style/style.h"
#include "compose/text/text.h"

namespace compose::para {

struct Line {
    std::uint32_t item_begin = 0, item_end = 0;  // items shown on the line; the break item is excluded
    double natural = 0;   // width at natural spacing
    double stretch = 0, shrink = 0;
    double ratio = 0;     // glue adjustment: > 0 stretches by ratio*stretch, < 0 shrinks by ratio*shrink
    double width = 0;     // the measure the line was set to
    double overfull = 0;  // how far it sticks out when nothing could make it fit
    bool last = false;    // the paragraph's last line, or a line ended by a forced break
    bool hyphenated = false;

    double set_width() const { return natural + (ratio >= 0 ? ratio * stretch : ratio * shrink); }
};

struct BreakParams {
    double width = 0;         // the measure
    double first_indent = 0;  // extra space at the start of the first line
    style::Align align = style::Align::Justify;
};

// First-fit breaking: each line takes as many words as fit, shrinking spaces if needed.
std::vector<Line> break_greedy(const text::MeasuredParagraph& mp, const BreakParams& params);

// Sets ratio/last for a line once its items are chosen (shared by every breaker).
void finish_line(const text::MeasuredParagraph& mp, Line& line, const BreakParams& params, bool last);

}  // namespace compose::para
