#pragma once
// Stage "style": edition + layout -> blocks with computed styles, inline content as styled runs.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compose/base/align.h"
#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/resolve/resolve.h"

namespace compose::style {

using base::Align;

struct ParaStyle {
    std::string name;
    std::string family = "Noto Serif";
    bool bold = false;
    bool italic = false;
    double size = 10;        // points
    double leading = 13;     // baseline to baseline, points
    double space_before = 0;
    double space_after = 0;
    double indent = 0;       // first line
    double margin_left = 0;
    double margin_right = 0;
    Align align = Align::Justify;
    bool hyphenate = false;  // words may be broken at hyphenation points (layouts switch it on)
    // words that begin with a capital too (TeX's \uchyph=1: on, since without it the bundled
    // report's justified lines loosen, 11 -> 17 loose lines in English); people's names (off)
    bool hyphenate_capitals = true, hyphenate_names = false;
    bool protrusion = false; // justified lines hang punctuation and hyphens into the margins
    bool expansion = false;  // justified lines may draw their glyphs up to 2% wider or narrower
    bool keep_with_next = false;
    bool page_break_before = false;  // annexes start on a new page
    std::uint32_t color = 0x000000;
    base::SourcePos pos;     // where the layout defines it
};

struct PageStyle {
    double width = 595.28, height = 841.89;  // A4
    double margin_top = 72, margin_bottom = 72, margin_left = 72, margin_right = 72;
    double folio_offset = 36;  // baseline of the page number below the text area
    double header_offset = 0;  // baseline of the running head above the text area; 0: no running head
    int columns = 1;
    int annex_columns = 1;     // annexes (participant lists, agendas) read best in one column
    double gutter = 18;        // between columns
    // figures: the largest share of the text height a figure's image takes; the share of a page
    // figures at its top may take; the share figures at its foot leave to the text
    double figure_height = 0.45, top_figures = 0.7, min_text = 0.2;
};

struct Layout {
    std::string name;
    PageStyle page;
    std::map<std::string, ParaStyle> styles;
    std::vector<std::string> fallback_families;  // tried in order for characters the style's family lacks

    // The named style; a layout that lacks one gets the body style (with a diagnostic at load).
    const ParaStyle& style(const std::string& name) const;
};

// Every style name a layout must define: the page builder asks for these.
const std::vector<std::string>& required_styles();

// Loads layouts/<name>.xml from the data folder; reports errors at file:line:col. A layout that
// extends another reads it from the same folder. `limits`: file-size and depth.
std::optional<Layout> load_layout(const std::string& path, base::Diagnostics& diags, const base::Limits& limits = {});
// Same, from text already in memory (tests and fuzzing); `path` names it and its folder.
std::optional<Layout> load_layout_text(const std::string& path, const std::string& text, base::Diagnostics& diags,
                                       const base::Limits& limits = {});

struct Run {
    std::string text;
    std::string family;
    bool bold = false;
    bool italic = false;
    double size = 10;
    std::string lang;
    std::uint32_t color = 0;
    std::string link;  // "https://…", "mailto:…", or "#dest" for an internal destination
    base::SourcePos pos;
    std::vector<base::TextAnchor> anchors;  // where its characters are in the source (base::position_in)
    bool nobreak = false;  // no line break inside the run, no hyphenation (<nobreak>)
    std::optional<base::Role> role;  // a person's name (Person) or an inline quotation (InlineQuote)
};

struct Paragraph {
    ParaStyle style;
    std::vector<Run> runs;
    base::SourcePos pos;
};

// A table row keeps its cells as plain text: the page builder makes each into a paragraph
// (cell_paragraph) only when it measures it, so a 50,000-row table holds no copy of a style per cell.
struct TableRow {
    std::vector<std::string> cells;
    int span_from = -1;  // >= 0: the last cell starts in this column and spans to the table's edge
    std::size_t style = 0;  // its cells' style: an index into Block::cell_styles
    int unbroken = -1;      // a column whose cell never breaks across lines (an agenda's times)
    base::SourcePos pos;
    std::vector<base::SourcePos> cell_pos;  // a hand-written table's cells, each where it is; else empty
    // a hand-written table's cells as paragraphs, with their markup (emphasis, links); empty for
    // tables of data, whose cells are plain text (a hand-written table is short)
    std::vector<Paragraph> rich;
    base::Role role = base::Role::Row;  // or an agenda's Day, Slot or Talk

    const base::SourcePos& position(std::size_t column) const {
        return column < cell_pos.size() ? cell_pos[column] : pos;
    }
    bool unbreakable(std::size_t column) const { return static_cast<int>(column) == unbroken; }
};

struct Block {
    enum class Kind { Paragraph, Figure, Table };
    enum class Float { None, Top, Bottom };
    Kind kind = Kind::Paragraph;
    // the element of the structure tree the block is (see resolve::Block::node)
    base::NodeId node;
    base::NodeId image_node, caption_node;  // figures
    bool annex = false;  // set on the annex pages (their own column count)
    bool span = false;   // across all columns (the title block, full-width photos)
    Float float_to = Float::None;  // figures: float to the top or bottom of a page
    Paragraph para;      // paragraphs; figures: the caption
    std::string anchor;  // named destination at the block's top
    int outline_level = 0;  // > 0: the block's text goes into the PDF outline
    // figures
    std::string image_path;
    std::string label;
    double aspect = 0;  // height / width of the image; 0 when unknown (a placeholder is drawn)
    bool cover = false; // the image fills a frame of the layout's shape, cropped
    double width_share = 0;  // of the width the figure may take (0: all of it)
    // tables
    std::vector<Paragraph> header;
    std::vector<TableRow> rows;
    std::vector<ParaStyle> cell_styles;  // what TableRow::style indexes
};

struct StyledDocument {
    Layout layout;
    std::string lang;
    std::string title, author, subject;
    std::vector<Block> blocks;
    std::string published;  // ISO date, for the PDF's creation date
    std::vector<base::Node> structure;  // the edition's structure tree (resolve::Edition::structure)
};

StyledDocument apply_style(const resolve::Edition& edition, const Layout& layout, base::Diagnostics& diags);
// The same, taking the edition's table rows instead of copying them (a 50,000-row table's text).
StyledDocument apply_style(resolve::Edition&& edition, const Layout& layout, base::Diagnostics& diags);

// Plain text as a paragraph of one run in `style` (a table's header and data cells).
Paragraph text_paragraph(const ParaStyle& style, const std::string& text, const std::string& lang,
                         const base::SourcePos& pos);
// Makes `para` the paragraph of a table's data cell, in its row's style (unbreakable in the row's
// unbroken column). A `para` made so before for a cell in the same style only gets the new text and
// position: a long table's cells are measured one after another, not each with a copy of its style.
// (Plain-text cells: a row with `rich` paragraphs has its cells ready.)
void cell_paragraph(const Block& table, const TableRow& row, std::size_t column, const std::string& lang,
                    Paragraph& para);

}  // namespace compose::style
