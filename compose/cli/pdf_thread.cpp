#include "compose/cli/pdf_thread.h"

namespace compose::cli {

PdfThread::PdfThread() : writer_([this] { write_pages(); }) {}

PdfThread::~PdfThread() { close(); }

void PdfThread::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
    if (writer_.joinable()) writer_.join();
}

bool PdfThread::add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < kMaxQueued || failed_; });
    if (failed_) return false;
    queue_.push_back({std::move(page), fonts});
    lock.unlock();
    changed_.notify_all();
    return true;
}

void PdfThread::write_pages() {
    for (;;) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;  // closed, and all written
        Queued next = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        changed_.notify_all();
        bool ok = pdf_.add_page(next.page, next.fonts);
        if (!ok) {
            std::lock_guard failed(mutex_);
            failed_ = true;
            queue_.clear();
            changed_.notify_all();
        }
    }
}

std::optional<std::string> PdfThread::finish(const std::vector<display::OutlineEntry>& outline,
                                             const display::Metadata& metadata, base::Diagnostics& diags) {
    close();
    std::optional<std::string> bytes;
    if (!failed_) bytes = pdf_.finish(outline, metadata);
    stop(diags);
    return bytes;
}

void PdfThread::stop(base::Diagnostics& diags) {
    close();
    for (const auto& d : diags_.items()) diags.add(d);
    diags_ = {};
}

}  // namespace compose::cli
