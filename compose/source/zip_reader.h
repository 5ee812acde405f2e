#pragma once
// The zip container of .xlsx and .ods files, read from memory through libzip. Every part is read
// under a cap on its unpacked size, counted as it unpacks (the sizes a zip declares are not
// trusted), so a zip bomb is an error, never gigabytes of memory.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"

namespace compose::source {

class ZipArchive {
public:
    // nullptr, with an error at `file_name`, when `bytes` is not a readable zip (truncated,
    // corrupt, encrypted). `max_unpacked` caps each part and all parts read together.
    static std::unique_ptr<ZipArchive> open(const std::string& file_name, std::string bytes,
                                            std::uint64_t max_unpacked, base::Diagnostics& diags);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& part) const;
    // The part's bytes; nullopt with an error when it is missing (`required`), corrupt (a CRC or
    // inflate error), or unpacks to more than the cap. A missing part that is not required is
    // nullopt without an error.
    std::optional<std::string> read(const std::string& part, base::Diagnostics& diags, bool required = true);

    const std::string& file_name() const { return file_name_; }
    // "participants.xlsx" as diagnostics name it when no finer place is known
    base::SourcePos where() const { return {file_}; }

private:
    ZipArchive() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string file_name_;
    std::shared_ptr<const std::string> file_;
    std::uint64_t max_unpacked_ = 0;
    std::uint64_t unpacked_ = 0;  // by every read so far
};

}  // namespace compose::source
