// Flow items -> columns and pages, for a single edition (one lane) and a parallel one (a lane
// per language). See distribute.h for the rules.
#include "compose/page/distribute.h"

#include <algorithm>
#include <memory>

#include "compose/page/column_set.h"
#include "compose/page/out_of_flow.h"

namespace compose::page {
namespace {

constexpr int kBalanceSteps = 24;             // bisection steps when balancing columns (< 0.01 pt)
constexpr std::size_t kKeepLookahead = 4;     // blocks a kept run is followed into (parallel)

std::vector<const Flow*> flows_of(const std::vector<Lane>& lanes) {
    std::vector<const Flow*> flows;
    for (const auto& lane : lanes) flows.push_back(lane.flow);
    return flows;
}

class Distributor {
public:
    Distributor(const std::vector<Lane>& lanes, const Frame& frame, std::function<void(PagePlan&&)> on_page)
        : lanes_(lanes), flows_(flows_of(lanes)), frame_(frame), on_page_(std::move(on_page)),
          out_of_flow_(flows_, frame) {}

    void run() {
        start_page(false);
        if (lanes_.size() == 1) {
            for (std::size_t i = 0; available(0, i); ++i) step({0, i});
        } else {
            for (std::size_t b = 0; block_exists(b); ++b) {
                if (full_width(b)) {
                    for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
                        for (std::size_t i = block_first(lane, b); in_block(lane, b, i); ++i) step({lane, i});
                    }
                } else {
                    pair(b);
                }
            }
        }
        close_segment(true);
        flush_floats();
        pages_.back().ends = true;
        // a last page left empty (a break or a float flush at the very end) is dropped
        if (!pages_.empty() && (!pages_.back().placements.empty() || !handed_on_)) hand_on();
    }

private:
    const std::vector<Lane>& lanes_;
    std::vector<const Flow*> flows_;
    const Frame& frame_;
    std::function<void(PagePlan&&)> on_page_;
    OutOfFlow out_of_flow_;
    std::vector<PagePlan> pages_;  // the page being filled (the ones before are handed on)
    bool handed_on_ = false;
    bool annex_ = false;
    TextArea area_;           // the text area left by the page's floats
    double seg_top_ = 0;      // where the current column set begins
    std::unique_ptr<ColumnSet> set_;
    bool page_has_text_ = false;  // a segment or a spanning item is placed on this page
    bool page_has_span_ = false;  // a spanning item is placed on this page
    bool kept_tail_ = false;      // the last segment closed ends with an item kept with what follows
    double following_ = 0;  // the kept start of the blocks after a parallel figure's

    // ---- the lanes' flows, pulled as they are needed

    const Flow& flow(std::size_t lane) const { return *flows_[lane]; }
    const FlowItem& item(ItemRef r) const { return flow(r.lane).items[r.item]; }
    // A figure's image in a lane after the first: the first lane's shows it, once, across the page.
    bool shown_by_first_lane(std::size_t lane, const FlowItem& it) const {
        return lane > 0 && it.span && it.kind == FlowItem::Kind::Image;
    }
    bool pull(std::size_t lane) { return lanes_[lane].more && lanes_[lane].more(); }

    // Whether the lane's flow has item i (collecting more as needed).
    bool available(std::size_t lane, std::size_t i) {
        while (i >= flow(lane).items.size()) {
            if (!pull(lane)) return false;
        }
        return true;
    }

    // The first item of the lane's block b (block b - 1 is complete by then).
    std::size_t block_first(std::size_t lane, std::size_t b) const {
        const auto& blocks = flow(lane).block_items;
        if (b == 0) return 0;
        return b - 1 < blocks.size() ? blocks[b - 1].second : flow(lane).items.size();
    }

