#pragma once
// Stage "resolve": model + options -> one edition. The language is chosen, annexes and figures
// numbered, cross-references turned into labelled internal links, generated text localized.
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/base/structure.h"
#include "compose/model/document.h"

namespace compose::resolve {

struct Options {
    std::string lang;  // empty: the source's own xml:lang
    // Who the edition is for: a column marked redact="public" is left out of the public edition
    // altogether (its values never reach the PDF) and shown in the internal one.
    std::string audience = "public";
};

struct TableRow {
    std::vector<std::string> cells;
    int span_from = -1;   // >= 0: the last cell starts in this column and spans to the table's edge
    bool strong = false;  // a group heading (an agenda's day, a slot's title)
    base::SourcePos pos;
    int unbroken = -1;    // a column whose cell never breaks across lines (an agenda's times)
    std::vector<base::SourcePos> cell_pos;  // a hand-written table's cells, each where it is; else empty
    // a hand-written table's cells with their markup (emphasis, links, references resolved as in
    // paragraphs); `cells` holds the same as plain text. Empty for tables of data.
    std::vector<model::InlineList> content;
    base::Role role = base::Role::Row;  // or an agenda's Day, Slot or Talk
};

// After resolve, inline content holds no Ref: each became a Link whose attr is "#<id>"
// (an internal destination) with the generated label as its text; a Person holds the text
// "Name (Organization)" and a Quote its words between the language's quotation marks.
struct Block {
    enum class Kind {
        Series,       // the report series, above the title
        Title,
        Subtitle,     // place and dates
        Heading,      // a section heading (level 1) or annex heading
        Paragraph,
        Lead,         // a finding's lead sentence
        FindingBody,  // a paragraph of a finding's body
        Figure,       // content is the caption
        Quote,        // a paragraph of a block quote
        Attribution,
        Table,
    };
    Kind kind = Kind::Paragraph;
    // the element of the structure tree the block is (a paragraph, a lead, a heading, a table);
    // a figure is its Figure, with the picture and the caption as its children
    base::NodeId node;
    base::NodeId image_node, caption_node;  // figures
    model::InlineList content;
    std::string anchor;  // destination name, when something refers here or it is in the outline
    int level = 0;       // headings: 1 for sections and annexes
    bool annex = false;  // the block belongs to an annex (set on pages of the annex master)
    base::SourcePos pos;
    // figures
    std::string image_path;  // resolved against the source's folder; empty if missing (draft)
    std::string label;       // "Figure 3", "Annex I"
    model::Placement placement = model::Placement::Here;
    int image_width = 0, image_height = 0;  // pixels; 0 for a missing image
    double width = 0;                       // the share of the width the image takes (0: all)
    bool cover = false;                     // fill the frame, cropping the photo
    // tables (hand-written, from data, or an agenda)
    std::vector<std::string> column_titles;
    std::vector<TableRow> rows;
    std::vector<base::SourcePos> column_title_pos;  // a hand-written header's cells; else empty
    std::vector<model::InlineList> column_title_content;  // ... with their markup (see TableRow::content)
};

struct Edition {
    std::string lang;
    std::string title;     // for the PDF's metadata
    std::string author;
    std::string subject;
    std::vector<Block> blocks;
    std::string published;  // ISO date, for the PDF's creation date
    // the document's structure tree, indexed by NodeId: the root (the document, in `lang`), the
    // title block, sections and annexes, and every block's element under its parent
    std::vector<base::Node> structure;
};

Edition resolve(const model::Document& doc, const Options& options, base::Diagnostics& diags);

// Localized generated text (per-language catalogues live in localize.cpp).
std::string localized(const std::string& lang, const std::string& key);
std::string roman(int n);
// The opening and closing quotation marks of a language at a nesting depth (0: outermost).
std::pair<std::string, std::string> quotation_marks(const std::string& lang, int depth);
// "November 6–7, 2014" / "6 y 7 de noviembre de 2014" from ISO dates.
std::string date_range(const std::string& lang, const std::string& from, const std::string& to);
// "Thursday, November 6, 2014" / "jueves 6 de noviembre de 2014"
std::string long_date(const std::string& lang, const std::string& iso);

// Sorts rows by the given fields (each a column's name, ascending or descending) with the
// language's collation; a field that is not a column is passed over.
void sort_rows(std::vector<std::vector<std::string>>& rows, std::vector<base::SourcePos>& positions,
               const std::vector<std::string>& columns, const std::vector<model::SortKey>& fields,
               const std::string& lang);

}  // namespace compose::resolve
