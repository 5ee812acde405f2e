#pragma once
// Shared by the fuzz targets: where a fuzzed source is read from, and the checks every target
// makes on the diagnostics it gets back.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compose/base/diagnostics.h"

namespace compose::fuzz {

// A fuzzed source is read as if it were tests/fuzz/data/report.xml: the data files and images the
// seeds name are there (people.csv, agenda.xml, photos/…), so inputs reach the CSV, agenda and
// image loaders. Nothing outside that folder may be read (the loader refuses it).
inline std::string source_path() { return std::string(COMPOSE_SOURCE_DIR) + "/tests/fuzz/data/report.xml"; }

// fonts/ and layouts/ of the project.
inline std::string project_dir() { return COMPOSE_SOURCE_DIR; }

// Fails the run (libFuzzer reports a crash) with a message.
[[noreturn]] inline void fail(const std::string& why) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", why.c_str());
    std::abort();
}

// Every input that is refused must be refused with an error, and every error must name a file:
// "no crash, no hang, a located diagnostic for each". Every diagnostic must format; with
// COMPOSE_FUZZ_VERBOSE=1 in the environment they are printed (to see how far an input gets).
inline void check_diagnostics(const base::Diagnostics& diags, bool refused) {
    static const bool verbose = std::getenv("COMPOSE_FUZZ_VERBOSE") != nullptr;
    if (refused && !diags.has_errors()) fail("the input was refused without an error");
    for (const auto& d : diags.items()) {
        std::string text = base::format(d);
        if (verbose) std::fprintf(stderr, "  %s\n", text.c_str());
        if (d.severity == base::Severity::Error && !d.pos.file) fail("an error without a file: " + text);
    }
}

}  // namespace compose::fuzz
