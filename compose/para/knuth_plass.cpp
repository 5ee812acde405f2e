// Knuth–Plass total-fit line breaking ("Breaking paragraphs into lines", 1981; TeX §813–890).
//
// In plain words: every legal break (a glue after a box, a penalty below 10000, the paragraph's
// end) is tried as the end of a line that starts after each "active" earlier break. A line that
// fits within tolerance scores demerits, (line penalty + badness)² plus its penalty² plus extra
// demerits for hyphens in a row or glue texture changing abruptly; the best way to reach each
// break is remembered per fitness class (very loose, loose, decent, tight), and the paragraph's
// best set of breaks is read back from the end. An earlier break stops being active once the
// text from it can no longer fit on one line. Widths come from prefix sums, so a line's width
// is a subtraction: the breaker never looks at the text or calls the shaper.
//
// Passes, as TeX runs them: without hyphenation within \pretolerance; with hyphenation within
// \tolerance; again with \emergencystretch added to every line; and a last resort that accepts
// any badness and, where even that leaves nothing, an overfull line (TeX's "artificial demerits").
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "compose/para/para.h"

namespace compose::para {
namespace {

using text::Item;

// Penalties at or above this forbid a break (TeX's inf_penalty).
constexpr int kInfPenalty = 10000;
// TeX replaces the squared (line penalty + badness) by this when the sum reaches 10000, so that a
// single infinitely bad line does not swamp every other consideration with astronomic numbers.
constexpr double kSaturatedDemerits = 1e8;
// Fitness classes (TeX §817): very loose lines have badness > 99 and stretch, loose > 12 and
// stretch, tight > 12 and shrink; everything else is decent. Badness 12 is glue at about half its
// stretch or shrink, badness 99 at its full stretch.
enum Fitness : int { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };
constexpr double kDecentBadness = 12;
constexpr double kVeryLooseBadness = 99;

int fitness_of(double bad, bool stretching) {
    if (stretching) {
        if (bad > kVeryLooseBadness) return kVeryLoose;
        if (bad > kDecentBadness) return kLoose;
        return kDecent;
    }
    return bad > kDecentBadness ? kTight : kDecent;
}

struct Pass {
    double tolerance;
    bool hyphenate;
    double background_stretch;  // emergency stretch added to every line
    bool final;                 // must produce breaks, overfull if need be
    bool settle;                // the last pass within tolerance: \looseness takes what it can get
};

// A feasible break: the end of a line in the best paragraph found so far up to it.
struct Node {
    std::uint32_t position;  // the break item (items.size(): the paragraph's end)
    std::uint32_t line;      // lines set up to this break
    int fitness;             // of the line ending here
    bool flagged;            // the line ends at a hyphen
    int hyphens;             // hyphenated lines in a row ending here (0: this line is not hyphenated)
    double total;            // total demerits of the best paragraph up to here
    std::int32_t prev;       // node the line starts after; -1 for the paragraph's start node
    std::uint32_t start;     // first item of the next line (discardable items after the break skipped)
};

struct Candidate {
    double total;
    std::int32_t prev;
    int fitness;
    std::uint32_t line;
    int hyphens;
};

// The breaker's working vectors, kept from paragraph to paragraph: a long table breaks one per
// cell, and would otherwise allocate them all anew each time.
struct Scratch {
    std::vector<double> width, stretch, shrink;
    std::vector<Node> nodes;
    std::vector<std::int32_t> active, still_active;
    std::vector<Candidate> best;
};

class TotalFit {
public:
    TotalFit(const text::MeasuredParagraph& mp, const BreakParams& params, Scratch& scratch)
        : mp_(mp), items_(mp.items), params_(params), n_(static_cast<std::uint32_t>(mp.items.size())),
          width_(scratch.width), stretch_(scratch.stretch), shrink_(scratch.shrink), nodes_(scratch.nodes),
          active_(scratch.active), still_active_(scratch.still_active), best_(scratch.best) {
        sum_prefixes();
    }

