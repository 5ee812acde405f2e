#pragma once
// The display list: the boundary between layout and output. Per page, positioned glyph runs
// (with their source text and cluster map), rules, images, links and destinations.
// Coordinates are points from the page's top-left corner, y growing downwards.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compose/base/source_pos.h"

namespace compose::display {

using FontId = std::uint32_t;  // index into Document::fonts

struct FontFace {
    std::string path;             // the font file; render embeds a subset of it
    std::string postscript_name;  // for the PDF's BaseFont
};

// The cluster of a glyph the layout added that stands for no source text (the hyphen at a
// hyphenated line's end): it is drawn, but extracts as nothing.
constexpr std::uint32_t kInsertedGlyph = 0xFFFFFFFF;

struct Glyph {
    std::uint32_t id = 0;     // glyph id in the font (not a code point)
    double advance = 0;       // pen advance after the glyph, in points, as laid out (kerning, justification)
    double x_offset = 0;      // from the pen position, points
    double y_offset = 0;      // points, upwards
    std::uint32_t cluster = 0;  // byte offset into GlyphRun::text of the characters this glyph shows,
                                // or kInsertedGlyph
};

struct GlyphRun {
    FontId font = 0;
    double size = 0;      // points
    double x = 0, y = 0;  // pen position of the first glyph, on the baseline
    std::vector<Glyph> glyphs;
    std::string text;     // the source characters the glyphs show, UTF-8
    std::string lang;     // BCP 47, for the PDF's marked content
    std::uint32_t color = 0x000000;  // 0xRRGGBB
    base::SourcePos pos;
    // Right-to-left text: the glyphs are in visual order, their clusters decreasing; the PDF
    // gives the text in logical order (marked content with /ActualText).
    bool rtl = false;
    // Font expansion: the glyphs are drawn this much wider (> 1) or narrower (horizontal scaling,
    // the advances already include it).
    double hscale = 1;
};

struct Rect {
    double x = 0, y = 0, width = 0, height = 0;
};

struct Rule {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double thickness = 0.5;
    std::uint32_t color = 0x000000;
    bool dashed = false;  // marks where something continues (a table row split across pages)
};

struct Image {
    Rect frame;
    std::string path;   // empty: a labelled placeholder box is drawn
    std::string label;  // shown in the placeholder
    bool cover = false; // fill the frame and crop (else the whole image, centred in the frame)
};

struct Link {
    Rect area;
    std::string uri;   // external (http, https, mailto), or
    std::string dest;  // a named destination in this document
};

struct Destination {
    std::string name;
    double y = 0;
};

struct OutlineEntry {
    std::string title;
    std::string dest;
    int level = 0;
};

struct Page {
    double width = 0, height = 0;
    std::string label;  // the folio as printed ("3", "ii")
    std::string master = "body";  // which page master made it: "body" or "annex"
    std::string lang;             // the document's language; runs in another are marked
    std::vector<GlyphRun> runs;
    std::vector<Rule> rules;
    std::vector<Image> images;
    std::vector<Link> links;
    std::vector<Destination> destinations;
};

struct Metadata {
    std::string title, author, subject, keywords, lang;
    // creation and modification date, seconds since 1970 UTC; none: the PDF carries no date
    std::optional<std::int64_t> date;
};

struct Document {
    std::vector<FontFace> fonts;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    Metadata metadata;
};

// The stable text form of the display list, for golden tests: one item per line,
// numbers rounded to 0.01 pt, no paths or times.
std::string dump(const Document& doc);

}  // namespace compose::display
