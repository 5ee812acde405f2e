#include "compose/text/shaper.h"

#include <hb.h>

#include "compose/base/owner.h"

namespace compose::text {

std::size_t ShapeKeyHash::operator()(const ShapeKeyView& k) const noexcept {
    std::size_t h = std::hash<std::string_view>()(k.text);
    h ^= std::hash<std::string_view>()(k.lang) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= std::hash<std::uint32_t>()(k.face) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= std::hash<std::uint32_t>()(k.props.script * 2 + (k.props.rtl ? 1 : 0)) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

const std::vector<ShapedGlyph>& Shaper::shape(FaceId face, const std::string& lang, std::string_view text,
                                              base::Diagnostics& diags, ShapeProps props) {
    if (auto it = cache_.find(ShapeKeyView{face, lang, text, props}); it != cache_.end()) {
        ++hits_;
        return it->second;
    }
    std::vector<ShapedGlyph> glyphs;
    if (hb_font_t* font = fonts_.hb_font(face, diags)) {
        base::Owner<hb_buffer_t, hb_buffer_destroy> owner(hb_buffer_create());
        hb_buffer_t* buf = owner.get();
        hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
        // direction and script as itemization found them; what is left unset HarfBuzz guesses
        hb_buffer_set_direction(buf, props.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        if (props.script != 0) hb_buffer_set_script(buf, static_cast<hb_script_t>(props.script));
        hb_buffer_guess_segment_properties(buf);
        if (!lang.empty()) hb_buffer_set_language(buf, hb_language_from_string(lang.c_str(), -1));
        hb_shape(font, buf, nullptr, 0);
        unsigned count = 0;
        hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
        hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
        glyphs.reserve(count);
        for (unsigned i = 0; i < count; ++i) {
            glyphs.push_back({info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster});
        }
    }
    return cache_.emplace(ShapeKey{face, lang, std::string(text), props}, std::move(glyphs)).first->second;
}

}  // namespace compose::text
