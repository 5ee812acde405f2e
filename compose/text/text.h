#pragma once
// Stage "text": styled runs -> a measured paragraph: faces chosen (with fallback), text shaped
// by HarfBuzz, break opportunities found by the Unicode line breaking algorithm (ICU), all as
// boxes, glue and penalties. Measured once; the paragraph breaker never calls HarfBuzz.
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/style/style.h"
#include "compose/text/font_set.h"
#include "compose/text/hyphenate.h"
#include "compose/text/shaper.h"

namespace compose::text {

struct RunInfo {
    FaceId face = 0;
    double size = 10;
    std::string lang;
    std::uint32_t color = 0;
    std::string link;
    double ascent = 0, descent = 0;  // points; descent is negative
    base::SourcePos pos;
    // Itemization: the run's bidi embedding level (UAX #9; odd: right to left, its glyphs stored
    // in visual order within each item) and script (hb_script_t; 0: none, e.g. only spaces).
    std::uint8_t level = 0;
    std::uint32_t script = 0;
    std::optional<base::Role> role;  // the inline element the text belongs to (a person, a quotation)

    bool rtl() const { return (level & 1) != 0; }
};

struct Glyph {
    std::uint32_t id = 0;
    double advance = 0, x_offset = 0, y_offset = 0;  // points
    std::uint32_t cluster = 0;  // byte offset into MeasuredParagraph::text
};

constexpr int kForcedBreak = -10000;  // TeX's "eject": the line must end here
constexpr int kNeverBreak = 10000;    // TeX's infinite penalty: the line never ends here (<nobreak>)

// What breaking at a penalty does to the text (a break opportunity has a kind and an edit):
// nothing (a space, an explicit hyphen, a URL's own break point), or a hyphen drawn at the end
// of the line (a hyphenation point found by the patterns).
enum class BreakEdit : std::uint8_t { None, InsertHyphen };

// Penalties the text stage gives break opportunities (TeX's values where TeX has one).
constexpr int kHyphenPenalty = 50;          // at a hyphenation point (\hyphenpenalty)
constexpr int kExplicitHyphenPenalty = 50;  // after a hyphen in the text (\exhyphenpenalty)
// At a hyphenation point inside one part of a hyphenated compound ("se-curity-related"): a
// second hyphen in one word reads badly, so it is only for lines that are otherwise very loose
// (300² demerits match a line of badness ~290).
constexpr int kCompoundHyphenPenalty = 300;
// Inside a URL or an email address, at one of its own break points: a wrapped address is harder
// to read (and to copy) than a hyphenated word, but far better than one sticking out.
constexpr int kUrlBreakPenalty = 100;
// Between two characters of a word too wide for its table cell: the last resort.
constexpr int kAnywhereBreakPenalty = 1000;

struct Item {
    enum class Kind { Box, Glue, Penalty };
    Kind kind = Kind::Box;
    std::uint32_t run = 0;  // index into MeasuredParagraph::runs
    double width = 0, stretch = 0, shrink = 0;
    int penalty = 0;
    bool flagged = false;   // a hyphen break (for consecutive-hyphen demerits)
    BreakEdit edit = BreakEdit::None;  // penalties: InsertHyphen has the hyphen's width and glyph(s)
    // Character protrusion (microtypography): how far, in points, a line starting with this box
    // may hang into the left margin, and a line ending with it (or with this penalty's hyphen)
    // into the right one, so that the margins look straight to the eye.
    double protrude_left = 0, protrude_right = 0;
    std::uint32_t text_begin = 0, text_end = 0;    // bytes into MeasuredParagraph::text
    std::uint32_t glyph_begin = 0, glyph_end = 0;  // into MeasuredParagraph::glyphs (glue: its space glyph)
};

struct MeasuredParagraph {
    std::string text;
    std::vector<RunInfo> runs;
    std::vector<Glyph> glyphs;
    std::vector<Item> items;
    // Where the text's characters are in the source (base::position_in): the first's position,
    // and anchors wherever the text does not follow the source column by column (a new run, a
    // new source line, after a reference or a soft hyphen).
    base::SourcePos source;
    std::vector<base::TextAnchor> anchors;
};

// The source position of the character at byte `offset` of mp.text (a diagnostic about one word).
base::SourcePos source_position(const MeasuredParagraph& mp, std::uint32_t offset);

// A break opportunity after byte `offset` of the text; `hard` for mandatory breaks (UAX #14 BK etc.).
struct BreakOpportunity {
    std::uint32_t offset = 0;
    bool hard = false;
};

// ---- Bidirectional text (bidi.cpp) ----

// The paragraph embedding level a language implies: 1 for languages written right to left.
std::uint8_t paragraph_level(const std::string& lang);
// The resolved embedding level of every byte of the text (UAX #9 through ICU's ubidi).
std::vector<std::uint8_t> bidi_levels(const std::string& utf8, std::uint8_t paragraph_level);
// UAX #9 rule L2 over a line's pieces with these levels: the logical index of the piece shown
// first (leftmost), second, …
std::vector<std::uint32_t> visual_order(const std::vector<std::uint8_t>& levels);
// The script of a character as hb_script_t; 0 for Common and Inherited (spaces, digits, marks).
std::uint32_t script_tag(char32_t cp);

// UAX #14 break opportunities through ICU, as byte offsets (the end of the text is not included).
std::vector<BreakOpportunity> line_break_opportunities(const std::string& utf8, const std::string& lang);

class Measurer {
public:
    Measurer(FontSet& fonts, std::vector<std::string> fallback_families)
        : fonts_(fonts), shaper_(fonts), fallback_(std::move(fallback_families)) {}

