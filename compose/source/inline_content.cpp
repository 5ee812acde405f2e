#include "compose/source/inline_content.h"

#include <cctype>
#include <string>
#include <vector>

namespace compose::source {
namespace {

using model::Inline;

void read_children(XmlWalker& w, const pugi::xml_node& parent, const InlineRules& rules, model::InlineList& out);

// http://host…, https://host… or mailto:address, the scheme in any case (RFC 3986 3.1), and
// something after it: an empty target is no link.
bool allowed_scheme(std::string_view href) {
    auto starts_with = [&](std::string_view scheme) {
        if (href.size() < scheme.size()) return false;
        for (std::size_t i = 0; i < scheme.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(href[i])) != scheme[i]) return false;
        }
        return true;
    };
    for (std::string_view scheme : {"http://", "https://", "mailto:"}) {
        if (!starts_with(scheme)) continue;
        std::string_view rest = href.substr(scheme.size());
        std::size_t end = rest.find_first_of("/?#");
        return !rest.substr(0, end).empty();  // a host, or an address
    }
    return false;
}

void read_element(XmlWalker& w, const pugi::xml_node& node, const InlineRules& rules, model::InlineList& out) {
    std::string_view name = node.name();
    Inline item;
    item.pos = w.pos(node);
    if (name == "em" || name == "strong") {
        w.check_attributes(node, {});
        item.kind = name == "em" ? Inline::Kind::Emph : Inline::Kind::Strong;
        read_children(w, node, rules, item.children);
    } else if (name == "link") {
        w.check_attributes(node, {"href"}, {"href"});
        item.kind = Inline::Kind::Link;
        item.attr = node.attribute("href").value();
        constexpr std::size_t kMaxAddress = 65535;  // the longest string a PDF (and libharu) holds
        if (item.attr.size() > kMaxAddress) {
            w.diags().error(item.pos, "the link's address is " + std::to_string(item.attr.size()) +
                                          " bytes long; a PDF holds at most " + std::to_string(kMaxAddress));
        } else if (node.attribute("href") && !allowed_scheme(item.attr)) {
            w.diags().error(w.attribute_pos(node, "href"), "link address '" + item.attr + "' is not allowed",
                            {"links may use http:, https: or mailto: only, each followed by a host or an address"});
        }
        read_children(w, node, rules, item.children);
    } else if (name == "ref") {
        w.check_attributes(node, {"to"}, {"to"});
        item.kind = Inline::Kind::Ref;
        item.attr = node.attribute("to").value();
        if (node.first_child()) w.diags().error(item.pos, "<ref> is empty: its label is generated");
    } else if (name == "span") {
        w.check_attributes(node, {"xml:lang"}, {"xml:lang"});
        item.kind = Inline::Kind::Span;
        item.attr = node.attribute("xml:lang").value();
        read_children(w, node, rules, item.children);
    } else if (name == "person" && rules.allow_person) {
        w.check_attributes(node, {"org"});
        item.kind = Inline::Kind::Person;
        item.attr = node.attribute("org").value();
        read_children(w, node, rules, item.children);
    } else if (name == "q") {
        w.check_attributes(node, {});
        item.kind = Inline::Kind::Quote;
        read_children(w, node, rules, item.children);
    } else if (name == "br") {
        w.check_attributes(node, {});
        item.kind = Inline::Kind::Break;
    } else if (name == "nobreak") {
        w.check_attributes(node, {});
        item.kind = Inline::Kind::NoBreak;
        read_children(w, node, rules, item.children);
    } else {
        std::vector<std::string> allowed = {"em", "strong", "link", "ref", "span", "q", "br", "nobreak"};
        if (rules.allow_person) allowed.push_back("person");
        w.unknown_element(node, allowed, node.parent().name());
        return;
    }
    out.push_back(std::move(item));
}

std::vector<base::TextAnchor> text_anchors(const XmlWalker& w, const pugi::xml_node& node);

void read_children(XmlWalker& w, const pugi::xml_node& parent, const InlineRules& rules, model::InlineList& out) {
    for (auto child : parent.children()) {
        switch (child.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata: {
            Inline text;
            text.kind = Inline::Kind::Text;
            text.text = collapse_space(child.value());
            text.pos = w.pos(child);
            text.anchors = text_anchors(w, child);
            if (!text.text.empty()) out.push_back(std::move(text));
            break;
        }
        case pugi::node_element: read_element(w, child, rules, out); break;
        default: break;  // comments and processing instructions carry no content
        }
    }
}

