// A display list page as one SVG document: the items in paint order, each translated.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "compose/svg/encode.h"
#include "compose/svg/glyph_outlines.h"
#include "compose/svg/svg.h"

namespace compose::svg {
namespace {

// Positions on the page in points: 0.001 pt, as the PDF writes them.
constexpr int kPt = 3;
// A glyph's place inside its run, in font units (0.1 unit is 0.001 pt at 10 pt on 1000 units/em).
constexpr int kUnits = 1;
// The run's scale (size / units per em, times the expansion): six decimals keep 0.01% of it.
constexpr int kScale = 6;

// The id of a glyph's outline in <defs>: "_g<font>.<glyph>". Destinations keep the source's ids
// (so that "page-009.svg#annex-participants" works); only a source id of this very form could clash.
void append_glyph_id(std::string& out, display::FontId font, std::uint32_t glyph) {
    out += "_g";
    out += std::to_string(font);
    out += '.';
    out += std::to_string(glyph);
}

void attr(std::string& out, const char* name, double v, int decimals = kPt) {
    out += ' ';
    out += name;
    out += "=\"";
    append_number(out, v, decimals);
    out += '"';
}

void attr(std::string& out, const char* name, std::string_view text) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, text);
    out += '"';
}

std::string mime_type(const std::string& bytes) {
    if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return "image/png";
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return "image/jpeg";
    return {};
}

}  // namespace

class Writer::Impl {
public:
    std::optional<std::string> write_page(const display::Page& page, const std::vector<display::FontFace>& fonts,
                                          const DestinationHref& href, base::Diagnostics& diags) {
        if (!open_fonts(fonts, diags)) return std::nullopt;
        for (const auto& node : page.nodes) nodes_[node.id.index()] = node;
        PageState state{page, href, diags};
        for (const auto& item : page.items) {
            if (!std::visit([&](const auto& i) { return draw(state, i); }, item)) return std::nullopt;
        }
        for (; state.depth > 0; --state.depth) state.body += "</g>\n";
        return document(state);
    }

private:
    std::vector<std::unique_ptr<GlyphOutlines>> fonts_;
    std::unordered_map<std::uint32_t, base::Node> nodes_;  // every structure element met so far
    std::map<std::string, std::string> images_;            // path -> data: URI

    struct PageState {
        const display::Page& page;
        const DestinationHref& href;
        base::Diagnostics& diags;
        std::string body;
        std::set<std::pair<display::FontId, std::uint32_t>> glyphs;  // outlines the page uses
        int depth = 0;                                               // open <g> of tags
    };

    bool open_fonts(const std::vector<display::FontFace>& fonts, base::Diagnostics& diags) {
        while (fonts_.size() < fonts.size()) {
            auto font = GlyphOutlines::open(fonts[fonts_.size()], diags);
            if (!font) return false;
            fonts_.push_back(std::move(font));
        }
        return true;
    }

    // The file: its size in points, a white page under the items, the outlines it uses, the items.
    std::string document(const PageState& state) {
        const auto& page = state.page;
        std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"";
        out += " width=\"" + number(page.width) + "pt\" height=\"" + number(page.height) + "pt\"";
        out += " viewBox=\"0 0 " + number(page.width) + " " + number(page.height) + "\"";
        if (!page.lang.empty()) attr(out, "xml:lang", page.lang);
        if (!page.label.empty()) attr(out, "data-page", page.label);
        out += ">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
        if (!state.glyphs.empty()) {
            out += "<defs>\n";
            for (auto [font, glyph] : state.glyphs) {
                out += "<path id=\"";
                append_glyph_id(out, font, glyph);
                out += "\" d=\"";
                out += fonts_[font]->path(glyph);
                out += "\"/>\n";
            }
            out += "</defs>\n";
        }
        out += state.body;
        out += "</svg>\n";
        return out;
    }

