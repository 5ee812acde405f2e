#include "compose/para/stats.h"

#include <algorithm>
#include <cstdio>

namespace compose::para {

void LineStats::add(const Line& line, std::size_t index, base::Align align) {
    if (index == 0) {
        ++paragraphs;
        run_ = 0;
    }
    ++lines;
    if (line.hyphenated) {
        ++hyphenated;
        longest_hyphen_run = std::max(longest_hyphen_run, ++run_);
    } else {
        run_ = 0;
    }
    if (line.overfull > kOverfullTolerance) ++overfull;
    if (align != base::Align::Justify || line.last || line.overfull > 0) return;
    if (line.badness > kLooseBadness && line.ratio > 0) ++loose;
    if (line.badness > kUnderfullBadness && line.ratio > 0) ++underfull;
    std::size_t bin = 0;
    while (bin + 1 < kRatioEdges.size() && line.ratio >= kRatioEdges[bin]) ++bin;
    ++ratio_histogram[bin];
}

std::string format(const LineStats& stats) {
    std::string out;
    auto row = [&](const char* name, std::size_t value) {
        out += name;
        out += '\t';
        out += std::to_string(value);
        out += '\n';
    };
    row("paragraphs", stats.paragraphs);
    row("lines", stats.lines);
    row("hyphenated lines", stats.hyphenated);
    row("longest run of hyphenated lines", stats.longest_hyphen_run);
    row("overfull lines", stats.overfull);
    row("loose lines (badness > 99)", stats.loose);
    row("underfull lines (badness > 1000)", stats.underfull);
    out += "adjustment ratios of justified lines (last lines excluded):\n";
    double low = -1;
    for (std::size_t i = 0; i < stats.ratio_histogram.size(); ++i) {
        double high = LineStats::kRatioEdges[i];
        char label[48];
        if (high > 1e299) std::snprintf(label, sizeof label, "  [%5.2f, inf) ", low);
        else std::snprintf(label, sizeof label, "  [%5.2f, %5.2f)", low, high);
        row(label, stats.ratio_histogram[i]);
        low = high;
    }
    return out;
}

std::string format(const std::vector<LineRecord>& records) {
    std::string out;
    char numbers[160];
    for (const auto& r : records) {
        std::snprintf(numbers, sizeof numbers, "page %zu  %d:%d  #%zu  %.2f/%.2f  ratio %+.3f  badness %.0f  %s%s  ", r.page,
                      r.pos.line, r.pos.col, r.index + 1, r.width, r.measure, r.ratio, r.badness, r.hyphenated ? "h" : "-",
                      r.last ? "l" : "-");
        out += numbers;
        out += r.text;
        out += '\n';
    }
    return out;
}

}  // namespace compose::para
