#pragma once
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"

namespace compose::source {

// Reads a whole file; a missing or unreadable file is an error at `pos` (where it was named).
std::optional<std::string> read_file(const std::string& path, const base::SourcePos& pos, base::Diagnostics& diags);

// Checks that text is UTF-8; reports the first bad byte at its line:col.
bool check_utf8(const std::string& file_name, const std::string& text, base::Diagnostics& diags);

}  // namespace compose::source
