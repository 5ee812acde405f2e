#include "compose/render/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

namespace compose::render {

std::optional<FontSubset> subset_font(hb_face_t* face, const std::set<std::uint32_t>& glyphs, bool retain_gids) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) return std::nullopt;
    hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
    hb_set_add(glyph_set, 0);  // .notdef stays glyph 0
    for (auto g : glyphs) hb_set_add(glyph_set, g);
    // A PDF shows glyphs by id: the layout tables and hinting are of no use there and only add size.
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | (retain_gids ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0));
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "DSIG"}) hb_set_add(drop, hb_tag_from_string(tag, 4));

    std::optional<FontSubset> result;
    hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face, input);
    if (plan) {
        const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan);
        hb_face_t* subset = hb_subset_plan_execute_or_fail(plan);
        if (subset) {
            hb_blob_t* out = hb_face_reference_blob(subset);
            unsigned length = 0;
            const char* data = hb_blob_get_data(out, &length);
            if (data && length > 0) {
                FontSubset s;
                s.bytes.assign(data, length);
                for (auto g : glyphs) {
                    hb_codepoint_t mapped = hb_map_get(mapping, g);
                    s.new_glyph[g] = mapped == HB_MAP_VALUE_INVALID ? 0 : mapped;
                }
                result = std::move(s);
            }
            hb_blob_destroy(out);
            hb_face_destroy(subset);
        }
        hb_subset_plan_destroy(plan);
    }
    hb_subset_input_destroy(input);
    return result;
}

}  // namespace compose::render
