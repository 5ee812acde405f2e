#include "compose/cli/depfile.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace compose::cli {

namespace fs = std::filesystem;

// A path as Make reads it in a rule: '\ ' for a space, '\#' for '#', '$$' for '$'. (A newline in
// a file name cannot be written in Make at all; it is written as '?', which matches nothing.)
static std::string escaped(const std::string& path) {
    std::string out;
    for (char c : path) {
        if (c == ' ' || c == '\t' || c == '#') out += '\\';
        if (c == '$') out += '$';
        out += c == '\n' || c == '\r' ? '?' : c;
    }
    return out;
}

std::string make_depfile(const std::string& output, const std::vector<std::string>& inputs) {
    std::string out = escaped(output) + ":";
    for (const auto& in : inputs) out += " \\\n  " + escaped(in);
    out += "\n";
    for (const auto& in : inputs) out += "\n" + escaped(in) + ":\n";
    return out;
}

std::vector<std::string> font_files(const std::string& fonts_dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(fonts_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        auto ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (ext == ".ttf" || ext == ".otf") files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace compose::cli
