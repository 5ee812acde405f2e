#include <catch2/catch.hpp>

#include "compose/cli/xlsx_template.h"
#include "compose/source/load_spreadsheet.h"

using namespace compose;

TEST_CASE("the workbook compose new writes is read back by compose's own .xlsx reader, cell for cell") {
    std::vector<std::vector<std::string>> rows = {
        {"name", "organization", "email"},
        {"María López", "Causa en Común & <Insyde>", "maria@example.org"},
        {"  leading and trailing  ", "\"quoted\"", ""},
        {"李小龙", "प्रिया शर्मा", "x@y.org"},
    };
    auto bytes = cli::xlsx_workbook("participants", rows);
    REQUIRE(bytes);
    CHECK(bytes->substr(0, 2) == "PK");
    base::Diagnostics diags;
    base::Limits limits;
    auto table = source::parse_xlsx("t.xlsx", *bytes, "participants", diags, limits);
    INFO([&] { std::string all; for (auto& d : diags.items()) all += base::format(d) + "\n"; return all; }());
    REQUIRE(table);
    CHECK(diags.items().empty());
    CHECK(table->columns == rows[0]);
    REQUIRE(table->rows.size() == 3);
    CHECK(table->rows[0] == rows[1]);
    CHECK(table->rows[1][0] == "  leading and trailing  ");
    CHECK(table->rows[1][1] == "\"quoted\"");
    CHECK(table->rows[2][0] == "李小龙");
    CHECK(table->rows[1][2].empty());

    // past Z: the cell references go on to AA, AB
    std::vector<std::string> header, row;
    for (int c = 0; c < 28; ++c) header.push_back("h" + std::to_string(c)), row.push_back("c" + std::to_string(c));
    bytes = cli::xlsx_workbook("wide", {header, row});
    REQUIRE(bytes);
    table = source::parse_xlsx("w.xlsx", *bytes, "", diags, limits);
    REQUIRE(table);
    CHECK(table->columns == header);
    REQUIRE(table->rows.size() == 1);
    CHECK(table->rows[0] == row);
}

TEST_CASE("the workbook is the same bytes every time") {
    auto a = cli::xlsx_workbook("participants", {{"name", "organization", "email"}});
    auto b = cli::xlsx_workbook("participants", {{"name", "organization", "email"}});
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    auto c = cli::xlsx_workbook("participants", {{"name", "organisation", "email"}});
    REQUIRE(c);
    CHECK(*a != *c);
}
