#pragma once
// A glyph-addressed font on libharu's object layer: Type0 / Identity-H over a CIDFontType2 whose
// CIDToGIDMap maps our CIDs onto a compact hb-subset of the font.
//
// CIDs are handed out in first-use order, one per (glyph, text) pair: a glyph shown for two
// different texts gets two CIDs, so the ToUnicode map can say exactly what each one stands for
// (the "fi" ligature extracts as "fi"). Pages can be written as they are made; the subset,
// widths and maps are built by finish() once all text is known.
#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

#include <hpdf.h>

#include "compose/base/diagnostics.h"
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

    // Subsets the font and writes FontFile2, W, CIDToGIDMap and ToUnicode.
    bool finish(base::Diagnostics& diags);

private:
    HPDF_Doc pdf_;
    display::FontFace face_;
    void* hb_font_ = nullptr;  // hb_font_t*, at units-per-em scale
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
    std::unordered_map<std::uint32_t, char32_t> char_of_glyph_;  // the reverse cmap, made on first use
    bool reverse_cmap_made_ = false;
};

}  // namespace compose::render
