#pragma once
// The encodings a data file saved by a spreadsheet comes in, converted to UTF-8 through ICU:
// UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (what "Unicode text"
// saves), Windows-1252 and ISO-8859-1 (the legacy "ANSI" encodings of Western European locales).
#include <optional>
#include <string>
#include <string_view>

#include "compose/base/diagnostics.h"

namespace compose::source {

enum class Encoding { Utf8, Utf16, Windows1252, Latin1 };

// The encoding an `encoding=` attribute names ("UTF-8", "UTF-16", "windows-1252", "ISO-8859-1";
// any case, cp1252 and latin1 as aliases), or nullopt.
std::optional<Encoding> encoding_named(std::string_view name);

// The names encoding_named() takes, as the README and schema spell them.
const char* encoding_name(Encoding e);
std::string encoding_names();  // "UTF-8, UTF-16, windows-1252 or ISO-8859-1"

// The text of a data file as UTF-8, without a byte order mark. `given` is the encoding the
// source names, nullopt when it names none: then the file is UTF-8, or UTF-16 when it starts with
// UTF-16's byte order mark (which cannot begin UTF-8 text). A byte sequence that is not a
// character of the encoding is an error at its line:col, with the attribute to add when another
// encoding is likely; nullopt after an error.
std::optional<std::string> decode_text(const std::string& file_name, std::string bytes,
                                       std::optional<Encoding> given, base::Diagnostics& diags);

}  // namespace compose::source
