#include "compose/base/line_map.h"

#include <algorithm>

namespace compose::base {

LineMap::LineMap(std::string file_name, std::string_view text)
    : file_(std::make_shared<const std::string>(std::move(file_name))), text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
}

SourcePos LineMap::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    std::size_t start = line_starts_[line_index];
    int col = 1;
    for (std::size_t i = start; i < offset; ++i) {
        // count lead bytes only: continuation bytes (10xxxxxx) belong to the previous code point
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    }
    return SourcePos{file_, static_cast<int>(line_index + 1), col};
}

}  // namespace compose::base
