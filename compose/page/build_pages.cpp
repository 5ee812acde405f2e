#include <algorithm>
#include <cmath>

#include "compose/page/page.h"
#include "compose/page/page_writer.h"
#include "compose/para/para.h"

namespace compose::page {
namespace {

constexpr int kMinLinesAtBreak = 2;        // no orphan (first line alone at a page's foot) nor widow
constexpr double kOverfullTolerance = 0.5;  // points a line may stick out before it is reported
constexpr double kCellPadding = 3;

struct SetParagraph {
    text::MeasuredParagraph mp;
    std::vector<para::Line> lines;
    const style::ParaStyle* style = nullptr;
    double measure = 0;
};

class PageBuilder {
public:
    PageBuilder(const style::StyledDocument& doc, text::Measurer& measurer, base::Diagnostics& diags)
        : doc_(doc), layout_(doc.layout), measurer_(measurer), diags_(diags), writer_(out_, measurer.fonts()) {
        const auto& p = layout_.page;
        left_ = p.margin_left;
        width_ = p.width - p.margin_left - p.margin_right;
        top_ = p.margin_top;
        bottom_ = p.height - p.margin_bottom;
    }

    display::Document run() {
        out_.metadata = {doc_.title, doc_.author, doc_.subject, "", doc_.lang};
        new_page();
        for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
            const auto& block = doc_.blocks[b];
            switch (block.kind) {
            case style::Block::Kind::Paragraph: paragraph_block(block, b); break;
            case style::Block::Kind::Figure: figure_block(block); break;
            case style::Block::Kind::Table: table_block(block); break;
            }
        }
        finish_pages();
        return std::move(out_);
    }

private:
    const style::StyledDocument& doc_;
    const style::Layout& layout_;
    text::Measurer& measurer_;
    base::Diagnostics& diags_;
    display::Document out_;
    PageWriter writer_;
    double left_ = 0, width_ = 0, top_ = 0, bottom_ = 0;
    double y_ = 0;  // top of the next line box
    bool page_empty_ = true;
    int outline_count_ = 0;

    display::Page& page() { return out_.pages.back(); }

    void new_page() {
        display::Page p;
        p.width = layout_.page.width;
        p.height = layout_.page.height;
        p.label = std::to_string(out_.pages.size() + 1);
        out_.pages.push_back(std::move(p));
        y_ = top_;
        page_empty_ = true;
    }

    SetParagraph set(const style::Paragraph& para, double measure) {
        SetParagraph sp;
        sp.style = &para.style;
        sp.measure = measure;
        sp.mp = measurer_.measure(para, diags_);
        para::BreakParams params{measure, para.style.indent, para.style.align};
        sp.lines = para::break_greedy(sp.mp, params);
        return sp;
    }

    double line_height(const SetParagraph& sp) const { return sp.style->leading; }

    // Places one line whose box starts at y_; the baseline centres the text's body in the leading.
    void place_line(const SetParagraph& sp, std::size_t index, double x) {
        const auto& line = sp.lines[index];
        auto [ascent, descent] = PageWriter::extent(sp.mp, line);
        double baseline = y_ + (sp.style->leading + ascent + descent) / 2;
        double indent = index == 0 ? sp.style->indent : 0;
        writer_.emit_line(page(), sp.mp, line, x + indent, baseline, sp.style->align);
        if (line.overfull > kOverfullTolerance) {
            char amount[32];
            std::snprintf(amount, sizeof amount, "%.1f", line.overfull);
            diags_.warning(sp.mp.runs.empty() ? base::SourcePos{} : sp.mp.runs[sp.mp.items[line.item_begin].run].pos,
                           std::string("overfull line: ") + amount + "pt too wide, on page " +
                               std::to_string(out_.pages.size()));
        }
        y_ += sp.style->leading;
        page_empty_ = false;
    }

    // How many of the remaining lines [from, n) go on this page, keeping orphans and widows away.
    std::size_t lines_that_fit(const SetParagraph& sp, std::size_t from) const {
        std::size_t n = sp.lines.size() - from;
        double room = bottom_ - y_;
        std::size_t fit = room <= 0 ? 0 : static_cast<std::size_t>(std::floor(room / line_height(sp) + 1e-6));
        if (fit >= n) return n;
        std::size_t k = fit;
        if (n - k < kMinLinesAtBreak) k = n >= kMinLinesAtBreak ? n - kMinLinesAtBreak : 0;  // avoid a widow
        if (from == 0 && k < kMinLinesAtBreak) k = 0;                                         // avoid an orphan
        if (k == 0 && page_empty_) k = std::max<std::size_t>(1, fit);  // nothing helps: break anyway
        return k;
    }

