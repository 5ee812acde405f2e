// The page stage's script: collect the flow, distribute it into pages, then write each page's
// display list (lines, rows, images, destinations), running heads and folios.
#include <algorithm>
#include <cmath>
#include <optional>

#include "compose/base/dates.h"
#include "compose/base/utf8.h"
#include "compose/page/distribute.h"
#include "compose/page/flow.h"
#include "compose/page/layout_audit.h"
#include "compose/page/page.h"
#include "compose/page/page_writer.h"
#include "compose/para/para.h"

namespace compose::page {

SetParagraph set_paragraph(const style::Paragraph& para, const style::ParaStyle& style, double measure,
                           text::Measurer& measurer, base::Diagnostics& diags, double break_anywhere) {
    SetParagraph sp;
    sp.style = &style;
    sp.measure = measure;
    sp.mp = measurer.measure(para, diags, break_anywhere);
    para::BreakParams params{measure, style.indent, style.align};
    params.em = style.size;
    params.protrusion = style.protrusion;
    params.expansion = style.expansion;
    sp.lines = para::break_paragraph(sp.mp, params);
    return sp;
}

SetParagraph set_paragraph(const style::Paragraph& para, double measure, text::Measurer& measurer,
                           base::Diagnostics& diags) {
    return set_paragraph(para, para.style, measure, measurer, diags);
}

namespace {

constexpr double kCellPadding = 3;
constexpr std::uint32_t kPlaceholderFill = 0xEBEBEB, kPlaceholderLine = 0x999999;

// The widest run of boxes with no glue or penalty between them on a line (the word that made it
// overfull), its first 40 code points.
std::string widest_word(const text::MeasuredParagraph& mp, const para::Line& line, std::uint32_t& offset) {
    double best = -1, width = 0;
    std::uint32_t best_begin = 0, best_end = 0, begin = 0;
    bool in_word = false;
    for (std::uint32_t i = line.item_begin; i < line.item_end && i < mp.items.size(); ++i) {
        const auto& item = mp.items[i];
        if (item.kind != text::Item::Kind::Box) {
            in_word = false;
            continue;
        }
        if (!in_word) {
            in_word = true;
            width = 0;
            begin = item.text_begin;
        }
        width += item.width;
        if (width > best) {
            best = width;
            best_begin = begin;
            best_end = item.text_end;
        }
    }
    offset = best_begin;
    std::string_view text(mp.text);
    return best_end > best_begin && best_end <= text.size() ? base::truncate_code_points(text.substr(best_begin, best_end - best_begin), 40)
                                                             : std::string();
}

// A line's text as set: its items' characters, and the hyphen drawn at a hyphenated break.
std::string line_text(const text::MeasuredParagraph& mp, const para::Line& line) {
    if (line.item_begin >= line.item_end || line.item_end > mp.items.size()) return {};
    std::uint32_t begin = mp.items[line.item_begin].text_begin, end = mp.items[line.item_end - 1].text_end;
    std::string text = end > begin && end <= mp.text.size() ? mp.text.substr(begin, end - begin) : std::string();
    if (line.draws_hyphen(mp)) text += "-";
    return text;
}

class PageEmitter {
public:
    // `flows`: one, or a parallel edition's two (the outline and running heads come from the first).
    // With a sink, each page goes to it as soon as it is made and its lines are then released.
    // `trees`: each flow's structure tree.
    PageEmitter(const style::StyledDocument& doc, std::vector<Flow*> flows, std::vector<const std::vector<base::Node>*> trees,
                const Frame& frame, text::Measurer& measurer, base::Diagnostics& diags, para::LineStats* stats,
                const PageSink* sink, LayoutReport* report)
        : doc_(doc), flows_(std::move(flows)), frame_(frame), measurer_(measurer), diags_(diags), stats_(stats),
          sink_(sink), writer_(out_, measurer.fonts()), tagger_(trees), lines_left_(flows_.size()) {
        out_.metadata = metadata_of(doc_);
        if (report) audit_.emplace(flows_, trees, frame, *report, diags);
    }

