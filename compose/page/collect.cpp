// Blocks -> flow items. Every paragraph is measured once and broken at the width it will be set
// at: a column, the full text width (title block, floating figures), or a table cell.
#include <algorithm>

#include "compose/base/utf8.h"
#include "compose/page/cell_memo.h"
#include "compose/page/flow.h"
#include "compose/para/stats.h"

namespace compose::page {
namespace {

constexpr double kCellPadding = 3;
constexpr double kFigureGap = 4;          // between a figure's image and its caption
constexpr double kPlaceholderAspect = 9.0 / 16.0;

// Rows of a long table are set this many at a time, so that pages can be made and written
// while the rest of the table is still to come.
constexpr std::size_t kRowsPerChunk = 256;

}  // namespace

class Collector::Impl {
public:
    Impl(const style::StyledDocument& doc, const Frame& frame, text::Measurer& measurer, base::Diagnostics& diags,
         const CollectOptions& options, Flow& flow)
        : doc_(doc), layout_(doc.layout), frame_(frame), measurer_(measurer), diags_(diags), options_(options),
          flow_(flow) {}

    bool next() {
        if (diags_.full()) throw base::Fatal{};  // so many errors that the sink stopped keeping them
        if (table_) {
            table_rows();
            if (!table_) finish_block();
            return true;
        }
        if (block_ >= doc_.blocks.size()) return false;
        const auto& block = doc_.blocks[block_];
        block_first_ = flow_.items.size();
        switch (block.kind) {
        case style::Block::Kind::Paragraph: paragraph(block); break;
        case style::Block::Kind::Figure: figure(block); break;
        case style::Block::Kind::Table:
            begin_table(block);
            return true;  // its rows come in the calls that follow
        }
        finish_block();
        return true;
    }

private:
    const style::StyledDocument& doc_;
    const style::Layout& layout_;
    const Frame& frame_;
    text::Measurer& measurer_;
    base::Diagnostics& diags_;
    const CollectOptions options_;  // a copy: build_pages passes a temporary ({})
    Flow& flow_;
    double pending_space_ = 0;  // the previous block's space after
    std::size_t block_ = 0;        // the next block to collect
    std::size_t block_first_ = 0;  // the first item of the block being collected
    // a table whose rows are being collected
    const style::Block* table_ = nullptr;
    std::size_t table_row_ = 0;
    std::size_t table_id_ = 0;
    std::size_t kept_rows_ = 0;  // rows still to keep with the one after them (below a group row)
    std::vector<double> table_widths_;
    double table_space_ = 0;
    // data cells whose text comes again are measured once (a style belongs to one table)
    struct CellKey {
        const style::ParaStyle* style = nullptr;
        bool nobreak = false;
        double measure = 0;  // 0 for the natural widths
        bool operator==(const CellKey&) const = default;
    };
    struct NaturalWidths {
        double widest_piece = 0, line = 0;
    };
    CellMemo<CellKey, NaturalWidths> natural_widths_;
    CellMemo<CellKey, SetParagraph> set_cells_;
    text::MeasuredParagraph scratch_;  // natural_widths' measurements, one after another
    std::vector<style::Paragraph> cell_paras_;  // per cell style of the table being collected

    void finish_block() {
        flow_.block_items.emplace_back(block_first_, flow_.items.size());
        ++block_;
    }

    double space_for(const style::ParaStyle& style) {
        double s = pending_space_ + style.space_before;
        pending_space_ = 0;
        return s;
    }

    std::size_t add_paragraph(const style::Paragraph& para, double measure) {
        flow_.paragraphs.push_back(set_paragraph(para, measure, measurer_, diags_));
        return flow_.paragraphs.size() - 1;
    }

    // Lines of a set paragraph as items; orphans and widows are kept away by keep flags:
    // no break after the first line, nor before the last.
    // `keep_all`: no break inside (a heading, a caption); `keep_last`: none after it either (a
    // paragraph kept with the next block, such as a lead: its last line goes with what follows).
    std::vector<FlowItem> line_items(std::size_t p, base::NodeId node, double x, bool span, bool annex, bool keep_all,
                                     double space_before, bool keep_last = false) {
        const auto& sp = flow_.paragraphs[p];
        std::vector<FlowItem> items;
        std::size_t n = sp.lines.size();
        for (std::size_t i = 0; i < n; ++i) {
            FlowItem item;
            item.kind = FlowItem::Kind::Line;
            item.height = sp.style->leading;
            item.space_before = i == 0 ? space_before : 0;
            // (and, as TeX's \brokenpenalty advises, no page or column break after a hyphen)
            item.keep_with_next = keep_all || (n >= 2 && (i == 0 || i + 2 == n)) || (keep_last && i + 1 == n) ||
                                  (i + 1 < n && sp.lines[i].hyphenated);
            item.span = span;
            item.annex = annex;
            item.x = x;
            item.para = p;
            item.line = i;
            item.node = node;
            items.push_back(std::move(item));
        }
        return items;
    }

