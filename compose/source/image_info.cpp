#include "compose/source/image_info.h"

#include <fstream>
#include <vector>

namespace compose::source {
namespace {

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}
int be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }

std::optional<ImageInfo> png_info(const std::vector<unsigned char>& b) {
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (b.size() < 24 || !std::equal(signature, signature + 8, b.begin())) return std::nullopt;
    if (!std::equal(b.begin() + 12, b.begin() + 16, "IHDR")) return std::nullopt;
    return ImageInfo{static_cast<int>(be32(&b[16])), static_cast<int>(be32(&b[20]))};
}

std::optional<ImageInfo> jpeg_info(const std::vector<unsigned char>& b) {
    if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return std::nullopt;
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (b[i] != 0xFF) return std::nullopt;
        unsigned char marker = b[i + 1];
        if (marker == 0xFF) { ++i; continue; }
        std::size_t length = static_cast<std::size_t>(be16(&b[i + 2]));
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) return ImageInfo{be16(&b[i + 7]), be16(&b[i + 5])};
        if (length < 2) return std::nullopt;
        i += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<ImageInfo> read_image_info(const std::string& path, const base::SourcePos& pos, base::Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(pos, "cannot read image '" + path + "'");
        return std::nullopt;
    }
    // the header is near the start; JPEG metadata (EXIF) can push the frame header back a little
    std::vector<unsigned char> head(256 * 1024);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::string ext = path.substr(path.find_last_of('.') + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool want_png = ext == "png";
    auto info = want_png ? png_info(head) : jpeg_info(head);
    if (!info) {
        auto other = want_png ? jpeg_info(head) : png_info(head);
        if (other) {
            diags.error(pos, "image '" + path + "' is a " + (want_png ? "JPEG" : "PNG") + " file named ." + ext,
                        {"rename it so its extension says what it is"});
        } else {
            diags.error(pos, "image '" + path + "' is not a valid " + (want_png ? "PNG" : "JPEG") +
                                 " file (corrupt or truncated)");
        }
        return std::nullopt;
    }
    if (info->width <= 0 || info->height <= 0) {
        diags.error(pos, "image '" + path + "' has no pixels");
        return std::nullopt;
    }
    if (static_cast<long long>(info->width) * info->height > kMaxImagePixels) {
        diags.error(pos, "image '" + path + "' has " + std::to_string(info->width) + "x" + std::to_string(info->height) +
                             " pixels, more than the limit of " + std::to_string(kMaxImagePixels / 1000000) + " million");
        return std::nullopt;
    }
    return info;
}

}  // namespace compose::source