    void page(const PagePlan& plan) {
        std::size_t number = ++page_count_;
        if (audit_) audit_->page(plan, number);  // before the page's lines are released
        display::Page page;
        page.width = doc_.layout.page.width;
        page.height = doc_.layout.page.height;
        page.label = std::to_string(number);
        page.master = plan.annex ? "annex" : "body";
        page.lang = doc_.lang;
        tagger_.new_page();
        std::string first_heading;
        for (const auto& placement : plan.placements) {
            Flow& flow = *flows_[placement.flow];
            const FlowItem& item = placement.float_group == kNone
                                       ? flow.items[placement.item]
                                       : flow.floats[placement.float_group].items[placement.item];
            // a parallel edition's second flow repeats the first's destinations: the first's count
            if (item.kind == FlowItem::Kind::Marker && placement.flow > 0) continue;
            emit(page, flow, item, placement, number);
            release(placement.flow, item);
            if (item.kind == FlowItem::Kind::Marker && flow.contents[item.content].outline_level == 1 &&
                first_heading.empty()) {
                first_heading = flow.contents[item.content].outline_title;
            }
        }
        tagger_.close(page);
        if (!first_heading.empty()) section_ = first_heading;
        if (number > 1) running_head(page, first_heading.empty() ? section_ : first_heading);
        folio(page);
        if (sink_) {
            if (!(*sink_)(std::move(page), out_.fonts)) failed_ = true;
        } else {
            out_.pages.push_back(std::move(page));
        }
    }

    display::Document finish() {
        for (const auto& item : flows_[0]->items) {
            if (item.kind != FlowItem::Kind::Marker) continue;
            const auto& marker = flows_[0]->contents[item.content];
            if (marker.outline_level > 0) {
                out_.outline.push_back({marker.outline_title, marker.anchor, marker.outline_level});
            }
        }
        if (failed_) throw base::Fatal{};  // the sink has said why
        return std::move(out_);
    }

private:
    const style::StyledDocument& doc_;
    std::vector<Flow*> flows_;
    const Frame& frame_;
    text::Measurer& measurer_;
    base::Diagnostics& diags_;
    para::LineStats* stats_;
    const PageSink* sink_;
    display::Document out_;
    PageWriter writer_;
    Tagger tagger_;
    std::optional<LayoutAudit> audit_;
    std::vector<std::vector<std::size_t>> lines_left_;  // per flow and paragraph: lines not yet placed
    std::size_t page_count_ = 0;
    std::string section_;  // the heading in force, for running heads
    bool failed_ = false;

    static std::size_t max_lines(const SetRow& row) {
        std::size_t n = 0;
        for (const auto& c : row.cells) n = std::max(n, c.lines.size());
        return n;
    }

    // Once placed, a paragraph's measured text and a table row's cells are not needed again:
    // freeing them keeps memory flat however long the document.
    void release(std::size_t f, const FlowItem& item) {
        Flow& flow = *flows_[f];
        if (item.kind == FlowItem::Kind::Line && item.para != kNone) {
            auto& left = lines_left_[f];
            while (left.size() <= item.para) left.push_back(flow.paragraphs[left.size()].lines.size());
            if (left[item.para] > 0 && --left[item.para] == 0) flow.paragraphs[item.para] = SetParagraph{};
        } else if (item.kind == FlowItem::Kind::Row && item.row != kNone && !flow.rows[item.row].header &&
                   (item.line_end == kNone || item.line_end >= max_lines(flow.rows[item.row]))) {
            flow.rows[item.row] = SetRow{};  // (a split row: once its last piece is placed)
        }
    }

    void emit_line(display::Page& page, const SetParagraph& sp, std::size_t index, double x, double top,
                   std::size_t page_number, base::NodeId node) {
        const auto& line = sp.lines[index];
        auto [ascent, descent] = PageWriter::extent(sp.mp, line);
        double baseline = top + (sp.style->leading + ascent + descent) / 2;
        double indent = index == 0 ? sp.style->indent : 0;
        writer_.emit_line(page, sp.mp, line, x + indent, baseline, sp.style->align, node ? &tagger_ : nullptr, node);
        // located like TeX's overfull and underfull boxes: the paragraph's run in the source, and the page
        auto pos = line.item_begin < sp.mp.items.size() ? sp.mp.runs[sp.mp.items[line.item_begin].run].pos
                                                         : base::SourcePos{};
        char amount[64];
        if (line.overfull > para::kOverfullTolerance) {
            // the breaker leaves a line overfull only when one word is wider than the measure: an
            // error in the source (it would stick out of its column or cell), named by the word
            std::snprintf(amount, sizeof amount, "%.1f", line.overfull);
            std::uint32_t at = 0;
            std::string word = widest_word(sp.mp, line, at);
            diags_.error(text::source_position(sp.mp, at), "the word '" + word + "' is wider than its column and has no break opportunity (" +
                                  amount + "pt too wide, on page " + std::to_string(page_number) + ")",
                         {"a soft hyphen (&#xAD;) or a zero-width space (&#x200B;) marks where it may break"});
        } else if (stats_ && !stats_->records && sp.style->align == style::Align::Justify && !line.last && line.ratio > 0 &&
                   line.badness > para::kUnderfullBadness) {
            // TeX's "underfull \hbox": a note behind the --stats counts (a loose line is a blemish
            // the breaker could not avoid, not an error in the source); a line listing shows it anyway
            std::snprintf(amount, sizeof amount, "%.0f", line.badness);
            diags_.add({base::Severity::Note, pos,
                        std::string("underfull line (badness ") + amount + "): spaces stretched to " +
                            std::to_string(static_cast<int>(line.ratio * 100 + 0.5)) +
                            "% of their stretchability, on page " + std::to_string(page_number),
                        {}});
        }
        if (stats_) stats_->add(line, index, sp.style->align);
        if (stats_ && stats_->records) {
            stats_->records->push_back({page_number, pos, index, line_text(sp.mp, line), line.set_width(), line.width,
                                        line.ratio, line.badness, line.hyphenated, line.last});
        }
    }

