#include "compose/source/spreadsheet_xml.h"

#include <cstdio>

#include "compose/base/utf8.h"

namespace compose::source {

base::SourcePos XmlPart::pos(const pugi::xml_node& node) const {
    auto offset = node.offset_debug();
    return map->at(offset < 0 ? 0 : static_cast<std::size_t>(offset));
}

std::unique_ptr<XmlPart> read_xml_part(ZipArchive& zip, const std::string& name, base::Diagnostics& diags, bool required) {
    auto bytes = zip.read(name, diags, required);
    if (!bytes) return nullptr;
    auto part = std::make_unique<XmlPart>();
    part->text = std::move(*bytes);
    part->map = std::make_unique<base::LineMap>(zip.file_name() + ":" + name, part->text);
    if (auto bad = base::find_invalid_utf8(part->text)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(part->text[*bad]));
        diags.error(part->map->at(*bad), std::string("invalid UTF-8: byte ") + hex + " does not start a valid sequence",
                    {"spreadsheet programs write their parts as UTF-8: is the file damaged?"});
        return nullptr;
    }
    // parse_doctype only to find a DOCTYPE and refuse it: pugixml never reads a DTD or entity
    unsigned flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata;
    auto result = part->xml.load_buffer(part->text.data(), part->text.size(), flags, pugi::encoding_utf8);
    if (!result) {
        diags.error(part->map->at(static_cast<std::size_t>(result.offset)), std::string("malformed XML: ") + result.description());
        return nullptr;
    }
    for (auto node : part->xml.children()) {
        if (node.type() == pugi::node_doctype) {
            diags.error(part->pos(node), "a DOCTYPE is not allowed: data files never read external DTDs or entities");
            return nullptr;
        }
    }
    if (!part->root()) {
        diags.error(part->map->at(0), "the part has no root element");
        return nullptr;
    }
    return part;
}

std::string_view local_name(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (auto c : node.children()) {
        if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
    }
    return {};
}

const char* attr(const pugi::xml_node& node, std::string_view name) {
    for (auto a : node.attributes()) {
        if (local_name(a.name()) == name) return a.value();
    }
    return "";
}

}  // namespace compose::source
