#pragma once
// What the command does with the engine's output: the PDF written to a file whole or not at all.
// (The pipeline itself is compose::engine::typeset.)
#include <cstddef>
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/engine/typeset.h"

namespace compose::cli {

struct Pdf {
    std::string bytes;
    std::size_t pages = 0;
};

// Source to PDF bytes, each page written into the PDF as soon as it is made.
std::optional<Pdf> build_pdf(const engine::Options& options, base::Diagnostics& diags);

// compose render: the PDF written to `output` (when may_replace allows it); the pages written, or
// nullopt with diagnostics, an existing file then left as it was.
std::optional<std::size_t> render_to_file(const engine::Options& options, const std::string& output,
                                          base::Diagnostics& diags);

// compose render --format svg: one SVG file per page (page-001.svg, ...) in the folder `output`,
// made in a temporary folder beside it and put in place whole when every page is written: a
// failed run leaves no half set, and an existing folder as it was. The pages written, or nullopt.
std::optional<std::size_t> render_svg_to_folder(const engine::Options& options, const std::string& output,
                                                base::Diagnostics& diags);

// Whether the SVG pages may be written to the folder `path`: a new or empty folder, or one holding
// only a previous run's page-NNN.svg files (they are all replaced); never a file.
bool may_replace_folder(const std::string& path, base::Diagnostics& diags);

// "out.pdf: 13 pages"
std::string pages_written(const std::string& output, std::size_t pages);

// Whether the PDF may be written to `path`: not when it is the source itself, nor over an existing
// file that is not a PDF or empty (a data file, a photo, a layout typed by mistake): nothing is lost.
bool may_replace(const std::string& path, const std::string& source, base::Diagnostics& diags);

// Writes bytes to `path` through a temporary file in the same folder and a rename, so an existing
// file is replaced whole or not at all.
bool write_file_atomically(const std::string& path, const std::string& bytes, base::Diagnostics& diags);

}  // namespace compose::cli