    // Whether item i is in the lane's block b (collecting more as needed).
    bool in_block(std::size_t lane, std::size_t b, std::size_t i) {
        const Flow& f = flow(lane);
        for (;;) {
            if (f.block_items.size() > b) return i < f.block_items[b].second;
            if (i < f.items.size()) return true;
            if (!pull(lane)) return false;
        }
    }

    bool block_exists(std::size_t b) {
        bool any = false;
        for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
            if (in_block(lane, b, block_first(lane, b)) || flow(lane).block_items.size() > b) any = true;
        }
        return any;
    }

    // A block set across the page in one column (an annex table), one lane after the other.
    bool full_width(std::size_t b) {
        for (std::size_t i = block_first(0, b); in_block(0, b, i); ++i) {
            const FlowItem& it = flow(0).items[i];
            if (it.kind == FlowItem::Kind::Line || it.kind == FlowItem::Kind::Row) {
                return it.annex && frame_.annex_columns == 1;
            }
        }
        return false;
    }

    // ---- pages

    int columns() const { return annex_ ? frame_.annex_columns : frame_.columns; }

    void new_set() { set_ = std::make_unique<ColumnSet>(flows_, columns(), area_.bottom - seg_top_); }

    void hand_on() {
        on_page_(std::move(pages_.back()));
        pages_.clear();
        handed_on_ = true;
    }

    void start_page(bool annex, bool figures_only = false) {
        annex_ = annex;
        if (!pages_.empty()) hand_on();  // that page is complete
        pages_.push_back(PagePlan{annex, {}});
        area_ = out_of_flow_.start_page(pages_.back().placements, figures_only);  // waiting figures first
        pages_.back().figures_only = out_of_flow_.figures_only_page();
        seg_top_ = area_.top;
        page_has_text_ = false;
        page_has_span_ = false;
        new_set();
        if (pages_.back().figures_only && !figures_only) start_page(annex);  // the text goes on the next page
    }

    void page_break(bool annex) {
        close_segment(true);
        // figures still waiting go below the text that ends here, before a page of figures is used
        if (page_has_text_) out_of_flow_.settle_at_foot(seg_top_, area_, pages_.back().placements);
        flush_floats();
        if (pages_.back().placements.empty()) {
            annex_ = annex;  // nothing here yet: this page becomes the new master's
            pages_.back().annex = annex;
            new_set();
        } else {
            pages_.back().ends = true;
            start_page(annex);
        }
    }

    void flush_floats() {
        while (out_of_flow_.waiting()) start_page(annex_, true);
    }

    void place(ItemRef r, double x, double y) { pages_.back().placements.push_back({r.item, kNone, r.lane, x, y}); }

    // ---- items

    void step(ItemRef r) {
        const FlowItem& it = item(r);
        switch (it.kind) {
        case FlowItem::Kind::PageBreak:
            if (r.lane == 0) page_break(it.annex);  // the other lanes' breaks are the same break
            break;
        case FlowItem::Kind::Float: anchor(Figure{{{r.lane, it.float_group}}}); break;
        default:
            if (!it.span) {
                add(r);
            } else if (!shown_by_first_lane(r.lane, it)) {
                add_span(r);
            }
        }
    }

    // A floating figure's place in the text is reached. A bottom figure goes to this page's foot
    // if the text so far leaves room; a top one to this page's top if the text already on the
    // page still fits below it (a parallel edition: here, between two blocks, if it fits);
    // otherwise the figure waits for the next page, behind any that wait already.
    void anchor(const Figure& fig) {
        auto& placements = pages_.back().placements;
        for (ItemRef g : fig.groups) pages_.back().anchors.push_back(g);
        if (out_of_flow_.bottom(fig)) {
            if (set_->column() != 0 || !out_of_flow_.place_at_foot(fig, seg_top_ + set_->used(), area_, placements)) {
                out_of_flow_.wait(fig);
            }
            set_->set_capacity(area_.bottom - seg_top_);
            return;
        }
        if (!out_of_flow_.top_waiting() && (top_of_this_page(fig) || foot_of_this_page(fig) || here(fig))) return;
        out_of_flow_.wait(fig);
    }

