#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <hpdf.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include "compose/base/dates.h"
#include "compose/base/owner.h"
#include "compose/base/utf8.h"
#include "compose/render/glyph_font.h"
#include "compose/render/glyph_text.h"
#include "compose/render/render.h"
#include "compose/render/struct_tree.h"
#include "compose/render/xmp.h"

namespace compose::render {
namespace {

// libharu reports errors through a callback; it is turned into a diagnostic, never an abort.
struct ErrorState {
    HPDF_STATUS error = 0;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* state = static_cast<ErrorState*>(user);
    if (state->error == 0) {
        state->error = error;
        state->detail = detail;
    }
}

}  // namespace

// The writer's state; pages are written into libharu as they come.
class PdfStream::Impl {
public:
    Impl(base::Diagnostics& diags, PdfOptions options) : diags_(diags), options_(std::move(options)) {}

    ~Impl() {
        fonts_.clear();  // before the document their objects live in
        tree_.reset();
    }  // (then the document itself, by its owner)

    bool begin() {
        if (pdf()) return true;
        doc_.reset(HPDF_New(on_error, &errors_));
        if (!pdf()) return fail("libharu could not create a document"), false;
        HPDF_SetCompressionMode(pdf(), HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf());
        HPDF_SetCurrentEncoder(pdf(), "UTF-8");
        if (options_.tagged || options_.pdfa) {
            // PDF/UA-1 and PDF/A-2 are both built on ISO 32000-1, PDF 1.7
            pdf()->pdf_version = HPDF_VER_17;
            HPDF_MD5Init(&id_hash_);
        }
        if (options_.tagged) tree_ = std::make_unique<StructTree>(pdf());
        return true;
    }

    bool add_page(const display::Page& page, const std::vector<display::FontFace>& fonts) {
        if (!begin() || failed_) return false;
        while (fonts_.size() < fonts.size()) {
            fonts_.push_back(std::make_unique<GlyphFont>(pdf(), fonts[fonts_.size()], diags_));
            if (!fonts_.back()->ok()) return failed_ = true, false;
        }
        HPDF_Page handle = HPDF_AddPage(pdf());
        if (!handle) return fail("libharu could not add a page"), false;
        HPDF_Page_SetWidth(handle, static_cast<HPDF_REAL>(page.width));
        HPDF_Page_SetHeight(handle, static_cast<HPDF_REAL>(page.height));
        pages_.push_back(handle);
        page_heights_.push_back(page.height);
        page_label(page.label);
        if (tree_) tree_->begin_page(page, handle);
        if (!page_content(page, handle)) return failed_ = true, false;
        if (tree_) tree_->end_page();
        if (!compress_content(handle)) return failed_ = true, false;
        return true;
    }

