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
        out += "page " + std::to_string(p + 1) + " label " + quoted(page.label) + " size " + num(page.width) + " " +
               num(page.height) + "\n";
        for (const auto& d : page.destinations) out += "  dest " + d.name + " y " + num(d.y) + "\n";
        for (const auto& run : page.runs) {
            out += "  run font " + std::to_string(run.font) + " size " + num(run.size) + " at " + num(run.x) + " " +
                   num(run.y) + " line " + std::to_string(run.pos.line) + (run.rtl ? " rtl" : "") +
                   (run.hscale != 1 ? " hscale " + num(run.hscale * 100) + "%" : std::string()) + " " +
                   quoted(run.text) + "\n";
            out += "   ";
            for (const auto& g : run.glyphs) {
                out += " " + std::to_string(g.id) + "@" + std::to_string(g.cluster) + "+" + num(g.advance);
                // decided on the printed values, so an offset of 1e-12 dumps like 0
                std::string dx = num(g.x_offset), dy = num(g.y_offset);
                if (dx != "0.00" || dy != "0.00") out += "(" + dx + "," + dy + ")";
            }
            out += "\n";
        }
        for (const auto& r : page.rules) {
            out += "  rule " + num(r.x0) + " " + num(r.y0) + " " + num(r.x1) + " " + num(r.y1) + " width " +
                   num(r.thickness) + "\n";
        }
        for (const auto& im : page.images) {
            out += "  image " + num(im.frame.x) + " " + num(im.frame.y) + " " + num(im.frame.width) + " " +
                   num(im.frame.height) + " " + quoted(std::filesystem::path(im.path).filename().string()) + "\n";
        }
        for (const auto& l : page.links) {
            out += "  link " + num(l.area.x) + " " + num(l.area.y) + " " + num(l.area.width) + " " +
                   num(l.area.height) + " " + (l.uri.empty() ? "#" + l.dest : l.uri) + "\n";
        }
    }
    return out;
}

}  // namespace compose::display