    bool top_of_this_page(const Figure& fig) {
        double h = out_of_flow_.height(fig);
        if (!page_has_text_ && set_->empty()) {  // nothing on the page yet
            if (area_.top + h > area_.bottom) return false;
        } else if (lanes_.size() > 1 || page_has_span_ || seg_top_ > area_.top + kEpsilon ||
                   !out_of_flow_.top_area_takes(area_, h)) {
            return false;  // only a page of one column set is set again below a figure
        }
        // the text already on the page, set again below the figure: all of it must still fit,
        // so that the figure never comes before the page that names it
        auto trial = std::make_unique<ColumnSet>(flows_, columns(), area_.bottom - (area_.top + h));
        std::vector<ItemRef> carry;
        for (ItemRef r : set_->items()) {
            if (!trial->add(r, carry)) return false;
        }
        out_of_flow_.place_top(fig, area_, pages_.back().placements);
        seg_top_ = area_.top;
        set_ = std::move(trial);
        return true;
    }

    // At the foot of this page, the text already on it set again above the figure.
    bool foot_of_this_page(const Figure& fig) {
        double h = out_of_flow_.height(fig);
        if (lanes_.size() > 1 || !out_of_flow_.foot_area_takes(area_, h)) return false;
        auto trial = std::make_unique<ColumnSet>(flows_, columns(), area_.bottom - h - seg_top_);
        std::vector<ItemRef> carry;
        for (ItemRef r : set_->items()) {
            if (!trial->add(r, carry)) return false;
        }
        if (!out_of_flow_.place_at_foot(fig, seg_top_ + trial->height(), area_, pages_.back().placements)) return false;
        set_ = std::move(trial);
        set_->set_capacity(area_.bottom - seg_top_);
        return true;
    }

    // A parallel edition's figure between two blocks, across the page, if it fits below them
    // (after a heading: with the start of the text the heading is kept with).
    bool here(const Figure& fig) {
        if (lanes_.size() == 1) return false;
        close_segment(true);
        double gap = page_has_text_ ? out_of_flow_.gap(fig) : 0;
        double h = out_of_flow_.height(fig);
        if (seg_top_ + gap + h + (kept_tail_ ? following_ : 0) > area_.bottom + kEpsilon) return false;
        out_of_flow_.place_at(fig, seg_top_ + gap, pages_.back().placements);
        seg_top_ += gap + h;
        page_has_text_ = true;
        page_has_span_ = true;
        new_set();
        return true;
    }

    void add(ItemRef r) {
        if (page_has_text_ && set_->empty()) {
            // the space between what is above (the title, a parallel block) and the columns is kept
            seg_top_ += item(r).space_before;
            set_->set_capacity(area_.bottom - seg_top_);
        }
        std::vector<ItemRef> carry;
        if (set_->add(r, carry)) return;
        // no column left on this page
        close_segment(false);
        start_page(annex_);
        for (ItemRef c : carry) {
            std::vector<ItemRef> again;
            if (!set_->add(c, again)) {
                // a kept run longer than a page: place what is left on further pages
                close_segment(false);
                start_page(annex_);
                for (ItemRef a : again) add(a);
            }
        }
    }

    void add_span(ItemRef r) {
        close_segment(true);
        const FlowItem& it = item(r);
        double space = seg_top_ > frame_.top ? it.space_before : 0;
        if (seg_top_ + space + it.height > area_.bottom + kEpsilon && (page_has_text_ || seg_top_ > frame_.top)) {
            start_page(annex_);
            space = 0;
        }
        place(r, frame_.left + it.x, seg_top_ + space);
        seg_top_ += space + it.height;
        page_has_text_ = true;
        page_has_span_ = true;
        new_set();
    }

    // ---- a parallel edition's block: each lane in its own column, from one height

