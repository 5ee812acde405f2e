#include "compose/render/glyph_font.h"

#include <cstdio>
#include <set>

#include <hb-ot.h>
#include <hb.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "compose/base/utf8.h"
#include "compose/render/font_subset.h"

namespace compose::render {
namespace {

constexpr std::size_t kBfCharsPerBlock = 100;  // the CMap format allows at most 100 entries per block

hb_font_t* as_hb(void* p) { return static_cast<hb_font_t*>(p); }

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

}  // namespace

GlyphFont::GlyphFont(HPDF_Doc pdf, const display::FontFace& face, base::Diagnostics& diags) : pdf_(pdf), face_(face) {
    auto file = std::make_shared<const std::string>(face.path);
    // mapped, not read: a font is megabytes, and the subsetter reads only the glyphs it keeps
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(face.path.c_str());
    if (!blob || hb_blob_get_length(blob) == 0) {
        hb_blob_destroy(blob);
        diags.error({file}, "cannot read font for embedding");
        return;
    }
    hb_face_t* hbface = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    upem_ = static_cast<int>(hb_face_get_upem(hbface));
    if (upem_ <= 0 || hb_face_get_glyph_count(hbface) == 0) {
        diags.error({file}, "not a usable TrueType font");
        hb_face_destroy(hbface);
        return;
    }
    hb_font_t* font = hb_font_create(hbface);
    hb_face_destroy(hbface);
    hb_font_set_scale(font, upem_, upem_);
    hb_font_ = font;

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
    width_of_cid_.push_back(hb_font_get_glyph_h_advance(font, 0) * 1000.0 / upem_);
}

GlyphFont::~GlyphFont() {
    if (hb_font_) hb_font_destroy(as_hb(hb_font_));
}

std::uint16_t GlyphFont::cid(std::uint32_t glyph, const std::string& text) {
    auto key = std::make_pair(glyph, text);
    auto it = cids_.find(key);
    if (it != cids_.end()) return it->second;
    if (glyph_of_cid_.size() >= 0xFFFF) return 0;  // two-byte CIDs are spent; shows .notdef
    auto id = static_cast<std::uint16_t>(glyph_of_cid_.size());
    glyph_of_cid_.push_back(glyph);
    text_of_cid_.push_back(text);
    width_of_cid_.push_back(hb_font_get_glyph_h_advance(as_hb(hb_font_), glyph) * 1000.0 / upem_);
    cids_.emplace(std::move(key), id);
    return id;
}

std::string GlyphFont::text_of_glyph(std::uint32_t glyph) {
    if (!reverse_cmap_made_) {
        reverse_cmap_made_ = true;
        hb_face_t* face = hb_font_get_face(as_hb(hb_font_));
        hb_set_t* unicodes = hb_set_create();
        hb_face_collect_unicodes(face, unicodes);
        for (hb_codepoint_t u = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &u);) {
            hb_codepoint_t g = 0;
            if (hb_font_get_nominal_glyph(as_hb(hb_font_), u, &g)) char_of_glyph_.emplace(g, static_cast<char32_t>(u));
        }
        hb_set_destroy(unicodes);
    }
    auto it = char_of_glyph_.find(glyph);
    std::string text;
    if (it != char_of_glyph_.end()) base::append_utf8(text, it->second);
    return text;
}

double GlyphFont::width(std::uint16_t cid) const { return width_of_cid_.at(cid); }

