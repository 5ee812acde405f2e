#pragma once
// The XMP metadata packet of the catalog's /Metadata stream: the Info dictionary's title,
// author, subject, keywords, creator, producer and dates again, the language, and the
// identification of the standards the file claims (PDF/UA-1; PDF/A-2u with --pdfa).
#include <string>

#include "compose/display/display.h"

namespace compose::render {

struct XmpInfo {
    const display::Metadata* metadata = nullptr;
    std::string creator, producer;  // as in the Info dictionary
    bool pdfua = true;              // pdfuaid:part 1
    bool pdfa = false;              // pdfaid:part 2, conformance U (and the extension schema
                                    // that PDF/A asks for pdfuaid)
};

std::string xmp_packet(const XmpInfo& info);

// Text for XML character data and attribute values (a slash, too, becomes a character reference).
std::string xml_escape(const std::string& text);

}  // namespace compose::render
