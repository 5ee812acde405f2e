#include "compose/text/font_set.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>

namespace compose::text {

namespace fs = std::filesystem;

namespace {
using FtFace = base::Owner<FT_FaceRec_, FT_Done_Face>;
using HbBlob = base::Owner<hb_blob_t, hb_blob_destroy>;
using HbFace = base::Owner<hb_face_t, hb_face_destroy>;

// A face of a font file, or none.
FtFace open_ft_face(FT_Library library, const std::string& path, long index) {
    FT_Face face = nullptr;
    if (!library || FT_New_Face(library, path.c_str(), static_cast<FT_Long>(index), &face) != 0) return nullptr;
    return FtFace(face);
}
}  // namespace

void destroy_hb_font(hb_font_t* font) { hb_font_destroy(font); }
void destroy_ft_library(FT_LibraryRec_* library) { FT_Done_FreeType(library); }

FontSet::FontSet() {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) == 0) library_.reset(lib);
}

FontSet::~FontSet() = default;

void FontSet::scan(const std::string& dir, base::Diagnostics& diags) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        auto ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        if (ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc") files.push_back(it->path());
    }
    if (ec) {
        diags.error({std::make_shared<const std::string>(dir)}, "cannot read the fonts folder: " + ec.message());
        return;
    }
    std::sort(files.begin(), files.end());  // stable face ids, whatever order the file system lists
    for (const auto& path : files) {
        // a collection holds several faces; FreeType says how many when asked for face -1
        FtFace probe = open_ft_face(library_.get(), path.string(), -1);
        long faces = probe ? probe->num_faces : 0;
        bool any = false;
        for (long index = 0; index < faces; ++index) any = add_face(path.string(), static_cast<unsigned>(index), false) || any;
        if (!any) diags.error({std::make_shared<const std::string>(path.string())}, "not a usable font file");
    }
    scanned_ = faces_.size();
}

std::optional<FaceId> FontSet::add_face(const std::string& path, unsigned index, bool system) {
    auto key = std::make_pair(path, index);
    if (auto it = by_file_.find(key); it != by_file_.end()) return it->second;
    FtFace face = open_ft_face(library_.get(), path, index);
    if (!face) return std::nullopt;
    Face f;
    f.info.path = path;
    f.info.index = index;
    f.info.system = system;
    f.info.family = face->family_name ? face->family_name : fs::path(path).stem().string();
    const char* ps = FT_Get_Postscript_Name(face.get());
    f.info.postscript_name = ps ? ps : fs::path(path).stem().string();
    f.info.bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    f.info.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    auto id = static_cast<FaceId>(faces_.size());
    faces_.push_back(std::move(f));
    by_file_.emplace(std::move(key), id);
    return id;
}

std::optional<FaceId> FontSet::find(const std::string& family, bool bold, bool italic) const {
    std::optional<FaceId> best;
    int best_score = -1;
    for (FaceId i = 0; i < scanned_; ++i) {
        const auto& info = faces_[i].info;
        if (info.family != family) continue;
        int score = (info.bold == bold ? 2 : 0) + (info.italic == italic ? 1 : 0);
        if (score > best_score) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

std::vector<std::string> FontSet::families() const {
    std::set<std::string> names;
    for (std::size_t i = 0; i < scanned_; ++i) names.insert(faces_[i].info.family);
    return {names.begin(), names.end()};
}

bool FontSet::open(Face& face, base::Diagnostics& diags) {
    if (face.opened) return !face.failed;
    face.opened = true;
    auto file = std::make_shared<const std::string>(face.info.path);
    // FreeType validates the file and gives the metrics; HarfBuzz shapes over the same bytes.
    FtFace ft = open_ft_face(library_.get(), face.info.path, face.info.index);
    if (!ft) {
        diags.error({file}, "cannot open font");
        face.failed = true;
        return false;
    }
    face.metrics.units_per_em = ft->units_per_EM ? ft->units_per_EM : 1000;
    face.metrics.ascender = static_cast<double>(ft->ascender) / face.metrics.units_per_em;
    face.metrics.descender = static_cast<double>(ft->descender) / face.metrics.units_per_em;

    HbBlob blob(hb_blob_create_from_file_or_fail(face.info.path.c_str()));
    if (!blob) {
        diags.error({file}, "cannot read font");
        face.failed = true;
        return false;
    }
    HbFace hbface(hb_face_create(blob.get(), face.info.index));
    face.font.reset(hb_font_create(hbface.get()));
    hb_font_set_scale(face.font.get(), face.metrics.units_per_em, face.metrics.units_per_em);
    return true;
}

hb_font_t* FontSet::hb_font(FaceId id, base::Diagnostics& diags) {
    Face& face = faces_.at(id);
    return open(face, diags) ? face.font.get() : nullptr;
}

FaceMetrics FontSet::metrics(FaceId id, base::Diagnostics& diags) {
    Face& face = faces_.at(id);
    open(face, diags);
    return face.metrics;
}

bool FontSet::has_glyph(FaceId id, char32_t cp, base::Diagnostics& diags) {
    Face& face = faces_.at(id);
    if (cp < 0x10000 && !face.bmp_glyphs.empty() && face.bmp_glyphs[cp] != 0) return face.bmp_glyphs[cp] == 1;
    hb_font_t* font = hb_font(id, diags);
    hb_codepoint_t glyph = 0;
    bool has = font && hb_font_get_nominal_glyph(font, cp, &glyph);
    if (cp < 0x10000 && font) {
        if (face.bmp_glyphs.empty()) face.bmp_glyphs.resize(0x10000);
        face.bmp_glyphs[cp] = has ? 1 : 2;
    }
    return has;
}

}  // namespace compose::text

namespace compose::text {

std::optional<FaceId> FontSet::fallback(char32_t cp, const std::vector<std::string>& families, bool bold, bool italic,
                                        const std::string& lang, base::Diagnostics& diags) {
    for (const auto& family : families) {
        auto id = find(family, bold, italic);
        if (id && has_glyph(*id, cp, diags)) return id;
    }
    std::optional<FaceId> best;
    int best_score = -1;
    for (FaceId i = 0; i < scanned_; ++i) {
        const auto& info = faces_[i].info;
        int score = (info.bold == bold ? 2 : 0) + (info.italic == italic ? 1 : 0);
        if (score > best_score && has_glyph(i, cp, diags)) {
            best = i;
            best_score = score;
        }
    }
    if (best) return best;
    if (!system_fallback_) return std::nullopt;
    return system_face(cp, bold, italic, lang, diags);
}

}  // namespace compose::text
