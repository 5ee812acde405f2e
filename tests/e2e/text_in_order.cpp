// text_in_order SOURCE.xml EXTRACTED.txt [LANG]
//
// Checks that every word of a report source's printed text appears, in order, in the text
// pdftotext extracted from its PDF. Exit status 0 when all are found, 1 when some are missing
// (each is listed with its context), 2 on a usage or input error.
//
// Which source text is printed: the text nodes of every <section> and <annex>, in document order,
// plus the address of an empty <link> (it shows its address) and the organization of a <person>
// (printed after the name); from <meta>, the series, the title and the subtitle (or the place
// when there is no subtitle). <host> and <partner> are document metadata, not printed text, and
// generated text (dates, "Annex I", reference labels, data tables) has no text node to compare.
//
// Figures float: the layout may move a photo and its caption to the top or bottom of a page
// or column, away from where the source has it. So each figure's caption is looked for whole,
// anywhere, and cut out of the extracted text; then the words of the main flow (everything but
// the figures) are checked in order, and each caption's words in order on their own.
//
// The text is extracted with `pdftotext -raw` (see render-and-check.sh): content-stream order,
// the order in which the layout placed the lines. pdftotext's default mode guesses a reading
// order from the geometry and, on two-column pages with floats, puts a paragraph of the second
// column between two of the first; that guess is not what is tested here.
//
// A bilingual source holds one <t xml:lang="..."> per language in each text-bearing element;
// only the variant of the edition's language (LANG, by default the root's xml:lang) is printed,
// so only its words are looked for (the first variant when none has that language).
//
// How words are compared. Both sides become one stream of characters without whitespace and
// without hyphens (U+002D, U+00AD, U+2010), and each source word, stripped the same way, must be
// found in the PDF's stream after the end of the previous word's match. This is what makes the
// check independent of how lines were broken:
//  - a word hyphenated at a line's end ("inter-" / "national") extracts with the hyphen and a
//    line break, which both vanish;
//  - a URL broken across lines extracts as two pieces that pdftotext may or may not join with
//    a space; without whitespace they are one piece again;
//  - justified spacing, however wide, never matters.
// Page numbers and running heads are not source text: the last non-empty line of each page
// (pdftotext separates pages with a form feed) is dropped when it is a bare arabic or roman
// number, and then the line before it when it is the running head (it begins with the report's
// "series — title"), so that a word hyphenated across a page break still joins up.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace {

struct Word {
    std::string text;      // as in the source
    std::string key;       // whitespace and hyphens removed
    std::ptrdiff_t offset;  // of its text node in the source, for the message
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Removes whitespace and hyphens (ASCII hyphen-minus, soft hyphen, U+2010 hyphen); also the
// no-break space, which pdftotext may give for a space, and the bidi controls it wraps
// right-to-left text in (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they are not the text.
std::string normalize(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (is_space(c) || c == '-') continue;
        if (s.compare(i, 2, "\xC2\xAD") == 0 || s.compare(i, 2, "\xC2\xA0") == 0) {  // U+00AD, U+00A0
            ++i;
            continue;
        }
        if (s.compare(i, 3, "\xE2\x80\x90") == 0) {  // U+2010
            i += 2;
            continue;
        }
        if (i + 2 < s.size() && s[i] == '\xE2' && (s[i + 1] == '\x80' || s[i + 1] == '\x81')) {
            auto third = static_cast<unsigned char>(s[i + 2]);
            bool control = s[i + 1] == '\x80' ? (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE))
                                              : (third >= 0xA6 && third <= 0xA9);
            if (control) {
                i += 2;
                continue;
            }
        }
        out += c;
    }
    return out;
}

void add_words(std::vector<Word>& words, std::string_view text, std::ptrdiff_t offset) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start) {
            std::string w(text.substr(start, i - start));
            std::string key = normalize(w);
            if (!key.empty()) words.push_back({w, key, offset});
        }
    }
}

