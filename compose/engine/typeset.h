#pragma once
// The engine's one entry point: source -> resolve -> style -> text/para/page -> a backend. The
// command, the tests, the fuzzers and the benchmarks all call typeset(), so they run exactly what
// users run.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/engine/backend.h"
#include "compose/page/layout_report.h"
#include "compose/para/stats.h"

namespace compose::text {
class FontSet;
}

namespace compose::engine {

struct Options {
    std::string source;     // the report's XML file
    std::string layout;     // layout name; empty: the source's own, else "a4"
    std::string lang;       // edition language; empty: the source's
    std::string fallback;   // language standing in (marked) for missing translations; empty: none
    std::string audience = "public";  // or "internal": columns marked redact="public" are shown
    std::string only;       // "annexes": only the annexes' pages, numbered as in the whole report
    bool check_people = false;  // compose check: match everyone named against the participants
    bool review_people = false; // ... and report the cases the source's <people> decisions settle
    bool parallel = false;  // the edition in `lang` beside the one in `parallel_lang`
    std::string parallel_lang;  // empty: Spanish beside English, English beside Spanish
    bool draft = false;
    bool tagged = true;     // a tagged PDF (PDF/UA-1); --no-tags: none
    bool pdfa = false;      // --pdfa: PDF/A-2u as well
    bool allow_missing_glyphs = false;  // a character no font has: a box (.notdef) and a warning, not an error
    base::Limits limits;    // --limit NAME=VALUE raises one (file sizes, depth, rows, cells, image pixels)
    para::LineStats* stats = nullptr;  // when set, counts every line placed (render --stats)
    // when set, the layout report: its counts here, each finding a warning (check --layout-report)
    page::LayoutReport* layout_report = nullptr;
    std::vector<std::string>* inputs = nullptr;  // when set, receives every file read (compose watch)
    std::vector<display::FontFace>* fonts_used = nullptr;  // when set, receives every font set (render --stats)
    std::string root;       // --root: data and images may be anywhere inside; empty: the source's folder
    std::string data_dir;   // holds fonts/ and layouts/; empty: COMPOSE_DATA_DIR or the build's default
    // the PDF's date, seconds since 1970 (from SOURCE_DATE_EPOCH); empty: the source's <published>
    std::optional<std::int64_t> date;
    // In-memory inputs (the fuzzers): the source's text as if read from `source`, and a layout's
    // text as if read from layouts/<layout>.xml; empty: the files are read.
    std::string source_text;
    std::string layout_text;
    // A font set already scanned, kept between runs (fuzzers, benchmarks); none: the data folder's
    // fonts are scanned.
    text::FontSet* fonts = nullptr;
};

// The folder holding fonts/ and layouts/.
std::string data_dir(const Options& options);

// Typesets the source into `backend`, page by page; the number of pages it was given (with
// --only annexes, only those), or nullopt when an error stops it (the diagnostics say why).
// Anything unexpected inside (an exception of a library) is an internal error, never an abort.
[[nodiscard]] std::optional<std::size_t> typeset(const Options& options, base::Diagnostics& diags, Backend& backend);

}  // namespace compose::engine
