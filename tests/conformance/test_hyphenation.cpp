// Hyphenation: our hyphen points (text::Hyphenator: lower-casing, byte offsets, minimum fragment
// lengths) against libhyphen's own output with the same Debian dictionaries, on the words of the
// seed report (English) and of the Mexico report's Spanish text; then the rules around it:
// exceptions, URLs and emails, and the hyphen as the text stage measures it.
#include <catch2/catch.hpp>

#include <functional>

#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <hyphen.h>
#include <unicode/uchar.h>

#include "compose/base/utf8.h"
#include "compose/text/text.h"

namespace {

using compose::text::Hyphenator;

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Distinct words (letters only) of at least five characters.
std::vector<std::string> words_of(const std::string& text) {
    std::set<std::string> seen;
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        std::size_t chars = 0;
        for (std::size_t i = 0; i < word.size();) {
            compose::base::next_code_point(word, i);
            ++chars;
        }
        if (chars >= 5 && seen.insert(word).second) words.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        char32_t cp = compose::base::next_code_point(text, i);
        if (u_isUAlphabetic(static_cast<UChar32>(cp))) word.append(text, start, i - start);
        else flush();
    }
    flush();
    return words;
}

std::string lower(const std::string& word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        compose::base::append_utf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(compose::base::next_code_point(word, i)))));
    }
    return out;
}

// libhyphen's own answer, with the dictionary's own LEFTHYPHENMIN/RIGHTHYPHENMIN: the word with
// "=" at each hyphen point.
std::string libhyphen(HyphenDict* dict, const std::string& word) {
    std::vector<char> hyphens(word.size() + 5);
    std::vector<char> out(word.size() * 2 + 10);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(), out.data(), &rep, &pos,
                          &cut);
    if (rep) {
        for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return out.data();
}

std::string ours(Hyphenator& h, const std::string& word, const std::string& lang) {
    auto points = h.points(word, lang);
    std::string out;
    std::size_t k = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        out += word[i];
        if (k < points.size() && points[k] == i + 1) {
            out += '=';
            ++k;
        }
    }
    return out;
}

void compare_with_libhyphen(const std::string& lang, const std::vector<std::string>& words) {
    Hyphenator hyphenator;
    std::string path = hyphenator.dictionary_path(lang);
    INFO("no dictionary for '" << lang << "' in " << compose::text::kHyphenDictionaryDir << ": apt-get install "
                               << compose::text::hyphenation_rules(lang)->package);
    REQUIRE_FALSE(path.empty());
    HyphenDict* dict = hnj_hyphen_load(path.c_str());
    REQUIRE(dict != nullptr);
    std::size_t same = 0, points = 0;
    std::vector<std::string> differ;
    for (const auto& word : words) {
        std::string w = lower(word);
        std::string expected = libhyphen(dict, w);
        std::string got = ours(hyphenator, w, lang);
        if (expected == got) ++same;
        else differ.push_back(w + ": libhyphen " + expected + ", ours " + got);
        for (char c : got) points += c == '=';
    }
    hnj_hyphen_free(dict);
    std::cout << "hyphenation (" << lang << ", " << path << "): " << words.size() << " words, " << points
              << " hyphen points, " << same << " as libhyphen\n";
    std::string report;
    for (std::size_t i = 0; i < differ.size() && i < 30; ++i) report += differ[i] + "\n";
    INFO(report);
    CHECK(words.size() > 100);
    CHECK(differ.empty());
}

}  // namespace

TEST_CASE("English hyphen points are libhyphen's, on the seed report's words") {
    std::string seed = read(COMPOSE_SEED_TEXT);
    INFO("seed text " << COMPOSE_SEED_TEXT);
    REQUIRE_FALSE(seed.empty());
    compare_with_libhyphen("en", words_of(seed));
}

TEST_CASE("Spanish hyphen points are libhyphen's, on the Mexico report's Spanish text") {
    std::string xml = read(COMPOSE_SOURCE_DIR "/sources/mexico-2014/report.xml");
    REQUIRE_FALSE(xml.empty());
    std::string spanish;
    std::regex es(R"re(<t xml:lang="es">([^<]*)</t>)re");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), es); it != std::sregex_iterator(); ++it) {
        spanish += (*it)[1].str() + " ";
    }
    compare_with_libhyphen("es", words_of(spanish));
}

