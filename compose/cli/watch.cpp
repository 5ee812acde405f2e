#include "compose/cli/watch.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <thread>

#include "compose/source/source.h"

namespace compose::cli {
namespace {

namespace fs = std::filesystem;

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_signal(int) { g_stop = 1; }

// What is known of a file between looks: editors save by writing in place or by renaming a new
// file over the old, so the time, the size and whether it exists are all compared.
struct Stamp {
    fs::file_time_type time{};
    std::uintmax_t size = 0;
    bool exists = false;
    bool operator==(const Stamp&) const = default;
};

Stamp stamp_of(const std::string& path) {
    std::error_code ec;
    Stamp s;
    s.time = fs::last_write_time(path, ec);
    if (ec) return {};
    s.size = fs::file_size(path, ec);
    s.exists = true;
    return s;
}

std::map<std::string, Stamp> stamps_of(const std::vector<std::string>& files) {
    std::map<std::string, Stamp> stamps;
    for (const auto& f : files) stamps[f] = stamp_of(f);
    return stamps;
}

// The files a source names, those that do not exist yet too, when its render stopped before
// the pipeline listed them (a photo not there yet stops it): read again as a draft, in which a
// missing photo is no error. Empty when even that fails (the XML itself is broken).
std::vector<std::string> files_named(const engine::Options& options) {
    base::Diagnostics ignored;
    source::LoadOptions load{true, options.lang, options.fallback, options.limits, options.root};
    auto doc = source::load_document(options.source, load, ignored);
    return doc ? source::input_files(*doc) : std::vector<std::string>{};
}

}  // namespace

void watch(const WatchOptions& options,
           const std::function<void(const base::Diagnostics&, const std::string&)>& report) {
    g_stop = 0;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::vector<std::string> watched = {options.pipeline.source};
    while (!g_stop) {
        auto started = std::chrono::steady_clock::now();
        base::Diagnostics diags;
        std::vector<std::string> inputs;
        engine::Options pipeline = options.pipeline;
        pipeline.inputs = &inputs;
        auto before = stamps_of(watched);  // a file saved during the render is seen afterwards
        std::string outcome = options.output + ": not written (the errors above); the last good PDF stays";
        if (auto pages = render_to_file(pipeline, options.output, diags)) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
            outcome = pages_written(options.output, *pages) + " in " + std::to_string(ms.count()) + " ms";
        }
        if (inputs.empty()) {
            // the render stopped before the pipeline listed its files: the files the source names
            // (a photo not there yet) join those watched so far (the layouts among them)
            inputs = files_named(pipeline);
            for (const auto& f : watched) {
                if (!inputs.empty() && std::find(inputs.begin(), inputs.end(), f) == inputs.end()) inputs.push_back(f);
            }
        }
        if (!inputs.empty()) {  // a source that did not load at all keeps the files of the last one that did
            watched = inputs;
            for (const auto& f : watched) before.try_emplace(f, stamp_of(f));  // newly named: as they are now
            std::erase_if(before, [&](const auto& entry) {
                return std::find(watched.begin(), watched.end(), entry.first) == watched.end();
            });
        }
        report(diags, outcome);
        // wait for a change, then for the writing to settle
        while (!g_stop && stamps_of(watched) == before) {
            std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms / 2));
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

}  // namespace compose::cli
