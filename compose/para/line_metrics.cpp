// What every breaker does once a line's items are chosen: sum its widths and work out how its
// glue is set.
#include <algorithm>
#include <cmath>

#include "compose/para/para.h"

namespace compose::para {

double badness(double shortfall, double stretch, double shrink) {
    if (shortfall >= 0) {
        if (shortfall == 0) return 0;
        if (stretch <= 0) return kInfBad;
        double r = shortfall / stretch;
        return std::min(kInfBad, 100 * r * r * r);
    }
    if (shrink <= 0) return kInfBad;
    double r = -shortfall / shrink;
    return std::min(kInfBad, 100 * r * r * r);
}

double protrusion(const text::MeasuredParagraph& mp, std::uint32_t begin, std::uint32_t break_item,
                  const BreakParams& params, double* left, double* right) {
    using text::Item;
    double l = 0, r = 0;
    const auto& items = mp.items;
    std::size_t n = items.size();
    bool forced = break_item >= n || (items[break_item].kind == Item::Kind::Penalty && items[break_item].penalty <= text::kForcedBreak);
    if (params.protrusion && !params.ragged() && !forced) {
        if (begin < n && items[begin].kind == Item::Kind::Box) l = items[begin].protrude_left;
        if (items[break_item].kind == Item::Kind::Penalty && items[break_item].edit == text::BreakEdit::InsertHyphen) {
            r = items[break_item].protrude_right;
        } else {
            std::uint32_t k = break_item;
            while (k > begin && items[k - 1].kind != Item::Kind::Box) --k;
            if (k > begin) r = items[k - 1].protrude_right;
        }
    }
    if (left) *left = l;
    if (right) *right = r;
    return l + r;
}

namespace {

// Font expansion for a line whose stretch (room > 0) or shrink (room < 0) is shared between glue
// and glyphs in proportion: the glyphs take their share rounded to the expansion step, the glue
// the rest (pdfTeX does the same).
void expand(Line& line, const BreakParams& params, double boxes, double room) {
    double limit = room >= 0 ? params.expansion_stretch : params.expansion_shrink;
    double glue = room >= 0 ? line.stretch : line.shrink;
    double total = glue + boxes * limit;
    if (boxes <= 0 || total <= 0 || limit <= 0) return;
    double ratio = std::min(1.0, std::fabs(room) / total);
    double step = params.expansion_step > 0 ? params.expansion_step : limit;
    double amount = std::min(limit, std::round(ratio * limit / step) * step);
    if (room < 0) amount = -amount;
    line.hscale = 1 + amount;
    line.expansion = boxes * amount;
}

}  // namespace

void finish_line(const text::MeasuredParagraph& mp, Line& line, const BreakParams& params, bool last) {
    line.natural = line.stretch = line.shrink = 0;
    line.hscale = 1;
    line.expansion = 0;
    double boxes = 0;  // the width font expansion scales
    for (auto i = line.item_begin; i < line.item_end; ++i) {
        const auto& item = mp.items[i];
        if (item.kind == text::Item::Kind::Penalty) continue;
        line.natural += item.width;
        if (item.kind == text::Item::Kind::Box) boxes += item.width;
        if (item.kind == text::Item::Kind::Glue) {
            line.stretch += item.stretch;
            line.shrink += item.shrink;
        }
    }
    // a break at a penalty with a width (an inserted hyphen) adds that width to the line
    if (line.break_item < mp.items.size() && mp.items[line.break_item].kind == text::Item::Kind::Penalty) {
        line.natural += mp.items[line.break_item].width;
        boxes += mp.items[line.break_item].width;
    }
    line.last = last;
    protrusion(mp, line.item_begin, line.break_item, params, &line.protrude_left, &line.protrude_right);
    if (last) line.protrude_left = line.protrude_right = 0;
    double room = line.width + line.protrude_left + line.protrude_right - line.natural;
    line.ratio = 0;
    line.overfull = 0;
    if (params.expansion && !params.ragged() && room != 0 && !(last && room > 0)) {
        // badness as if the glyphs' share were glue; the glue is set to what the glyphs leave
        double extra = boxes * (room >= 0 ? params.expansion_stretch : params.expansion_shrink);
        expand(line, params, boxes, room);
        double left = room - line.expansion;
        if (room < 0) {
            line.overfull = std::max(0.0, -room - line.shrink - extra);
            line.ratio = line.shrink > 0 ? std::max(-1.0, left / line.shrink) : 0;
            line.badness = line.overfull > 0 ? kInfBad : badness(room, 0, line.shrink + extra);
        } else {
            line.ratio = left >= 0 ? (line.stretch > 0 ? left / line.stretch : 0)
                                   : (line.shrink > 0 ? std::max(-1.0, left / line.shrink) : 0);
            line.badness = badness(room, line.stretch + extra, 0);
        }
        return;
    }
    if (room < 0) {
        line.ratio = line.shrink > 0 ? std::max(-1.0, room / line.shrink) : 0;
        line.overfull = std::max(0.0, -room - line.shrink);
        line.badness = line.overfull > 0 ? kInfBad : badness(room, 0, line.shrink);
    } else if (last) {
        line.badness = 0;  // the last line ends with \parfillskip: it is never stretched
    } else if (params.ragged()) {
        line.badness = badness(room, params.ragged_stretch_em * params.em, 0);
    } else {
        if (line.stretch > 0) line.ratio = room / line.stretch;
        line.badness = badness(room, line.stretch, 0);
    }
}

}  // namespace compose::para
