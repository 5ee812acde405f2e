// The layout report's checks (see layout_report.h), read from each page's plan: its columns,
// what stands last and first in each, how far down each reaches, and where its floats landed.
#include "compose/page/layout_audit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace compose::page {

std::string summary(const LayoutReport& r) {
    using K = LayoutReport::Kind;
    auto n = [&](K k, const char* one, const char* many) {
        std::size_t c = r.count(k);
        return std::to_string(c) + " " + (c == 1 ? one : many);
    };
    char share[16];
    std::snprintf(share, sizeof share, "%.0f%%", r.empty_share * 100);
    return "layout: " + std::to_string(r.pages) + (r.pages == 1 ? " page; " : " pages; ") +
           n(K::EmptyColumn, "column", "columns") + " more than " + share + " empty, " +
           n(K::StrandedHeading, "stranded heading or lead", "stranded headings or leads") + ", " +
           n(K::StrandedRow, "stranded group row", "stranded group rows") + ", " + n(K::Orphan, "orphan", "orphans") +
           ", " + n(K::Widow, "widow", "widows") + ", " +
           n(K::FarFigure, "figure", "figures") + " more than a page from their place, " +
           n(K::HyphenatedName, "hyphenated name", "hyphenated names") + "\n";
}

namespace {

// The source position of a line's first character, or of a row's first cell.
base::SourcePos pos_of_item(const Flow& flow, const FlowItem& it) {
    const SetParagraph* sp = nullptr;
    std::size_t line = 0;
    if (it.kind == FlowItem::Kind::Line && it.para < flow.paragraphs.size()) {
        sp = &flow.paragraphs[it.para];
        line = it.line;
    } else if (it.kind == FlowItem::Kind::Row && it.row < flow.rows.size() && !flow.rows[it.row].cells.empty()) {
        sp = &flow.rows[it.row].cells[0];
    }
    if (!sp || line >= sp->lines.size()) return {};
    std::uint32_t first = sp->lines[line].item_begin;
    if (first >= sp->mp.items.size()) return {};
    return sp->mp.runs[sp->mp.items[first].run].pos;
}

std::string where(std::size_t column, std::size_t page) {
    return "column " + std::to_string(column + 1) + " of page " + std::to_string(page);
}

}  // namespace

base::Role LayoutAudit::role_of(ItemRef r) const {
    const FlowItem& it = item(r);
    const auto& tree = *trees_[r.lane];
    if (!it.node || it.node.index() >= tree.size()) return base::Role::Paragraph;
    return tree[it.node.index()].role;
}

base::SourcePos LayoutAudit::pos_of(ItemRef r) const { return pos_of_item(*flows_[r.lane], item(r)); }

void LayoutAudit::find(LayoutReport::Kind kind, const base::SourcePos& pos, const std::string& message) {
    ++report_.counts[static_cast<std::size_t>(kind)];
    diags_.warning(pos, message);
}

