#include "compose/source/xml_walker.h"

#include <algorithm>

#include "compose/base/suggest.h"

namespace compose::source {

base::SourcePos XmlWalker::pos(const pugi::xml_node& node) const {
    std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return base::SourcePos{map_.file(), 0, 0};
    // offset_debug points at an element's name; step back onto its '<'
    if (node.type() == pugi::node_element && offset > 0) --offset;
    return map_.at(static_cast<std::size_t>(offset));
}

void XmlWalker::check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed,
                                 std::initializer_list<std::string_view> required) {
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (auto attr : node.attributes()) {
        std::string_view name = attr.name();
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        if (name.starts_with("xmlns")) continue;
        std::vector<std::string> hints;
        if (auto best = base::closest(name, names)) hints.push_back("did you mean '" + *best + "'?");
        diags_.error(pos(node), "unknown attribute '" + std::string(name) + "' on <" + node.name() + ">",
                     std::move(hints));
    }
    for (auto name : required) {
        if (!node.attribute(std::string(name).c_str())) {
            diags_.error(pos(node), "<" + std::string(node.name()) + "> needs the attribute '" + std::string(name) + "'");
        }
    }
}

void XmlWalker::unknown_element(const pugi::xml_node& node, const std::vector<std::string>& allowed,
                                std::string_view parent) {
    std::vector<std::string> hints;
    if (auto best = base::closest(node.name(), allowed)) hints.push_back("did you mean <" + *best + ">?");
    std::string message = "unknown element <" + std::string(node.name()) + ">";
    if (std::find(allowed.begin(), allowed.end(), node.name()) == allowed.end() && hints.empty()) {
        message = "element <" + std::string(node.name()) + "> is not allowed in <" + std::string(parent) + ">";
    }
    diags_.error(pos(node), message, std::move(hints));
}

void XmlWalker::stray_text(const pugi::xml_node& node, std::string_view parent) {
    diags_.error(pos(node), "text is not allowed directly in <" + std::string(parent) + ">");
}

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool in_space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            in_space = true;
            continue;
        }
        if (in_space) out += ' ';
        in_space = false;
        out += c;
    }
    if (in_space) out += ' ';
    return out;
}

std::string XmlWalker::simple_text(const pugi::xml_node& node) {
    std::string text;
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
        } else if (child.type() == pugi::node_element) {
            diags_.error(pos(child), "<" + std::string(node.name()) + "> holds plain text only, not <" +
                                         child.name() + ">");
        }
    }
    std::string out = collapse_space(text);
    if (!out.empty() && out.front() == ' ') out.erase(0, 1);
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace compose::source
