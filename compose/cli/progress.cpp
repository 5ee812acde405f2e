#include "compose/cli/progress.h"

#include <cstdlib>
#include <string>

#include <unistd.h>

namespace compose::cli {

namespace {

std::chrono::steady_clock::duration wait_before_showing() {
    if (const char* env = std::getenv("COMPOSE_PROGRESS_AFTER_MS"); env && *env) {
        char* end = nullptr;
        long ms = std::strtol(env, &end, 10);
        if (end && *end == '\0' && ms >= 0) return std::chrono::milliseconds(ms);
    }
    return std::chrono::seconds(2);
}

}  // namespace

ProgressBackend::ProgressBackend(engine::Backend& inner, std::FILE* err)
    : inner_(inner), err_(err), terminal_(err && ::isatty(::fileno(err))), after_(wait_before_showing()) {}

bool ProgressBackend::add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) {
    ++pages_;
    if (terminal_) {
        auto now = Clock::now();
        // at most ten times a second, so a fast table does not spend its time on the terminal
        if (now - start_ >= after_ && (!on_screen_ || now - last_ >= std::chrono::milliseconds(100))) {
            std::string line = "\rcompose: " + std::to_string(pages_) + (pages_ == 1 ? " page" : " pages") + " laid out";
            std::fputs(line.c_str(), err_);
            std::fflush(err_);
            last_ = now;
            shown_ = on_screen_ = true;
        }
    }
    return inner_.add_page(std::move(page), fonts);
}

bool ProgressBackend::finish(const display::Document& rest, base::Diagnostics& diags) {
    bool ok = inner_.finish(rest, diags);
    clear();
    return ok;
}

void ProgressBackend::abandon(base::Diagnostics& diags) {
    inner_.abandon(diags);
    clear();
}

void ProgressBackend::clear() {
    if (!on_screen_) return;
    std::fputs("\r\033[K", err_);  // back to the start, the line erased: what follows starts clean
    std::fflush(err_);
    on_screen_ = false;
}

}  // namespace compose::cli