    void mark_destination(const std::string& anchor) {
        if (!anchor.empty()) page().destinations.push_back({anchor, y_});
    }

    void set_lines(const SetParagraph& sp, double x, const std::string& anchor) {
        std::size_t done = 0;
        bool marked = false;
        while (done < sp.lines.size()) {
            std::size_t k = lines_that_fit(sp, done);
            if (k == 0) {
                new_page();
                continue;
            }
            if (!marked) {
                mark_destination(anchor);
                marked = true;
            }
            for (std::size_t i = 0; i < k; ++i) place_line(sp, done + i, x);
            done += k;
            if (done < sp.lines.size()) new_page();
        }
        if (!marked) mark_destination(anchor);
    }

    double next_block_height(std::size_t b) {
        // the space the following block needs at least: its first two lines
        if (b + 1 >= doc_.blocks.size()) return 0;
        const auto& next = doc_.blocks[b + 1];
        const auto& style = next.kind == style::Block::Kind::Table ? layout_.style("table-cell") : next.para.style;
        return style.space_before + kMinLinesAtBreak * style.leading;
    }

    void paragraph_block(const style::Block& block, std::size_t b) {
        const auto& style = block.para.style;
        double measure = width_ - style.margin_left - style.margin_right;
        SetParagraph sp = set(block.para, measure);
        if (style.page_break_before && !page_empty_) new_page();
        if (!page_empty_) y_ += style.space_before;
        double height = static_cast<double>(sp.lines.size()) * style.leading;
        if (style.keep_with_next && !page_empty_ && y_ + height + style.space_after + next_block_height(b) > bottom_) {
            new_page();
        }
        std::string anchor = block.anchor;
        if (block.outline_level > 0) {
            if (anchor.empty()) anchor = "outline-" + std::to_string(++outline_count_);
            std::string title;
            for (const auto& run : block.para.runs) title += run.text;
            out_.outline.push_back({title, anchor, block.outline_level});
        }
        set_lines(sp, left_ + style.margin_left, anchor);
        y_ += style.space_after;
    }

    void figure_block(const style::Block& block) {
        const auto& style = block.para.style;
        double frame_height = std::min(width_ * 9.0 / 16.0, (bottom_ - top_) * 0.45);
        SetParagraph caption = set(block.para, width_ - style.margin_left - style.margin_right);
        double needed = frame_height + style.space_before + static_cast<double>(caption.lines.size()) * style.leading;
        if (!page_empty_) y_ += style.space_before;
        if (!page_empty_ && y_ + needed > bottom_) new_page();
        mark_destination(block.anchor);
        display::Image image;
        image.frame = {left_, y_, width_, frame_height};
        image.path = block.image_path;
        image.label = block.label;
        page().images.push_back(image);
        y_ += frame_height + style.space_before;
        page_empty_ = false;
        set_lines(caption, left_ + style.margin_left, "");
        y_ += style.space_after;
    }

    // Column widths as browsers and TeX's tabularx share them out: each column's minimum is its
    // widest unbreakable piece, its maximum its widest cell set on one line. If the maxima fit
    // they are used (stretched to the measure); otherwise every column gets its minimum plus a
    // share of the remaining room in proportion to how much more it would like. Spanning cells
    // do not count: they take what the columns they cover add up to.
    std::vector<double> column_widths(const style::Block& block) {
        std::size_t columns = block.header.size();
        for (const auto& row : block.rows) {
            if (row.span_from < 0) columns = std::max(columns, row.cells.size());
        }
        std::vector<double> min_w(columns, 2 * kCellPadding), max_w(columns, 2 * kCellPadding);
        auto consider = [&](const style::Paragraph& para, std::size_t c) {
            auto mp = measurer_.measure(para, diags_);
            double line = 0, piece = 0, widest_piece = 0;
            for (const auto& item : mp.items) {
                if (item.kind == text::Item::Kind::Box) {
                    piece += item.width;
                    widest_piece = std::max(widest_piece, piece);
                } else {
                    piece = 0;
                }
                if (item.kind != text::Item::Kind::Penalty) line += item.width;
            }
            min_w[c] = std::max(min_w[c], widest_piece + 2 * kCellPadding);
            max_w[c] = std::max(max_w[c], line + 2 * kCellPadding);
        };
        for (std::size_t c = 0; c < block.header.size(); ++c) consider(block.header[c], c);
        for (const auto& row : block.rows) {
            std::size_t own = row.span_from >= 0 ? static_cast<std::size_t>(row.span_from) : row.cells.size();
            for (std::size_t c = 0; c < own && c < columns; ++c) consider(row.cells[c], c);
        }
        double sum_min = 0, sum_max = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            sum_min += min_w[c];
            sum_max += max_w[c];
        }
        std::vector<double> widths(columns);
        for (std::size_t c = 0; c < columns; ++c) {
            if (sum_max <= width_) {
                widths[c] = max_w[c] * width_ / sum_max;
            } else if (sum_min <= width_) {
                widths[c] = min_w[c] + (width_ - sum_min) * (max_w[c] - min_w[c]) / (sum_max - sum_min);
            } else {
                widths[c] = min_w[c] * width_ / sum_min;  // too wide whatever we do: lines will overflow
            }
        }
        return widths;
    }

