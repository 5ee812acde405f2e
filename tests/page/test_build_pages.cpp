// build_pages() on small hand-made StyledDocuments: margins, page count, folios, keeps, orphans
// and widows, destinations and the outline.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "compose/page/page.h"

namespace {

using compose::base::Diagnostics;
namespace style = compose::style;
namespace display = compose::display;

// Copies of the pointed-to items, for range loops.
template <class T>
std::vector<T> items(const std::vector<const T*>& pointers) {
    std::vector<T> out;
    for (const T* p : pointers) out.push_back(*p);
    return out;
}

constexpr int kHeadingTag = 9000;  // source line given to heading runs, to tell them apart

style::Layout test_layout() {
    style::Layout layout;
    layout.name = "test";
    layout.page = {};  // A4, 72pt margins
    layout.page.margin_top = 60;
    layout.page.margin_bottom = 80;
    layout.page.margin_left = 70;
    layout.page.margin_right = 90;
    layout.page.folio_offset = 30;
    style::ParaStyle body;
    body.name = "body";
    body.family = "Noto Serif";
    body.size = 10;
    body.leading = 13;
    body.space_after = 4;
    body.align = style::Align::Justify;
    style::ParaStyle heading = body;
    heading.name = "heading";
    heading.family = "Noto Sans";
    heading.bold = true;
    heading.size = 13;
    heading.leading = 17;
    heading.space_before = 12;
    heading.align = style::Align::Left;
    heading.keep_with_next = true;
    style::ParaStyle folio = body;
    folio.name = "folio";
    folio.family = "Noto Sans";
    folio.size = 9;
    folio.align = style::Align::Center;
    layout.styles = {{"body", body}, {"heading", heading}, {"folio", folio}, {"table-cell", body}};
    return layout;
}

compose::text::FontSet& fonts() {
    static compose::text::FontSet* set = [] {
        auto* f = new compose::text::FontSet;
        Diagnostics diags;
        f->scan(COMPOSE_SOURCE_DIR "/fonts", diags);
        if (diags.has_errors() || f->size() == 0) FAIL("cannot read " COMPOSE_SOURCE_DIR "/fonts");
        return f;
    }();
    return *set;
}

const std::string kWords =
    "The realization of security is one of the pending matters on the agenda for state consolidation in "
    "various parts of the world. This is true particularly in Latin American and African countries, the two "
    "most violent regions worldwide. ";

// A block of `style_name` with `text`, its runs tagged with source line `tag`.
style::Block block(const style::Layout& layout, const std::string& style_name, const std::string& text, int tag) {
    style::Block b;
    b.kind = style::Block::Kind::Paragraph;
    b.para.style = layout.style(style_name);
    style::Run run;
    run.text = text;
    run.family = b.para.style.family;
    run.bold = b.para.style.bold;
    run.italic = b.para.style.italic;
    run.size = b.para.style.size;
    run.lang = "en";
    run.pos = {std::make_shared<const std::string>("test.xml"), tag, 1};
    b.para.runs.push_back(run);
    b.para.pos = run.pos;
    return b;
}

style::StyledDocument document(int paragraphs, int repeat = 3) {
    style::StyledDocument doc;
    doc.layout = test_layout();
    doc.lang = "en";
    for (int i = 0; i < paragraphs; ++i) {
        std::string text;
        for (int k = 0; k < repeat; ++k) text += kWords;
        doc.blocks.push_back(block(doc.layout, "body", text, i + 1));
    }
    return doc;
}

display::Document build(const style::StyledDocument& doc, Diagnostics& diags) {
    compose::text::Measurer measurer(fonts(), {"Noto Sans"});
    return compose::page::build_pages(doc, measurer, diags);
}

double run_width(const display::GlyphRun& run) {
    double w = 0;
    for (const auto& g : run.glyphs) w += g.advance;
    return w;
}

std::string diagnostics_text(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += compose::base::format(d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("every line stays inside the margins") {
    auto doc = document(12);
    Diagnostics diags;
    auto out = build(doc, diags);
    INFO(diagnostics_text(diags));
    CHECK(diags.items().empty());
    REQUIRE(out.pages.size() >= 2);
    const auto& p = doc.layout.page;
    const double left = p.margin_left, right = p.width - p.margin_right;
    const double top = p.margin_top, bottom = p.height - p.margin_bottom;
    std::size_t lines = 0;
    double widest = 0;
    for (std::size_t n = 0; n < out.pages.size(); ++n) {
        const auto& page = out.pages[n];
        CHECK(page.width == Approx(p.width));
        CHECK(page.height == Approx(p.height));
        for (const auto* r : display::items_of<display::GlyphRun>(page)) {
            const auto& run = *r;
            INFO("page " << n + 1 << " run at " << run.x << "," << run.y << ": " << run.text);
            CHECK(run.x >= left - 1e-6);
            CHECK(run.x + run_width(run) <= right + 0.01);
            if (run.pos.line == 0) continue;  // the folio, below the text area
            CHECK(run.y > top);
            CHECK(run.y <= bottom);
            widest = std::max(widest, run.x + run_width(run));
            ++lines;
        }
    }
    CHECK(lines > 50);
    // justified lines fill the measure
    CHECK(widest == Approx(right).margin(0.01));
}

TEST_CASE("the page count grows with the text") {
    Diagnostics diags;
    std::size_t previous = 0;
    for (int paragraphs : {1, 10, 20, 40}) {
        auto out = build(document(paragraphs), diags);
        INFO(paragraphs << " paragraphs: " << out.pages.size() << " pages");
        CHECK(out.pages.size() >= previous);
        if (paragraphs == 1) CHECK(out.pages.size() == 1);
        else CHECK(out.pages.size() > previous);
        previous = out.pages.size();
    }
    CHECK(diags.items().empty());
}

TEST_CASE("every page has its folio, centred below the text area") {
    auto doc = document(25);
    Diagnostics diags;
    auto out = build(doc, diags);
    REQUIRE(out.pages.size() >= 3);
    const auto& p = doc.layout.page;
    for (std::size_t n = 0; n < out.pages.size(); ++n) {
        const auto& page = out.pages[n];
        INFO("page " << n + 1);
        CHECK(page.label == std::to_string(n + 1));
        int folios = 0;
        for (const auto* r : display::items_of<display::GlyphRun>(page)) {
            const auto& run = *r;
            if (run.pos.line != 0) continue;
            ++folios;
            CHECK(run.text == page.label);
            CHECK(run.y == Approx(p.height - p.margin_bottom + p.folio_offset));
            double centre = run.x + run_width(run) / 2;
            CHECK(centre == Approx(p.margin_left + (p.width - p.margin_left - p.margin_right) / 2).margin(0.01));
        }
        CHECK(folios == 1);
    }
}

TEST_CASE("a heading with keep-with-next is never alone at a page's foot") {
    // Move a heading down the page one filler line at a time, so that for some of the cases it
    // would fall on the last line of the page if nothing kept it with its paragraph.
    int cases_that_broke_the_page = 0;
    for (int filler_lines = 30; filler_lines < 60; ++filler_lines) {
        style::StyledDocument doc;
        doc.layout = test_layout();
        doc.lang = "en";
        for (int i = 0; i < filler_lines; ++i) doc.blocks.push_back(block(doc.layout, "body", "Filler line.", i + 1));
        doc.blocks.push_back(block(doc.layout, "heading", "A heading that keeps with its paragraph", kHeadingTag));
        doc.blocks.back().outline_level = 1;
        doc.blocks.push_back(block(doc.layout, "body", kWords + kWords, 500));
        Diagnostics diags;
        auto out = build(doc, diags);
        INFO(filler_lines << " filler lines, " << out.pages.size() << " pages");
        bool found = false;
        for (std::size_t n = 0; n < out.pages.size(); ++n) {
            std::vector<display::GlyphRun> runs;
            for (const auto* r : display::items_of<display::GlyphRun>(out.pages[n])) runs.push_back(*r);
            for (std::size_t r = 0; r < runs.size(); ++r) {
                if (runs[r].pos.line != kHeadingTag) continue;
                found = true;
                // the paragraph's first two lines follow on the same page
                int after = 0;
                for (std::size_t k = r + 1; k < runs.size(); ++k) after += runs[k].pos.line == 500;
                CHECK(after >= 2);
                if (n > 0) ++cases_that_broke_the_page;
                // the outline points at the heading's page
                REQUIRE(out.outline.size() == 1);
                bool dest_here = false;
                for (const auto& d : items(display::items_of<display::Destination>(out.pages[n]))) dest_here |= d.name == out.outline[0].dest;
                CHECK(dest_here);
            }
        }
        CHECK(found);
    }
    CHECK(cases_that_broke_the_page > 0);  // the sweep did reach the page's foot
}

TEST_CASE("a paragraph that crosses a page leaves no orphan nor widow") {
    // paragraphs of about seven lines, pushed down a line at a time by a growing first block
    for (int filler = 1; filler < 12; ++filler) {
        auto doc = document(0);
        std::string first;
        for (int k = 0; k < filler; ++k) first += kWords;
        doc.blocks.push_back(block(doc.layout, "body", first, 1));
        for (int i = 0; i < 8; ++i) doc.blocks.push_back(block(doc.layout, "body", kWords + kWords + kWords, i + 2));
        Diagnostics diags;
        auto out = build(doc, diags);
        std::map<std::pair<int, std::size_t>, int> lines;  // (paragraph, page) -> lines
        std::map<int, int> total;
        for (std::size_t n = 0; n < out.pages.size(); ++n) {
            for (const auto& run : items(display::items_of<display::GlyphRun>(out.pages[n]))) {
                if (run.pos.line == 0) continue;
                ++lines[{run.pos.line, n}];
                ++total[run.pos.line];
            }
        }
        for (const auto& [key, count] : lines) {
            INFO("filler " << filler << ": paragraph " << key.first << " has " << count << " of its "
                           << total[key.first] << " lines on page " << key.second + 1);
            if (total[key.first] >= 4) CHECK(count >= 2);
        }
    }
}

TEST_CASE("a forced line break starts a new line") {
    auto doc = document(0);
    doc.blocks.push_back(block(doc.layout, "body", "First line\u2028second line", 1));
    Diagnostics diags;
    auto out = build(doc, diags);
    REQUIRE(out.pages.size() == 1);
    std::vector<const display::GlyphRun*> body;
    for (const auto* run : display::items_of<display::GlyphRun>(out.pages[0])) {
        if (run->pos.line == 1) body.push_back(run);
    }
    REQUIRE(body.size() == 2);
    CHECK(body[0]->text.find("First line") == 0);
    CHECK(body[1]->text == "second line");
    CHECK(body[1]->y == Approx(body[0]->y + 13));
}

TEST_CASE("a table row taller than a page is set in pieces, the header above each, the breaks dashed") {
    auto doc = document(0);
    style::Block table;
    table.kind = style::Block::Kind::Table;
    table.header.push_back(block(doc.layout, "table-header", "Name", 1).para);
    table.header.push_back(block(doc.layout, "table-header", "Notes", 1).para);
    std::string notes;
    for (int k = 0; k < 60; ++k) notes += kWords;
    table.cell_styles = {doc.layout.style("table-cell")};
    style::TableRow tall{{"Long", notes}};
    tall.pos = {std::make_shared<const std::string>("test.xml"), 2, 1};
    style::TableRow after{{"After", "The row after."}};
    after.pos = {std::make_shared<const std::string>("test.xml"), 3, 1};
    table.rows = {tall, after};
    doc.blocks.push_back(table);
    Diagnostics diags;
    auto out = build(doc, diags);
    REQUIRE(out.pages.size() >= 2);
    std::size_t dashed = 0;
    for (std::size_t p = 0; p < out.pages.size(); ++p) {
        const auto& page = out.pages[p];
        bool header = false;
        for (const auto& run : items(display::items_of<display::GlyphRun>(page))) header = header || run.text == "Name";
        INFO("page " << p + 1);
        CHECK(header);
        for (const auto& shape : items(display::items_of<display::Shape>(page))) {
            const auto& rule = std::get<display::Segment>(shape.geometry);
            dashed += shape.stroke && !shape.stroke->dash.empty() ? 1 : 0;
            CHECK(rule.y0 <= page.height - doc.layout.page.margin_bottom + 0.01);  // no row runs off the page
        }
    }
    CHECK(dashed == out.pages.size() - 1);  // one at every break of the tall row
}
