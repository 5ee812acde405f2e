// Floating figures: their queue, and where each one lands (see out_of_flow.h).
#include "compose/page/out_of_flow.h"

namespace compose::page {
namespace {

constexpr double kMaxTopFloatShare = 0.7;  // floats at a page's top leave room for some text
constexpr double kMinTextShare = 0.2;      // bottom floats leave at least this much for text

double items_height(const FloatGroup& g) {
    double h = 0;
    for (const auto& i : g.items) h += i.height;
    return h;
}

}  // namespace

void OutOfFlow::place(ItemRef g, double y, std::vector<Placement>& placements) const {
    const auto& items = group(g).items;
    for (std::size_t k = 0; k < items.size(); ++k) {
        placements.push_back({k, g.item, g.lane, frame_.left + items[k].x, y});
        y += items[k].height;
    }
}

// The group's space after it goes above it at the foot: between the text and the figure.
void OutOfFlow::place_at_foot(ItemRef g, TextArea& area, std::vector<Placement>& placements) const {
    const auto& fg = group(g);
    area.bottom -= fg.height;
    place(g, area.bottom + (fg.height - items_height(fg)), placements);
}

TextArea OutOfFlow::start_page(std::vector<Placement>& placements) {
    TextArea area{frame_.top, frame_.bottom};
    double height = frame_.bottom - frame_.top;
    double used = 0;
    while (!top_.empty()) {
        const auto& g = group(top_.front());
        if (used > 0 && used + g.height > height * kMaxTopFloatShare) break;
        place(top_.front(), area.top, placements);
        area.top += g.height;
        used += g.height;
        top_.pop_front();
    }
    while (!bottom_.empty()) {
        const auto& g = group(bottom_.front());
        if (area.bottom - g.height < area.top + height * kMinTextShare && used > 0) break;
        place_at_foot(bottom_.front(), area, placements);
        used += g.height;
        bottom_.pop_front();
    }
    return area;
}

void OutOfFlow::anchor(ItemRef g, const FlowState& state, TextArea& area, std::vector<Placement>& placements) {
    const auto& fg = group(g);
    if (fg.bottom) {
        if (state.first_column && state.bottom + fg.height <= area.bottom) {
            place_at_foot(g, area, placements);
        } else {
            bottom_.push_back(g);
        }
        return;
    }
    if (!state.page_has_text && top_.empty() && area.top + fg.height <= area.bottom) {
        place(g, area.top, placements);
        area.top += fg.height;
    } else {
        top_.push_back(g);
    }
}

}  // namespace compose::page
