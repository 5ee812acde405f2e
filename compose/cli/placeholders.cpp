#include "compose/cli/placeholders.h"

#include <fstream>
#include <algorithm>
#include <iterator>
#include <memory>

#include "compose/base/line_map.h"

namespace compose::cli {

void check_placeholders(const std::string& path, base::Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    base::LineMap map(path, text);
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, 4, "<!--") == 0) {  // a comment may show an example in brackets
            std::size_t end = text.find("-->", i + 4);
            i = end == std::string::npos ? text.size() : end + 3;
            continue;
        }
        if (text[i] != '>') {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < text.size() && is_space(text[j])) ++j;
        if (j < text.size() && text[j] == '[') {
            // the placeholder as the author sees it: to its ']' on the same line, or its first words
            std::size_t close = text.find_first_of("]\n", j);
            bool closed = close != std::string::npos && text[close] == ']';
            std::size_t shown_end = closed ? close + 1 : std::min(text.size(), j + 60);
            std::size_t cut = std::min<std::size_t>(shown_end - j, 60);
            while (cut > 0 && j + cut < text.size() && (static_cast<unsigned char>(text[j + cut]) & 0xC0) == 0x80) --cut;
            std::string shown = text.substr(j, cut);  // whole characters
            if (shown_end - j > cut) shown += "…";
            base::Diagnostic d{base::Severity::Warning, map.at(j), "placeholder text left in: " + shown,
                               {"replace the bracketed text, written by compose new"}};
            if (closed) d.end = map.at(close + 1);
            diags.add(std::move(d));
        }
        i = j;
    }
}

}  // namespace compose::cli