    void emit(display::Page& page, Flow& flow, const FlowItem& item, const Placement& at, std::size_t page_number) {
        switch (item.kind) {
        case FlowItem::Kind::Line:
            emit_line(page, flow.paragraphs[item.para], item.line, at.x, at.y, page_number,
                      tagger_.global(at.flow, item.node));
            break;
        case FlowItem::Kind::Row: emit_row(page, flow.rows[item.row], item, at, page_number); break;
        case FlowItem::Kind::Image: {
            tagger_.enter(page, tagger_.global(at.flow, item.node));
            display::Image image = flow.contents[item.content].image;
            image.frame.x += at.x - item.x;
            image.frame.y += at.y;
            if (image.path.empty()) {
                // a missing photo (--draft): a grey box where it goes
                tagger_.artifact(page, base::Artifact::Placeholder);
                page.add<display::Shape>(display::Shape{image.frame, kPlaceholderFill, display::Stroke{kPlaceholderLine, 0.5, {}}});
            } else {
                page.add<display::Image>(std::move(image));
            }
            break;
        }
        case FlowItem::Kind::Marker:
            if (const auto& anchor = flow.contents[item.content].anchor; !anchor.empty()) {
                page.add<display::Destination>(display::Destination{anchor, at.y});
            }
            break;
        case FlowItem::Kind::Float:
        case FlowItem::Kind::PageBreak: break;
        }
    }

    // A table row: each cell an element of the row, the row one of the table; a header row
    // repeated on a later page is an artifact (the table's header is its first showing). The rule
    // below it is drawn: heavier under a header, dashed where a split row continues.
    void emit_row(display::Page& page, SetRow& row, const FlowItem& item, const Placement& at, std::size_t page_number) {
        const bool repeated = row.header && row.node;
        const bool piece = item.line_end != kNone;  // part of a row split across pages
        if (repeated) {
            tagger_.artifact(page, base::Artifact::RepeatedHeader);
        } else if (!row.node) {
            // the row's element, then its cells', made one after another: cell c is the row's id + 1 + c
            row.node = tagger_.make(page, row.role, tagger_.global(at.flow, item.node));
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                tagger_.make(page, row.header ? base::Role::HeaderCell : base::Role::Cell, row.node);
            }
        }
        double x = at.x;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            base::NodeId cell = repeated ? base::NodeId{} : base::NodeId(row.node.index() + 1 + static_cast<std::uint32_t>(c));
            if (cell) tagger_.enter(page, cell);
            double y = at.y + kCellPadding;
            std::size_t first = piece ? item.line : 0;
            std::size_t end = piece ? std::min(item.line_end, row.cells[c].lines.size()) : row.cells[c].lines.size();
            for (std::size_t i = first; i < end; ++i) {
                emit_line(page, row.cells[c], i, x + kCellPadding, y, page_number, cell);
                y += row.cells[c].style->leading;
            }
            x += row.widths[c];
        }
        double bottom = at.y + item.height;
        bool continues = piece && item.line_end < max_lines(row);
        display::Stroke stroke{row.header ? 0x000000u : 0x999999u, row.header ? 0.8 : 0.3, {}};
        if (continues) stroke.dash = {3, 2};
        if (!repeated) tagger_.artifact(page, base::Artifact::Rule);
        page.add<display::Shape>(display::Shape{display::Segment{at.x, bottom, x, bottom}, std::nullopt, std::move(stroke)});
    }

