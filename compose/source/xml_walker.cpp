#include "compose/source/xml_walker.h"

#include <algorithm>
#include <cstdio>
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

std::pair<base::SourcePos, base::SourcePos> XmlWalker::attribute_span(const pugi::xml_node& node,
                                                                    std::string_view name) const {
    const std::string_view text = map_.text();
    std::ptrdiff_t start = node.offset_debug();  // the element's name, after its '<'
    if (start < 0 || static_cast<std::size_t>(start) >= text.size()) return {pos(node), {}};
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t i = static_cast<std::size_t>(start);
    while (i < text.size() && !is_space(text[i]) && text[i] != '>' && text[i] != '/') ++i;  // the element's name
    // attributes: name, '=', quoted value, until the tag ends
    while (i < text.size() && text[i] != '>') {
        while (i < text.size() && (is_space(text[i]) || text[i] == '/')) ++i;
        std::size_t name_start = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != '=' && text[i] != '>') ++i;
        std::string_view found = text.substr(name_start, i - name_start);
        while (i < text.size() && (is_space(text[i]) || text[i] == '=')) ++i;
        if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) break;
        std::size_t close = text.find(text[i], i + 1);
        if (close == std::string_view::npos) break;
        i = close + 1;
        if (found == name) return {map_.at(name_start), map_.at(i)};
    }
    return {pos(node), {}};
}

void XmlWalker::attribute_error(const pugi::xml_node& node, std::string_view name, std::string message,
                                std::vector<std::string> hints) {
    auto [at, end] = attribute_span(node, name);
    base::Diagnostic d{base::Severity::Error, at, std::move(message), std::move(hints)};
    d.end = end;
    diags_.add(std::move(d));
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
        attribute_error(node, name, "unknown attribute '" + std::string(name) + "' on <" + node.name() + ">",
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
    // the range: '<' and the name, so an editor or a terminal marks the whole misspelling
    base::Diagnostic d{base::Severity::Error, pos(node), std::move(message), std::move(hints)};
    if (d.pos.line > 0) {
        d.end = d.pos;
        std::string_view name = node.name();
        d.end.col += 1 + static_cast<int>(std::count_if(name.begin(), name.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    }
    diags_.add(std::move(d));
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

std::string translation_hash(const pugi::xml_node& variant) {
    struct Collector : pugi::xml_tree_walker {
        std::string text;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                text += n.value();
            } else if (n.type() == pugi::node_element) {
                text += ' ';  // an element's attributes are part of the text: <ref to=…>, <link href=…>
                for (auto a : n.attributes()) text += std::string(a.name()) + "=" + a.value() + " ";
            }
            return true;
        }
    } collector;
    pugi::xml_node copy = variant;
    copy.traverse(collector);
    std::string text = collapse_space(collector.text);
    if (!text.empty() && text.front() == ' ') text.erase(0, 1);
    if (!text.empty() && text.back() == ' ') text.pop_back();
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
    char out[9];
    std::snprintf(out, sizeof out, "%08x", hash);
    return out;
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
        // read on in a variant there is, not in `node`, whose <t> children would each be
        // reported again as elements out of place: one error per missing translation
        return variants.empty() ? node : variants.front();
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
    std::vector<pugi::xml_node> seen;
    for (const auto& t : variants) {
        check_attributes(t, {"xml:lang", "from"}, {"xml:lang"});
        std::string lang = t.attribute("xml:lang").value();
        auto first = std::find_if(seen.begin(), seen.end(), [&](const pugi::xml_node& s) { return lang == s.attribute("xml:lang").value(); });
        if (first != seen.end()) {
            base::Diagnostic d{base::Severity::Error, pos(t), "a second <t> in '" + lang + "'"};
            d.notes.push_back({pos(*first), "the first <t> in '" + lang + "'"});
            diags_.add(std::move(d));
        }
        seen.push_back(t);
        if (!chosen && language_matches(lang, wanted)) chosen = t;
        if (!fallback && !languages_.fallback.empty() && language_matches(lang, languages_.fallback)) fallback = t;
    }
    if (chosen) {
        check_translation_current(chosen, variants);
        return chosen;
    }
    return missing(fallback);
}

void XmlWalker::check_translation_current(const pugi::xml_node& chosen, const std::vector<pugi::xml_node>& variants) {
    auto from = chosen.attribute("from");
    if (!from) return;  // never marked: nothing to compare
    std::string lang = chosen.attribute("xml:lang").value();
    if (language_matches(lang, languages_.doc_lang)) return;  // the source language itself
    for (const auto& source : variants) {
        if (!language_matches(source.attribute("xml:lang").value(), languages_.doc_lang)) continue;
        std::string now = translation_hash(source);
        if (now == from.value()) return;
        base::Diagnostic d{base::Severity::Warning, pos(chosen),
                           "the '" + lang + "' text was translated from an earlier '" + languages_.doc_lang + "' text",
                           {"bring the translation up to date, then run compose translations --mark-current"}};
        d.notes.push_back({pos(source), "the '" + languages_.doc_lang + "' text, changed since the translation (hash " +
                                            now + ", the translation records " + from.value() + ")"});
        diags_.add(std::move(d));
        return;
    }
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
