// A program that typesets a report itself, with the engine installed as a library
// (find_package(compose), see CMakeLists.txt): compose's own `render`, in a few lines.
//   embed REPORT.xml OUT.pdf [LANG]
#include <cstdio>
#include <fstream>
#include <iostream>

#include "compose/engine/pdf_backend.h"
#include "compose/engine/typeset.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: embed REPORT.xml OUT.pdf [LANG]\n";
        return 2;
    }
    compose::engine::Options options;
    options.source = argv[1];
    if (argc > 3) options.lang = argv[3];
    options.data_dir = EMBED_DATA_DIR;  // the installed layouts/ and fonts/ (compose_DATA_DIR)

    compose::base::Diagnostics diags;
    compose::engine::PdfBackend pdf;
    const auto pages = compose::engine::typeset(options, diags, pdf);
    for (const auto& d : diags.items()) std::cerr << compose::base::format(d) << '\n';
    if (!pages) return 1;

    std::ofstream out(argv[2], std::ios::binary);
    out.write(pdf.bytes().data(), static_cast<std::streamsize>(pdf.bytes().size()));
    if (!out.flush()) {
        std::cerr << "embed: cannot write " << argv[2] << '\n';
        return 1;
    }
    std::cout << argv[2] << ": " << *pages << " pages\n";
    return 0;
}
