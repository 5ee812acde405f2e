#include <catch2/catch.hpp>

#include "compose/resolve/resolve.h"

using compose::resolve::sort_rows;

namespace {
std::vector<std::string> first_column(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r[0]);
    return out;
}
}  // namespace

TEST_CASE("collation sorts accented names among their letters, in English and Spanish alike") {
    for (const char* lang : {"en", "es"}) {
        std::vector<std::vector<std::string>> rows = {{"Zara Snapp"}, {"\u00C1lvaro Vizcaino"}, {"Ana Dulce"},
                                                      {"Alfredo Zavaleta"}, {"\u00C1ngel Alvarado"}, {"Brie O'Keefe"}};
        std::vector<compose::base::SourcePos> pos(rows.size());
        sort_rows(rows, pos, {"name"}, {{"name", false}}, lang);
        INFO("language " << lang);
        CHECK(first_column(rows) == std::vector<std::string>{"Alfredo Zavaleta", "\u00C1lvaro Vizcaino", "Ana Dulce",
                                                            "\u00C1ngel Alvarado", "Brie O'Keefe", "Zara Snapp"});
    }
}

TEST_CASE("several sort fields, descending with a minus") {
    std::vector<std::vector<std::string>> rows = {{"b", "1"}, {"a", "2"}, {"a", "1"}, {"b", "2"}};
    std::vector<compose::base::SourcePos> pos(rows.size());
    for (int i = 0; i < 4; ++i) pos[i].line = i + 2;
    sort_rows(rows, pos, {"k", "n"}, {{"k", false}, {"n", true}}, "en");
    CHECK(rows == std::vector<std::vector<std::string>>{{"a", "2"}, {"a", "1"}, {"b", "2"}, {"b", "1"}});
    CHECK(pos[0].line == 3);  // positions travel with their rows
}

// What the README's "Names in other scripts in the collated annex" says: ICU's order for the
// edition's language (CLDR's), Latin first in an English or Spanish edition, then each script in
// a block of its own in Unicode's script order: Greek, Cyrillic, Hebrew, Arabic, Ethiopic,
// Devanagari, Bengali, Tamil, Thai, Hangul, Japanese kana, Han last; within a block, that
// script's own order. A Russian edition puts Cyrillic first, the rest keeping their order.
TEST_CASE("names in other scripts sort after the Latin ones, a block per script, in Unicode's script order") {
    const std::vector<std::string> names = {
        "\u674E\u5C0F\u9F99",                  // 李小龙 (Han)
        "\u5C71\u7530\u82B1\u5B50",            // 山田花子 (Han, Japanese)
        "\u3084\u307E\u3060",                  // やまだ (Hiragana)
        "\uAE40\uBBFC\uC900",                  // 김민준 (Hangul)
        "\u0E2A\u0E21\u0E0A\u0E32\u0E22",      // สมชาย (Thai)
        "\u0B95\u0BBE\u0BB0\u0BCD\u0BA4\u0BCD\u0BA4\u0BBF\u0B95\u0BCD",  // கார்த்திக் (Tamil)
        "\u09B8\u09C1\u09AE\u09A8",            // সুমন (Bengali)
        "\u092A\u094D\u0930\u093F\u092F\u093E",  // प्रिया (Devanagari)
        "\u12A0\u1260\u1260",                  // አበበ (Ethiopic)
        "\u0645\u062D\u0645\u062F",            // محمد (Arabic)
        "\u05D3\u05D5\u05D3",                  // דוד (Hebrew)
        "\u0418\u0440\u0438\u043D\u0430",      // Ирина (Cyrillic)
        "\u0391\u03BD\u03BD\u03B1",            // Αννα (Greek)
        "Zara Snapp", "\u00C1lvaro Vizcaino", "Ana Dulce"};
    auto sorted = [&](const char* lang) {
        std::vector<std::vector<std::string>> rows;
        for (auto it = names.rbegin(); it != names.rend(); ++it) rows.push_back({*it});
        std::vector<compose::base::SourcePos> pos(rows.size());
        sort_rows(rows, pos, {"name"}, {{"name", false}}, lang);
        return first_column(rows);
    };
    const std::vector<std::string> latin_first = {
        "\u00C1lvaro Vizcaino", "Ana Dulce", "Zara Snapp", "\u0391\u03BD\u03BD\u03B1", "\u0418\u0440\u0438\u043D\u0430",
        "\u05D3\u05D5\u05D3", "\u0645\u062D\u0645\u062F", "\u12A0\u1260\u1260", "\u092A\u094D\u0930\u093F\u092F\u093E",
        "\u09B8\u09C1\u09AE\u09A8", "\u0B95\u0BBE\u0BB0\u0BCD\u0BA4\u0BCD\u0BA4\u0BBF\u0B95\u0BCD",
        "\u0E2A\u0E21\u0E0A\u0E32\u0E22", "\uAE40\uBBFC\uC900", "\u3084\u307E\u3060", "\u5C71\u7530\u82B1\u5B50",
        "\u674E\u5C0F\u9F99"};
    CHECK(sorted("en") == latin_first);
    CHECK(sorted("es") == latin_first);
    auto russian = sorted("ru");
    REQUIRE(russian.size() == names.size());
    CHECK(russian.front() == "\u0418\u0440\u0438\u043D\u0430");  // Cyrillic first in a Russian edition
    CHECK(russian[1] == "\u00C1lvaro Vizcaino");
}
