#include "compose/para/para.h"

namespace compose::para {

using text::Item;

std::vector<Line> break_greedy(const text::MeasuredParagraph& mp, const BreakParams& params) {
    std::vector<Line> lines;
    const auto& items = mp.items;
    const std::uint32_t n = static_cast<std::uint32_t>(items.size());
    std::uint32_t start = 0;
    while (start < n) {
        // a line never starts with glue or a penalty (they vanish at a break, as in TeX)
        while (start < n && items[start].kind != Item::Kind::Box &&
               !(items[start].kind == Item::Kind::Penalty && items[start].penalty == text::kForcedBreak)) {
            ++start;
        }
        if (start >= n) break;
        double width = params.width - (lines.empty() ? params.first_indent : 0);
        double natural = 0, shrink = 0;
        std::uint32_t best_break = n;  // index of the last feasible break item
        bool forced = false;
        std::uint32_t i = start;
        for (; i < n; ++i) {
            const Item& item = items[i];
            if (item.kind == Item::Kind::Penalty) {
                if (item.penalty == text::kForcedBreak) {
                    best_break = i;
                    forced = true;
                    break;
                }
                if (item.edit == text::BreakEdit::InsertHyphen && !params.hyphenate) continue;
                if (item.penalty >= text::kNeverBreak) continue;
                if (natural + item.width - shrink <= width || best_break == n) best_break = i;
                continue;
            }
            if (item.kind == Item::Kind::Glue) {
                if (i > start && items[i - 1].kind == Item::Kind::Box && (natural - shrink <= width || best_break == n)) {
                    best_break = i;  // an overfull first break is taken when nothing better exists
                }
                natural += item.width;
                shrink += item.shrink;
                continue;
            }
            natural += item.width;
            if (natural - shrink > width && best_break != n) break;  // this box does not fit: break before it
        }
        Line line;
        line.item_begin = start;
        line.width = width;
        // everything up to the end fits (or overflows with no break left): the line takes the rest
        std::uint32_t end = (i >= n && !forced) ? n : best_break;
        line.item_end = end;
        line.hyphenated = end < n && items[end].flagged;
        line.break_item = end;
        bool last = end >= n || (end < n && items[end].kind == Item::Kind::Penalty && items[end].penalty == text::kForcedBreak);
        // trailing glue before the break is not part of the line
        while (line.item_end > line.item_begin && items[line.item_end - 1].kind == Item::Kind::Glue) --line.item_end;
        finish_line(mp, line, params, last);
        lines.push_back(line);
        start = end < n ? end + 1 : n;
    }
    return lines;
}

}  // namespace compose::para
