// libFuzzer target: a layout file (XML) through the layout loader, as if it were
// layouts/fuzz.xml (so extends="a4" reads the bundled a4), then, when it loads, a small fixed
// report (tests/fuzz/data/layout-sample.xml, every required style) set with it into a PDF: a
// layout the loader accepts must never make the page builder crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compose/source/source.h"
#include "tests/fuzz/typeset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 64 * 1024) return 0;
    static const model::Document sample = [] {
        base::Diagnostics diags;
        auto doc = source::load_document(fuzz::project_dir() + "/tests/fuzz/data/layout-sample.xml", {}, diags);
        if (!doc) fuzz::fail("tests/fuzz/data/layout-sample.xml does not load");
        return std::move(*doc);
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    base::Diagnostics diags;
    auto layout = style::load_layout_text(fuzz::project_dir() + "/layouts/fuzz.xml", text, diags);
    fuzz::check_diagnostics(diags, !layout);
    if (!layout) return 0;
    fuzz::typeset(sample, nullptr, *layout, diags);
    fuzz::check_diagnostics(diags, false);
    return 0;
}
