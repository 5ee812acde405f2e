#include <algorithm>
#include <set>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "compose/base/utf8.h"
#include "compose/text/size_adjust.h"
#include "compose/text/text.h"

namespace compose::text {
namespace {

constexpr char32_t kLineSeparator = 0x2028;  // what style makes of <br/>
constexpr char32_t kSoftHyphen = 0x00AD;     // the author's hyphenation point

// Glue for an interword space, from the font's own space: TeX's defaults for Computer Modern
// are stretch 1/2 and shrink 1/3 of the space.
constexpr double kSpaceStretch = 0.5;
constexpr double kCjkStretchEm = 0.1;  // between two ideographs, per em of the run's size
constexpr double kSpaceShrink = 1.0 / 3.0;

bool is_url_break_char(char c) { return c == '/' || c == '.' || c == '@' || c == '-'; }

// Whitespace-delimited pieces of the text that are URLs or email addresses: they get no
// hyphens, and extra break points (see break_opportunities).
// A piece counts if it has "://", starts with "www.", has an "@" followed by a "." or lies in a
// link run to an http(s) or mailto target and has one of those characters.
std::vector<std::pair<std::uint32_t, std::uint32_t>> url_spans(const std::string& text,
                                                                const std::vector<RunInfo>& runs,
                                                                const std::vector<std::uint32_t>& run_begin) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    auto linked = [&](std::uint32_t offset) {
        std::size_t r = static_cast<std::size_t>(std::upper_bound(run_begin.begin(), run_begin.end(), offset) - run_begin.begin());
        if (r == 0 || r > runs.size()) return false;
        const std::string& link = runs[r - 1].link;
        return link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0 || link.rfind("mailto:", 0) == 0;
    };
    auto separator = [&](std::size_t k) { return text[k] == '\xE2' && text.compare(k, 3, "\u2028") == 0; };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\n' && !separator(i)) ++i;
        if (i == start) {
            if (i < text.size()) i += 3;  // a line separator
            continue;
        }
        std::string_view piece(text.data() + start, i - start);
        auto at = piece.find('@');
        bool url = piece.find("://") != std::string_view::npos || piece.rfind("www.", 0) == 0 ||
                   (at != std::string_view::npos && at > 0 && piece.find('.', at) != std::string_view::npos) ||
                   (linked(static_cast<std::uint32_t>(start)) && piece.find_first_of("/.@") != std::string_view::npos);
        if (url) spans.emplace_back(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i));
    }
    return spans;
}

bool is_letter(char32_t cp) { return u_isUAlphabetic(static_cast<UChar32>(cp)); }

// Han ideographs and kana: set without spaces, a line may break between any two (where ICU's
// kinsoku rules allow), and a justified line is filled by spacing them a little apart.
bool is_cjk_character(char32_t cp) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &error);
    return U_SUCCESS(error) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA);
}

// The code point that ends at byte `end` of valid UTF-8 text, and the one that starts there.
char32_t code_point_before(const std::string& text, std::uint32_t end) {
    std::size_t start = end;
    while (start > 0 && base::is_continuation_byte(text[start - 1])) --start;
    if (start > 0) --start;
    return base::next_code_point(text, start);
}
char32_t code_point_at(const std::string& text, std::uint32_t at) {
    std::size_t i = at;
    return base::next_code_point(text, i);
}

// Character protrusion, as a fraction of the glyph's advance (microtype's defaults for text
// fonts, rounded): light marks hang far into the margin, heavier ones less, letters not at all.
double protrusion_right(char32_t cp) {
    switch (cp) {
    case '.': case ',': case '-': case 0x2010: case 0x2011:  // full stop, comma, hyphens
    case 0x2019: case 0x201D: case '\'': case '"':        // closing quotes
        return 0.7;
    case ':': case ';': case 0x2013:  // en dash
        return 0.5;
    case 0x2014:  // em dash
        return 0.3;
    case '!': case '?':
        return 0.2;
    default: return 0;
    }
}

double protrusion_left(char32_t cp) {
    switch (cp) {
    case 0x2018: case 0x201C: case '\'': case '"':  // opening quotes
        return 0.7;
    case 0x2013: return 0.5;
    case 0x2014: return 0.3;
    default: return 0;
    }
}

