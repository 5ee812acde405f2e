// The distributor through its own interface: hand-made flows (items with heights and keeps, no
// text), one lane (a single edition) or two (a parallel one), and where every item lands.
#include <catch2/catch.hpp>

#include <algorithm>

#include "compose/page/distribute.h"

namespace {

using namespace compose::page;

// A text area 400 pt high: 20 lines of 20 pt.
Frame frame(int columns = 1) {
    Frame f;
    f.left = 50;
    f.top = 50;
    f.width = 420;
    f.bottom = 450;
    f.columns = columns;
    f.annex_columns = 1;
    f.gutter = 20;
    return f;
}

// A flow made item by item; blocks end where end_block() is called.
struct FlowBuilder {
    Flow flow;
    std::size_t block_start = 0;

    FlowItem& add(FlowItem::Kind kind, double height, bool keep = false, double space = 0) {
        FlowItem item;
        item.kind = kind;
        item.height = height;
        item.keep_with_next = keep;
        item.space_before = space;
        flow.items.push_back(item);
        return flow.items.back();
    }
    FlowBuilder& lines(int n, double height = 20, bool keep = false, double space = 0) {
        for (int i = 0; i < n; ++i) add(FlowItem::Kind::Line, height, keep, i == 0 ? space : 0);
        return *this;
    }
    FlowBuilder& header(std::size_t table) {
        SetRow row;
        row.header = true;
        flow.rows.push_back(std::move(row));
        if (flow.table_header.size() <= table) flow.table_header.resize(table + 1, kNone);
        flow.table_header[table] = flow.items.size();
        auto& item = add(FlowItem::Kind::Row, 20, true);
        item.row = flow.rows.size() - 1;
        item.table = table;
        return *this;
    }
    FlowBuilder& rows(int n, std::size_t table) {
        for (int i = 0; i < n; ++i) {
            flow.rows.emplace_back();
            auto& item = add(FlowItem::Kind::Row, 20);
            item.row = flow.rows.size() - 1;
            item.table = table;
        }
        return *this;
    }
    FlowBuilder& floating(double height, bool bottom) {
        FloatGroup group;
        group.bottom = bottom;
        group.height = height;
        FlowItem image;
        image.kind = FlowItem::Kind::Image;
        image.height = height;
        image.span = true;
        group.items.push_back(image);
        flow.floats.push_back(group);
        add(FlowItem::Kind::Float, 0).float_group = flow.floats.size() - 1;
        return *this;
    }
    FlowBuilder& end_block() {
        flow.block_items.emplace_back(block_start, flow.items.size());
        block_start = flow.items.size();
        return *this;
    }
};

std::vector<PagePlan> one_lane(const Flow& flow, const Frame& f) { return distribute({{&flow, {}}}, f); }

// Where item `i` of lane `lane` landed (its first placement outside float groups): page, x, y.
struct Spot {
    int page = -1;
    double x = 0, y = 0;
};
Spot spot(const std::vector<PagePlan>& pages, std::size_t i, std::size_t lane = 0) {
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& pl : pages[p].placements) {
            if (pl.float_group == kNone && pl.flow == lane && pl.item == i) return {static_cast<int>(p), pl.x, pl.y};
        }
    }
    return {};
}

}  // namespace

TEST_CASE("distribute: lines fill a page, then the next") {
    FlowBuilder b;
    b.lines(30);
    auto pages = one_lane(b.flow, frame());
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].placements.size() == 20);
    CHECK(spot(pages, 19).y == Approx(430));
    CHECK(spot(pages, 20).page == 1);
    CHECK(spot(pages, 20).y == Approx(50));
}

TEST_CASE("distribute: a kept item moves to the next page with what follows it") {
    FlowBuilder b;
    b.lines(19).lines(1, 20, true).lines(3);  // item 19 is a heading kept with line 20
    auto pages = one_lane(b.flow, frame());
    CHECK(spot(pages, 19).page == 1);
    CHECK(spot(pages, 19).y == Approx(50));
    CHECK(spot(pages, 20).y == Approx(70));
}

TEST_CASE("distribute: a table continued on a page gets its header again") {
    FlowBuilder b;
    b.header(0).rows(30, 0);
    auto pages = one_lane(b.flow, frame());
    REQUIRE(pages.size() == 2);
    // page 2 starts with a copy of the header (item 0), then the row that did not fit
    REQUIRE_FALSE(pages[1].placements.empty());
    CHECK(pages[1].placements[0].item == 0);
    CHECK(pages[1].placements[0].y == Approx(50));
    CHECK(spot(pages, 20).page == 1);
    CHECK(spot(pages, 20).y == Approx(70));
}

TEST_CASE("distribute: columns at the end of the text are balanced") {
    FlowBuilder b;
    b.lines(10);
    auto pages = one_lane(b.flow, frame(2));
    REQUIRE(pages.size() == 1);
    CHECK(spot(pages, 4).x == Approx(50));
    CHECK(spot(pages, 5).x == Approx(50 + 200 + 20));  // the second column
    CHECK(spot(pages, 5).y == Approx(50));
    CHECK(spot(pages, 9).y == Approx(130));
}

