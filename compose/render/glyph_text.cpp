#include "compose/render/glyph_text.h"

#include <algorithm>
#include <cmath>
#include <vector>
#include <cstdio>

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

// The characters glyph i stands for: from its cluster to the next larger cluster (or the run's end).
// The later glyphs of a many-glyph cluster stand for nothing: the first one carries the text.
// `clusters`: the run's cluster starts, sorted, without duplicates.
std::string glyph_text(const display::GlyphRun& run, std::size_t i, const std::vector<std::uint32_t>& clusters) {
    const auto& glyphs = run.glyphs;
    std::uint32_t begin = glyphs[i].cluster;
    if (begin == display::kInsertedGlyph || begin >= run.text.size()) return {};
    if (i > 0 && glyphs[i - 1].cluster == begin) return {};
    auto next = std::upper_bound(clusters.begin(), clusters.end(), begin);
    std::uint32_t end = next == clusters.end() ? static_cast<std::uint32_t>(run.text.size()) : *next;
    return run.text.substr(begin, end - begin);
}

}  // namespace

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
    double rise = 0;
    double at = 0;  // where the pen is
    out += "[";
    char hex[8];
    for (std::size_t i : order) {
        const auto& g = run.glyphs[i];
        std::uint16_t cid = font.cid(g.id, glyph_text(run, i, clusters));
        if (g.y_offset != rise) {
            out += "] TJ\n" + pdf_number(g.y_offset) + " Ts\n[";
            rise = g.y_offset;
        }
        // an inserted glyph (a hyphen at a line's end) is marked as standing for no text, so that
        // text extraction and search give the hyphenated word whole
        const bool inserted = g.cluster == display::kInsertedGlyph;
        if (inserted) out += "] TJ\n/Span <</ActualText ()>> BDC\n[";
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
        if (inserted) out += "] TJ\nEMC\n[";
    }
    out += "] TJ\n";
    if (rise != 0) out += "0 Ts\n";
    if (run.hscale != 1) out += "100 Tz\n";
    if (run.color != 0) out += "0 g\n";
    return out;
}

}  // namespace compose::render