    void push(std::vector<FlowItem> items) {
        for (auto& i : items) flow_.items.push_back(std::move(i));
    }

    std::size_t add_content(ItemContent content) {
        flow_.contents.push_back(std::move(content));
        return flow_.contents.size() - 1;
    }

    void marker(const style::Block& block, const std::string& anchor) {
        if (anchor.empty() && block.outline_level == 0) return;
        FlowItem m;
        m.kind = FlowItem::Kind::Marker;
        m.keep_with_next = true;
        m.span = block.span;
        m.annex = block.annex;
        std::string title;
        for (const auto& run : block.para.runs) title += run.text;
        m.content = add_content({{}, anchor, block.outline_level, std::move(title)});
        flow_.items.push_back(std::move(m));
    }

    void paragraph(const style::Block& block) {
        const auto& style = block.para.style;
        if (style.page_break_before && !flow_.items.empty()) {
            FlowItem br;
            br.kind = FlowItem::Kind::PageBreak;
            br.annex = block.annex;
            flow_.items.push_back(br);
            pending_space_ = 0;
        }
        double width = block.span ? frame_.width : frame_.column_width(block.annex);
        double measure = width - style.margin_left - style.margin_right;
        std::size_t p = add_paragraph(block.para, measure);
        std::string anchor = block.anchor;
        if (anchor.empty() && block.outline_level > 0) anchor = "outline-" + std::to_string(flow_.items.size());
        marker(block, anchor);
        // a heading is kept whole and with what follows; any other paragraph kept with the next
        // block (a lead) keeps only its last line with it, and may break inside as others do
        bool heading = block.node && block.node.index() < doc_.structure.size() &&
                       doc_.structure[block.node.index()].role == base::Role::Heading;
        push(line_items(p, block.node, style.margin_left, block.span, block.annex, style.keep_with_next && heading,
                        space_for(style), style.keep_with_next));
        pending_space_ = style.space_after;
    }

    void figure(const style::Block& block) {
        const auto& style = block.para.style;
        bool floating = block.float_to != style::Block::Float::None;
        // floating figures go across the full text width, like the printed report's photos; so do
        // the images of a parallel edition, whose captions stand in each language's column (the
        // distributor sets the captions of one figure side by side, under the image)
        bool wide = floating || block.span || options_.parallel;
        double width = wide ? frame_.width : frame_.column_width(block.annex);
        // a photo shown whole keeps its shape; one that fills its frame (cover) gets the usual one
        double aspect = block.aspect > 0 && !block.cover ? block.aspect : kPlaceholderAspect;
        // as wide as it may be (the layout's share of the text height at most, the figure's own
        // share of the width if it gives one), centred
        double room = block.width_share > 0 ? width * block.width_share : width;
        double height = std::min(room * aspect, (frame_.bottom - frame_.top) * frame_.figure_height);
        double image_width = std::min(room, height / aspect);

        std::vector<FlowItem> items;
        if (!block.anchor.empty()) {
            FlowItem m;
            m.kind = FlowItem::Kind::Marker;
            m.keep_with_next = true;
            m.content = add_content({{}, block.anchor, 0, {}});
            m.annex = block.annex;
            items.push_back(m);
        }
        FlowItem image;
        image.kind = FlowItem::Kind::Image;
        image.height = height + kFigureGap;
        image.space_before = floating ? 0 : space_for(style);
        image.keep_with_next = true;  // a photo never parts from its caption
        image.annex = block.annex;
        image.node = block.image_node;
        display::Rect frame{(width - image_width) / 2, 0, image_width, height};
        image.content = add_content({{frame, block.image_path, block.cover}, {}, 0, {}});
        if (options_.parallel) image.span = true;
        items.push_back(image);
        double caption_width = options_.parallel ? frame_.column_width(block.annex) : width;
        std::size_t p = add_paragraph(block.para, caption_width - style.margin_left - style.margin_right);
        auto caption = line_items(p, block.caption_node, style.margin_left, false, block.annex, true, 0);
        if (!caption.empty()) caption.back().keep_with_next = false;
        for (auto& c : caption) items.push_back(std::move(c));

        if (!floating) {
            for (auto& i : items) i.span = i.span || block.span;
            push(std::move(items));
            pending_space_ = style.space_after;
            return;
        }
        FloatGroup group;
        group.bottom = block.float_to == style::Block::Float::Bottom;
        for (auto& i : items) {
            i.span = true;
            group.height += i.height;
        }
        group.height += style.space_after;  // between the figure and the text below (or above) it
        group.items = std::move(items);
        flow_.floats.push_back(std::move(group));
        FlowItem ref;
        ref.kind = FlowItem::Kind::Float;
        ref.annex = block.annex;
        ref.float_group = flow_.floats.size() - 1;
        flow_.items.push_back(ref);
    }

