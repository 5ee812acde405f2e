#pragma once
// A glyph-addressed font on libharu's object layer: Type0 / Identity-H over
// - for TrueType outlines, a CIDFontType2 whose CIDToGIDMap maps our CIDs onto a compact
//   hb-subset of the font (FontFile2). CIDs are handed out in first-use order, one per (glyph,
//   text) pair: a glyph shown for two different texts gets two CIDs, so the ToUnicode map can say
//   exactly what each one stands for (the "fi" ligature extracts as "fi");
// - for CFF outlines (.otf, the Noto CJK collections), a CIDFontType0 over the subset's bare CFF
//   (FontFile3 /CIDFontType0C, which PDF 1.3 allows, unlike FontFile3 /OpenType). A CIDFontType0
//   has no CIDToGIDMap: the code shown is the glyph's CID in the embedded CFF. A CID-keyed CFF
//   keeps its CIDs through hb-subset's compact subset, so the code is the glyph's CID in the
//   original font; a name-keyed CFF is addressed by glyph id, so its subset keeps the glyph ids
//   (the glyphs left out are empty). One code per glyph: its ToUnicode entry is the text the glyph
//   was first shown for.
// Pages can be written as they are made; the subset, widths and maps are built by finish() once
// all text is known. A face of a font collection (.ttc) is found by its PostScript name.
#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hpdf.h>

#include "compose/base/diagnostics.h"
#include "compose/base/owner.h"
#include "compose/display/display.h"

namespace compose::render {

class GlyphFont {
public:
    GlyphFont(HPDF_Doc pdf, const display::FontFace& face, base::Diagnostics& diags);
    ~GlyphFont();
    GlyphFont(const GlyphFont&) = delete;
    GlyphFont& operator=(const GlyphFont&) = delete;

    bool ok() const { return font_ != nullptr; }
    HPDF_Font handle() const { return font_; }

    // The CID that shows `glyph` and extracts as `text` (never empty: every CID has a ToUnicode entry).
    std::uint16_t cid(std::uint32_t glyph, const std::string& text);
    // The character the font's cmap maps to `glyph` (the smallest, if several), UTF-8; empty if none.
    std::string text_of_glyph(std::uint32_t glyph);
    // The glyph's advance in the PDF's width units (1/1000 em), as recorded in /W.
    double width(std::uint16_t cid) const;

    // Subsets the font and writes FontFile2 (or FontFile3), W, CIDToGIDMap and ToUnicode.
    bool finish(base::Diagnostics& diags);
    bool is_cff() const { return cff_; }
    // Whether `code`'s ToUnicode entry is `text`. Not so for a CFF font's glyph shown for a text
    // other than the one it was first shown for: that use needs ActualText to extract right.
    bool maps_to(std::uint16_t code, const std::string& text) const;

private:
    HPDF_Doc pdf_;
    display::FontFace face_;
    base::Owner<hb_font_t, hb_font_destroy> hb_font_;  // at units-per-em scale
    // a CFF font's CIDs (the face goes before its library: members are destroyed last to first)
    base::Owner<FT_LibraryRec_, FT_Done_FreeType> ft_library_;
    base::Owner<FT_FaceRec_, FT_Done_Face> ft_face_;
    bool cff_ = false;            // CFF outlines: CIDFontType0
    bool cid_keyed_ = false;      // a CID-keyed CFF: codes are its CIDs, else glyph ids
    int upem_ = 1000;
    HPDF_Font font_ = nullptr;       // the Type0 dictionary
    HPDF_Dict cid_font_ = nullptr;   // CIDFontType2
    HPDF_Dict descriptor_ = nullptr;
    struct KeyHash {
        std::size_t operator()(const std::pair<std::uint32_t, std::string>& k) const noexcept {
            return std::hash<std::string>()(k.second) * 31 + k.first;
        }
    };
    std::unordered_map<std::pair<std::uint32_t, std::string>, std::uint16_t, KeyHash> cids_;
    std::vector<std::uint32_t> glyph_of_cid_;  // index: CID
    std::vector<std::string> text_of_cid_;
    std::vector<double> width_of_cid_;
    // CFF: code -> glyph, text, width (the codes are CIDs or glyph ids, not consecutive)
    struct CffCode {
        std::uint32_t glyph = 0;
        std::string text;
        double width = 0;
    };
    std::map<std::uint16_t, CffCode> cff_codes_;
    std::unordered_map<std::uint32_t, std::uint16_t> cff_code_of_glyph_;
    bool finish_cff(base::Diagnostics& diags, const std::string& base_font, HPDF_Dict system_info);
    std::unordered_map<std::uint32_t, char32_t> char_of_glyph_;  // the reverse cmap, made on first use
    bool reverse_cmap_made_ = false;
};

}  // namespace compose::render
