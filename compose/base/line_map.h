#pragma once
// Maps byte offsets in a loaded file to line:col once, so every later stage can report positions.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compose/base/source_pos.h"

namespace compose::base {

class LineMap {
public:
    LineMap(std::string file_name, std::string_view text);
    // Column counts code points, not bytes, so "Álvaro" columns match what an editor shows.
    // Lines end at LF, CR LF or a lone CR.
    SourcePos at(std::size_t byte_offset) const;
    const std::shared_ptr<const std::string>& file() const { return file_; }
    std::string_view text() const { return text_; }

private:
    std::shared_ptr<const std::string> file_;
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    // code points before each block of kBlock bytes: a column costs at most one block's scan, so
    // a file of one long line with many diagnostics is not quadratic
    static constexpr std::size_t kBlock = 1024;
    std::vector<std::size_t> code_points_before_;
    std::size_t code_points_to(std::size_t offset) const;
};

}  // namespace compose::base