// The advance of the glyph(s) showing the character at byte `at` of the text, within [begin, end).
double advance_of(const MeasuredParagraph& mp, std::uint32_t begin, std::uint32_t end, std::uint32_t at) {
    double sum = 0;
    for (auto g = begin; g < end; ++g) {
        if (mp.glyphs[g].cluster == at) sum += mp.glyphs[g].advance;
    }
    return sum;
}

void set_protrusion(const MeasuredParagraph& mp, Item& box) {
    if (box.text_end <= box.text_begin || box.glyph_end <= box.glyph_begin) return;
    if (mp.runs[box.run].rtl()) return;  // its first character is drawn at its right
    std::size_t i = box.text_begin;
    char32_t first = base::next_code_point(mp.text, i);
    box.protrude_left = protrusion_left(first) * advance_of(mp, box.glyph_begin, box.glyph_end, box.text_begin);
    std::uint32_t last_at = box.text_end - 1;
    while (last_at > box.text_begin && (static_cast<unsigned char>(mp.text[last_at]) & 0xC0) == 0x80) --last_at;
    std::size_t k = last_at;
    char32_t last = base::next_code_point(mp.text, k);
    box.protrude_right = protrusion_right(last) * advance_of(mp, box.glyph_begin, box.glyph_end, last_at);
}

}  // namespace

std::uint32_t Measurer::add_hyphen_glyphs(MeasuredParagraph& mp, const RunInfo& run, std::uint32_t cluster,
                                          base::Diagnostics& diags) {
    double scale = run.size / fonts_.metrics(run.face, diags).units_per_em;
    const auto& shaped = shaper_.shape(run.face, run.lang, "-", diags);
    for (const auto& g : shaped) {
        mp.glyphs.push_back({g.id, g.advance * scale, g.x_offset * scale, g.y_offset * scale, cluster});
    }
    return static_cast<std::uint32_t>(shaped.size());
}

// Hyphenation points inside the box's text [begin, end): byte offsets into mp.text, with their
// penalties. Words are runs of letters (an apostrophe or a digit ends one); words in all capitals
// (acronyms) are left whole; the parts of a hyphenated compound are hyphenated at a higher
// penalty (pdfTeX never does; LuaTeX does). A word the author gave soft hyphens (U+00AD, removed
// from the text; `soft_hyphens` holds where they stood, sorted) is hyphenated there and nowhere
// else, as TeX does with \-, even where the style does not hyphenate; other words only if
// `patterns`.
std::vector<Measurer::HyphenPoint> Measurer::hyphen_points(const MeasuredParagraph& mp, const RunInfo& run,
                                                           std::uint32_t begin, std::uint32_t end,
                                                           const std::vector<std::uint32_t>& soft_hyphens,
                                                           bool patterns, bool capitals) {
    std::vector<HyphenPoint> points;
    const std::string& text = mp.text;
    std::size_t i = begin;
    while (i < end) {
        std::size_t word_begin = i;
        char32_t cp = base::next_code_point(text, i);
        if (!is_letter(cp)) continue;
        std::size_t word_end = i;
        bool capitalised = u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
        bool upper_only = u_isupper(static_cast<UChar32>(cp));
        while (i < end) {
            std::size_t k = i;
            char32_t next = base::next_code_point(text, k);
            if (!is_letter(next)) break;
            upper_only = upper_only && !u_islower(static_cast<UChar32>(next));
            i = k;
            word_end = k;
        }
        bool compound = (word_begin > 0 && text[word_begin - 1] == '-') || (word_end < text.size() && text[word_end] == '-');
        auto soft = std::upper_bound(soft_hyphens.begin(), soft_hyphens.end(), static_cast<std::uint32_t>(word_begin));
        if (soft != soft_hyphens.end() && *soft < word_end) {
            for (; soft != soft_hyphens.end() && *soft < word_end; ++soft) points.push_back({*soft, kHyphenPenalty});
            continue;
        }
        if (upper_only || !patterns || (capitalised && !capitals)) continue;
        std::string_view word(text.data() + word_begin, word_end - word_begin);
        for (auto p : hyphenator_.points(word, run.lang)) {
            points.push_back({static_cast<std::uint32_t>(word_begin + p), compound ? kCompoundHyphenPenalty : kHyphenPenalty});
        }
    }
    return points;
}

