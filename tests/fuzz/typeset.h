#pragma once
// The stages after the source loader, as compose render runs them (compose/cli/pipeline.cpp),
// for the fuzz targets: resolve, style, pages (text, para, page) and the PDF, in memory.
#include <cstddef>
#include <string>
#include <vector>

#include "compose/page/page.h"
#include "compose/render/render.h"
#include "compose/resolve/resolve.h"
#include "compose/style/style.h"
#include "compose/text/text.h"
#include "tests/fuzz/fuzz_common.h"

namespace compose::fuzz {

// Pages set per input at most: a short input can still ask for many pages (a long table), and
// each input must stay quick. The sink stops the page builder beyond this.
constexpr std::size_t kMaxPages = 40;

// The project's fonts, scanned once for all inputs (faces are opened on first use and kept).
inline text::FontSet& fonts() {
    static text::FontSet* set = [] {
        auto* s = new text::FontSet;
        base::Diagnostics diags;
        s->scan(project_dir() + "/fonts", diags);
        if (diags.has_errors()) fail("the project's fonts do not load");
        return s;
    }();
    return *set;
}

// `doc` (and, for a parallel edition, `second`, the same source in the other language) set with
// `layout` into a PDF in memory. Every refusal must come with an error; a PDF must look like one.
inline void typeset(const model::Document& doc, const model::Document* second, const style::Layout& layout,
                    base::Diagnostics& diags) {
    try {
        auto edition = resolve::resolve(doc, resolve::Options{doc.lang, "public"}, diags);
        auto styled = style::apply_style(edition, layout, diags);
        text::Measurer measurer(fonts(), layout.fallback_families);
        render::PdfStream pdf(diags);
        std::size_t pages = 0;
        page::PageSink sink = [&](display::Page&& page, const std::vector<display::FontFace>& faces) {
            if (++pages > kMaxPages) {
                diags.error({std::make_shared<const std::string>("fuzz")}, "more pages than the fuzz target sets");
                return false;
            }
            return pdf.add_page(page, faces);
        };
        display::Document display;
        if (second) {
            auto second_edition = resolve::resolve(*second, resolve::Options{second->lang, "public"}, diags);
            auto second_styled = style::apply_style(second_edition, layout, diags);
            display = page::build_parallel_pages(styled, second_styled, measurer, diags, nullptr, &sink);
        } else {
            display = page::build_pages(styled, measurer, diags, nullptr, &sink);
        }
        if (diags.has_errors() || pages == 0) return;
        auto bytes = pdf.finish(display.outline, display.metadata);
        if (!bytes) {
            check_diagnostics(diags, true);
            return;
        }
        if (bytes->compare(0, 5, "%PDF-") != 0) fail("the PDF does not start with %PDF-");
        // issue 8: no action that runs or fetches anything, no path of the machine that made it
        for (const char* banned : {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/URI (javascript:",
                                   "/URI (file:"}) {
            if (bytes->find(banned) != std::string::npos) fail(std::string("the PDF holds ") + banned);
        }
        if (bytes->find(project_dir()) != std::string::npos) fail("the PDF holds the path " + project_dir());
        if (std::getenv("COMPOSE_FUZZ_VERBOSE")) std::fprintf(stderr, "  %zu pages, %zu bytes of PDF\n", pages, bytes->size());
    } catch (const base::Fatal&) {
        if (!diags.has_errors()) fail("a stage gave up without an error");
    }
}

}  // namespace compose::fuzz
