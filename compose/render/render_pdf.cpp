#include <map>
#include <memory>

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "compose/render/glyph_font.h"
#include "compose/render/glyph_text.h"
#include "compose/render/render.h"

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

class PdfWriter {
public:
    PdfWriter(const display::Document& doc, base::Diagnostics& diags) : doc_(doc), diags_(diags) {}

    ~PdfWriter() {
        fonts_.clear();  // before the document their objects live in
        if (pdf_) HPDF_Free(pdf_);
    }

    std::optional<std::string> run() {
        pdf_ = HPDF_New(on_error, &errors_);
        if (!pdf_) return fail("libharu could not create a document");
        HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf_);
        HPDF_SetCurrentEncoder(pdf_, "UTF-8");
        metadata();
        for (const auto& face : doc_.fonts) {
            fonts_.push_back(std::make_unique<GlyphFont>(pdf_, face, diags_));
            if (!fonts_.back()->ok()) return std::nullopt;
        }
        for (const auto& page : doc_.pages) {
            pages_.push_back(HPDF_AddPage(pdf_));
            if (!pages_.back()) return fail("libharu could not add a page");
            HPDF_Page_SetWidth(pages_.back(), static_cast<HPDF_REAL>(page.width));
            HPDF_Page_SetHeight(pages_.back(), static_cast<HPDF_REAL>(page.height));
        }
        collect_destinations();
        for (std::size_t p = 0; p < doc_.pages.size(); ++p) {
            if (!page_content(doc_.pages[p], pages_[p])) return std::nullopt;
        }
        outline();
        for (auto& font : fonts_) {
            if (!font->finish(diags_)) return fail("could not embed a font");
        }
        if (errors_.error) return fail("libharu failed while building the document");
        if (HPDF_SaveToStream(pdf_) != HPDF_OK) return fail("libharu could not write the document");
        HPDF_UINT32 size = HPDF_GetStreamSize(pdf_);
        std::string bytes(size, '\0');
        HPDF_UINT32 read = size;
        HPDF_ResetStream(pdf_);
        if (HPDF_ReadFromStream(pdf_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read) != HPDF_OK && read != size) {
            return fail("could not read the finished document from libharu");
        }
        bytes.resize(read);
        return bytes;
    }

