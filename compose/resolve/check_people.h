#pragma once
// Consistency of the people a report names: everyone named in a caption or in the agenda
// (speakers, moderators) is matched against the participants data. Near misses are reported
// with the likely match and both positions ("Gail Jennifer Super" vs "Gail Super", an accent or
// an abbreviation that differs, an organization that differs between caption and data), as are
// duplicate participants and malformed emails. The source's <people> decisions (aliases,
// guests) settle a case for good.
#include "compose/base/diagnostics.h"
#include "compose/model/document.h"

namespace compose::resolve {

// Adds a warning for every open case; returns how many there were. With `review`, the author's
// decisions are set aside: every case is reported, those they settle as notes naming where.
std::size_t check_people(const model::Document& doc, base::Diagnostics& diags, bool review = false);

// The same checks with `table` as the participants data (compose data diff: the new version of
// the list). With a report, its mentions are matched against `table` in place of its own data
// (key as the report's <data> says, the report's corrections applied to it); without one, only the data's own checks run (a participant
// listed twice, an email that is not an address), `key` naming the column of names.
std::size_t check_people_in(const model::DataTable& table, const std::string& key, const model::Document* report,
                            base::Diagnostics& diags);

}  // namespace compose::resolve
