#include "compose/para/para.h"

#include <algorithm>

namespace compose::para {

void finish_line(const text::MeasuredParagraph& mp, Line& line, const BreakParams& params, bool last) {
    line.natural = line.stretch = line.shrink = 0;
    for (auto i = line.item_begin; i < line.item_end; ++i) {
        const auto& item = mp.items[i];
        if (item.kind == text::Item::Kind::Penalty) continue;
        line.natural += item.width;
        if (item.kind == text::Item::Kind::Glue) {
            line.stretch += item.stretch;
            line.shrink += item.shrink;
        }
    }
    line.last = last;
    double room = line.width - line.natural;
    line.ratio = 0;
    line.overfull = 0;
    if (room < 0) {
        line.ratio = line.shrink > 0 ? std::max(-1.0, room / line.shrink) : 0;
        line.overfull = std::max(0.0, -room - line.shrink);
    } else if (params.align == style::Align::Justify && !last && line.stretch > 0) {
        line.ratio = room / line.stretch;
    }
}

}  // namespace compose::para
