#pragma once
// Stage "page": styled blocks -> the display list. Paragraphs are measured (text), broken into
// lines (para) and stacked into pages with margins, keeps, widows and orphans, tables with
// repeated headers, figures with captions, page numbers, destinations and the outline.
#include <functional>
#include <vector>

#include "compose/base/diagnostics.h"
#include "compose/display/display.h"
#include "compose/page/layout_report.h"
#include "compose/para/stats.h"
#include "compose/style/style.h"
#include "compose/text/text.h"

namespace compose::page {

// Receives each page as soon as it is made, with the document's font table so far; false stops
// the work (the sink has put its reason in the diagnostics).
using PageSink = std::function<bool(display::Page&&, const std::vector<display::FontFace>&)>;

// The document's metadata (title, author, subject, language) as the PDF states it.
display::Metadata metadata_of(const style::StyledDocument& doc);

// `stats`, when given, counts every line placed (compose render --stats); `report`, when given,
// gets the layout report's counts, each finding a warning in `diags`. With a `sink`, pages
// go to it as they are made and the returned document holds no pages (only fonts, outline and
// metadata): a 50,000-row table is never held whole.
display::Document build_pages(const style::StyledDocument& doc, text::Measurer& measurer, base::Diagnostics& diags,
                              para::LineStats* stats = nullptr, const PageSink* sink = nullptr,
                              LayoutReport* report = nullptr);

// A parallel edition: two editions of one source (two languages), each block beside its
// translation, the left edition in the left column.
display::Document build_parallel_pages(const style::StyledDocument& left, const style::StyledDocument& right,
                                       text::Measurer& measurer, base::Diagnostics& diags,
                                       para::LineStats* stats = nullptr, const PageSink* sink = nullptr,
                              LayoutReport* report = nullptr);

}  // namespace compose::page
