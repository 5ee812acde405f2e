#pragma once
// Shared checks for reading an XML tree: positions, allowed attributes, unknown elements.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "compose/base/diagnostics.h"
#include "compose/base/line_map.h"

namespace compose::source {

// Which language variant of text to read: a text-bearing element holds either its content
// directly (in the document's language) or one <t xml:lang="…"> per language.
struct LanguageChoice {
    std::string lang;      // the edition's language; empty: the document's
    std::string doc_lang;  // the language of untagged content
    std::string fallback;  // a language to use, marked, when `lang` is missing; empty: missing is an error

    const std::string& wanted() const { return lang.empty() ? doc_lang : lang; }
};

// Whether a language tag serves a wanted one: "es" serves "es" and "es-MX" serves "es".
bool language_matches(const std::string& tag, const std::string& wanted);

class XmlWalker {
public:
    XmlWalker(const base::LineMap& map, base::Diagnostics& diags, LanguageChoice languages = {})
        : map_(map), diags_(diags), languages_(std::move(languages)) {}

    // The node whose children hold `node`'s text in the wanted language: `node` itself or one of
    // its <t> children. A missing variant is an error at `node` (or, with a fallback, a warning
    // and `*fell_back` is set).
    pugi::xml_node variant(const pugi::xml_node& node, bool* fell_back = nullptr);
    const LanguageChoice& languages() const { return languages_; }

    // Position of an element's '<', or of a text node's first character.
    base::SourcePos pos(const pugi::xml_node& node) const;
    // Position of an element's attribute `name` (its name's first character); the element's
    // position when the attribute is absent.
    base::SourcePos attribute_pos(const pugi::xml_node& node, const char* name) const;

    // Where an attribute of an element is written: its name's first character, and the position
    // just after its value's closing quote (the range a diagnostic about it underlines). The
    // element's position and no end when it cannot be found (no such attribute).
    std::pair<base::SourcePos, base::SourcePos> attribute_span(const pugi::xml_node& node, std::string_view name) const;

    // A diagnostic about an attribute, at it and underlining it.
    void attribute_error(const pugi::xml_node& node, std::string_view name, std::string message,
                         std::vector<std::string> hints = {});

    // Reports attributes not in `allowed` (with a suggestion) and missing `required` ones.
    void check_attributes(const pugi::xml_node& node, std::initializer_list<std::string_view> allowed,
                          std::initializer_list<std::string_view> required = {});

    // Reports an element that is not allowed where it stands, suggesting the closest allowed name.
    void unknown_element(const pugi::xml_node& node, const std::vector<std::string>& allowed, std::string_view parent);

    // Reports the first element nested more than `max_depth` deep (the depth limit), or the first
    // beyond `max_elements` (the elements limit), and returns false: the readers recurse into
    // inline content and build a model node per element, so this runs before any of them.
    bool check_tree(const pugi::xml_node& document, std::uint64_t max_depth, std::uint64_t max_elements);

    // Non-whitespace text where only elements may stand.
    void stray_text(const pugi::xml_node& node, std::string_view parent);

    // The element's text content with whitespace collapsed (for simple fields such as <title>),
    // in the wanted language; names (`localized` false) may be the same in every language: they
    // are read as they stand unless they hold <t> variants.
    std::string simple_text(const pugi::xml_node& node, bool localized = true);

    base::Diagnostics& diags() { return diags_; }
    const base::LineMap& map() const { return map_; }

private:
    // A chosen variant marked with from= whose source-language text has changed since: a warning.
    void check_translation_current(const pugi::xml_node& chosen, const std::vector<pugi::xml_node>& variants);

    const base::LineMap& map_;
    base::Diagnostics& diags_;
    LanguageChoice languages_;
};

// What a translation records it was made from (<t xml:lang="es" from="…">): 8 hex digits of a
// hash (FNV-1a, 32 bits) of the source-language variant's text, every character datum at any
// depth with whitespace collapsed, and the attributes of the elements inside (a <ref>'s target,
// a <link>'s address) — so reflowing the XML changes nothing, and any edit of the words does.
std::string translation_hash(const pugi::xml_node& variant);

// The bytes of text (character data) inside `node`, at any depth.
std::uint64_t text_bytes(const pugi::xml_node& node);

// Collapses runs of XML whitespace to one space.
std::string collapse_space(std::string_view s);

}  // namespace compose::source
