#pragma once
// A depfile in Make's syntax (read by Ninja too): the output, then every file the render read,
// so that make or Ninja renders again exactly when one of them changes.
#include <string>
#include <vector>

namespace compose::cli {

// "out.pdf: report.xml data.csv ...\n" followed by an empty rule for each input (as gcc -MP
// writes them), so that a file deleted or renamed since stops the build with nothing worse than a
// render. Spaces, '#' and '$' in names are escaped as Make reads them.
std::string make_depfile(const std::string& output, const std::vector<std::string>& inputs);

// The font files under `fonts_dir` that the render opens (every .ttf and .otf, as text::FontSet
// scans them), sorted.
std::vector<std::string> font_files(const std::string& fonts_dir);

}  // namespace compose::cli
