// libFuzzer target: a layout file (XML) through the layout loader, as if it were
// layouts/fuzz.xml (so extends="a4" reads the bundled a4), and, when it loads, a small fixed
// report (tests/fuzz/data/layout-sample.xml, every required style) set with it into a PDF through
// compose::engine::typeset(): a layout the loader accepts must never make the page builder crash
// or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/typeset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 64 * 1024) return 0;
    auto options = fuzz::options();
    options.source = fuzz::project_dir() + "/tests/fuzz/data/layout-sample.xml";
    options.draft = false;
    options.layout = "fuzz";
    options.layout_text.assign(reinterpret_cast<const char*>(data), size);
    if (options.layout_text.empty()) return 0;  // empty: the file would be read instead
    base::Diagnostics diags;
    fuzz::typeset(options, diags);
    return 0;
}
