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
