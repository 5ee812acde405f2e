#pragma once
// Printing diagnostics, the way compilers do: for people (the source line with a caret, notes,
// colour on a terminal, a summary), for editors and CI (JSON, SARIF 2.1.0).
#include <cstddef>
#include <ostream>
#include <string>

#include "compose/base/diagnostics.h"

namespace compose::cli {

enum class DiagnosticsFormat { Text, Json, Sarif };

struct PrintOptions {
    DiagnosticsFormat format = DiagnosticsFormat::Text;
    bool color = false;   // ANSI colours (text only)
    bool werror = false;  // warnings are errors: printed, counted and exited on as errors
};

// Like a compiler, the text form shows the first hundred: a table of 50,000 bad rows would bury
// the first, which is usually the cause of the rest. JSON and SARIF carry every one kept.
constexpr std::size_t kMaxShown = 100;

// Prints every diagnostic (and, in text, a summary line when there are errors or warnings);
// returns whether there were errors (warnings too, with werror).
bool print_diagnostics(std::ostream& out, const base::Diagnostics& diags, const PrintOptions& options);

// "2 errors, 3 warnings", "1 warning"; empty when both are 0.
std::string summary(std::size_t errors, std::size_t warnings);

// Whether colour suits a stream: a terminal, NO_COLOR unset (https://no-color.org), TERM not "dumb".
bool color_wanted(int fd);

}  // namespace compose::cli
