#include "compose/source/image_info.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>

#include "compose/source/image_decode.h"

namespace compose::source {
namespace {

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}
int be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }

// What is wrong with an image file, as the sentence after "image 'x' ".
struct Problem {
    enum class Kind { None, NotThisType, Truncated, Corrupt } kind = Kind::None;
    std::string detail;
};

struct Checked {
    ImageInfo info;
    Problem problem;
};

Checked fail(Problem::Kind kind, std::string detail = {}) { return {{}, {kind, std::move(detail)}}; }

std::uint32_t crc32(const unsigned char* p, std::size_t n) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// PNG: the signature, IHDR first, every chunk whole with a matching CRC, image data, IEND.
Checked check_png(const std::string& file) {
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const auto* b = reinterpret_cast<const unsigned char*>(file.data());
    const std::size_t n = file.size();
    if (n < 8 || !std::equal(signature, signature + 8, b)) return fail(Problem::Kind::NotThisType);
    Checked out;
    bool header = false, palette = false, data = false;
    int color_type = 0;
    std::size_t i = 8;
    while (true) {
        if (n - i < 12) return fail(Problem::Kind::Truncated);
        std::uint32_t length = be32(b + i);
        std::string type(reinterpret_cast<const char*>(b + i + 4), 4);
        if (length > 0x7FFFFFFFu || !std::all_of(type.begin(), type.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            })) {
            return fail(Problem::Kind::Corrupt, "a PNG chunk's header is damaged");
        }
        if (n - i - 12 < length) return fail(Problem::Kind::Truncated);
        const unsigned char* body = b + i + 8;
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
        // so the fuzzer reaches the decoder (image_decode.cpp): libpng still checks each chunk's
        // checksum, but at the chunk's end, after inflating its data, so no bad checksum gets
        // past it to the PDF writer
        constexpr bool kCheckCrc = false;
#else
        constexpr bool kCheckCrc = true;
#endif
        if (kCheckCrc && crc32(b + i + 4, length + 4) != be32(body + length)) {
            return fail(Problem::Kind::Corrupt, "the checksum of its PNG chunk " + type + " does not match");
        }
        if (!header && type != "IHDR") return fail(Problem::Kind::Corrupt, "it does not start with a PNG header (IHDR)");
        if (type == "IHDR") {
            if (header || length != 13) return fail(Problem::Kind::Corrupt, "its PNG header (IHDR) is malformed");
            header = true;
            std::uint32_t w = be32(body), h = be32(body + 4);
            int depth = body[8];
            color_type = body[9];
            bool depth_ok = false;
            switch (color_type) {
            case 0: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16; break;
            case 3: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8; break;
            case 2: case 4: case 6: depth_ok = depth == 8 || depth == 16; break;
            default: break;
            }
            if (!depth_ok || body[10] != 0 || body[11] != 0 || body[12] > 1 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu) {
                return fail(Problem::Kind::Corrupt, "its PNG header (IHDR) is malformed");
            }
            static const int channels[] = {1, 0, 3, 1, 2, 0, 4};
            out.info = {static_cast<int>(w), static_cast<int>(h), channels[color_type] * (depth == 16 ? 2 : 1)};
        } else if (type == "PLTE") {
            palette = true;
        } else if (type == "IDAT") {
            data = true;
        } else if (type == "IEND") {
            break;
        }
        i += 12 + length;
    }
    if (!data) return fail(Problem::Kind::Corrupt, "it holds no image data (IDAT)");
    if (color_type == 3 && !palette) return fail(Problem::Kind::Corrupt, "its palette (PLTE) is missing");
    return out;
}

