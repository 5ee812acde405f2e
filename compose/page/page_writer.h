#pragma once
// Turns broken lines into positioned glyph runs on a display page.
#include <map>
#include <optional>

#include "compose/display/display.h"
#include "compose/page/tagger.h"
#include "compose/para/para.h"
#include "compose/text/text.h"

namespace compose::page {

class PageWriter {
public:
    PageWriter(display::Document& out, text::FontSet& fonts) : out_(out), fonts_(fonts) {}

    // Places `line` of `mp` with its left edge at x (the measure's start) and baseline y. With a
    // tagger, the line's text belongs to `node`; each link in it is a Link element under it, and
    // a person's name or an inline quotation a Person or InlineQuote element.
    void emit_line(display::Page& page, const text::MeasuredParagraph& mp, const para::Line& line, double x,
                   double baseline, style::Align align, Tagger* tagger = nullptr, base::NodeId node = {});

    // The tallest ascent and deepest descent on a line (points; descent negative).
    static std::pair<double, double> extent(const text::MeasuredParagraph& mp, const para::Line& line);

private:
    display::FontId font_id(text::FaceId face);
    display::Document& out_;
    text::FontSet& fonts_;
    std::map<text::FaceId, display::FontId> ids_;
    // a line's pieces (see emit_line), kept to spare allocations on every line
    struct Piece {
        std::uint32_t begin, end;  // items
    };
    std::vector<Piece> pieces_;
    std::vector<std::uint8_t> levels_;
    std::vector<display::GlyphRun> placed_;
    std::vector<std::optional<display::Link>> placed_links_;  // the link each placed run is, if any
    std::vector<std::optional<base::Role>> placed_roles_;     // the inline element it belongs to, if any
};

}  // namespace compose::page
