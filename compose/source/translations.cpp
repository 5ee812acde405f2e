#include "compose/source/translations.h"

#include <algorithm>
#include <vector>

#include <pugixml.hpp>

#include "compose/base/line_map.h"
#include "compose/base/utf8.h"
#include "compose/source/xml_walker.h"

namespace compose::source {

namespace {

struct Edit {
    std::size_t from, to;  // the bytes of the start tag, '<' to '>'
    std::string tag;
};

// The end of the start tag whose name begins at `name`: one past its '>' (quotes respected).
std::size_t tag_end(const std::string& text, std::size_t name) {
    char quote = 0;
    for (std::size_t i = name; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return std::string::npos;
}

}  // namespace

std::optional<MarkedTranslations> mark_translations(const std::string& path, const std::string& text,
                                                    const std::string& lang, base::Diagnostics& diags) {
    pugi::xml_document xml;
    auto result = xml.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!result) {
        base::LineMap map(path, text);
        diags.error(map.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
                    std::string("malformed XML: ") + result.description());
        return std::nullopt;
    }
    MarkedTranslations out;
    std::vector<Edit> edits;
    struct Walker : pugi::xml_tree_walker {
        std::vector<pugi::xml_node> parents;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_element && n.child("t")) parents.push_back(n);
            return true;
        }
    } walker;
    xml.traverse(walker);
    for (const auto& parent : walker.parents) {
        pugi::xml_node source;
        for (auto t : parent.children("t")) {
            if (language_matches(t.attribute("xml:lang").value(), lang)) {
                source = t;
                break;
            }
        }
        if (!source) continue;
        const std::string hash = translation_hash(source);
        for (auto t : parent.children("t")) {
            if (t == source || language_matches(t.attribute("xml:lang").value(), lang)) continue;
            ++out.translations;
            if (std::string_view(t.attribute("from").value()) == hash) continue;
            std::ptrdiff_t name = t.offset_debug();  // the name, after its '<'
            if (name < 1) continue;
            std::size_t end = tag_end(text, static_cast<std::size_t>(name));
            if (end == std::string::npos) continue;
            bool empty = end >= 2 && text[end - 2] == '/';
            std::string tag = "<t";
            for (auto a : t.attributes()) {
                if (std::string_view(a.name()) != "from") tag += std::string(" ") + a.name() + "=\"" + base::xml_escaped(a.value()) + "\"";
            }
            tag += " from=\"" + hash + "\"" + (empty ? "/>" : ">");
            edits.push_back({static_cast<std::size_t>(name) - 1, end, std::move(tag)});
            ++out.changed;
        }
    }
    out.text = text;
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.from > b.from; });
    for (const auto& e : edits) out.text.replace(e.from, e.to - e.from, e.tag);
    return out;
}

}  // namespace compose::source
