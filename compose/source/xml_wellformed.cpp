// What pugixml lets through that XML 1.0 forbids, found in the file's text after pugixml has
// parsed it (so tags are balanced and quotes closed): characters XML does not allow, raw or as
// character references (&#0; would end a paragraph's text early), references to entities that
// are not defined (with no DTD only the five predefined ones are), a bare '&', a '<' in an
// attribute's value, "--" inside a comment, and anything but comments, processing instructions
// and white space outside the one root element.
#include "compose/source/xml_wellformed.h"

#include <cstdio>
#include <string_view>

namespace compose::source {
namespace {

bool allowed_char(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

std::string code_point_name(std::uint32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class Checker {
public:
    Checker(std::string_view text, const base::LineMap& map, base::Diagnostics& diags)
        : text_(text), map_(map), diags_(diags) {}

    bool run() { return characters() && structure(); }

private:
    std::string_view text_;
    const base::LineMap& map_;
    base::Diagnostics& diags_;

    bool fail(std::size_t at, const std::string& message, std::vector<std::string> hints = {}) {
        diags_.error(map_.at(at), "malformed XML: " + message, std::move(hints));
        return false;
    }

    // Raw characters (the text is valid UTF-8 already): C0 controls other than tab, LF and CR,
    // and the noncharacters U+FFFE and U+FFFF.
    bool characters() {
        for (std::size_t i = 0; i < text_.size(); ++i) {
            auto b = static_cast<unsigned char>(text_[i]);
            if (b < 0x20 && b != 0x9 && b != 0xA && b != 0xD) {
                return fail(i, "control character " + code_point_name(b) + " is not allowed in XML",
                            {"remove it, or write the text it stands for"});
            }
            if (b == 0xEF && i + 2 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0xBF &&
                (static_cast<unsigned char>(text_[i + 2]) == 0xBE || static_cast<unsigned char>(text_[i + 2]) == 0xBF)) {
                return fail(i, std::string("the noncharacter ") + (text_[i + 2] == '\xBE' ? "U+FFFE" : "U+FFFF") +
                                   " is not allowed in XML");
            }
        }
        return true;
    }

    // The reference starting at text_[at] == '&'; `end` is set past its ';'.
    bool reference(std::size_t at, std::size_t& end) {
        std::size_t semi = text_.find(';', at + 1);
        std::size_t stop = text_.find_first_of("&<\"' \t\r\n", at + 1);
        if (semi == std::string_view::npos || (stop != std::string_view::npos && stop < semi) || semi - at > 32) {
            return fail(at, "'&' that starts no reference; write &amp; for an ampersand");
        }
        std::string_view body = text_.substr(at + 1, semi - at - 1);
        end = semi + 1;
        if (!body.empty() && body[0] == '#') {
            bool hex = body.size() > 1 && body[1] == 'x';
            std::string_view digits = body.substr(hex ? 2 : 1);
            std::uint64_t value = 0;
            bool ok = !digits.empty();
            for (char c : digits) {
                int d = (c >= '0' && c <= '9') ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
                if (d < 0) ok = false;
                else value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(d);
                if (value > 0x10FFFF) value = 0x110000;  // stays out of range, never overflows
            }
            if (!ok) return fail(at, "'&" + std::string(body) + ";' is not a character reference");
            if (!allowed_char(static_cast<std::uint32_t>(value))) {
                return fail(at, "'&" + std::string(body) + ";' refers to " +
                                    (value > 0x10FFFF ? std::string("no Unicode character")
                                                      : code_point_name(static_cast<std::uint32_t>(value))) +
                                    ", which XML does not allow");
            }
            return true;
        }
        if (body == "lt" || body == "gt" || body == "amp" || body == "apos" || body == "quot") return true;
        return fail(at, "'&" + std::string(body) + ";' is not a defined entity (XML without a DTD has &lt; &gt; &amp; "
                                                   "&apos; &quot;)",
                    {"write &amp; for an ampersand"});
    }

    // Tags nest (pugixml checked); this counts them to find where the root element ends.
    bool structure() {
        int depth = 0;
        bool root_seen = false;
        std::size_t i = 0;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
        while (i < text_.size()) {
            char c = text_[i];
            if (c == '<') {
                std::string_view rest = text_.substr(i);
                auto skip_to = [&](std::string_view end) {
                    std::size_t found = text_.find(end, i);
                    i = found == std::string_view::npos ? text_.size() : found + end.size();
                };
                if (rest.substr(0, 4) == "<!--") {
                    // "--" may not stand inside a comment (nor a '-' right before its "-->")
                    std::size_t close = text_.find("-->", i + 4);
                    std::size_t dashes = text_.find("--", i + 4);
                    if (close != std::string_view::npos && dashes < close) {
                        return fail(dashes, "'--' inside a comment; XML does not allow it",
                                    {"write the comment without two hyphens in a row"});
                    }
                    skip_to("-->");
                } else if (rest.substr(0, 9) == "<![CDATA[") {
                    skip_to("]]>");
                } else if (rest.substr(0, 2) == "<?") {
                    skip_to("?>");
                } else if (rest.substr(0, 2) == "<!") {
                    return true;  // a DOCTYPE: refused by the caller
                } else if (rest.substr(0, 2) == "</") {
                    skip_to(">");
                    if (--depth == 0) root_seen = true;
                } else {
                    if (depth == 0 && root_seen) {
                        std::size_t name_end = text_.find_first_of(" \t\r\n/>", i + 1);
                        return fail(i, "a second root element <" + std::string(text_.substr(i + 1, name_end - i - 1)) +
                                           "> after the first one ends; a file has one root element");
                    }
                    if (!start_tag(i, depth, root_seen)) return false;
                }
                continue;
            }
            if (c == '&') {
                if (depth == 0) return fail(i, "text outside the root element");
                std::size_t end = i + 1;
                if (!reference(i, end)) return false;
                i = end;
                continue;
            }
            if (depth == 0 && !is_space(c)) {
                return fail(i, root_seen ? "text after the root element ends" : "text before the root element");
            }
            ++i;
        }
        return true;
    }

    // A start tag from its '<': references in its attribute values are checked.
    bool start_tag(std::size_t& i, int& depth, bool& root_seen) {
        char quote = 0;
        std::size_t j = i + 1;
        for (; j < text_.size(); ++j) {
            char c = text_[j];
            if (quote) {
                if (c == quote) quote = 0;
                else if (c == '<') return fail(j, "'<' in an attribute's value; write &lt;");
                else if (c == '&') {
                    std::size_t end = j + 1;
                    if (!reference(j, end)) return false;
                    j = end - 1;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        bool empty = j > i && text_[j - 1] == '/';
        if (!empty) ++depth;
        else if (depth == 0) root_seen = true;
        i = j + 1;
        return true;
    }
};

}  // namespace

bool check_well_formed(std::string_view text, const base::LineMap& map, base::Diagnostics& diags) {
    return Checker(text, map, diags).run();
}

}  // namespace compose::source