    std::optional<std::string> finish(const std::vector<display::OutlineEntry>& outline_entries,
                                      const display::Metadata& metadata) {
        if (!begin() || failed_) return std::nullopt;
        set_metadata(metadata);
        if (errors_.error) return fail("libharu could not write the document's metadata");
        internal_links();
        named_destinations();
        if (errors_.error) return fail("libharu could not write the links and destinations");
        if (tree_) {
            tree_->finish();
            if (errors_.error) return fail("libharu could not write the structure tree");
        }
        if (options_.tagged || options_.pdfa) {
            xmp_metadata(metadata);
            if (options_.pdfa && !output_intent()) return std::nullopt;
            file_id(metadata);
            if (errors_.error) return fail("libharu could not write the XMP metadata or the output intent");
        }
        outline(outline_entries);
        if (errors_.error) return fail("libharu could not write the outline");
        for (auto& font : fonts_) {
            if (!font->finish(diags_)) return fail("could not embed a font");
        }
        if (errors_.error) return fail("libharu failed while building the document");
        if (HPDF_SaveToStream(pdf()) != HPDF_OK) return fail("libharu could not write the document");
        HPDF_UINT32 size = HPDF_GetStreamSize(pdf());
        std::string bytes(size, '\0');
        HPDF_UINT32 read = size;
        HPDF_ResetStream(pdf());
        if (HPDF_ReadFromStream(pdf(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read) != HPDF_OK && read != size) {
            return fail("could not read the finished document from libharu");
        }
        bytes.resize(read);
        return bytes;
    }

private:
    // A link to a destination that may be on a later page: made once all pages are in.
    struct PendingLink {
        HPDF_Page page;
        HPDF_Rect rect;
        std::string dest;
        int slot;  // in the structure tree
    };

    base::Diagnostics& diags_;
    PdfOptions options_;
    std::unique_ptr<StructTree> tree_;
    HPDF_MD5_CTX id_hash_{};  // of every page's content and the metadata: the trailer's /ID
    ErrorState errors_;
    base::Owner<HPDF_Doc_Rec, HPDF_Free> doc_;  // freed after ~Impl has released what lives in it
    HPDF_Doc pdf() const { return doc_.get(); }
    bool failed_ = false;
    std::vector<std::unique_ptr<GlyphFont>> fonts_;
    std::vector<HPDF_Page> pages_;
    std::vector<double> page_heights_;
    struct Destination {
        HPDF_Destination array;  // for links and outline entries
        HPDF_Page page;          // and where it is, for the /Dests tree's own copy
        double top;
    };
    std::map<std::string, Destination> destinations_;
    std::map<std::string, HPDF_Image> images_;  // by path
    std::vector<PendingLink> pending_links_;
    long last_label_ = -1;

    static constexpr const char* kCreator = "compose";
    static constexpr const char* kProducer = "compose with libharu";

    std::optional<std::string> fail(const std::string& message) {
        char code[64];
        std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)", static_cast<unsigned>(errors_.error),
                      static_cast<unsigned>(errors_.detail));
        diags_.error({}, message + (errors_.error ? code : ""));
        return std::nullopt;
    }

    // A PDF text string holds at most 65,535 bytes, written as UTF-16 (up to 4 bytes a character):
    // a title or heading longer than 16,000 characters is cut there in the metadata and outline
    // (it stays whole on the page).
    static std::string pdf_text(const std::string& utf8) { return base::truncate_code_points(utf8, 16000); }

    void set_metadata(const display::Metadata& m) {
        if (!m.title.empty()) HPDF_SetInfoAttr(pdf(), HPDF_INFO_TITLE, pdf_text(m.title).c_str());
        if (!m.author.empty()) HPDF_SetInfoAttr(pdf(), HPDF_INFO_AUTHOR, pdf_text(m.author).c_str());
        if (!m.subject.empty()) HPDF_SetInfoAttr(pdf(), HPDF_INFO_SUBJECT, pdf_text(m.subject).c_str());
        if (!m.keywords.empty()) HPDF_SetInfoAttr(pdf(), HPDF_INFO_KEYWORDS, pdf_text(m.keywords).c_str());
        HPDF_SetInfoAttr(pdf(), HPDF_INFO_CREATOR, kCreator);
        HPDF_SetInfoAttr(pdf(), HPDF_INFO_PRODUCER, kProducer);
        if (m.date) {  // never the clock: the same inputs give the same bytes
            base::UtcTime t = base::utc_time_of(*m.date);
            HPDF_Date date{t.year, t.month, t.day, t.hour, t.minute, t.second, 'Z', 0, 0};
            HPDF_SetInfoDateAttr(pdf(), HPDF_INFO_CREATION_DATE, date);
            HPDF_SetInfoDateAttr(pdf(), HPDF_INFO_MOD_DATE, date);
        }
        if (!m.lang.empty()) {
            HPDF_Dict_Add(pdf()->catalog, "Lang", HPDF_String_New(pdf()->mmgr, m.lang.c_str(), nullptr));
        }
    }