    // Glyphs as outlines placed with <use> inside one group per run that scales font units to the
    // size (and the expansion) and turns y upwards; then the run's text, invisible, spread over
    // the same width, for search, selection and screen readers.
    bool draw(PageState& state, const display::GlyphRun& run) {
        if (run.font >= fonts_.size()) {
            state.diags.error(run.pos, "internal error: a glyph run names a font not in the font table");
            return false;
        }
        GlyphOutlines& font = *fonts_[run.font];
        const double k = run.size / font.units_per_em();
        const double a = k * (run.hscale > 0 ? run.hscale : 1);
        std::string& out = state.body;
        std::string uses;
        double pen = 0;
        for (const auto& g : run.glyphs) {
            if (!font.path(g.id).empty()) {
                state.glyphs.emplace(run.font, g.id);
                uses += "<use href=\"#";
                append_glyph_id(uses, run.font, g.id);
                uses += '"';
                attr(uses, "x", (pen + g.x_offset) / a, kUnits);
                if (g.y_offset != 0) attr(uses, "y", g.y_offset / k, kUnits);
                uses += "/>";
            }
            pen += g.advance;
        }
        if (!uses.empty()) {
            out += "<g";
            if (run.color != 0) attr(out, "fill", hex_color(run.color));
            out += " transform=\"matrix(";
            append_number(out, a, kScale);
            out += " 0 0 ";
            append_number(out, -k, kScale);
            out += ' ';
            append_number(out, run.x, kPt);
            out += ' ';
            append_number(out, run.y, kPt);
            out += ")\">";
            out += uses;
            out += "</g>\n";
        }
        if (run.text.find_first_not_of(' ') != std::string::npos) {
            out += "<text";
            attr(out, "x", run.rtl ? run.x + pen : run.x);
            attr(out, "y", run.y);
            attr(out, "font-size", run.size);
            if (pen > 0) {
                attr(out, "textLength", pen);
                out += " lengthAdjust=\"spacingAndGlyphs\"";
            }
            if (run.rtl) out += " direction=\"rtl\"";
            if (!run.lang.empty() && run.lang != state.page.lang) attr(out, "xml:lang", run.lang);
            out += " fill-opacity=\"0\" xml:space=\"preserve\">";
            append_escaped(out, run.text);
            // a hyphen the layout added at a line's end is text too, as in the PDF, so that readers
            // and search join the word's halves
            if (!run.glyphs.empty() && run.glyphs.back().cluster == display::kInsertedGlyph) out += '-';
            out += "</text>\n";
        }
        return true;
    }

    static void stroke_attrs(std::string& out, const display::Stroke& stroke) {
        attr(out, "stroke", hex_color(stroke.color));
        attr(out, "stroke-width", stroke.width);
        if (!stroke.dash.empty()) {
            out += " stroke-dasharray=\"";
            for (std::size_t i = 0; i < stroke.dash.size(); ++i) {
                if (i > 0) out += ' ';
                append_number(out, stroke.dash[i] < 0 ? 0 : stroke.dash[i], kPt);
            }
            out += '"';
        }
    }

    bool draw(PageState& state, const display::Shape& shape) {
        std::string& out = state.body;
        if (const auto* s = std::get_if<display::Segment>(&shape.geometry)) {
            if (!shape.stroke) return true;  // a line has nothing to fill
            out += "<line";
            attr(out, "x1", s->x0);
            attr(out, "y1", s->y0);
            attr(out, "x2", s->x1);
            attr(out, "y2", s->y1);
            stroke_attrs(out, *shape.stroke);
            out += "/>\n";
            return true;
        }
        if (!shape.fill && !shape.stroke) return true;
        const auto& r = std::get<display::Rect>(shape.geometry);
        out += "<rect";
        attr(out, "x", r.x);
        attr(out, "y", r.y);
        attr(out, "width", r.width);
        attr(out, "height", r.height);
        attr(out, "fill", shape.fill ? hex_color(*shape.fill) : std::string("none"));
        if (shape.stroke) stroke_attrs(out, *shape.stroke);
        out += "/>\n";
        return true;
    }

