#pragma once
// gather_text's body (a template, so the callback inlines); included by spreadsheet_xml.h.
#include <vector>

namespace compose::source {

template <class Enter, class Text>
std::optional<std::string> gather_text(const XmlPart& part, const pugi::xml_node& node, std::uint64_t max_depth,
                                       base::Diagnostics& diags, Enter enter, Text text) {
    std::string out;
    // the path from `node` to the current element: each entry the next child to visit
    std::vector<pugi::xml_node> stack{node.first_child()};
    while (!stack.empty()) {
        pugi::xml_node n = stack.back();
        if (!n) {
            stack.pop_back();
            continue;
        }
        stack.back() = n.next_sibling();
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            text(n.value(), out);
        } else if (n.type() == pugi::node_element) {
            if (!enter(local_name(n.name()), n, out)) continue;
            if (stack.size() >= max_depth) {
                diags.error(part.pos(n), "elements nested deeper than " + std::to_string(max_depth) + " levels",
                            {base::raise_hint("depth")});
                return std::nullopt;
            }
            stack.push_back(n.first_child());
        }
    }
    return out;
}

}  // namespace compose::source
