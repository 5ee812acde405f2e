#include "compose/render/glyph_font.h"

#include <cstdio>
#include <set>

#include <hb-ot.h>
#include <hb.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "compose/base/utf8.h"
#include "compose/render/font_subset.h"

namespace compose::render {

using Blob = base::Owner<hb_blob_t, hb_blob_destroy>;
using HbFace = base::Owner<hb_face_t, hb_face_destroy>;

namespace {

constexpr std::size_t kBfCharsPerBlock = 100;  // the CMap format allows at most 100 entries per block

int read_i16(const char* p) { return static_cast<std::int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1])); }

// A subset tag is six capital letters; derived from the glyphs used, so output is reproducible.
std::string subset_tag(const std::string& name, const std::vector<std::uint32_t>& glyphs) {
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
    for (char c : name) mix(static_cast<unsigned char>(c));
    for (auto g : glyphs) mix(g);
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag += static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

std::string utf16_hex(const std::string& utf8) {
    std::string out;
    char buf[8];
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = base::next_code_point(utf8, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(0xD800 + (cp >> 10)));
            out += buf;
            std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(0xDC00 + (cp & 0x3FF)));
        } else {
            std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
        }
        out += buf;
    }
    return out;
}

HPDF_Dict new_indirect_dict(HPDF_Doc pdf) {
    HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
    if (dict && HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;
    return dict;
}

HPDF_Dict new_stream(HPDF_Doc pdf, const std::string& data) {
    HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!stream) return nullptr;
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                          static_cast<HPDF_UINT>(data.size())) != HPDF_OK) {
        return nullptr;
    }
    return stream;
}

// The entries a CIDFont dictionary of either kind has (TrueType outlines: CIDFontType2; CFF:
// CIDFontType0).
void describe_cid_font(HPDF_Dict font, const char* subtype, const std::string& base_font, HPDF_Dict system_info,
                       HPDF_Dict descriptor, HPDF_Array widths) {
    HPDF_Dict_AddName(font, "Type", "Font");
    HPDF_Dict_AddName(font, "Subtype", subtype);
    HPDF_Dict_AddName(font, "BaseFont", base_font.c_str());
    HPDF_Dict_Add(font, "CIDSystemInfo", system_info);
    HPDF_Dict_Add(font, "FontDescriptor", descriptor);
    HPDF_Dict_Add(font, "W", widths);
}

}  // namespace

