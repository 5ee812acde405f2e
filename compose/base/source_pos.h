#pragma once
// A position in a source file: every model node and every diagnostic carries one.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compose/base/utf8.h"

namespace compose::base {

struct SourcePos {
    std::shared_ptr<const std::string> file;  // shared: thousands of nodes name the same file
    int line = 0;                             // 1-based; 0 means "no position"
    int col = 0;                              // 1-based, in code points

    bool known() const { return file && line > 0; }
    const std::string& file_name() const;
};

// Where the characters of a text lie in its source when they do not follow its first one column
// by column (whitespace collapsed, lines joined): from byte `offset` of the text on, they are at
// line:col, line:col+1, … (a column per code point).
struct TextAnchor {
    std::uint32_t offset = 0;
    int line = 0, col = 0;
};

// The position of the character at byte `offset` of `text`, which starts at `start` and has
// these anchors (sorted by offset).
inline SourcePos position_in(const SourcePos& start, const std::vector<TextAnchor>& anchors, std::string_view text,
                             std::size_t offset) {
    SourcePos pos = start;
    std::size_t from = 0;
    for (const auto& a : anchors) {
        if (a.offset > offset) break;
        pos.line = a.line;
        pos.col = a.col;
        from = a.offset;
    }
    if (pos.line == 0) return pos;
    for (std::size_t i = from; i < offset && i < text.size(); ++i) {
        if (!is_continuation_byte(text[i])) ++pos.col;
    }
    return pos;
}

}  // namespace compose::base
