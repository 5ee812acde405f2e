#include <catch2/catch.hpp>

#include "compose/base/diagnostics.h"
#include "compose/base/line_map.h"

using compose::base::LineMap;

TEST_CASE("line map gives 1-based line and code-point column") {
    std::string text = "ab\ncd\n\xC3\x81lvaro x";  // third line starts with Á (two bytes)
    LineMap map("f.xml", text);
    auto p = map.at(0);
    CHECK(p.line == 1);
    CHECK(p.col == 1);
    p = map.at(4);  // 'd'
    CHECK(p.line == 2);
    CHECK(p.col == 2);
    p = map.at(text.find('x'));
    CHECK(p.line == 3);
    CHECK(p.col == 8);  // "Álvaro " is 7 code points
    CHECK(*p.file == "f.xml");
}

TEST_CASE("diagnostics format like a compiler's") {
    compose::base::Diagnostic d{compose::base::Severity::Error,
                                {std::make_shared<const std::string>("r.xml"), 41, 7},
                                "unknown element <finidng>",
                                {"did you mean <finding>?"}};
    CHECK(compose::base::format(d) == "r.xml:41:7: error: unknown element <finidng>; did you mean <finding>?");
}