TEST_CASE("minimum fragments: two letters before a hyphen, three (English) or two (Spanish) after") {
    Hyphenator h;
    CHECK(ours(h, "security", "en") == "se=cu=rity");
    CHECK(ours(h, "table", "en") == "ta=ble");
    CHECK(ours(h, "ciudadana", "es") == "ciu=da=da=na");  // 2 after in Spanish
    CHECK(ours(h, "ciudadana", "en-US") == "ciu=dadana");  // the English patterns know nothing of it
    // capitals and accents keep their bytes: points are offsets into the word as written
    CHECK(ours(h, "Población", "es") == "Po=bla=ción");
    CHECK(ours(h, "Security", "en-GB") == "Se=cu=rity");
}

TEST_CASE("a document's exceptions override the patterns, without regard to case") {
    Hyphenator h;
    h.add_exception("en", "Ins-yde");
    h.add_exception("en", "Igarape");  // no hyphen: never hyphenated
    h.add_exception("es", "ta-bla");
    CHECK(ours(h, "Insyde", "en") == "Ins=yde");
    CHECK(ours(h, "insyde", "en") == "ins=yde");
    CHECK(ours(h, "igarape", "en") == "igarape");
    CHECK(ours(h, "tabla", "es") == "ta=bla");
    Hyphenator plain;
    CHECK(ours(h, "tabla", "en") == ours(plain, "tabla", "en"));  // exceptions belong to their language
}

TEST_CASE("languages without patterns are not hyphenated") {
    Hyphenator h;
    CHECK(h.points("segurança", "pt").empty());
    CHECK_FALSE(h.available("pt"));
    CHECK(h.available("en"));
    CHECK(h.available("es-MX"));
    Hyphenator nowhere("/nonexistent");
    CHECK(nowhere.points("security", "en").empty());
    CHECK(nowhere.dictionary_path("en").empty());
}

