#pragma once
// hb-subset: a compact subset of a font (glyph ids renumbered) with the old -> new glyph map.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <hb.h>

namespace compose::render {

struct FontSubset {
    std::string bytes;                                  // the subset font file
    std::map<std::uint32_t, std::uint32_t> new_glyph;   // original glyph id -> id in the subset
};

// `face` stays the caller's. `retain_gids`: the glyphs keep their ids (the others left empty), for
// fonts whose glyphs the PDF addresses by their original id (a CFF font that is not CID-keyed).
std::optional<FontSubset> subset_font(hb_face_t* face, const std::set<std::uint32_t>& glyphs, bool retain_gids = false);

}  // namespace compose::render
