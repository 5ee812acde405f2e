#pragma once
// Agenda data files: <agenda> of <day>s of <slot>s with talks, moderators and items.
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/model/document.h"

#include "compose/source/xml_walker.h"

namespace compose::source {
std::optional<model::Agenda> parse_agenda(const std::string& file_name, const std::string& text,
                                          const LanguageChoice& languages, base::Diagnostics& diags,
                                          const base::Limits& limits = {});

}  // namespace compose::source