namespace {

using compose::text::Item;

compose::text::FontSet& fonts() {
    static compose::text::FontSet* f = [] {
        auto* set = new compose::text::FontSet;
        compose::base::Diagnostics diags;
        set->scan(COMPOSE_SOURCE_DIR "/fonts", diags);
        return set;
    }();
    return *f;
}

// `setup` may change the paragraph's style and its one run before it is measured.
compose::text::MeasuredParagraph measure(const std::string& text, bool hyphenate, const std::string& link = "",
                                         const std::function<void(compose::style::Paragraph&)>& setup = {}) {
    compose::base::Diagnostics diags;
    compose::text::Measurer measurer(fonts(), {});
    compose::style::Paragraph para;
    para.style.hyphenate = hyphenate;
    compose::style::Run run;
    run.text = text;
    run.family = "Noto Serif";
    run.size = 10;
    run.lang = "en";
    run.link = link;
    para.runs.push_back(run);
    if (setup) setup(para);
    auto mp = measurer.measure(para, diags);
    INFO("diagnostics: " << diags.items().size());
    CHECK(diags.items().empty());
    return mp;
}

// "se|cu|rity" for a hyphenation point, "/" + "^" for an unflagged break, "!" for a flagged one
std::string marked(const compose::text::MeasuredParagraph& mp) {
    std::string out;
    for (const auto& item : mp.items) {
        if (item.kind == Item::Kind::Penalty) {
            if (item.edit == compose::text::BreakEdit::InsertHyphen) out += '|';
            else out += item.flagged ? '!' : '^';
        } else {
            out += mp.text.substr(item.text_begin, item.text_end - item.text_begin);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a hyphenation point is a flagged penalty as wide as the run's hyphen") {
    REQUIRE(fonts().size() > 0);
    auto mp = measure("the security dialogues", true);
    CHECK(marked(mp) == "the se|cu|rity di|a|logues");
    auto plain = measure("the security dialogues", false);
    CHECK(marked(plain) == "the security dialogues");
    auto hyphen = measure("-", false);
    REQUIRE(hyphen.items.size() == 1);
    for (const auto& item : mp.items) {
        if (item.edit != compose::text::BreakEdit::InsertHyphen) continue;
        CHECK(item.flagged);
        CHECK(item.penalty == compose::text::kHyphenPenalty);
        CHECK(item.width == Approx(hyphen.items[0].width));
        REQUIRE(item.glyph_end == item.glyph_begin + 1);
        CHECK(mp.glyphs[item.glyph_begin].id == hyphen.glyphs[0].id);
    }
    // the pieces keep the word's glyphs: their widths add up to the unhyphenated word's
    double pieces = 0, whole = 0;
    for (const auto& item : mp.items) pieces += item.kind == Item::Kind::Box ? item.width : 0;
    for (const auto& item : plain.items) whole += item.kind == Item::Kind::Box ? item.width : 0;
    CHECK(pieces == Approx(whole));
}

TEST_CASE("acronyms are not hyphenated, and compounds only at a higher penalty") {
    auto mp = measure("APCOF institution-building", true);
    CHECK(marked(mp) == "APCOF in|sti|tu|tion-!build|ing");
    for (const auto& item : mp.items) {
        if (item.edit == compose::text::BreakEdit::InsertHyphen) CHECK(item.penalty == compose::text::kCompoundHyphenPenalty);
    }
}

TEST_CASE("URLs and emails are never hyphenated but break after a slash and before . @ - without a hyphen") {
    auto url = measure("see https://www.citizen-security.org/dialogues/mexico now", true);
    CHECK(marked(url) == "see https://^www^.citizen^-security^.org/^dialogues/^mexico now");
    for (const auto& item : url.items) {
        if (item.kind != Item::Kind::Penalty) continue;
        CHECK_FALSE(item.flagged);
        CHECK(item.edit == compose::text::BreakEdit::None);
        CHECK(item.penalty == compose::text::kUrlBreakPenalty);
    }
    auto email = measure("write to dialogues@igarape.org.br now", true);
    CHECK(marked(email) == "write to dialogues^@igarape^.org^.br now");
    // a link run to a URL: its text is treated as one even without "://"
    auto linked = measure("igarape.org.br/security", true, "https://igarape.org.br/security");
    CHECK(marked(linked) == "igarape^.org^.br/^security");
}

TEST_CASE("capitalised words hyphenate unless the style says not, and names only where it says so") {
    const std::string text = "Latinoamericana institutions";
    INFO(marked(measure(text, true)));
    CHECK(marked(measure(text, true)).find("|") < marked(measure(text, true)).find(" "));  // inside "Latinoamericana"
    auto no_capitals = measure(text, true, "", [](auto& p) { p.style.hyphenate_capitals = false; });
    CHECK(marked(no_capitals).starts_with("Latinoamericana "));
    CHECK(marked(no_capitals).find("in|sti") != std::string::npos);  // the lower-case word still is
    auto person = [](auto& p) { p.runs[0].role = compose::base::Role::Person; };
    CHECK(marked(measure("Bartholomew Fitzgerald", true, "", person)) == "Bartholomew Fitzgerald");
    auto allowed = measure("Bartholomew Fitzgerald", true, "", [&](auto& p) {
        person(p);
        p.style.hyphenate_names = true;
    });
    CHECK(marked(allowed).find('|') != std::string::npos);
}

TEST_CASE("punctuation and hyphens carry their protrusion into the margin") {
    auto mp = measure("the countries. \u201CWe must", true);
    auto stop = measure(".", false);
    auto quote = measure("\u201C", false);
    REQUIRE(stop.glyphs.size() == 1);
    REQUIRE(quote.glyphs.size() == 1);
    const Item* countries = nullptr;
    const Item* we = nullptr;
    for (const auto& item : mp.items) {
        std::string text = mp.text.substr(item.text_begin, item.text_end - item.text_begin);
        if (text == "tries.") countries = &item;
        if (text == "\u201CWe") we = &item;
    }
    REQUIRE(countries != nullptr);  // "coun|tries." after hyphenation
    REQUIRE(we != nullptr);
    CHECK(countries->protrude_right == Approx(0.7 * stop.glyphs[0].advance));
    CHECK(countries->protrude_left == 0);
    CHECK(we->protrude_left == Approx(0.7 * quote.glyphs[0].advance));
    for (const auto& item : mp.items) {
        if (item.edit == compose::text::BreakEdit::InsertHyphen) CHECK(item.protrude_right == Approx(0.7 * item.width));
    }
}