// JPEG: segments whole from the start marker to the end marker, a frame header (SOF) before the
// first scan.
Checked check_jpeg(const std::string& file) {
    const auto* b = reinterpret_cast<const unsigned char*>(file.data());
    const std::size_t n = file.size();
    if (n < 3 || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF) return fail(Problem::Kind::NotThisType);
    Checked out;
    bool frame = false;
    std::size_t i = 2;
    while (true) {
        if (i >= n) return fail(Problem::Kind::Truncated);
        if (b[i] != 0xFF) return fail(Problem::Kind::Corrupt, "a JPEG marker is missing where a segment should start");
        while (i < n && b[i] == 0xFF) ++i;  // fill bytes
        if (i >= n) return fail(Problem::Kind::Truncated);
        unsigned char marker = b[i++];
        if (marker == 0xD9) break;  // end of image
        if (marker == 0xD8 || marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            if (marker == 0xD8 || marker == 0x00) return fail(Problem::Kind::Corrupt, "a JPEG marker is out of place");
            continue;  // markers without a length
        }
        if (n - i < 2) return fail(Problem::Kind::Truncated);
        std::size_t length = static_cast<std::size_t>(be16(b + i));
        if (length < 2) return fail(Problem::Kind::Corrupt, "a JPEG segment's length is damaged");
        if (n - i < length) return fail(Problem::Kind::Truncated);
        const unsigned char* body = b + i + 2;
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (length < 8) return fail(Problem::Kind::Corrupt, "its JPEG frame header is malformed");
            int components = body[5];
            if (body[0] != 8 || (components != 1 && components != 3 && components != 4) ||
                length != 8 + 3 * static_cast<std::size_t>(components)) {
                return fail(Problem::Kind::Corrupt, "its JPEG frame header is malformed or not 8-bit gray, RGB or CMYK");
            }
            if (!frame) out.info = {be16(body + 3), be16(body + 1), components};
            frame = true;
        }
        i += length;
        if (marker == 0xDA) {  // start of scan: entropy-coded data runs to the next marker
            if (!frame) return fail(Problem::Kind::Corrupt, "a JPEG scan comes before its frame header");
            while (i + 1 < n && !(b[i] == 0xFF && b[i + 1] != 0x00 && !(b[i + 1] >= 0xD0 && b[i + 1] <= 0xD7))) ++i;
            if (i + 1 >= n) return fail(Problem::Kind::Truncated);
        }
    }
    if (!frame) return fail(Problem::Kind::Corrupt, "it has no JPEG frame header");
    return out;
}

}  // namespace

std::uint64_t counted_pixels(const ImageInfo& info) {
    std::uint64_t pixels = static_cast<std::uint64_t>(info.width) * static_cast<std::uint64_t>(info.height);
    return pixels * static_cast<std::uint64_t>((std::max(info.pixel_bytes, 1) + 3) / 4);
}

std::optional<ImageInfo> check_image(const std::string& path, const std::string& bytes, const base::SourcePos& pos,
                                     base::Diagnostics& diags, const base::Limits& limits) {
    std::string ext = path.substr(path.find_last_of('.') + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool want_png = ext == "png";
    const char* type = want_png ? "PNG" : "JPEG";
    Checked checked = want_png ? check_png(bytes) : check_jpeg(bytes);
    switch (checked.problem.kind) {
    case Problem::Kind::None: break;
    case Problem::Kind::NotThisType: {
        Checked other = want_png ? check_jpeg(bytes) : check_png(bytes);
        if (other.problem.kind != Problem::Kind::NotThisType) {
            diags.error(pos, "image '" + path + "' is a " + (want_png ? "JPEG" : "PNG") + " file named ." + ext,
                        {"rename it so its extension says what it is"});
        } else {
            diags.error(pos, "image '" + path + "' is not a " + type + " file");
        }
        return std::nullopt;
    }
    case Problem::Kind::Truncated:
        diags.error(pos, "image '" + path + "' is truncated: the file ends inside its " + type + " data");
        return std::nullopt;
    case Problem::Kind::Corrupt:
        diags.error(pos, "image '" + path + "' is corrupt: " + checked.problem.detail);
        return std::nullopt;
    }
    const ImageInfo& info = checked.info;
    if (info.width <= 0 || info.height <= 0) {
        diags.error(pos, "image '" + path + "' has no pixels");
        return std::nullopt;
    }
    if (counted_pixels(info) > limits.image_pixels) {
        bool wide = info.pixel_bytes > 4;
        diags.error(pos, "image '" + path + "' has " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                             " pixels" + (wide ? " of " + std::to_string(info.pixel_bytes) + " bytes, counted twice" : "") +
                             ", more than the limit of " + std::to_string(limits.image_pixels),
                    {base::raise_hint("image-pixels")});
        return std::nullopt;
    }
    // whole and within the limits: now every row must decode
    if (auto problem = want_png ? png_decode_problem(bytes) : jpeg_decode_problem(bytes)) {
        diags.error(pos, "image '" + path + "' is corrupt: its " + type + " data does not decode (" + *problem + ")");
        return std::nullopt;
    }
    return info;
}

std::optional<ImageInfo> read_image_info(const std::string& path, const base::SourcePos& pos, base::Diagnostics& diags,
                                         const base::Limits& limits) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(pos, "cannot read image '" + path + "'");
        return std::nullopt;
    }
    std::string bytes;
    char piece[1 << 16];
    while (in.read(piece, sizeof piece) || in.gcount() > 0) {
        bytes.append(piece, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > limits.image_size) {
            diags.error(pos, "image '" + path + "' is larger than the limit of " + base::format_bytes(limits.image_size),
                        {base::raise_hint("image-size")});
            return std::nullopt;
        }
    }
    return check_image(path, bytes, pos, diags, limits);
}

}  // namespace compose::source
