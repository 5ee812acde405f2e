#pragma once
// XML 1.0 well-formedness beyond what pugixml checks (xml_wellformed.cpp lists what); run on a
// file pugixml has parsed. The first problem is an error at its line:col.
#include <string_view>

#include "compose/base/diagnostics.h"
#include "compose/base/line_map.h"

namespace compose::source {

bool check_well_formed(std::string_view text, const base::LineMap& map, base::Diagnostics& diags);

}  // namespace compose::source
