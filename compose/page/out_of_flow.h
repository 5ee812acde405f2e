#pragma once
// The out-of-flow step, between collecting the flow and distributing it: material that is not
// stacked where the text names it but set apart on a page (floating figures now, footnotes
// next) waits here for a page with room. The distributor asks it, at each new page, what goes
// at the page's top and foot, and offers it each figure as the text reaches the figure's place.
#include <deque>
#include <vector>

#include "compose/page/column_set.h"
#include "compose/page/flow.h"

namespace compose::page {

// The room a page leaves for the flow once its out-of-flow material is placed.
struct TextArea {
    double top = 0, bottom = 0;
};

// A floating figure: one float group per lane (a parallel edition's figure has each language's
// caption under the one image, each in its language's column).
struct Figure {
    std::vector<ItemRef> groups;  // (lane, float group)
};

class OutOfFlow {
public:
    OutOfFlow(const std::vector<const Flow*>& flows, const Frame& frame) : flows_(flows), frame_(frame) {}

    // A new page: the figures that wait are placed, tops stacked from the top and bottoms from
    // the foot, as many as leave room for some text (on a page of figures only: as many as fit).
    // With two or more figures waiting that fill half a page, the page is theirs alone (LaTeX's
    // float page), so that figures named together do not drift further and further from their
    // place: then the area returned is empty (`figures_only_page()` says so).
    TextArea start_page(std::vector<Placement>& placements, bool figures_only = false);
    bool figures_only_page() const { return figures_only_page_; }

    double height(const Figure& f) const;  // its space after it included
    double gap(const Figure& f) const { return height(f) - items_height(f); }  // that space
    bool bottom(const Figure& f) const { return group(f.groups.front()).bottom; }
    bool waiting() const { return !top_.empty() || !bottom_.empty(); }
    bool top_waiting() const { return !top_.empty(); }

    // Whether a top figure of this height still fits the page's top area (its share of the page);
    // whether a figure at the foot leaves the text its share.
    bool top_area_takes(const TextArea& area, double h) const;
    bool foot_area_takes(const TextArea& area, double h) const;

    // Sets the figure at the top of the text area (which shrinks), or with its top at `y`.
    void place_top(const Figure& f, TextArea& area, std::vector<Placement>& placements) const;
    void place_at(const Figure& f, double y, std::vector<Placement>& placements) const;
    // Sets the figure at the foot of the text area (which shrinks), if the text so far, reaching
    // down to `text_bottom`, leaves room for it.
    bool place_at_foot(const Figure& f, double text_bottom, TextArea& area, std::vector<Placement>& placements) const;

    // The figure waits for a later page; order is kept (a figure never passes one named before).
    void wait(const Figure& f) { (bottom(f) ? bottom_ : top_).push_back(f); }

    // At a forced break (an annex): the top figures still waiting go to this page's foot, below
    // the text that reaches `text_bottom`, as many as fit, in order.
    void settle_at_foot(double text_bottom, TextArea& area, std::vector<Placement>& placements);

private:
    std::vector<const Flow*> flows_;
    const Frame& frame_;
    std::deque<Figure> top_, bottom_;
    bool figures_only_page_ = false;

    const FloatGroup& group(ItemRef g) const { return flows_[g.lane]->floats[g.item]; }
    double items_height(const Figure& f) const;
};

}  // namespace compose::page
