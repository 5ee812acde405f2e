#pragma once
// The size of a PNG or JPEG image, read from its header, and a check that the file is what its
// name says and is whole: a PNG's chunks (lengths and checksums) up to IEND, a JPEG's segments up
// to its end marker; then every row decoded once (image_decode.h), so that a damaged image is an
// error here rather than a crash in the PDF writer.
#include <cstdint>
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"

namespace compose::source {

struct ImageInfo {
    int width = 0, height = 0;  // pixels
    int pixel_bytes = 1;        // bytes a decoded pixel takes: 8 for 16-bit RGBA, 3 for RGB
};

// The image-pixels limit counts pixels of up to 4 bytes (8-bit RGBA); a wider pixel (16-bit
// RGB or RGBA) counts as two, so that the limit bounds the memory a decoded image takes.
std::uint64_t counted_pixels(const ImageInfo& info);

// Larger images are refused: a hostile source must not make compose decode gigapixels
// (the default of the image-pixels limit).
constexpr long long kMaxImagePixels = 100'000'000;

// Errors (at `pos`, where the source names the image) for unreadable, truncated, corrupt or
// mislabelled files, and for files or pixel counts beyond `limits` (image-size, image-pixels).
std::optional<ImageInfo> read_image_info(const std::string& path, const base::SourcePos& pos, base::Diagnostics& diags,
                                         const base::Limits& limits = {});

// The same checks on an image already in memory (tests and fuzzing); `path` names it and its
// extension says which type it must be.
std::optional<ImageInfo> check_image(const std::string& path, const std::string& bytes, const base::SourcePos& pos,
                                     base::Diagnostics& diags, const base::Limits& limits = {});

}  // namespace compose::source
