#pragma once
// Diagnostics are data: stages add them to a sink, only the command prints them.
#include <string>
#include <vector>

#include "compose/base/source_pos.h"

namespace compose::base {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos pos;
    std::string message;
    std::vector<std::string> hints;  // "did you mean <finding>?"
};

// "file:line:col: error: message; hint" — the form compilers use, so editors can jump to it.
std::string format(const Diagnostic& d);

class Diagnostics {
public:
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void error(SourcePos pos, std::string message, std::vector<std::string> hints = {});
    void warning(SourcePos pos, std::string message, std::vector<std::string> hints = {});
    bool has_errors() const;
    std::size_t count(Severity s) const;
    const std::vector<Diagnostic>& items() const { return items_; }

private:
    std::vector<Diagnostic> items_;
};

// Thrown by a stage that cannot go on; the diagnostic that explains why is already in the sink.
struct Fatal {};

}  // namespace compose::base