    // Column widths as browsers and TeX's tabularx share them out: each column's minimum is its
    // widest unbreakable piece, its maximum its widest cell set on one line. If the maxima fit
    // they are used (stretched to the measure); otherwise every column gets its minimum plus a
    // share of the remaining room in proportion to how much more it would like. Spanning cells
    // do not count: they take what the columns they cover add up to.
    std::vector<double> column_widths(const style::Block& block, double width) {
        std::size_t columns = block.header.size();
        for (const auto& row : block.rows) {
            if (row.span_from < 0) columns = std::max(columns, row.cells.size());
        }
        std::vector<double> min_w(columns, 2 * kCellPadding), max_w(columns, 2 * kCellPadding);
        auto consider = [&](const NaturalWidths& w, std::size_t c) {
            min_w[c] = std::max(min_w[c], w.widest_piece + 2 * kCellPadding);
            max_w[c] = std::max(max_w[c], w.line + 2 * kCellPadding);
        };
        for (std::size_t c = 0; c < block.header.size(); ++c) consider(natural_widths(block.header[c]), c);
        for (const auto& row : block.rows) {
            std::size_t own = row.span_from >= 0 ? static_cast<std::size_t>(row.span_from) : row.cells.size();
            for (std::size_t c = 0; c < own && c < columns; ++c) {
                CellKey key{&block.cell_styles[row.style], row.unbreakable(c), 0};
                // (a hand-written cell's markup is not in its text: those are measured each time)
                const auto* kept = row.rich.empty() ? natural_widths_.find(key, row.cells[c]) : nullptr;
                if (kept) {
                    consider(*kept, c);
                    continue;
                }
                std::size_t said = diags_.total();
                auto w = natural_widths(cell_paragraph(block, row, c));
                if (diags_.total() == said && row.rich.empty()) natural_widths_.offer(key, row.cells[c], w);
                consider(w, c);
            }
        }
        double sum_min = 0, sum_max = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            sum_min += min_w[c];
            sum_max += max_w[c];
        }
        std::vector<double> widths(columns);
        if (sum_min > width) return narrow_columns(min_w, max_w, width);
        for (std::size_t c = 0; c < columns; ++c) {
            if (sum_max <= width) {
                widths[c] = max_w[c] * width / sum_max;
            } else {
                widths[c] = min_w[c] + (width - sum_min) * (max_w[c] - min_w[c]) / (sum_max - sum_min);
            }
        }
        return widths;
    }

