#pragma once
// The fuzz targets run the engine's own entry point, compose::engine::typeset(), exactly as the
// command does (the people check included), into the PDF backend; a backend around it caps the
// pages each input may make and checks the PDF that comes out.
#include <cstddef>
#include <string>
#include <vector>

#include "compose/engine/pdf_backend.h"
#include "compose/engine/typeset.h"
#include "compose/text/text.h"
#include "tests/fuzz/fuzz_common.h"

namespace compose::fuzz {

// Pages set per input at most: a short input can still ask for many pages (a long table), and
// each input must stay quick. The backend refuses the page beyond this, which stops the layout.
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

class CheckedPdf : public engine::Backend {
public:
    explicit CheckedPdf(base::Diagnostics& diags) : diags_(diags) {}
    bool add_page(display::Page&& page, const std::vector<display::FontFace>& faces) override {
        if (++pages_ > kMaxPages) {
            diags_.error({std::make_shared<const std::string>("fuzz")}, "more pages than the fuzz target sets");
            return false;
        }
        return pdf_.add_page(std::move(page), faces);
    }
    bool finish(const display::Document& rest, base::Diagnostics& diags) override {
        if (!pdf_.finish(rest, diags)) return false;
        const std::string& bytes = pdf_.bytes();
        if (bytes.compare(0, 5, "%PDF-") != 0) fail("the PDF does not start with %PDF-");
        // issue 8: no action that runs or fetches anything, no path of the machine that made it
        for (const char* banned : {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/URI (javascript:",
                                   "/URI (file:"}) {
            if (bytes.find(banned) != std::string::npos) fail(std::string("the PDF holds ") + banned);
        }
        if (bytes.find(project_dir()) != std::string::npos) fail("the PDF holds the path " + project_dir());
        if (std::getenv("COMPOSE_FUZZ_VERBOSE")) std::fprintf(stderr, "  %zu pages, %zu bytes of PDF\n", pages_, bytes.size());
        return true;
    }
    void abandon(base::Diagnostics& diags) override { pdf_.abandon(diags); }

private:
    base::Diagnostics& diags_;
    engine::PdfBackend pdf_;
    std::size_t pages_ = 0;
};

// Options for a fuzzed input: draft (a missing image is a placeholder, so more inputs reach the
// later stages), the people check on, the project's fonts and layouts.
inline engine::Options options() {
    engine::Options options;
    options.source = source_path();
    options.data_dir = project_dir();
    options.draft = true;
    options.check_people = true;
    options.fonts = &fonts();
    return options;
}

// Typesets with `options`; every refusal must come with a located error.
inline void typeset(const engine::Options& options, base::Diagnostics& diags) {
    CheckedPdf pdf(diags);
    auto pages = engine::typeset(options, diags, pdf);
    check_diagnostics(diags, !pages);
}

}  // namespace compose::fuzz
