// A parallel edition: two flows of the same blocks, one per language, set side by side so that
// every block stands beside its translation. A pair of blocks starts at one height on both
// sides; the shorter side waits for the longer before the next pair begins. Images go across
// both columns once; full-width blocks (annex tables) come one language after the other.
#include <algorithm>
#include <memory>

#include "compose/page/column_set.h"
#include "compose/page/flow.h"

namespace compose::page {
namespace {

class ParallelDistributor {
public:
    ParallelDistributor(const Flow& left, const Flow& right, const Frame& frame) : frame_(frame) {
        flows_[0] = &left;
        flows_[1] = &right;
    }

    std::vector<PagePlan> run() {
        pages_.push_back(PagePlan{});
        y_ = frame_.top;
        std::size_t blocks = std::min(flows_[0]->block_items.size(), flows_[1]->block_items.size());
        for (std::size_t b = 0; b < blocks; ++b) {
            auto range = [&](int side) {
                auto [first, last] = flows_[side]->block_items[b];
                std::vector<std::size_t> out;
                for (auto i = first; i < last; ++i) {
                    const FlowItem& item = flows_[side]->items[i];
                    if (item.kind == FlowItem::Kind::PageBreak) {
                        if (side == 0) page_break(item.annex);
                        continue;
                    }
                    if (item.kind == FlowItem::Kind::Float) continue;
                    out.push_back(i);
                }
                return out;
            };
            auto left = range(0);
            auto right = range(1);
            if (full_width(left)) {
                sequential(0, left);
                sequential(1, right);
            } else {
                pair(left, right);
            }
        }
        return std::move(pages_);
    }

private:
    const Flow* flows_[2];
    const Frame& frame_;
    std::vector<PagePlan> pages_;
    double y_ = 0;
    bool annex_ = false;

    const FlowItem& item(int side, std::size_t i) const { return flows_[side]->items[i]; }

    bool full_width(const std::vector<std::size_t>& items) const {
        for (auto i : items) {
            const FlowItem& it = item(0, i);
            if (it.kind == FlowItem::Kind::Line || it.kind == FlowItem::Kind::Row) {
                return it.annex && frame_.annex_columns == 1;
            }
        }
        return false;
    }

    void new_page() {
        pages_.push_back(PagePlan{annex_, {}});
        y_ = frame_.top;
    }

    void page_break(bool annex) {
        annex_ = annex;
        if (!pages_.back().placements.empty()) new_page();
        pages_.back().annex = annex;
    }

    void place(int side, std::size_t i, double x, double y) {
        pages_.back().placements.push_back({i, kNone, static_cast<std::size_t>(side), x + item(side, i).x, y});
    }

    double column_x(int side) const { return frame_.left + side * (frame_.column_width(false) + frame_.gutter); }

    // Spanning items (the title block, a figure's image) across the page, one after the other;
    // an image is shown once, from the left flow.
    void spans(int side, const std::vector<std::size_t>& items) {
        for (auto i : items) {
            const FlowItem& it = item(side, i);
            if (!it.span) continue;
            if (it.kind == FlowItem::Kind::Image && side == 1) continue;
            double space = y_ > frame_.top ? it.space_before : 0;
            if (y_ + space + it.height > frame_.bottom + kEpsilon && y_ > frame_.top) {
                new_page();
                space = 0;
            }
            place(side, i, frame_.left, y_ + space);
            y_ += space + it.height;
        }
    }

    // The height of the run of kept items a block starts with (a heading and its first lines).
    double kept_start(int side, const std::vector<std::size_t>& items) const {
        double h = 0;
        for (auto i : items) {
            const FlowItem& it = item(side, i);
            if (it.span) continue;
            h += it.height;
            if (!it.keep_with_next) break;
        }
        return h;
    }

    void pair(const std::vector<std::size_t>& left, const std::vector<std::size_t>& right) {
        spans(0, left);
        spans(1, right);
        std::vector<std::size_t> side_items[2];
        for (int side = 0; side < 2; ++side) {
            for (auto i : side == 0 ? left : right) {
                if (!item(side, i).span) side_items[side].push_back(i);
            }
        }
        if (side_items[0].empty() && side_items[1].empty()) return;
        double first_space = 0;
        for (int side = 0; side < 2; ++side) {
            if (!side_items[side].empty()) first_space = std::max(first_space, item(side, side_items[side][0]).space_before);
        }
        if (y_ > frame_.top) y_ += first_space;
        double keep = std::max(kept_start(0, side_items[0]), kept_start(1, side_items[1]));
        if (y_ + keep > frame_.bottom + kEpsilon && y_ > frame_.top) new_page();
        std::size_t next[2] = {0, 0};
        double y[2] = {y_, y_};
        while (next[0] < side_items[0].size() || next[1] < side_items[1].size()) {
            for (int side = 0; side < 2; ++side) {
                auto& n = next[side];
                const auto& items = side_items[side];
                while (n < items.size()) {
                    const FlowItem& it = item(side, items[n]);
                    double h = (n > 0 && y[side] > frame_.top ? it.space_before : 0) + it.height;
                    if (y[side] + h > frame_.bottom + kEpsilon && y[side] > frame_.top) break;
                    place(side, items[n], column_x(side), y[side] + h - it.height);
                    y[side] += h;
                    ++n;
                }
            }
            if (next[0] < side_items[0].size() || next[1] < side_items[1].size()) {
                new_page();
                y[0] = y[1] = y_;
            }
        }
        y_ = std::max(y[0], y[1]);
    }

    // A full-width block in one column: table rows with their repeated header, keeps.
    void sequential(int side, const std::vector<std::size_t>& items) {
        if (items.empty()) return;
        const Flow& flow = *flows_[side];
        auto set = std::make_unique<ColumnSet>(flow, 1, frame_.bottom - y_);
        auto flush = [&] {
            double y = y_;
            for (const auto& e : set->columns()[0]) {
                const FlowItem& it = flow.items[e.item];
                if (y > y_) y += it.space_before;
                else if (y_ > frame_.top) y += it.space_before;
                place(side, e.item, frame_.left, y);
                y += it.height;
            }
            y_ = y;
        };
        std::vector<std::size_t> pending(items.begin(), items.end());
        while (!pending.empty()) {
            std::vector<std::size_t> carry;
            std::size_t k = 0;
            for (; k < pending.size(); ++k) {
                if (!set->add(pending[k], carry)) break;
            }
            flush();
            if (k == pending.size()) break;
            carry.insert(carry.end(), pending.begin() + static_cast<std::ptrdiff_t>(k) + 1, pending.end());
            pending = std::move(carry);
            new_page();
            set = std::make_unique<ColumnSet>(flow, 1, frame_.bottom - y_);
        }
    }
};

}  // namespace

std::vector<PagePlan> distribute_parallel(const Flow& left, const Flow& right, const Frame& frame) {
    auto pages = ParallelDistributor(left, right, frame).run();
    while (pages.size() > 1 && pages.back().placements.empty()) pages.pop_back();
    return pages;
}

}  // namespace compose::page
