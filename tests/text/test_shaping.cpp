// HarfBuzz shaping over the bundled Noto fonts: ligatures, kerning, accents, the shape cache.
#include <catch2/catch.hpp>

#include <numeric>
#include <string>

#include "fonts.h"
#include "compose/text/shaper.h"

namespace {

using compose::base::Diagnostics;
using compose::test::bundled_fonts;
using compose::test::face;
using compose::text::ShapedGlyph;
using compose::text::Shaper;

std::int32_t total_advance(const std::vector<ShapedGlyph>& glyphs) {
    std::int32_t sum = 0;
    for (const auto& g : glyphs) sum += g.advance;
    return sum;
}

std::string describe(const std::vector<ShapedGlyph>& glyphs) {
    std::string out;
    for (const auto& g : glyphs) out += std::to_string(g.id) + "@" + std::to_string(g.cluster) + "+" + std::to_string(g.advance) + " ";
    return out;
}

}  // namespace

TEST_CASE("the bundled fonts are found by family and style") {
    auto& fonts = bundled_fonts();
    for (const char* family : {"Noto Serif", "Noto Sans"}) {
        for (bool bold : {false, true}) {
            for (bool italic : {false, true}) {
                INFO(family << " bold=" << bold << " italic=" << italic);
                auto id = fonts.find(family, bold, italic);
                REQUIRE(id);
                CHECK(fonts.info(*id).bold == bold);
                CHECK(fonts.info(*id).italic == italic);
            }
        }
    }
    CHECK(fonts.info(face("Noto Serif")).postscript_name == "NotoSerif-Regular");
    CHECK_FALSE(fonts.find("Comic Sans", false, false));
}

TEST_CASE("'office' shapes to fewer glyphs than letters, through the ffi ligature") {
    Diagnostics diags;
    Shaper shaper(bundled_fonts());
    const std::string word = "office";
    auto glyphs = shaper.shape(face("Noto Serif"), "en", word, diags);
    INFO(describe(glyphs));
    CHECK(diags.items().empty());
    REQUIRE(glyphs.size() == 4);  // o, ffi, c, e
    CHECK(glyphs.size() < word.size());
    // the cluster map covers every byte: clusters start at 0, rise, and stay inside the text
    CHECK(glyphs.front().cluster == 0);
    for (std::size_t i = 1; i < glyphs.size(); ++i) CHECK(glyphs[i].cluster > glyphs[i - 1].cluster);
    CHECK(glyphs.back().cluster < word.size());
    // the ligature glyph stands for "ffi", bytes [1, 4)
    CHECK(glyphs[1].cluster == 1);
    CHECK(glyphs[2].cluster == 4);
    // and is a glyph of its own, not the f's
    auto f = shaper.shape(face("Noto Serif"), "en", "f", diags);
    REQUIRE(f.size() == 1);
    CHECK(glyphs[1].id != f[0].id);
}

TEST_CASE("'first' uses the fi ligature in both families") {
    Diagnostics diags;
    Shaper shaper(bundled_fonts());
    for (const char* family : {"Noto Serif", "Noto Sans"}) {
        INFO(family);
        auto glyphs = shaper.shape(face(family), "en", "first", diags);
        INFO(describe(glyphs));
        REQUIRE(glyphs.size() == 4);
        CHECK(glyphs[0].cluster == 0);
        CHECK(glyphs[1].cluster == 2);
    }
}

TEST_CASE("kerning: 'AV' is narrower than 'A' and 'V' set apart") {
    Diagnostics diags;
    Shaper shaper(bundled_fonts());
    auto id = face("Noto Serif");
    auto pair = shaper.shape(id, "en", "AV", diags);
    auto a = shaper.shape(id, "en", "A", diags);
    auto v = shaper.shape(id, "en", "V", diags);
    REQUIRE(pair.size() == 2);
    REQUIRE(a.size() == 1);
    REQUIRE(v.size() == 1);
    CHECK(pair[0].id == a[0].id);
    CHECK(pair[1].id == v[0].id);
    INFO(describe(pair) << "| " << describe(a) << describe(v));
    CHECK(total_advance(pair) < total_advance(a) + total_advance(v));
    // a pair with no kerning keeps the sum
    auto xx = shaper.shape(id, "en", "xx", diags);
    auto x = shaper.shape(id, "en", "x", diags);
    CHECK(total_advance(xx) == 2 * total_advance(x));
}

TEST_CASE("an accented letter is one glyph, precomposed or not") {
    Diagnostics diags;
    Shaper shaper(bundled_fonts());
    auto id = face("Noto Serif");
    auto composed = shaper.shape(id, "es", "\u00C1lvaro", diags);     // Á as one code point
    auto decomposed = shaper.shape(id, "es", "A\u0301lvaro", diags);  // A + combining acute
    INFO(describe(composed) << "| " << describe(decomposed));
    REQUIRE(composed.size() == 6);
    REQUIRE(decomposed.size() == 6);
    CHECK(composed[0].id == decomposed[0].id);
    CHECK(decomposed[1].cluster == 3);  // "A" + U+0301 are three bytes, one cluster
    auto plain_a = shaper.shape(id, "es", "A", diags);
    CHECK(composed[0].id != plain_a[0].id);
    for (const char* word : {"Monárrez", "São", "Nicolás", "Salomé", "Ángel"}) {
        INFO(word);
        auto g = shaper.shape(id, "es", word, diags);
        std::size_t letters = 0;
        for (std::size_t i = 0; i < std::char_traits<char>::length(word); ++i) {
            if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) ++letters;
        }
        CHECK(g.size() == letters);
        for (const auto& glyph : g) CHECK(glyph.id != 0);  // no .notdef
    }
    CHECK(diags.items().empty());
}

TEST_CASE("the shape cache returns the same glyphs and counts its hits") {
    Diagnostics diags;
    Shaper shaper(bundled_fonts());
    auto id = face("Noto Serif");
    const auto& first = shaper.shape(id, "en", "security", diags);
    CHECK(shaper.cache_size() == 1);
    CHECK(shaper.cache_hits() == 0);
    const auto& again = shaper.shape(id, "en", "security", diags);
    CHECK(shaper.cache_hits() == 1);
    CHECK(&first == &again);
    shaper.shape(face("Noto Serif", true), "en", "security", diags);  // another face: a new entry
    shaper.shape(id, "es", "security", diags);                        // another language: a new entry
    CHECK(shaper.cache_size() == 3);
    CHECK(shaper.cache_hits() == 1);
}
