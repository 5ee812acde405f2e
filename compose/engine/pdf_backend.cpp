#include "compose/engine/pdf_backend.h"

#include <exception>

namespace compose::engine {

PdfBackend::PdfBackend(render::PdfOptions options)
    : pdf_(diags_, std::move(options)), writer_([this] { write_pages(); }) {}

PdfBackend::~PdfBackend() { close(); }

void PdfBackend::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
    if (writer_.joinable()) writer_.join();
}

bool PdfBackend::add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < kMaxQueued || failed_; });
    if (failed_) return false;
    queue_.push_back({std::move(page), fonts});
    lock.unlock();
    changed_.notify_all();
    return true;
}

void PdfBackend::write_pages() {
    for (;;) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;  // closed, and all written
        Queued next = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        changed_.notify_all();
        bool ok = false;
        // the thread's barrier: an exception escaping a thread would end the process
        try {
            ok = pdf_.add_page(next.page, next.fonts);
        } catch (const std::exception& e) {
            diags_.error({}, std::string("internal error while writing the PDF: ") + e.what());  // code: internal-error
        } catch (...) {
            diags_.error({}, "internal error while writing the PDF");
        }
        if (!ok) {
            std::lock_guard failed(mutex_);
            failed_ = true;
            queue_.clear();
            changed_.notify_all();
        }
    }
}

bool PdfBackend::finish(const display::Document& rest, base::Diagnostics& diags) {
    close();
    std::optional<std::string> bytes;
    if (!failed_) {
        try {
            bytes = pdf_.finish(rest.outline, rest.metadata);
        } catch (const std::exception& e) {
            diags_.error({}, std::string("internal error while writing the PDF: ") + e.what());  // code: internal-error
        }
    }
    stop(diags);
    if (!bytes) return false;
    bytes_ = std::move(*bytes);
    return true;
}

void PdfBackend::stop(base::Diagnostics& diags) {
    close();
    for (const auto& d : diags_.items()) diags.add(d);
    diags_ = {};
}

}  // namespace compose::engine
