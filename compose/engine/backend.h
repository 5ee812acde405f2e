#pragma once
// Where typeset() sends the pages: an output behind one interface. The PDF writer, the display
// list kept for the dump and the tests, and the SVG writer are backends; the pipeline does not know
// which it feeds.
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/display/display.h"

namespace compose::engine {

class Backend {
public:
    virtual ~Backend() = default;
    // A page as soon as it is made, with the document's font table so far (a page uses only fonts
    // already in it). False refuses it, with its reason in the diagnostics: the layout stops.
    virtual bool add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) = 0;
    // Every page is in: `rest` holds the fonts, the outline and the metadata (no pages). False
    // (with diagnostics) when the output cannot be made.
    virtual bool finish(const display::Document& rest, base::Diagnostics& diags) = 0;
    // The layout stopped on an error: the output is given up; what it has to say goes to `diags`.
    virtual void abandon(base::Diagnostics&) {}
};

// Keeps the whole display list in memory: compose dump, compose check, tests.
class DisplayBackend : public Backend {
public:
    bool add_page(display::Page&& page, const std::vector<display::FontFace>&) override {
        document_.pages.push_back(std::move(page));
        return true;
    }
    bool finish(const display::Document& rest, base::Diagnostics&) override {
        document_.fonts = rest.fonts;
        document_.outline = rest.outline;
        document_.metadata = rest.metadata;
        return true;
    }
    display::Document& document() { return document_; }

private:
    display::Document document_;
};

}  // namespace compose::engine