    std::vector<Line> run(const text::MeasuredParagraph& mp) {
        std::uint32_t first = skip_discardable(0);
        if (first >= n_) return {};
        for (const Pass& pass : passes()) {
            auto last = compute_breaks(pass, first);
            if (last) return finish_breaks(mp, *last);
        }
        return {};  // not reached: the final pass always ends with a node
    }

private:
    const text::MeasuredParagraph& mp_;
    const std::vector<Item>& items_;
    const BreakParams& params_;
    std::uint32_t n_;
    std::vector<double>& width_;  // prefix sums over items [0, i)
    std::vector<double>& stretch_;
    std::vector<double>& shrink_;
    std::vector<Node>& nodes_;
    std::vector<std::int32_t>& active_;  // indices into nodes_, ordered by position
    std::vector<std::int32_t>& still_active_;  // for try_break
    std::vector<Candidate>& best_;  // for try_break

    // Step 1: prefix sums of widths, stretch and shrink. Ragged lines have rigid word spaces:
    // their only stretch is the allowance at the open margin, added per line.
    void sum_prefixes() {
        width_.assign(n_ + 1, 0);
        stretch_.assign(n_ + 1, 0);
        shrink_.assign(n_ + 1, 0);
        bool ragged = params_.ragged();
        // font expansion: every box may be drawn a little wider or narrower
        bool expand = params_.expansion && !ragged;
        for (std::uint32_t i = 0; i < n_; ++i) {
            const Item& item = items_[i];
            bool counts = item.kind != Item::Kind::Penalty;
            width_[i + 1] = width_[i] + (counts ? item.width : 0);
            bool glue = item.kind == Item::Kind::Glue && !ragged;
            bool box = item.kind == Item::Kind::Box && expand;
            stretch_[i + 1] = stretch_[i] + (glue ? item.stretch : box ? item.width * params_.expansion_stretch : 0);
            shrink_[i + 1] = shrink_[i] + (glue ? item.shrink : box ? item.width * params_.expansion_shrink : 0);
        }
    }

    std::vector<Pass> passes() const {
        std::vector<Pass> list;
        double emergency = params_.emergency_stretch_em * params_.em;
        if (params_.pretolerance >= 0) list.push_back({params_.pretolerance, false, 0, false, false});
        // Unlike TeX, \looseness is settled without emergency stretch when the paragraph can be
        // set at all within tolerance: a looser paragraph is not worth lines that only the
        // emergency allowance makes acceptable.
        list.push_back({params_.tolerance, params_.hyphenate, 0, false, true});
        if (emergency > 0) list.push_back({params_.tolerance, params_.hyphenate, emergency, false, true});
        // The last resort, beyond TeX: any badness goes, so a line is overfull only when a single
        // word is wider than the measure. Looseness is not pursued here.
        list.push_back({kInfBad, params_.hyphenate, std::max(0.0, emergency), true, false});
        return list;
    }

    bool forced(std::uint32_t b) const {
        return b >= n_ || (items_[b].kind == Item::Kind::Penalty && items_[b].penalty <= text::kForcedBreak);
    }

    // A line never starts with glue or a penalty: they vanish at a break, as in TeX. A forced
    // break is kept, so two in a row make an empty line.
    std::uint32_t skip_discardable(std::uint32_t i) const {
        while (i < n_ && items_[i].kind != Item::Kind::Box && !forced(i)) ++i;
        return i;
    }

    bool legal(std::uint32_t b, const Pass& pass) const {
        const Item& item = items_[b];
        switch (item.kind) {
        case Item::Kind::Box: return false;
        case Item::Kind::Glue: return b > 0 && items_[b - 1].kind == Item::Kind::Box;
        case Item::Kind::Penalty:
            if (item.penalty >= kInfPenalty) return false;
            return item.edit != text::BreakEdit::InsertHyphen || pass.hyphenate;
        }
        return false;
    }

    int penalty_at(std::uint32_t b) const {
        if (b >= n_) return text::kForcedBreak;
        const Item& item = items_[b];
        if (item.kind != Item::Kind::Penalty) return 0;
        return item.penalty;
    }

    // Step 2: one pass over the legal breaks. Returns the node chosen at the paragraph's end, or
    // nullopt when the pass found no way through (the next pass takes over).
    std::optional<std::int32_t> compute_breaks(const Pass& pass, std::uint32_t first) {
        nodes_.clear();
        active_.clear();
        nodes_.push_back({0, 0, kDecent, false, 0, 0, -1, first});
        active_.push_back(0);
        for (std::uint32_t b = first; b <= n_; ++b) {
            if (b < n_ && !legal(b, pass)) continue;
            try_break(b, pass);
            if (active_.empty()) return std::nullopt;
        }
        return choose_last(pass);
    }