FaceId Measurer::face_for(const style::Run& run, base::Diagnostics& diags) {
    if (auto id = fonts_.find(run.family, run.bold, run.italic)) return *id;
    for (const auto& family : fallback_) {
        if (auto id = fonts_.find(family, run.bold, run.italic)) {
            diags.warning(run.pos, "font family '" + run.family + "' is not among the bundled fonts; using '" + family + "'");
            return *id;
        }
    }
    if (fonts_.size() == 0) {
        diags.error(run.pos, "no fonts are available");
        throw base::Fatal{};
    }
    diags.warning(run.pos, "font family '" + run.family + "' is not among the bundled fonts");
    return 0;
}

// A character no font has is an error at the character itself, naming its script and the fonts
// that would cover it; once per place in the source, however often its paragraph is measured.
void Measurer::report_missing(char32_t cp, const base::SourcePos& pos, base::Diagnostics& diags) {
    if (!missing_reported_.insert({pos.file ? *pos.file : std::string(), pos.line, pos.col, cp}).second) return;
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    std::string shown;
    base::append_utf8(shown, cp);
    std::vector<std::string> hints;
    std::string package = font_package_for(cp);
    if (!package.empty()) hints.push_back("apt-get install " + package + " adds a font that has it");
    diags.add({allow_missing_glyphs_ ? base::Severity::Warning : base::Severity::Error, pos,
               std::string("no font has the character ") + hex + " '" + shown + "' (" + script_name(cp) + ")",
               std::move(hints)});
}

// What itemize() found beside the text and runs it put in the paragraph.
struct Measurer::Itemization {
    std::vector<std::uint32_t> run_begin;     // byte offset where each of mp.runs starts, and the text's end
    std::vector<std::uint32_t> soft_hyphens;  // where the source's soft hyphens stood in mp.text
    std::vector<std::pair<std::uint32_t, std::uint32_t>> unbreakable;  // <nobreak> phrases in mp.text

    bool in_phrase(std::uint32_t offset) const {  // strictly inside an unbreakable phrase
        for (const auto& [from, to] : unbreakable) {
            if (offset > from && offset < to) return true;
        }
        return false;
    }
};

// Where lines may break: the cuts between pieces (break opportunities and run boundaries), the
// break opportunities themselves, and the URLs, which break at their own points.
struct Measurer::Breaks {
    std::vector<std::uint32_t> cuts;
    std::vector<std::uint32_t> soft_breaks;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> urls;

    bool in_url(std::uint32_t offset) const {  // strictly inside a URL
        for (const auto& [from, to] : urls) {
            if (offset > from && offset < to) return true;
        }
        return false;
    }
    bool soft_break(std::uint32_t b) const { return std::binary_search(soft_breaks.begin(), soft_breaks.end(), b); }
};

MeasuredParagraph Measurer::measure(const style::Paragraph& para, base::Diagnostics& diags, double break_anywhere) {
    MeasuredParagraph mp;
    break_anywhere_ = break_anywhere;
    measure(para, diags, mp);
    break_anywhere_ = 0;
    return mp;
}

void Measurer::measure(const style::Paragraph& para, base::Diagnostics& diags, MeasuredParagraph& mp) {
    mp.text.clear();
    mp.runs.clear();
    mp.glyphs.clear();
    mp.items.clear();
    mp.source = {};
    mp.anchors.clear();
    Itemization itemized;
    itemize(para, diags, mp, itemized);
    Breaks breaks;
    break_opportunities(para, itemized, diags, mp, breaks);
    build_items(para, itemized, breaks, diags, mp);
}

