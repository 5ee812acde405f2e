#pragma once
// Stage "render": display list -> PDF bytes through libharu. The only stage that includes hpdf*.h.
#include <memory>
#include <optional>
#include <vector>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/display/display.h"

namespace compose::render {

struct PdfOptions {
    // Tagged PDF (PDF/UA-1): the display list's structure as the PDF's structure tree, every other
    // mark an artifact, XMP metadata naming PDF/UA-1.
    bool tagged = true;
    // PDF/A-2u: an sRGB OutputIntent, pdfaid in the XMP, a trailer /ID derived from the content,
    // printable link annotations.
    bool pdfa = false;
    // The sRGB ICC profile PDF/A embeds; empty: looked for where Debian's packages put one.
    std::string icc_profile;
};

// The sRGB profile --pdfa embeds: `given` if set, else the first of the Debian packages' that is
// there (colord-data, icc-profiles-free, ghostscript); empty when there is none.
std::string find_srgb_profile(const std::string& given);

// A PDF written page by page, as the page builder finishes them: a page's content goes into the
// document at once, so a long table need not be held whole. Fonts are subset, internal links
// resolved and the outline written by finish(), once every page is in.
class PdfStream {
public:
    explicit PdfStream(base::Diagnostics& diags, PdfOptions options = {});
    ~PdfStream();
    PdfStream(const PdfStream&) = delete;
    PdfStream& operator=(const PdfStream&) = delete;

    // `fonts` is the document's font table so far; a page may only use fonts already in it.
    bool add_page(const display::Page& page, const std::vector<display::FontFace>& fonts);
    // The whole PDF in memory; nullopt (with diagnostics) when it cannot be made. The caller
    // writes it to disk, so a failure never leaves half a file.
    std::optional<std::string> finish(const std::vector<display::OutlineEntry>& outline,
                                      const display::Metadata& metadata);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// A whole display list to PDF bytes (the same as streaming its pages).
std::optional<std::string> render_pdf(const display::Document& doc, base::Diagnostics& diags,
                                      const PdfOptions& options = {});

}  // namespace compose::render
