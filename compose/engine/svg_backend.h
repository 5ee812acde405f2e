#pragma once
// One SVG file per page, written into a folder as the pages are made: page-001.svg,
// page-002.svg, ... (three digits at least; a 1000th page is page-1000.svg). An internal link
// points to the file of the page holding its destination ("page-012.svg#annex-participants", or
// "#annex-participants" on that page itself); a page whose links point to pages not made yet is
// kept, as a display list, until finish() knows where they are. The folder is the caller's: it
// stages the files and puts them in place.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "compose/engine/backend.h"
#include "compose/svg/svg.h"

namespace compose::engine {

class SvgBackend : public Backend {
public:
    explicit SvgBackend(std::string folder) : folder_(std::move(folder)) {}

    bool add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) override;
    bool finish(const display::Document& rest, base::Diagnostics& diags) override;
    void abandon(base::Diagnostics& diags) override;

    // "page-007.svg" for the 7th page given
    static std::string file_name(std::size_t number);
    // The files written, in page order (after finish()).
    const std::vector<std::string>& files() const { return files_; }

private:
    struct Held {
        display::Page page;
        std::size_t number = 0;
    };

    std::string folder_;
    svg::Writer writer_;
    base::Diagnostics diags_;  // handed over by finish() or abandon()
    std::map<std::string, std::size_t> destinations_;  // name -> number of the page holding it
    std::vector<Held> held_;                            // pages with links forward
    std::vector<std::string> files_;
    std::size_t pages_ = 0;
    bool failed_ = false;

    bool write(const display::Page& page, std::size_t number, const std::vector<display::FontFace>& fonts);
    std::string href(const std::string& dest, std::size_t from_page) const;
};

}  // namespace compose::engine
