#include "compose/source/read_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "compose/base/line_map.h"
#include "compose/base/utf8.h"

namespace compose::source {

std::optional<std::string> read_file(const std::string& path, const base::SourcePos& pos, base::Diagnostics& diags,
                                     std::uint64_t max_bytes) {
    base::SourcePos where = pos;
    if (!where.file) where.file = std::make_shared<const std::string>(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(where, "cannot read '" + path + "': " + std::strerror(errno));
        return std::nullopt;
    }
    // read in pieces, never more than the limit: a FIFO or a device has no size to check first
    std::string text;
    char piece[1 << 16];
    while (in.read(piece, sizeof piece) || in.gcount() > 0) {
        text.append(piece, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) {
            file_too_long(where, path, max_bytes, diags);
            return std::nullopt;
        }
    }
    if (in.bad()) {
        diags.error(where, "cannot read '" + path + "': " + std::strerror(errno));
        return std::nullopt;
    }
    return text;
}

void file_too_long(const base::SourcePos& where, const std::string& path, std::uint64_t max_bytes,
                   base::Diagnostics& diags) {
    diags.error(where, "'" + path + "' is longer than the limit of " + base::format_bytes(max_bytes),
                {base::raise_hint("file-size")});
}

bool is_inside(const std::string& path, const std::string& folder) {
    namespace fs = std::filesystem;
    // non-throwing forms: a name too long or a folder that cannot be searched is "not inside"
    std::error_code ec;
    fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) return false;
    fs::path root = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    if (ec) return false;
    auto rel = file.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

bool check_utf8(const std::string& file_name, const std::string& text, base::Diagnostics& diags) {
    auto bad = base::find_invalid_utf8(text);
    if (!bad) return true;
    base::LineMap map(file_name, text);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
    diags.error(map.at(*bad), std::string("invalid UTF-8: byte ") + hex + " does not start a valid sequence",
                {"save the file as UTF-8"});
    return false;
}

}  // namespace compose::source
