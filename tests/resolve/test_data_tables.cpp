#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>

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

// The source's diagnostics (one per line, formatted) and, when it loads, the model.
std::optional<model::Document> load(const std::string& table, std::string* diagnostics = nullptr) {
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
    if (diagnostics) {
        for (const auto& d : diags.items()) *diagnostics += base::format(d).substr(base::format(d).find("r.xml:")) + "\n";
    }
    return doc;
}

resolve::Edition edition(const std::string& table, const std::string& audience = "public") {
    auto doc = load(table);
    REQUIRE(doc);
    base::Diagnostics diags;
    return resolve::resolve(*doc, {"en", audience}, diags);
}

// Every text a table of the edition holds, in order: titles, group headings, cells.
std::string all_text(const resolve::Edition& ed) {
    std::string out;
    for (const auto& b : ed.blocks) {
        for (const auto& t : b.column_titles) out += t + "|";
        for (const auto& r : b.rows) {
            for (const auto& c : r.cells) out += c + "|";
            out += "\n";
        }
    }
    return out;
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

// The participants' emails are withheld from the public edition (redact="public"). Every table
// attribute that could carry them there is refused at the attribute (the report is one line: the
// table starts at 1:97).
TEST_CASE("no table attribute can carry a redacted field into the public edition") {
    const std::string email = "<column field=\"email\" redact=\"public\"/>";
    struct Case {
        std::string what, table, expected;
    };
    const std::vector<Case> cases = {
        {"group", "<table data=\"p\" group=\"email\"><column field=\"name\"/>" + email + "</table>",
         "r.xml:1:113: error: 'email' of 'p' is withheld from the public edition (redact=\"public\" at 1:171): "
         "grouping by it would print its values as headings\n"},
        {"sort", "<table data=\"p\" sort=\"name, -email\"><column field=\"name\"/>" + email + "</table>",
         "r.xml:1:113: error: 'email' of 'p' is withheld from the public edition (redact=\"public\" at 1:177): "
         "sorting by it would give its values away by the rows' order\n"},
        {"filter", "<table data=\"p\" filter=\"email~nyu\"><column field=\"name\"/>" + email + "</table>",
         "r.xml:1:113: error: 'email' of 'p' is withheld from the public edition (redact=\"public\" at 1:176): "
         "filtering by it would give its values away by the rows kept\n"},
        {"a second column", "<table data=\"p\"><column field=\"name\"/>" + email + "<column field=\"email\"/></table>",
         "r.xml:1:174: error: 'email' of 'p' is withheld from the public edition (redact=\"public\" at 1:157), "
         "but this column shows it; mark this column redact=\"public\" as well, or leave it out\n"},
        {"another table", "<table data=\"p\"><column field=\"name\"/>" + email + "</table>"
                          "<table data=\"p\"><column field=\"email\" title=\"Contact\"/></table>",
         "r.xml:1:198: error: 'email' of 'p' is withheld from the public edition (redact=\"public\" at 1:157), "
         "but this column shows it; mark this column redact=\"public\" as well, or leave it out\n"},
        {"an audience that does not exist", "<table data=\"p\"><column field=\"email\" redact=\"internal\"/></table>",
         "r.xml:1:135: error: redact=\"internal\": a column can only be withheld from the public edition (redact=\"public\")\n"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        std::string diagnostics;
        auto doc = load(c.table, &diagnostics);
        CHECK_FALSE(doc);
        CHECK(diagnostics == c.expected);
    }
}

TEST_CASE("a redacted field is emptied before filtering, sorting and grouping, whatever the model asks") {
    // the source refuses these tables; resolve must still give nothing away if a model carries them
    auto doc = load("<table data=\"p\" sort=\"name\"><column field=\"name\"/>"
                    "<column field=\"email\" redact=\"public\"/></table>");
    REQUIRE(doc);
    model::Table* table = nullptr;
    for (auto& section : doc->sections) {
        for (auto& block : section.blocks) {
            if (block.kind == model::Block::Kind::Table) table = &block.table;
        }
    }
    REQUIRE(table);
    base::Diagnostics diags;
    auto baseline = all_text(resolve::resolve(*doc, {"en", "public"}, diags));
    CHECK(baseline.find('@') == std::string::npos);
    table->group = "email";
    auto grouped = all_text(resolve::resolve(*doc, {"en", "public"}, diags));
    CHECK(grouped.find('@') == std::string::npos);
    table->group.clear();
    table->sort = {{"email", true}};
    auto sorted = all_text(resolve::resolve(*doc, {"en", "public"}, diags));
    CHECK(sorted.find('@') == std::string::npos);
    table->sort.clear();
    table->filter = {{"email", "~", "nyu"}};
    auto filtered = all_text(resolve::resolve(*doc, {"en", "public"}, diags));
    CHECK(filtered.find("Gail") == std::string::npos);  // no row has an email left to match
    table->filter.clear();
    table->columns.push_back({"email", "Again", "", "", "", {}});
    auto again = all_text(resolve::resolve(*doc, {"en", "public"}, diags));
    CHECK(again.find('@') == std::string::npos);
    // the internal edition still shows them
    auto internal = all_text(resolve::resolve(*doc, {"en", "internal"}, diags));
    CHECK(internal.find("gjs220@nyu.edu") != std::string::npos);
}
