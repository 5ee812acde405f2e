#include "compose/cli/print_diagnostics.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

#include "compose/base/utf8.h"

namespace compose::cli {

namespace {

using base::json_string;

using base::Diagnostic;
using base::Severity;
using base::SourcePos;

// A source file read again to quote its lines: lines end at LF, CR LF or a lone CR, as in
// base::LineMap, so that line numbers agree.
class SourceFile {
public:
    explicit SourceFile(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return;
        in.seekg(0, std::ios::end);
        auto size = in.tellg();
        // a file over 256 MB is not quoted (it would be read whole again just for its lines)
        if (size < 0 || size > (std::streamoff(1) << 28)) return;
        text_.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(text_.data(), size);
        if (!in) {
            text_.clear();
            return;
        }
        ok_ = true;
        starts_.push_back(0);
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
                starts_.push_back(i + 1);
            }
        }
    }

    // Line `n` (1-based) without its line end; nullptr past the end.
    bool line(int n, std::string_view& out) const {
        if (!ok_ || n < 1 || static_cast<std::size_t>(n) > starts_.size()) return false;
        std::size_t start = starts_[n - 1];
        std::size_t end = static_cast<std::size_t>(n) < starts_.size() ? starts_[n] : text_.size();
        while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
        if (start == text_.size() && n > 1) return false;  // the empty "line" after a final line end
        out = std::string_view(text_).substr(start, end - start);
        return true;
    }

private:
    std::string text_;
    std::vector<std::size_t> starts_;
    bool ok_ = false;
};

// How many terminal cells a code point takes: none for a combining mark (it sits on the letter
// before), two for the wide characters of East Asian scripts, one for the rest. Enough to keep
// the caret under its character in the lines compose quotes; not all of Unicode's width table.
int cells_of(char32_t cp) {
    auto in = [cp](char32_t a, char32_t b) { return cp >= a && cp <= b; };
    if (in(0x0300, 0x036F) || in(0x1AB0, 0x1AFF) || in(0x1DC0, 0x1DFF) || in(0x20D0, 0x20FF) || in(0xFE20, 0xFE2F) ||
        cp == 0x200B || cp == 0x200D) {
        return 0;
    }
    if (in(0x1100, 0x115F) || in(0x2E80, 0x303E) || in(0x3041, 0x33FF) || in(0x3400, 0x4DBF) || in(0x4E00, 0x9FFF) ||
        in(0xA000, 0xA4CF) || in(0xAC00, 0xD7A3) || in(0xF900, 0xFAFF) || in(0xFE30, 0xFE4F) || in(0xFF00, 0xFF60) ||
        in(0xFFE0, 0xFFE6) || in(0x1F300, 0x1F64F) || in(0x1F900, 0x1F9FF) || in(0x20000, 0x3FFFD)) {
        return 2;
    }
    return 1;
}

struct Column {
    std::string text;  // as printed
    int cells = 1;     // terminal cells it takes
};

// The line's columns as printable text: one entry per column (a code point, counted like
// base::LineMap counts them), invalid bytes and control characters shown as U+FFFD so that a
// source can neither break the terminal's state nor the caret's alignment. Tabs stay tabs (the
// caret line copies them, so both lines expand them alike).
std::vector<Column> columns_of(std::string_view line) {
    std::vector<Column> cols;
    static const std::string replacement = "\xEF\xBF\xBD";
    std::size_t i = 0;
    while (i < line.size()) {
        std::size_t j = i + 1;
        while (j < line.size() && (static_cast<unsigned char>(line[j]) & 0xC0) == 0x80) ++j;
        std::string_view cp = line.substr(i, j - i);
        unsigned char c = static_cast<unsigned char>(cp[0]);
        bool control = (c < 0x20 && c != '\t') || c == 0x7F ||
                       (cp.size() == 2 && c == 0xC2 && static_cast<unsigned char>(cp[1]) < 0xA0);  // C1
        if (control || base::find_invalid_utf8(cp)) {
            cols.push_back({replacement, 1});
        } else {
            std::size_t k = 0;
            cols.push_back({std::string(cp), cells_of(base::next_code_point(cp, k))});
        }
        i = j;
    }
    return cols;
}

struct Colors {
    bool on = false;
    const char* bold() const { return on ? "\033[1m" : ""; }
    const char* reset() const { return on ? "\033[0m" : ""; }
    const char* severity(Severity s) const {
        if (!on) return "";
        switch (s) {
        case Severity::Error: return "\033[1;31m";
        case Severity::Warning: return "\033[1;35m";
        case Severity::Note: return "\033[1;36m";
        }
        return "";
    }
    const char* caret() const { return on ? "\033[1;32m" : ""; }
};

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "error";
}

class Printer {
public:
    Printer(std::ostream& out, const PrintOptions& options) : out_(out), options_(options) { colors_.on = options.color; }

    Severity shown(const Diagnostic& d) const {
        return options_.werror && d.severity == Severity::Warning ? Severity::Error : d.severity;
    }

