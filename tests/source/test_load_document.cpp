// Stage "source": load_document_text() on small XML strings. Every node keeps its line:col, and
// every problem is a diagnostic at file:line:col.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <string>

#include "compose/source/source.h"
#include "compose/source/translations.h"
#include "compose/source/xml_walker.h"

namespace {

using compose::base::Diagnostics;
using compose::base::Severity;
using compose::model::Block;
using compose::model::Inline;

// A whole report around `body` (the children of one section); the section starts on line 3.
std::string report(const std::string& body, const std::string& extra_meta = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<report xml:lang=\"en\"><meta><series>S</series><title>T</title>" + extra_meta + "</meta>\n"
           "<section id=\"s\">" + body + "</section>\n"
           "</report>\n";
}

struct Loaded {
    std::optional<compose::model::Document> doc;
    Diagnostics diags;
};

Loaded load(const std::string& text) {
    Loaded l;
    l.doc = compose::source::load_document_text("test.xml", text, {}, l.diags);
    return l;
}

std::string all_diagnostics(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += compose::base::format(d) + "\n";
    return out;
}

// True when some diagnostic, formatted, contains `text`.
bool has_diagnostic(const Diagnostics& diags, const std::string& text) {
    for (const auto& d : diags.items()) {
        if (compose::base::format(d).find(text) != std::string::npos) return true;
    }
    return false;
}

// The plain text of an inline list, with markers for the kinds: [em:...], [strong:...].
std::string flat(const compose::model::InlineList& list) {
    std::string out;
    for (const auto& item : list) {
        switch (item.kind) {
        case Inline::Kind::Text: out += item.text; break;
        case Inline::Kind::Emph: out += "[em:" + flat(item.children) + "]"; break;
        case Inline::Kind::Strong: out += "[strong:" + flat(item.children) + "]"; break;
        case Inline::Kind::Link: out += "[link " + item.attr + ":" + flat(item.children) + "]"; break;
        case Inline::Kind::Ref: out += "[ref " + item.attr + "]"; break;
        case Inline::Kind::Span: out += "[span " + item.attr + ":" + flat(item.children) + "]"; break;
        case Inline::Kind::Person: out += "[person " + item.attr + ":" + flat(item.children) + "]"; break;
        case Inline::Kind::Break: out += "[br]"; break;
        case Inline::Kind::Quote: out += "[q:" + flat(item.children) + "]"; break;
        case Inline::Kind::NoBreak: out += "[nobreak:" + flat(item.children) + "]"; break;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a small report loads, every node with its line and column") {
    std::string text =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"          // 1
        "<report xml:lang=\"es\" id=\"r\">\n"                   // 2
        "  <meta>\n"                                          // 3
        "    <title>Informe</title>\n"                        // 4
        "  </meta>\n"                                         // 5
        "  <section id=\"a\">\n"                              // 6
        "    <h>Título</h>\n"                                 // 7
        "    <p>Uno <em>dos</em></p>\n"                       // 8
        "      <p>Álvaro <strong>tres</strong></p>\n"         // 9
        "  </section>\n"                                      // 10
        "</report>\n";
    auto l = load(text);
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    CHECK(l.diags.items().empty());
    const auto& doc = *l.doc;
    CHECK(doc.lang == "es");
    CHECK(doc.id == "r");
    CHECK(doc.meta.title == "Informe");
    CHECK(doc.meta.pos.line == 3);
    CHECK(doc.meta.pos.col == 3);
    REQUIRE(doc.sections.size() == 1);
    const auto& s = doc.sections[0];
    CHECK(s.id == "a");
    CHECK(s.pos.line == 6);
    CHECK(s.pos.col == 3);
    CHECK(s.heading_pos.line == 7);
    CHECK(s.heading_pos.col == 5);
    REQUIRE(s.blocks.size() == 2);
    const auto& p1 = s.blocks[0].paragraph;
    CHECK(p1.pos.line == 8);
    CHECK(p1.pos.col == 5);
    REQUIRE(p1.content.size() == 2);
    CHECK(p1.content[0].kind == Inline::Kind::Text);
    CHECK(p1.content[0].pos.line == 8);
    CHECK(p1.content[0].pos.col == 8);  // the text node's first character, "U"
    CHECK(p1.content[1].kind == Inline::Kind::Emph);
    CHECK(p1.content[1].pos.col == 12);  // the '<' of <em>
    const auto& p2 = s.blocks[1].paragraph;
    CHECK(p2.pos.line == 9);
    CHECK(p2.pos.col == 7);
    REQUIRE(p2.content.size() == 2);
    // columns count code points: "Álvaro " is 7 of them but 8 bytes
    CHECK(p2.content[1].pos.col == 17);
    REQUIRE(p2.content[0].pos.file);
    CHECK(*p2.content[0].pos.file == "test.xml");
}

TEST_CASE("malformed XML is reported at file:line:col and nothing is returned") {
    std::string text = "<report>\n<meta><title>T</title></meta>\n<section><p>open</section>\n</report>\n";
    auto l = load(text);
    CHECK_FALSE(l.doc);
    REQUIRE(l.diags.items().size() == 1);
    const auto& d = l.diags.items()[0];
    CHECK(d.severity == Severity::Error);
    CHECK(d.pos.line == 3);
    CHECK(d.pos.col > 1);
    std::string message = compose::base::format(d);
    INFO(message);
    CHECK(message.rfind("test.xml:3:", 0) == 0);
    CHECK(message.find("error: malformed XML") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is located at the first bad byte") {
    std::string text = report("<p>ok</p>\n<p>ab\xC3(</p>");  // 0xC3 followed by '(' is not UTF-8
    auto l = load(text);
    CHECK_FALSE(l.doc);
    REQUIRE(l.diags.items().size() == 1);
    const auto& d = l.diags.items()[0];
    INFO(compose::base::format(d));
    CHECK(d.pos.line == 4);
    CHECK(d.pos.col == 6);  // "<p>ab" is five characters
    CHECK(d.message.find("invalid UTF-8") != std::string::npos);
    CHECK(d.message.find("0xC3") != std::string::npos);
}

TEST_CASE("an unknown element gets a suggestion") {
    auto l = load(report("<finidng><lead>L</lead><p>b</p></finidng>"));
    CHECK_FALSE(l.doc);
    INFO(all_diagnostics(l.diags));
    CHECK(has_diagnostic(l.diags, "test.xml:3:17: error: unknown element <finidng>; did you mean <finding>?"));
}

TEST_CASE("an element far from every allowed name is said not to be allowed there") {
    auto l = load(report("<paragraphs>x</paragraphs>"));
    CHECK_FALSE(l.doc);
    INFO(all_diagnostics(l.diags));
    CHECK(has_diagnostic(l.diags, "test.xml:3:17: error: element <paragraphs> is not allowed in <section>"));
}

TEST_CASE("an unknown attribute is reported, with a suggestion when one is close") {
    auto l = load(report("<figure id=\"f\" scr=\"x.png\"><caption>c</caption></figure>"));
    CHECK_FALSE(l.doc);
    INFO(all_diagnostics(l.diags));
    // at the attribute itself, underlined to its value's closing quote
    CHECK(has_diagnostic(l.diags, "test.xml:3:32: error: unknown attribute 'scr' on <figure>; did you mean 'src'?"));
    for (const auto& d : l.diags.items()) {
        if (d.message.starts_with("unknown attribute")) CHECK(d.end.col == 43);
    }
}

TEST_CASE("an attribute is found whatever its quotes and spacing") {
    auto l = load(report("<figure id = 'f'\n   placement\t=\t\"middle\" src='x.png'><caption>c</caption></figure>"));
    INFO(all_diagnostics(l.diags));
    const compose::base::Diagnostic* placement = nullptr;
    for (const auto& d : l.diags.items()) {
        if (d.message.starts_with("placement")) placement = &d;
    }
    REQUIRE(placement);
    CHECK(placement->pos.line == 4);
    CHECK(placement->pos.col == 4);
    CHECK(placement->end.line == 4);
    CHECK(placement->end.col == 24);
}

TEST_CASE("a missing required attribute is reported") {
    auto l = load(report("<p>see <link>here</link></p>"));
    CHECK_FALSE(l.doc);
    INFO(all_diagnostics(l.diags));
    CHECK(has_diagnostic(l.diags, "test.xml:3:24: error: <link> needs the attribute 'href'"));
}

TEST_CASE("dates must be ISO dates, in order") {
    SECTION("not a date") {
        auto l = load(report("<p>x</p>", "<dates from=\"2014-11-6\"/>"));
        CHECK_FALSE(l.doc);
        INFO(all_diagnostics(l.diags));
        CHECK(has_diagnostic(l.diags, "test.xml:2:"));
        CHECK(has_diagnostic(l.diags, "error: '2014-11-6' is not a date; write dates as YYYY-MM-DD"));
    }
    SECTION("month 13") {
        auto l = load(report("<p>x</p>", "<dates from=\"2014-13-01\"/>"));
        CHECK_FALSE(l.doc);
        CHECK(has_diagnostic(l.diags, "'2014-13-01' is not a date"));
    }
    SECTION("ending before beginning") {
        auto l = load(report("<p>x</p>", "<dates from=\"2014-11-07\" to=\"2014-11-06\"/>"));
        CHECK_FALSE(l.doc);
        CHECK(has_diagnostic(l.diags, "the dates end (2014-11-06) before they begin (2014-11-07)"));
    }
    SECTION("a good range") {
        auto l = load(report("<p>x</p>", "<dates from=\"2014-11-06\" to=\"2014-11-07\"/>"));
        INFO(all_diagnostics(l.diags));
        REQUIRE(l.doc);
        CHECK(l.doc->meta.date_from == "2014-11-06");
        CHECK(l.doc->meta.date_to == "2014-11-07");
    }
}

TEST_CASE("a duplicate id names where it was first defined") {
    std::string text =
        "<report>\n"
        "<meta><title>T</title></meta>\n"
        "<section id=\"intro\"><p>a</p></section>\n"
        "<section id=\"intro\"><p>b</p></section>\n"
        "</report>\n";
    auto l = load(text);
    CHECK_FALSE(l.doc);
    INFO(all_diagnostics(l.diags));
    CHECK(has_diagnostic(l.diags, "test.xml:4:1: error: duplicate id 'intro'"));
    // the first definition is a note at its own place, which editors and SARIF can jump to
    const compose::base::Diagnostic* duplicate = nullptr;
    for (const auto& d : l.diags.items()) {
        if (d.message == "duplicate id 'intro'") duplicate = &d;
    }
    REQUIRE(duplicate);
    REQUIRE(duplicate->notes.size() == 1);
    CHECK(duplicate->notes[0].pos.line == 3);
    CHECK(duplicate->notes[0].pos.col == 1);
    CHECK(duplicate->notes[0].message == "'intro' is first defined here");
}

TEST_CASE("a reference to an id nobody has is an error at the <ref>") {
    auto l = load(report("<p>See <ref to=\"s2\"/>.</p>"));
    CHECK_FALSE(l.doc);
    INFO(all_diagnostics(l.diags));
    CHECK(has_diagnostic(l.diags, "test.xml:3:24: error: reference to 's2', which no element has as its id; did you mean 's'?"));
}

TEST_CASE("references may point forward") {
    auto l = load("<report><meta><title>T</title></meta>"
                  "<section id=\"a\"><p>See <ref to=\"b\"/>.</p></section>"
                  "<section id=\"b\"><h>B</h></section></report>");
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    CHECK(flat(l.doc->sections[0].blocks[0].paragraph.content) == "See [ref b].");
}

TEST_CASE("whitespace in mixed content collapses, and the space between elements stays") {
    auto l = load(report("<p>\n   <em>a</em> <strong>b</strong>\n  c\td   </p>"
                         "<p><em> x </em>y</p>"));
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    const auto& blocks = l.doc->sections[0].blocks;
    REQUIRE(blocks.size() == 2);
    // leading and trailing space of the paragraph go, inner runs become one space
    CHECK(flat(blocks[0].paragraph.content) == "[em:a] [strong:b] c d");
    // the space inside <em> at the paragraph's start is trimmed; the one before "y" stays
    CHECK(flat(blocks[1].paragraph.content) == "[em:x ]y");
}

TEST_CASE("every kind of inline content is read") {
    auto l = load(report("<p><link href=\"https://example.org\">site</link> <link href=\"mailto:a@b.org\"/>"
                         " <span xml:lang=\"es\">año</span><br/>end</p>"
                         "<figure id=\"f\" src=\"missing.png\"><caption><person org=\"Insyde\">Ana</person></caption></figure>"));
    // the image is missing: an error, but everything else was read
    CHECK_FALSE(l.doc);
    CHECK(has_diagnostic(l.diags, "image 'missing.png' not found"));
    auto draft = Loaded{};
    draft.doc = compose::source::load_document_text(
        "test.xml",
        report("<p><link href=\"https://example.org\">site</link> <link href=\"mailto:a@b.org\"/>"
               " <span xml:lang=\"es\">año</span><br/>end</p>"
               "<figure id=\"f\" src=\"missing.png\"><caption><person org=\"Insyde\">Ana</person></caption></figure>"),
        compose::source::LoadOptions{true}, draft.diags);
    INFO(all_diagnostics(draft.diags));
    REQUIRE(draft.doc);
    CHECK(draft.diags.count(Severity::Warning) == 1);
    const auto& blocks = draft.doc->sections[0].blocks;
    REQUIRE(blocks.size() == 2);
    CHECK(flat(blocks[0].paragraph.content) ==
          "[link https://example.org:site] [link mailto:a@b.org:] [span es:año][br]end");
    REQUIRE(blocks[1].kind == Block::Kind::Figure);
    CHECK(flat(blocks[1].figure.caption.content) == "[person Insyde:Ana]");
}

TEST_CASE("<person> is allowed in captions only") {
    auto l = load(report("<p><person>Ana</person></p>"));
    CHECK_FALSE(l.doc);
    INFO(all_diagnostics(l.diags));
    CHECK(has_diagnostic(l.diags, "test.xml:3:20: error: element <person> is not allowed in <p>"));
}

TEST_CASE("links may not use other schemes") {
    auto l = load(report("<p><link href=\"javascript:alert(1)\">x</link></p>"));
    CHECK_FALSE(l.doc);
    CHECK(has_diagnostic(l.diags, "link address 'javascript:alert(1)' is not allowed"));
}

TEST_CASE("findings, block quotes and hand-written tables are read") {
    auto l = load(report("<finding><lead>Lead.</lead><p>Body one.</p><p>Body two.</p></finding>"
                         "<blockquote id=\"q\"><p>Quoted.</p><attribution>Someone</attribution></blockquote>"
                         "<table><header><cell>A</cell><cell>B</cell></header>"
                         "<row><cell>1</cell><cell><em>2</em></cell></row><row><cell>3</cell><cell/></row></table>"));
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    const auto& blocks = l.doc->sections[0].blocks;
    REQUIRE(blocks.size() == 3);
    REQUIRE(blocks[0].kind == Block::Kind::Finding);
    CHECK(flat(blocks[0].finding.lead.content) == "Lead.");
    CHECK(blocks[0].finding.body.size() == 2);
    REQUIRE(blocks[1].kind == Block::Kind::BlockQuote);
    CHECK(blocks[1].quote.id == "q");
    CHECK(flat(blocks[1].quote.attribution) == "Someone");
    REQUIRE(blocks[2].kind == Block::Kind::Table);
    const auto& t = blocks[2].table;
    REQUIRE(t.header.size() == 2);
    CHECK(flat(t.header[1]) == "B");
    REQUIRE(t.rows.size() == 2);
    CHECK(flat(t.rows[0][1]) == "[em:2]");
    CHECK(t.rows[1][1].empty());
}

TEST_CASE("a finding without a lead is an error") {
    auto l = load(report("<finding><p>Body.</p></finding>"));
    CHECK_FALSE(l.doc);
    CHECK(has_diagnostic(l.diags, "test.xml:3:17: error: <finding> needs a <lead> before its paragraphs"));
}

TEST_CASE("a root other than <report> and a DOCTYPE are refused") {
    SECTION("root") {
        auto l = load("<reprot><meta/></reprot>");
        CHECK_FALSE(l.doc);
        CHECK(has_diagnostic(l.diags, "test.xml:1:1: error: unknown element <reprot>; did you mean <report>?"));
    }
    SECTION("doctype") {
        auto l = load("<!DOCTYPE report [<!ENTITY x \"y\">]>\n<report><meta><title>T</title></meta></report>");
        CHECK_FALSE(l.doc);
        CHECK(has_diagnostic(l.diags, "a DOCTYPE is not allowed"));
    }
}

TEST_CASE("text straight inside a section is an error") {
    auto l = load(report("stray words<p>x</p>"));
    CHECK_FALSE(l.doc);
    CHECK(has_diagnostic(l.diags, "test.xml:3:17: error: text is not allowed directly in <section>"));
}

TEST_CASE("<hyphenation> lists the document's own hyphenation exceptions, per language") {
    auto l = load("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<report xml:lang=\"en\"><meta><series>S</series><title>T</title></meta>\n"
                  "<hyphenation><word>ta-ble</word> <word>Igarap\u00E9</word></hyphenation>\n"
                  "<hyphenation xml:lang=\"es\"><word>ciu-da-da-n\u00EDa</word></hyphenation>\n"
                  "<hyphenation><word>two words</word><word>-lead</word><wort>x</wort></hyphenation>\n"
                  "<section id=\"s\"><p>x</p></section>\n"
                  "</report>\n");
    INFO(all_diagnostics(l.diags));
    CHECK(has_diagnostic(l.diags, "test.xml:5:14: error: <word> is one word with hyphens where it may be broken"));
    CHECK(has_diagnostic(l.diags, "test.xml:5:36: error: <word> is one word"));
    CHECK(has_diagnostic(l.diags, "test.xml:5:54: error: unknown element <wort>"));
    auto ok = load("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<report xml:lang=\"en\"><meta><series>S</series><title>T</title></meta>\n"
                   "<hyphenation><word>ta-ble</word> <word>Igarap\u00E9</word></hyphenation>\n"
                   "<hyphenation xml:lang=\"es\"><word>ciu-da-da-n\u00EDa</word></hyphenation>\n"
                   "<section id=\"s\"><p>x</p></section>\n"
                   "</report>\n");
    INFO(all_diagnostics(ok.diags));
    REQUIRE(ok.doc);
    REQUIRE(ok.doc->hyphenation.size() == 2);
    CHECK(ok.doc->hyphenation[0].lang == "en");
    CHECK(ok.doc->hyphenation[0].words == std::vector<std::string>{"ta-ble", "Igarap\u00E9"});
    CHECK(ok.doc->hyphenation[0].pos.line == 3);
    CHECK(ok.doc->hyphenation[1].lang == "es");
    CHECK(ok.doc->hyphenation[1].words == std::vector<std::string>{"ciu-da-da-n\u00EDa"});
}

// "line:col" of the first occurrence of `word` in a text item, from its position and anchors.
std::string line_col(const Inline& text, const std::string& word) {
    auto pos = compose::base::position_in(text.pos, text.anchors, text.text, text.text.find(word));
    return std::to_string(pos.line) + ":" + std::to_string(pos.col);
}

TEST_CASE("every character of a text keeps its line:col, across joined lines and collapsed spaces") {
    // the section starts on line 3; the paragraph's text runs over lines 3 to 5
    auto l = load(report("<p>  First   words\n    then more\n  and  last</p>"));
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    const auto& text = l.doc->sections.at(0).blocks.at(0).paragraph.content.at(0);
    REQUIRE(text.text == "First words then more and last");
    auto at = [&](const std::string& word) { return line_col(text, word); };
    // line 3 is <section id="s"><p>  First   words: "First" at col 22, "words" at col 30
    CHECK(at("First") == "3:22");
    CHECK(at("words") == "3:30");
    CHECK(at("then") == "4:5");
    CHECK(at("more") == "4:10");
    CHECK(at("and") == "5:3");
    CHECK(at("last") == "5:8");
}

TEST_CASE("characters after a character reference or a CR LF keep their line:col") {
    // line 3: <section id="s"><p>caf&#xE9; na&#xEF;ve &amp; more  (the <p> at col 17)
    auto l = load(report("<p>caf&#xE9; na&#xEF;ve &amp; more\r\n  é then</p>"));
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    const auto& text = l.doc->sections.at(0).blocks.at(0).paragraph.content.at(0);
    REQUIRE(text.text == "caf\u00E9 na\u00EFve & more \u00E9 then");
    auto at = [&](const std::string& word) { return line_col(text, word); };
    CHECK(at("caf") == "3:20");
    CHECK(at("\u00E9 na") == "3:23");  // the reference itself
    CHECK(at("na") == "3:30");
    CHECK(at("ve") == "3:38");          // after na&#xEF;
    CHECK(at("&") == "3:41");
    CHECK(at("more") == "3:47");
    CHECK(at("\u00E9 then") == "4:3");
    CHECK(at("then") == "4:5");
}

TEST_CASE("<nobreak> holds a phrase kept on one line") {
    auto l = load(report("<p>the <nobreak>Instituto <em>Igarap\u00E9</em></nobreak> team</p>"));
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    CHECK(flat(l.doc->sections.at(0).blocks.at(0).paragraph.content) == "the [nobreak:Instituto [em:Igarap\u00E9]] team");
}

TEST_CASE("a missing translation is one error, not also its <t> children out of place") {
    std::string text =
        "<report xml:lang=\"en\">\n"
        "<meta><series><t xml:lang=\"en\">Series</t></series><title>T</title></meta>\n"
        "<section id=\"s\"><p><t xml:lang=\"en\">An <em>English</em> paragraph.</t></p></section>\n"
        "</report>\n";
    Diagnostics diags;
    compose::source::LoadOptions options;
    options.lang = "es";
    compose::source::load_document_text("test.xml", text, options, diags);
    INFO(all_diagnostics(diags));
    CHECK(all_diagnostics(diags) ==
          "test.xml:2:7: error: <series> has no 'es' text; add <t xml:lang=\"es\">…</t>, or render with --fallback LANG\n"
          "test.xml:2:51: error: <title> has no 'es' text; add <t xml:lang=\"es\">…</t>, or render with --fallback LANG\n"
          "test.xml:3:17: error: <p> has no 'es' text; add <t xml:lang=\"es\">…</t>, or render with --fallback LANG\n");
}

TEST_CASE("a translation marked with what it was made from is reported once that text changes") {
    auto source = [](const std::string& english, const std::string& from) {
        return "<report xml:lang=\"en\">\n"
               "<meta><title><t xml:lang=\"en\">T</t><t xml:lang=\"es\">T</t></title></meta>\n"
               "<section id=\"s\"><p>\n"
               "  <t xml:lang=\"en\">" + english + "</t>\n"
               "  <t xml:lang=\"es\" from=\"" + from + "\">Un <em>párrafo</em> en español.</t>\n"
               "</p></section>\n"
               "</report>\n";
    };
    // the hash of the English text as it is marked: whitespace aside, markup's attributes in
    const std::string english = "An <em>English</em>\n     paragraph, <ref to=\"s\"/>.";
    pugi::xml_document xml;
    xml.load_string(("<t>" + english + "</t>").c_str());
    const std::string hash = compose::source::translation_hash(xml.first_child());
    xml.load_string("<t>  An <em>English</em> paragraph,   <ref to=\"s\"/>.  </t>");
    CHECK(compose::source::translation_hash(xml.first_child()) == hash);
    xml.load_string("<t>An <em>English</em> paragraph, <ref to=\"other\"/>.</t>");
    CHECK(compose::source::translation_hash(xml.first_child()) != hash);

    compose::source::LoadOptions es;
    es.lang = "es";
    Diagnostics current;
    compose::source::load_document_text("test.xml", source(english, hash), es, current);
    CHECK(all_diagnostics(current).empty());

    Diagnostics stale;
    compose::source::load_document_text("test.xml", source("An <em>English</em> paragraph, rewritten.", hash), es, stale);
    INFO(all_diagnostics(stale));
    REQUIRE(stale.items().size() == 1);
    const auto& d = stale.items()[0];
    CHECK(compose::base::format(d) ==
          "test.xml:5:3: warning: the 'es' text was translated from an earlier 'en' text; bring the translation up to "
          "date, then run compose translations --mark-current");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].pos.line == 4);
    CHECK(compose::base::code_of(d) == "stale-translation");

    // the English edition says nothing: it is the source text
    Diagnostics en;
    compose::source::load_document_text("test.xml", source("An <em>English</em> paragraph, rewritten.", hash), {}, en);
    CHECK(all_diagnostics(en).empty());
}

TEST_CASE("marking translations rewrites only the <t> start tags beside a source-language variant") {
    const std::string text =
        "<report xml:lang=\"en\">\n"
        "  <title><t xml:lang=\"en\">Report</t><t   xml:lang='es'>Informe</t></title>\n"
        "  <p><t xml:lang=\"es\" from=\"00000000\">Sólo</t><t xml:lang=\"en\">Only <em a=\"x&gt;y\">this</em></t></p>\n"
        "  <h><t xml:lang=\"es\">Sin original</t></h>\n"
        "</report>\n";
    Diagnostics diags;
    auto marked = compose::source::mark_translations("r.xml", text, "en", diags);
    REQUIRE(marked);
    CHECK(marked->translations == 2);
    CHECK(marked->changed == 2);
    pugi::xml_document xml;
    xml.load_string("<t xml:lang=\"en\">Report</t>");
    std::string report = compose::source::translation_hash(xml.first_child());
    xml.load_string("<t xml:lang=\"en\">Only <em a=\"x&gt;y\">this</em></t>");
    std::string only = compose::source::translation_hash(xml.first_child());
    CHECK(marked->text ==
          "<report xml:lang=\"en\">\n"
          "  <title><t xml:lang=\"en\">Report</t><t xml:lang=\"es\" from=\"" + report + "\">Informe</t></title>\n"
          "  <p><t xml:lang=\"es\" from=\"" + only + "\">Sólo</t><t xml:lang=\"en\">Only <em a=\"x&gt;y\">this</em></t></p>\n"
          "  <h><t xml:lang=\"es\">Sin original</t></h>\n"
          "</report>\n");
    // marking again changes nothing
    auto again = compose::source::mark_translations("r.xml", marked->text, "en", diags);
    REQUIRE(again);
    CHECK(again->changed == 0);
    CHECK(again->text == marked->text);
    CHECK_FALSE(compose::source::mark_translations("r.xml", "<report><t>", "en", diags));
    CHECK(diags.has_errors());
}

TEST_CASE("what XML 1.0 allows passes the well-formedness checks, and the text is as written") {
    auto l = load("\xEF\xBB\xBF" + report("<!-- a & b, &#0; in a comment --><p>caf&#xE9; &#233; &#x1F600; &lt;&amp;&gt;"
                                          "<![CDATA[a & b < c &#0;]]><?pi & ?></p>"
                                          "<p><link href=\"https://example.org/?a=1&amp;b=2>\">x</link></p>") +
                  "<!-- after the root -->\n<?after?>\n");
    INFO(all_diagnostics(l.diags));
    REQUIRE(l.doc);
    CHECK(l.diags.items().empty());
    const auto& p = l.doc->sections[0].blocks[0].paragraph.content;
    std::string text;
    for (const auto& i : p) text += i.text;
    CHECK(text == "café é \U0001F600 <&>a & b < c &#0;");
    CHECK(l.doc->sections[0].blocks[1].paragraph.content[0].attr == "https://example.org/?a=1&b=2>");
}

TEST_CASE("what pugixml accepts and XML 1.0 does not is an error at its place") {
    struct Case {
        std::string text, expected;
    };
    const std::vector<Case> cases = {
        {report("<p>a &#0; b</p>"), "test.xml:3:22: error: malformed XML: '&#0;' refers to U+0000, which XML does not allow\n"},
        {report("<p>&#x110000;</p>"), "test.xml:3:20: error: malformed XML: '&#x110000;' refers to no Unicode character, which XML does not allow\n"},
        {report("<p>&#12a;</p>"), "test.xml:3:20: error: malformed XML: '&#12a;' is not a character reference\n"},
        {report("<p>a & b</p>"), "test.xml:3:22: error: malformed XML: '&' that starts no reference; write &amp; for an ampersand\n"},
        {report("<p>\x01</p>"), "test.xml:3:20: error: malformed XML: control character U+0001 is not allowed in XML; remove it, or write the text it stands for\n"},
        {report("<p>x</p>") + "<report/>", "test.xml:5:1: error: malformed XML: a second root element <report> after the first one ends; a file has one root element\n"},
        {report("<p>x</p>") + "x", "test.xml:5:1: error: malformed XML: text after the root element ends\n"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto l = load(c.text);
        CHECK_FALSE(l.doc);
        CHECK(all_diagnostics(l.diags) == c.expected);
    }
}
