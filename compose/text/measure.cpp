#include <algorithm>
#include <set>

#include "compose/base/utf8.h"
#include "compose/text/text.h"

namespace compose::text {
namespace {

constexpr char32_t kLineSeparator = 0x2028;  // what style makes of <br/>
constexpr int kExplicitHyphenPenalty = 50;   // TeX's \exhyphenpenalty

// Glue for an interword space, from the font's own space: TeX's defaults for Computer Modern
// are stretch 1/2 and shrink 1/3 of the space.
constexpr double kSpaceStretch = 0.5;
constexpr double kSpaceShrink = 1.0 / 3.0;

}  // namespace

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

MeasuredParagraph Measurer::measure(const style::Paragraph& para, base::Diagnostics& diags) {
    MeasuredParagraph mp;
    std::vector<std::uint32_t> run_begin;  // byte offset where each of mp.runs starts

    // 1. one text; a run per stretch of one face (a character the style's face lacks comes
    //    from the first fallback family that has it)
    for (const auto& run : para.runs) {
        FaceId primary = face_for(run, diags);
        std::size_t i = 0;
        bool warned = false;
        while (i < run.text.size()) {
            std::size_t start = i;
            char32_t cp = base::next_code_point(run.text, i);
            FaceId face = primary;
            if (cp != kLineSeparator && cp != ' ' && !fonts_.has_glyph(primary, cp, diags)) {
                bool found = false;
                for (const auto& family : fallback_) {
                    auto id = fonts_.find(family, run.bold, run.italic);
                    if (id && fonts_.has_glyph(*id, cp, diags)) {
                        face = *id;
                        found = true;
                        break;
                    }
                }
                if (!found && !warned) {
                    char hex[16];
                    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
                    diags.warning(run.pos, std::string("no bundled font has the character ") + hex);
                    warned = true;
                }
            }
            std::uint32_t begin = static_cast<std::uint32_t>(mp.text.size());
            mp.text.append(run.text, start, i - start);
            bool same = !mp.runs.empty() && mp.runs.back().face == face && mp.runs.back().pos.line == run.pos.line &&
                        mp.runs.back().pos.col == run.pos.col && mp.runs.back().link == run.link &&
                        mp.runs.back().size == run.size && mp.runs.back().color == run.color &&
                        mp.runs.back().lang == run.lang;
            if (!same) {
                auto metrics = fonts_.metrics(face, diags);
                RunInfo info{face, run.size, run.lang, run.color, run.link, metrics.ascender * run.size,
                             metrics.descender * run.size, run.pos};
                mp.runs.push_back(std::move(info));
                run_begin.push_back(begin);
            }
        }
    }
    run_begin.push_back(static_cast<std::uint32_t>(mp.text.size()));

    // 2. break opportunities (UAX #14)
    std::string lang = para.runs.empty() ? std::string("en") : para.runs.front().lang;
    auto breaks = line_break_opportunities(mp.text, lang);
    std::set<std::uint32_t> cuts;
    for (const auto& b : breaks) cuts.insert(b.offset);
    for (auto b : run_begin) cuts.insert(b);
    cuts.insert(static_cast<std::uint32_t>(mp.text.size()));
    cuts.erase(0);
    std::set<std::uint32_t> soft_breaks;
    for (const auto& b : breaks) soft_breaks.insert(b.offset);

    // 3. boxes, glue and penalties, piece by piece
    std::uint32_t a = 0;
    std::size_t r = 0;
    for (std::uint32_t b : cuts) {
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
            const auto& shaped = shaper_.shape(run.face, run.lang, mp.text.substr(from, to - from), diags);
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
            for (auto g = box.glyph_begin; g < box.glyph_end; ++g) box.width += mp.glyphs[g].advance;
            mp.items.push_back(box);
        }
        bool ended_with_space = false;
        for (std::uint32_t k = s; k < b;) {
            if (mp.text[k] == ' ') {
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
        if (!ended_with_space && soft_breaks.count(b) && b < mp.text.size()) {
            Item penalty;
            penalty.kind = Item::Kind::Penalty;
            penalty.run = static_cast<std::uint32_t>(r);
            penalty.text_begin = penalty.text_end = b;
            bool after_hyphen = b > 0 && (mp.text[b - 1] == '-');
            penalty.penalty = after_hyphen ? kExplicitHyphenPenalty : 0;
            penalty.flagged = after_hyphen;
            mp.items.push_back(penalty);
        }
        a = b;
    }
    return mp;
}

}  // namespace compose::text
