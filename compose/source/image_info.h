#pragma once
// The size of a PNG or JPEG image, read from its header, and a check that the file is what its
// name says. Pixels are not decoded here (libharu does that when the PDF is written).
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"

namespace compose::source {

struct ImageInfo {
    int width = 0, height = 0;  // pixels
};

// Larger images are refused: a hostile source must not make compose decode gigapixels.
constexpr long long kMaxImagePixels = 100'000'000;

// Errors (at `pos`, where the source names the image) for unreadable, truncated or mislabelled files.
std::optional<ImageInfo> read_image_info(const std::string& path, const base::SourcePos& pos, base::Diagnostics& diags);

}  // namespace compose::source
