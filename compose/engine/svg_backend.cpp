#include "compose/engine/svg_backend.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>

namespace compose::engine {

std::string SvgBackend::file_name(std::size_t number) {
    std::string digits = std::to_string(number);
    if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
    return "page-" + digits + ".svg";
}

std::string SvgBackend::href(const std::string& dest, std::size_t from_page) const {
    auto it = destinations_.find(dest);
    // on the same page, or on none given (--only annexes): "#dest"
    if (it == destinations_.end() || it->second == from_page) return {};
    return file_name(it->second) + "#" + dest;
}

bool SvgBackend::add_page(display::Page&& page, const std::vector<display::FontFace>& fonts) {
    if (failed_) return false;
    std::size_t number = ++pages_;
    for (const auto* dest : display::items_of<display::Destination>(page)) destinations_.emplace(dest->name, number);
    bool links_forward = false;
    for (const auto* link : display::items_of<display::Link>(page)) {
        if (link->uri.empty() && !destinations_.count(link->dest)) links_forward = true;
    }
    if (links_forward) {
        held_.push_back({std::move(page), number});
        return true;
    }
    return write(page, number, fonts);
}

bool SvgBackend::write(const display::Page& page, std::size_t number, const std::vector<display::FontFace>& fonts) {
    std::optional<std::string> svg;
    // the backend's barrier: what a library throws becomes a diagnostic
    try {
        svg = writer_.write_page(page, fonts, [&](const std::string& dest) { return href(dest, number); }, diags_);
    } catch (const std::exception& e) {
        diags_.error({}, std::string("internal error while writing SVG: ") + e.what());
    }
    if (!svg) return failed_ = true, false;
    std::string path = folder_ + "/" + file_name(number);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(svg->data(), static_cast<std::streamsize>(svg->size()));
    out.close();
    if (!out) {
        diags_.error({std::make_shared<const std::string>(path)}, std::string("cannot write the page: ") + std::strerror(errno));
        return failed_ = true, false;
    }
    files_.push_back(std::move(path));
    return true;
}

bool SvgBackend::finish(const display::Document& rest, base::Diagnostics& diags) {
    // every destination is known now: the pages held for their links
    for (const auto& held : held_) {
        if (failed_ || !write(held.page, held.number, rest.fonts)) break;
    }
    held_.clear();
    std::sort(files_.begin(), files_.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    for (const auto& d : diags_.items()) diags.add(d);
    diags_ = {};
    return !failed_;
}

void SvgBackend::abandon(base::Diagnostics& diags) {
    held_.clear();
    for (const auto& d : diags_.items()) diags.add(d);
    diags_ = {};
}

}  // namespace compose::engine
