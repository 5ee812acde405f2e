#pragma once
// The bundled fonts, scanned once per test binary: the text stage's real input.
#include <catch2/catch.hpp>

#include "compose/text/font_set.h"

namespace compose::test {

inline text::FontSet& bundled_fonts() {
    static text::FontSet* fonts = [] {
        auto* f = new text::FontSet;
        base::Diagnostics diags;
        f->scan(COMPOSE_SOURCE_DIR "/fonts", diags);
        if (diags.has_errors() || f->size() == 0) FAIL("cannot read the bundled fonts in " COMPOSE_SOURCE_DIR "/fonts");
        return f;
    }();
    return *fonts;
}

inline text::FaceId face(const std::string& family, bool bold = false, bool italic = false) {
    auto id = bundled_fonts().find(family, bold, italic);
    if (!id) FAIL("the bundled fonts have no " << family);
    const auto& info = bundled_fonts().info(*id);
    if (info.bold != bold || info.italic != italic) FAIL("no exact style for " << family);
    return *id;
}

}  // namespace compose::test