GlyphFont::GlyphFont(HPDF_Doc pdf, const display::FontFace& face, base::Diagnostics& diags) : pdf_(pdf), face_(face) {
    auto file = std::make_shared<const std::string>(face.path);
    // mapped, not read: a font is megabytes, and the subsetter reads only the glyphs it keeps
    Blob blob(hb_blob_create_from_file_or_fail(face.path.c_str()));
    if (!blob || hb_blob_get_length(blob.get()) == 0) {
        diags.error({file}, "cannot read font for embedding");
        return;
    }
    // a collection's face is the one with the PostScript name the layout stage chose
    unsigned index = 0;
    const unsigned count = hb_face_count(blob.get());
    for (unsigned i = 0; count > 1 && i < count; ++i) {
        HbFace candidate(hb_face_create(blob.get(), i));
        char name[128] = {};
        unsigned size = sizeof name;
        hb_ot_name_get_utf8(candidate.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
        if (face.postscript_name == name) {
            index = i;
            break;
        }
    }
    HbFace hbface(hb_face_create(blob.get(), index));
    upem_ = static_cast<int>(hb_face_get_upem(hbface.get()));
    if (upem_ <= 0 || hb_face_get_glyph_count(hbface.get()) == 0) {
        diags.error({file}, "not a usable TrueType or OpenType font");
        return;
    }
    cff_ = hb_blob_get_length(Blob(hb_face_reference_table(hbface.get(), HB_TAG('C', 'F', 'F', ' '))).get()) > 0;
    if (cff_) {
        FT_Library lib = nullptr;
        if (FT_Init_FreeType(&lib) == 0) ft_library_.reset(lib);
        FT_Face ft = nullptr;
        if (!ft_library_ || FT_New_Face(lib, face.path.c_str(), static_cast<FT_Long>(index), &ft) != 0) {
            diags.error({file}, "cannot read the font's CFF outlines");
            return;
        }
        ft_face_.reset(ft);
        FT_Bool cid_keyed = 0;
        cid_keyed_ = FT_Get_CID_Is_Internally_CID_Keyed(ft, &cid_keyed) == 0 && cid_keyed;
    } else if (hb_blob_get_length(Blob(hb_face_reference_table(hbface.get(), HB_TAG('C', 'F', 'F', '2'))).get()) > 0) {
        diags.error({file}, "a CFF2 (variable OpenType) font cannot be embedded; use its static instances");
        return;
    }
    hb_font_.reset(hb_font_create(hbface.get()));
    hb_font_set_scale(hb_font_.get(), upem_, upem_);

    // The objects exist from the start so pages can name the font; finish() fills them in.
    font_ = new_indirect_dict(pdf_);
    cid_font_ = new_indirect_dict(pdf_);
    descriptor_ = new_indirect_dict(pdf_);
    if (!font_ || !cid_font_ || !descriptor_) {
        diags.error({file}, "libharu could not create the font objects");
        font_ = nullptr;
        return;
    }
    glyph_of_cid_.push_back(0);  // CID 0 is .notdef
    text_of_cid_.emplace_back();
    width_of_cid_.push_back(hb_font_get_glyph_h_advance(hb_font_.get(), 0) * 1000.0 / upem_);
}

GlyphFont::~GlyphFont() = default;

std::uint16_t GlyphFont::cid(std::uint32_t glyph, const std::string& text) {
    if (cff_) {
        auto it = cff_code_of_glyph_.find(glyph);
        if (it != cff_code_of_glyph_.end()) return it->second;
        FT_UInt code = glyph;
        if (cid_keyed_ && FT_Get_CID_From_Glyph_Index(ft_face_.get(), glyph, &code) != 0) code = 0;
        if (code > 0xFFFF) code = 0;  // beyond two-byte codes: shows .notdef
        auto c = static_cast<std::uint16_t>(code);
        cff_code_of_glyph_.emplace(glyph, c);
        auto& entry = cff_codes_[c];
        entry.glyph = glyph;
        entry.text = text;
        entry.width = hb_font_get_glyph_h_advance(hb_font_.get(), glyph) * 1000.0 / upem_;
        return c;
    }
    auto key = std::make_pair(glyph, text);
    auto it = cids_.find(key);
    if (it != cids_.end()) return it->second;
    if (glyph_of_cid_.size() >= 0xFFFF) return 0;  // two-byte CIDs are spent; shows .notdef
    auto id = static_cast<std::uint16_t>(glyph_of_cid_.size());
    glyph_of_cid_.push_back(glyph);
    text_of_cid_.push_back(text);
    width_of_cid_.push_back(hb_font_get_glyph_h_advance(hb_font_.get(), glyph) * 1000.0 / upem_);
    cids_.emplace(std::move(key), id);
    return id;
}

std::string GlyphFont::text_of_glyph(std::uint32_t glyph) {
    if (!reverse_cmap_made_) {
        reverse_cmap_made_ = true;
        hb_face_t* face = hb_font_get_face(hb_font_.get());
        base::Owner<hb_set_t, hb_set_destroy> unicodes_owner(hb_set_create());
        hb_set_t* unicodes = unicodes_owner.get();
        hb_face_collect_unicodes(face, unicodes);
        for (hb_codepoint_t u = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &u);) {
            hb_codepoint_t g = 0;
            if (hb_font_get_nominal_glyph(hb_font_.get(), u, &g)) char_of_glyph_.emplace(g, static_cast<char32_t>(u));
        }
    }
    auto it = char_of_glyph_.find(glyph);
    std::string text;
    if (it != char_of_glyph_.end()) base::append_utf8(text, it->second);
    return text;
}

bool GlyphFont::maps_to(std::uint16_t code, const std::string& text) const {
    if (!cff_) return true;  // TrueType: one CID per (glyph, text)
    auto it = cff_codes_.find(code);
    return it != cff_codes_.end() && it->second.text == text;
}

double GlyphFont::width(std::uint16_t cid) const {
    if (cff_) {
        auto it = cff_codes_.find(cid);
        return it == cff_codes_.end() ? 0 : it->second.width;
    }
    return width_of_cid_.at(cid);
}

