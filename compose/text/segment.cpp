#include <map>
#include <memory>
#include <string>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "compose/base/utf8.h"
#include "compose/text/text.h"

namespace compose::text {

std::vector<BreakOpportunity> line_break_opportunities(const std::string& utf8, const std::string& lang) {
    // ICU works in UTF-16: convert while remembering each UTF-16 unit's byte offset (buffers
    // kept from call to call: a long table asks for every cell)
    thread_local std::u16string u16;
    thread_local std::vector<std::uint32_t> byte_at;  // byte offset of each UTF-16 index (plus the end)
    u16.clear();
    byte_at.clear();
    u16.reserve(utf8.size());
    byte_at.reserve(utf8.size() + 1);
    for (std::size_t i = 0; i < utf8.size();) {
        std::uint32_t start = static_cast<std::uint32_t>(i);
        char32_t cp = base::next_code_point(utf8, i);
        if (cp >= 0x10000) {
            u16.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            u16.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            byte_at.push_back(start);
            byte_at.push_back(start);
        } else {
            u16.push_back(static_cast<char16_t>(cp));
            byte_at.push_back(start);
        }
    }
    byte_at.push_back(static_cast<std::uint32_t>(utf8.size()));

    std::vector<BreakOpportunity> out;
    out.reserve(utf8.size() / 4 + 1);  // about a word every few bytes
    UErrorCode status = U_ZERO_ERROR;
    // Opening an ICU break iterator loads and parses its rules (tens of microseconds): keep one
    // per language and only hand it new text. A table of 50,000 rows would otherwise spend most
    // of its time here.
    struct Closer {
        void operator()(UBreakIterator* it) const { ubrk_close(it); }
    };
    thread_local std::map<std::string, std::unique_ptr<UBreakIterator, Closer>> iterators;
    auto& cached = iterators[lang];
    if (!cached) {
        cached.reset(ubrk_open(UBRK_LINE, lang.empty() ? "en" : lang.c_str(), nullptr, 0, &status));
        if (U_FAILURE(status)) {
            cached.reset();
            return out;
        }
    }
    UBreakIterator* it = cached.get();
    ubrk_setText(it, reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()), &status);
    if (U_FAILURE(status)) return out;
    for (int32_t pos = ubrk_first(it); pos != UBRK_DONE; pos = ubrk_next(it)) {
        if (pos == 0 || pos >= static_cast<int32_t>(u16.size())) continue;
        int32_t rule = ubrk_getRuleStatus(it);
        out.push_back({byte_at[static_cast<std::size_t>(pos)], rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT});
    }
    return out;
}

}  // namespace compose::text