    struct SetRow {
        std::vector<SetParagraph> cells;
        std::vector<double> widths;  // of each cell, spans included
        double height = 0;
    };

    SetRow set_row(const std::vector<style::Paragraph>& cells, int span_from, const std::vector<double>& widths) {
        SetRow row;
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            double w = widths[c];
            if (span_from >= 0 && c == static_cast<std::size_t>(span_from)) {
                for (std::size_t k = c + 1; k < widths.size(); ++k) w += widths[k];
            }
            row.cells.push_back(set(cells[c], w - 2 * kCellPadding));
            row.widths.push_back(w);
            if (span_from >= 0 && c == static_cast<std::size_t>(span_from)) break;
        }
        for (const auto& c : row.cells) {
            row.height = std::max(row.height, static_cast<double>(c.lines.size()) * c.style->leading);
        }
        row.height += 2 * kCellPadding;
        return row;
    }

    void place_row(const SetRow& row, bool header) {
        double x = left_;
        double top = y_;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            y_ = top + kCellPadding;
            for (std::size_t i = 0; i < row.cells[c].lines.size(); ++i) place_line(row.cells[c], i, x + kCellPadding);
            x += row.widths[c];
        }
        y_ = top + row.height;
        page().rules.push_back({left_, y_, left_ + width_, y_, header ? 0.8 : 0.3, header ? 0x000000u : 0x999999u});
        page_empty_ = false;
    }

    void table_block(const style::Block& block) {
        auto widths = column_widths(block);
        SetRow header;
        if (!block.header.empty()) header = set_row(block.header, -1, widths);
        const double header_height = block.header.empty() ? 0 : header.height;
        const auto& cell_style = layout_.style("table-cell");
        if (!page_empty_) y_ += cell_style.space_before + 6;
        auto start_page_part = [&] {
            if (!block.header.empty()) place_row(header, true);
        };
        // the header never stands alone at a page's foot
        if (!block.rows.empty()) {
            auto first = set_row(block.rows.front().cells, block.rows.front().span_from, widths);
            if (!page_empty_ && y_ + header_height + first.height > bottom_) new_page();
        }
        mark_destination(block.anchor);
        start_page_part();
        for (const auto& row : block.rows) {
            auto set_cells = set_row(row.cells, row.span_from, widths);
            // a row is not split; one taller than a whole page is placed and runs over (reported)
            if (y_ + set_cells.height > bottom_ && set_cells.height <= bottom_ - top_ - header_height) {
                new_page();
                start_page_part();  // the header row repeats on every page the table spans
            }
            place_row(set_cells, false);
        }
        y_ += cell_style.space_after + 6;
    }

    void finish_pages() {
        const auto& folio_style = layout_.style("folio");
        for (std::size_t p = 0; p < out_.pages.size(); ++p) {
            style::Paragraph para;
            para.style = folio_style;
            para.runs.push_back({out_.pages[p].label, folio_style.family, folio_style.bold, folio_style.italic,
                                 folio_style.size, doc_.lang, folio_style.color, "", {}});
            SetParagraph sp = set(para, width_);
            if (sp.lines.empty()) continue;
            auto [ascent, descent] = PageWriter::extent(sp.mp, sp.lines[0]);
            (void)ascent;
            (void)descent;
            double baseline = bottom_ + layout_.page.folio_offset;
            writer_.emit_line(out_.pages[p], sp.mp, sp.lines[0], left_, baseline, folio_style.align);
        }
    }
};

}  // namespace

display::Document build_pages(const style::StyledDocument& doc, text::Measurer& measurer, base::Diagnostics& diags) {
    return PageBuilder(doc, measurer, diags).run();
}

}  // namespace compose::page
