// Locale-aware sorting of data rows with ICU collation: "Álvaro" sorts among the A's.
#include <algorithm>
#include <memory>
#include <numeric>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "compose/resolve/resolve.h"

namespace compose::resolve {

void sort_rows(std::vector<std::vector<std::string>>& rows, std::vector<base::SourcePos>& positions,
               const std::vector<std::string>& columns, const std::vector<model::SortKey>& fields,
               const std::string& lang) {
    struct Key {
        std::size_t column;
        bool descending;
    };
    std::vector<Key> keys;
    for (const auto& field : fields) {
        auto it = std::find(columns.begin(), columns.end(), field.field);
        if (it != columns.end()) keys.push_back({static_cast<std::size_t>(it - columns.begin()), field.descending});
    }
    if (keys.empty() || rows.empty()) return;

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale(lang.c_str()), status));
    if (U_FAILURE(status) || !collator) return;
    // Sort keys once per field: comparing byte strings is far cheaper than collating each time.
    std::vector<std::vector<std::string>> sort_keys(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (const auto& key : keys) {
            icu::UnicodeString text = icu::UnicodeString::fromUTF8(rows[r][key.column]);
            int32_t length = collator->getSortKey(text, nullptr, 0);
            std::string bytes(static_cast<std::size_t>(length), '\0');
            collator->getSortKey(text, reinterpret_cast<uint8_t*>(bytes.data()), length);
            sort_keys[r].push_back(std::move(bytes));
        }
    }
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        for (std::size_t k = 0; k < keys.size(); ++k) {
            int c = sort_keys[a][k].compare(sort_keys[b][k]);
            if (c != 0) return keys[k].descending ? c > 0 : c < 0;
        }
        return false;
    });
    std::vector<std::vector<std::string>> sorted_rows;
    std::vector<base::SourcePos> sorted_pos;
    sorted_rows.reserve(rows.size());
    for (auto i : order) {
        sorted_rows.push_back(std::move(rows[i]));
        if (i < positions.size()) sorted_pos.push_back(positions[i]);
    }
    rows = std::move(sorted_rows);
    if (sorted_pos.size() == rows.size()) positions = std::move(sorted_pos);
}

}  // namespace compose::resolve
