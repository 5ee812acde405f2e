// libFuzzer target: a CSV data file through the CSV loader (RFC 4180, limits).
#include <cstddef>
#include <cstdint>
#include <string>

#include "compose/source/load_csv.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace compose;
    if (size > 256 * 1024) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    base::Diagnostics diags;
    auto table = source::parse_csv("people.csv", text, diags);
    fuzz::check_diagnostics(diags, !table);
    if (table) {
        if (table->rows.size() != table->row_pos.size()) fuzz::fail("rows and their positions differ in number");
        for (const auto& row : table->rows) {
            if (row.size() != table->columns.size()) fuzz::fail("a row of another width than the header was kept");
        }
    }
    return 0;
}