void Measurer::itemize(const style::Paragraph& para, base::Diagnostics& diags, MeasuredParagraph& mp, Itemization& out) {
    auto& run_begin = out.run_begin;
    auto& soft_hyphens = out.soft_hyphens;
    auto& unbreakable = out.unbreakable;
    // 1. one text; a run per stretch of one face, direction and script (itemization). A
    //    character the style's face lacks comes from the first fallback family that has it; a
    //    space keeps the face of the character before it, so that a right-to-left name stays one run.
    std::string all;
    for (const auto& run : para.runs) all += run.text;
    mp.text.reserve(all.size());
    std::uint8_t base_level = paragraph_level(para.runs.empty() ? std::string() : para.runs.front().lang);
    const auto levels = bidi_levels(all, base_level);
    std::size_t run_offset = 0;                 // where the run starts in `all`
    for (const auto& run : para.runs) {
        auto run_start = static_cast<std::uint32_t>(mp.text.size());
        FaceId primary = face_for(run, diags);
        FaceId previous = primary;
        std::size_t i = 0;
        std::uint64_t marks = 0;  // combining marks in a row so far
        // the source position of the character at `start`, kept up as the text is read (the
        // streaming form of base::position_in), and whether mp.marks needs a mark at the next one
        int line = run.pos.line, col = run.pos.col;  // (ints: a SourcePos copy per character would cost)
        std::size_t next_anchor = 0;
        bool mark = true;
        // whether the last run info so far has this run's position, link, size, colour and
        // language (compared once here, not at every character); the infos this run adds have
        const std::size_t infos_before = mp.runs.size();
        const bool alike_before = !mp.runs.empty() && mp.runs.back().pos.line == run.pos.line &&
                                  mp.runs.back().pos.col == run.pos.col && mp.runs.back().link == run.link &&
                                  mp.runs.back().size == run.size && mp.runs.back().color == run.color &&
                                  mp.runs.back().lang == run.lang && mp.runs.back().role == run.role;
        while (i < run.text.size()) {
            std::size_t start = i;
            char32_t cp = base::next_code_point(run.text, i);
            for (; next_anchor < run.anchors.size() && run.anchors[next_anchor].offset <= start; ++next_anchor) {
                line = run.anchors[next_anchor].line;
                col = run.anchors[next_anchor].col;
                mark = true;
            }
            const int at_col = col++;
            if (cp == kSoftHyphen) {  // a hyphenation point, not a character of the text
                mark = true;
                if (soft_hyphens.empty() || soft_hyphens.back() != mp.text.size()) {
                    soft_hyphens.push_back(static_cast<std::uint32_t>(mp.text.size()));
                }
                continue;
            }
            if (cp >= 0x300 && (U_MASK(u_charType(static_cast<UChar32>(cp))) & U_GC_M_MASK) != 0) {
                if (++marks == max_marks_ + 1) {
                    diags.error(base::position_in(run.pos, run.anchors, run.text, start),
                                "more than " + std::to_string(max_marks_) + " combining marks in a row on one letter",
                                {base::raise_hint("marks")});
                }
                if (marks > max_marks_) {
                    mark = true;
                    continue;
                }
            } else {
                marks = 0;
            }
            std::uint32_t begin = static_cast<std::uint32_t>(mp.text.size());
            std::uint8_t level = levels[run_offset + start];
            bool keep = cp == ' ' && previous != primary && !mp.runs.empty() && mp.runs.back().level == level &&
                        fonts_.has_glyph(previous, cp, diags);
            FaceId face = keep ? previous : primary;
            if (cp != kLineSeparator && cp != ' ' && !fonts_.has_glyph(primary, cp, diags)) {
                if (auto id = fonts_.fallback(cp, fallback_, run.bold, run.italic, run.lang, diags)) {
                    face = *id;
                } else {
                    report_missing(cp, base::position_in(run.pos, run.anchors, run.text, start), diags);
                }
            }
            previous = face;
            std::uint32_t script = script_tag(cp);
            if (mark && run.pos.known()) {
                if (!mp.source.known()) mp.source = run.pos;
                mp.anchors.push_back({begin, line, at_col});
            }
            mark = false;
            mp.text.append(run.text.data() + start, i - start);
            bool same = (mp.runs.size() > infos_before || alike_before) && mp.runs.back().face == face &&
                        mp.runs.back().level == level &&
                        (script == 0 || mp.runs.back().script == 0 || mp.runs.back().script == script);
            if (same && mp.runs.back().script == 0) mp.runs.back().script = script;
            if (!same) {
                // a system font found for a character sets its glyphs in the line the style's font
                // made: its own ascent and descent would move the baseline (lines of mixed scripts
                // keep their leading)
                auto metrics = fonts_.metrics(fonts_.info(face).system ? primary : face, diags);
                // and its x-height matched to the style font's (size_adjust.h): the glyphs
                // scaled, the line's ascent and descent the style's
                double size = run.size * fallback_scale(fonts_, primary, face, diags);
                RunInfo info{face, size, run.lang, run.color, run.link, metrics.ascender * run.size,
                             metrics.descender * run.size, run.pos, level, script, run.role};
                mp.runs.push_back(std::move(info));
                run_begin.push_back(begin);
            }
        }
        run_offset += run.text.size();
        if (run.nobreak) {
            auto run_end = static_cast<std::uint32_t>(mp.text.size());
            if (!unbreakable.empty() && unbreakable.back().second == run_start) unbreakable.back().second = run_end;
            else unbreakable.emplace_back(run_start, run_end);
        }
    }
    run_begin.push_back(static_cast<std::uint32_t>(mp.text.size()));
}

