// libFuzzer target: the whole pipeline from source text to PDF bytes in memory (source, resolve,
// style, text, para, page, render), with the source's own layout when it names a bundled one.
// One input in four is set as a parallel edition (the source beside its translation).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "compose/source/source.h"
#include "tests/fuzz/typeset.h"

namespace {

// The bundled layouts, each loaded once.
const compose::style::Layout* bundled_layout(const std::string& name) {
    static std::map<std::string, compose::style::Layout> layouts;
    if (name != "a4" && name != "dialogues") return nullptr;
    auto it = layouts.find(name);
    if (it == layouts.end()) {
        compose::base::Diagnostics diags;
        auto layout = compose::style::load_layout(compose::fuzz::project_dir() + "/layouts/" + name + ".xml", diags);
        if (!layout) compose::fuzz::fail("the bundled layout " + name + " does not load");
        it = layouts.emplace(name, std::move(*layout)).first;
    }
    return &it->second;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 64 * 1024) return 0;  // the seeds are smaller; pages per input are capped as well
    const std::string text(reinterpret_cast<const char*>(data), size);
    // --draft: a missing image is a placeholder, so more inputs reach the later stages
    source::LoadOptions options{true, "", ""};
    base::Diagnostics diags;
    auto doc = source::load_document_text(fuzz::source_path(), text, options, diags);
    fuzz::check_diagnostics(diags, !doc);
    if (!doc) return 0;
    const style::Layout* layout = bundled_layout(doc->layout.empty() ? "a4" : doc->layout);
    if (!layout) return 0;  // an unknown layout is the command's error, not a stage's
    if (size % 4 == 0) {
        source::LoadOptions other{true, doc->lang.rfind("es", 0) == 0 ? "en" : "es", doc->lang};
        auto second = source::load_document_text(fuzz::source_path(), text, other, diags);
        fuzz::check_diagnostics(diags, !second);
        if (!second) return 0;
        fuzz::typeset(*doc, &*second, *layout, diags);
    } else {
        fuzz::typeset(*doc, nullptr, *layout, diags);
    }
    fuzz::check_diagnostics(diags, false);
    return 0;
}
