#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "compose/resolve/check_people.h"
#include "compose/source/source.h"

using namespace compose;

namespace {

namespace fs = std::filesystem;

// A report folder on disk: the loader reads the data files beside the report.
struct Folder {
    fs::path dir;
    Folder() {
        dir = fs::temp_directory_path() / ("compose-people-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        write("people.csv",
              "name,organization,email\n"
              "Gail Super,\"Centre for Criminology, University of Cape Town\",gjs220@nyu.edu gj.super@uct.ac.za\n"
              "Heidy Cristina Gómez Rmz.,Observatorio de Seguridad Humana de Medellín,pielrojah@hotmail.com\n"
              "Cláudio Beato,Universidade Federal de Minas Gerais,claudiobeato@crisp.ufmg.br\n"
              "Ernesto López Portillo,\"Instituto para la Seguridad y la Democracia, INSYDE\",ernestolpv@insyde.org.mx\n"
              "Corina Giacomello,INACIPE,seminariomujeresen espiral@gmail.com\n"
              "Sean Tait,APCOF,sean@apcof.org.za\n"
              "Sean Tait,APCOF,sean@apcof.org.za\n");
        write("agenda.xml",
              "<agenda><day date=\"2014-11-06\"><slot start=\"09:00\" kind=\"panel\"><title>P</title>"
              "<talk><speaker>Gail Jennifer Super</speaker><title>T</title></talk>"
              "<talk><speaker>Heidy Cristina Gómez Ramírez</speaker><title>T</title></talk>"
              "<moderator><name>Nadie Conocido</name></moderator>"
              "</slot></day></agenda>");
    }
    ~Folder() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; }

    std::vector<std::string> warnings(const std::string& people_block) {
        write("report.xml",
              "<report><meta><title>T</title></meta>\n"
              "<data id=\"people\" src=\"people.csv\" key=\"name\"/>\n<data id=\"agenda\" src=\"agenda.xml\"/>\n" +
                  people_block +
                  "<section id=\"s\"><figure src=\"x.png\"><caption>"
                  "<person org=\"Insyde\">Ernesto López Portillo</person>, "
                  "<person org=\"Universidade Federal de Minas Gerais\">Claudio Beato</person>, "
                  "<person org=\"Somewhere Else Entirely\">Sean Tait</person>"
                  "</caption></figure></section></report>");
        base::Diagnostics diags;
        source::LoadOptions options;
        options.draft = true;
        auto doc = source::load_document((dir / "report.xml").string(), options, diags);
        REQUIRE(doc);
        resolve::check_people(*doc, diags);
        std::vector<std::string> out;
        for (const auto& d : diags.items()) {
            if (d.message.find("image") == std::string::npos) out.push_back(base::format(d));
        }
        return out;
    }
};

