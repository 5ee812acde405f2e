#pragma once
// Text for the benchmarks: the prose of the Mexico report, so word lengths and repetition are real.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace compose::bench {

inline std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The text of every <p> of the Mexico source, tags stripped, one paragraph per entry.
inline std::vector<std::string> mexico_paragraphs() {
    std::string xml = read_whole(COMPOSE_SOURCE_DIR "/sources/mexico-2014/report.xml");
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = xml.find("<p>", at)) != std::string::npos) {
        std::size_t end = xml.find("</p>", at);
        if (end == std::string::npos) break;
        std::string text;
        bool in_tag = false;
        for (std::size_t i = at + 3; i < end; ++i) {
            char c = xml[i];
            if (c == '<') in_tag = true;
            else if (c == '>') in_tag = false;
            else if (!in_tag) text += c == '\n' ? ' ' : c;
        }
        out.push_back(text);
        at = end;
    }
    return out;
}

inline std::size_t count_words(const std::string& s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

}  // namespace compose::bench
