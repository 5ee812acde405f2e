#pragma once
// Hyphenation points of words, by language: libhyphen with the Debian dictionaries (hyphen-en-us,
// hyphen-es), the minimum fragment lengths of each language, and a document's own exceptions.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace compose::text {

// How a language is hyphenated: its dictionary (first one found in the dictionary folder) and
// the shortest fragments a word may be cut into, in characters.
struct HyphenationRules {
    std::vector<std::string> dictionaries;  // file names, tried in order
    int left_min = 2;   // characters before the first hyphen (TeX's \lefthyphenmin)
    int right_min = 3;  // characters after the last hyphen (\righthyphenmin)
    std::string package;  // the Debian package that provides the dictionary
};

// The rules for a BCP 47 language tag ("en", "en-GB", "es-MX"), by its primary subtag; nullopt for
// a language compose has no rules for.
std::optional<HyphenationRules> hyphenation_rules(std::string_view lang);

// Where Debian installs the dictionaries.
constexpr const char* kHyphenDictionaryDir = "/usr/share/hyphen";

class Hyphenator {
public:
    explicit Hyphenator(std::string dictionary_dir = kHyphenDictionaryDir);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets into `word` (UTF-8, letters only: the caller cuts punctuation off) after which
    // a hyphen may be inserted, ascending, each leaving at least left_min characters before it
    // and right_min after it. Empty when the language has no dictionary.
    std::vector<std::uint32_t> points(std::string_view word, std::string_view lang);

    // A document's own hyphenation of a word, in TeX's \hyphenation form: "ta-ble" allows a break
    // between "ta" and "ble" and nowhere else; a word with no hyphen is never hyphenated. Matched
    // without regard to case. This is the hook for a per-document exception list.
    void add_exception(std::string_view lang, std::string_view hyphenated);

    // Whether words in `lang` can be hyphenated (its dictionary was found and loaded).
    bool available(std::string_view lang);
    // The dictionary file that would be used for `lang`, or "" (for diagnostics).
    std::string dictionary_path(std::string_view lang) const;

private:
    struct Language;
    Language* language(std::string_view lang);
    std::string dir_;
    std::map<std::string, std::unique_ptr<Language>, std::less<>> languages_;
};

// The primary language subtag, lower-cased: "en-GB" -> "en".
std::string primary_language(std::string_view lang);

}  // namespace compose::text