// Anchors for the text collapse_space() makes of a text node, so that a diagnostic about one of
// its characters can name its line:col: one after each stretch of whitespace that is not a single
// space (lines joined, indentation dropped) and one after each character reference (&#x301;
// is one character but eight columns). The decoded text is walked beside the file's own bytes.
std::vector<base::TextAnchor> text_anchors(const XmlWalker& w, const pugi::xml_node& node) {
    std::vector<base::TextAnchor> anchors;
    std::string_view value = node.value();
    std::string_view file = w.map().text();
    std::ptrdiff_t start = node.offset_debug();
    if (start < 0 || static_cast<std::size_t>(start) > file.size()) return anchors;
    std::size_t r = static_cast<std::size_t>(start);  // into the file, beside i in the decoded text
    std::uint32_t out = 0;                           // bytes of collapsed text so far
    bool in_space = false, plain = true;             // plain: the stretch of space is one ' '
    bool moved = false;                              // the next character is not where counting puts it
    for (std::size_t i = 0; i < value.size() && r < file.size();) {
        std::size_t raw_at = r, length = 1;  // the character's bytes in the decoded text
        if (file[r] == '&') {  // a reference: one character, however it is written
            std::size_t semicolon = file.find(';', r);
            if (semicolon == std::string_view::npos) return anchors;  // cannot happen in well-formed XML
            r = semicolon + 1;
            length = 1;
            while (i + length < value.size() && (static_cast<unsigned char>(value[i + length]) & 0xC0) == 0x80) ++length;
            moved = true;
        } else if (file[r] == '\r') {  // CR LF and a lone CR are read as LF
            r += r + 1 < file.size() && file[r + 1] == '\n' ? 2 : 1;
        } else {
            ++r;
        }
        char c = value[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            plain = !in_space && c == ' ' && file[raw_at] == ' ';
            in_space = true;
            i += length;
            continue;
        }
        if (in_space) {
            ++out;
            if (!plain) moved = true;
        }
        in_space = false;
        if (moved && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            base::SourcePos at = w.map().at(raw_at);
            anchors.push_back({out, at.line, at.col});
            moved = false;
        }
        // the character after a reference is where counting from it puts it only if it was one column
        if (file[raw_at] == '&') moved = true;
        out += static_cast<std::uint32_t>(length);
        i += length;
    }
    return anchors;
}

// Removes a space at the very start (front=true) or end of the list, descending into children.
bool trim_edge(model::InlineList& list, bool front) {
    while (!list.empty()) {
        Inline& item = front ? list.front() : list.back();
        if (item.kind == Inline::Kind::Text) {
            if (front && !item.text.empty() && item.text.front() == ' ') {
                item.text.erase(0, 1);
                for (auto& a : item.anchors) a.offset = a.offset > 0 ? a.offset - 1 : 0;
            }
            if (!front && !item.text.empty() && item.text.back() == ' ') item.text.pop_back();
            if (item.text.empty()) {
                if (front) list.erase(list.begin()); else list.pop_back();
                continue;
            }
            return true;
        }
        if (item.kind == Inline::Kind::Ref || item.kind == Inline::Kind::Break) return true;
        if (trim_edge(item.children, front)) return true;
        if (item.kind == Inline::Kind::Link) return true;  // an empty link shows its address
        if (front) list.erase(list.begin()); else list.pop_back();
    }
    return false;
}

}  // namespace

model::InlineList read_inline(XmlWalker& w, const pugi::xml_node& element, const InlineRules& rules) {
    bool fell_back = false;
    pugi::xml_node parent = w.variant(element, &fell_back);
    model::InlineList out;
    read_children(w, parent, rules, out);
    trim_edge(out, true);
    trim_edge(out, false);
    if (fell_back) {
        // text in the fallback language stands in: tagged with its language, and visibly marked
        Inline span;
        span.kind = Inline::Kind::Span;
        span.attr = w.languages().fallback;
        span.pos = w.pos(element);
        Inline mark;
        mark.kind = Inline::Kind::Text;
        mark.text = "[" + w.languages().fallback + "] ";
        mark.pos = span.pos;
        span.children.push_back(std::move(mark));
        for (auto& item : out) span.children.push_back(std::move(item));
        out.clear();
        out.push_back(std::move(span));
    }
    return out;
}

}  // namespace compose::source