private:
    const display::Document& doc_;
    base::Diagnostics& diags_;
    ErrorState errors_;
    HPDF_Doc pdf_ = nullptr;
    std::vector<std::unique_ptr<GlyphFont>> fonts_;
    std::vector<HPDF_Page> pages_;
    std::map<std::string, HPDF_Destination> destinations_;

    std::optional<std::string> fail(const std::string& message) {
        char code[64];
        std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)", static_cast<unsigned>(errors_.error),
                      static_cast<unsigned>(errors_.detail));
        diags_.error({}, message + (errors_.error ? code : ""));
        return std::nullopt;
    }

    void metadata() {
        const auto& m = doc_.metadata;
        if (!m.title.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_TITLE, m.title.c_str());
        if (!m.author.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_AUTHOR, m.author.c_str());
        if (!m.subject.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_SUBJECT, m.subject.c_str());
        if (!m.keywords.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_KEYWORDS, m.keywords.c_str());
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_CREATOR, "compose");
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_PRODUCER, "compose with libharu");
        if (!m.lang.empty()) {
            HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(pdf_->mmgr, m.lang.c_str(), nullptr));
        }
    }

    void collect_destinations() {
        for (std::size_t p = 0; p < doc_.pages.size(); ++p) {
            for (const auto& d : doc_.pages[p].destinations) {
                if (destinations_.count(d.name)) continue;
                // [page /XYZ left top null]: null keeps the reader's zoom, which libharu's
                // HPDF_Destination_SetXYZ refuses, so the array is written here
                HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[p]);
                if (!dst) continue;
                auto* array = static_cast<HPDF_Array>(dst);
                HPDF_Array_Clear(array);
                HPDF_Array_Add(array, pages_[p]);
                HPDF_Array_AddName(array, "XYZ");
                HPDF_Array_AddReal(array, 0);
                HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(doc_.pages[p].height - d.y + 4));
                HPDF_Array_Add(array, HPDF_Null_New(pdf_->mmgr));
                destinations_.emplace(d.name, dst);
            }
        }
    }

    bool page_content(const display::Page& page, HPDF_Page handle) {
        auto* attr = static_cast<HPDF_PageAttr>(handle->attr);
        // rules first, text over them
        for (const auto& rule : page.rules) {
            HPDF_Page_SetLineWidth(handle, static_cast<HPDF_REAL>(rule.thickness));
            HPDF_Page_SetRGBStroke(handle, ((rule.color >> 16) & 0xFF) / 255.0f, ((rule.color >> 8) & 0xFF) / 255.0f,
                                   (rule.color & 0xFF) / 255.0f);
            HPDF_Page_MoveTo(handle, static_cast<HPDF_REAL>(rule.x0), static_cast<HPDF_REAL>(page.height - rule.y0));
            HPDF_Page_LineTo(handle, static_cast<HPDF_REAL>(rule.x1), static_cast<HPDF_REAL>(page.height - rule.y1));
            HPDF_Page_Stroke(handle);
        }
        for (const auto& image : page.images) draw_image(page, handle, image);
        if (!page.runs.empty()) {
            HPDF_Page_BeginText(handle);
            for (const auto& run : page.runs) {
                GlyphFont& font = *fonts_.at(run.font);
                const char* name = HPDF_Page_GetLocalFontName(handle, font.handle());
                if (!name) {
                    fail("libharu could not add a font to a page");
                    return false;
                }
                std::string ops = glyph_run_operators(run, font, name, page.height);
                HPDF_Stream_WriteStr(attr->stream, ops.c_str());
            }
            HPDF_Page_EndText(handle);
        }
        for (const auto& link : page.links) {
            HPDF_Rect rect{static_cast<HPDF_REAL>(link.area.x),
                           static_cast<HPDF_REAL>(page.height - link.area.y - link.area.height),
                           static_cast<HPDF_REAL>(link.area.x + link.area.width),
                           static_cast<HPDF_REAL>(page.height - link.area.y)};
            HPDF_Annotation annot = nullptr;
            if (!link.uri.empty()) {
                annot = HPDF_Page_CreateURILinkAnnot(handle, rect, link.uri.c_str());
            } else if (auto it = destinations_.find(link.dest); it != destinations_.end()) {
                annot = HPDF_Page_CreateLinkAnnot(handle, rect, it->second);
            }
            if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        }
        if (errors_.error) {
            fail("libharu failed while writing page content");
            return false;
        }
        return true;
    }

    void draw_image(const display::Page& page, HPDF_Page handle, const display::Image& image) {
        const auto& f = image.frame;
        HPDF_Image img = nullptr;
        if (!image.path.empty()) {
            std::string ext = image.path.size() >= 4 ? image.path.substr(image.path.size() - 4) : "";
            for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (ext == ".png") img = HPDF_LoadPngImageFromFile(pdf_, image.path.c_str());
            else if (ext == ".jpg" || ext == "jpeg") img = HPDF_LoadJpegImageFromFile(pdf_, image.path.c_str());
            if (!img) {
                diags_.warning({std::make_shared<const std::string>(image.path)},
                               "image could not be read; drawn as a placeholder");
                HPDF_ResetError(pdf_);
                errors_ = {};
            }
        }
        if (img) {
            // fit: the whole image inside the frame, centred, aspect kept
            double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
            double scale = std::min(f.width / iw, f.height / ih);
            double w = iw * scale, h = ih * scale;
            double x = f.x + (f.width - w) / 2, y = f.y + (f.height - h) / 2;
            HPDF_Page_DrawImage(handle, img, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(page.height - y - h),
                                static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
            return;
        }
        HPDF_Page_SetRGBFill(handle, 0.92f, 0.92f, 0.92f);
        HPDF_Page_SetRGBStroke(handle, 0.6f, 0.6f, 0.6f);
        HPDF_Page_SetLineWidth(handle, 0.5f);
        HPDF_Page_Rectangle(handle, static_cast<HPDF_REAL>(f.x), static_cast<HPDF_REAL>(page.height - f.y - f.height),
                            static_cast<HPDF_REAL>(f.width), static_cast<HPDF_REAL>(f.height));
        HPDF_Page_FillStroke(handle);
        HPDF_Page_SetRGBFill(handle, 0, 0, 0);
    }

    void outline() {
        if (doc_.outline.empty()) return;
        HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_, "UTF-8");
        for (const auto& entry : doc_.outline) {
            HPDF_Outline item = HPDF_CreateOutline(pdf_, nullptr, entry.title.c_str(), utf8);
            if (auto it = destinations_.find(entry.dest); it != destinations_.end() && item) {
                HPDF_Outline_SetDestination(item, it->second);
            }
        }
        HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
    }
};

}  // namespace

std::optional<std::string> render_pdf(const display::Document& doc, base::Diagnostics& diags) {
    return PdfWriter(doc, diags).run();
}

}  // namespace compose::render
