#pragma once
// `compose watch`: render, then render again whenever a file the report was made from changes.
#include <functional>
#include <string>

#include "compose/cli/pipeline.h"

namespace compose::cli {

struct WatchOptions {
    engine::Options pipeline;
    std::string output;       // the PDF
    int poll_ms = 200;        // how often the files are looked at
};

// Renders as `compose render` does, each time printing the diagnostics and the outcome through
// `report` (a failed render keeps the last good PDF). Returns when interrupted (SIGINT, SIGTERM).
void watch(const WatchOptions& options, const std::function<void(const base::Diagnostics&, const std::string&)>& report);

}  // namespace compose::cli
