#include "compose/base/diagnostics.h"

namespace compose::base {

const std::string& SourcePos::file_name() const {
    static const std::string none = "<input>";
    return file ? *file : none;
}

std::string format(const Diagnostic& d) {
    std::string out;
    if (d.pos.file) {
        out += *d.pos.file;
        if (d.pos.line > 0) {
            out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.col);
        }
        out += ": ";
    }
    switch (d.severity) {
    case Severity::Error: out += "error: "; break;
    case Severity::Warning: out += "warning: "; break;
    case Severity::Note: out += "note: "; break;
    }
    out += d.message;
    for (const auto& h : d.hints) out += "; " + h;
    return out;
}

void Diagnostics::error(SourcePos pos, std::string message, std::vector<std::string> hints) {
    add({Severity::Error, std::move(pos), std::move(message), std::move(hints)});
}

void Diagnostics::warning(SourcePos pos, std::string message, std::vector<std::string> hints) {
    add({Severity::Warning, std::move(pos), std::move(message), std::move(hints)});
}

void Diagnostics::add(Diagnostic d) {
    ++counts_[static_cast<std::size_t>(d.severity)];
    if (items_.size() < kKept) items_.push_back(std::move(d));
    else ++dropped_;
}

}  // namespace compose::base
