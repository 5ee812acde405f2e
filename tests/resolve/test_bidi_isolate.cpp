#include <catch2/catch.hpp>

#include "compose/resolve/bidi_isolate.h"
#include "compose/resolve/resolve.h"

using namespace compose;

namespace {

const std::string kFsi = "\u2068", kPdi = "\u2069", kRlo = "\u202E", kPdf = "\u202C";

std::string flat(const model::InlineList& list) {
    std::string out;
    for (const auto& i : list) out += i.text + flat(i.children);
    return out;
}

model::Inline text(const std::string& s) {
    model::Inline i;
    i.kind = model::Inline::Kind::Text;
    i.text = s;
    return i;
}

}  // namespace

TEST_CASE("a field is isolated when it holds right-to-left text or a bidi control, else left alone") {
    CHECK(resolve::isolated("Gail Super") == "Gail Super");
    CHECK(resolve::isolated("Álvaro Vizcaíno — Comisión") == "Álvaro Vizcaíno — Comisión");
    CHECK(resolve::isolated("علي Hassan") == kFsi + "علي Hassan" + kPdi);
    CHECK(resolve::isolated("Bob " + kRlo + "exe.live Smith") == kFsi + "Bob " + kRlo + "exe.live Smith" + kPdi);
}

TEST_CASE("an embedding, override or isolate left open is found") {
    CHECK_FALSE(resolve::unclosed_control("plain"));
    CHECK(resolve::unclosed_control("a " + kRlo + "b") == char32_t(0x202E));
    CHECK_FALSE(resolve::unclosed_control("a " + kRlo + "b" + kPdf + " c"));
    CHECK(resolve::unclosed_control("a " + kFsi + "b") == char32_t(0x2068));
    CHECK_FALSE(resolve::unclosed_control(kFsi + kRlo + "b" + kPdi));  // the PDI closes what it holds
    CHECK(resolve::unclosed_control(kPdf + kRlo) == char32_t(0x202E));  // a PDF before it closes nothing
}

TEST_CASE("a caption with an open override: the warning is at the text, and each person is isolated") {
    model::Document doc;
    model::Section section;
    section.id = "s";
    model::Block block;
    block.kind = model::Block::Kind::Paragraph;
    model::Inline person;
    person.kind = model::Inline::Kind::Person;
    person.attr = "Org";
    person.children = {text("Ana")};
    block.paragraph.content = {text("Photo: " + kRlo + "left "), person, text(" and more.")};
    section.blocks.push_back(block);
    doc.sections.push_back(section);
    base::Diagnostics diags;
    auto ed = resolve::resolve(doc, {"en", "public"}, diags);
    REQUIRE(ed.blocks.size() == 1);
    CHECK(flat(ed.blocks[0].content) == "Photo: " + kRlo + "left " + kFsi + "Ana" + kPdi + " (" + kFsi + "Org" + kPdi + ") and more.");
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message ==
          "a bidi override (U+202E) is opened and not closed in this text; it runs to the text's end");

    // the same caption without the override is left as written
    doc.sections[0].blocks[0].paragraph.content[0] = text("Photo: left ");
    base::Diagnostics none;
    auto plain = resolve::resolve(doc, {"en", "public"}, none);
    CHECK(flat(plain.blocks[0].content) == "Photo: left Ana (Org) and more.");
    CHECK(none.items().empty());
}