void Measurer::break_opportunities(const style::Paragraph& para, const Itemization& itemized, base::Diagnostics& diags,
                                   MeasuredParagraph& mp, Breaks& out) {
    const auto& run_begin = itemized.run_begin;
    auto& cuts = out.cuts;
    auto& soft_breaks = out.soft_breaks;
    // 2. break opportunities (UAX #14)
    std::string lang = para.runs.empty() ? std::string("en") : para.runs.front().lang;
    auto breaks = line_break_opportunities(mp.text, lang);
    // sorted vectors, not std::set: a long paragraph has tens of thousands of cuts
    cuts.reserve(breaks.size() + run_begin.size() + 1);
    for (const auto& b : breaks) cuts.push_back(b.offset);
    for (auto b : run_begin) cuts.push_back(b);
    cuts.push_back(static_cast<std::uint32_t>(mp.text.size()));
    soft_breaks.reserve(breaks.size());
    for (const auto& b : breaks) soft_breaks.push_back(b.offset);

    // 2b. URLs and email addresses: their own break points, and no hyphenation
    out.urls = url_spans(mp.text, mp.runs, run_begin);
    for (const auto& [from, to] : out.urls) {
        // as the Chicago Manual has it: after a slash, before a dot, an "@" or a hyphen (so that
        // no line ends on a dot, and a hyphen at a line's start is not taken for hyphenation);
        // these instead of the ones UAX #14 finds inside the address
        std::erase_if(soft_breaks, [from = from, to = to](std::uint32_t b) { return b > from && b < to; });
        for (std::uint32_t k = from; k + 1 < to; ++k) {
            char c = mp.text[k], next = mp.text[k + 1];
            std::uint32_t at = 0;
            if (c == '/' && next != '/') at = k + 1;
            else if (k > from && (c == '.' || c == '@' || c == '-') && !is_url_break_char(mp.text[k - 1])) at = k;
            if (at > from) {
                cuts.push_back(at);
                soft_breaks.push_back(at);
            }
        }
    }
    auto sort_unique = [](std::vector<std::uint32_t>& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    sort_unique(cuts);
    if (!cuts.empty() && cuts.front() == 0) cuts.erase(cuts.begin());
    sort_unique(soft_breaks);
    if (!itemized.unbreakable.empty()) {
        std::erase_if(soft_breaks, [&](std::uint32_t b) { return itemized.in_phrase(b); });
    }
    mp.items.reserve(2 * cuts.size() + 1);
    mp.glyphs.reserve(mp.text.size() + cuts.size());
    if (para.style.hyphenate) {
        for (const auto& run : mp.runs) {
            if (hyphenation_rules(run.lang) && !hyphenator_.available(run.lang) && warned_languages_.insert(primary_language(run.lang)).second) {
                auto rules = hyphenation_rules(run.lang);
                diags.add({base::Severity::Note, run.pos,
                           "no hyphenation patterns for language '" + run.lang + "' were found in " +
                               std::string(kHyphenDictionaryDir) + "; its words are not hyphenated",
                           {"apt-get install " + rules->package}});
            }
        }
    }
}

void Measurer::build_items(const style::Paragraph& para, const Itemization& itemized, const Breaks& breaks,
                           base::Diagnostics& diags, MeasuredParagraph& mp) {
    const auto& run_begin = itemized.run_begin;
    const auto& soft_hyphens = itemized.soft_hyphens;
    const auto& unbreakable = itemized.unbreakable;
    const bool hyphenate = para.style.hyphenate;
    auto in_phrase = [&](std::uint32_t offset) { return itemized.in_phrase(offset); };
    auto in_url = [&](std::uint32_t offset) { return breaks.in_url(offset); };
    auto soft_break = [&](std::uint32_t b) { return breaks.soft_break(b); };
    // 3. boxes, glue and penalties, piece by piece
    std::uint32_t a = 0;
    std::size_t r = 0;
    for (std::uint32_t b : breaks.cuts) {
        while (r + 1 < run_begin.size() - 1 && run_begin[r + 1] <= a) ++r;
        const RunInfo& run = mp.runs[r];
        double scale = run.size / fonts_.metrics(run.face, diags).units_per_em;
        // trailing spaces and line separators are not part of the box
        std::uint32_t s = b;
        while (s > a) {
            if (mp.text[s - 1] == ' ') { --s; continue; }
            if (s - a >= 3 && mp.text.compare(s - 3, 3, "\u2028") == 0) { s -= 3; continue; }
            break;
        }
        auto add_glyphs = [&](std::uint32_t from, std::uint32_t to) {
            std::string_view piece = std::string_view(mp.text).substr(from, to - from);
            const auto& shaped = shaper_.shape(run.face, run.lang, piece, diags, {run.rtl(), run.script});
            for (const auto& g : shaped) {
                mp.glyphs.push_back({g.id, g.advance * scale, g.x_offset * scale, g.y_offset * scale, g.cluster + from});
            }
        };
        if (s > a) {
            Item box;
            box.kind = Item::Kind::Box;
            box.run = static_cast<std::uint32_t>(r);
            box.text_begin = a;
            box.text_end = s;
            box.glyph_begin = static_cast<std::uint32_t>(mp.glyphs.size());
            add_glyphs(a, s);
            box.glyph_end = static_cast<std::uint32_t>(mp.glyphs.size());
            std::vector<HyphenPoint> points;
            // right-to-left words are not hyphenated (and their glyphs run against the text)
            bool soft = std::lower_bound(soft_hyphens.begin(), soft_hyphens.end(), a) !=
                        std::lower_bound(soft_hyphens.begin(), soft_hyphens.end(), s);
            bool whole = std::any_of(unbreakable.begin(), unbreakable.end(),  // a word of a <nobreak> phrase
                                     [&](const auto& span) { return a < span.second && s > span.first; });
            if ((hyphenate || soft) && !whole && !run.rtl() && !in_url(a) && !in_url(s > a ? s - 1 : a)) {
                // a person's name is not hyphenated (only at the author's soft hyphens)
                points = hyphen_points(mp, run, a, s, soft_hyphens,
                                       hyphenate && (run.role != base::Role::Person || para.style.hyphenate_names),
                                       para.style.hyphenate_capitals);
            }
            if (break_anywhere_ > 0) {
                double width = 0;
                for (auto g = box.glyph_begin; g < box.glyph_end; ++g) width += mp.glyphs[g].advance;
                if (width > break_anywhere_) {
                    // too wide for its cell whatever the breaker does: between any two characters
                    // (a point inside a cluster is dropped by add_box)
                    for (std::uint32_t k = a + 1; k < s; ++k) {
                        if (!base::is_continuation_byte(mp.text[k])) {
                            points.push_back({k, kAnywhereBreakPenalty, false});
                        }
                    }
                    std::stable_sort(points.begin(), points.end(),
                                     [](const HyphenPoint& x, const HyphenPoint& y) { return x.offset < y.offset; });
                    points.erase(std::unique(points.begin(), points.end(),
                                             [](const HyphenPoint& x, const HyphenPoint& y) { return x.offset == y.offset; }),
                                 points.end());
                }
            }
            add_box(mp, box, points, diags);
        }
        bool ended_with_space = false;
        for (std::uint32_t k = s; k < b;) {
            if (mp.text[k] == ' ') {
                if (in_phrase(k)) {  // a space inside a <nobreak> phrase: a tie, as TeX's ~
                    Item tie;
                    tie.kind = Item::Kind::Penalty;
                    tie.run = static_cast<std::uint32_t>(r);
                    tie.penalty = kNeverBreak;
                    tie.text_begin = tie.text_end = k;
                    mp.items.push_back(tie);
                }
                Item glue;
                glue.kind = Item::Kind::Glue;
                glue.run = static_cast<std::uint32_t>(r);
                glue.text_begin = k;
                glue.text_end = k + 1;
                glue.glyph_begin = static_cast<std::uint32_t>(mp.glyphs.size());
                add_glyphs(k, k + 1);
                glue.glyph_end = static_cast<std::uint32_t>(mp.glyphs.size());
                for (auto g = glue.glyph_begin; g < glue.glyph_end; ++g) glue.width += mp.glyphs[g].advance;
                glue.stretch = glue.width * kSpaceStretch;
                glue.shrink = glue.width * kSpaceShrink;
                mp.items.push_back(glue);
                ended_with_space = true;
                k += 1;
            } else {  // U+2028, a forced break
                Item forced;
                forced.kind = Item::Kind::Penalty;
                forced.run = static_cast<std::uint32_t>(r);
                forced.penalty = kForcedBreak;
                forced.text_begin = k;
                forced.text_end = k + 3;
                mp.items.push_back(forced);
                ended_with_space = false;
                k += 3;
                if (k == b) ended_with_space = true;  // nothing more to add at this cut
            }
        }
        if (!ended_with_space && soft_break(b) && b < mp.text.size()) {
            Item penalty;
            penalty.kind = Item::Kind::Penalty;
            penalty.run = static_cast<std::uint32_t>(r);
            penalty.text_begin = penalty.text_end = b;
            bool after_hyphen = b > 0 && (mp.text[b - 1] == '-');
            if (b > 0 && is_cjk_character(code_point_before(mp.text, b)) && is_cjk_character(code_point_at(mp.text, b))) {
                // between two ideographs: glue of no width that a justified line may stretch
                // (0.1 em, as CJK typesetting spaces its characters), where the line may also end
                Item glue;
                glue.kind = Item::Kind::Glue;
                glue.run = static_cast<std::uint32_t>(r);
                glue.text_begin = glue.text_end = b;
                glue.glyph_begin = glue.glyph_end = static_cast<std::uint32_t>(mp.glyphs.size());
                glue.stretch = kCjkStretchEm * run.size;
                mp.items.push_back(glue);
                a = b;
                continue;
            }
            if (in_url(b)) {
                penalty.penalty = kUrlBreakPenalty;  // no hyphen is drawn or counted
            } else {
                penalty.penalty = after_hyphen ? kExplicitHyphenPenalty : 0;
                penalty.flagged = after_hyphen;
            }
            mp.items.push_back(penalty);
        }
        a = b;
    }
}

// Adds a shaped box, cut at its hyphenation points into pieces with a flagged penalty between
// them whose width is the hyphen's (shaped in the run's face) and whose glyph is drawn if the
// line breaks there. A point inside a ligature or a reordered cluster (no glyph starts there) is
// dropped: the glyphs cannot be cut there without reshaping.
void Measurer::add_box(MeasuredParagraph& mp, Item box, const std::vector<HyphenPoint>& points,
                       base::Diagnostics& diags) {
    auto width_of = [&](Item& item) {
        item.width = 0;
        for (auto g = item.glyph_begin; g < item.glyph_end; ++g) item.width += mp.glyphs[g].advance;
    };
    for (const auto& point : points) {
        const std::uint32_t p = point.offset;
        if (p <= box.text_begin || p >= box.text_end) continue;
        std::uint32_t cut = box.glyph_begin;
        bool ordered = true;
        while (cut < box.glyph_end && mp.glyphs[cut].cluster < p) {
            if (cut > box.glyph_begin && mp.glyphs[cut].cluster < mp.glyphs[cut - 1].cluster) ordered = false;
            ++cut;
        }
        if (!ordered || cut == box.glyph_begin || cut == box.glyph_end || mp.glyphs[cut].cluster != p) continue;
        Item head = box;
        head.text_end = p;
        head.glyph_end = cut;
        width_of(head);
        set_protrusion(mp, head);
        mp.items.push_back(head);

        Item hyphen;
        hyphen.kind = Item::Kind::Penalty;
        hyphen.run = box.run;
        hyphen.penalty = point.penalty;
        hyphen.flagged = point.hyphen;
        hyphen.edit = point.hyphen ? BreakEdit::InsertHyphen : BreakEdit::None;
        hyphen.text_begin = hyphen.text_end = p;
        hyphen.glyph_begin = static_cast<std::uint32_t>(mp.glyphs.size());
        if (point.hyphen) add_hyphen_glyphs(mp, mp.runs[box.run], p, diags);
        hyphen.glyph_end = static_cast<std::uint32_t>(mp.glyphs.size());
        width_of(hyphen);
        if (point.hyphen) hyphen.protrude_right = protrusion_right('-') * hyphen.width;
        mp.items.push_back(hyphen);

        box.text_begin = p;
        box.glyph_begin = cut;
    }
    width_of(box);
    set_protrusion(mp, box);
    mp.items.push_back(box);
}

base::SourcePos source_position(const MeasuredParagraph& mp, std::uint32_t offset) {
    return base::position_in(mp.source, mp.anchors, mp.text, offset);
}

}  // namespace compose::text
