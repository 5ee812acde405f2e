#pragma once
#include <pugixml.hpp>

#include "compose/model/document.h"
#include "compose/source/xml_walker.h"

namespace compose::source {

struct InlineRules {
    bool allow_person = false;  // <person> names people, in captions only
};

// Reads mixed content (text, em, strong, link, ref, span, person, br) with whitespace collapsed
// and trimmed at both ends of the whole list.
model::InlineList read_inline(XmlWalker& w, const pugi::xml_node& parent, const InlineRules& rules);

}  // namespace compose::source
