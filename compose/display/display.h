#pragma once
// The display list: the boundary between layout and output. Per page, one list of items in paint
// order: positioned glyph runs (with their source text and cluster map), shapes, images, link
// areas, destinations, and the tags that say which element of the document's structure (or
// which artifact: a running head, a folio, a rule) the items between them belong to. The page
// stage decides every look; an output only translates.
// Coordinates are points from the page's top-left corner, y growing downwards.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compose/base/source_pos.h"
#include "compose/base/structure.h"

namespace compose::display {

using FontId = std::uint32_t;  // index into the document's font table

struct FontFace {
    std::string path;             // the font file; an output embeds a subset of it
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

struct Segment {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Stroke {
    std::uint32_t color = 0x000000;
    double width = 0.5;
    std::vector<double> dash;  // on, off, ... in points; empty: solid
};

// A drawn path: a line or a rectangle, filled and/or stroked.
struct Shape {
    std::variant<Segment, Rect> geometry;
    std::optional<std::uint32_t> fill;  // 0xRRGGBB
    std::optional<Stroke> stroke;
};

struct Image {
    Rect frame;
    std::string path;    // the image file (a missing photo is a placeholder shape, drawn by the page stage)
    bool cover = false;  // fill the frame and crop (else the whole image, centred in the frame)
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

// The items up to the matching TagEnd belong to this element of the structure tree.
struct StructBegin {
    base::NodeId node;
};

// The items up to the matching TagEnd are not the document's text (page furniture, drawing).
struct ArtifactBegin {
    base::Artifact kind = base::Artifact::Rule;
};

struct TagEnd {};

using Item = std::variant<GlyphRun, Shape, Image, Link, Destination, StructBegin, ArtifactBegin, TagEnd>;

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
    std::vector<Item> items;      // in paint order
    // The structure elements this page is the first to refer to, parents before children: a
    // page streamed to an output brings the part of the tree it needs.
    std::vector<base::Node> nodes;

    template <class T, class... Args>
    T& add(Args&&... args) {
        return std::get<T>(items.emplace_back(std::in_place_type<T>, std::forward<Args>(args)...));
    }
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

// Every item of a kind on a page, in paint order (tests and tools).
template <class T>
std::vector<const T*> items_of(const Page& page) {
    std::vector<const T*> out;
    for (const auto& item : page.items) {
        if (const T* t = std::get_if<T>(&item)) out.push_back(t);
    }
    return out;
}

// The stable text form of the display list, for golden tests: one item per line, nested by
// tags, every field shown, numbers rounded to 0.01 pt, no paths or times.
std::string dump(const Document& doc);

}  // namespace compose::display
