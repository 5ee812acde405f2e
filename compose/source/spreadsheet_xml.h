#pragma once
// The XML parts of .xlsx and .ods files, read from their zip with the checks every XML file
// compose reads goes through: UTF-8, well-formed, no DOCTYPE (so no DTD and no entity is ever
// read), text gathered no deeper than the depth limit. Names are compared without their
// namespace prefix ("x:c" is "c"), as writers differ in prefixes.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/base/line_map.h"
#include "compose/source/zip_reader.h"

namespace compose::source {

struct XmlPart {
    std::string text;  // what `map` and `xml` point into
    std::unique_ptr<base::LineMap> map;
    pugi::xml_document xml;

    // "participants.xlsx:xl/worksheets/sheet1.xml:3:45"
    base::SourcePos pos(const pugi::xml_node& node) const;
    pugi::xml_node root() const { return xml.document_element(); }
};

// nullptr when the part is missing (an error only if `required`) or fails a check (an error).
std::unique_ptr<XmlPart> read_xml_part(ZipArchive& zip, const std::string& part, base::Diagnostics& diags,
                                       bool required = true);

// "c" for "x:c" and "c"
std::string_view local_name(const char* name);
// The first child element whose local name is `name`.
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);
// The value of the attribute whose local name is `name` ("r:id" for "id"), or "".
const char* attr(const pugi::xml_node& node, std::string_view name);

// The text inside `node`: each element is first given to `enter(local name, node, out)`, which
// may add to `out` and returns whether to go inside it; each text node to `text(value, out)`.
// Walks without recursion; nullopt, with an error at the element, below `max_depth` levels.
template <class Enter, class Text>
std::optional<std::string> gather_text(const XmlPart& part, const pugi::xml_node& node, std::uint64_t max_depth,
                                       base::Diagnostics& diags, Enter enter, Text text);

}  // namespace compose::source

#include "compose/source/spreadsheet_xml_impl.h"
