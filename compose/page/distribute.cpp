// Flow items -> columns and pages. A page holds, top to bottom: floating figures, then
// segments that are either one item across the full width (the title block) or a set of
// columns. A column set that ends before a spanning item, a page break or the document's end
// is balanced (its columns made as even as the keeps allow); one that ends at the foot of a
// page is not.
#include <algorithm>
#include <deque>
#include <functional>
#include <memory>

#include "compose/page/column_set.h"
#include "compose/page/flow.h"

namespace compose::page {
namespace {

constexpr double kMaxTopFloatShare = 0.7;  // floats at a page's top leave room for some text
constexpr int kBalanceSteps = 24;          // bisection steps when balancing columns (< 0.01 pt)

class Distributor {
public:
    Distributor(const Flow& flow, Collector* collector, const Frame& frame,
                std::function<void(PagePlan&&)> on_page)
        : flow_(flow), collector_(collector), frame_(frame), on_page_(std::move(on_page)) {}

    void run() {
        start_page(false);
        for (std::size_t i = 0;; ++i) {
            // more items only when these are placed: a long table streams through
            while (i >= flow_.items.size() && collector_ && collector_->next()) {
            }
            if (i >= flow_.items.size()) break;
            const FlowItem& item = flow_.items[i];
            switch (item.kind) {
            case FlowItem::Kind::PageBreak:
                close_segment(true);
                flush_floats();
                if (pages_.back().placements.empty()) {
                    annex_ = item.annex;  // nothing here yet: this page becomes the new master's
                    pages_.back().annex = item.annex;
                    set_ = std::make_unique<ColumnSet>(flow_, columns(), area_bottom_ - seg_top_);
                } else {
                    start_page(item.annex);
                }
                break;
            case FlowItem::Kind::Float: add_float(item.float_group); break;
            default:
                if (item.span) add_span(i);
                else add(i);
            }
        }
        close_segment(true);
        flush_floats();
        // a last page left empty (a break or a float flush at the very end) is dropped
        if (!pages_.empty() && (!pages_.back().placements.empty() || !handed_on_)) hand_on();
    }

private:
    const Flow& flow_;
    Collector* collector_;
    const Frame& frame_;
    std::function<void(PagePlan&&)> on_page_;
    std::vector<PagePlan> pages_;  // the page being filled (the ones before are handed on)
    bool handed_on_ = false;

    void hand_on() {
        on_page_(std::move(pages_.back()));
        pages_.clear();
        handed_on_ = true;
    }
    bool annex_ = false;
    double seg_top_ = 0;      // where the current column set begins
    double area_bottom_ = 0;  // the text area's foot, above any bottom floats
    std::unique_ptr<ColumnSet> set_;
    std::deque<std::size_t> top_queue_, bottom_queue_;
    bool page_has_text_ = false;
    bool after_span_ = false;  // the last thing placed went across the columns

    int columns() const { return annex_ ? frame_.annex_columns : frame_.columns; }

    void start_page(bool annex) {
        annex_ = annex;
        if (!pages_.empty()) hand_on();  // that page is complete
        pages_.push_back(PagePlan{annex, {}});
        seg_top_ = frame_.top;
        area_bottom_ = frame_.bottom;
        page_has_text_ = false;
        after_span_ = false;
        // waiting floats first: tops stack from the top, bottoms from the foot
        double top_room = (frame_.bottom - frame_.top) * kMaxTopFloatShare;
        double used = 0;
        while (!top_queue_.empty()) {
            const auto& g = flow_.floats[top_queue_.front()];
            if (used > 0 && used + g.height > top_room) break;
            place_float_at(top_queue_.front(), seg_top_);
            seg_top_ += g.height;
            used += g.height;
            top_queue_.pop_front();
        }
        while (!bottom_queue_.empty()) {
            const auto& g = flow_.floats[bottom_queue_.front()];
            if (area_bottom_ - g.height < seg_top_ + (frame_.bottom - frame_.top) * 0.2 && used > 0) break;
            area_bottom_ -= g.height;
            place_float_at(bottom_queue_.front(), area_bottom_ + (g.height - group_items_height(g)));
            used += g.height;
            bottom_queue_.pop_front();
        }
        set_ = std::make_unique<ColumnSet>(flow_, columns(), area_bottom_ - seg_top_);
    }

    static double group_items_height(const FloatGroup& g) {
        double h = 0;
        for (const auto& i : g.items) h += i.height;
        return h;
    }

    void place_float_at(std::size_t group, double y) {
        const auto& g = flow_.floats[group];
        for (std::size_t k = 0; k < g.items.size(); ++k) {
            pages_.back().placements.push_back({k, group, 0, frame_.left + g.items[k].x, y});
            y += g.items[k].height;
        }
    }