void LayoutAudit::page(const PagePlan& plan, std::size_t number) {
    ++report_.pages;
    for (ItemRef a : plan.anchors) anchor_page_[{a.lane, a.item}] = number;
    std::size_t count = static_cast<std::size_t>(std::max(1, plan.annex ? frame_.annex_columns : frame_.columns));
    double pitch = frame_.column_width(plan.annex) + frame_.gutter;
    std::vector<std::vector<Placed>> columns(count);
    double across = frame_.top;  // the foot of what goes across every column (spans, floats)
    for (const auto& pl : plan.placements) {
        const Flow& flow = *flows_[pl.flow];
        if (pl.float_group != kNone) {
            const auto& group = flow.floats[pl.float_group];
            across = std::max(across, pl.y + group.items[pl.item].height);
            auto at = anchor_page_.find({pl.flow, pl.float_group});
            if (pl.item == 0 && at != anchor_page_.end() && number > at->second + 1) {
                base::SourcePos pos;
                for (const auto& it : group.items) {
                    if (!pos.file) pos = pos_of_item(flow, it);
                }
                find(LayoutReport::Kind::FarFigure, pos,
                     "a figure is set on page " + std::to_string(number) + ", " + std::to_string(number - at->second) +
                         " pages after the page that names it (" + std::to_string(at->second) + ")");
            }
            continue;
        }
        ItemRef r{pl.flow, pl.item};
        const FlowItem& it = item(r);
        if (it.kind == FlowItem::Kind::Marker || it.kind == FlowItem::Kind::Float ||
            it.kind == FlowItem::Kind::PageBreak || it.height <= 0) {
            continue;
        }
        if (it.span) {
            across = std::max(across, pl.y + it.height);
            continue;
        }
        long c = std::lround((pl.x - it.x - frame_.left) / pitch);
        columns[static_cast<std::size_t>(std::clamp(c, 0L, static_cast<long>(count) - 1))].push_back({r, pl.y, pl.y + it.height});
        if (it.kind == FlowItem::Kind::Line && it.para < flow.paragraphs.size()) {
            // a name broken by a hyphen: its person run reaches the line's end
            const auto& sp = flow.paragraphs[it.para];
            if (it.line < sp.lines.size() && sp.lines[it.line].draws_hyphen(sp.mp)) {
                std::uint32_t last = sp.lines[it.line].item_end - 1;
                if (last < sp.mp.items.size() && sp.mp.runs[sp.mp.items[last].run].role == base::Role::Person) {
                    find(LayoutReport::Kind::HyphenatedName, sp.mp.runs[sp.mp.items[last].run].pos,
                         "a person's name is hyphenated at a line's end on page " + std::to_string(number));
                }
            }
        }
    }
    for (std::size_t c = 0; c < count; ++c) column(columns[c], c, across, plan, number);
}

void LayoutAudit::column(const std::vector<Placed>& placed, std::size_t c, double across, const PagePlan& plan,
                         std::size_t number) {
    double bottom = across;
    const Placed* last = nullptr;
    const Placed* first = nullptr;
    for (const auto& p : placed) {
        bottom = std::max(bottom, p.bottom);
        if (!last || p.bottom > last->bottom) last = &p;
        if (!first || p.top < first->top) first = &p;
    }
    double share = (frame_.bottom - bottom) / (frame_.bottom - frame_.top);
    if (!plan.ends && !plan.figures_only && share > report_.empty_share) {
        char percent[16];
        std::snprintf(percent, sizeof percent, "%.0f%%", share * 100);
        find(LayoutReport::Kind::EmptyColumn, last ? pos_of(last->ref) : base::SourcePos{},
             where(c, number) + " is " + percent + " empty before the text's end");
    }
    if (!last) return;
    const Flow& flow = *flows_[last->ref.lane];
    const FlowItem& it = item(last->ref);
    bool more = last->ref.item + 1 < flow.items.size();
    if (it.kind == FlowItem::Kind::Line && more) {
        base::Role role = role_of(last->ref);
        std::size_t lines = it.para < flow.paragraphs.size() ? flow.paragraphs[it.para].lines.size() : 0;
        if (role == base::Role::Heading || (role == base::Role::Lead && it.line + 1 == lines)) {
            find(LayoutReport::Kind::StrandedHeading, pos_of(last->ref),
                 std::string(role == base::Role::Heading ? "a heading" : "a lead") + " is left at the foot of " +
                     where(c, number) + ", apart from its text");
        } else if (it.line == 0 && lines >= 2) {
            find(LayoutReport::Kind::Orphan, pos_of(last->ref),
                 "orphan: a paragraph's first line is alone at the foot of " + where(c, number));
        }
    } else if (it.kind == FlowItem::Kind::Row && more && it.row < flow.rows.size() && flow.rows[it.row].group) {
        find(LayoutReport::Kind::StrandedRow, pos_of(last->ref),
             "a group row is left at the foot of " + where(c, number) + ", apart from its rows");
    }
    const FlowItem& top = item(first->ref);
    if (top.kind == FlowItem::Kind::Line && top.line > 0) {
        const Flow& f = *flows_[first->ref.lane];
        std::size_t lines = top.para < f.paragraphs.size() ? f.paragraphs[top.para].lines.size() : 0;
        if (top.line + 1 == lines) {
            find(LayoutReport::Kind::Widow, pos_of(first->ref),
                 "widow: a paragraph's last line is alone at the top of " + where(c, number));
        }
    }
}

}  // namespace compose::page
