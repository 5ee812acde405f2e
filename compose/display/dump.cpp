#include <cstdio>
#include <filesystem>

#include "compose/display/display.h"

namespace compose::display {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    if (s == "-0.00") s = "0.00";
    return s;
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string color(std::uint32_t rgb) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%06X", rgb & 0xFFFFFFu);
    return buf;
}

std::string node_line(const base::Node& n) {
    std::string out = "node " + std::to_string(n.id.index()) + " " + std::string(base::role_name(n.role));
    if (n.parent) out += " parent " + std::to_string(n.parent.index());
    if (n.level > 0) out += " level " + std::to_string(n.level);
    if (!n.lang.empty()) out += " lang " + n.lang;
    if (!n.alt.empty()) out += " alt " + quoted(n.alt);
    return out;
}

// One item's line(s) at the given indentation; returns the change in nesting depth.
struct ItemDump {
    std::string& out;
    std::string indent;

    void line(const std::string& text) { out += indent + text + "\n"; }

    void operator()(const GlyphRun& run) {
        line("run font " + std::to_string(run.font) + " size " + num(run.size) + " at " + num(run.x) + " " + num(run.y) +
             " src " + std::to_string(run.pos.line) + ":" + std::to_string(run.pos.col) + " lang " +
             (run.lang.empty() ? "-" : run.lang) + " color " + color(run.color) + (run.rtl ? " rtl" : "") +
             (run.hscale != 1 ? " hscale " + num(run.hscale * 100) + "%" : std::string()) + " " + quoted(run.text));
        std::string glyphs = " ";
        for (const auto& g : run.glyphs) {
            glyphs += " " + std::to_string(g.id) + "@" +
                      (g.cluster == kInsertedGlyph ? std::string("ins") : std::to_string(g.cluster)) + "+" + num(g.advance);
            // decided on the printed values, so an offset of 1e-12 dumps like 0
            std::string dx = num(g.x_offset), dy = num(g.y_offset);
            if (dx != "0.00" || dy != "0.00") glyphs += "(" + dx + "," + dy + ")";
        }
        line(glyphs);
    }
    void operator()(const Shape& shape) {
        std::string text = "shape ";
        if (const auto* s = std::get_if<Segment>(&shape.geometry)) {
            text += "line " + num(s->x0) + " " + num(s->y0) + " " + num(s->x1) + " " + num(s->y1);
        } else {
            const auto& r = std::get<Rect>(shape.geometry);
            text += "rect " + num(r.x) + " " + num(r.y) + " " + num(r.width) + " " + num(r.height);
        }
        if (shape.fill) text += " fill " + color(*shape.fill);
        if (shape.stroke) {
            text += " stroke " + color(shape.stroke->color) + " width " + num(shape.stroke->width);
            if (!shape.stroke->dash.empty()) {
                text += " dash";
                for (double d : shape.stroke->dash) text += " " + num(d);
            }
        }
        line(text);
    }
    void operator()(const Image& im) {
        line("image " + num(im.frame.x) + " " + num(im.frame.y) + " " + num(im.frame.width) + " " + num(im.frame.height) +
             (im.cover ? " cover " : " contain ") + quoted(std::filesystem::path(im.path).filename().string()));
    }
    void operator()(const Link& l) {
        line("link " + num(l.area.x) + " " + num(l.area.y) + " " + num(l.area.width) + " " + num(l.area.height) + " " +
             (l.uri.empty() ? "#" + l.dest : l.uri));
    }
    void operator()(const Destination& d) { line("dest " + d.name + " y " + num(d.y)); }
    void operator()(const StructBegin& s) { line("struct " + std::to_string(s.node.index())); }
    void operator()(const ArtifactBegin& a) { line("artifact " + std::string(base::artifact_name(a.kind))); }
    void operator()(const TagEnd&) { line("end"); }
};

}  // namespace

std::string dump(const Document& doc) {
    std::string out;
    for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
        // the file name only: dumps must not depend on where the project is checked out
        out += "font " + std::to_string(i) + " " + doc.fonts[i].postscript_name + " " +
               std::filesystem::path(doc.fonts[i].path).filename().string() + "\n";
    }
    for (const auto& entry : doc.outline) {
        out += "outline " + std::to_string(entry.level) + " " + quoted(entry.title) + " -> " + entry.dest + "\n";
    }
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const Page& page = doc.pages[p];
        out += "page " + std::to_string(p + 1) + " label " + quoted(page.label) + " master " + page.master + " lang " +
               (page.lang.empty() ? "-" : page.lang) + " size " + num(page.width) + " " + num(page.height) + "\n";
        for (const auto& n : page.nodes) out += "  " + node_line(n) + "\n";
        std::size_t depth = 1;
        for (const auto& item : page.items) {
            if (std::holds_alternative<TagEnd>(item) && depth > 1) --depth;
            std::visit(ItemDump{out, std::string(2 * depth, ' ')}, item);
            if (std::holds_alternative<StructBegin>(item) || std::holds_alternative<ArtifactBegin>(item)) ++depth;
        }
    }
    return out;
}

}  // namespace compose::display
