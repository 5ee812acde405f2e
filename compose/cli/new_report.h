#pragma once
// `compose new DIR`: the folder of a new Dialogue report, ready for `compose check` and `render`.
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"

namespace compose::cli {

struct NewReport {
    std::string dir;    // the report's folder; must not exist, or be empty
    std::string place;  // empty: from the folder's name ("cape-town-2015" -> "Cape Town")
    std::string from;   // first day, YYYY-MM-DD; empty: today (UTC)
    std::string to;     // last day; empty: the first
};

// The names of the files written, for the command to print; empty (with diagnostics) on failure.
// The folder is written whole under a temporary name and renamed into place, so a failure
// leaves nothing behind.
std::vector<std::string> new_report(const NewReport& options, base::Diagnostics& diags);

// "cape-town-2015" -> "Cape Town": the folder's words, a trailing year left out.
std::string place_from_folder(const std::string& folder);

}  // namespace compose::cli
