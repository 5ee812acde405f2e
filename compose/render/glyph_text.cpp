#include "compose/render/glyph_text.h"

#include <algorithm>
#include <cmath>
#include <vector>
#include <cstdio>

#include "compose/base/utf8.h"

namespace compose::render {

std::string pdf_number(double v) {
    // fixed point with three decimals, written by hand: snprintf was a seventh of the run time
    // on long tables
    long long thousandths = std::llround(v * 1000.0);
    if (thousandths == 0) return "0";
    std::string s;
    if (thousandths < 0) {
        s += '-';
        thousandths = -thousandths;
    }
    s += std::to_string(thousandths / 1000);
    int frac = static_cast<int>(thousandths % 1000);
    if (frac != 0) {
        char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                          static_cast<char>('0' + frac % 10), 0};
        int len = 3;
        while (len > 0 && digits[len - 1] == '0') --len;
        s += '.';
        s.append(digits, static_cast<std::size_t>(len));
    }
    return s;
}

namespace {

// U+002D, what an inserted hyphen extracts as: the ordinary hyphen's code, so that readers see a
// word hyphenated at a line's end and re-join it for search and copy (pdf.js, poppler, MuPDF).
constexpr const char* kInsertedHyphenText = "-";

// The characters of each glyph, in the order the glyphs are shown (`order`, indices into
// run.glyphs). A cluster's characters (from its start to the next larger cluster start, or the
// run's end) are shared out among its glyphs in the order they are shown, whole code points each,
// so that every glyph stands for some text and the texts shown one after another give the
// cluster's text (a Devanagari conjunct with a reordered vowel sign extracts in logical order).
// A cluster with more glyphs than characters cannot be shared out so: its first glyph stands for
// the whole text and the others for the characters the font's cmap maps to them (or the cluster's
// last character); `whole` marks the clusters whose text is also given as ActualText.
// `clusters`: the run's cluster starts, sorted, without duplicates.
struct GlyphTexts {
    std::vector<std::string> text;  // index: glyph
    std::vector<bool> whole;        // index: glyph; the first glyph shown of an ActualText cluster
    std::vector<std::size_t> cluster_end;  // index: glyph; for `whole`, where the cluster ends in `order`
};

GlyphTexts glyph_texts(const display::GlyphRun& run, const std::vector<std::size_t>& order,
                       const std::vector<std::uint32_t>& clusters, GlyphFont& font) {
    GlyphTexts out;
    const auto& glyphs = run.glyphs;
    out.text.resize(glyphs.size());
    out.whole.resize(glyphs.size());
    out.cluster_end.resize(glyphs.size());
    for (std::size_t k = 0; k < order.size();) {
        std::uint32_t begin = glyphs[order[k]].cluster;
        std::size_t k_end = k + 1;
        while (k_end < order.size() && glyphs[order[k_end]].cluster == begin) ++k_end;
        if (begin == display::kInsertedGlyph || begin >= run.text.size()) {
            for (std::size_t j = k; j < k_end; ++j) out.text[order[j]] = kInsertedHyphenText;
            k = k_end;
            continue;
        }
        auto next = std::upper_bound(clusters.begin(), clusters.end(), begin);
        std::uint32_t end = next == clusters.end() ? static_cast<std::uint32_t>(run.text.size()) : *next;
        if (k_end == k + 1) {  // one glyph, as for most clusters: all the text is its
            out.text[order[k]].assign(run.text, begin, end - begin);
            k = k_end;
            continue;
        }
        // the code points' byte offsets
        std::vector<std::uint32_t> cuts;
        for (std::size_t at = begin; at < end;) {
            cuts.push_back(static_cast<std::uint32_t>(at));
            base::next_code_point(run.text, at);
        }
        cuts.push_back(end);
        const std::size_t chars = cuts.size() - 1, n = k_end - k;
        if (n <= chars) {
            for (std::size_t j = 0; j < n; ++j) {
                std::size_t from = j * chars / n, to = (j + 1) * chars / n;
                out.text[order[k + j]] = run.text.substr(cuts[from], cuts[to] - cuts[from]);
            }
        } else {
            out.text[order[k]] = run.text.substr(begin, end - begin);
            out.whole[order[k]] = true;
            out.cluster_end[order[k]] = k_end;
            std::string last = run.text.substr(cuts[chars - 1], end - cuts[chars - 1]);
            for (std::size_t j = k + 1; j < k_end; ++j) {
                std::string own = font.text_of_glyph(glyphs[order[j]].id);
                out.text[order[j]] = own.empty() ? last : own;
            }
        }
        k = k_end;
    }
    return out;
}

}  // namespace

