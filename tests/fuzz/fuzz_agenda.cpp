// libFuzzer target: an agenda data file (XML) through the agenda loader, in English and in Spanish
// with English standing in.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compose/source/load_agenda.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 256 * 1024) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const auto& languages : {source::LanguageChoice{"", "en", ""}, source::LanguageChoice{"es", "en", "en"}}) {
        base::Diagnostics diags;
        auto agenda = source::parse_agenda("agenda.xml", text, languages, diags);
        fuzz::check_diagnostics(diags, !agenda);
    }
    return 0;
}