    void try_break(std::uint32_t b, const Pass& pass) {
        const bool is_forced = forced(b);
        const int penalty = penalty_at(b);
        const double penalty_width = b < n_ && items_[b].kind == Item::Kind::Penalty ? items_[b].width : 0;
        const bool flagged = b < n_ && items_[b].flagged;
        const bool by_line = loose(pass);  // looseness needs nodes told apart by line count

        std::vector<Candidate>& best = best_;  // the cheapest way here per fitness class (and line count)
        best.clear();
        std::int32_t last_dropped = -1;
        std::vector<std::int32_t>& still_active = still_active_;
        still_active.clear();
        for (std::int32_t a : active_) {
            const Node& from = nodes_[static_cast<std::size_t>(a)];
            if (from.start > b || (from.start == b && !is_forced)) {  // no line can end here yet
                still_active.push_back(a);
                continue;
            }
            double width = params_.line_width(from.line) + (params_.protrusion ? protrusion(mp_, from.start, b, params_) : 0);
            double natural = width_[b] - width_[from.start];
            double stretch = stretch_[b] - stretch_[from.start] + pass.background_stretch;
            double shrink = shrink_[b] - shrink_[from.start];
            if (params_.ragged()) stretch += params_.ragged_stretch_em * params_.em;
            double shortfall = width - natural - penalty_width;

            // Once the text itself (without a hyphen that this break would add) no longer fits,
            // no later break can fit either: the node retires.
            bool retire = is_forced || natural - shrink > width;
            bool too_tight = shortfall < 0 && -shortfall > shrink;
            double bad = 0;
            int fit = kDecent;
            if (shortfall >= 0) {
                bad = is_forced ? 0 : badness(shortfall, stretch, 0);  // \parfillskip: infinite stretch
                fit = is_forced ? kDecent : fitness_of(bad, true);
            } else if (!too_tight) {
                bad = badness(shortfall, 0, shrink);
                fit = fitness_of(bad, false);
            }
            // a hyphen limit (InDesign's "hyphen limit", beyond TeX) rules the break out, except in
            // the last resort, where going past it costs dearly but beats a line sticking out (a
            // word written with a soft hyphen after every syllable has no other breaks)
            bool hyphen_limit = flagged && params_.max_hyphen_run > 0 && from.hyphens >= params_.max_hyphen_run;
            if (!too_tight && bad <= pass.tolerance && (!hyphen_limit || pass.final)) {
                double d = demerits(bad, penalty, flagged || b >= n_, b >= n_, from, fit);
                if (hyphen_limit) d += kSaturatedDemerits;
                add_candidate(best, {from.total + d, a, fit, from.line + 1, hyphens_after(from, flagged)}, by_line);
            }
            if (retire) last_dropped = a;
            else still_active.push_back(a);
        }
        active_.swap(still_active);

        // The last resort: nothing fits, so the line from the most recent break that retired here
        // is taken as it is, overfull (TeX's artificial demerits).
        if (pass.final && best.empty() && active_.empty() && last_dropped >= 0) {
            const Node& from = nodes_[static_cast<std::size_t>(last_dropped)];
            best.push_back({from.total, last_dropped, kDecent, from.line + 1, hyphens_after(from, flagged)});
        }
        if (best.empty()) return;
        std::uint32_t start = b < n_ ? skip_discardable(b + 1) : n_;
        for (const auto& c : best) {
            // A class costlier than the best by more than a fitness change costs can never win
            // (TeX §836), compared among nodes with as many hyphens in a row: fewer may go on
            // where more are stopped by the hyphen limit.
            double minimum = c.total;
            for (const auto& other : best) {
                if (other.hyphens == c.hyphens) minimum = std::min(minimum, other.total);
            }
            if (!by_line && c.total > minimum + params_.adj_demerits) continue;
            nodes_.push_back({b, c.line, c.fitness, flagged, c.hyphens, c.total, c.prev, start});
            active_.push_back(static_cast<std::int32_t>(nodes_.size() - 1));
        }
    }

