#pragma once
// Shared checks for reading an XML tree: positions, allowed attributes, unknown elements.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "compose/base/diagnostics.h"
#include "compose/base/line_map.h"

namespace compose::source {

class XmlWalker {
public:
    XmlWalker(const base::LineMap& map, base::Diagnostics& diags) : map_(map), diags_(diags) {}

    // Position of an element's '<', or of a text node's first character.
    base::SourcePos pos(const pugi::xml_node& node) const;

    // Reports attributes not in `allowed` (with a suggestion) and missing `required` ones.
    void check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed,
                          std::initializer_list<std::string_view> required = {});

    // Reports an element that is not allowed where it stands, suggesting the closest allowed name.
    void unknown_element(const pugi::xml_node& node, const std::vector<std::string>& allowed, std::string_view parent);

    // Non-whitespace text where only elements may stand.
    void stray_text(const pugi::xml_node& node, std::string_view parent);

    // The element's text content with whitespace collapsed (for simple fields such as <title>).
    std::string simple_text(const pugi::xml_node& node);

    base::Diagnostics& diags() { return diags_; }

private:
    const base::LineMap& map_;
    base::Diagnostics& diags_;
};

// Collapses runs of XML whitespace to one space.
std::string collapse_space(std::string_view s);

}  // namespace compose::source
