#pragma once
// The fonts a document may use: scanned from the project's fonts/ folder, opened on first use.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"

struct hb_font_t;
struct FT_FaceRec_;

namespace compose::text {

using FaceId = std::uint32_t;

struct FaceInfo {
    std::string path;
    std::string family;          // "Noto Serif"
    std::string postscript_name; // "NotoSerif-Bold"
    bool bold = false;
    bool italic = false;
};

struct FaceMetrics {
    int units_per_em = 1000;
    double ascender = 0.8, descender = -0.2;  // in em, from the font's hhea/OS2
};

class FontSet {
public:
    FontSet();
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // Adds every TrueType/OpenType file under `dir` (recursively). Unreadable fonts are errors.
    void scan(const std::string& dir, base::Diagnostics& diags);

    // The face of `family` closest to the wanted style (bold/italic), or nullopt if the family is unknown.
    std::optional<FaceId> find(const std::string& family, bool bold, bool italic) const;
    std::vector<std::string> families() const;

    const FaceInfo& info(FaceId id) const { return faces_.at(id).info; }
    std::size_t size() const { return faces_.size(); }

    // Opened on first use; nullptr (with a diagnostic) when the file cannot be opened.
    hb_font_t* hb_font(FaceId id, base::Diagnostics& diags);
    FaceMetrics metrics(FaceId id, base::Diagnostics& diags);
    bool has_glyph(FaceId id, char32_t cp, base::Diagnostics& diags);

private:
    struct Face {
        FaceInfo info;
        bool opened = false;
        bool failed = false;
        hb_font_t* font = nullptr;
        FaceMetrics metrics;
        // has_glyph's answers for the Basic Multilingual Plane, asked per character of every
        // paragraph: 0 not asked yet, 1 yes, 2 no
        std::vector<std::uint8_t> bmp_glyphs;
    };
    bool open(Face& face, base::Diagnostics& diags);
    std::vector<Face> faces_;
    FT_FaceRec_* probe_ = nullptr;  // unused; keeps FT types out of this header
    void* library_ = nullptr;       // FT_Library
};

}  // namespace compose::text
