#pragma once
// The fonts a document may use: scanned from the project's fonts/ folder, opened on first use;
// for characters none of those has, the system's fonts found through fontconfig (system.cpp).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/base/owner.h"


struct hb_font_t;
struct FT_LibraryRec_;

namespace compose::text {

// The libraries' destroy functions, behind names of ours: their headers stay out of this one.
void destroy_hb_font(hb_font_t* font);
void destroy_ft_library(FT_LibraryRec_* library);

using FaceId = std::uint32_t;

struct FaceInfo {
    std::string path;
    unsigned index = 0;          // the face's index in a font collection (.ttc), else 0
    std::string family;          // "Noto Serif"
    std::string postscript_name; // "NotoSerif-Bold"
    bool bold = false;
    bool italic = false;
    bool system = false;         // one of the system's fonts, found by fontconfig for a character
};

struct FaceMetrics {
    int units_per_em = 1000;
    double ascender = 0.8, descender = -0.2;  // in em, from the font's hhea/OS2
};

// The name of a character's script (ICU's: "Han", "Devanagari"; "Unknown" for an unassigned code
// point), and the Debian package of fonts that covers it (empty when none could).
std::string script_name(char32_t cp);
std::string font_package_for(char32_t cp);

class FontSet {
public:
    FontSet();
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // Adds every TrueType/OpenType file and collection (every face of a .ttc) under `dir`
    // (recursively). Unreadable fonts are errors.
    void scan(const std::string& dir, base::Diagnostics& diags);

    // Whether fallback() may look among the system's fonts (on by default).
    void set_system_fallback(bool on) { system_fallback_ = on; }

    // The face of `family` closest to the wanted style (bold/italic), or nullopt if the family is
    // unknown. Only the scanned (bundled) fonts have families to find.
    std::optional<FaceId> find(const std::string& family, bool bold, bool italic) const;
    std::vector<std::string> families() const;

    const FaceInfo& info(FaceId id) const { return faces_.at(id).info; }
    std::size_t size() const { return faces_.size(); }

    // Opened on first use; nullptr (with a diagnostic) when the file cannot be opened.
    hb_font_t* hb_font(FaceId id, base::Diagnostics& diags);
    FaceMetrics metrics(FaceId id, base::Diagnostics& diags);
    bool has_glyph(FaceId id, char32_t cp, base::Diagnostics& diags);

    // A face for a character the run's own face lacks: the first of `families` (in order) that
    // has it, then the first scanned face that has it (the closest style first), then one of
    // the system's fonts that fontconfig finds for the character and language (`lang`, BCP 47,
    // says which Han forms: zh-Hans, zh-Hant, ja, ko). Bundled fonts come first, so a report
    // they cover comes out the same on any machine. nullopt: no font has it.
    std::optional<FaceId> fallback(char32_t cp, const std::vector<std::string>& families, bool bold, bool italic,
                                   const std::string& lang, base::Diagnostics& diags);

private:
    struct Face {
        FaceInfo info;
        bool opened = false;
        bool failed = false;
        base::Owner<hb_font_t, destroy_hb_font> font;
        FaceMetrics metrics;
        // has_glyph's answers for the Basic Multilingual Plane, asked per character of every
        // paragraph: 0 not asked yet, 1 yes, 2 no
        std::vector<std::uint8_t> bmp_glyphs;
    };
    bool open(Face& face, base::Diagnostics& diags);
    std::optional<FaceId> add_face(const std::string& path, unsigned index, bool system);
    std::optional<FaceId> system_face(char32_t cp, bool bold, bool italic, const std::string& lang,
                                      base::Diagnostics& diags);
    std::vector<Face> faces_;
    bool system_fallback_ = true;
    std::size_t scanned_ = 0;  // faces_[0, scanned_) are the scanned ones; the rest system fonts
    // system faces already taken, by what they were asked for (script, language, style): a
    // paragraph of Chinese asks fontconfig once
    std::map<std::string, std::vector<FaceId>> system_faces_;
    std::map<std::pair<std::string, unsigned>, FaceId> by_file_;  // (path, index) -> face
    base::Owner<FT_LibraryRec_, destroy_ft_library> library_;
};

}  // namespace compose::text
