// compare_pages A.ppm B.ppm MAX_PERCENT [DIFF.ppm]: whether two renderings of one page agree.
//
// Two rasterisers never anti-alias alike (Chromium's Skia and poppler's Splash differ in the grey
// of every glyph edge), so pixels are not compared one by one. Both images are turned to grey and
// blurred with a 3x3 box, which spreads an edge's grey over its neighbours; a pixel then counts as
// differing when the two blurred greys are more than kTolerance apart (of 255). The pages agree when
// the differing pixels are at most MAX_PERCENT of the page. Something missing, moved by a pixel or
// more over a run of text, in another colour or in another size shows as thousands of pixels.
// Prints "WxH differing P% (N pixels), mean |difference| M"; exit status 0 when they agree, 1
// when not, 2 when the images cannot be read or are not the same size (the page geometry differs).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr int kTolerance = 64;

struct Grey {
    int width = 0, height = 0;
    std::vector<float> v;  // 0..255, row by row
    float at(int x, int y) const { return v[static_cast<std::size_t>(y) * width + x]; }
};

// A binary PPM (P6) or PGM (P5) with maxval 255, as pngtopnm and pdftoppm write them.
bool read_pnm(const std::string& path, Grey& out) {
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int maxval = 0;
    in >> magic;
    auto number = [&](int& n) {
        in >> std::ws;
        while (in.peek() == '#') {
            std::string comment;
            std::getline(in, comment);
            in >> std::ws;
        }
        in >> n;
    };
    number(out.width);
    number(out.height);
    number(maxval);
    in.get();
    if (!in || (magic != "P6" && magic != "P5") || maxval != 255 || out.width <= 0 || out.height <= 0) return false;
    const int channels = magic == "P6" ? 3 : 1;
    std::vector<unsigned char> bytes(static_cast<std::size_t>(out.width) * out.height * channels);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!in) return false;
    out.v.resize(static_cast<std::size_t>(out.width) * out.height);
    for (std::size_t i = 0; i < out.v.size(); ++i) {
        if (channels == 1) out.v[i] = bytes[i];
        else out.v[i] = 0.299f * bytes[3 * i] + 0.587f * bytes[3 * i + 1] + 0.114f * bytes[3 * i + 2];
    }
    return true;
}

Grey blur(const Grey& g) {
    Grey out = g;
    for (int y = 0; y < g.height; ++y) {
        for (int x = 0; x < g.width; ++x) {
            float sum = 0;
            int n = 0;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    int xx = x + dx, yy = y + dy;
                    if (xx < 0 || yy < 0 || xx >= g.width || yy >= g.height) continue;
                    sum += g.at(xx, yy);
                    ++n;
                }
            }
            out.v[static_cast<std::size_t>(y) * g.width + x] = sum / n;
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: compare_pages A.ppm B.ppm MAX_PERCENT [DIFF.ppm]\n";
        return 2;
    }
    Grey a, b;
    if (!read_pnm(argv[1], a) || !read_pnm(argv[2], b)) {
        std::cerr << "compare_pages: cannot read " << argv[1] << " or " << argv[2] << " as binary PPM/PGM\n";
        return 2;
    }
    if (a.width != b.width || a.height != b.height) {
        std::cout << "sizes differ: " << a.width << "x" << a.height << " and " << b.width << "x" << b.height << "\n";
        return 2;
    }
    const double max_percent = std::atof(argv[3]);
    Grey ba = blur(a), bb = blur(b);
    std::size_t differing = 0;
    double total = 0;
    std::vector<unsigned char> diff;
    if (argc > 4) diff.resize(ba.v.size() * 3);
    for (std::size_t i = 0; i < ba.v.size(); ++i) {
        float d = std::fabs(ba.v[i] - bb.v[i]);
        total += d;
        bool differs = d > kTolerance;
        differing += differs;
        if (!diff.empty()) {
            // the page faint, the differing pixels red
            auto grey = static_cast<unsigned char>(191 + a.v[i] / 4);
            diff[3 * i] = differs ? 255 : grey;
            diff[3 * i + 1] = differs ? 0 : grey;
            diff[3 * i + 2] = differs ? 0 : grey;
        }
    }
    if (!diff.empty()) {
        std::ofstream out(argv[4], std::ios::binary);
        out << "P6\n" << a.width << " " << a.height << "\n255\n";
        out.write(reinterpret_cast<const char*>(diff.data()), static_cast<std::streamsize>(diff.size()));
    }
    double percent = 100.0 * static_cast<double>(differing) / static_cast<double>(ba.v.size());
    char line[160];
    std::snprintf(line, sizeof line, "%dx%d differing %.3f%% (%zu pixels), mean |difference| %.2f", a.width, a.height,
                  percent, differing, total / static_cast<double>(ba.v.size()));
    std::cout << line << "\n";
    return percent <= max_percent ? 0 : 1;
}