std::string utf16_text_string(const std::string& utf8) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out = "<FEFF";
    auto unit = [&](unsigned u) {
        for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 0xF];
    };
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = base::next_code_point(utf8, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out + ">";
}

std::string glyph_run_operators(const display::GlyphRun& run, GlyphFont& font, const std::string& font_name,
                                double page_height) {
    std::string out;
    out.reserve(run.glyphs.size() * 8 + 64);
    if (run.color != 0) {
        out += pdf_number(((run.color >> 16) & 0xFF) / 255.0) + " " + pdf_number(((run.color >> 8) & 0xFF) / 255.0) +
               " " + pdf_number((run.color & 0xFF) / 255.0) + " rg\n";
    }
    out += "/" + font_name + " " + pdf_number(run.size) + " Tf\n";
    out += "1 0 0 1 " + pdf_number(run.x) + " " + pdf_number(page_height - run.y) + " Tm\n";
    // font expansion: the glyphs drawn wider or narrower (Tz, in percent), reset after the run
    if (run.hscale != 1) out += pdf_number(run.hscale * 100) + " Tz\n";
    const double to_text_space = 1000.0 / run.size;  // points -> thousandths of the font size
    std::vector<std::uint32_t> clusters;
    clusters.reserve(run.glyphs.size());
    for (const auto& g : run.glyphs) {
        if (g.cluster != display::kInsertedGlyph) clusters.push_back(g.cluster);
    }
    std::sort(clusters.begin(), clusters.end());
    clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
    // Where each glyph's pen position is, in thousandths of the size from the run's start (with
    // horizontal scaling in force, TJ numbers and glyph widths are both scaled by it: positions
    // are divided by it here).
    const double scale = run.hscale > 0 ? run.hscale : 1;
    const double units = to_text_space / scale;
    std::vector<double> pen_at(run.glyphs.size());
    double pen = 0;
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        pen_at[i] = pen;
        pen += run.glyphs[i].advance * units;
    }
    // A right-to-left run's glyphs are laid out in visual order; they are shown in logical order
    // (the content stream's order is the text's, which extraction and search follow), each moved
    // to its place by the TJ numbers.
    std::vector<std::size_t> order(run.glyphs.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = run.rtl ? order.size() - 1 - k : k;
    const GlyphTexts texts = glyph_texts(run, order, clusters, font);
    double rise = 0;
    double at = 0;  // where the pen is
    std::size_t actual_text_end = 0;  // while an ActualText span is open: where it closes, in `order`
    out += "[";
    char hex[8];
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        const auto& g = run.glyphs[i];
        if (actual_text_end != 0 && k == actual_text_end) {
            out += "] TJ\nEMC\n[";
            actual_text_end = 0;
        }
        std::uint16_t cid = font.cid(g.id, texts.text[i]);
        if (g.y_offset != rise) {
            out += "] TJ\n" + pdf_number(g.y_offset) + " Ts\n[";
            rise = g.y_offset;
        }
        // a cluster of more glyphs than characters: its text whole, for the readers that take it
        if (texts.whole[i]) {
            out += "] TJ\n/Span <</ActualText " + utf16_text_string(texts.text[i]) + ">> BDC\n[";
            actual_text_end = texts.cluster_end[i];
        } else if (actual_text_end == 0 && !font.maps_to(cid, texts.text[i])) {
            // a CFF glyph (one code per glyph) shown here for another text than its ToUnicode's
            out += "] TJ\n/Span <</ActualText " + utf16_text_string(texts.text[i]) + ">> BDC\n[";
            actual_text_end = k + 1;
        }
        // TJ numbers move the pen left by n/1000 of the size
        double target = pen_at[i] + g.x_offset * units;
        if (std::fabs(at - target) >= 0.0005) out += pdf_number(at - target);
        static const char kHex[] = "0123456789ABCDEF";
        hex[0] = '<';
        hex[1] = kHex[(cid >> 12) & 0xF];
        hex[2] = kHex[(cid >> 8) & 0xF];
        hex[3] = kHex[(cid >> 4) & 0xF];
        hex[4] = kHex[cid & 0xF];
        hex[5] = '>';
        out.append(hex, 6);
        at = target + font.width(cid);
    }
    if (actual_text_end != 0) out += "] TJ\nEMC\n[";
    out += "] TJ\n";
    if (rise != 0) out += "0 Ts\n";
    if (run.hscale != 1) out += "100 Tz\n";
    if (run.color != 0) out += "0 g\n";
    return out;
}

}  // namespace compose::render
