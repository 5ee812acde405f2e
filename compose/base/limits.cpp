#include "compose/base/limits.h"

#include <charconv>
#include <iterator>
#include <limits>

namespace compose::base {

namespace {

struct Entry {
    std::string_view name;
    std::uint64_t Limits::*field;
    bool bytes;  // sizes take KB/MB/GB, counts k/M
};

constexpr Entry kEntries[] = {
    {"file-size", &Limits::file_size, true},   {"image-size", &Limits::image_size, true},
    {"image-pixels", &Limits::image_pixels, false}, {"depth", &Limits::depth, false},
    {"elements", &Limits::elements, false},    {"rows", &Limits::rows, false},
    {"columns", &Limits::columns, false},      {"cell-size", &Limits::cell_size, true},
    {"paragraph-size", &Limits::paragraph_size, true}, {"marks", &Limits::marks, false},
    {"data-size", &Limits::data_size, true},
};

}  // namespace

bool set_limit(Limits& limits, std::string_view assignment, std::string& error) {
    auto eq = assignment.find('=');
    std::string_view name = assignment.substr(0, eq);
    const Entry* entry = nullptr;
    for (const auto& e : kEntries) {
        if (e.name == name) entry = &e;
    }
    if (!entry) {
        error = "unknown limit '" + std::string(name) + "'; the limits are ";
        for (const auto& e : kEntries) error += std::string(e.name) + (&e == &kEntries[std::size(kEntries) - 1] ? "" : ", ");
        return false;
    }
    if (eq == std::string_view::npos) {
        error = "--limit " + std::string(name) + " needs a value: " + std::string(name) + "=N";
        return false;
    }
    std::string_view value = assignment.substr(eq + 1);
    std::uint64_t number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    std::string_view unit(end, static_cast<std::size_t>(value.data() + value.size() - end));
    std::uint64_t scale = 0;
    if (unit.empty()) scale = 1;
    else if (entry->bytes && (unit == "KB" || unit == "kB")) scale = 1ull << 10;
    else if (entry->bytes && unit == "MB") scale = 1ull << 20;
    else if (entry->bytes && unit == "GB") scale = 1ull << 30;
    else if (!entry->bytes && unit == "k") scale = 1000;
    else if (!entry->bytes && unit == "M") scale = 1000000;
    if (ec != std::errc() || end == value.data() || scale == 0 || number == 0 ||
        number > std::numeric_limits<std::uint64_t>::max() / scale) {
        error = "--limit " + std::string(name) + " takes a positive number" +
                (entry->bytes ? " of bytes (KB, MB, GB allowed)" : "") + ", not '" + std::string(value) + "'";
        return false;
    }
    if (entry->field == &Limits::depth && number * scale > kMaxDepth) {
        error = "--limit depth goes up to " + std::to_string(kMaxDepth) +
                ": the stages walk nested elements recursively, and deeper nesting could exhaust the stack";
        return false;
    }
    limits.*(entry->field) = number * scale;
    return true;
}

std::string raise_hint(std::string_view name) {
    return "raise the limit with --limit " + std::string(name) + "=N";
}

std::string data_size_message(std::string_view what, std::uint64_t limit) {
    return std::string(what) + " takes more than " + format_bytes(limit) + " of memory as a table (its cells' text, and " +
           std::to_string(kCellMemory) + " bytes for each cell)";
}

std::string format_bytes(std::uint64_t bytes) {
    if (bytes >= (1ull << 20) && bytes % (1ull << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1ull << 10) && bytes % (1ull << 10) == 0) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace compose::base