bool GlyphFont::finish(base::Diagnostics& diags) {
    if (!font_) return false;
    auto file = std::make_shared<const std::string>(face_.path);
    std::set<std::uint32_t> glyphs(glyph_of_cid_.begin(), glyph_of_cid_.end());
    auto subset = subset_font(hb_font_get_face(as_hb(hb_font_)), glyphs);
    if (!subset) {
        diags.error({file}, "could not subset the font for embedding");
        return false;
    }
    std::string base_font = subset_tag(face_.postscript_name, glyph_of_cid_) + "+" + face_.postscript_name;
    HPDF_MMgr mmgr = pdf_->mmgr;

    // FontFile2: the compact subset
    HPDF_Dict font_file = new_stream(pdf_, subset->bytes);
    if (!font_file) return false;
    HPDF_Dict_AddNumber(font_file, "Length1", static_cast<HPDF_INT32>(subset->bytes.size()));

    // FontDescriptor, metrics in 1/1000 em
    hb_font_t* font = as_hb(hb_font_);
    hb_face_t* face = hb_font_get_face(font);
    auto em = [this](double units) { return static_cast<HPDF_INT32>(units * 1000.0 / upem_); };
    hb_position_t ascender = 0, descender = 0, cap_height = 0;
    hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascender);
    hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descender);
    if (!hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height)) cap_height = ascender;
    int bbox[4] = {0, descender, upem_, ascender};
    hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned head_len = 0;
    const char* head_data = hb_blob_get_data(head, &head_len);
    if (head_data && head_len >= 44) {
        for (int i = 0; i < 4; ++i) bbox[i] = read_i16(head_data + 36 + 2 * i);
    }
    hb_blob_destroy(head);
    double italic_angle = 0;
    hb_blob_t* post = hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't'));
    unsigned post_len = 0;
    const char* post_data = hb_blob_get_data(post, &post_len);
    if (post_data && post_len >= 8) {
        std::int32_t fixed = static_cast<std::int32_t>((static_cast<unsigned char>(post_data[4]) << 24) |
                                                       (static_cast<unsigned char>(post_data[5]) << 16) |
                                                       (static_cast<unsigned char>(post_data[6]) << 8) |
                                                       static_cast<unsigned char>(post_data[7]));
        italic_angle = fixed / 65536.0;
    }
    hb_blob_destroy(post);

    HPDF_Dict_AddName(descriptor_, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor_, "FontName", base_font.c_str());
    // Flags: 32 = nonsymbolic (Latin text), 64 = italic
    HPDF_Dict_AddNumber(descriptor_, "Flags", 32 + (italic_angle != 0 ? 64 : 0));
    HPDF_Array box = HPDF_Array_New(mmgr);
    for (int v : bbox) HPDF_Array_AddNumber(box, em(v));
    HPDF_Dict_Add(descriptor_, "FontBBox", box);
    HPDF_Dict_AddReal(descriptor_, "ItalicAngle", static_cast<HPDF_REAL>(italic_angle));
    HPDF_Dict_AddNumber(descriptor_, "Ascent", em(ascender));
    HPDF_Dict_AddNumber(descriptor_, "Descent", em(descender));
    HPDF_Dict_AddNumber(descriptor_, "CapHeight", em(cap_height));
    HPDF_Dict_AddNumber(descriptor_, "StemV", 80);
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

    HPDF_Dict system_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(system_info, "Supplement", 0);

    HPDF_Dict_AddName(cid_font_, "Type", "Font");
    HPDF_Dict_AddName(cid_font_, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid_font_, "BaseFont", base_font.c_str());
    HPDF_Dict_Add(cid_font_, "CIDSystemInfo", system_info);
    HPDF_Dict_Add(cid_font_, "FontDescriptor", descriptor_);
    HPDF_Dict_Add(cid_font_, "W", widths);
    HPDF_Dict_Add(cid_font_, "CIDToGIDMap", cid_to_gid);

    // ToUnicode from the clusters: every CID maps to exactly the text it was made for (never empty:
    // see glyph_text.cpp; an inserted hyphen shares the ordinary hyphen's CID and maps to U+002D)
    std::vector<std::pair<std::uint16_t, std::string>> entries;
    for (std::size_t c = 1; c < text_of_cid_.size(); ++c) {
        if (!text_of_cid_[c].empty()) entries.emplace_back(static_cast<std::uint16_t>(c), utf16_hex(text_of_cid_[c]));
    }
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
            cmap += std::string("<") + cid_hex + "> <" + entries[k].second + ">\n";
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Dict to_unicode = new_stream(pdf_, cmap);
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

}  // namespace compose::render
