#pragma once
// Typed indices: an index into one kind of table cannot be passed where another is meant, and
// "none" is a state of the type rather than a sentinel value every reader must remember.
#include <compare>
#include <cstdint>
#include <limits>

namespace compose::base {

template <class Tag>
class Id {
public:
    constexpr Id() = default;  // none
    constexpr explicit Id(std::uint32_t index) : index_(index) {}
    static constexpr Id none() { return Id(); }

    constexpr bool valid() const { return index_ != kNone; }
    constexpr explicit operator bool() const { return valid(); }
    constexpr std::uint32_t index() const { return index_; }
    constexpr auto operator<=>(const Id&) const = default;

private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t index_ = kNone;
};

}  // namespace compose::base
