#pragma once
// compose check: the bracketed texts `compose new` writes for the author to replace ("[A finding,
// in one sentence.]"), found where they are still left.
#include <string>

#include "compose/base/diagnostics.h"

namespace compose::cli {

// Warns, at its line:col, about every text in the XML file `path` that begins with '[' (an
// element's text whose first character is a bracket, as every placeholder of compose new's
// scaffold is), outside comments. Nothing when the file cannot be read (loading it said why).
void check_placeholders(const std::string& path, base::Diagnostics& diags);

}  // namespace compose::cli
