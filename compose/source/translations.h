#pragma once
// compose translations --mark-current: each translated variant records the source-language text
// it was made from (<t xml:lang="es" from="3f2a9c1e">), so that check can tell when that text
// changes afterwards (XmlWalker warns).
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"

namespace compose::source {

struct MarkedTranslations {
    std::string text;         // the file's text with every translation marked
    std::size_t translations = 0;  // variants beside a source-language variant
    std::size_t changed = 0;       // of them, marks added or brought up to date
};

// Marks every <t> of `text` (the XML file `path`) that stands beside a <t> in `lang` with that
// variant's translation_hash(). Only the <t> start tags change (rewritten as <t xml:lang="…"
// from="…">, their other attributes kept in order): the rest of the file stays byte for byte.
// nullopt, with a diagnostic, when the text is not well-formed XML.
std::optional<MarkedTranslations> mark_translations(const std::string& path, const std::string& text,
                                                    const std::string& lang, base::Diagnostics& diags);

}  // namespace compose::source
