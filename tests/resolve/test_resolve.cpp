#include <catch2/catch.hpp>

#include "compose/resolve/resolve.h"
#include "compose/source/source.h"

using namespace compose;

namespace {

resolve::Edition edition_of(const std::string& xml, const std::string& lang = "") {
    base::Diagnostics diags;
    source::LoadOptions options;
    options.draft = true;  // figures in these tests have no image file
    auto doc = source::load_document_text("t.xml", xml, options, diags);
    REQUIRE(doc);
    return resolve::resolve(*doc, {lang}, diags);
}

std::string text_of(const model::InlineList& list) {
    std::string out;
    for (const auto& i : list) out += i.text + text_of(i.children);
    return out;
}

}  // namespace

TEST_CASE("a reference becomes an internal link labelled with the annex's number") {
    auto ed = edition_of(R"(<report xml:lang="en"><meta><title>T</title></meta>
      <section id="s"><p>See <ref to="b"/>.</p></section>
      <annex id="a"><h>First</h><p>x</p></annex>
      <annex id="b"><h>Second</h><p>y</p></annex></report>)");
    const resolve::Block* para = nullptr;
    for (const auto& b : ed.blocks) {
        if (b.kind == resolve::Block::Kind::Paragraph) { para = &b; break; }
    }
    REQUIRE(para);
    CHECK(text_of(para->content) == "See Annex II.");
    REQUIRE(para->content.size() >= 2);
    CHECK(para->content[1].kind == model::Inline::Kind::Link);
    CHECK(para->content[1].attr == "#b");
    // the label is a tie ("Annex~II"): "Annex" never ends a line with "II" on the next
    REQUIRE(para->content[1].children.size() == 1);
    CHECK(para->content[1].children[0].kind == model::Inline::Kind::NoBreak);
}

TEST_CASE("generated text follows the edition's language") {
    auto ed = edition_of(R"(<report xml:lang="en"><meta><title>T</title><dates from="2014-11-06" to="2014-11-07"/></meta>
      <annex id="a"><h>Participantes</h><p>x</p></annex></report>)", "es");
    bool saw_date = false, saw_annex = false;
    for (const auto& b : ed.blocks) {
        if (text_of(b.content) == "6 y 7 de noviembre de 2014") saw_date = true;
        if (text_of(b.content) == "Anexo I: Participantes") saw_annex = true;
    }
    CHECK(saw_date);
    CHECK(saw_annex);
}

TEST_CASE("people in captions read Name (Organization)") {
    auto ed = edition_of(R"(<report><meta><title>T</title></meta><section id="s">
      <figure src="x.png"><caption><person org="Insyde">Ernesto López Portillo</person>, <person>Cam Do</person></caption></figure>
      </section></report>)");
    const resolve::Block* figure = nullptr;
    for (const auto& b : ed.blocks) {
        if (b.kind == resolve::Block::Kind::Figure) figure = &b;
    }
    REQUIRE(figure);
    CHECK(text_of(figure->content) == "Ernesto López Portillo (Insyde), Cam Do");
    CHECK(figure->image_path.empty());  // missing in draft: drawn as a placeholder
}

TEST_CASE("the agenda becomes a table: a row per day, slot, talk and moderator") {
    base::Diagnostics diags;
    model::Agenda agenda;
    model::Day day{"2014-11-06", "Dialogues", {}, {}};
    model::Slot slot;
    slot.start = "09:15";
    slot.end = "11:15";
    slot.kind = "panel";
    slot.title = "First panel";
    slot.talks.push_back({"Patricia Bulla", "Focalised police planning", "FIP, Colombia", {}});
    slot.moderators.push_back({"Ernesto López Portillo", "Insyde", {}});
    day.slots.push_back(slot);
    agenda.days.push_back(day);
    agenda.days.push_back(day);  // a second block of the same date is the same day
    model::Document doc;
    doc.lang = "en";
    model::DataFile data;
    data.id = "agenda";
    data.kind = model::DataFile::Kind::Agenda;
    data.agenda = agenda;
    doc.data.push_back(data);
    model::Section annex;
    annex.id = "x";
    annex.annex = true;
    model::Block block;
    block.kind = model::Block::Kind::Agenda;
    block.agenda.data = "agenda";
    annex.blocks.push_back(block);
    doc.sections.push_back(annex);
    auto ed = resolve::resolve(doc, {}, diags);
    const resolve::Block* table = nullptr;
    for (const auto& b : ed.blocks) {
        if (b.kind == resolve::Block::Kind::Table) table = &b;
    }
    REQUIRE(table);
    REQUIRE(table->rows.size() == 8);
    CHECK(table->rows[0].cells[0] == "Day 1 \u2014 Thursday, November 6, 2014 (Dialogues)");
    CHECK(table->rows[0].span_from == 0);
    CHECK(table->rows[1].cells == std::vector<std::string>{"9:15\u00A0\u2013\u00A011:15", "First panel"});
    CHECK(table->rows[2].cells == std::vector<std::string>{"", "Patricia Bulla", "Focalised police planning", "FIP, Colombia"});
    CHECK(table->rows[3].cells[1] == "Moderator: Ernesto López Portillo, Insyde");
    CHECK(table->rows[4].cells[0].rfind("Day 1 ", 0) == 0);
}