    void text(const Diagnostic& d) {
        std::string message = d.message;
        for (const auto& h : d.hints) message += "; " + h;
        header(d.pos, shown(d), message);
        snippet(d.pos, d.end);
        for (const auto& note : d.notes) {
            header(note.pos, Severity::Note, note.message);
            snippet(note.pos, {});
        }
    }

private:
    std::ostream& out_;
    const PrintOptions& options_;
    Colors colors_;
    std::map<std::string, std::unique_ptr<SourceFile>> files_;

    void header(const SourcePos& pos, Severity severity, const std::string& message) {
        out_ << colors_.bold();
        if (pos.file) {
            out_ << base::escape_controls(*pos.file);
            if (pos.line > 0) out_ << ':' << pos.line << ':' << pos.col;
            out_ << ": ";
        }
        // a name quoted from a source may hold escape sequences or bidi overrides: shown, not obeyed
        out_ << colors_.reset() << colors_.severity(severity) << severity_name(severity) << ": " << colors_.reset()
             << colors_.bold() << base::escape_controls(message) << colors_.reset() << "\n";
    }

    // "   41 |   <finidng>" and under it "      |   ^~~~~~~~": the source line and a caret at the
    // column, a range underlined to `end` (or to the line's end when it ends on a later line).
    // Lines over 160 columns are cut to a window around the caret, marked with "…".
    void snippet(const SourcePos& pos, const SourcePos& end) {
        if (!pos.known() || pos.col < 1) return;
        auto& file = files_[*pos.file];
        if (!file) file = std::make_unique<SourceFile>(*pos.file);
        std::string_view line;
        if (!file->line(pos.line, line)) return;
        if (line.empty()) return;  // nothing to point at (an empty file, say)
        std::vector<Column> cols = columns_of(line);
        std::size_t caret = static_cast<std::size_t>(pos.col - 1);
        if (caret > cols.size()) return;  // not a position in this file as it is now
        std::size_t range_end = caret + 1;  // one past the last column marked
        if (end.line == pos.line && end.col > pos.col) range_end = static_cast<std::size_t>(end.col - 1);
        else if (end.line > pos.line) range_end = std::max(cols.size(), caret + 1);

        constexpr std::size_t kWidth = 160, kBefore = 60;
        std::size_t from = 0, to = cols.size();
        bool cut_left = false, cut_right = false;
        if (cols.size() > kWidth) {
            from = caret > kBefore ? caret - kBefore : 0;
            to = std::min(cols.size(), from + kWidth);
            cut_left = from > 0;
            cut_right = to < cols.size();
        }
        range_end = std::min(range_end, std::max(to, caret + 1));

        std::string number = std::to_string(pos.line);
        std::string gutter(std::max<std::size_t>(number.size(), 4) - number.size(), ' ');
        std::string text_line, caret_line;
        if (cut_left) {
            text_line += "…";
            caret_line += ' ';
        }
        for (std::size_t c = from; c < to; ++c) {
            text_line += cols[c].text;
            if (c < caret) caret_line += cols[c].text == "\t" ? std::string("\t") : std::string(cols[c].cells, ' ');
        }
        if (cut_right) text_line += "…";
        // '^' under the caret's character, '~' under the rest of the range, cell for cell
        std::string marks = "^";
        for (std::size_t c = caret; c < range_end && c < cols.size(); ++c) {
            int cells = cols[c].text == "\t" ? 1 : cols[c].cells;
            if (c == caret) cells -= 1;
            if (cells > 0) marks += std::string(cells, '~');
        }
        out_ << " " << gutter << number << " | " << text_line << "\n"
             << " " << std::string(gutter.size() + number.size(), ' ') << " | " << caret_line << colors_.caret() << marks
             << colors_.reset() << "\n";
    }
};

std::string json_position(const SourcePos& pos) {
    std::string out = "\"file\": " + (pos.file ? json_string(*pos.file) : std::string("null"));
    out += ", \"line\": " + (pos.line > 0 ? std::to_string(pos.line) : std::string("null"));
    out += ", \"column\": " + (pos.line > 0 ? std::to_string(pos.col) : std::string("null"));
    return out;
}

void print_json(std::ostream& out, const base::Diagnostics& diags, const Printer& printer, std::size_t errors,
                std::size_t warnings) {
    out << "{\"diagnostics\": [";
    bool first = true;
    for (const auto& d : diags.items()) {
        out << (first ? "\n  " : ",\n  ");
        first = false;
        out << "{" << json_position(d.pos) << ", \"end\": ";
        if (d.end.line > 0) out << "{\"line\": " << d.end.line << ", \"column\": " << d.end.col << "}";
        else out << "null";
        out << ", \"severity\": \"" << severity_name(printer.shown(d)) << "\", \"code\": " << json_string(base::code_of(d))
            << ", \"message\": " << json_string(d.message) << ", \"hints\": [";
        for (std::size_t h = 0; h < d.hints.size(); ++h) out << (h ? ", " : "") << json_string(d.hints[h]);
        out << "], \"notes\": [";
        for (std::size_t n = 0; n < d.notes.size(); ++n) {
            out << (n ? ", " : "") << "{" << json_position(d.notes[n].pos) << ", \"message\": " << json_string(d.notes[n].message)
                << "}";
        }
        out << "]}";
    }
    out << (first ? "" : "\n") << "], \"errors\": " << errors << ", \"warnings\": " << warnings
        << ", \"not_kept\": " << diags.dropped() << "}\n";
}

