// Bidirectional text (UAX #9) through ICU's ubidi: the embedding level of every character of a
// paragraph, which the measurer turns into runs of one direction, and rule L2's visual order,
// which the page writer applies to each line.
#include <algorithm>
#include <atomic>
#include <iterator>
#include <string_view>

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/uscript.h>

#include "compose/base/owner.h"
#include "compose/base/utf8.h"
#include "compose/text/text.h"

namespace compose::text {

std::uint8_t paragraph_level(const std::string& lang) {
    // the languages written right to left that a report may be in (ISO 639-1 or -3 primary tag)
    static constexpr std::string_view kRtl[] = {"ar", "he", "iw", "fa", "ur", "yi",
                                                "ps", "sd", "ug", "dv", "ckb", "syr"};
    std::string_view primary = std::string_view(lang).substr(0, lang.find_first_of("-_"));
    return std::find(std::begin(kRtl), std::end(kRtl), primary) != std::end(kRtl) ? 1 : 0;
}

std::vector<std::uint8_t> bidi_levels(const std::string& utf8, std::uint8_t level) {
    std::vector<std::uint8_t> levels(utf8.size(), level);
    // only text with a right-to-left character (or an explicit bidi control) needs the algorithm;
    // none lies below U+0580, whose UTF-8 never has a byte from 0xD6 on (the usual case, quickly)
    bool mixed = level != 0;
    if (!mixed && std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0xD6; })) {
        return levels;
    }
    for (std::size_t i = 0; i < utf8.size() && !mixed;) {
        char32_t cp = base::next_code_point(utf8, i);
        auto dir = u_charDirection(static_cast<UChar32>(cp));
        mixed = dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC || dir == U_ARABIC_NUMBER ||
                (dir >= U_LEFT_TO_RIGHT_EMBEDDING && dir <= U_POP_DIRECTIONAL_FORMAT) ||
                (dir >= U_FIRST_STRONG_ISOLATE && dir <= U_POP_DIRECTIONAL_ISOLATE);
    }
    if (!mixed) return levels;

    std::u16string u16;
    std::vector<std::uint32_t> byte_at;  // byte offset of each UTF-16 unit
    u16.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        auto start = static_cast<std::uint32_t>(i);
        char32_t cp = base::next_code_point(utf8, i);
        if (cp >= 0x10000) {
            u16.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            u16.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            byte_at.push_back(start);
        } else {
            u16.push_back(static_cast<char16_t>(cp));
        }
        byte_at.push_back(start);
    }
    byte_at.push_back(static_cast<std::uint32_t>(utf8.size()));
    UErrorCode err = U_ZERO_ERROR;
    base::Owner<UBiDi, ubidi_close> owner(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err));
    UBiDi* bidi = owner.get();
    if (U_SUCCESS(err)) {
        ubidi_setPara(bidi, reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()),
                      static_cast<UBiDiLevel>(level), nullptr, &err);
    }
    const UBiDiLevel* units = U_SUCCESS(err) ? ubidi_getLevels(bidi, &err) : nullptr;
    if (units && U_SUCCESS(err)) {
        for (std::size_t u = 0; u < u16.size(); ++u) {
            for (auto b = byte_at[u]; b < byte_at[u + 1]; ++b) levels[b] = units[u];
        }
    }
    return levels;
}

std::vector<std::uint32_t> visual_order(const std::vector<std::uint8_t>& levels) {
    std::vector<std::uint32_t> order(levels.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    if (levels.empty()) return order;
    std::uint8_t highest = *std::max_element(levels.begin(), levels.end());
    std::uint8_t lowest_odd = 255;
    for (auto l : levels) {
        if (l & 1) lowest_odd = std::min(lowest_odd, l);
    }
    // L2: from the highest level down to the lowest odd one, reverse every maximal stretch of
    // items at that level or higher
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (std::size_t i = 0; i < order.size();) {
            if (levels[order[i]] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < order.size() && levels[order[j]] >= level) ++j;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return order;
}

std::uint32_t script_tag(char32_t cp) {
    // called for every character of every paragraph: ASCII without ICU, other scripts' tags
    // looked up once each
    if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? static_cast<std::uint32_t>(HB_SCRIPT_LATIN) : 0;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript(static_cast<UChar32>(cp), &err);
    if (U_FAILURE(err) || code == USCRIPT_COMMON || code == USCRIPT_INHERITED || code == USCRIPT_UNKNOWN) return 0;
    static std::atomic<std::uint32_t> tags[USCRIPT_CODE_LIMIT] = {};  // 0: not looked up yet
    if (code < 0 || code >= USCRIPT_CODE_LIMIT) return 0;
    std::uint32_t tag = tags[code].load(std::memory_order_relaxed);
    if (tag == 0) {
        tag = static_cast<std::uint32_t>(hb_script_from_string(uscript_getShortName(code), -1));
        tags[code].store(tag, std::memory_order_relaxed);
    }
    return tag;
}

}  // namespace compose::text