    // Some column's longest word is wider than the table allows: the columns whose longest word
    // is within an even share keep their natural width (their longest word, if the natural
    // widths leave the others too little), and the others share what is left; their cells
    // break the long words between characters (fit_cell).
    static std::vector<double> narrow_columns(const std::vector<double>& min_w, const std::vector<double>& max_w,
                                              double width) {
        std::size_t columns = min_w.size();
        double share = width / static_cast<double>(columns);
        double keep_max = 0, keep_min = 0, wide_min = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            if (min_w[c] > share) {
                wide_min += min_w[c];
            } else {
                keep_max += max_w[c];
                keep_min += min_w[c];
            }
        }
        std::vector<double> widths(columns);
        if (wide_min == 0 || keep_min >= width) {  // no one column to blame: all narrowed alike
            for (std::size_t c = 0; c < columns; ++c) widths[c] = min_w[c] * width / (keep_min + wide_min);
            return widths;
        }
        // the wide columns get at least a third of the table when the others' natural widths
        // would leave them less
        bool natural = width - keep_max >= width / 3;
        double rest = width - (natural ? keep_max : keep_min);
        for (std::size_t c = 0; c < columns; ++c) {
            widths[c] = min_w[c] > share ? rest * min_w[c] / wide_min : (natural ? max_w[c] : min_w[c]);
        }
        return widths;
    }

    // The paragraph a data cell is measured as (the one of the table's last cell in that style, remade).
    const style::Paragraph& cell_paragraph(const style::Block& block, const style::TableRow& row, std::size_t c) {
        if (c < row.rich.size()) return row.rich[c];  // a hand-written cell, with its markup
        if (cell_paras_.size() < block.cell_styles.size()) cell_paras_.resize(block.cell_styles.size());
        style::cell_paragraph(block, row, c, doc_.lang, cell_paras_[row.style]);
        return cell_paras_[row.style];
    }

    // The widest unbreakable piece of a paragraph, and its width set on one line.
    NaturalWidths natural_widths(const style::Paragraph& para) {
        measurer_.measure(para, diags_, scratch_);
        NaturalWidths w;
        double piece = 0;
        for (const auto& item : scratch_.items) {
            if (item.kind == text::Item::Kind::Box) {
                piece += item.width;
                w.widest_piece = std::max(w.widest_piece, piece);
            } else {
                piece = 0;
            }
            if (item.kind != text::Item::Kind::Penalty) w.line += item.width;
        }
        return w;
    }

    // A data cell set at `measure`: measured, or a copy of the same text's set before, placed at its own position.
    SetParagraph set_cell(const style::Block& block, const style::TableRow& row, std::size_t c, double measure) {
        const style::ParaStyle& style = block.cell_styles[row.style];
        CellKey key{&style, row.unbreakable(c), measure};
        const auto* kept = row.rich.empty() ? set_cells_.find(key, row.cells[c]) : nullptr;
        if (kept) {
            SetParagraph sp = *kept;
            for (auto& run : sp.mp.runs) run.pos = row.position(c);
            return sp;
        }
        std::size_t said = diags_.total();
        SetParagraph sp = fit_cell(cell_paragraph(block, row, c), style, measure);
        if (diags_.total() == said && row.rich.empty()) set_cells_.offer(key, row.cells[c], sp);
        return sp;
    }

    // A cell's paragraph at `measure`. A word too wide for the cell is broken between two
    // characters, with a warning at the cell, rather than left sticking out of the table.
    SetParagraph fit_cell(const style::Paragraph& para, const style::ParaStyle& style, double measure) {
        SetParagraph sp = set_paragraph(para, style, measure, measurer_, diags_);
        bool overfull = std::any_of(sp.lines.begin(), sp.lines.end(),
                                    [](const para::Line& l) { return l.overfull > para::kOverfullTolerance; });
        if (!overfull) return sp;
        // the widest run of boxes with nothing breakable between them: the word
        double width = 0, widest = 0;
        std::uint32_t begin = 0, end = 0, word_begin = 0;
        for (const auto& item : sp.mp.items) {
            if (item.kind != text::Item::Kind::Box) {
                width = 0;
                continue;
            }
            if (width == 0) word_begin = item.text_begin;
            width += item.width;
            if (width > widest) widest = width, begin = word_begin, end = item.text_end;
        }
        std::string word = end > begin && end <= sp.mp.text.size()
                               ? base::truncate_code_points(std::string_view(sp.mp.text).substr(begin, end - begin), 40)
                               : std::string();
        diags_.warning(text::source_position(sp.mp, begin),
                       "the word '" + word + "' is wider than its column: broken between two characters",
                       {"a soft hyphen (&#xAD;) or a zero-width space (&#x200B;) marks a better place"});
        return set_paragraph(para, style, measure, measurer_, diags_, measure);
    }

    // A row of `count` cells; set_cell(c, measure) sets the paragraph of column c.
    template <class SetCell>
    SetRow set_row(std::size_t count, int span_from, const std::vector<double>& widths, SetCell set_cell) {
        SetRow row;
        row.cells.reserve(count);
        row.widths.reserve(count);
        for (std::size_t c = 0; c < count && c < widths.size(); ++c) {
            double w = widths[c];
            bool spans = span_from >= 0 && c == static_cast<std::size_t>(span_from);
            if (spans) {
                for (std::size_t k = c + 1; k < widths.size(); ++k) w += widths[k];
            }
            row.cells.push_back(set_cell(c, w - 2 * kCellPadding));
            row.widths.push_back(w);
            if (spans) break;
        }
        for (const auto& c : row.cells) {
            row.height = std::max(row.height, static_cast<double>(c.lines.size()) * c.style->leading);
        }
        row.height += 2 * kCellPadding;
        return row;
    }

    // `group`: a row that heads the rows below it (an agenda's day or slot, a grouped table's
    // group name): kept with the two rows that follow it.
    void add_row(const style::Block& block, SetRow row, bool header, base::Role role, bool group = false) {
        row.header = header;
        row.role = header ? base::Role::HeaderRow : role;
        row.group = group;
        FlowItem item;
        item.kind = FlowItem::Kind::Row;
        item.height = row.height;
        item.space_before = table_space_;
        table_space_ = 0;
        // a header never stands alone at a column's foot, nor a group row with fewer than two rows
        item.keep_with_next = header || group || kept_rows_ > 0;
        if (!header) kept_rows_ = group ? 1 : (kept_rows_ > 0 ? kept_rows_ - 1 : 0);
        item.span = block.span;
        item.annex = block.annex;
        item.table = table_id_;
        item.node = block.node;
        // A row taller than a page (with the header above it) would run off the page: it is set
        // in pieces of as many lines as fit, each piece a row of its own (the distributor never
        // splits a row), the break marked by a dashed rule.
        double header_height = flow_.table_header[table_id_] == kNone
                                   ? 0
                                   : flow_.rows[flow_.items[flow_.table_header[table_id_]].row].height;
        double room = frame_.bottom - frame_.top - header_height - 2 * kCellPadding - 12;
        double leading = 0;
        std::size_t lines = 0;
        for (const auto& c : row.cells) {
            leading = std::max(leading, c.style->leading);
            lines = std::max(lines, c.lines.size());
        }
        std::size_t per_piece = leading > 0 ? static_cast<std::size_t>(room / leading) : lines;
        flow_.rows.push_back(std::move(row));
        item.row = flow_.rows.size() - 1;
        if (header) flow_.table_header[table_id_] = flow_.items.size();
        if (header || per_piece == 0 || lines <= per_piece || item.height <= room) {
            flow_.items.push_back(std::move(item));
            return;
        }
        for (std::size_t first = 0; first < lines; first += per_piece) {
            FlowItem piece = item;
            piece.line = first;
            piece.line_end = std::min(lines, first + per_piece);
            piece.height = static_cast<double>(piece.line_end - first) * leading + 2 * kCellPadding;
            piece.space_before = first == 0 ? item.space_before : 0;
            piece.keep_with_next = piece.line_end == lines && item.keep_with_next;  // may break between pieces
            flow_.items.push_back(std::move(piece));
        }
    }

    void begin_table(const style::Block& block) {
        double width = block.span ? frame_.width : frame_.column_width(block.annex);
        cell_paras_.clear();  // they were in the last table's styles
        table_widths_ = column_widths(block, width);
        table_id_ = flow_.table_header.size();
        kept_rows_ = 0;
        flow_.table_header.push_back(kNone);
        if (!block.anchor.empty()) marker(block, block.anchor);
        table_space_ = space_for(layout_.style("table-cell")) + 6;
        if (!block.header.empty()) {
            auto set_cell = [&](std::size_t c, double measure) {
                return fit_cell(block.header[c], block.header[c].style, measure);
            };
            add_row(block, set_row(block.header.size(), -1, table_widths_, set_cell), true, base::Role::HeaderRow);
        }
        table_ = &block;
        table_row_ = 0;
    }

    void table_rows() {
        const auto& block = *table_;
        std::size_t end = std::min(block.rows.size(), table_row_ + kRowsPerChunk);
        for (; table_row_ < end; ++table_row_) {
            const auto& row = block.rows[table_row_];
            auto set_data_cell = [&](std::size_t c, double measure) { return set_cell(block, row, c, measure); };
            bool group = row.span_from == 0 || row.role == base::Role::Day || row.role == base::Role::Slot;
            add_row(block, set_row(row.cells.size(), row.span_from, table_widths_, set_data_cell), false, row.role, group);
        }
        if (table_row_ >= block.rows.size()) {
            pending_space_ = layout_.style("table-cell").space_after + 6;
            table_ = nullptr;
        }
    }
};

Collector::Collector(const style::StyledDocument& doc, const Frame& frame, text::Measurer& measurer,
                     base::Diagnostics& diags, const CollectOptions& options, Flow& into)
    : impl_(std::make_unique<Impl>(doc, frame, measurer, diags, options, into)) {}
Collector::~Collector() = default;
bool Collector::next() { return impl_->next(); }

}  // namespace compose::page