bool any(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines) {
        if (l.find(part) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("near misses between the report's people and the participants are reported at both places") {
    Folder f;
    auto w = f.warnings("");
    INFO([&] { std::string all; for (auto& l : w) all += l + "\n"; return all; }());
    CHECK(any(w, "agenda.xml:1:"));
    CHECK(any(w, "speaker 'Gail Jennifer Super' is close to participant 'Gail Super'; participant at people.csv:2:1"));
    CHECK(any(w, "speaker 'Heidy Cristina Gómez Ramírez' is close to participant 'Heidy Cristina Gómez Rmz.'"));
    CHECK(any(w, "caption 'Claudio Beato' differs from participant 'Cláudio Beato' only in accents"));
    CHECK(any(w, "moderator 'Nadie Conocido' is not among the participants"));
    CHECK(any(w, "caption 'Sean Tait': organization 'Somewhere Else Entirely' differs"));
    CHECK(any(w, "people.csv:6:1: warning: 'seminariomujeresen' in the email of 'Corina Giacomello' is not an email address"));
    CHECK(any(w, "people.csv:8:1: warning: participant 'Sean Tait' is listed twice"));
    // an acronym names the same organization; a short form of a name is how captions write it
    CHECK_FALSE(any(w, "Ernesto"));
    CHECK_FALSE(any(w, "gj.super"));  // two addresses in one field are both valid
}

TEST_CASE("the author's decisions settle the cases") {
    Folder f;
    auto w = f.warnings(
        "<people data=\"people\">"
        "<correction key=\"Heidy Cristina Gómez Rmz.\" field=\"name\" value=\"Heidy Cristina Gómez Ramírez\"/>"
        "<correction key=\"Corina Giacomello\" field=\"email\" value=\"seminariomujeresenespiral@gmail.com\"/>"
        "<alias name=\"Gail Jennifer Super\" participant=\"Gail Super\"/>"
        "<alias name=\"Claudio Beato\" participant=\"Cláudio Beato\"/>"
        "<alias org=\"Somewhere Else Entirely\" participant-org=\"APCOF\"/>"
        "<guest name=\"Nadie Conocido\"/>"
        "</people>\n");
    INFO([&] { std::string all; for (auto& l : w) all += l + "\n"; return all; }());
    REQUIRE(w.size() == 1);
    CHECK(any(w, "'Sean Tait' is listed twice"));  // the data itself still lists him twice
}

TEST_CASE("email addresses are checked in one pass: a field of the cell-size limit neither crashes nor passes") {
    Folder f;
    // 60 KB in one address: std::regex recursed once per character here and overflowed the stack
    std::string huge(60 * 1024, 'a');
    f.write("people.csv", "name,organization,email\n"
                          "Long Local,Org," + huge + "@example.org\n"
                          "Long Domain,Org,x@" + huge + ".org\n"
                          "No Tld,Org,x@" + huge + "\n"
                          "Fine,Org,first.last+tag@sub.example.co\n"
                          "Short Tld,Org,x@example.c\n"
                          "Digit Tld,Org,x@example.c0m\n"
                          "Empty Label,Org,x@example..org\n"
                          "Two Ats,Org,x@y@example.org\n"
                          "No Local,Org,@example.org\n");
    auto w = f.warnings("");
    INFO([&] { std::string all; for (auto& l : w) all += l.substr(0, 200) + "\n"; return all; }());
    CHECK_FALSE(any(w, "in the email of 'Long Local'"));
    CHECK_FALSE(any(w, "in the email of 'Long Domain'"));
    CHECK(any(w, "in the email of 'No Tld' is not an email address"));
    for (const auto& line : w) CHECK(line.size() < 400);  // a 60 KB value is quoted shortened
    CHECK_FALSE(any(w, "in the email of 'Fine'"));
    CHECK(any(w, "'x@example.c' in the email of 'Short Tld' is not an email address"));
    CHECK(any(w, "'x@example.c0m' in the email of 'Digit Tld'"));
    CHECK(any(w, "'x@example..org' in the email of 'Empty Label'"));
    CHECK(any(w, "'x@y@example.org' in the email of 'Two Ats'"));
    CHECK(any(w, "'@example.org' in the email of 'No Local'"));
}

TEST_CASE("names match whatever their Unicode spelling: a decision in NFD settles a name written in NFC") {
    Folder f;
    // "o\u0301" and "i\u0301": the accents typed as combining marks, the agenda has "ó" and "í"
    auto w = f.warnings("<people data=\"people\">"
                        "<alias name=\"Heidy Cristina Go\u0301mez Rami\u0301rez\" participant=\"Heidy Cristina Gómez Rmz.\"/>"
                        "</people>\n");
    INFO([&] { std::string all; for (auto& l : w) all += l + "\n"; return all; }());
    CHECK_FALSE(any(w, "Heidy"));
    CHECK(any(w, "Gail Jennifer Super"));  // the other cases are still open
}

TEST_CASE("an affiliation is compared by its organization part, a misspelt name part is a near miss") {
    Folder f;
    f.write("people.csv",
            "name,organization\n"
            "Sean Tate,\"African Policing Civilian Oversight Forum, APCOF\"\n"
            "Lorenzo Wakefield,\"African Policing Civilian Oversight Forum, APCOF\"\n"
            "Gail Super,\"Centre for Criminology, University of Cape Town\"\n");
    f.write("agenda.xml",
            "<agenda><day date=\"2014-11-06\"><slot start=\"09:00\" kind=\"panel\"><title>P</title>"
            "<talk><speaker>Lorenzo Wakefield</speaker><affiliation>APCOF, South Africa</affiliation><title>T</title></talk>"
            "<talk><speaker>Lorenzo Wakefield</speaker><affiliation>APCOF, Kenya</affiliation><title>T</title></talk>"
            "<talk><speaker>Gail Super</speaker><affiliation>Institute for Security Studies, South Africa</affiliation>"
            "<title>T</title></talk>"
            "<talk><speaker>Sean Tait</speaker><title>T</title></talk>"
            "<talk><speaker>Sam Tait</speaker><title>T</title></talk>"
            "</slot></day></agenda>");
    auto w = f.warnings("");
    INFO([&] { std::string all; for (auto& l : w) all += l + "\n"; return all; }());
    // the country's words no longer outvote the organization's
    CHECK_FALSE(any(w, "organization 'APCOF, South Africa'"));
    CHECK_FALSE(any(w, "organization 'APCOF, Kenya'"));
    // another organization in the same country is still one
    CHECK(any(w, "speaker 'Gail Super': organization 'Institute for Security Studies, South Africa' differs"));
    // one name part misspelt: suggested, not "not among the participants"
    CHECK(any(w, "speaker 'Sean Tait' is close to participant 'Sean Tate'"));
    CHECK_FALSE(any(w, "speaker 'Sean Tait' is not among the participants"));
    // every part different: a stranger
    CHECK(any(w, "speaker 'Sam Tait' is not among the participants"));
    // the caption's "Sean Tait" too
    CHECK(any(w, "caption 'Sean Tait' is close to participant 'Sean Tate'"));
}

// Case is folded (Unicode's full folding, after NFC): a name in capitals is the same name. Accents
// are not: "Claudio" and "Cláudio" may be two people, and a name differing in both stays a case.
TEST_CASE("names match whatever their case, in any script, but not whatever their accents") {
    Folder f;
    f.write("people.csv",
            "name,organization\n"
            "María López,Org\n"
            "Jürgen Straße,Org\n"
            "Νίκος Παππας,Org\n"
            "Ирина Петрова,Org\n"
            "प्रिया शर्मा,Org\n"
            "José Pérez,Org\n");
    f.write("agenda.xml",
            "<agenda><day date=\"2014-11-06\"><slot start=\"09:00\" kind=\"panel\"><title>P</title>"
            "<talk><speaker>MARÍA López</speaker><title>T</title></talk>"
            "<talk><speaker>JÜRGEN STRASSE</speaker><title>T</title></talk>"  // ß folds to ss: full folding
            "<talk><speaker>ΝΊΚΟΣ ΠΑΠΠΑΣ</speaker><title>T</title></talk>"    // Σ and final ς fold alike
            "<talk><speaker>ИРИНА ПЕТРОВА</speaker><title>T</title></talk>"
            "<talk><speaker>प्रिया शर्मा</speaker><title>T</title></talk>"
            "<talk><speaker>JOSE PEREZ</speaker><title>T</title></talk>"
            "</slot></day></agenda>");
    auto w = f.warnings("");
    INFO([&] { std::string all; for (auto& l : w) all += l + "\n"; return all; }());
    CHECK_FALSE(any(w, "MARÍA"));
    CHECK_FALSE(any(w, "JÜRGEN"));
    CHECK_FALSE(any(w, "ΝΊΚΟΣ"));
    CHECK_FALSE(any(w, "ИРИНА"));
    CHECK_FALSE(any(w, "प्रिया"));
    // case and accents both differ: still a case to decide
    CHECK(any(w, "speaker 'JOSE PEREZ' differs from participant 'José Pérez' only in accents or case"));
}

TEST_CASE("a participant listed twice in other cases is listed twice") {
    Folder f;
    f.write("people.csv", "name,organization\nJürgen Straße,Org\nJÜRGEN STRASSE,Org\n");
    auto w = f.warnings("");
    INFO([&] { std::string all; for (auto& l : w) all += l + "\n"; return all; }());
    CHECK(any(w, "people.csv:3:1: warning: participant 'JÜRGEN STRASSE' is listed twice"));
}
