#pragma once
// The whole pipeline as the command runs it: source -> resolve -> style -> text/para/page -> display
// (-> render). Kept apart from main() so tests and benchmarks run exactly what users run.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/display/display.h"
#include "compose/para/stats.h"

namespace compose::cli {

struct PipelineOptions {
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
    base::Limits limits;    // --limit NAME=VALUE raises one (file sizes, depth, rows, cells, image pixels)
    para::LineStats* stats = nullptr;  // when set, counts every line placed (render --stats)
    std::vector<std::string>* inputs = nullptr;  // when set, receives every file read (compose watch)
    std::string root;       // --root: data and images may be anywhere inside; empty: the source's folder
    std::string data_dir;   // holds fonts/ and layouts/; empty: COMPOSE_DATA_DIR or the build's default
    // the PDF's date, seconds since 1970 (from SOURCE_DATE_EPOCH); empty: the source's <published>
    std::optional<std::int64_t> date;
};

std::string data_dir(const PipelineOptions& options);

// Receives each page as soon as it is made (see page::PageSink).
using PageSink = std::function<bool(display::Page&&, const std::vector<display::FontFace>&)>;

// Source to display list; nullopt when an error stops it (diagnostics say why). With a sink the
// pages go to it as they are made and the document returned holds none of them.
std::optional<display::Document> build_display(const PipelineOptions& options, base::Diagnostics& diags,
                                               const PageSink* sink = nullptr);

struct Pdf {
    std::string bytes;
    std::size_t pages = 0;
};

// Source to PDF bytes, each page written into the PDF as soon as it is made.
std::optional<Pdf> build_pdf(const PipelineOptions& options, base::Diagnostics& diags);

// compose render: the PDF written to `output` (when may_replace allows it); the pages written, or
// nullopt with diagnostics, an existing file then left as it was.
std::optional<std::size_t> render_to_file(const PipelineOptions& options, const std::string& output,
                                          base::Diagnostics& diags);

// "out.pdf: 13 pages"
std::string pages_written(const std::string& output, std::size_t pages);

// Whether the PDF may be written to `path`: not when it is the source itself, nor over an existing
// file that is not a PDF or empty (a data file, a photo, a layout typed by mistake): nothing is lost.
bool may_replace(const std::string& path, const std::string& source, base::Diagnostics& diags);

// Writes bytes to `path` through a temporary file in the same folder and a rename, so an existing
// file is replaced whole or not at all.
bool write_file_atomically(const std::string& path, const std::string& bytes, base::Diagnostics& diags);

}  // namespace compose::cli
