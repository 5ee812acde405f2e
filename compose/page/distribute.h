#pragma once
// The distributor: flow items -> pages, for every edition. A single edition has one lane; a
// parallel edition has one per language and sets each block beside its translation. Both obey
// the same rules: keeps, widows and orphans, repeated table headers, spanning items, page
// breaks, floats (through the out-of-flow step), balanced columns where a section ends.
#include <functional>
#include <vector>

#include "compose/page/flow.h"

namespace compose::page {

// A flow to distribute, and how to get more of it: `more` appends the next block (or the next
// rows of a long table) to the flow and returns false once the flow is complete. Empty when the
// flow was collected whole.
struct Lane {
    const Flow* flow = nullptr;
    std::function<bool()> more;
};

// Stacks the lanes' items into columns and pages, pulling more of each flow only as it is
// needed, and hands each page on as soon as it is complete: a long table streams through.
//
// With one lane, a page holds, top to bottom, floating figures, then segments that are either
// one item across the full width (the title block) or a set of columns; a column set that ends
// before a spanning item, a page break or the document's end is balanced.
//
// With several lanes, block b of every lane starts at one height, lane k in column k; the
// shorter lane waits for the longer before the next block begins, and a block that starts with
// a kept run (a heading and the lines it is kept with, across the following blocks) moves to
// the next page as a whole. Spanning items go across the page (an image once, from the first
// lane), and full-width blocks (annexes set in one column) come one lane after the other.
void distribute(const std::vector<Lane>& lanes, const Frame& frame, const std::function<void(PagePlan&&)>& on_page);

// The same, the pages returned.
std::vector<PagePlan> distribute(const std::vector<Lane>& lanes, const Frame& frame);

}  // namespace compose::page