namespace {

// The font's metrics for its FontDescriptor, in 1/1000 em: /Flags, /FontBBox, /ItalicAngle,
// /Ascent, /Descent, /CapHeight, /StemV.
void add_metrics(HPDF_Dict descriptor, hb_font_t* font, int upem, HPDF_MMgr mmgr) {
    hb_face_t* face = hb_font_get_face(font);
    auto em = [upem](double units) { return static_cast<HPDF_INT32>(units * 1000.0 / upem); };
    hb_position_t ascender = 0, descender = 0, cap_height = 0;
    hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascender);
    hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descender);
    if (!hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height)) cap_height = ascender;
    int bbox[4] = {0, descender, upem, ascender};
    Blob head(hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd')));
    unsigned head_len = 0;
    const char* head_data = hb_blob_get_data(head.get(), &head_len);
    if (head_data && head_len >= 44) {
        for (int i = 0; i < 4; ++i) bbox[i] = read_i16(head_data + 36 + 2 * i);
    }
    double italic_angle = 0;
    Blob post(hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't')));
    unsigned post_len = 0;
    const char* post_data = hb_blob_get_data(post.get(), &post_len);
    if (post_data && post_len >= 8) {
        std::int32_t fixed = static_cast<std::int32_t>((static_cast<unsigned char>(post_data[4]) << 24) |
                                                       (static_cast<unsigned char>(post_data[5]) << 16) |
                                                       (static_cast<unsigned char>(post_data[6]) << 8) |
                                                       static_cast<unsigned char>(post_data[7]));
        italic_angle = fixed / 65536.0;
    }

    // Flags: 32 = nonsymbolic (Latin text), 64 = italic
    HPDF_Dict_AddNumber(descriptor, "Flags", 32 + (italic_angle != 0 ? 64 : 0));
    HPDF_Array box = HPDF_Array_New(mmgr);
    for (int v : bbox) HPDF_Array_AddNumber(box, em(v));
    HPDF_Dict_Add(descriptor, "FontBBox", box);
    HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(italic_angle));
    HPDF_Dict_AddNumber(descriptor, "Ascent", em(ascender));
    HPDF_Dict_AddNumber(descriptor, "Descent", em(descender));
    HPDF_Dict_AddNumber(descriptor, "CapHeight", em(cap_height));
    HPDF_Dict_AddNumber(descriptor, "StemV", 80);
}