    // The image file embedded whole; cover fills the frame and is clipped to it (slice), contain
    // shows the whole image centred in it (meet): the PDF's two placements.
    bool draw(PageState& state, const display::Image& image) {
        const std::string* uri = data_uri(image.path, state.diags);
        if (!uri) return false;
        std::string& out = state.body;
        const auto& f = image.frame;
        out += "<image";
        attr(out, "x", f.x);
        attr(out, "y", f.y);
        attr(out, "width", f.width);
        attr(out, "height", f.height);
        out += image.cover ? " preserveAspectRatio=\"xMidYMid slice\"" : " preserveAspectRatio=\"xMidYMid meet\"";
        out += " href=\"";
        out += *uri;
        out += "\"/>\n";
        return true;
    }

    const std::string* data_uri(const std::string& path, base::Diagnostics& diags) {
        if (auto it = images_.find(path); it != images_.end()) return &it->second;
        std::ifstream in(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string mime = in.bad() ? std::string() : mime_type(bytes);
        if (mime.empty()) {
            diags.error({std::make_shared<const std::string>(path)}, "the image could not be read as PNG or JPEG");
            return nullptr;
        }
        return &images_.emplace(path, "data:" + mime + ";base64," + base64(bytes)).first->second;
    }

    // A transparent rectangle over the link's area: the text under it stays drawn as it is.
    bool draw(PageState& state, const display::Link& link) {
        std::string& out = state.body;
        std::string target = link.uri;
        if (target.empty()) {
            target = state.href ? state.href(link.dest) : std::string();
            if (target.empty()) target = "#" + link.dest;
        }
        out += "<a";
        attr(out, "href", target);
        out += "><rect";
        attr(out, "x", link.area.x);
        attr(out, "y", link.area.y);
        attr(out, "width", link.area.width);
        attr(out, "height", link.area.height);
        out += " fill-opacity=\"0\"/></a>\n";
        return true;
    }

    // A named place an internal link or "page-007.svg#name" points to.
    bool draw(PageState& state, const display::Destination& dest) {
        std::string& out = state.body;
        out += "<g";
        attr(out, "id", dest.name);
        out += " transform=\"translate(0 ";
        append_number(out, dest.y, kPt);
        out += ")\"/>\n";
        return true;
    }

    // Structure elements become groups with their role; artifacts are hidden from screen readers.
    bool draw(PageState& state, const display::StructBegin& begin) {
        std::string& out = state.body;
        out += "<g";
        auto it = nodes_.find(begin.node.index());
        if (it != nodes_.end()) {
            const base::Node& node = it->second;
            attr(out, "data-role", base::role_name(node.role));
            if (node.level > 0) attr(out, "data-level", std::to_string(node.level));
            if (!node.lang.empty()) attr(out, "xml:lang", node.lang);
            if (!node.alt.empty()) {
                out += " role=\"img\"";
                attr(out, "aria-label", node.alt);
            }
        }
        out += ">\n";
        ++state.depth;
        return true;
    }

    bool draw(PageState& state, const display::ArtifactBegin& begin) {
        std::string& out = state.body;
        out += "<g";
        attr(out, "data-artifact", base::artifact_name(begin.kind));
        out += " aria-hidden=\"true\">\n";
        ++state.depth;
        return true;
    }

    bool draw(PageState& state, const display::TagEnd&) {
        if (state.depth == 0) return true;  // more ends than begins: nothing open to close
        --state.depth;
        state.body += "</g>\n";
        return true;
    }
};

Writer::Writer() : impl_(std::make_unique<Impl>()) {}
Writer::~Writer() = default;

std::optional<std::string> Writer::write_page(const display::Page& page, const std::vector<display::FontFace>& fonts,
                                              const DestinationHref& href, base::Diagnostics& diags) {
    return impl_->write_page(page, fonts, href, diags);
}

std::optional<std::string> write_page(const display::Page& page, const std::vector<display::FontFace>& fonts,
                                      base::Diagnostics& diags) {
    Writer writer;
    return writer.write_page(page, fonts, {}, diags);
}

}  // namespace compose::svg
