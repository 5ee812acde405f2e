#pragma once
// Measured paragraphs built by hand, with no font: every character is 10pt wide (minikin's
// Ascii.ttf idea, without the font), so the expected lines can be worked out on paper.
//
// Markup: ' ' is an interword glue of 10pt that stretches 10pt and shrinks 5pt; '|' a
// hyphenation point (a flagged penalty whose width is a 10pt hyphen, drawn if broken there);
// '-' an explicit hyphen (part of the word, followed by a flagged penalty of 50 with no width);
// '\n' a forced break. Everything else is a 10pt character. For character protrusion, a box
// ending with '.' or ',' and a hyphen may hang 5pt into the right margin.
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "compose/para/para.h"

namespace compose::test {

constexpr double kChar = 10;
constexpr double kSpace = 10, kSpaceStretch = 10, kSpaceShrink = 5;
constexpr double kHyphen = 10;
constexpr double kProtrude = 5;

inline text::MeasuredParagraph hand_made(std::string_view markup) {
    using text::Item;
    text::MeasuredParagraph mp;
    mp.runs.push_back({});
    std::size_t i = 0;
    auto box_from = [&](std::size_t begin) {
        Item box;
        box.kind = Item::Kind::Box;
        box.text_begin = static_cast<std::uint32_t>(begin);
        box.text_end = static_cast<std::uint32_t>(mp.text.size());
        box.width = kChar * static_cast<double>(box.text_end - box.text_begin);
        if (box.text_end > box.text_begin) {
            char last = mp.text[box.text_end - 1];
            if (last == '.' || last == ',' || last == '-') box.protrude_right = kProtrude;
            mp.items.push_back(box);
        }
    };
    std::size_t word = 0;
    for (; i < markup.size(); ++i) {
        char c = markup[i];
        std::uint32_t at = static_cast<std::uint32_t>(mp.text.size());
        if (c == ' ' || c == '|' || c == '\n' || c == '-') {
            if (c == '-') mp.text += '-';
            box_from(word);
            Item item;
            item.text_begin = at;
            item.text_end = static_cast<std::uint32_t>(mp.text.size());
            if (c == ' ') {
                mp.text += ' ';
                item.kind = Item::Kind::Glue;
                item.text_end = at + 1;
                item.width = kSpace;
                item.stretch = kSpaceStretch;
                item.shrink = kSpaceShrink;
            } else if (c == '|') {
                item.kind = Item::Kind::Penalty;
                item.penalty = text::kHyphenPenalty;
                item.flagged = true;
                item.edit = text::BreakEdit::InsertHyphen;
                item.width = kHyphen;
                item.protrude_right = kProtrude;
            } else if (c == '-') {
                item.kind = Item::Kind::Penalty;
                item.text_begin = item.text_end = static_cast<std::uint32_t>(mp.text.size());
                item.penalty = text::kExplicitHyphenPenalty;
                item.flagged = true;
            } else {
                mp.text += '\n';
                item.kind = Item::Kind::Penalty;
                item.text_end = at + 1;
                item.penalty = text::kForcedBreak;
            }
            mp.items.push_back(item);
            word = mp.text.size();
            continue;
        }
        mp.text += c;
    }
    box_from(word);
    return mp;
}

// A line as the tables below write it: its text (with the drawn hyphen), natural width, the
// glue ratio and whether it ends hyphenated.
struct ExpectLine {
    std::string text;
    double natural = 0;
    double ratio = 0;
    bool hyphenated = false;
    bool operator==(const ExpectLine& o) const {
        auto near = [](double a, double b) { return a - b < 1e-6 && b - a < 1e-6; };
        return text == o.text && near(natural, o.natural) && near(ratio, o.ratio) && hyphenated == o.hyphenated;
    }
};

inline std::vector<ExpectLine> actual(const text::MeasuredParagraph& mp, const std::vector<para::Line>& lines) {
    std::vector<ExpectLine> out;
    for (const auto& line : lines) {
        ExpectLine e;
        for (auto k = line.item_begin; k < line.item_end; ++k) {
            const auto& item = mp.items[k];
            if (item.kind == text::Item::Kind::Penalty) continue;
            e.text += mp.text.substr(item.text_begin, item.text_end - item.text_begin);
        }
        if (line.draws_hyphen(mp)) e.text += '-';
        e.natural = line.natural;
        e.ratio = line.ratio;
        e.hyphenated = line.hyphenated;
        out.push_back(e);
    }
    return out;
}

inline std::string to_string(const std::vector<ExpectLine>& lines) {
    std::ostringstream out;
    out.precision(4);
    for (const auto& l : lines) {
        out << "  {\"" << l.text << "\", " << l.natural << ", " << l.ratio << ", " << (l.hyphenated ? "true" : "false")
            << "}\n";
    }
    return out.str();
}

}  // namespace compose::test