    // Hyphenated lines in a row after a break. Counted up to the hyphen limit only: past it every
    // count is the same to the breaker, and nodes told apart by it would grow with every line.
    int hyphens_after(const Node& from, bool flagged) const {
        return flagged ? std::min(from.hyphens + 1, std::max(params_.max_hyphen_run, 1)) : 0;
    }

    bool loose(const Pass& pass) const { return params_.looseness != 0 && !pass.final; }

    double demerits(double bad, int penalty, bool flagged_here, bool at_end, const Node& from, int fit) const {
        double l = params_.line_penalty + bad;
        double d = std::abs(l) >= kInfBad ? kSaturatedDemerits : l * l;
        if (penalty > 0) d += static_cast<double>(penalty) * penalty;
        else if (penalty > text::kForcedBreak) d -= static_cast<double>(penalty) * penalty;
        // The paragraph's end counts as a hyphenated break, so that a penultimate line ending
        // with a hyphen costs \finalhyphendemerits (TeX §859, §873).
        if (flagged_here && from.flagged) d += at_end ? params_.final_hyphen_demerits : params_.double_hyphen_demerits;
        if (std::abs(fit - from.fitness) > 1) d += params_.adj_demerits;
        return d;
    }

    static void add_candidate(std::vector<Candidate>& best, const Candidate& c, bool by_line) {
        for (auto& have : best) {
            if (have.fitness == c.fitness && have.hyphens == c.hyphens && (!by_line || have.line == c.line)) {
                if (c.total < have.total) have = c;
                return;
            }
        }
        best.push_back(c);
    }

    // Among the nodes at the paragraph's end: the fewest demerits, or with \looseness the line
    // count nearest to the optimum's plus looseness (TeX §875).
    std::optional<std::int32_t> choose_last(const Pass& pass) const {
        std::int32_t best = -1;
        for (std::int32_t a : active_) {
            if (nodes_[static_cast<std::size_t>(a)].position != n_) continue;
            if (best < 0 || nodes_[static_cast<std::size_t>(a)].total < nodes_[static_cast<std::size_t>(best)].total) best = a;
        }
        if (best < 0) return std::nullopt;
        if (!loose(pass)) return best;
        long optimum = nodes_[static_cast<std::size_t>(best)].line;
        long wanted = optimum + params_.looseness;
        std::int32_t chosen = best;
        long chosen_distance = std::labs(wanted - optimum);
        for (std::int32_t a : active_) {
            const Node& node = nodes_[static_cast<std::size_t>(a)];
            if (node.position != n_) continue;
            long distance = std::labs(wanted - static_cast<long>(node.line));
            const Node& have = nodes_[static_cast<std::size_t>(chosen)];
            if (distance < chosen_distance || (distance == chosen_distance && node.total < have.total)) {
                chosen = a;
                chosen_distance = distance;
            }
        }
        // TeX tries the next pass when the looseness asked for was not reached in this one
        if (chosen_distance != 0 && !pass.settle) return std::nullopt;
        return chosen;
    }

    // Step 3: read the chosen breaks back from the end and set each line.
    std::vector<Line> finish_breaks(const text::MeasuredParagraph& mp, std::int32_t last) const {
        std::vector<std::int32_t> chain;
        for (std::int32_t k = last; k > 0; k = nodes_[static_cast<std::size_t>(k)].prev) chain.push_back(k);
        std::reverse(chain.begin(), chain.end());
        std::vector<Line> lines;
        lines.reserve(chain.size());
        for (std::int32_t k : chain) {
            const Node& node = nodes_[static_cast<std::size_t>(k)];
            const Node& from = nodes_[static_cast<std::size_t>(node.prev)];
            Line line;
            line.item_begin = from.start;
            line.item_end = node.position;
            line.break_item = node.position;
            line.width = params_.line_width(from.line);
            line.hyphenated = node.flagged;
            while (line.item_end > line.item_begin && items_[line.item_end - 1].kind == Item::Kind::Glue) --line.item_end;
            finish_line(mp, line, params_, forced(node.position));
            lines.push_back(line);
        }
        return lines;
    }
};

}  // namespace

std::vector<Line> break_knuth_plass(const text::MeasuredParagraph& mp, const BreakParams& params) {
    thread_local Scratch scratch;
    return TotalFit(mp, params, scratch).run(mp);
}

}  // namespace compose::para
