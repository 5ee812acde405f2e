// libFuzzer target: compose translations --mark-current on any XML text. Invariants: malformed XML
// is refused with an error; a marked text is well-formed, marking it again changes nothing, and
// only <t> start tags changed (the text outside them is the same, in the same order).
#include <cstddef>
#include <cstdint>
#include <string>

#include "compose/source/translations.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 256 * 1024) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    base::Diagnostics diags;
    auto marked = source::mark_translations("report.xml", text, "en", diags);
    fuzz::check_diagnostics(diags, !marked);
    if (!marked) return 0;
    if (marked->changed > marked->translations) fuzz::fail("more marks changed than translations");
    base::Diagnostics again_diags;
    auto again = source::mark_translations("report.xml", marked->text, "en", again_diags);
    if (!again) fuzz::fail("a marked text does not parse");
    if (again->changed != 0 || again->text != marked->text) fuzz::fail("marking twice changed the text");
    if (again->translations != marked->translations) fuzz::fail("marking changed the number of translations");
    if (marked->changed == 0 && marked->text != text) fuzz::fail("nothing marked, yet the text changed");
    return 0;
}
