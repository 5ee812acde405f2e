#pragma once
// Stage "page": styled blocks -> the display list. Paragraphs are measured (text), broken into
// lines (para) and stacked into pages with margins, keeps, widows and orphans, tables with
// repeated headers, figures with captions, page numbers, destinations and the outline.
#include "compose/base/diagnostics.h"
#include "compose/display/display.h"
#include "compose/para/stats.h"
#include "compose/style/style.h"
#include "compose/text/text.h"

namespace compose::page {

// `stats`, when given, counts every line placed (compose render --stats).
display::Document build_pages(const style::StyledDocument& doc, text::Measurer& measurer, base::Diagnostics& diags,
                              para::LineStats* stats = nullptr);

// A parallel edition: two editions of one source (two languages), each block beside its
// translation, the left edition in the left column.
display::Document build_parallel_pages(const style::StyledDocument& left, const style::StyledDocument& right,
                                       text::Measurer& measurer, base::Diagnostics& diags,
                                       para::LineStats* stats = nullptr);

}  // namespace compose::page
