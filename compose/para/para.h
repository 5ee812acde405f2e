#pragma once
// Stage "para": a measured paragraph + line widths -> lines. Never calls HarfBuzz: it works on the
// boxes, glue and penalties the text stage measured, so it can be run for many widths cheaply.
//
// The entry point is break_paragraph(): Knuth–Plass total-fit breaking (knuth_plass.cpp), with
// first-fit (greedy.cpp) kept as a strategy of its own and as the fallback.
#include <cstdint>
#include <vector>

#include "compose/base/align.h"
#include "compose/text/text.h"

namespace compose::para {

struct Line {
    std::uint32_t item_begin = 0, item_end = 0;  // items shown on the line; the break item is excluded
    double natural = 0;   // width at natural spacing (with the hyphen drawn at a hyphenated break)
    double stretch = 0, shrink = 0;
    double ratio = 0;     // glue adjustment: > 0 stretches by ratio*stretch, < 0 shrinks by ratio*shrink
    double width = 0;     // the measure the line was set to
    double overfull = 0;  // how far it sticks out when nothing could make it fit
    bool last = false;    // the paragraph's last line, or a line ended by a forced break
    bool hyphenated = false;  // ends at a flagged break: an inserted or an explicit hyphen
    // The item the line broke at (mp.items.size() at the paragraph's end); a penalty there with
    // glyphs (text::BreakEdit::InsertHyphen) is drawn at the line's end.
    std::uint32_t break_item = 0;
    // TeX's badness of the line as set: 0 = perfect, 100 = glue at its full stretch or shrink,
    // 10000 = infinitely bad. Ragged lines are rated against the ragged-right allowance.
    double badness = 0;
    // Character protrusion: the line is set as if the measure were this much wider, its first
    // glyph hanging this far into the left margin and its last into the right one.
    double protrude_left = 0, protrude_right = 0;
    // Font expansion: the line's glyphs are drawn this much wider (> 1) or narrower, which adds
    // `expansion` points to its width (negative: takes them away); the glue does the rest.
    double hscale = 1;
    double expansion = 0;

    double set_width() const { return natural + expansion + (ratio >= 0 ? ratio * stretch : ratio * shrink); }
    // Whether the page writer draws a hyphen glyph at the end of this line.
    bool draws_hyphen(const text::MeasuredParagraph& mp) const {
        return break_item < mp.items.size() && mp.items[break_item].edit == text::BreakEdit::InsertHyphen;
    }
};

// ---- Knuth–Plass parameters. Defaults are plain TeX's (The TeXbook, ch. 14 and appendix B). ----

// A line whose badness exceeds this is not considered in the first pass, which tries the
// paragraph without hyphenating (TeX's \pretolerance). Negative: skip the first pass.
constexpr double kPretolerance = 100;
// The limit for the second pass, which may hyphenate (\tolerance).
constexpr double kTolerance = 200;
// Added to every line's badness before squaring, so that, other things equal, fewer lines win
// (\linepenalty).
constexpr double kLinePenalty = 10;
// Extra demerits for two hyphenated lines in a row (\doublehyphendemerits): a ladder of hyphens
// at the right margin is the classic blemish.
constexpr double kDoubleHyphenDemerits = 10000;
// Extra demerits when the penultimate line ends with a hyphen (\finalhyphendemerits): the
// reader would turn to a last line holding just a word's tail.
constexpr double kFinalHyphenDemerits = 5000;
// Extra demerits when adjacent lines' fitness classes differ by more than one, e.g. a very loose
// line after a tight one (\adjdemerits): the eye sees the change of texture.
constexpr double kAdjDemerits = 10000;
// Stretch added to every line, in em of the paragraph's font, in the emergency pass that runs
// when no set of breaks stays within tolerance (\emergencystretch; TeX's default is 0, LaTeX
// users often set 1.5–3em). The allowance only rates lines, it is not added to them: the larger
// it is, the cheaper a loose line looks, so the looseness is spread carelessly. In the Mexico
// report's narrow columns (about 45 characters) 3em left 91 lines stretched past badness 1000,
// 1em 28 and 0.5em 23; below 0.5em nothing changes. Overfull lines are kept out by the last
// resort pass, not by this.
constexpr double kEmergencyStretchEm = 0.5;
// Ragged lines (left, right, centered) have fixed word spaces and this much stretch at the open
// margin(s), in em; the breaker then evens the rag instead of filling each line greedily
// (LaTeX's ragged2e uses 2em for \RaggedRight).
constexpr double kRaggedStretchEm = 2;
// At most this many hyphenated lines in a row (0: no limit). TeX has no such limit, only the
// double-hyphen demerits; InDesign's "hyphen limit" and house styles (the Chicago Manual of
// Style: no more than three, preferably two) do.
constexpr int kMaxHyphenRun = 2;
// Font expansion (pdfTeX's \pdfadjustspacing with the font's stretch = shrink = 20, step = 5, in
// thousandths): a justified line may draw its glyphs up to 2% wider or narrower, in steps of
// 0.5%, so that its word spaces need to vary less. The breaker counts it as stretch and shrink of
// every box; the step keeps the number of distinct widths (and of Tz values in the PDF) small.
constexpr double kExpansionStretch = 0.02;
constexpr double kExpansionShrink = 0.02;
constexpr double kExpansionStep = 0.005;
// Badness at or above which a line is infinitely bad (TeX's inf_bad).
constexpr double kInfBad = 10000;

enum class Strategy { TotalFit, FirstFit };

struct BreakParams {
    double width = 0;         // the measure
    double first_indent = 0;  // extra space at the start of the first line
    base::Align align = base::Align::Justify;
    Strategy strategy = Strategy::TotalFit;
    double em = 10;           // the paragraph's font size: the unit of the em-based allowances below

