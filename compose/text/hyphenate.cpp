#include "compose/text/hyphenate.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <hyphen.h>
#include <unicode/uchar.h>

#include "compose/base/utf8.h"

namespace compose::text {
namespace {

// libhyphen works on words of at most this many bytes; longer "words" are not hyphenated.
constexpr std::size_t kMaxWordBytes = 100;

}  // namespace

std::string primary_language(std::string_view lang) {
    std::string out;
    for (char c : lang) {
        if (c == '-' || c == '_') break;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

std::optional<HyphenationRules> hyphenation_rules(std::string_view lang) {
    std::string primary = primary_language(lang);
    // English: TeX's \lefthyphenmin=2, \righthyphenmin=3 (also the values in hyph_en_US.dic).
    if (primary == "en") return HyphenationRules{{"hyph_en_US.dic", "hyph_en.dic"}, 2, 3, "hyphen-en-us"};
    // Spanish: 2 and 2, as the Spanish patterns (and the RAE's syllable rules) expect.
    if (primary == "es") {
        return HyphenationRules{{"hyph_es.dic", "hyph_es_ES.dic", "hyph_es_MX.dic"}, 2, 2, "hyphen-es"};
    }
    return std::nullopt;
}

struct Hyphenator::Language {
    HyphenationRules rules;
    HyphenDict* dict = nullptr;
    std::string path;
    std::unordered_map<std::string, std::vector<std::uint32_t>> exceptions;  // lower-case word -> points
    std::unordered_map<std::string, std::vector<std::uint32_t>> cache;       // lower-case word -> points
    ~Language() {
        if (dict) hnj_hyphen_free(dict);
    }
};

Hyphenator::Hyphenator(std::string dictionary_dir) : dir_(std::move(dictionary_dir)) {}
Hyphenator::~Hyphenator() = default;

std::string Hyphenator::dictionary_path(std::string_view lang) const {
    auto rules = hyphenation_rules(lang);
    if (!rules) return {};
    for (const auto& name : rules->dictionaries) {
        auto path = std::filesystem::path(dir_) / name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return path.string();
    }
    return {};
}

Hyphenator::Language* Hyphenator::language(std::string_view lang) {
    std::string key = primary_language(lang);
    auto it = languages_.find(key);
    if (it != languages_.end()) return it->second.get();
    auto rules = hyphenation_rules(key);
    if (!rules) return nullptr;
    auto entry = std::make_unique<Language>();
    entry->rules = *rules;
    entry->path = dictionary_path(key);
    if (!entry->path.empty()) entry->dict = hnj_hyphen_load(entry->path.c_str());
    Language* result = entry.get();
    languages_.emplace(key, std::move(entry));
    return result;
}

bool Hyphenator::available(std::string_view lang) {
    Language* l = language(lang);
    return l && l->dict;
}

namespace {

// The word in lower case, code point for code point (simple case mapping keeps the count of
// code points, so positions map back), with the byte offset in `word` where each code point ends.
std::string lower_case(std::string_view word, std::vector<std::uint32_t>& ends_in_word,
                       std::vector<std::uint32_t>& ends_in_lower) {
    std::string lower;
    for (std::size_t i = 0; i < word.size();) {
        char32_t cp = base::next_code_point(word, i);
        base::append_utf8(lower, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
        ends_in_word.push_back(static_cast<std::uint32_t>(i));
        ends_in_lower.push_back(static_cast<std::uint32_t>(lower.size()));
    }
    return lower;
}

}  // namespace

void Hyphenator::add_exception(std::string_view lang, std::string_view hyphenated) {
    std::string key = primary_language(lang);
    Language* l = language(key);
    if (!l) {  // a language without patterns may still have exceptions
        auto entry = std::make_unique<Language>();
        l = entry.get();
        languages_[key] = std::move(entry);
    }
    std::string word;
    std::vector<std::uint32_t> points;  // in code points before the hyphen
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < hyphenated.size();) {
        char32_t cp = base::next_code_point(hyphenated, i);
        if (cp == '-') {
            if (count > 0) points.push_back(count);
            continue;
        }
        base::append_utf8(word, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
        ++count;
    }
    // stored as byte offsets into the lower-case word
    std::vector<std::uint32_t> ends_word, ends_lower;
    std::string lower = lower_case(word, ends_word, ends_lower);
    std::vector<std::uint32_t> bytes;
    for (auto p : points) {
        if (p < count) bytes.push_back(ends_lower[p - 1]);
    }
    l->exceptions[lower] = std::move(bytes);
}

std::vector<std::uint32_t> Hyphenator::points(std::string_view word, std::string_view lang) {
    Language* l = language(lang);
    if (!l || word.empty() || word.size() > kMaxWordBytes) return {};
    std::vector<std::uint32_t> ends_word, ends_lower;
    std::string lower = lower_case(word, ends_word, ends_lower);

    // points as byte offsets into `lower`
    std::vector<std::uint32_t> in_lower;
    if (auto ex = l->exceptions.find(lower); ex != l->exceptions.end()) {
        in_lower = ex->second;
    } else if (auto hit = l->cache.find(lower); hit != l->cache.end()) {
        in_lower = hit->second;
    } else if (l->dict) {
        std::vector<char> hyphens(lower.size() + 5, '0');
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        hnj_hyphen_hyphenate3(l->dict, lower.data(), static_cast<int>(lower.size()), hyphens.data(), nullptr, &rep,
                              &pos, &cut, l->rules.left_min, l->rules.right_min, l->rules.left_min,
                              l->rules.right_min);
        // For a UTF-8 dictionary libhyphen gives one entry per character (not per byte): an odd
        // entry i allows a hyphen after character i.
        std::size_t count = l->dict->utf8 ? ends_lower.size() : lower.size();
        for (std::size_t i = 0; i + 1 < count; ++i) {
            if ((hyphens[i] - '0') % 2 == 0) continue;
            if (rep && rep[i]) continue;  // non-standard hyphenation (a spelling change): not used
            in_lower.push_back(l->dict->utf8 ? ends_lower[i] : static_cast<std::uint32_t>(i + 1));
        }
        if (rep) {
            for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
            std::free(rep);
        }
        std::free(pos);
        std::free(cut);
        l->cache.emplace(lower, in_lower);
    }

    // back to byte offsets into `word`, with the minimum fragment lengths (in characters)
    std::vector<std::uint32_t> out;
    std::size_t chars = ends_lower.size();
    for (auto p : in_lower) {
        auto k = std::find(ends_lower.begin(), ends_lower.end(), p);
        if (k == ends_lower.end()) continue;  // not at a character boundary
        std::size_t before = static_cast<std::size_t>(k - ends_lower.begin()) + 1;
        bool exception = l->exceptions.count(lower) > 0;
        if (!exception && (before < static_cast<std::size_t>(l->rules.left_min) ||
                           chars - before < static_cast<std::size_t>(l->rules.right_min))) {
            continue;
        }
        if (before >= chars) continue;
        out.push_back(ends_word[before - 1]);
    }
    return out;
}

}  // namespace compose::text
