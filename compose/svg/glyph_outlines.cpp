#include "compose/svg/glyph_outlines.h"

#include <hb.h>

#include "compose/svg/encode.h"

namespace compose::svg {

// RAII owners of the HarfBuzz handles.
struct GlyphOutlines::HbFont {
    struct BlobFree {
        void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
    };
    struct FaceFree {
        void operator()(hb_face_t* f) const { hb_face_destroy(f); }
    };
    struct FontFree {
        void operator()(hb_font_t* f) const { hb_font_destroy(f); }
    };
    struct DrawFuncsFree {
        void operator()(hb_draw_funcs_t* f) const { hb_draw_funcs_destroy(f); }
    };
    std::unique_ptr<hb_blob_t, BlobFree> blob;
    std::unique_ptr<hb_face_t, FaceFree> face;
    std::unique_ptr<hb_font_t, FontFree> font;
    std::unique_ptr<hb_draw_funcs_t, DrawFuncsFree> draw;
};

namespace {

// Font units are whole numbers in TrueType outlines; two decimals keep CFF's and variable fonts'.
constexpr int kDecimals = 2;

void point(std::string& out, float x, float y) {
    append_number(out, x, kDecimals);
    out += ' ';
    append_number(out, y, kDecimals);
}

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
    auto& out = *static_cast<std::string*>(data);
    out += 'M';
    point(out, x, y);
}

void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
    auto& out = *static_cast<std::string*>(data);
    out += 'L';
    point(out, x, y);
}

void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float cx, float cy, float x, float y, void*) {
    auto& out = *static_cast<std::string*>(data);
    out += 'Q';
    point(out, cx, cy);
    out += ' ';
    point(out, x, y);
}

void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
    auto& out = *static_cast<std::string*>(data);
    out += 'C';
    point(out, c1x, c1y);
    out += ' ';
    point(out, c2x, c2y);
    out += ' ';
    point(out, x, y);
}

void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) { *static_cast<std::string*>(data) += 'Z'; }

}  // namespace

GlyphOutlines::GlyphOutlines(std::unique_ptr<HbFont> font, unsigned units_per_em)
    : font_(std::move(font)), units_per_em_(units_per_em) {}

GlyphOutlines::~GlyphOutlines() = default;

std::unique_ptr<GlyphOutlines> GlyphOutlines::open(const display::FontFace& face, base::Diagnostics& diags) {
    auto hb = std::make_unique<HbFont>();
    hb->blob.reset(hb_blob_create_from_file_or_fail(face.path.c_str()));
    if (!hb->blob) {
        diags.error({std::make_shared<const std::string>(face.path)}, "the font cannot be read");
        return nullptr;
    }
    hb->face.reset(hb_face_create(hb->blob.get(), 0));
    unsigned upem = hb_face_get_upem(hb->face.get());
    if (hb_face_get_glyph_count(hb->face.get()) == 0 || upem == 0) {
        diags.error({std::make_shared<const std::string>(face.path)}, "the font has no glyphs");
        return nullptr;
    }
    hb->font.reset(hb_font_create(hb->face.get()));
    // outlines in font units: the page scales them by size / units per em
    hb_font_set_scale(hb->font.get(), static_cast<int>(upem), static_cast<int>(upem));
    hb->draw.reset(hb_draw_funcs_create());
    hb_draw_funcs_set_move_to_func(hb->draw.get(), move_to, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(hb->draw.get(), line_to, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(hb->draw.get(), quadratic_to, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(hb->draw.get(), cubic_to, nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(hb->draw.get(), close_path, nullptr, nullptr);
    hb_draw_funcs_make_immutable(hb->draw.get());
    return std::unique_ptr<GlyphOutlines>(new GlyphOutlines(std::move(hb), upem));
}

const std::string& GlyphOutlines::path(std::uint32_t glyph) {
    auto [it, inserted] = paths_.try_emplace(glyph);
    if (inserted) {
#if HB_VERSION_ATLEAST(7, 0, 0)
        hb_font_draw_glyph(font_->font.get(), glyph, font_->draw.get(), &it->second);  // its new name
#else
        hb_font_get_glyph_shape(font_->font.get(), glyph, font_->draw.get(), &it->second);
#endif
    }
    return it->second;
}

}  // namespace compose::svg
