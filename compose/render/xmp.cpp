#include "compose/render/xmp.h"

#include <cstdio>

#include "compose/base/dates.h"
#include "compose/base/utf8.h"

namespace compose::render {

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char c : base::xml_escaped(text)) {
        // a slash as a character reference: the XMP is the one place a text of the source is in the
        // file's bytes as it is, and "/JavaScript" or "/Launch" in a title must not read as PDF
        // syntax to scanners that search the bytes (antivirus, our fuzz invariants); the entities
        // xml_escaped writes hold no slash
        if (c == '/') out += "&#47;";
        // control characters are not allowed in XML 1.0 (a tab, a newline are)
        else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') out += ' ';
        else out += c;
    }
    return out;
}

std::string xmp_packet(const XmpInfo& info) {
    const display::Metadata& m = *info.metadata;
    const std::string lang = m.lang.empty() ? "x-default" : m.lang;
    std::string x;
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "  <rdf:Description rdf:about=\"\"\n";
    x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
    x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
    x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";
    if (info.pdfua) x += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
    if (info.pdfa) x += "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
    x += ">\n";
    x += "   <dc:format>application/pdf</dc:format>\n";
    if (!m.title.empty()) {
        x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.title) +
             "</rdf:li></rdf:Alt></dc:title>\n";
    }
    if (!m.author.empty()) x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!m.subject.empty()) {
        x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    }
    if (!m.lang.empty()) x += "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(lang) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!m.keywords.empty()) x += "   <pdf:Keywords>" + xml_escape(m.keywords) + "</pdf:Keywords>\n";
    x += "   <pdf:Producer>" + xml_escape(info.producer) + "</pdf:Producer>\n";
    x += "   <xmp:CreatorTool>" + xml_escape(info.creator) + "</xmp:CreatorTool>\n";
    if (m.date) {  // the Info dictionary's, never the clock
        base::UtcTime t = base::utc_time_of(*m.date);
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute,
                      t.second);
        x += std::string("   <xmp:CreateDate>") + date + "</xmp:CreateDate>\n";
        x += std::string("   <xmp:ModifyDate>") + date + "</xmp:ModifyDate>\n";
        x += std::string("   <xmp:MetadataDate>") + date + "</xmp:MetadataDate>\n";
    }
    if (info.pdfua) x += "   <pdfuaid:part>1</pdfuaid:part>\n";
    if (info.pdfa) {
        x += "   <pdfaid:part>2</pdfaid:part>\n";
        x += "   <pdfaid:conformance>U</pdfaid:conformance>\n";
    }
    x += "  </rdf:Description>\n";
    if (info.pdfa && info.pdfua) {
        // PDF/A allows only the schemas it names or describes in the file: pdfuaid's description
        x += "  <rdf:Description rdf:about=\"\"\n"
             "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
             "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
             "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
             "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
             "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
             "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
             "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
             "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
             "     <pdfaProperty:name>part</pdfaProperty:name>\n"
             "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
             "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
             "     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
             "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
             "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
             "  </rdf:Description>\n";
    }
    x += " </rdf:RDF>\n";
    x += "</x:xmpmeta>\n";
    x += "<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace compose::render
