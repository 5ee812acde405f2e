#pragma once
// Calendar dates: ISO "YYYY-MM-DD" checks, and the document date written into a PDF, which comes
// from SOURCE_DATE_EPOCH or the source, never from the clock (the same inputs give the same bytes).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace compose::base {

// "2014-11-06": a real calendar date (leap years checked).
bool is_iso_date(std::string_view s);

struct CivilDate {
    int year = 0, month = 0, day = 0;  // month and day from 1
};
// The date an ISO "YYYY-MM-DD" names; nullopt if it is not a real date.
std::optional<CivilDate> parse_iso_date(std::string_view s);
// Its day of the week, 0 for Sunday.
int weekday_of(const CivilDate& date);

// What is wrong with a date that is not one, said as a hint: "write dates as YYYY-MM-DD" when it
// is not in that form, else what the calendar says ("February 2015 has 28 days", "there is no
// month 13"); empty for a real date.
std::string iso_date_problem(std::string_view s);

// Seconds since 1970-01-01T00:00:00Z of an ISO date at midnight UTC; nullopt if not a date.
std::optional<std::int64_t> epoch_of_iso_date(std::string_view s);

// The value of SOURCE_DATE_EPOCH: decimal seconds since 1970, up to the end of year 9999 (what a
// PDF date can hold); nullopt if it is anything else (the reproducible-builds rule: refuse it).
std::optional<std::int64_t> parse_epoch_seconds(std::string_view s);

struct UtcTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
UtcTime utc_time_of(std::int64_t epoch_seconds);

// The UTC date of an instant as "YYYY-MM-DD".
std::string iso_date_of(std::int64_t epoch_seconds);

}  // namespace compose::base
