#pragma once
// What a typographer marks on the proofs, found on the pages as they are made (compose check
// --layout-report, compose render --stats): a column left emptier than a share of the text
// height before a real end, a heading, lead or group row stranded at a column's foot, orphans
// and widows, a figure set more than a page after the page that names it, a hyphenated name.
#include <cstddef>
#include <string>
#include <vector>

namespace compose::page {

struct LayoutReport {
    enum class Kind { EmptyColumn, StrandedHeading, StrandedRow, Orphan, Widow, FarFigure, HyphenatedName };
    static constexpr std::size_t kKinds = 7;

    double empty_share = 0.25;  // a column emptier than this, not at a real end, is reported
    std::size_t pages = 0;
    std::size_t counts[kKinds] = {};

    std::size_t count(Kind k) const { return counts[static_cast<std::size_t>(k)]; }
};

// One line: "layout: 13 pages; 1 column more than 25% empty, 0 stranded headings or leads, ...".
std::string summary(const LayoutReport& report);

}  // namespace compose::page