    // One line of text in a named style at a baseline, set across the text width.
    void page_furniture(display::Page& page, const std::string& style_name, const std::string& text, double baseline,
                        style::Align align) {
        const auto& style = doc_.layout.style(style_name);
        style::Paragraph para;
        para.style = style;
        para.style.align = align;
        para.runs.push_back({text, style.family, style.bold, style.italic, style.size, doc_.lang, style.color, "", {}});
        SetParagraph sp = set_paragraph(para, frame_.width, measurer_, diags_);
        if (sp.lines.empty()) return;
        tagger_.artifact(page, style_name == "folio" ? base::Artifact::Folio : base::Artifact::RunningHead);
        writer_.emit_line(page, sp.mp, sp.lines[0], frame_.left, baseline, align);
        tagger_.close(page);
    }

    void folio(display::Page& page) {
        const auto& style = doc_.layout.style("folio");
        page_furniture(page, "folio", page.label, frame_.bottom + doc_.layout.page.folio_offset, style.align);
    }

    // Report title at the left, the section at the right, above the text area (not on page 1).
    void running_head(display::Page& page, const std::string& section) {
        if (doc_.layout.page.header_offset <= 0 || !doc_.layout.styles.count("running-head")) return;
        double baseline = frame_.top - doc_.layout.page.header_offset;
        page_furniture(page, "running-head", doc_.title, baseline, style::Align::Left);
        if (!section.empty()) page_furniture(page, "running-head", section, baseline, style::Align::Right);
    }
};

}  // namespace

namespace {

Frame frame_of(const style::Layout& layout) {
    const auto& p = layout.page;
    Frame frame;
    frame.left = p.margin_left;
    frame.top = p.margin_top;
    frame.width = p.width - p.margin_left - p.margin_right;
    frame.bottom = p.height - p.margin_bottom;
    frame.columns = p.columns;
    frame.annex_columns = p.annex_columns;
    frame.gutter = p.gutter;
    frame.figure_height = p.figure_height;
    frame.top_figures = p.top_figures;
    frame.min_text = p.min_text;
    return frame;
}

}  // namespace

display::Metadata metadata_of(const style::StyledDocument& doc) {
    return {doc.title, doc.author, doc.subject, "", doc.lang, base::epoch_of_iso_date(doc.published)};
}

display::Document build_pages(const style::StyledDocument& doc, text::Measurer& measurer, base::Diagnostics& diags,
                              para::LineStats* stats, const PageSink* sink, LayoutReport* report) {
    Frame frame = frame_of(doc.layout);
    Flow flow;
    Collector collector(doc, frame, measurer, diags, {}, flow);
    PageEmitter emitter(doc, {&flow}, {&doc.structure}, frame, measurer, diags, stats, sink, report);
    distribute({{&flow, [&collector] { return collector.next(); }}}, frame,
               [&emitter](PagePlan&& plan) { emitter.page(plan); });
    return emitter.finish();
}

display::Document build_parallel_pages(const style::StyledDocument& left, const style::StyledDocument& right,
                                       text::Measurer& measurer, base::Diagnostics& diags, para::LineStats* stats,
                                       const PageSink* sink, LayoutReport* report) {
    if (left.blocks.size() != right.blocks.size()) {
        diags.error({}, "the two editions of a parallel edition do not have the same blocks");
        throw base::Fatal{};
    }
    // two columns, one per language, whatever the layout's own column count; annexes stay wide
    Frame frame = frame_of(left.layout);
    frame.columns = 2;
    frame.gutter = std::max(frame.gutter, 18.0);
    CollectOptions options;
    options.parallel = true;
    Flow left_flow, right_flow;
    Collector left_collector(left, frame, measurer, diags, options, left_flow);
    Collector right_collector(right, frame, measurer, diags, options, right_flow);
    PageEmitter emitter(left, {&left_flow, &right_flow}, {&left.structure, &right.structure}, frame, measurer, diags,
                        stats, sink, report);
    distribute({{&left_flow, [&left_collector] { return left_collector.next(); }},
                {&right_flow, [&right_collector] { return right_collector.next(); }}},
               frame, [&emitter](PagePlan&& plan) { emitter.page(plan); });
    return emitter.finish();
}

}  // namespace compose::page