// A relative path as a URI reference (RFC 3986): unreserved characters and '/' as they are, the
// rest percent-encoded; an absolute path as a file: URI.
std::string uri_of(const std::string& path) {
    std::string out = path.starts_with('/') ? "file://" : "";
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string sarif_location(const SourcePos& pos, const SourcePos& end) {
    std::string out = "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " + json_string(uri_of(*pos.file)) + "}";
    if (pos.line > 0) {
        out += ", \"region\": {\"startLine\": " + std::to_string(pos.line) + ", \"startColumn\": " + std::to_string(pos.col);
        if (end.line > 0) out += ", \"endLine\": " + std::to_string(end.line) + ", \"endColumn\": " + std::to_string(end.col);
        out += "}";
    }
    return out + "}}";
}

// SARIF 2.1.0 (OASIS), as GitHub code scanning and other CI tools read it: one run, the codes
// used as its rules, one result per diagnostic, notes as related locations. Columns count code
// points, as compose's do.
void print_sarif(std::ostream& out, const base::Diagnostics& diags, const Printer& printer) {
    std::vector<std::string> rules;
    for (const auto& d : diags.items()) {
        std::string code = base::code_of(d);
        if (std::find(rules.begin(), rules.end(), code) == rules.end()) rules.push_back(code);
    }
    out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
        << "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"compose\", \"version\": \"" << COMPOSE_VERSION
        << "\", \"rules\": [";
    for (std::size_t r = 0; r < rules.size(); ++r) {
        std::string summary = "a diagnostic compose has no code for yet";
        for (const auto& c : base::diagnostic_codes()) {
            if (rules[r] == c.code) {
                summary = c.summary;
                break;
            }
        }
        out << (r ? ",\n" : "\n") << "      {\"id\": " << json_string(rules[r]) << ", \"shortDescription\": {\"text\": "
            << json_string(summary) << "}}";
    }
    out << (rules.empty() ? "" : "\n    ") << "]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [";
    bool first = true;
    for (const auto& d : diags.items()) {
        std::string code = base::code_of(d);
        std::string message = d.message;
        for (const auto& h : d.hints) message += "; " + h;
        auto rule = std::find(rules.begin(), rules.end(), code) - rules.begin();
        out << (first ? "\n" : ",\n") << "      {\"ruleId\": " << json_string(code) << ", \"ruleIndex\": " << rule
            << ", \"level\": \"" << severity_name(printer.shown(d)) << "\", \"message\": {\"text\": " << json_string(message)
            << "}, \"locations\": [";
        first = false;
        if (d.pos.file) out << sarif_location(d.pos, d.end);
        out << "]";
        bool any = false;
        for (std::size_t n = 0; n < d.notes.size(); ++n) {
            if (!d.notes[n].pos.file) continue;
            std::string location = sarif_location(d.notes[n].pos, {});
            location.pop_back();  // the location's closing brace: an id and a message go inside
            out << (any ? ", " : ", \"relatedLocations\": [") << location << ", \"id\": " << n + 1
                << ", \"message\": {\"text\": " << json_string(d.notes[n].message) << "}}";
            any = true;
        }
        if (any) out << "]";
        out << "}";
    }
    out << (first ? "" : "\n    ") << "]\n  }]\n}\n";
}

}  // namespace

std::string summary(std::size_t errors, std::size_t warnings) {
    auto count = [](std::size_t n, const char* what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); };
    std::string out;
    if (errors) out = count(errors, "error");
    if (warnings) out += (out.empty() ? "" : ", ") + count(warnings, "warning");
    return out;
}

bool print_diagnostics(std::ostream& out, const base::Diagnostics& diags, const PrintOptions& options) {
    std::size_t errors = diags.count(Severity::Error), warnings = diags.count(Severity::Warning);
    if (options.werror) {
        errors += warnings;
        warnings = 0;
    }
    Printer printer(out, options);
    switch (options.format) {
    case DiagnosticsFormat::Json: print_json(out, diags, printer, errors, warnings); break;
    case DiagnosticsFormat::Sarif: print_sarif(out, diags, printer); break;
    case DiagnosticsFormat::Text: {
        const auto& items = diags.items();
        for (std::size_t i = 0; i < items.size() && i < kMaxShown; ++i) printer.text(items[i]);
        if (diags.total() > kMaxShown) {
            out << "compose: " << diags.total() - kMaxShown << " more diagnostics not shown"
                << (diags.full() ? "; compose stopped early, after too many" : "") << "\n";
        }
        if (errors || warnings) out << summary(errors, warnings) << "\n";
        break;
    }
    }
    out.flush();
    return errors > 0;
}

bool color_wanted(int fd) {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::strcmp(term, "dumb") == 0) return false;
    return isatty(fd) == 1;
}

}  // namespace compose::cli
