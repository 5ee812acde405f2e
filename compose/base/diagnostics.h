#pragma once
// Diagnostics are data: stages add them to a sink, only the command prints them.
#include <string>
#include <vector>

#include "compose/base/source_pos.h"

namespace compose::base {

enum class Severity { Error, Warning, Note };

// A related place a diagnostic points to, printed after it as a note ("first defined here").
struct Related {
    SourcePos pos;
    std::string message;
};

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos pos;
    std::string message;
    std::vector<std::string> hints;  // "did you mean <finding>?"
    // Where the text the diagnostic is about ends (the position after its last character), when
    // it is known: printed as a range underline. line 0: only the caret at `pos`.
    SourcePos end;
    std::vector<Related> notes;
    std::string code;  // a stable code; empty: code_of() finds it from the message
};

// "file:line:col: error: message; hint" — the form compilers use, so editors can jump to it.
std::string format(const Diagnostic& d);

// A diagnostic's stable code ("duplicate-id"): its own, or the one of the first entry in
// diagnostic_codes() whose pattern its message matches; "unclassified" when none does.
std::string code_of(const Diagnostic& d);

struct DiagnosticCode {
    const char* code;     // kebab-case, never renamed once released
    const char* pattern;  // a message matches when it contains every '*'-separated piece, in order
    const char* summary;  // for the README, the man page and SARIF's rule list
};
// Every code, in the order they are tried.
const std::vector<DiagnosticCode>& diagnostic_codes();

// The first kKept diagnostics are kept, the rest only counted: a table of 50,000 broken rows
// must not take gigabytes to say so. Stages that loop over much input stop (throw Fatal) once
// full() says the sink has given up keeping, as compilers stop after so many errors.
class Diagnostics {
public:
    static constexpr std::size_t kKept = 1000;

    void add(Diagnostic d);
    void error(SourcePos pos, std::string message, std::vector<std::string> hints = {});
    void warning(SourcePos pos, std::string message, std::vector<std::string> hints = {});
    bool has_errors() const { return count(Severity::Error) > 0; }
    std::size_t count(Severity s) const { return counts_[static_cast<std::size_t>(s)]; }
    const std::vector<Diagnostic>& items() const { return items_; }
    std::size_t total() const { return items_.size() + dropped_; }  // kept and only counted
    std::size_t dropped() const { return dropped_; }
    bool full() const { return dropped_ > 0; }

private:
    std::vector<Diagnostic> items_;
    std::size_t dropped_ = 0;
    std::size_t counts_[3] = {};
};

// Thrown by a stage that cannot go on; the diagnostic that explains why is already in the sink.
struct Fatal {};

}  // namespace compose::base