    void add_float(std::size_t group) {
        const auto& g = flow_.floats[group];
        if (g.bottom) {
            // on this page if the text so far leaves room for it, else at the next page's foot
            if (set_->column() == 0 && seg_top_ + set_->used() + g.height <= area_bottom_) {
                area_bottom_ -= g.height;
                place_float_at(group, area_bottom_ + (g.height - group_items_height(g)));
                set_->set_capacity(area_bottom_ - seg_top_);
            } else {
                bottom_queue_.push_back(group);
            }
            return;
        }
        // at the top of this page if nothing is on it yet, else of the next page: never before
        // the point where the text first refers to it
        if (!page_has_text_ && set_->empty() && top_queue_.empty() && seg_top_ + g.height <= area_bottom_) {
            place_float_at(group, seg_top_);
            seg_top_ += g.height;
            set_->set_capacity(area_bottom_ - seg_top_);
        } else {
            top_queue_.push_back(group);
        }
    }

    void add(std::size_t i) {
        if (after_span_ && set_->empty()) {
            // the space between a spanning block (the title) and the columns below it is kept
            seg_top_ += flow_.items[i].space_before;
            set_->set_capacity(area_bottom_ - seg_top_);
        }
        after_span_ = false;
        std::vector<std::size_t> carry;
        if (set_->add(i, carry)) return;
        // no column left on this page
        close_segment(false);
        start_page(annex_);
        for (std::size_t c : carry) {
            std::vector<std::size_t> again;
            if (!set_->add(c, again)) {
                // a kept run longer than a page: place what is left on further pages
                close_segment(false);
                start_page(annex_);
                for (std::size_t a : again) add(a);
            }
        }
    }

    void add_span(std::size_t i) {
        close_segment(true);
        const FlowItem& item = flow_.items[i];
        double space = seg_top_ > frame_.top ? item.space_before : 0;
        if (seg_top_ + space + item.height > area_bottom_ + kEpsilon && (page_has_text_ || seg_top_ > frame_.top)) {
            start_page(annex_);
            space = 0;
        }
        pages_.back().placements.push_back({i, kNone, 0, frame_.left + item.x, seg_top_ + space});
        seg_top_ += space + item.height;
        page_has_text_ = true;
        after_span_ = true;
        set_ = std::make_unique<ColumnSet>(flow_, columns(), area_bottom_ - seg_top_);
    }

    // Finds the lowest column height that still holds the segment's items.
    void balance() {
        if (columns() < 2) return;
        auto items = set_->items();
        if (items.empty()) return;
        auto fits = [&](double h, std::unique_ptr<ColumnSet>& out) {
            out = std::make_unique<ColumnSet>(flow_, columns(), h);
            std::vector<std::size_t> carry;
            for (auto i : items) {
                if (!out->add(i, carry)) return false;
            }
            return true;
        };
        double lo = 0, hi = set_->capacity();
        std::unique_ptr<ColumnSet> best;
        if (!fits(hi, best)) return;
        for (int step = 0; step < kBalanceSteps; ++step) {
            double mid = (lo + hi) / 2;
            std::unique_ptr<ColumnSet> trial;
            if (fits(mid, trial)) {
                hi = mid;
                best = std::move(trial);
            } else {
                lo = mid;
            }
        }
        set_ = std::move(best);
    }

    void close_segment(bool balance_columns) {
        if (!set_ || set_->empty()) return;
        if (balance_columns) balance();
        double column_width = frame_.column_width(annex_);
        double bottom = seg_top_;
        const auto& cols = set_->columns();
        for (std::size_t c = 0; c < cols.size(); ++c) {
            double x = frame_.left + static_cast<double>(c) * (column_width + frame_.gutter);
            double y = seg_top_;
            for (std::size_t k = 0; k < cols[c].size(); ++k) {
                const FlowItem& item = flow_.items[cols[c][k].item];
                if (y > seg_top_) y += item.space_before;
                pages_.back().placements.push_back({cols[c][k].item, kNone, 0, x + item.x, y});
                y += item.height;
            }
            bottom = std::max(bottom, y);
        }
        seg_top_ = bottom;
        page_has_text_ = true;
        set_ = std::make_unique<ColumnSet>(flow_, columns(), area_bottom_ - seg_top_);
    }

    void flush_floats() {
        while (!top_queue_.empty() || !bottom_queue_.empty()) start_page(annex_);
    }
};

}  // namespace

void distribute(Flow& flow, Collector& collector, const Frame& frame, const std::function<void(PagePlan&&)>& on_page) {
    Distributor(flow, &collector, frame, on_page).run();
}

std::vector<PagePlan> distribute(const Flow& flow, const Frame& frame) {
    std::vector<PagePlan> pages;
    Distributor(flow, nullptr, frame, [&pages](PagePlan&& page) { pages.push_back(std::move(page)); }).run();
    return pages;
}

}  // namespace compose::page
