#pragma once
// HarfBuzz shaping of one piece of text in one face, with a cache: a report repeats its words.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compose/text/font_set.h"

namespace compose::text {

struct ShapedGlyph {
    std::uint32_t id = 0;
    std::int32_t advance = 0;   // font units
    std::int32_t x_offset = 0;  // font units
    std::int32_t y_offset = 0;  // font units
    std::uint32_t cluster = 0;  // byte offset into the shaped text
};

// How a piece of text is shaped besides its face and language: its direction (right-to-left
// pieces come back in visual order, their clusters decreasing) and its script (an ISO 15924 tag
// as HarfBuzz spells it, hb_script_t; 0: HarfBuzz guesses it from the text).
struct ShapeProps {
    bool rtl = false;
    std::uint32_t script = 0;
    bool operator==(const ShapeProps&) const = default;
};

struct ShapeKey {
    FaceId face;
    std::string lang;
    std::string text;
    ShapeProps props;
};

// A key as looked up: views, so that a lookup that hits copies no text.
struct ShapeKeyView {
    FaceId face;
    std::string_view lang;
    std::string_view text;
    ShapeProps props;
    ShapeKeyView(FaceId f, std::string_view l, std::string_view t, ShapeProps p)
        : face(f), lang(l), text(t), props(p) {}
    ShapeKeyView(const ShapeKey& k) : ShapeKeyView(k.face, k.lang, k.text, k.props) {}
    bool operator==(const ShapeKeyView&) const = default;
};

struct ShapeKeyHash {
    using is_transparent = void;
    std::size_t operator()(const ShapeKeyView& k) const noexcept;
};

struct ShapeKeyEqual {
    using is_transparent = void;
    bool operator()(const ShapeKeyView& a, const ShapeKeyView& b) const noexcept { return a == b; }
};

class Shaper {
public:
    explicit Shaper(FontSet& fonts) : fonts_(fonts) {}
    // Glyphs in font units (shaping is size-independent without hinting, so one entry serves every size).
    const std::vector<ShapedGlyph>& shape(FaceId face, const std::string& lang, std::string_view text,
                                          base::Diagnostics& diags, ShapeProps props = {});
    std::size_t cache_size() const { return cache_.size(); }
    std::size_t cache_hits() const { return hits_; }

private:
    FontSet& fonts_;
    std::unordered_map<ShapeKey, std::vector<ShapedGlyph>, ShapeKeyHash, ShapeKeyEqual> cache_;
    std::size_t hits_ = 0;
};

}  // namespace compose::text
