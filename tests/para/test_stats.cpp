// The --stats counts, from lines as the page builder adds them.
#include <catch2/catch.hpp>

#include "compose/para/stats.h"

using compose::para::Line;
using compose::para::LineStats;
using compose::style::Align;

namespace {

Line line(double ratio, bool hyphenated, double badness = 0, double overfull = 0, bool last = false) {
    Line l;
    l.ratio = ratio;
    l.hyphenated = hyphenated;
    l.badness = badness;
    l.overfull = overfull;
    l.last = last;
    return l;
}

}  // namespace

TEST_CASE("stats count hyphen runs within a paragraph, overfull and loose lines, and ratios") {
    LineStats stats;
    // paragraph 1: hyphen, hyphen, plain, hyphen, last
    stats.add(line(0.1, true, 0.1), 0, Align::Justify);
    stats.add(line(0.3, true, 2.7), 1, Align::Justify);
    stats.add(line(-0.6, false, 21.6), 2, Align::Justify);
    stats.add(line(1.2, true, 172.8), 3, Align::Justify);
    stats.add(line(0, false, 0, 0, true), 4, Align::Justify);
    // paragraph 2, ragged: a hyphen again starts a new run; an overfull line
    stats.add(line(0, true), 0, Align::Left);
    stats.add(line(0, false, 10000, 3.5), 1, Align::Left);
    CHECK(stats.paragraphs == 2);
    CHECK(stats.lines == 7);
    CHECK(stats.hyphenated == 4);
    CHECK(stats.longest_hyphen_run == 2);
    CHECK(stats.overfull == 1);
    CHECK(stats.loose == 1);
    CHECK(stats.underfull == 0);
    // justified, not last: -0.6 in [-1,-0.5), 0.1 in [0,0.25), 0.3 in [0.25,0.5), 1.2 in [1,1.5)
    CHECK(stats.ratio_histogram[0] == 1);
    CHECK(stats.ratio_histogram[2] == 1);
    CHECK(stats.ratio_histogram[3] == 1);
    CHECK(stats.ratio_histogram[6] == 1);
    std::size_t total = 0;
    for (auto n : stats.ratio_histogram) total += n;
    CHECK(total == 4);
    CHECK(format(stats).find("longest run of hyphenated lines\t2\n") != std::string::npos);
}
