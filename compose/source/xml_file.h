#pragma once
// The checks every XML file compose reads goes through before any reader looks at it — sources,
// agendas and layouts alike: within the file-size limit, UTF-8, well-formed, no DOCTYPE (no DTD or
// entity is ever read), the expected root element, nested within the depth and elements limits.
#include <memory>
#include <string>

#include <pugixml.hpp>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/base/line_map.h"

namespace compose::source {

struct XmlFile {
    std::string text;  // what `map` points into
    base::LineMap map;
    pugi::xml_document xml;

    XmlFile(const std::string& path, std::string bytes) : text(std::move(bytes)), map(path, text) {}
    pugi::xml_node root() const { return xml.document_element(); }
};

struct XmlFileKind {
    const char* root;  // the root element's name: "report", "agenda", "layout"
    const char* what;  // the files, in the DOCTYPE error: "sources", "data files", "layouts"
    bool keep_whitespace_text = true;  // "<em>a</em> <em>b</em>" keeps its space (not in layouts)
};

// nullptr (with the diagnostic) when a check fails.
std::unique_ptr<XmlFile> parse_xml_file(const std::string& path, std::string text, const XmlFileKind& kind,
                                        const base::Limits& limits, base::Diagnostics& diags);

}  // namespace compose::source
