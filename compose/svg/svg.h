#pragma once
// Stage "svg": a display list page -> one SVG document. Beside `render` (PDF), a second output
// that translates the same items: glyphs drawn as their outlines (each glyph defined once per page
// in <defs>, placed with <use>), the run's text kept in an invisible <text> for search and
// selection, shapes as <line>/<rect>, images embedded as data: URIs, links as <a> around a
// transparent rectangle, destinations as ids, structure tags as <g data-role>. Each page is a
// self-contained file: it names no font, image or other file except through its links.
// Depends only on display and base (and HarfBuzz for the outlines).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/display/display.h"

namespace compose::svg {

// The href of an internal link to a named destination, e.g. "page-007.svg#annex-participants";
// empty: the destination is taken to be on the same page ("#annex-participants").
using DestinationHref = std::function<std::string(const std::string& dest)>;

// Writes pages one after the other, keeping what they share: the fonts opened, the glyph outlines
// made, the images read and encoded, the structure elements met on earlier pages.
class Writer {
public:
    Writer();
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // The page as an SVG document (UTF-8), its size in points (width="612pt", a viewBox in points);
    // nullopt, with diagnostics, when a font or an image cannot be read. `fonts` is the document's
    // font table so far.
    [[nodiscard]] std::optional<std::string> write_page(const display::Page& page,
                                                        const std::vector<display::FontFace>& fonts,
                                                        const DestinationHref& href, base::Diagnostics& diags);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// One page on its own (tests, tools); internal links point into the same file.
[[nodiscard]] std::optional<std::string> write_page(const display::Page& page,
                                                    const std::vector<display::FontFace>& fonts,
                                                    base::Diagnostics& diags);

}  // namespace compose::svg
