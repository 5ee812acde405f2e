#pragma once
// Limits on what one source can make compose read and build, so that a hostile or broken source
// cannot exhaust memory or the stack: within the defaults compose stays under about 2 GB whatever
// the input (measured: a paragraph costs ~2.5 KB however short, a table row ~5 KB, a byte of one
// paragraph's text ~170 bytes while it is set). Each default is far above what a real report needs
// (the Mexico report: 45 KB, 1,200 elements); a user raises one for a run with --limit NAME=VALUE.
#include <cstdint>
#include <string>
#include <string_view>

namespace compose::base {

struct Limits {
    std::uint64_t file_size = 16ull << 20;       // "file-size": bytes of a source, data or layout file
    std::uint64_t image_size = 64ull << 20;      // "image-size": bytes of an image file
    std::uint64_t image_pixels = 100'000'000;    // "image-pixels": width x height of an image
    std::uint64_t depth = 64;                    // "depth": elements nested in an XML file
    std::uint64_t elements = 200'000;            // "elements": elements in an XML file
    std::uint64_t rows = 100'000;                // "rows": rows of a table (by hand, or of a data file)
    std::uint64_t columns = 128;                 // "columns": columns of a table or data file
    std::uint64_t cell_size = 64ull << 10;       // "cell-size": bytes of text in a table cell or data field
    // "data-size": the memory one data table (a CSV file, a sheet) takes, counted as its cells'
    // text and kCellMemory bytes for each cell. A spreadsheet can repeat a text in many cells (a
    // shared string, a merged area, an .ods repeat): a 658 KB .xlsx asked for 6.5 GB. Twice
    // the file-size limit, so a 16 MB CSV file in a legacy encoding, whose text grows as it is
    // converted to UTF-8, still fits.
    std::uint64_t data_size = 32ull << 20;
    std::uint64_t paragraph_size = 1ull << 20;   // "paragraph-size": bytes of text in a paragraph, heading,
                                                 // lead, caption or attribution
    // "marks": combining marks in a row on one letter. Shaping a letter costs the square of its
    // marks (20,000 take a second); Unicode's stream-safe text (UAX #15) has at most 30.
    std::uint64_t marks = 30;
};

// What a cell of a data table costs beside its text, as the data-size limit counts it: the
// std::string that holds it.
constexpr std::uint64_t kCellMemory = 32;

// The error for a data table beyond the data-size limit: "the file takes more than 32 MB of
// memory…", `what` naming it ("the file", "the sheet").
std::string data_size_message(std::string_view what, std::uint64_t limit);

// The highest the depth limit goes: the stages walk nested inline elements recursively. Measured
// at this depth: under 1 MB of stack in a release build, about 3.5 MB with AddressSanitizer, of
// the usual 8 MB (tests/diagnostics/deep_nesting.sh renders a source this deep).
constexpr std::uint64_t kMaxDepth = 500;

// Sets one limit from "NAME=VALUE"; a size may end in KB, MB or GB (1024-based), a count in k or M
// (1000-based). False, with `error` saying why, for an unknown name or a value that is not a
// positive number.
bool set_limit(Limits& limits, std::string_view assignment, std::string& error);

// The hint that ends a limit's error message: "raise the limit with --limit rows=N".
std::string raise_hint(std::string_view name);

// A byte count as messages print it: "64 MB", "65536 bytes".
std::string format_bytes(std::uint64_t bytes);

}  // namespace compose::base