    // Measures a paragraph; words are hyphenated (flagged penalties at the points the language's
    // patterns allow) when its style says so, never inside URLs and email addresses.
    // `break_anywhere`: a word wider than this (a table cell's measure) may also break between any
    // two characters, at a high penalty, as the last resort (0: never).
    MeasuredParagraph measure(const style::Paragraph& para, base::Diagnostics& diags, double break_anywhere = 0);
    // The same into `into`, whose buffers are reused (measuring many paragraphs only to look at them).
    void measure(const style::Paragraph& para, base::Diagnostics& diags, MeasuredParagraph& into);
    FontSet& fonts() { return fonts_; }
    Shaper& shaper() { return shaper_; }
    // The document's hyphenation exceptions go here (Hyphenator::add_exception).
    Hyphenator& hyphenator() { return hyphenator_; }
    // The "marks" limit: a letter with more combining marks in a row is an error, the rest of them
    // left out (shaping a letter costs the square of its marks).
    void set_max_marks(std::uint64_t max) { max_marks_ = max; }
    // A character no font has is an error (the default); allowed, it is a warning per place and
    // draws the style's font's .notdef (a visible box): --allow-missing-glyphs.
    void set_allow_missing_glyphs(bool allow) { allow_missing_glyphs_ = allow; }

private:
    // The steps of measure(), in order (measure.cpp): the text and its runs, where lines may
    // break, then boxes, glue and penalties.
    struct Itemization;
    struct Breaks;
    void itemize(const style::Paragraph& para, base::Diagnostics& diags, MeasuredParagraph& mp, Itemization& out);
    void break_opportunities(const style::Paragraph& para, const Itemization& itemized, base::Diagnostics& diags,
                             MeasuredParagraph& mp, Breaks& out);
    void build_items(const style::Paragraph& para, const Itemization& itemized, const Breaks& breaks,
                     base::Diagnostics& diags, MeasuredParagraph& mp);
    FaceId face_for(const style::Run& run, base::Diagnostics& diags);
    void report_missing(char32_t cp, const base::SourcePos& pos, base::Diagnostics& diags);
    struct HyphenPoint {
        std::uint32_t offset;  // into MeasuredParagraph::text
        int penalty;
        bool hyphen = true;  // false: a break with nothing drawn (a word broken between characters)
    };
    std::vector<HyphenPoint> hyphen_points(const MeasuredParagraph& mp, const RunInfo& run, std::uint32_t begin,
                                           std::uint32_t end, const std::vector<std::uint32_t>& soft_hyphens,
                                           bool patterns, bool capitals);
    void add_box(MeasuredParagraph& mp, Item box, const std::vector<HyphenPoint>& points, base::Diagnostics& diags);
    std::uint32_t add_hyphen_glyphs(MeasuredParagraph& mp, const RunInfo& run, std::uint32_t cluster,
                                    base::Diagnostics& diags);
    FontSet& fonts_;
    Shaper shaper_;
    std::vector<std::string> fallback_;
    Hyphenator hyphenator_;
    std::uint64_t max_marks_ = base::Limits{}.marks;
    std::set<std::string> warned_languages_;  // languages whose missing patterns were reported
    std::set<std::tuple<std::string, int, int, char32_t>> missing_reported_;  // file, line, col, character
    bool allow_missing_glyphs_ = false;
    double break_anywhere_ = 0;  // during measure(): see its parameter
};

}  // namespace compose::text