using Sequence = std::vector<Word>;  // words that must appear in this order

std::string edition_lang;  // the language whose <t> variants are printed

// The <t> variant of `node` in the edition's language, or `node` itself when it has no variants.
pugi::xml_node variant(const pugi::xml_node& node) {
    pugi::xml_node first;
    for (auto t : node.children("t")) {
        if (edition_lang == t.attribute("xml:lang").value()) return t;
        if (!first) first = t;
    }
    return first ? first : node;
}

// Adds the words under `node` to `flow`; each <figure> met on the way starts a sequence of its own.
void collect(const pugi::xml_node& parent, Sequence& flow, std::vector<Sequence>& floats) {
    pugi::xml_node node = variant(parent);
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            add_words(flow, child.value(), child.offset_debug());
        } else if (child.type() == pugi::node_element) {
            std::string_view name = child.name();
            if (name == "figure") {
                Sequence caption;
                collect(child, caption, floats);
                if (!caption.empty()) floats.push_back(std::move(caption));
                continue;
            }
            collect(child, flow, floats);
            if (name == "link" && !child.first_child()) add_words(flow, child.attribute("href").value(), child.offset_debug());
            if (name == "person" && child.attribute("org")) {
                // printed "Name (Organization)"
                add_words(flow, std::string("(") + child.attribute("org").value() + ")", child.offset_debug());
            }
        }
    }
}

// The main flow first, then one sequence per figure.
std::vector<Sequence> source_words(const pugi::xml_document& doc) {
    std::vector<Sequence> sequences(1);
    auto report = doc.child("report");
    auto meta = report.child("meta");
    for (const char* field : {"series", "title"}) collect(meta.child(field), sequences[0], sequences);
    if (meta.child("subtitle")) collect(meta.child("subtitle"), sequences[0], sequences);
    else collect(meta.child("place"), sequences[0], sequences);
    std::vector<Sequence> floats;
    for (auto child : report.children()) {
        std::string_view name = child.name();
        if (name == "section" || name == "annex") collect(child, sequences[0], floats);
    }
    for (auto& f : floats) sequences.push_back(std::move(f));
    return sequences;
}

bool is_page_number(const std::string& line) {
    std::string t;
    for (char c : line) {
        if (!is_space(c)) t += c;
    }
    if (t.empty()) return false;
    bool digits = true, roman = true;
    for (char c : t) {
        digits = digits && c >= '0' && c <= '9';
        roman = roman && std::string_view("ivxlcdmIVXLCDM").find(c) != std::string_view::npos;
    }
    return digits || roman;
}

std::string running_title;  // normalized "series — title": how every running head begins

std::string pdf_stream(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\f', start);
        if (end == std::string::npos) end = text.size();
        std::vector<std::string> lines;
        std::istringstream in(text.substr(start, end - start));
        std::string line;
        while (std::getline(in, line)) lines.push_back(line);
        while (!lines.empty() && normalize(lines.back()).empty()) lines.pop_back();
        if (!lines.empty() && is_page_number(lines.back())) lines.pop_back();
        while (!lines.empty() && normalize(lines.back()).empty()) lines.pop_back();
        if (!lines.empty() && !running_title.empty() && normalize(lines.back()).rfind(running_title, 0) == 0) {
            lines.pop_back();
        }
        for (const auto& l : lines) out += normalize(l);
        start = end + 1;
    }
    return out;
}

// A word is looked for first right where the previous one ended (the usual case: the source's
// words follow each other in the PDF); then split in two at that place, its second part at most
// kMaxGap characters further on (a word hyphenated across a page or column break with furniture
// between its halves that the cuts above did not remove); then anywhere further on (generated
// text, such as a reference's label, stands between source words).
constexpr std::size_t kMaxGap = 1000;