// Where each float group landed: (page, y of its first item), or (-1, 0).
std::pair<int, double> float_spot(const std::vector<PagePlan>& pages, std::size_t group) {
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& pl : pages[p].placements) {
            if (pl.float_group == group) return {static_cast<int>(p), pl.y};
        }
    }
    return {-1, 0};
}

TEST_CASE("distribute: a top float goes to the top of the page that names it, the text already there set below it") {
    FlowBuilder b;
    b.lines(5).floating(100, false).lines(20);
    auto pages = one_lane(b.flow, frame());
    CHECK(float_spot(pages, 0) == std::pair<int, double>{0, 50});
    CHECK(spot(pages, 0).y == Approx(150));  // the first line, moved below the figure
    CHECK(spot(pages, 0).page == 0);
}

TEST_CASE("distribute: a top float that would push its own place to the next page goes to the page's foot, or waits") {
    FlowBuilder b;
    b.lines(16).floating(100, false).lines(20);  // 16 lines + 100 pt do not fit 400 pt
    auto pages = one_lane(b.flow, frame());
    auto [page, y] = float_spot(pages, 0);
    CHECK(page == 1);  // not at page 1's top (line 16 would go to page 2), nor its foot
    CHECK(y == Approx(50));
    for (std::size_t i = 0; i < 16; ++i) CHECK(spot(pages, i).page == 0);
}

TEST_CASE("distribute: a bottom float goes to the foot of the page that names it when the text leaves room") {
    FlowBuilder b;
    b.lines(5).floating(60, true).lines(20);
    auto pages = one_lane(b.flow, frame());
    CHECK(float_spot(pages, 0) == std::pair<int, double>{0, 450 - 60});
    // the text on page 1 stops above it
    for (const auto& pl : pages[0].placements) {
        if (pl.float_group == kNone) CHECK(pl.y + 20 <= 390 + 1e-6);
    }
}

TEST_CASE("distribute: figures still waiting at a page break go below the text that ends there") {
    FlowBuilder b;
    // the first figure takes the top; the second, named below two lines, would leave the text
    // less than its share at the foot, so it waits, and the break settles it at the foot
    b.floating(250, false).lines(2).floating(100, false);
    b.add(FlowItem::Kind::PageBreak, 0).annex = true;
    b.lines(2);
    auto pages = one_lane(b.flow, frame());
    CHECK(float_spot(pages, 0) == std::pair<int, double>{0, 50});
    CHECK(float_spot(pages, 1) == std::pair<int, double>{0, 450 - 100});
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].ends);
    CHECK(pages[1].annex);
}

TEST_CASE("distribute: figures waiting together that fill half a page get a page of their own") {
    FlowBuilder b;
    b.lines(18).floating(150, false).floating(150, false).lines(10);
    auto pages = one_lane(b.flow, frame());
    REQUIRE(pages.size() == 3);
    CHECK(float_spot(pages, 0) == std::pair<int, double>{1, 50});
    CHECK(float_spot(pages, 1) == std::pair<int, double>{1, 200});
    CHECK(pages[1].figures_only);
    for (const auto& pl : pages[1].placements) CHECK(pl.float_group != kNone);  // no text on it
    CHECK(spot(pages, 27).page == 2);
}

TEST_CASE("distribute, parallel: a figure goes across the page between two blocks, each caption in its column") {
    FlowBuilder left, right;
    for (auto* b : {&left, &right}) {
        b->lines(3).end_block();
        FloatGroup group;
        group.height = 120;
        FlowItem image;
        image.kind = FlowItem::Kind::Image;
        image.height = 100;
        image.span = true;
        FlowItem caption;
        caption.kind = FlowItem::Kind::Line;
        caption.height = 20;
        group.items = {image, caption};
        b->flow.floats.push_back(group);
        b->add(FlowItem::Kind::Float, 0).float_group = 0;
        b->end_block();
        b->lines(2).end_block();
    }
    auto pages = distribute({{&left.flow, {}}, {&right.flow, {}}}, frame(2));
    REQUIRE(pages.size() == 1);
    int images = 0;
    double caption_x[2] = {-1, -1};
    for (const auto& pl : pages[0].placements) {
        if (pl.float_group != 0) continue;
        if (pl.item == 0) ++images;
        if (pl.item == 1) caption_x[pl.flow] = pl.x;
    }
    CHECK(images == 1);  // the image once
    CHECK(caption_x[0] == Approx(50));
    CHECK(caption_x[1] == Approx(270));
    CHECK(float_spot(pages, 0).second >= 50 + 60 - 1e-6);  // below the first block
    CHECK(spot(pages, 4, 0).y >= float_spot(pages, 0).second + 120 - 1e-6);  // the next block below it
}

