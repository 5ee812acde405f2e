#pragma once
// The progress line of a long render: on a terminal, once a render has lasted ~2 s, stderr shows
// one line, "compose: 812 pages laid out", rewritten in place (carriage return) as pages are made
// and cleared at the end. Nothing at all when stderr is not a terminal. A Backend around the real
// one: it counts the pages passing through add_page(); the engine knows nothing of it.
#include <chrono>
#include <cstddef>
#include <cstdio>

#include "compose/engine/backend.h"

namespace compose::cli {

class ProgressBackend : public engine::Backend {
public:
    // Shows the line when `err` is a terminal (isatty); COMPOSE_PROGRESS_AFTER_MS (for the tests
    // only) replaces the 2 s wait.
    ProgressBackend(engine::Backend& inner, std::FILE* err = stderr);
    ~ProgressBackend() override { clear(); }
    ProgressBackend(const ProgressBackend&) = delete;
    ProgressBackend& operator=(const ProgressBackend&) = delete;

    bool add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) override;
    bool finish(const display::Document& rest, base::Diagnostics& diags) override;
    void abandon(base::Diagnostics& diags) override;

    std::size_t pages() const { return pages_; }
    bool shown() const { return shown_; }  // whether the line was ever written

private:
    using Clock = std::chrono::steady_clock;
    engine::Backend& inner_;
    std::FILE* err_;
    bool terminal_;
    Clock::duration after_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_{};
    std::size_t pages_ = 0;
    bool shown_ = false;
    bool on_screen_ = false;

    void clear();
};

}  // namespace compose::cli
