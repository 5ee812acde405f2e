#pragma once
// The PDF written on a second thread while the page builder makes the next pages: on two cores
// a long table takes the time of the slower of the two, not of both. Pages are handed over in
// order through a short queue, so the bytes are the same as when written on one thread.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "compose/engine/backend.h"
#include "compose/render/render.h"

namespace compose::engine {

class PdfBackend : public Backend {
public:
    explicit PdfBackend(render::PdfOptions options = {});
    ~PdfBackend() override;  // stops the thread if finish() was not called
    PdfBackend(const PdfBackend&) = delete;
    PdfBackend& operator=(const PdfBackend&) = delete;

    // Queues a page (waiting while the queue is full); false once writing has failed.
    bool add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) override;
    // Waits for every queued page, then finishes the PDF; the writer's diagnostics go to `diags`.
    bool finish(const display::Document& rest, base::Diagnostics& diags) override;
    // Waits for the queued pages and gives up the PDF; the writer's diagnostics go to `diags`.
    void abandon(base::Diagnostics& diags) override { stop(diags); }
    void stop(base::Diagnostics& diags);
    // The finished PDF (after a successful finish()).
    std::string& bytes() { return bytes_; }

private:
    struct Queued {
        display::Page page;
        std::vector<display::FontFace> fonts;
    };
    static constexpr std::size_t kMaxQueued = 8;  // pages made but not yet written

    base::Diagnostics diags_;  // the writer's own: a sink is not shared between threads
    render::PdfStream pdf_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Queued> queue_;
    bool closed_ = false;
    bool failed_ = false;
    std::string bytes_;
    std::thread writer_;

    void write_pages();
    void close();
};

}  // namespace compose::engine
