#include "compose/base/line_map.h"
#include "compose/base/utf8.h"

#include <algorithm>

namespace compose::base {

namespace {
// lead bytes only: continuation bytes (10xxxxxx) belong to the previous code point
bool starts_code_point(char c) { return !is_continuation_byte(c); }
}  // namespace

LineMap::LineMap(std::string file_name, std::string_view text)
    : file_(std::make_shared<const std::string>(std::move(file_name))), text_(text) {
    line_starts_.push_back(0);
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kBlock == 0) code_points_before_.push_back(code_points);
        if (starts_code_point(text[i])) ++code_points;
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            line_starts_.push_back(i + 1);
        }
    }
}

std::size_t LineMap::code_points_to(std::size_t offset) const {
    std::size_t block = offset / kBlock;
    if (block >= code_points_before_.size()) block = code_points_before_.empty() ? 0 : code_points_before_.size() - 1;
    std::size_t count = code_points_before_.empty() ? 0 : code_points_before_[block];
    for (std::size_t i = block * kBlock; i < offset; ++i) {
        if (starts_code_point(text_[i])) ++count;
    }
    return count;
}

SourcePos LineMap::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    std::size_t start = line_starts_[line_index];
    std::size_t col = 1 + code_points_to(offset) - code_points_to(start);
    return SourcePos{file_, static_cast<int>(line_index + 1), static_cast<int>(col)};
}

}  // namespace compose::base
