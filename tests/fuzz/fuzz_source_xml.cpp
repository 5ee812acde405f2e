// libFuzzer target: a report source (XML text) through the source loader, in the source's own
// language and in Spanish with English standing in, then the people check of `compose check`.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compose/resolve/check_people.h"
#include "compose/source/source.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 256 * 1024) return 0;  // work per input stays small; limits are tested by the corpus
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const auto& options : {source::LoadOptions{}, source::LoadOptions{true, "es", "en"}}) {
        base::Diagnostics diags;
        auto doc = source::load_document_text(fuzz::source_path(), text, options, diags);
        fuzz::check_diagnostics(diags, !doc);
        if (doc) {
            resolve::check_people(*doc, diags);
            fuzz::check_diagnostics(diags, false);
        }
    }
    return 0;
}
