#pragma once
// The out-of-flow step, between collecting the flow and distributing it: material that is not
// stacked where the text names it but set apart on a page (floating figures now, footnotes
// next) waits here for a page with room. The distributor asks it, at each new page, what goes
// at the page's top and foot, and offers it each anchor as the text reaches it.
#include <deque>
#include <vector>

#include "compose/page/column_set.h"
#include "compose/page/flow.h"

namespace compose::page {

// The room a page leaves for the flow once its out-of-flow material is placed.
struct TextArea {
    double top = 0, bottom = 0;
};

// Where the flow stands on the page being filled when an anchor is met.
struct FlowState {
    bool page_has_text = false;  // something of the flow is placed on this page
    bool first_column = true;    // the text so far is in the page's first column
    double bottom = 0;           // the foot of the text placed so far
};

class OutOfFlow {
public:
    OutOfFlow(const std::vector<const Flow*>& flows, const Frame& frame) : flows_(flows), frame_(frame) {}

    // A new page: the floats that wait are placed, tops stacked from the top and bottoms from the
    // foot, as many as leave room for some text.
    TextArea start_page(std::vector<Placement>& placements);

    // A floating figure's anchor is met in the flow (never before it: a figure does not come
    // ahead of the text that refers to it). A top float goes to this page's top if nothing is
    // on it yet, a bottom float to its foot if the text so far leaves room; otherwise the
    // figure waits for the next page. `area` shrinks by what is placed.
    void anchor(ItemRef group, const FlowState& state, TextArea& area, std::vector<Placement>& placements);

    bool waiting() const { return !top_.empty() || !bottom_.empty(); }

private:
    std::vector<const Flow*> flows_;
    const Frame& frame_;
    std::deque<ItemRef> top_, bottom_;  // figures waiting (lane, float group)

    const FloatGroup& group(ItemRef g) const { return flows_[g.lane]->floats[g.item]; }
    void place(ItemRef g, double y, std::vector<Placement>& placements) const;
    void place_at_foot(ItemRef g, TextArea& area, std::vector<Placement>& placements) const;
};

}  // namespace compose::page