    double pretolerance = kPretolerance;
    double tolerance = kTolerance;
    double line_penalty = kLinePenalty;
    double double_hyphen_demerits = kDoubleHyphenDemerits;
    double final_hyphen_demerits = kFinalHyphenDemerits;
    double adj_demerits = kAdjDemerits;
    double emergency_stretch_em = kEmergencyStretchEm;
    double ragged_stretch_em = kRaggedStretchEm;
    // Lines more (> 0) or fewer (< 0) than the optimum, when the paragraph can be set that way
    // within tolerance (\looseness).
    int looseness = 0;
    int max_hyphen_run = kMaxHyphenRun;
    bool hyphenate = true;  // false: inserted-hyphen breaks are never taken
    // Character protrusion (pdfTeX's \pdfprotrudechars): justified lines may hang punctuation and
    // hyphens into the margins by the amounts the text stage measured (Item::protrude_*).
    bool protrusion = false;
    // Font expansion (pdfTeX's \pdfadjustspacing): justified lines may scale their glyphs
    // horizontally within these limits, in steps of expansion_step (Line::hscale).
    bool expansion = false;
    double expansion_stretch = kExpansionStretch;
    double expansion_shrink = kExpansionShrink;
    double expansion_step = kExpansionStep;

    bool ragged() const { return align != base::Align::Justify; }
    double line_width(std::size_t line) const { return width - (line == 0 ? first_indent : 0); }
};

// The breaker the layout asks for: total-fit unless params.strategy says first-fit; first-fit
// is also the fallback should total-fit find nothing (it always finds something).
std::vector<Line> break_paragraph(const text::MeasuredParagraph& mp, const BreakParams& params);

// Knuth–Plass total-fit breaking: minimises the paragraph's total demerits.
std::vector<Line> break_knuth_plass(const text::MeasuredParagraph& mp, const BreakParams& params);

// First-fit breaking: each line takes as many words as fit, shrinking spaces if needed.
std::vector<Line> break_greedy(const text::MeasuredParagraph& mp, const BreakParams& params);

// Sets natural/stretch/shrink/ratio/badness/last for a line once its items and break are chosen
// (shared by every breaker).
void finish_line(const text::MeasuredParagraph& mp, Line& line, const BreakParams& params, bool last);

// How far a line from item `begin` to the break at `break_item` may hang into the margins (left
// + right), under params.protrusion; 0 for ragged lines and for lines ended by a forced break.
double protrusion(const text::MeasuredParagraph& mp, std::uint32_t begin, std::uint32_t break_item,
                  const BreakParams& params, double* left = nullptr, double* right = nullptr);

// TeX's badness: 100·(shortfall/stretch)³ (or of the shrink), capped at kInfBad; kInfBad when
// the line falls short with nothing to stretch.
double badness(double shortfall, double stretch, double shrink);

}  // namespace compose::para
