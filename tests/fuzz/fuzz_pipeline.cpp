// libFuzzer target: the whole pipeline from source text to PDF bytes in memory (source, the people
// check, resolve, style, text, para, page, render) through compose::engine::typeset(), with the
// source's own layout. One input in four is set as a parallel edition (the source beside its
// translation).
#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/typeset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 64 * 1024) return 0;  // the seeds are smaller; pages per input are capped as well
    auto options = fuzz::options();
    options.source_text.assign(reinterpret_cast<const char*>(data), size);
    options.parallel = size % 4 == 0;
    base::Diagnostics diags;
    fuzz::typeset(options, diags);
    return 0;
}
