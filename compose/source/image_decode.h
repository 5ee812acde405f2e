#pragma once
// Decodes a PNG (libpng) or JPEG (libjpeg) whole, to prove its compressed data sound before the
// PDF writer is given the file. Nothing is kept: the pixels go through one row buffer.
#include <optional>
#include <string>

namespace compose::source {

// What the decoder said of a damaged image, or nothing when every row decoded.
std::optional<std::string> png_decode_problem(const std::string& bytes);
std::optional<std::string> jpeg_decode_problem(const std::string& bytes);

}  // namespace compose::source
