#pragma once
// What measuring a table cell gave, kept for texts that come again (a participant's organization,
// the "***" of a missing address), so that a long table measures each of those once, not per row.
// Bounded: a fixed number of slots, each keeping one text's value and noting the last other text
// that fell into it; that one takes the slot over only when it comes twice in a row, so the many
// texts of a long table met only once (names, addresses) never displace a kept one.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compose::page {

// Key: what besides the text the value depends on (the cell's style, its measure), with ==.
template <class Key, class Value>
class CellMemo {
public:
    const Value* find(const Key& key, std::string_view text) const {
        const Slot& s = slot(text);
        return s.value && s.key == key && s.text == text ? &*s.value : nullptr;
    }

    // `value` was made for (key, text), with no diagnostic (a kept value says nothing when reused).
    void offer(const Key& key, std::string_view text, const Value& value) {
        Slot& s = slot(text);
        if (s.seen && s.seen_key == key && s.seen_text == text) {
            s.key = key;
            s.text.assign(text);
            s.value = value;
            s.seen = false;
        } else {
            s.seen = true;
            s.seen_key = key;
            s.seen_text.assign(text);
        }
    }

private:
    static constexpr std::size_t kSlots = 1024;
    struct Slot {
        Key key{};
        std::string text;
        std::optional<Value> value;
        bool seen = false;  // seen_key and seen_text: the last other text met here
        Key seen_key{};
        std::string seen_text;
    };
    std::vector<Slot> slots_ = std::vector<Slot>(kSlots);

    const Slot& slot(std::string_view text) const { return slots_[std::hash<std::string_view>()(text) % kSlots]; }
    Slot& slot(std::string_view text) { return slots_[std::hash<std::string_view>()(text) % kSlots]; }
};

}  // namespace compose::page
