#pragma once
// Text from data (a participant's name, an organization) and each <person> is set in its own
// bidi isolate (UAX #9: FSI ... PDI, direction from its first strong character), so that a
// right-to-left name or a stray override (U+202E) in it cannot reorder the text around it, and
// an override left open inside it ends with it. Text with nothing right-to-left and no bidi
// control is left as it is: isolating it would change nothing.
#include <optional>
#include <string>
#include <string_view>

namespace compose::resolve {

// Whether the text holds a right-to-left character or a bidi control.
bool needs_isolate(std::string_view text);
// Whether it holds an explicit bidi control (embedding, override, isolate, or a mark).
bool has_explicit_controls(std::string_view text);
// The first embedding, override or isolate the text opens and does not close.
std::optional<char32_t> unclosed_control(std::string_view text);
// FSI + text + PDI when needs_isolate, else the text.
std::string isolated(const std::string& text);

}  // namespace compose::resolve
