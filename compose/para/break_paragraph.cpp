// The stage's entry point: picks the breaking strategy (minikin's LineBreaker.cpp in spirit).
#include "compose/para/para.h"

namespace compose::para {

std::vector<Line> break_paragraph(const text::MeasuredParagraph& mp, const BreakParams& params) {
    if (params.strategy == Strategy::FirstFit) return break_greedy(mp, params);
    auto lines = break_knuth_plass(mp, params);
    if (lines.empty() && !mp.items.empty()) return break_greedy(mp, params);
    return lines;
}

}  // namespace compose::para
