// page_geometry DUMP.txt LEFT TOP RIGHT BOTTOM
//
// Reads `compose dump --stage pages` output and checks the geometry a typographer checks first:
// every glyph run lies inside the page's frame (the text area given in points from the page's
// edges, widened by a protrusion allowance at the sides and by the running head above and the
// folio below), and no two glyph runs on a page overlap. Exit 0 when all hold, 1 with each
// offence listed, 2 on bad input.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr double kProtrusion = 4;     // punctuation may hang this far into a side margin
constexpr double kFurniture = 48;     // running heads and folios stand this far outside the frame
constexpr double kTouch = 0.05;       // boxes closer than this do not count as overlapping
constexpr double kRounding = 1.0;     // the summed rounding of a line's advances in the dump

struct Run {
    double x0, x1, y0, y1;
    int page;
    std::string text;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: page_geometry DUMP.txt LEFT TOP RIGHT BOTTOM\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "page_geometry: cannot read " << argv[1] << "\n";
        return 2;
    }
    const double left = std::stod(argv[2]), top = std::stod(argv[3]), right = std::stod(argv[4]),
                 bottom = std::stod(argv[5]);
    std::vector<Run> runs;
    double width = 0, height = 0;
    int page = 0;
    std::string line;
    bool expect_glyphs = false;
    Run current{};
    std::size_t problems = 0;
    auto problem = [&](const std::string& what) {
        if (++problems <= 20) std::cerr << what << "\n";
    };
    while (std::getline(in, line)) {
        // items are indented by their nesting in structure tags: read them without it
        const bool glyph_line = expect_glyphs;
        line.erase(0, line.find_first_not_of(' '));
        if (line.rfind("page ", 0) == 0) {
            std::istringstream s(line);
            std::string word;
            s >> word >> page;
            auto at = line.find(" size ");
            std::sscanf(line.c_str() + at, " size %lf %lf", &width, &height);
            continue;
        }
        if (line.rfind("run ", 0) == 0) {
            double size = 0, x = 0, y = 0;
            auto s = line.find(" size ");
            std::sscanf(line.c_str() + s, " size %lf at %lf %lf", &size, &x, &y);
            auto q = line.find('"');
            current = {x, x, y - 0.8 * size, y + 0.25 * size, page, q == std::string::npos ? "" : line.substr(q)};
            expect_glyphs = true;
            continue;
        }
        if (glyph_line) {
            std::istringstream s(line);
            std::string glyph;
            double advance = 0;
            while (s >> glyph) {
                auto plus = glyph.find('+');
                if (plus != std::string::npos) advance += std::stod(glyph.substr(plus + 1));
            }
            current.x1 = current.x0 + advance;
            runs.push_back(current);
            expect_glyphs = false;
            // inside the frame (the text area, the furniture bands above and below it)
            std::string where = "page " + std::to_string(page) + ": run " + current.text;
            if (current.x0 < left - kProtrusion) problem(where + " starts left of the frame");
            if (current.x1 > width - right + kProtrusion) problem(where + " ends right of the frame");
            if (current.y0 < top - kFurniture || current.y1 > height - bottom + kFurniture) {
                problem(where + " lies above or below the frame");
            }
        }
    }
    // no two runs of a page overlap
    for (std::size_t i = 0; i < runs.size(); ++i) {
        for (std::size_t j = i + 1; j < runs.size() && runs[j].page == runs[i].page; ++j) {
            const Run& a = runs[i];
            const Run& b = runs[j];
            // runs on one baseline follow each other: the dump's advances are rounded to 0.01pt,
            // so their sum may run past the next run's start by a little
            bool same_line = std::abs(a.y1 - b.y1) < 0.01 && std::abs(a.y0 - b.y0) < 0.01;
            double slack = same_line ? kRounding : kTouch;
            bool x = a.x0 < b.x1 - slack && b.x0 < a.x1 - slack;
            bool y = a.y0 < b.y1 - kTouch && b.y0 < a.y1 - kTouch;
            if (x && y) problem("page " + std::to_string(a.page) + ": " + a.text + " overlaps " + b.text);
        }
    }
    if (runs.empty()) {
        std::cerr << "page_geometry: no glyph runs in " << argv[1] << "\n";
        return 2;
    }
    if (problems > 0) {
        std::cerr << problems << " problem(s) in " << runs.size() << " runs\n";
        return 1;
    }
    std::cout << runs.size() << " runs inside their frames, none overlapping\n";
    return 0;
}