    void pair(std::size_t b) {
        std::vector<ItemRef> spans;
        std::vector<std::vector<ItemRef>> items(lanes_.size());
        Figure figure;  // a floating figure: each lane's float group
        for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
            for (std::size_t i = block_first(lane, b); in_block(lane, b, i); ++i) {
                const FlowItem& it = flow(lane).items[i];
                if (it.kind == FlowItem::Kind::Float) {
                    figure.groups.push_back({lane, it.float_group});
                } else if (it.kind == FlowItem::Kind::PageBreak) {
                    step({lane, i});
                } else if (it.span) {
                    if (!shown_by_first_lane(lane, it)) spans.push_back({lane, i});
                } else {
                    items[lane].push_back({lane, i});
                }
            }
        }
        if (!figure.groups.empty()) {
            // what must follow the figure on its page if it comes right after a heading
            double space = 0;
            following_ = 0;
            for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
                KeptRun next = kept_start(lane, b, {});
                following_ = std::max(following_, next.height);
                space = std::max(space, next.first_space);
            }
            following_ += space;
            anchor(figure);
        }
        for (ItemRef r : spans) add_span(r);
        bool any = false;
        double space = 0, keep = 0;
        for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
            if (items[lane].empty()) continue;
            any = true;
            // the space above the block's first visible item (not a zero-height marker's)
            for (ItemRef r : items[lane]) {
                if (item(r).kind == FlowItem::Kind::Marker) continue;
                space = std::max(space, item(r).space_before);
                break;
            }
            keep = std::max(keep, kept_start(lane, b, items[lane]).height);
        }
        if (!any) return;
        close_segment(true);
        if (page_has_text_) seg_top_ += space;
        // the block's kept start (a heading and the lines it is kept with) on one page
        if (seg_top_ + keep > area_.bottom + kEpsilon && page_has_text_) start_page(annex_);
        auto lanes_set = [&] {
            set_ = std::make_unique<ColumnSet>(flows_, static_cast<int>(lanes_.size()), area_.bottom - seg_top_,
                                               ColumnSet::Fill::Lanes);
        };
        lanes_set();
        for (;;) {
            // each lane fills this page; what does not fit waits for the next
            std::vector<std::vector<ItemRef>> waiting(lanes_.size());
            bool more = false;
            for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
                for (std::size_t k = 0; k < items[lane].size(); ++k) {
                    std::vector<ItemRef> carry;
                    if (set_->add(items[lane][k], carry)) continue;
                    waiting[lane] = std::move(carry);
                    waiting[lane].insert(waiting[lane].end(), items[lane].begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                         items[lane].end());
                    more = true;
                    break;
                }
            }
            if (!more) break;
            close_segment(false);
            start_page(annex_);
            lanes_set();
            items = std::move(waiting);
        }
        keep_end_with_next(b);
        close_segment(false);
    }

    // A block that ends kept with what follows (a lead's last line, a heading) and whose next
    // block's kept start does not fit below it: its kept end goes on to the next page, in every
    // lane that ends so (the whole block, in all lanes, when one lane is kept from its top).
    void keep_end_with_next(std::size_t b) {
        std::vector<std::size_t> from(lanes_.size());
        bool kept = false, whole = false;
        for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
            const auto& column = set_->columns()[lane];
            from[lane] = set_->kept_tail_start(lane);
            if (from[lane] < column.size()) kept = true;
            if (from[lane] == 0 && !column.empty()) whole = true;
        }
        if (!kept || !page_has_text_) return;  // (a block kept whole from the page's top stays)
        double next = 0, space = 0;
        for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
            KeptRun run = kept_start(lane, b, {});
            next = std::max(next, run.height);
            space = std::max(space, run.first_space);
        }
        if (next <= 0 || seg_top_ + set_->height() + space + next <= area_.bottom + kEpsilon) return;
        std::vector<std::vector<ItemRef>> tails(lanes_.size());
        for (std::size_t lane = 0; lane < lanes_.size(); ++lane) tails[lane] = set_->cut(lane, whole ? 0 : from[lane]);
        close_segment(false);
        start_page(annex_);
        set_ = std::make_unique<ColumnSet>(flows_, static_cast<int>(lanes_.size()), area_.bottom - seg_top_,
                                           ColumnSet::Fill::Lanes);
        for (std::size_t lane = 0; lane < lanes_.size(); ++lane) {
            for (ItemRef r : tails[lane]) {
                std::vector<ItemRef> carry;
                set_->add(r, carry);  // (the first item of a page always goes in)
            }
        }
    }

    // The height of the run of kept items a lane's block starts with; a block kept whole (a
    // heading) is followed into the next blocks, so that it stays with their first lines.
    struct KeptRun {
        double height = 0;       // from the first item's top
        double first_space = 0;  // above the first item
    };

    // The run of kept items block b's `items` start with, or (with none given) the blocks after b
    // start with.
    KeptRun kept_start(std::size_t lane, std::size_t b, const std::vector<ItemRef>& items) {
        KeptRun run;
        bool first = true;
        auto take = [&](const FlowItem& it) {
            if (first) run.first_space = it.space_before;
            run.height += (first ? 0 : it.space_before) + it.height;
            first = false;
            return it.keep_with_next;
        };
        for (ItemRef r : items) {
            if (!take(item(r))) return run;
        }
        for (std::size_t next = b + 1; next <= b + kKeepLookahead; ++next) {
            for (std::size_t i = block_first(lane, next); in_block(lane, next, i); ++i) {
                const FlowItem& it = flow(lane).items[i];
                if (it.kind == FlowItem::Kind::PageBreak) return run;
                // a figure's image goes across the page, once, from the first lane
                if (it.kind == FlowItem::Kind::Float || it.kind == FlowItem::Kind::Marker ||
                    shown_by_first_lane(lane, it)) {
                    continue;
                }
                if (!take(it)) return run;
            }
        }
        return run;
    }

    // ---- segments

    // Finds the lowest column height that still holds the segment's items.
    void balance() {
        if (columns() < 2 || set_->lanes()) return;
        auto items = set_->items();
        if (items.empty()) return;
        auto fits = [&](double h, std::unique_ptr<ColumnSet>& out) {
            out = std::make_unique<ColumnSet>(flows_, columns(), h);
            std::vector<ItemRef> carry;
            for (ItemRef r : items) {
                if (!out->add(r, carry)) return false;
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
        // lanes take the body's columns, whatever the master
        double column_width = frame_.column_width(annex_ && !set_->lanes());
        double bottom = seg_top_;
        const auto& cols = set_->columns();
        for (std::size_t c = 0; c < cols.size(); ++c) {
            double x = frame_.left + static_cast<double>(c) * (column_width + frame_.gutter);
            double y = seg_top_;
            for (const Entry& e : cols[c]) {
                const FlowItem& it = item(e.ref);
                if (y > seg_top_) y += it.space_before;
                place(e.ref, x + it.x, y);
                y += it.height;
            }
            bottom = std::max(bottom, y);
        }
        seg_top_ = bottom;
        page_has_text_ = true;
        kept_tail_ = false;
        for (const auto& col : cols) {
            if (!col.empty() && item(col.back().ref).keep_with_next) kept_tail_ = true;
        }
        new_set();
    }
};

}  // namespace

void distribute(const std::vector<Lane>& lanes, const Frame& frame, const std::function<void(PagePlan&&)>& on_page) {
    Distributor(lanes, frame, on_page).run();
}

std::vector<PagePlan> distribute(const std::vector<Lane>& lanes, const Frame& frame) {
    std::vector<PagePlan> pages;
    distribute(lanes, frame, [&pages](PagePlan&& page) { pages.push_back(std::move(page)); });
    return pages;
}

}  // namespace compose::page
