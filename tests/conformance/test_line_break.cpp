// Unicode's LineBreakTest.txt (UAX #14 test data; Debian's unicode-data, Unicode 15.0, the
// version ICU 72 implements), every line of it, through text::line_break_opportunities().
// Lines where ICU's tailoring differs from the test data are listed with their reason in
// line-break-known-failures.txt; they are reported, never deleted, and a listed line that
// starts to pass fails the test, so the list stays true.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compose/base/utf8.h"
#include "compose/text/text.h"

namespace {

constexpr const char* kLineBreakTest = "/usr/share/unicode/auxiliary/LineBreakTest.txt";

struct Case {
    int line = 0;
    std::string text;                    // UTF-8
    std::set<std::uint32_t> breaks;      // byte offsets where "÷" allows a break (not 0, not the end)
    std::string source;                  // the line as written, for messages
};

// "× 0023 × 0020 ÷ 0023 ÷	# comment": code points in hex between "×" (no break) and "÷"
// (break) marks, parsed the way libraqm's grapheme-test.c does.
bool parse(const std::string& line, Case& c) {
    std::string data = line.substr(0, line.find('#'));
    std::istringstream in(data);
    std::string token;
    bool any = false;
    while (in >> token) {
        if (token == "\u00F7") {  // ÷
            if (any) c.breaks.insert(static_cast<std::uint32_t>(c.text.size()));
        } else if (token == "\u00D7") {  // ×
        } else {
            compose::base::append_utf8(c.text, static_cast<char32_t>(std::stoul(token, nullptr, 16)));
            any = true;
        }
    }
    c.breaks.erase(static_cast<std::uint32_t>(c.text.size()));  // the end of the text is always a break
    return any;
}

std::string describe(const std::set<std::uint32_t>& breaks) {
    std::string out;
    for (auto b : breaks) out += (out.empty() ? "" : ",") + std::to_string(b);
    return "{" + out + "}";
}

// line number -> reason
std::map<int, std::string> known_failures() {
    std::map<int, std::string> known;
    std::ifstream in(COMPOSE_CONFORMANCE_DIR "/line-break-known-failures.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        known[std::stoi(line.substr(0, tab))] = tab == std::string::npos ? "" : line.substr(tab + 1);
    }
    return known;
}

}  // namespace

TEST_CASE("LineBreakTest.txt: every line, ICU's tailorings listed") {
    std::ifstream in(kLineBreakTest);
    INFO(kLineBreakTest << " is missing: apt-get install unicode-data");
    REQUIRE(in.good());
    auto known = known_failures();
    int total = 0, passed = 0, known_failed = 0;
    std::vector<std::string> unexpected, now_passing;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        Case c;
        c.line = number;
        c.source = line;
        if (line.empty() || line[0] == '#' || !parse(line, c)) continue;
        ++total;
        std::set<std::uint32_t> got;
        for (const auto& b : compose::text::line_break_opportunities(c.text, "en")) got.insert(b.offset);
        bool ok = got == c.breaks;
        bool listed = known.count(number) > 0;
        if (ok) ++passed;
        if (ok && listed) now_passing.push_back(std::to_string(number));
        if (!ok && listed) ++known_failed;
        if (!ok && !listed) {
            unexpected.push_back(std::to_string(number) + ": expected " + describe(c.breaks) + ", ICU gives " +
                                 describe(got) + "   " + c.source.substr(0, c.source.find('#')));
        }
    }
    std::cout << "LineBreakTest.txt: " << total << " lines, " << passed << " pass, " << known_failed
              << " known failures (ICU tailoring, listed with reasons), " << unexpected.size() << " unexpected\n";
    CHECK(total == 7654);  // every line of the Unicode 15.0 file was read
    std::string report;
    for (std::size_t i = 0; i < unexpected.size() && i < 40; ++i) report += unexpected[i] + "\n";
    INFO("unexpected failures (first 40 of " << unexpected.size() << "):\n" << report);
    CHECK(unexpected.empty());
    std::string passing;
    for (const auto& n : now_passing) passing += n + " ";
    INFO("listed as known failures but passing now (remove them from the list): " << passing);
    CHECK(now_passing.empty());
    CHECK(known.size() == static_cast<std::size_t>(known_failed + static_cast<int>(now_passing.size())));
}
