// How diagnostics are printed: the source line and caret, ranges, notes, the summary, --werror,
// colour, JSON and SARIF. The files quoted are written for each test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include "compose/cli/depfile.h"
#include "compose/cli/placeholders.h"
#include "compose/cli/print_diagnostics.h"

namespace {

namespace fs = std::filesystem;
using compose::base::Diagnostic;
using compose::base::Diagnostics;
using compose::base::Severity;
using compose::base::SourcePos;
using compose::cli::DiagnosticsFormat;
using compose::cli::PrintOptions;

// A file in a fresh folder, removed at the end of the test.
struct TempFile {
    fs::path dir, path;
    TempFile(const std::string& name, const std::string& text) {
        dir = fs::temp_directory_path() / ("compose-print-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(dir);
        path = dir / name;
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() { fs::remove_all(dir); }
    SourcePos at(int line, int col) const { return {std::make_shared<const std::string>(path.string()), line, col}; }
};

std::string print(const Diagnostics& diags, PrintOptions options = {}) {
    std::ostringstream out;
    compose::cli::print_diagnostics(out, diags, options);
    return out.str();
}

}  // namespace

TEST_CASE("the source line is quoted with a caret under the column") {
    TempFile f("report.xml", "<report>\n  <finidng>x</finidng>\n</report>\n");
    Diagnostics diags;
    diags.error(f.at(2, 3), "unknown element <finidng>", {"did you mean <finding>?"});
    std::string p = f.path.string();
    CHECK(print(diags) == p + ":2:3: error: unknown element <finidng>; did you mean <finding>?\n"
                              "    2 |   <finidng>x</finidng>\n"
                              "      |   ^\n"
                              "1 error\n");
}

TEST_CASE("a diagnostic with an end underlines its range") {
    TempFile f("report.xml", "<report>\n  <finidng>x</finidng>\n</report>\n");
    Diagnostics diags;
    Diagnostic d{Severity::Error, f.at(2, 3), "unknown element <finidng>"};
    d.end = f.at(2, 11);
    diags.add(d);
    CHECK(print(diags).find("      |   ^~~~~~~~\n") != std::string::npos);
    // a range running onto later lines is underlined to the end of the first
    diags = {};
    d.end = f.at(3, 2);
    diags.add(d);
    CHECK(print(diags).find("      |   ^~~~~~~~~~~~~~~~~~~~\n") != std::string::npos);
}

TEST_CASE("a caret stays under its character after tabs, accents and invalid bytes") {
    // columns count code points (as base::LineMap does); a tab is copied into the caret line;
    // an invalid byte and a control character are shown as U+FFFD, one column each
    TempFile f("data.csv", "a,\t\xC3\xA9t\xC3\xA9,\xFF\x1B[31m,\"x\n");
    Diagnostics diags;
    diags.error(f.at(1, 15), "quoted field is never closed");
    std::string out = print(diags);
    INFO(out);
    CHECK(out.find("    1 | a,\t\xC3\xA9t\xC3\xA9,\xEF\xBF\xBD\xEF\xBF\xBD[31m,\"x\n") != std::string::npos);
    CHECK(out.find("      |   \t" + std::string(11, ' ') + "^\n") != std::string::npos);
    CHECK(out.find('\x1B') == std::string::npos);  // nothing from the file reaches the terminal as an escape
}

TEST_CASE("a caret counts terminal cells: combining marks take none, wide characters two") {
    TempFile f("report.xml", "<p>a\xCC\x81" "b \xE6\x97\xA5\xE6\x9C\xAC x</p>\n");
    Diagnostics diags;
    diags.error(f.at(1, 6), "b");   // after 'a' and its combining acute accent (U+0301)
    diags.error(f.at(1, 11), "x");  // after two CJK characters, two cells each
    Diagnostic range{Severity::Error, f.at(1, 8), "wide"};
    range.end = f.at(1, 10);
    diags.add(range);
    std::string out = print(diags);
    INFO(out);
    CHECK(out.find("\n      |     ^\n") != std::string::npos);
    CHECK(out.find("\n      |            ^\n") != std::string::npos);
    CHECK(out.find("\n      |       ^~~~\n") != std::string::npos);
}

TEST_CASE("an empty line is not quoted") {
    TempFile f("report.xml", "");
    Diagnostics diags;
    diags.error(f.at(1, 1), "no document element");
    CHECK(print(diags) == f.path.string() + ":1:1: error: no document element\n1 error\n");
}

TEST_CASE("lines end at LF, CR LF or a lone CR, as positions count them") {
    TempFile f("report.xml", "one\r\ntwo\rthree\n");
    Diagnostics diags;
    diags.error(f.at(3, 2), "x");
    CHECK(print(diags).find("    3 | three\n      |  ^\n") != std::string::npos);
}

TEST_CASE("a long line is cut to a window around the caret") {
    std::string line(5000, 'a');
    line[4000] = 'X';
    TempFile f("data.csv", line + "\n");
    Diagnostics diags;
    diags.error(f.at(1, 4001), "here");
    std::string out = print(diags);
    std::istringstream lines(out);
    std::string header, text, caret;
    std::getline(lines, header);
    std::getline(lines, text);
    std::getline(lines, caret);
    CHECK(text.starts_with("    1 | …"));
    CHECK(text.ends_with("a…"));
    CHECK(text.size() < 200);
    // the caret sits under the X
    std::size_t x = text.find('X');
    REQUIRE(x != std::string::npos);
    // "…" is three bytes but one column: the caret line has a space for it
    CHECK(caret.find('^') == x - 2);
}

TEST_CASE("a position past the file's end or with no file has no quote") {
    TempFile f("report.xml", "<report/>\n");
    Diagnostics diags;
    diags.error(f.at(7, 1), "gone");
    diags.error({}, "no place");
    diags.error({std::make_shared<const std::string>(f.path.string())}, "a whole file");
    std::string p = f.path.string();
    CHECK(print(diags) == p + ":7:1: error: gone\nerror: no place\n" + p + ": error: a whole file\n3 errors\n");
}

TEST_CASE("notes follow their diagnostic, each with its own quote") {
    TempFile f("report.xml", "<report>\n  <section id=\"a\"/>\n  <section id=\"a\"/>\n</report>\n");
    Diagnostics diags;
    Diagnostic d{Severity::Error, f.at(3, 3), "duplicate id 'a'"};
    d.notes.push_back({f.at(2, 3), "'a' is first defined here"});
    diags.add(d);
    std::string p = f.path.string();
    CHECK(print(diags) == p + ":3:3: error: duplicate id 'a'\n"
                              "    3 |   <section id=\"a\"/>\n"
                              "      |   ^\n" +
                              p + ":2:3: note: 'a' is first defined here\n"
                              "    2 |   <section id=\"a\"/>\n"
                              "      |   ^\n"
                              "1 error\n");
}

TEST_CASE("the summary counts errors and warnings, and --werror makes warnings errors") {
    CHECK(compose::cli::summary(2, 3) == "2 errors, 3 warnings");
    CHECK(compose::cli::summary(1, 0) == "1 error");
    CHECK(compose::cli::summary(0, 1) == "1 warning");
    CHECK(compose::cli::summary(0, 0).empty());
    Diagnostics diags;
    diags.warning({}, "w1");
    diags.add({Severity::Note, {}, "a note is not counted"});
    std::ostringstream out;
    CHECK_FALSE(compose::cli::print_diagnostics(out, diags, {}));
    CHECK(out.str() == "warning: w1\nnote: a note is not counted\n1 warning\n");
    PrintOptions werror;
    werror.werror = true;
    std::ostringstream out2;
    CHECK(compose::cli::print_diagnostics(out2, diags, werror));
    CHECK(out2.str() == "error: w1\nnote: a note is not counted\n1 error\n");
    CHECK(print(Diagnostics{}).empty());
}

TEST_CASE("colour only when asked for") {
    Diagnostics diags;
    diags.error({}, "x");
    CHECK(print(diags).find('\x1B') == std::string::npos);
    PrintOptions color;
    color.color = true;
    CHECK(print(diags, color).find("\x1B[1;31merror: ") != std::string::npos);
}

TEST_CASE("JSON: one object per diagnostic with position, end, severity, code, hints and notes") {
    Diagnostics diags;
    // field by field: GCC 12 sees a shared_ptr "maybe uninitialized" in the nested braces
    auto file = std::make_shared<const std::string>("dir/r\"e\\port.xml");
    Diagnostic d;
    d.pos = SourcePos{file, 4, 3};
    d.message = "duplicate id 'intro'";
    d.hints.push_back("a \"hint\"\n");
    d.end = SourcePos{file, 4, 9};
    d.notes.push_back(compose::base::Related{SourcePos{file, 3, 3}, "first defined here"});
    diags.add(d);
    diags.warning({std::make_shared<const std::string>("bad\xFFname.png")}, "tab\there");
    PrintOptions json;
    json.format = DiagnosticsFormat::Json;
    CHECK(print(diags, json) ==
          "{\"diagnostics\": [\n"
          "  {\"file\": \"dir/r\\\"e\\\\port.xml\", \"line\": 4, \"column\": 3, \"end\": {\"line\": 4, \"column\": 9}, "
          "\"severity\": \"error\", \"code\": \"duplicate-id\", \"message\": \"duplicate id 'intro'\", "
          "\"hints\": [\"a \\\"hint\\\"\\n\"], \"notes\": [{\"file\": \"dir/r\\\"e\\\\port.xml\", \"line\": 3, \"column\": 3, "
          "\"message\": \"first defined here\"}]},\n"
          "  {\"file\": \"bad\xEF\xBF\xBDname.png\", \"line\": null, \"column\": null, \"end\": null, \"severity\": \"warning\", "
          "\"code\": \"unclassified\", \"message\": \"tab\\there\", \"hints\": [], \"notes\": []}\n"
          "], \"errors\": 1, \"warnings\": 1, \"not_kept\": 0}\n");
}

TEST_CASE("SARIF: rules from the codes, results with regions and related locations") {
    Diagnostics diags;
    auto file = std::make_shared<const std::string>("my report.xml");
    Diagnostic d;
    d.pos = SourcePos{file, 4, 3};
    d.message = "duplicate id 'intro'";
    d.notes.push_back(compose::base::Related{SourcePos{file, 3, 3}, "first defined here"});
    diags.add(d);
    PrintOptions sarif;
    sarif.format = DiagnosticsFormat::Sarif;
    std::string out = print(diags, sarif);
    INFO(out);
    CHECK(out.find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(out.find("{\"id\": \"duplicate-id\", \"shortDescription\": {\"text\": \"two elements with the same id\"}}") != std::string::npos);
    CHECK(out.find("\"ruleId\": \"duplicate-id\", \"ruleIndex\": 0, \"level\": \"error\"") != std::string::npos);
    CHECK(out.find("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"my%20report.xml\"}, \"region\": "
                   "{\"startLine\": 4, \"startColumn\": 3}}}") != std::string::npos);
    CHECK(out.find("\"relatedLocations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"my%20report.xml\"}, "
                   "\"region\": {\"startLine\": 3, \"startColumn\": 3}}, \"id\": 1, \"message\": {\"text\": \"first defined here\"}}]") !=
          std::string::npos);
}

TEST_CASE("every diagnostic code is kebab-case and keeps one summary") {
    std::map<std::string, std::string> summaries;
    for (const auto& c : compose::base::diagnostic_codes()) {
        std::string code = c.code;
        INFO(code);
        CHECK(std::all_of(code.begin(), code.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '-' || (ch >= '0' && ch <= '9'); }));
        auto [it, inserted] = summaries.emplace(code, c.summary);
        CHECK(it->second == c.summary);
    }
}

TEST_CASE("a message finds its code by the table's patterns, in order") {
    auto code = [](const std::string& message) { return compose::base::code_of(Diagnostic{Severity::Error, {}, message}); };
    CHECK(code("unknown element <finidng>") == "unknown-element");
    CHECK(code("element <p> is not allowed in <meta>") == "element-not-allowed");
    CHECK(code("image 'a.png' is not a regular file") == "image-not-regular");
    CHECK(code("image 'a.png' is not a PNG file") == "image-type");
    CHECK(code("<p> has no 'es' text") == "missing-translation");
    CHECK(code("<p> has no 'es' text; the 'en' text stands in, marked") == "translation-fallback");
    CHECK(code("the table has more than 100000 rows") == "rows-limit");
    CHECK(code("row has 2 fields; the header names 3 columns") == "csv-ragged-row");
    CHECK(code("something new") == "unclassified");
    Diagnostic own{Severity::Error, {}, "unknown element <x>"};
    own.code = "own-code";
    CHECK(compose::base::code_of(own) == "own-code");
}

TEST_CASE("a depfile names the output and every input, escaped for Make, with an empty rule for each") {
    CHECK(compose::cli::make_depfile("out/a b.pdf", {"r.xml", "photos/$x#1.png"}) ==
          "out/a\\ b.pdf: \\\n  r.xml \\\n  photos/$$x\\#1.png\n\nr.xml:\n\nphotos/$$x\\#1.png:\n");
}

TEST_CASE("JSON carries every diagnostic kept and counts the rest") {
    Diagnostics diags;
    for (std::size_t i = 0; i < Diagnostics::kKept + 5; ++i) diags.error({}, "e" + std::to_string(i));
    PrintOptions json;
    json.format = DiagnosticsFormat::Json;
    std::string out = print(diags, json);
    std::size_t objects = 0;
    for (std::size_t at = out.find("\"severity\""); at != std::string::npos; at = out.find("\"severity\"", at + 1)) ++objects;
    CHECK(objects == Diagnostics::kKept);
    CHECK(out.ends_with("], \"errors\": " + std::to_string(Diagnostics::kKept + 5) + ", \"warnings\": 0, \"not_kept\": 5}\n"));
    // the text form shows the first hundred and says how many more
    std::string text = print(diags);
    CHECK(text.find("compose: " + std::to_string(Diagnostics::kKept + 5 - compose::cli::kMaxShown) +
                    " more diagnostics not shown; compose stopped early, after too many\n") != std::string::npos);
}

TEST_CASE("SARIF says its columns count code points") {
    Diagnostics diags;
    diags.error({}, "x");
    PrintOptions sarif;
    sarif.format = DiagnosticsFormat::Sarif;
    CHECK(print(diags, sarif).find("\"columnKind\": \"unicodeCodePoints\"") != std::string::npos);
}

TEST_CASE("placeholders: an element's text that begins with a bracket, comments aside") {
    TempFile f("report.xml",
               "<report>\n"
               "  <!-- an example: <p>[not this one]</p> -->\n"
               "  <p>[A finding, in one sentence.]</p><p>Text [sic] inside.</p>\n"
               "  <p>\n    [An intro with <ref to=\"a\"/> inside.]</p>\n"
               "</report>\n");
    Diagnostics diags;
    compose::cli::check_placeholders(f.path.string(), diags);
    REQUIRE(diags.items().size() == 2);
    const auto& first = diags.items()[0];
    CHECK(first.severity == Severity::Warning);
    CHECK(first.message == "placeholder text left in: [A finding, in one sentence.]");
    CHECK(first.pos.line == 3);
    CHECK(first.pos.col == 6);
    CHECK(first.end.col == 35);  // just after the ']'
    CHECK(first.end.line == 3);
    CHECK(compose::base::code_of(first) == "placeholder");
    CHECK(diags.items()[1].pos.line == 5);
    CHECK(diags.items()[1].pos.col == 5);
    CHECK(diags.items()[1].message == "placeholder text left in: [An intro with <ref to=\"a\"/> inside.]");
}
