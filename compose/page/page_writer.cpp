#include "compose/page/page_writer.h"

#include <algorithm>

namespace compose::page {

using text::Item;

display::FontId PageWriter::font_id(text::FaceId face) {
    auto it = ids_.find(face);
    if (it != ids_.end()) return it->second;
    const auto& info = fonts_.info(face);
    display::FontId id = static_cast<display::FontId>(out_.fonts.size());
    out_.fonts.push_back({info.path, info.postscript_name});
    ids_.emplace(face, id);
    return id;
}

std::pair<double, double> PageWriter::extent(const text::MeasuredParagraph& mp, const para::Line& line) {
    double ascent = 0, descent = 0;
    for (auto i = line.item_begin; i < line.item_end; ++i) {
        const auto& run = mp.runs[mp.items[i].run];
        ascent = std::max(ascent, run.ascent);
        descent = std::min(descent, run.descent);
    }
    if (line.item_begin == line.item_end && !mp.runs.empty()) {
        ascent = mp.runs.front().ascent;
        descent = mp.runs.front().descent;
    }
    return {ascent, descent};
}

void PageWriter::emit_line(display::Page& page, const text::MeasuredParagraph& mp, const para::Line& line, double x,
                           double baseline, style::Align align, Tagger* tagger, base::NodeId node) {
    double set = line.set_width();
    x -= line.protrude_left;  // character protrusion: the first glyph hangs into the margin
    if (align == style::Align::Center) x += (line.width - set) / 2;
    else if (align == style::Align::Right) x += line.width - set;

    // A line broken at a hyphenation point ends with the hyphen the text stage shaped for it. It is
    // an inserted glyph: drawn, but not part of the text, so the PDF's text gives the word whole.
    const bool hyphen = line.draws_hyphen(mp);
    bool hyphen_drawn = false;
    auto add_hyphen = [&](display::GlyphRun& run) {
        const Item& pen = mp.items[line.break_item];
        double width = 0;
        for (auto g = pen.glyph_begin; g < pen.glyph_end; ++g) {
            const auto& src = mp.glyphs[g];
            run.glyphs.push_back({src.id, src.advance * line.hscale, src.x_offset * line.hscale, src.y_offset,
                                  display::kInsertedGlyph});
            width += src.advance * line.hscale;
        }
        hyphen_drawn = true;
        return width;
    };

    // The line's pieces: stretches of items in one text run, in logical order, each with its
    // run's bidi level. They are shown in visual order (UAX #9 rule L2), and a right-to-left
    // piece shows its items last to first (each item's glyphs are already in visual order).
    pieces_.clear();
    levels_.clear();
    for (std::uint32_t i = line.item_begin; i < line.item_end;) {
        std::uint32_t j = i;
        while (j < line.item_end && mp.items[j].run == mp.items[i].run) ++j;
        pieces_.push_back({i, j});
        levels_.push_back(mp.runs[mp.items[i].run].level);
        i = j;
    }
    // placed in visual order, but added to the page in logical order: the content stream's order
    // is the order text extraction and search follow
    placed_.clear();
    placed_.resize(pieces_.size());
    placed_links_.clear();
    placed_links_.resize(pieces_.size());
    placed_roles_.clear();
    placed_roles_.resize(pieces_.size());
    // a glyph run at x in the style of a text run, still without glyphs
    auto start_run = [&](const text::RunInfo& info) {
        display::GlyphRun run;
        run.font = font_id(info.face);
        run.size = info.size;
        run.x = x;
        run.y = baseline;
        run.lang = info.lang;
        run.color = info.color;
        run.pos = info.pos;
        run.hscale = line.hscale;
        return run;
    };
    auto place = [&](std::uint32_t p) {
        const auto [i, j] = pieces_[p];
        std::uint32_t run_index = mp.items[i].run;
        const auto& info = mp.runs[run_index];
        std::uint32_t text_begin = mp.items[i].text_begin, text_end = mp.items[j - 1].text_end;
        display::GlyphRun run = start_run(info);
        run.rtl = info.rtl();
        run.text = mp.text.substr(text_begin, text_end - text_begin);
        std::size_t glyphs = 0;
        for (auto n = i; n < j; ++n) {
            if (mp.items[n].kind != Item::Kind::Penalty) glyphs += mp.items[n].glyph_end - mp.items[n].glyph_begin;
        }
        run.glyphs.reserve(glyphs);
        double width = 0;
        for (auto n = i; n < j; ++n) {
            const Item& item = mp.items[info.rtl() ? i + j - 1 - n : n];
            if (item.kind == Item::Kind::Penalty) continue;
            double extra = 0;
            if (item.kind == Item::Kind::Glue) extra = line.ratio >= 0 ? line.ratio * item.stretch : line.ratio * item.shrink;
            if (item.glyph_begin == item.glyph_end && extra != 0 && !run.glyphs.empty()) {
                // glue of no glyph (between two ideographs): the space goes after the glyph before it
                run.glyphs.back().advance += extra;
                width += extra;
            }
            for (auto g = item.glyph_begin; g < item.glyph_end; ++g) {
                const auto& src = mp.glyphs[g];
                display::Glyph glyph{src.id, src.advance, src.x_offset, src.y_offset, src.cluster - text_begin};
                if (item.kind == Item::Kind::Box) {  // font expansion scales the glyphs, not the spaces
                    glyph.advance *= line.hscale;
                    glyph.x_offset *= line.hscale;
                }
                if (g + 1 == item.glyph_end) glyph.advance += extra;  // justification goes on the space glyph
                width += glyph.advance;
                run.glyphs.push_back(glyph);
            }
        }
        if (hyphen && j == line.item_end && mp.items[line.break_item].run == run_index) width += add_hyphen(run);
        if (!info.link.empty() && width > 0) {
            display::Link link;
            link.area = {x, baseline - info.ascent, width, info.ascent - info.descent};
            if (info.link[0] == '#') link.dest = info.link.substr(1);
            else link.uri = info.link;
            placed_links_[p] = std::move(link);
        }
        placed_[p] = std::move(run);
        placed_roles_[p] = info.role;
        x += width;
    };
    if (pieces_.size() == 1) place(0);  // the usual line: one piece, nothing to reorder
    else for (std::uint32_t p : text::visual_order(levels_)) place(p);
    if (tagger) tagger->enter(page, node);
    base::NodeId inline_node;  // the person or quotation the last runs belong to
    std::optional<base::Role> inline_role;
    for (std::size_t p = 0; p < placed_.size(); ++p) {
        auto& run = placed_[p];
        if (run.glyphs.empty()) continue;
        const auto& role = placed_roles_[p];
        if (tagger) {
            if (placed_links_[p]) {
                // a link is an element of its own: its text and its area together
                tagger->enter(page, tagger->make(page, base::Role::Link, node));
                inline_node = {};
            } else if (role) {
                // a name set in several runs (an emphasis inside it) is still one element on the line
                if (!inline_node || inline_role != role) inline_node = tagger->make(page, *role, node);
                inline_role = role;
                tagger->enter(page, inline_node);
            } else {
                tagger->enter(page, node);
                inline_node = {};
            }
        }
        page.add<display::GlyphRun>(std::move(run));
        if (placed_links_[p]) page.add<display::Link>(std::move(*placed_links_[p]));
    }
    if (hyphen && !hyphen_drawn) {  // the break is in another text run than the line's last glyphs
        if (tagger) tagger->enter(page, node);
        display::GlyphRun run = start_run(mp.runs[mp.items[line.break_item].run]);
        add_hyphen(run);
        page.add<display::GlyphRun>(std::move(run));
    }
}

}  // namespace compose::page
