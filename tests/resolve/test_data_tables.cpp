#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "compose/resolve/resolve.h"
#include "compose/source/source.h"

using namespace compose;

namespace {

namespace fs = std::filesystem;

const resolve::Block& table_of(const resolve::Edition& ed) {
    for (const auto& b : ed.blocks) {
        if (b.kind == resolve::Block::Kind::Table) return b;
    }
    FAIL("no table");
    return ed.blocks.front();
}

resolve::Edition edition(const std::string& table, const std::string& audience = "public") {
    fs::path dir = fs::temp_directory_path() / ("compose-tables-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "p.csv") << "name,organization,email\n"
                                    "Zara Snapp,Global Commission,\n"
                                    "Álvaro Vizcaino,Comisión Nacional,\n"
                                    "Gail Super,UCT,gjs220@nyu.edu gj.super@uct.ac.za\n"
                                    "Ana Dulce,Comisión Nacional,ana@x.org\n";
    std::ofstream(dir / "r.xml") << "<report><meta><title>T</title></meta><data id=\"p\" src=\"p.csv\" key=\"name\"/>"
                                    "<annex id=\"a\"><h>A</h>" + table + "</annex></report>";
    base::Diagnostics diags;
    auto doc = source::load_document((dir / "r.xml").string(), {}, diags);
    fs::remove_all(dir);
    REQUIRE(doc);
    return resolve::resolve(*doc, {"en", audience}, diags);
}

}  // namespace

TEST_CASE("a filter keeps the rows whose fields meet every condition") {
    auto ed = edition("<table data=\"p\" sort=\"name\" filter=\"organization=Comisión Nacional; email!=\">"
                      "<column field=\"name\"/></table>");
    const auto& t = table_of(ed);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].cells[0] == "Ana Dulce");
}

TEST_CASE("grouped rows stand under a heading per value, groups and rows in collation order") {
    auto ed = edition("<table data=\"p\" sort=\"name\" group=\"organization\"><column field=\"name\"/></table>");
    const auto& t = table_of(ed);
    std::vector<std::string> seen;
    for (const auto& r : t.rows) seen.push_back((r.strong ? "# " : "") + r.cells[0]);
    CHECK(seen == std::vector<std::string>{"# Comisión Nacional", "Álvaro Vizcaino", "Ana Dulce", "# Global Commission",
                                           "Zara Snapp", "# UCT", "Gail Super"});
}

TEST_CASE("a field of several values shows one per line, and a redacted column is absent from the public edition") {
    const std::string table = "<table data=\"p\" sort=\"name\"><column field=\"name\"/>"
                              "<column field=\"email\" redact=\"public\" empty=\"***\" separator=\" \"/></table>";
    auto internal = edition(table, "internal");
    const auto& t = table_of(internal);
    REQUIRE(t.column_titles.size() == 2);
    CHECK(t.rows[2].cells[1] == "gjs220@nyu.edu\u2028gj.super@uct.ac.za");
    CHECK(t.rows[0].cells[1] == "***");  // Álvaro has none
    auto pub = edition(table, "public");
    const auto& p = table_of(pub);
    CHECK(p.column_titles.size() == 1);
    for (const auto& r : p.rows) CHECK(r.cells.size() == 1);
}

TEST_CASE("sort takes several fields, spaces around them, a minus for descending") {
    auto ed = edition("<table data=\"p\" sort=\" organization , -name ,\"><column field=\"name\"/></table>");
    const auto& t = table_of(ed);
    std::vector<std::string> seen;
    for (const auto& r : t.rows) seen.push_back(r.cells[0]);
    CHECK(seen == std::vector<std::string>{"Ana Dulce", "Álvaro Vizcaino", "Zara Snapp", "Gail Super"});
}
