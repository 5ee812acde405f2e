#pragma once
// The layout report's findings on each page plan, before its lines are written (and released):
// each one a warning located at the source and the page, and a count in the report.
#include <map>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/base/structure.h"
#include "compose/page/flow.h"
#include "compose/page/layout_report.h"

namespace compose::page {

class LayoutAudit {
public:
    LayoutAudit(std::vector<Flow*> flows, std::vector<const std::vector<base::Node>*> trees, const Frame& frame,
                LayoutReport& report, base::Diagnostics& diags)
        : flows_(std::move(flows)), trees_(std::move(trees)), frame_(frame), report_(report), diags_(diags) {}

    void page(const PagePlan& plan, std::size_t number);

private:
    struct Placed {
        ItemRef ref;
        double top = 0, bottom = 0;
    };
    std::vector<Flow*> flows_;
    std::vector<const std::vector<base::Node>*> trees_;
    const Frame& frame_;
    LayoutReport& report_;
    base::Diagnostics& diags_;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> anchor_page_;  // (lane, float group) -> page

    const FlowItem& item(ItemRef r) const { return flows_[r.lane]->items[r.item]; }
    base::Role role_of(ItemRef r) const;
    base::SourcePos pos_of(ItemRef r) const;
    void find(LayoutReport::Kind kind, const base::SourcePos& pos, const std::string& message);
    void column(const std::vector<Placed>& placed, std::size_t column, double page_bottom, const PagePlan& plan,
                std::size_t number);
};

}  // namespace compose::page