    // libharu holds every page's content stream in memory, uncompressed, until it saves: a
    // 2,000-page table would keep some 60 MB of text operators. Each page's stream is deflated
    // as soon as the page is written instead, and marked so that libharu leaves it as it is.
    bool compress_content(HPDF_Page page) {
        auto* attr = static_cast<HPDF_PageAttr>(page->attr);
        HPDF_Stream stream = attr->stream;
        HPDF_UINT32 size = HPDF_Stream_Size(stream);
        if (size == 0) return true;
        std::string plain(size, '\0');
        HPDF_UINT32 read = size;
        if (HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
            (HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(plain.data()), &read) != HPDF_OK && read != size)) {
            fail("could not read back a page's content");
            return false;
        }
        if (options_.tagged || options_.pdfa) HPDF_MD5Update(&id_hash_, reinterpret_cast<const HPDF_BYTE*>(plain.data()), read);
        uLongf packed_size = compressBound(static_cast<uLong>(read));
        std::string packed(packed_size, '\0');
        if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(plain.data()),
                      static_cast<uLong>(read), Z_DEFAULT_COMPRESSION) != Z_OK) {
            fail("could not compress a page's content");
            return false;
        }
        HPDF_MemStream_FreeData(stream);
        if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                              static_cast<HPDF_UINT>(packed_size)) != HPDF_OK) {
            fail("could not store a page's compressed content");
            return false;
        }
        // With no filter of its own libharu writes the bytes as they are and removes any /Filter
        // entry; the dictionary's write hook names the one the bytes need.
        attr->contents->filter = HPDF_STREAM_FILTER_NONE;
        attr->contents->write_fn = [](HPDF_Dict, HPDF_Stream out) {
            return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
        };
        return true;
    }

    // [page /XYZ left top null]: null keeps the reader's zoom, which libharu's
    // HPDF_Destination_SetXYZ refuses, so the array is written here
    static void fill_xyz(HPDF_Array array, HPDF_Page page, double top, HPDF_MMgr mmgr) {
        HPDF_Array_Clear(array);
        HPDF_Array_Add(array, page);
        HPDF_Array_AddName(array, "XYZ");
        HPDF_Array_AddReal(array, 0);
        HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(top));
        HPDF_Array_Add(array, HPDF_Null_New(mmgr));
    }

    void add_destination(HPDF_Page page, double height, const display::Destination& d) {
        if (destinations_.count(d.name)) return;
        HPDF_Destination dst = HPDF_Page_CreateDestination(page);
        if (!dst) return;
        double top = height - d.y + 4;
        fill_xyz(static_cast<HPDF_Array>(dst), page, top, pdf()->mmgr);
        destinations_.emplace(d.name, Destination{dst, page, top});
    }

    // The catalog's /Names /Dests tree: every destination by its id, so that another document or
    // a web page can link to report.pdf#annex-participants. One leaf holds them all (a report has
    // tens); std::map keeps the keys in the byte order the tree needs.
    void named_destinations() {
        if (destinations_.empty()) return;
        HPDF_MMgr mmgr = pdf()->mmgr;
        HPDF_Array list = HPDF_Array_New(mmgr);
        for (const auto& [name, place] : destinations_) {
            HPDF_Array_Add(list, HPDF_String_New(mmgr, name.c_str(), nullptr));
            HPDF_Array xyz = HPDF_Array_New(mmgr);  // its own copy: libharu writes an object in one place
            fill_xyz(xyz, place.page, place.top, mmgr);
            HPDF_Array_Add(list, xyz);
        }
        HPDF_Dict dests = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(dests, "Names", list);
        HPDF_Dict names = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(names, "Dests", dests);
        HPDF_Dict_Add(pdf()->catalog, "Names", names);
    }

    // PDF page labels, so a reader shows the folio printed on the page ("9" for the first page of
    // an annex rendered on its own). A new range starts wherever the numbering jumps.
    void page_label(const std::string& label) {
        char* end = nullptr;
        long number = std::strtol(label.c_str(), &end, 10);
        bool numeric = !label.empty() && end && *end == '\0' && number > 0;
        std::size_t index = pages_.size() - 1;
        if (numeric && index > 0 && number == last_label_ + 1) {
            last_label_ = number;
            return;
        }
        if (numeric) {
            HPDF_AddPageLabel(pdf(), static_cast<HPDF_UINT>(index), HPDF_PAGE_NUM_STYLE_DECIMAL,
                              static_cast<HPDF_UINT>(number), nullptr);
        } else {
            HPDF_AddPageLabel(pdf(), static_cast<HPDF_UINT>(index), HPDF_PAGE_NUM_STYLE_DECIMAL, 1, label.c_str());
        }
        last_label_ = numeric ? number : -1;
    }

    void internal_links() {
        for (const auto& link : pending_links_) {
            auto it = destinations_.find(link.dest);
            if (it == destinations_.end()) continue;
            HPDF_Annotation annot = HPDF_Page_CreateLinkAnnot(link.page, link.rect, it->second.array);
            if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
            annotation_made(annot, link.slot);
        }
    }

    // The page's items in their order. Text goes between BT and ET, drawing outside them, so a
    // text object is opened at the first glyph run after a drawing and closed before the next one.
    // Tagged, the items of a structure element's segment are one marked-content sequence (opened
    // at its first mark, so an empty segment leaves none), an artifact's another, and marks
    // outside any tag an /Artifact of their own; text objects nest inside them.
    bool page_content(const display::Page& page, HPDF_Page handle) {
        auto* attr = static_cast<HPDF_PageAttr>(handle->attr);
        bool in_text = false;
        auto end_text = [&] {
            if (in_text) HPDF_Page_EndText(handle);
            in_text = false;
        };
        enum class Open { None, Node, Artifact } open = Open::None;  // the segment the items are in
        base::NodeId open_node;
        base::Artifact open_artifact = base::Artifact::Rule;
        bool marked = false;  // its marked content begun
        std::string marked_lang;  // the language on it, when not the page's
        auto end_marked = [&] {
            if (!marked) return;
            end_text();
            HPDF_Stream_WriteStr(attr->stream, "EMC\n");
            marked = false;
        };
        auto mark = [&](const std::string& lang = {}) {  // before an item that makes marks
            if (!tree_ || marked) return;
            marked_lang = open == Open::Node ? lang : std::string();
            std::string op = open == Open::Node       ? tree_->open_node(open_node, lang)
                             : open == Open::Artifact ? StructTree::open_artifact(&open_artifact)
                                                      : StructTree::open_artifact(nullptr);
            end_text();
            HPDF_Stream_WriteStr(attr->stream, op.c_str());
            marked = true;
        };
        for (const auto& item : page.items) {
            if (const auto* run = std::get_if<display::GlyphRun>(&item)) {
                // a run in another language than the page's is marked with its own, so that
                // screen readers and hyphenating re-flowers read "Instituto Igarapé" as
                // Portuguese: tagged, on a marked-content sequence of its own (a Span nested in
                // an MCID's sequence cuts the text poppler gives the element)
                bool other_language = !run->lang.empty() && !page.lang.empty() && run->lang != page.lang;
                const std::string& lang = other_language ? run->lang : std::string();
                if (tree_ && open == Open::Node && marked && marked_lang != lang) end_marked();
                mark(lang);
                if (tree_ && open == Open::Node) tree_->add_text(open_node, *run);
                if (!in_text) HPDF_Page_BeginText(handle);
                in_text = true;
                GlyphFont& font = *fonts_.at(run->font);
                const char* name = HPDF_Page_GetLocalFontName(handle, font.handle());
                if (!name) {
                    fail("libharu could not add a font to a page");
                    return false;
                }
                std::string ops = glyph_run_operators(*run, font, name, page.height);
                if (other_language && !(tree_ && open == Open::Node)) ops = "/Span <</Lang " + pdf_literal(run->lang) + ">> BDC\n" + ops + "EMC\n";
                HPDF_Stream_WriteStr(attr->stream, ops.c_str());
            } else if (const auto* shape = std::get_if<display::Shape>(&item)) {
                if (!shape->fill && !shape->stroke) continue;
                mark();
                end_text();
                draw_shape(page, handle, *shape);
            } else if (const auto* image = std::get_if<display::Image>(&item)) {
                mark();
                end_text();
                if (!draw_image(page, handle, *image)) return false;
            } else if (const auto* link = std::get_if<display::Link>(&item)) {
                add_link(page, handle, *link, open == Open::Node ? open_node : base::NodeId{});
            } else if (const auto* dest = std::get_if<display::Destination>(&item)) {
                add_destination(handle, page.height, *dest);
            } else if (const auto* begin = std::get_if<display::StructBegin>(&item)) {
                end_marked();
                open = Open::Node;
                open_node = begin->node;
            } else if (const auto* artifact = std::get_if<display::ArtifactBegin>(&item)) {
                end_marked();
                open = Open::Artifact;
                open_artifact = artifact->kind;
            } else if (std::holds_alternative<display::TagEnd>(item)) {
                end_marked();
                open = Open::None;
            }
        }
        end_text();
        end_marked();
        if (errors_.error) {
            fail("libharu failed while writing page content");
            return false;
        }
        return true;
    }

    static void set_rgb_stroke(HPDF_Page handle, std::uint32_t c) {
        HPDF_Page_SetRGBStroke(handle, ((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f);
    }
    static void set_rgb_fill(HPDF_Page handle, std::uint32_t c) {
        HPDF_Page_SetRGBFill(handle, ((c >> 16) & 0xFF) / 255.0f, ((c >> 8) & 0xFF) / 255.0f, (c & 0xFF) / 255.0f);
    }

    void draw_shape(const display::Page& page, HPDF_Page handle, const display::Shape& shape) {
        if (!shape.fill && !shape.stroke) return;
        HPDF_Page_GSave(handle);  // colours, width and dash stay with the shape
        if (shape.stroke) {
            HPDF_Page_SetLineWidth(handle, static_cast<HPDF_REAL>(shape.stroke->width));
            set_rgb_stroke(handle, shape.stroke->color);
            if (!shape.stroke->dash.empty()) {
                // libharu 2.3 takes whole points, at most 8 of them
                std::vector<HPDF_UINT16> dash;
                for (double d : shape.stroke->dash) {
                    if (dash.size() < 8) dash.push_back(static_cast<HPDF_UINT16>(std::lround(std::clamp(d, 0.0, 65535.0))));
                }
                HPDF_Page_SetDash(handle, dash.data(), static_cast<HPDF_UINT>(dash.size()), 0);
            }
        }
        if (shape.fill) set_rgb_fill(handle, *shape.fill);
        if (const auto* s = std::get_if<display::Segment>(&shape.geometry)) {
            HPDF_Page_MoveTo(handle, static_cast<HPDF_REAL>(s->x0), static_cast<HPDF_REAL>(page.height - s->y0));
            HPDF_Page_LineTo(handle, static_cast<HPDF_REAL>(s->x1), static_cast<HPDF_REAL>(page.height - s->y1));
        } else {
            const auto& r = std::get<display::Rect>(shape.geometry);
            HPDF_Page_Rectangle(handle, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(page.height - r.y - r.height),
                                static_cast<HPDF_REAL>(r.width), static_cast<HPDF_REAL>(r.height));
        }
        if (shape.fill && shape.stroke) HPDF_Page_FillStroke(handle);
        else if (shape.fill) HPDF_Page_Fill(handle);
        else HPDF_Page_Stroke(handle);
        HPDF_Page_GRestore(handle);
    }

    void add_link(const display::Page& page, HPDF_Page handle, const display::Link& link, base::NodeId node) {
        HPDF_Rect rect{static_cast<HPDF_REAL>(link.area.x), static_cast<HPDF_REAL>(page.height - link.area.y - link.area.height),
                       static_cast<HPDF_REAL>(link.area.x + link.area.width), static_cast<HPDF_REAL>(page.height - link.area.y)};
        const int slot = tree_ ? tree_->link(node, handle) : -1;
        if (link.uri.empty()) {
            pending_links_.push_back({handle, rect, link.dest, slot});
            return;
        }
        HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(handle, rect, link.uri.c_str());
        if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        annotation_made(annot, slot);
    }

    // A link annotation is printable with the page under PDF/A (/F 4), and the kid of its Link
    // element in the structure tree.
    void annotation_made(HPDF_Annotation annot, int slot) {
        if (!annot) return;
        if (tree_) tree_->set_annotation(slot, annot, options_.pdfa);
        else if (options_.pdfa) HPDF_Dict_AddNumber(annot, "F", 4);
    }

    // The catalog's /Metadata: an uncompressed XMP stream (PDF/A and PDF/UA want it readable
    // without decoding), and /ViewerPreferences /DisplayDocTitle for PDF/UA.
    void xmp_metadata(const display::Metadata& m) {
        display::Metadata shown = m;  // as the Info dictionary has them
        shown.title = pdf_text(m.title);
        shown.author = pdf_text(m.author);
        shown.subject = pdf_text(m.subject);
        shown.keywords = pdf_text(m.keywords);
        XmpInfo info{&shown, kCreator, kProducer, options_.tagged, options_.pdfa};
        std::string packet = xmp_packet(info);
        HPDF_Dict stream = HPDF_DictStream_New(pdf()->mmgr, pdf()->xref);
        if (!stream) return;
        stream->filter = HPDF_STREAM_FILTER_NONE;
        HPDF_Dict_AddName(stream, "Type", "Metadata");
        HPDF_Dict_AddName(stream, "Subtype", "XML");
        HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                          static_cast<HPDF_UINT>(packet.size()));
        HPDF_Dict_Add(pdf()->catalog, "Metadata", stream);
        HPDF_MD5Update(&id_hash_, reinterpret_cast<const HPDF_BYTE*>(packet.data()), static_cast<HPDF_UINT32>(packet.size()));
        if (options_.tagged) {
            HPDF_Dict prefs = HPDF_Dict_New(pdf()->mmgr);
            HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
            HPDF_Dict_Add(pdf()->catalog, "ViewerPreferences", prefs);
        }
    }

    // PDF/A's OutputIntent: the sRGB profile the page colours (DeviceRGB) are meant in.
    bool output_intent() {
        const std::string path = find_srgb_profile(options_.icc_profile);
        std::string profile;
        if (!path.empty()) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            profile = bytes.str();
        }
        if (profile.size() < 128) {
            diags_.error(path.empty() ? base::SourcePos{} : base::SourcePos{std::make_shared<const std::string>(path)},
                         "--pdfa needs an sRGB ICC profile and none was found",
                         {"install Debian's colord-data (or icc-profiles-free), or set COMPOSE_ICC_PROFILE to an sRGB .icc file"});
            return false;
        }
        HPDF_Dict icc = HPDF_DictStream_New(pdf()->mmgr, pdf()->xref);
        if (!icc) return false;
        icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        HPDF_Dict_AddNumber(icc, "N", 3);
        HPDF_Stream_Write(icc->stream, reinterpret_cast<const HPDF_BYTE*>(profile.data()), static_cast<HPDF_UINT>(profile.size()));
        HPDF_Dict intent = HPDF_Dict_New(pdf()->mmgr);
        HPDF_Xref_Add(pdf()->xref, intent);
        HPDF_Dict_AddName(intent, "Type", "OutputIntent");
        HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
        HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf()->mmgr, "sRGB IEC61966-2.1", nullptr));
        HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf()->mmgr, "sRGB IEC61966-2.1", nullptr));
        HPDF_Dict_Add(intent, "DestOutputProfile", icc);
        HPDF_Array intents = HPDF_Array_New(pdf()->mmgr);
        HPDF_Array_Add(intents, intent);
        HPDF_Dict_Add(pdf()->catalog, "OutputIntents", intents);
        return true;
    }

    // The trailer's /ID: two equal MD5s of every page's content stream and the XMP packet, so
    // the same source gives the same bytes (no clock, no path).
    void file_id(const display::Metadata&) {
        HPDF_BYTE digest[16];
        HPDF_MD5Final(digest, &id_hash_);
        HPDF_Array id = HPDF_Array_New(pdf()->mmgr);
        HPDF_Array_Add(id, HPDF_Binary_New(pdf()->mmgr, digest, 16));
        HPDF_Array_Add(id, HPDF_Binary_New(pdf()->mmgr, digest, 16));
        HPDF_Dict_Add(pdf()->trailer, "ID", id);
    }

    // An image file becomes one XObject however many figures show it (nullptr: unreadable).
    HPDF_Image load_image(const std::string& path) {
        auto [it, inserted] = images_.try_emplace(path, nullptr);
        if (!inserted) return it->second;
        std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : "";
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".png") it->second = HPDF_LoadPngImageFromFile(pdf(), path.c_str());
        else if (ext == ".jpg" || ext == "jpeg") it->second = HPDF_LoadJpegImageFromFile(pdf(), path.c_str());
        if (!it->second) {
            diags_.error({std::make_shared<const std::string>(path)}, "the image could not be decoded",
                         {"the file is damaged or not a PNG or JPEG image; export it again"});
            HPDF_ResetError(pdf());
            errors_ = {};
        }
        return it->second;
    }

    bool draw_image(const display::Page& page, HPDF_Page handle, const display::Image& image) {
        const auto& f = image.frame;
        HPDF_Image img = load_image(image.path);
        if (!img) return false;
        {
            // contain: the whole image inside the frame, centred; cover: the frame filled, the
            // image centred and clipped to it. The aspect is kept either way.
            double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
            double scale = image.cover ? std::max(f.width / iw, f.height / ih) : std::min(f.width / iw, f.height / ih);
            double w = iw * scale, h = ih * scale;
            double x = f.x + (f.width - w) / 2, y = f.y + (f.height - h) / 2;
            if (image.cover) {
                HPDF_Page_GSave(handle);
                HPDF_Page_Rectangle(handle, static_cast<HPDF_REAL>(f.x), static_cast<HPDF_REAL>(page.height - f.y - f.height),
                                    static_cast<HPDF_REAL>(f.width), static_cast<HPDF_REAL>(f.height));
                HPDF_Page_Clip(handle);
                HPDF_Page_EndPath(handle);
            }
            HPDF_Page_DrawImage(handle, img, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(page.height - y - h),
                                static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
            if (image.cover) HPDF_Page_GRestore(handle);
        }
        return true;
    }

    void outline(const std::vector<display::OutlineEntry>& entries) {
        if (entries.empty()) return;
        HPDF_Encoder utf8 = HPDF_GetEncoder(pdf(), "UTF-8");
        for (const auto& entry : entries) {
            // an entry whose destination is not in this document (a page left out) is left out too
            auto it = destinations_.find(entry.dest);
            if (it == destinations_.end()) continue;
            HPDF_Outline item = HPDF_CreateOutline(pdf(), nullptr, pdf_text(entry.title).c_str(), utf8);
            if (item) HPDF_Outline_SetDestination(item, it->second.array);
        }
        HPDF_SetPageMode(pdf(), HPDF_PAGE_MODE_USE_OUTLINE);
    }
};

PdfStream::PdfStream(base::Diagnostics& diags, PdfOptions options)
    : impl_(std::make_unique<Impl>(diags, std::move(options))) {}
PdfStream::~PdfStream() = default;
bool PdfStream::add_page(const display::Page& page, const std::vector<display::FontFace>& fonts) {
    return impl_->add_page(page, fonts);
}
std::optional<std::string> PdfStream::finish(const std::vector<display::OutlineEntry>& outline,
                                             const display::Metadata& metadata) {
    return impl_->finish(outline, metadata);
}

std::string find_srgb_profile(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* env = std::getenv("COMPOSE_ICC_PROFILE"); env && *env) return env;
    for (const char* path : {"/usr/share/color/icc/colord/sRGB.icc", "/usr/share/color/icc/sRGB.icc",
                             "/usr/share/color/icc/ghostscript/srgb.icc"}) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    return {};
}

std::optional<std::string> render_pdf(const display::Document& doc, base::Diagnostics& diags, const PdfOptions& options) {
    PdfStream pdf(diags, options);
    for (const auto& page : doc.pages) {
        if (!pdf.add_page(page, doc.fonts)) return std::nullopt;
    }
    return pdf.finish(doc.outline, doc.metadata);
}

}  // namespace compose::render
