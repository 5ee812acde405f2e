#pragma once
// Counts over the lines of a document as they were placed: what `compose render --stats` prints.
// The page builder adds each line it places; nothing here looks at pages or prints.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "compose/base/source_pos.h"

#include "compose/para/para.h"

namespace compose::para {

// A justified line looser than this is "loose": TeX's very loose fitness class (glue stretched
// past its full stretchability).
constexpr double kLooseBadness = 99;
// A justified line looser than this is reported as underfull (TeX's \hbadness default).
constexpr double kUnderfullBadness = 1000;
// A line sticking out further than this (points) is reported as overfull (TeX's \hfuzz is 0.1pt;
// half a point is invisible at reading size).
constexpr double kOverfullTolerance = 0.5;

// One placed line as `compose dump --stage lines` lists it.
struct LineRecord {
    std::size_t page = 0;
    base::SourcePos pos;     // the paragraph's (or table cell's) place in the source
    std::size_t index = 0;   // the line's number within its paragraph, from 0
    std::string text;        // as set, with the drawn hyphen of a hyphenated break
    double width = 0, measure = 0, ratio = 0, badness = 0;
    bool hyphenated = false, last = false;
};

struct LineStats {
    // Upper edges of the adjustment-ratio bins of justified lines (last lines excluded); the
    // last bin takes everything above 2. -1 is glue at full shrink, 1 at full stretch.
    static constexpr std::array<double, 9> kRatioEdges{-0.5, 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 1e300};

    std::size_t paragraphs = 0;
    std::size_t lines = 0;
    std::size_t hyphenated = 0;          // lines ending with a hyphen, drawn or explicit
    std::size_t longest_hyphen_run = 0;  // consecutive hyphenated lines within a paragraph
    std::size_t overfull = 0;            // sticking out more than kOverfullTolerance
    std::size_t loose = 0;               // justified, badness > kLooseBadness
    std::size_t underfull = 0;           // justified, badness > kUnderfullBadness
    std::array<std::size_t, kRatioEdges.size()> ratio_histogram{};
    std::vector<LineRecord>* records = nullptr;  // when set, every placed line is listed there too

    // Adds one placed line; `index` is its number within its paragraph (0 starts a paragraph).
    void add(const Line& line, std::size_t index, base::Align align);

private:
    std::size_t run_ = 0;  // hyphenated lines in a row so far
};

// The counts as stable text, one item per line ("lines\t412").
std::string format(const LineStats& stats);

// The lines as stable text, one per line: page, line:col, index, width/measure, ratio, badness,
// flags (h: hyphenated, l: last), text.
std::string format(const std::vector<LineRecord>& records);

}  // namespace compose::para