TEST_CASE("quotations take the edition's marks, the inner pair when nested") {
    const char* src = R"(<report><meta><title>T</title></meta><section id="s">
      <p><t xml:lang="en">He said <q>we must <q>overcome</q> it</q>.</t><t xml:lang="es">Dijo <q>hay que <q>superar</q> eso</q>.</t></p>
      </section></report>)";
    auto text_in = [&](const std::string& lang) {
        base::Diagnostics diags;
        source::LoadOptions options;
        options.lang = lang;
        options.fallback = "en";  // the untranslated title may stand in
        auto doc = source::load_document_text("t.xml", src, options, diags);
        REQUIRE(doc);
        auto ed = resolve::resolve(*doc, {lang}, diags);
        for (const auto& b : ed.blocks) {
            if (b.kind == resolve::Block::Kind::Paragraph) return text_of(b.content);
        }
        return std::string();
    };
    CHECK(text_in("en") == "He said \u201Cwe must \u2018overcome\u2019 it\u201D.");
    CHECK(text_in("es") == "Dijo \u00ABhay que \u201Csuperar\u201D eso\u00BB.");
}

TEST_CASE("a hand-written table's cells keep their markup, references and quotations resolved") {
    auto ed = edition_of(R"(<report xml:lang="en"><meta><title>T</title></meta>
      <section id="s"><p>x</p><table>
        <header><cell>Item</cell><cell><em>Where</em></cell></header>
        <row><cell>Programme</cell><cell>see <ref to="b"/></cell></row>
        <row><cell><q>Dialogue</q></cell><cell><strong>here</strong></cell></row>
      </table></section>
      <annex id="b"><h>Agenda</h><p>y</p></annex></report>)");
    const resolve::Block* table = nullptr;
    for (const auto& b : ed.blocks) {
        if (b.kind == resolve::Block::Kind::Table) table = &b;
    }
    REQUIRE(table);
    REQUIRE(table->column_title_content.size() == 2);
    CHECK(table->column_title_content[1][0].kind == model::Inline::Kind::Emph);
    CHECK(table->column_titles[1] == "Where");
    REQUIRE(table->rows.size() == 2);
    CHECK(table->rows[0].cells[1] == "see Annex I");
    REQUIRE(table->rows[0].content[1].size() == 2);
    CHECK(table->rows[0].content[1][1].kind == model::Inline::Kind::Link);
    CHECK(table->rows[0].content[1][1].attr == "#b");
    CHECK(table->rows[1].cells[0] == "\u201CDialogue\u201D");
    CHECK(table->rows[1].content[1][0].kind == model::Inline::Kind::Strong);
    CHECK(table->rows[0].cell_pos.size() == 2);
    CHECK(table->rows[0].cell_pos[1].line == 4);
}

TEST_CASE("references to figures and annexes are ties, a section's title is not, an annex heading is as printed") {
    auto ed = edition_of(R"(<report xml:lang="en"><meta><title>T</title></meta>
      <section id="s"><figure id="f" src="x.png"><caption>C</caption></figure><p>See <ref to="f"/> and <ref to="a"/>, <ref to="t"/>.</p></section>
      <section id="t"><h>A long title of a section</h><p>z</p></section>
      <annex id="a"><h>People</h><p>x</p></annex></report>)", "es");
    bool saw_figure = false, saw_ref = false, saw_heading = false;
    for (const auto& b : ed.blocks) {
        if (b.kind == resolve::Block::Kind::Figure && b.label == "Foto 1") saw_figure = true;
        if (text_of(b.content) == "See Foto 1 and Anexo I, A long title of a section.") {
            saw_ref = true;
            std::vector<model::Inline::Kind> kinds;
            for (const auto& i : b.content) {
                if (i.kind == model::Inline::Kind::Link && !i.children.empty()) kinds.push_back(i.children[0].kind);
            }
            CHECK(kinds == std::vector<model::Inline::Kind>{model::Inline::Kind::NoBreak, model::Inline::Kind::NoBreak,
                                                             model::Inline::Kind::Text});
        }
        if (text_of(b.content) == "Anexo I: People") saw_heading = true;
    }
    CHECK(saw_figure);
    CHECK(saw_ref);
    CHECK(saw_heading);
}
