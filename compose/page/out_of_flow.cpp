// Floating figures: their queue, and where each one lands (see out_of_flow.h).
#include "compose/page/out_of_flow.h"

#include <algorithm>

namespace compose::page {
namespace {

constexpr double kFloatPageShare = 0.5;  // figures that fill this much of a page may have it alone (\floatpagefraction)

}  // namespace

double OutOfFlow::height(const Figure& f) const {
    double h = 0;
    for (ItemRef g : f.groups) h = std::max(h, group(g).height);
    return h;
}

// Without the space after the figure (between it and the text).
double OutOfFlow::items_height(const Figure& f) const {
    double h = 0;
    for (ItemRef g : f.groups) {
        double gh = 0;
        for (const auto& i : group(g).items) gh += i.height;
        h = std::max(h, gh);
    }
    return h;
}

bool OutOfFlow::top_area_takes(const TextArea& area, double h) const {
    return (area.top - frame_.top) + h <= (frame_.bottom - frame_.top) * frame_.top_figures &&
           area.top + h <= area.bottom;
}

bool OutOfFlow::foot_area_takes(const TextArea& area, double h) const {
    return area.bottom - h - area.top >= (frame_.bottom - frame_.top) * frame_.min_text;
}

void OutOfFlow::place_at(const Figure& f, double y, std::vector<Placement>& placements) const {
    // a parallel edition: the image once, from the first lane; each caption in its lane's column
    double pitch = frame_.column_width(false) + frame_.gutter;
    for (ItemRef g : f.groups) {
        const auto& items = group(g).items;
        double at = y;
        for (std::size_t k = 0; k < items.size(); ++k) {
            bool shown = g.lane == 0 || items[k].kind != FlowItem::Kind::Image;
            double x = frame_.left + (items[k].kind == FlowItem::Kind::Image ? 0 : static_cast<double>(g.lane) * pitch);
            if (shown) placements.push_back({k, g.item, g.lane, x + items[k].x, at});
            at += items[k].height;
        }
    }
}

void OutOfFlow::place_top(const Figure& f, TextArea& area, std::vector<Placement>& placements) const {
    place_at(f, area.top, placements);
    area.top += height(f);
}

bool OutOfFlow::place_at_foot(const Figure& f, double text_bottom, TextArea& area,
                              std::vector<Placement>& placements) const {
    double h = height(f);
    if (text_bottom + h > area.bottom) return false;
    area.bottom -= h;
    // the space after the figure goes above it at the foot: between the text and the figure
    place_at(f, area.bottom + (h - items_height(f)), placements);
    return true;
}

TextArea OutOfFlow::start_page(std::vector<Placement>& placements, bool figures_only) {
    TextArea area{frame_.top, frame_.bottom};
    double page = frame_.bottom - frame_.top;
    double used = 0;
    figures_only_page_ = figures_only;
    if (!figures_only && top_.size() >= 2) {
        double total = 0;
        std::size_t n = 0;
        while (n < top_.size() && total + height(top_[n]) <= page) total += height(top_[n++]);
        if (n >= 2 && total >= page * kFloatPageShare) {
            for (std::size_t k = 0; k < n; ++k) {
                place_top(top_.front(), area, placements);
                top_.pop_front();
            }
            figures_only_page_ = true;
            return {frame_.bottom, frame_.bottom};
        }
    }
    while (!top_.empty()) {
        double h = height(top_.front());
        if (used > 0 && used + h > page * (figures_only ? 1.0 : frame_.top_figures)) break;
        place_top(top_.front(), area, placements);
        used += h;
        top_.pop_front();
    }
    // a top figure the top area cannot take goes to the foot, as TeX's [tb], if the text keeps its share
    while (!top_.empty() && !figures_only) {
        double h = height(top_.front());
        if (area.bottom - h < area.top + page * frame_.min_text) break;
        place_at_foot(top_.front(), area.top, area, placements);
        used += h;
        top_.pop_front();
    }
    while (!bottom_.empty()) {
        double h = height(bottom_.front());
        if (used > 0 && area.bottom - h < area.top + page * (figures_only ? 0.0 : frame_.min_text)) break;
        place_at_foot(bottom_.front(), area.top, area, placements);
        used += h;
        bottom_.pop_front();
    }
    return area;
}

void OutOfFlow::settle_at_foot(double text_bottom, TextArea& area, std::vector<Placement>& placements) {
    double total = 0;
    std::size_t n = 0;
    while (n < top_.size() && text_bottom + total + height(top_[n]) <= area.bottom) total += height(top_[n++]);
    if (n == 0) return;
    double y = area.bottom - total;
    area.bottom = y;
    for (std::size_t k = 0; k < n; ++k) {
        const Figure& f = top_.front();
        double h = height(f);
        place_at(f, y + (h - items_height(f)), placements);  // its space above it, from the text
        y += h;
        top_.pop_front();
    }
}

}  // namespace compose::page
