#include "compose/source/xml_walker.h"

#include <algorithm>
#include <cstring>

#include "compose/base/limits.h"
#include "compose/base/suggest.h"

namespace compose::source {

base::SourcePos XmlWalker::pos(const pugi::xml_node& node) const {
    std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return base::SourcePos{map_.file(), 0, 0};
    // offset_debug points at an element's name; step back onto its '<'
    if (node.type() == pugi::node_element && offset > 0) --offset;
    return map_.at(static_cast<std::size_t>(offset));
}

base::SourcePos XmlWalker::attribute_pos(const pugi::xml_node& node, const char* name) const {
    pugi::xml_attribute attr = node.attribute(name);
    std::ptrdiff_t offset = node.offset_debug();  // of the element's name
    if (!attr || offset < 0 || node.type() != pugi::node_element) return pos(node);
    // pugixml parses in place: the attribute's name lies in the same buffer, after the element's
    std::ptrdiff_t distance = attr.name() - node.name();
    if (distance <= 0 || static_cast<std::size_t>(offset + distance) >= map_.text().size()) return pos(node);
    return map_.at(static_cast<std::size_t>(offset + distance));
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

bool XmlWalker::check_tree(const pugi::xml_node& document, std::uint64_t max_depth, std::uint64_t max_elements) {
    // iterative, so a hostile file cannot exhaust the stack here either
    std::uint64_t depth = 0, elements = 0;
    pugi::xml_node node = document.first_child();
    while (node) {
        if (node.type() == pugi::node_element && depth + 1 > max_depth) {
            diags_.error(pos(node), "elements are nested more than " + std::to_string(max_depth) + " deep",
                         {base::raise_hint("depth")});
            return false;
        }
        if (node.type() == pugi::node_element && ++elements > max_elements) {
            diags_.error(pos(node), "the file has more than " + std::to_string(max_elements) + " elements",
                         {base::raise_hint("elements")});
            return false;
        }
        if (node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node && !node.next_sibling()) {
            node = node.parent();
            --depth;
            if (node == document) return true;
        }
        if (node) node = node.next_sibling();
    }
    return true;
}

void XmlWalker::stray_text(const pugi::xml_node& node, std::string_view parent) {
    diags_.error(pos(node), "text is not allowed directly in <" + std::string(parent) + ">");
}

std::uint64_t text_bytes(const pugi::xml_node& node) {
    struct Counter : pugi::xml_tree_walker {
        std::uint64_t bytes = 0;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) bytes += std::strlen(n.value());
            return true;
        }
    } counter;
    pugi::xml_node copy = node;
    copy.traverse(counter);
    return counter.bytes;
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

bool language_matches(const std::string& tag, const std::string& wanted) {
    if (tag == wanted) return true;
    // a regional tag serves its language and the reverse: es-MX text for an "es" edition
    auto primary = [](const std::string& t) { return t.substr(0, t.find('-')); };
    return primary(tag) == primary(wanted) && (tag.find('-') == std::string::npos || wanted.find('-') == std::string::npos);
}

pugi::xml_node XmlWalker::variant(const pugi::xml_node& node, bool* fell_back) {
    if (fell_back) *fell_back = false;
    std::vector<pugi::xml_node> variants;
    bool other_content = false;
    for (auto child : node.children()) {
        if (child.type() == pugi::node_element && std::string_view(child.name()) == "t") {
            variants.push_back(child);
        } else if (child.type() == pugi::node_element ||
                   ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                    collapse_space(child.value()) != " " && *child.value())) {
            other_content = true;
        }
    }
    const std::string& wanted = languages_.wanted();
    auto missing = [&](const pugi::xml_node& fallback_node) {
        std::string name = node.name();
        if (!languages_.fallback.empty() && fallback_node) {
            if (fell_back) *fell_back = true;
            diags_.warning(pos(node), "<" + name + "> has no '" + wanted + "' text; the '" + languages_.fallback +
                                          "' text stands in, marked");
            return fallback_node;
        }
        diags_.error(pos(node), "<" + name + "> has no '" + wanted + "' text",
                     {"add <t xml:lang=\"" + wanted + "\">…</t>, or render with --fallback LANG"});
        return node;
    };
    if (variants.empty()) {
        if (wanted.empty() || language_matches(languages_.doc_lang, wanted)) return node;
        return missing(language_matches(languages_.doc_lang, languages_.fallback) ? node : pugi::xml_node());
    }
    if (other_content) {
        diags_.error(pos(node), "<" + std::string(node.name()) + "> holds <t> variants and other content",
                     {"put all of its text inside <t xml:lang=\"…\"> elements"});
    }
    pugi::xml_node chosen, fallback;
    std::vector<std::string> seen;
    for (const auto& t : variants) {
        check_attributes(t, {"xml:lang"}, {"xml:lang"});
        std::string lang = t.attribute("xml:lang").value();
        if (std::find(seen.begin(), seen.end(), lang) != seen.end()) {
            diags_.error(pos(t), "a second <t> in '" + lang + "'");
        }
        seen.push_back(lang);
        if (!chosen && language_matches(lang, wanted)) chosen = t;
        if (!fallback && !languages_.fallback.empty() && language_matches(lang, languages_.fallback)) fallback = t;
    }
    if (chosen) return chosen;
    return missing(fallback);
}

std::string XmlWalker::simple_text(const pugi::xml_node& element, bool localized) {
    bool fell_back = false;
    // a name may stay untranslated; if it is translated, the wanted language is read
    bool has_variants = static_cast<bool>(element.child("t"));
    pugi::xml_node node = localized || has_variants ? variant(element, &fell_back) : element;
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
    if (fell_back) out = "[" + languages_.fallback + "] " + out;  // a stand-in is visibly marked
    return out;
}

}  // namespace compose::source
