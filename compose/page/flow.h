#pragma once
// The page builder's inner types: blocks become a flow of items (lines, table rows, images,
// markers) that the distributor stacks into columns and pages. Internal to the page stage.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/display/display.h"
#include "compose/para/para.h"
#include "compose/style/style.h"
#include "compose/text/text.h"

namespace compose::page {

struct SetParagraph {
    text::MeasuredParagraph mp;
    std::vector<para::Line> lines;
    const style::ParaStyle* style = nullptr;
    double measure = 0;
};

// Measures a paragraph and breaks it into lines of the given measure.
SetParagraph set_paragraph(const style::Paragraph& para, double measure, text::Measurer& measurer,
                           base::Diagnostics& diags);
// The same in `style`, the paragraph's own style kept elsewhere: a table cell's paragraph is made
// only to be measured, its style stays with the table.
// `break_anywhere`: see text::Measurer::measure.
SetParagraph set_paragraph(const style::Paragraph& para, const style::ParaStyle& style, double measure,
                           text::Measurer& measurer, base::Diagnostics& diags, double break_anywhere = 0);

struct SetRow {
    std::vector<SetParagraph> cells;
    std::vector<double> widths;  // of each cell, spans included
    double height = 0;
    bool header = false;
    base::Role role = base::Role::Row;  // a header row, a row, an agenda's day, slot or talk
    bool group = false;  // it heads the rows below it (a day, a slot, a grouped table's group name)
    base::NodeId node;  // its element, once placed (a split row's pieces share it); its cells' follow it
};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// What an image or a marker item shows, kept beside the items: a long table's flow has an item
// per row, which need none of it.
struct ItemContent {
    display::Image image;       // Image: frame relative to (x, top of the item)
    std::string anchor;         // Marker
    int outline_level = 0;      // Marker
    std::string outline_title;  // Marker
};

struct FlowItem {
    enum class Kind {
        Line,       // a line of a paragraph
        Row,        // a table row (never split)
        Image,      // a figure's image (or its placeholder box)
        Marker,     // zero height: a named destination and/or an outline entry
        Float,      // zero height: the point where a floating figure is first referred to
        PageBreak,  // the next item starts a page (annexes)
    };
    Kind kind = Kind::Line;
    double height = 0;        // what it takes in the column
    double space_before = 0;  // dropped at the top of a column
    bool keep_with_next = false;  // no column break right after it (headings, orphans, widows)
    bool span = false;            // across all columns (the title block)
    bool annex = false;           // on annex pages (their own column count)
    double x = 0;                 // offset from the column's (or span's) left edge
    std::size_t para = kNone;     // Line: index into Flow::paragraphs
    std::size_t line = 0;         // Line: the line's index in its paragraph
    std::size_t row = kNone;      // Row: index into Flow::rows
    std::size_t table = kNone;    // Row: which table (for repeating its header)
    std::size_t content = kNone;  // Image, Marker: index into Flow::contents
    base::NodeId node;            // Line, Image: the element it shows; Row: its table
    std::size_t float_group = kNone;  // Float: index into Flow::floats
    // Row: a row taller than a page is set in pieces, each showing lines [line, line_end) of
    // every cell; kNone: the whole row
    std::size_t line_end = kNone;
};

// A figure that floats: its items (image, caption lines) go together to a page's top or bottom.
struct FloatGroup {
    std::vector<FlowItem> items;  // laid out across the full text width
    double height = 0;
    bool bottom = false;
};

struct Flow {
    std::vector<std::pair<std::size_t, std::size_t>> block_items;  // per style block: its items [first, last)
    std::vector<SetParagraph> paragraphs;
    std::vector<SetRow> rows;
    std::vector<FlowItem> items;
    std::vector<FloatGroup> floats;
    std::vector<std::size_t> table_header;  // per table: the item index of its header row, or kNone
    std::vector<ItemContent> contents;
};

// Geometry of the text area: full width and per-master column widths.
struct Frame {
    double left = 0, top = 0, width = 0, bottom = 0;
    int columns = 1, annex_columns = 1;
    double gutter = 18;
    double figure_height = 0.45, top_figures = 0.7, min_text = 0.2;  // see style::PageStyle
    double column_width(bool annex) const {
        int n = annex ? annex_columns : columns;
        return (width - (n - 1) * gutter) / n;
    }
};

struct CollectOptions {
    // A parallel edition sets each language in its own column: a figure's image goes across both
    // columns and its caption into the column.
    bool parallel = false;
};

// Blocks -> flow items, a piece at a time: each next() appends a block's items (or a chunk of a
// long table's rows) to the flow; false when every block is in.
class Collector {
public:
    Collector(const style::StyledDocument& doc, const Frame& frame, text::Measurer& measurer,
              base::Diagnostics& diags, const CollectOptions& options, Flow& into);
    ~Collector();
    bool next();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// An item of one of the flows being distributed: a parallel edition has one flow per language.
struct ItemRef {
    std::size_t lane = 0;
    std::size_t item = 0;
    bool operator==(const ItemRef&) const = default;
};

// Where an item (or a repeated table header) lands: its box's top-left corner on a page.
struct Placement {
    std::size_t item = 0;        // index into Flow::items, or into the float group's items
    std::size_t float_group = kNone;
    std::size_t flow = 0;        // which flow (a parallel edition has one per language)
    double x = 0, y = 0;
};

struct PagePlan {
    bool annex = false;
    std::vector<Placement> placements;
    std::vector<ItemRef> anchors;  // the floats whose place in the text is on this page (lane, group)
    bool ends = false;             // the text stops here: a page break or the document's end follows
    bool figures_only = false;     // a page of figures (no text may go on it)
};

}  // namespace compose::page
