#include "compose/source/xml_file.h"

#include "compose/source/read_file.h"
#include "compose/source/xml_walker.h"
#include "compose/source/xml_wellformed.h"

namespace compose::source {

std::unique_ptr<XmlFile> parse_xml_file(const std::string& path, std::string text, const XmlFileKind& kind,
                                        const base::Limits& limits, base::Diagnostics& diags) {
    if (text.size() > limits.file_size) {
        file_too_long({std::make_shared<const std::string>(path)}, path, limits.file_size, diags);
        return nullptr;
    }
    if (!check_utf8(path, text, diags)) return nullptr;
    auto file = std::make_unique<XmlFile>(path, std::move(text));
    // parse_doctype only to find a DOCTYPE and refuse it: pugixml never reads a DTD
    unsigned flags = pugi::parse_default | pugi::parse_doctype | (kind.keep_whitespace_text ? pugi::parse_ws_pcdata : 0);
    pugi::xml_parse_result result = file->xml.load_buffer(file->text.data(), file->text.size(), flags, pugi::encoding_utf8);
    if (!result) {
        std::string message = std::string("malformed XML: ") + result.description();
        auto rest = std::string_view(file->text).substr(std::min(file->text.size(), static_cast<std::size_t>(result.offset)));
        if (!file->text.empty() && rest.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            message = "malformed XML: the file ends before its elements are closed (is it truncated?)";
        }
        diags.error(file->map.at(static_cast<std::size_t>(result.offset)), message);
        return nullptr;
    }
    XmlWalker walker(file->map, diags);
    for (auto node : file->xml.children()) {
        if (node.type() == pugi::node_doctype) {
            diags.error(walker.pos(node), std::string("a DOCTYPE is not allowed: ") + kind.what +
                                              " never read external DTDs or entities");
            return nullptr;
        }
    }
    if (!check_well_formed(file->text, file->map, diags)) return nullptr;
    if (std::string_view(file->root().name()) != kind.root) {
        walker.unknown_element(file->root(), {kind.root}, "document");
        return nullptr;
    }
    if (!walker.check_tree(file->xml, limits.depth, limits.elements)) return nullptr;
    return file;
}

}  // namespace compose::source
