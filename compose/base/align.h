#pragma once
// How a paragraph's lines sit in their measure: a word of the layouts (style) that the line
// breaker (para) and the page builder read too, so it lives below them all.

namespace compose::base {

enum class Align { Justify, Left, Center, Right };

}  // namespace compose::base