TEST_CASE("distribute: pages are handed on while the flow is still being collected") {
    FlowBuilder all;
    for (int k = 0; k < 10; ++k) all.lines(10).end_block();
    Flow flow;
    std::size_t blocks_pulled = 0, pulled_at_first_page = 0;
    auto more = [&] {
        if (blocks_pulled == all.flow.block_items.size()) return false;
        auto [first, last] = all.flow.block_items[blocks_pulled++];
        for (auto i = first; i < last; ++i) flow.items.push_back(all.flow.items[i]);
        flow.block_items.emplace_back(first, last);
        return true;
    };
    std::size_t pages = 0;
    distribute({{&flow, more}}, frame(), [&](PagePlan&&) {
        if (pages++ == 0) pulled_at_first_page = blocks_pulled;
    });
    CHECK(pages == 5);
    CHECK(pulled_at_first_page <= 3);
    CHECK(blocks_pulled == 10);
}

TEST_CASE("distribute, parallel: each block starts at one height in both lanes, below the longer side") {
    FlowBuilder left, right;
    left.lines(3).end_block().lines(2, 20, false, 10).end_block();
    right.lines(5).end_block().lines(2, 20, false, 10).end_block();
    auto pages = distribute({{&left.flow, {}}, {&right.flow, {}}}, frame(2));
    REQUIRE(pages.size() == 1);
    CHECK(spot(pages, 0, 0).x == Approx(50));
    CHECK(spot(pages, 0, 1).x == Approx(270));
    CHECK(spot(pages, 0, 1).y == Approx(50));
    // block 2: below the right side's five lines, plus its space, on both sides
    CHECK(spot(pages, 3, 0).y == Approx(50 + 100 + 10));
    CHECK(spot(pages, 5, 1).y == Approx(50 + 100 + 10));
}

TEST_CASE("distribute, parallel: a long side runs on to the next page, and the next block waits for it") {
    FlowBuilder left, right;
    left.lines(25).end_block().lines(1).end_block();
    right.lines(4).end_block().lines(1).end_block();
    auto pages = distribute({{&left.flow, {}}, {&right.flow, {}}}, frame(2));
    REQUIRE(pages.size() == 2);
    CHECK(spot(pages, 20, 0).page == 1);
    CHECK(spot(pages, 20, 0).y == Approx(50));
    CHECK(spot(pages, 25, 0).page == 1);
    CHECK(spot(pages, 25, 0).y == Approx(150));  // after the left side's five lines on page 2
    CHECK(spot(pages, 4, 1).page == 1);
    CHECK(spot(pages, 4, 1).y == Approx(150));
}

TEST_CASE("distribute, parallel: a heading is not left at a page's foot in either language") {
    FlowBuilder left, right;
    // 18 lines, then a heading block (kept), then a paragraph whose first two lines are kept
    left.lines(18).end_block().lines(1, 20, true).end_block().lines(1, 20, true).lines(3).end_block();
    right.lines(17).end_block().lines(1, 20, true).end_block().lines(1, 20, true).lines(3).end_block();
    auto pages = distribute({{&left.flow, {}}, {&right.flow, {}}}, frame(2));
    REQUIRE(pages.size() == 2);
    CHECK(spot(pages, 18, 0).page == 1);
    CHECK(spot(pages, 17, 1).page == 1);
    CHECK(spot(pages, 18, 0).y == Approx(50));
    CHECK(spot(pages, 17, 1).y == Approx(50));
}

TEST_CASE("distribute, parallel: a widow is not left at a page's top within a lane") {
    FlowBuilder left, right;
    // a 21-line paragraph, its last line kept to the one before (as collect marks widows)
    left.lines(19).lines(1, 20, true).lines(1).end_block();
    right.lines(3).end_block();
    auto pages = distribute({{&left.flow, {}}, {&right.flow, {}}}, frame(2));
    REQUIRE(pages.size() == 2);
    CHECK(spot(pages, 19, 0).page == 1);  // moved along with the last line
    CHECK(spot(pages, 20, 0).page == 1);
}

TEST_CASE("distribute, parallel: an annex set in one column gives one language, then the other") {
    FlowBuilder left, right;
    for (auto* b : {&left, &right}) {
        b->lines(2).end_block();
        b->add(FlowItem::Kind::PageBreak, 0).annex = true;
        for (int i = 0; i < 3; ++i) b->add(FlowItem::Kind::Line, 20).annex = true;
        b->end_block();
    }
    auto pages = distribute({{&left.flow, {}}, {&right.flow, {}}}, frame(2));
    REQUIRE(pages.size() == 2);
    CHECK(pages[1].annex);
    CHECK(spot(pages, 3, 0).page == 1);
    CHECK(spot(pages, 3, 0).x == Approx(50));
    CHECK(spot(pages, 3, 1).x == Approx(50));                  // full width, not the right column
    CHECK(spot(pages, 3, 1).y == Approx(spot(pages, 5, 0).y + 20));  // after the left lane's lines
}
