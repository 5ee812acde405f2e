#pragma once
// "did you mean <finding>?" — the closest known name to a misspelt one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compose::base {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace compose::base
