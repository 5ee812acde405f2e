#pragma once
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"

namespace compose::source {

// Reads a whole file; a missing or unreadable file is an error at `pos` (where it was named), and
// so is one longer than `max_bytes` (the file-size limit; it is never read whole).
std::optional<std::string> read_file(const std::string& path, const base::SourcePos& pos, base::Diagnostics& diags,
                                     std::uint64_t max_bytes = base::Limits{}.file_size);

// The file-size limit's error: `path` is longer than `max_bytes`.
void file_too_long(const base::SourcePos& where, const std::string& path, std::uint64_t max_bytes,
                   base::Diagnostics& diags);

// Whether `path` lies inside `folder` (or is it), both resolved first: symbolic links followed,
// ".." removed, so that neither can lead out.
bool is_inside(const std::string& path, const std::string& folder);

// Checks that text is UTF-8; reports the first bad byte at its line:col.
bool check_utf8(const std::string& file_name, const std::string& text, base::Diagnostics& diags);

}  // namespace compose::source