// Where `word` ends in `text` when matched at or after `cursor`, or npos.
std::size_t match(const std::string& text, const std::string& word, std::size_t cursor) {
    if (text.compare(cursor, word.size(), word) == 0) return cursor + word.size();
    for (std::size_t k = 1; k < word.size(); ++k) {
        if (text.compare(cursor, k, word, 0, k) != 0) break;
        if ((static_cast<unsigned char>(word[k]) & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
        std::size_t rest = text.find(word.substr(k), cursor + k);
        if (rest != std::string::npos && rest - (cursor + k) <= kMaxGap) return rest + word.size() - k;
    }
    std::size_t at = text.find(word, cursor);
    return at == std::string::npos ? at : at + word.size();
}

int line_of(const std::string& source, std::ptrdiff_t offset) {
    int line = 1;
    for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(source.size()); ++i) line += source[i] == '\n';
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: text_in_order SOURCE.xml EXTRACTED.txt [LANG]\n";
        return 2;
    }
    std::ifstream src_in(argv[1], std::ios::binary), txt_in(argv[2], std::ios::binary);
    if (!src_in || !txt_in) {
        std::cerr << "text_in_order: cannot read " << (src_in ? argv[2] : argv[1]) << "\n";
        return 2;
    }
    std::string source((std::istreambuf_iterator<char>(src_in)), {});
    std::string extracted((std::istreambuf_iterator<char>(txt_in)), {});
    pugi::xml_document doc;
    if (!doc.load_buffer(source.data(), source.size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
        std::cerr << argv[1] << ": not well-formed XML\n";
        return 2;
    }
    edition_lang = argc == 4 ? argv[3] : doc.child("report").attribute("xml:lang").as_string("en");
    auto sequences = source_words(doc);
    {
        auto meta = doc.child("report").child("meta");
        auto text_of = [](pugi::xml_node node) {
            std::string out;
            for (auto t : variant(node).select_nodes(".//text()")) out += t.node().value();
            return out;
        };
        std::string series = text_of(meta.child("series")), title = text_of(meta.child("title"));
        if (!series.empty() && !title.empty()) running_title = normalize(series + "\u2014" + title);
    }
    std::string stream = pdf_stream(extracted);
    if (sequences[0].empty()) {
        std::cerr << argv[1] << ": no words found in the source\n";
        return 2;
    }
    const std::string full_stream = stream;  // captions are looked for here
    // Captions first, each found whole and then cut out of the stream: a float sits between the
    // lines of the text it interrupts (a word split by a page break has the next page's photo
    // between its halves), and the main flow must read on without it.
    for (std::size_t s = 1; s < sequences.size(); ++s) {
        std::string whole;
        for (const auto& w : sequences[s]) whole += w.key;
        std::size_t at = stream.find(whole);
        if (at != std::string::npos) stream.erase(at, whole.size());
    }
    std::size_t missing = 0, total = 0;
    for (std::size_t s = 0; s < sequences.size(); ++s) {
        const auto& words = sequences[s];
        const char* what = s == 0 ? "the main text" : "a figure's caption";
        std::size_t cursor = 0;
        total += words.size();
        const std::string& text = s == 0 ? stream : full_stream;
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::size_t end = match(text, words[i].key, cursor);
            if (end != std::string::npos) {
                cursor = end;
                continue;
            }
            if (++missing <= 10) {
                std::string before;
                for (std::size_t k = i >= 6 ? i - 6 : 0; k < i; ++k) before += words[k].text + " ";
                std::cerr << argv[1] << ":" << line_of(source, words[i].offset) << ": word " << i + 1 << " of "
                          << what << ", '" << words[i].text << "', is not in the PDF's text after '" << before << "'\n"
                          << "  the PDF's text from there: " << text.substr(cursor, 120) << "\n";
            }
        }
    }
    if (missing > 0) {
        std::cerr << missing << " of " << total << " words missing or out of order\n";
        return 1;
    }
    std::cout << total << " words found in order (" << sequences.size() - 1 << " figure captions checked on their own)\n";
    return 0;
}