// A ToUnicode CMap: every code to the text it stands for, in bfchar blocks.
std::string to_unicode_cmap(const std::vector<std::pair<std::uint16_t, std::string>>& entries) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < entries.size(); i += kBfCharsPerBlock) {
        std::size_t n = std::min(kBfCharsPerBlock, entries.size() - i);
        cmap += std::to_string(n) + " beginbfchar\n";
        char cid_hex[8];
        for (std::size_t k = i; k < i + n; ++k) {
            std::snprintf(cid_hex, sizeof cid_hex, "%04X", entries[k].first);
            cmap += std::string("<") + cid_hex + "> <" + utf16_hex(entries[k].second) + ">\n";
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

}  // namespace

bool GlyphFont::finish(base::Diagnostics& diags) {
    if (!font_) return false;
    HPDF_MMgr mmgr = pdf_->mmgr;
    HPDF_Dict system_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(system_info, "Supplement", 0);

    // ToUnicode from the clusters: every code maps to the text it was made for (never empty: see
    // glyph_text.cpp; an inserted hyphen shares the ordinary hyphen's code and maps to U+002D)
    std::vector<std::pair<std::uint16_t, std::string>> entries;
    std::vector<std::uint32_t> glyphs_used;
    std::string base_font;
    if (cff_) {
        for (const auto& [code, entry] : cff_codes_) {
            glyphs_used.push_back(entry.glyph);
            if (!entry.text.empty()) entries.emplace_back(code, entry.text);  // .notdef too, when shown
        }
        base_font = subset_tag(face_.postscript_name, glyphs_used) + "+" + face_.postscript_name;
        if (!finish_cff(diags, base_font, system_info)) return false;
    } else {
        for (std::size_t c = 1; c < text_of_cid_.size(); ++c) {
            if (!text_of_cid_[c].empty()) entries.emplace_back(static_cast<std::uint16_t>(c), text_of_cid_[c]);
        }
        glyphs_used = glyph_of_cid_;
        base_font = subset_tag(face_.postscript_name, glyphs_used) + "+" + face_.postscript_name;
        auto file = std::make_shared<const std::string>(face_.path);
        std::set<std::uint32_t> glyphs(glyph_of_cid_.begin(), glyph_of_cid_.end());
        auto subset = subset_font(hb_font_get_face(hb_font_.get()), glyphs);
        if (!subset) {
            diags.error({file}, "could not subset the font for embedding");
            return false;
        }
        // FontFile2: the compact subset
        HPDF_Dict font_file = new_stream(pdf_, subset->bytes);
        if (!font_file) return false;
        HPDF_Dict_AddNumber(font_file, "Length1", static_cast<HPDF_INT32>(subset->bytes.size()));

        HPDF_Dict_AddName(descriptor_, "Type", "FontDescriptor");
        HPDF_Dict_AddName(descriptor_, "FontName", base_font.c_str());
        add_metrics(descriptor_, hb_font_.get(), upem_, mmgr);
        HPDF_Dict_Add(descriptor_, "FontFile2", font_file);

        // CIDToGIDMap: two bytes per CID, the glyph's id in the subset
        std::string map;
        map.reserve(glyph_of_cid_.size() * 2);
        for (auto g : glyph_of_cid_) {
            std::uint32_t n = subset->new_glyph.count(g) ? subset->new_glyph.at(g) : 0;
            map += static_cast<char>((n >> 8) & 0xFF);
            map += static_cast<char>(n & 0xFF);
        }
        HPDF_Dict cid_to_gid = new_stream(pdf_, map);
        if (!cid_to_gid) return false;

        // W: the widths of all CIDs, consecutive from 0
        HPDF_Array widths = HPDF_Array_New(mmgr);
        HPDF_Array all = HPDF_Array_New(mmgr);
        for (double w : width_of_cid_) HPDF_Array_AddReal(all, static_cast<HPDF_REAL>(w));
        HPDF_Array_AddNumber(widths, 0);
        HPDF_Array_Add(widths, all);

        describe_cid_font(cid_font_, "CIDFontType2", base_font, system_info, descriptor_, widths);
        HPDF_Dict_Add(cid_font_, "CIDToGIDMap", cid_to_gid);
    }

    HPDF_Dict to_unicode = new_stream(pdf_, to_unicode_cmap(entries));
    if (!to_unicode) return false;

    HPDF_Array descendants = HPDF_Array_New(mmgr);
    HPDF_Array_Add(descendants, cid_font_);
    HPDF_Dict_AddName(font_, "Type", "Font");
    HPDF_Dict_AddName(font_, "Subtype", "Type0");
    HPDF_Dict_AddName(font_, "BaseFont", base_font.c_str());
    HPDF_Dict_AddName(font_, "Encoding", "Identity-H");
    HPDF_Dict_Add(font_, "DescendantFonts", descendants);
    HPDF_Dict_Add(font_, "ToUnicode", to_unicode);
    return true;
}

// CIDFontType0 over the subset's CFF table (FontFile3 /CIDFontType0C); W lists the codes used.
bool GlyphFont::finish_cff(base::Diagnostics& diags, const std::string& base_font, HPDF_Dict system_info) {
    auto file = std::make_shared<const std::string>(face_.path);
    HPDF_MMgr mmgr = pdf_->mmgr;
    std::set<std::uint32_t> glyphs;
    for (const auto& [code, entry] : cff_codes_) glyphs.insert(entry.glyph);
    // a CID-keyed CFF keeps its CIDs in a compact subset; a name-keyed one is addressed by glyph id
    auto subset = subset_font(hb_font_get_face(hb_font_.get()), glyphs, !cid_keyed_);
    if (!subset) {
        diags.error({file}, "could not subset the font for embedding");
        return false;
    }
    Blob blob(hb_blob_create(subset->bytes.data(), static_cast<unsigned>(subset->bytes.size()),
                             HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    HbFace subset_face(hb_face_create(blob.get(), 0));
    Blob cff(hb_face_reference_table(subset_face.get(), HB_TAG('C', 'F', 'F', ' ')));
    unsigned cff_length = 0;
    const char* cff_data = hb_blob_get_data(cff.get(), &cff_length);
    std::string cff_bytes = cff_data ? std::string(cff_data, cff_length) : std::string();
    if (cff_bytes.empty()) {
        diags.error({file}, "the font's subset has no CFF outlines to embed");
        return false;
    }
    HPDF_Dict font_file = new_stream(pdf_, cff_bytes);
    if (!font_file) return false;
    HPDF_Dict_AddName(font_file, "Subtype", "CIDFontType0C");

    HPDF_Dict_AddName(descriptor_, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor_, "FontName", base_font.c_str());
    add_metrics(descriptor_, hb_font_.get(), upem_, mmgr);
    HPDF_Dict_Add(descriptor_, "FontFile3", font_file);

    // W: runs of consecutive codes, each "first [w1 w2 ...]"
    HPDF_Array widths = HPDF_Array_New(mmgr);
    HPDF_Array run = nullptr;
    int previous = -2;
    for (const auto& [code, entry] : cff_codes_) {
        if (static_cast<int>(code) != previous + 1) {
            HPDF_Array_AddNumber(widths, code);
            run = HPDF_Array_New(mmgr);
            HPDF_Array_Add(widths, run);
        }
        HPDF_Array_AddReal(run, static_cast<HPDF_REAL>(entry.width));
        previous = code;
    }

    describe_cid_font(cid_font_, "CIDFontType0", base_font, system_info, descriptor_, widths);
    return true;
}

}  // namespace compose::render
