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

    // Column widths from the cells' natural widths (widest unbroken content), shared out so that
    // the table fills the measure; every column keeps at least a sixth of its fair share.
    std::vector<double> column_widths(const style::Block& block) {
        std::size_t columns = block.header.size();
        for (const auto& row : block.rows) columns = std::max(columns, row.size());
        std::vector<double> natural(columns, 1.0);
        auto consider = [&](const style::Paragraph& para, std::size_t c) {
            auto mp = measurer_.measure(para, diags_);
            double w = 0;
            for (const auto& item : mp.items) w += item.kind == text::Item::Kind::Penalty ? 0 : item.width;
            natural[c] = std::max(natural[c], w + 2 * kCellPadding);
        };
        for (std::size_t c = 0; c < block.header.size(); ++c) consider(block.header[c], c);
        for (const auto& row : block.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) consider(row[c], c);
        }
        double total = 0;
        for (double w : natural) total += w;
        std::vector<double> widths(columns);
        double fair = width_ / static_cast<double>(std::max<std::size_t>(1, columns));
        double assigned = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            widths[c] = std::max(fair / 6, width_ * natural[c] / total);
            assigned += widths[c];
        }
        for (auto& w : widths) w *= width_ / assigned;
        return widths;
    }

    double row_height(const std::vector<SetParagraph>& cells) {
        double h = 0;
        for (const auto& c : cells) h = std::max(h, static_cast<double>(c.lines.size()) * c.style->leading);
        return h + 2 * kCellPadding;
    }

    std::vector<SetParagraph> set_row(const std::vector<style::Paragraph>& row, const std::vector<double>& widths) {
        std::vector<SetParagraph> cells;
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
            cells.push_back(set(row[c], widths[c] - 2 * kCellPadding));
        }
        return cells;
    }

    void place_row(const std::vector<SetParagraph>& cells, const std::vector<double>& widths, double height, bool header) {
        double x = left_;
        double top = y_;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            y_ = top + kCellPadding;
            for (std::size_t i = 0; i < cells[c].lines.size(); ++i) place_line(cells[c], i, x + kCellPadding);
            x += widths[c];
        }
        y_ = top + height;
        page().rules.push_back({left_, y_, left_ + width_, y_, header ? 0.8 : 0.3, header ? 0x000000u : 0x999999u});
        page_empty_ = false;
    }

    void table_block(const style::Block& block) {
        auto widths = column_widths(block);
        auto header = set_row(block.header, widths);
        double header_height = header.empty() ? 0 : row_height(header);
        if (!page_empty_) y_ += layout_.style("table-cell").space_before + 6;
        auto start_page_part = [&] {
            if (!header.empty()) place_row(header, widths, header_height, true);
        };
        mark_destination(block.anchor);
        // the header never stands alone at a page's foot
        bool first_row_fits = true;
        if (!block.rows.empty()) {
            auto first = set_row(block.rows.front(), widths);
            first_row_fits = y_ + header_height + row_height(first) <= bottom_;
        }
        if (!first_row_fits && !page_empty_) new_page();
        start_page_part();
        for (const auto& row : block.rows) {
            auto cells = set_row(row, widths);
            double h = row_height(cells);
            if (y_ + h > bottom_ && h <= bottom_ - top_ - header_height) {
                new_page();
                start_page_part();  // the header row repeats on every page the table spans
            }
            place_row(cells, widths, h, false);
        }
        y_ += layout_.style("table-cell").space_after + 6;
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
