#include "compose/base/dates.h"

#include <cstdio>

namespace compose::base {
namespace {

constexpr std::int64_t kLastSecondOf9999 = 253402300799;

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1] + (month == 2 && leap(year) ? 1 : 0);
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil-days formula).
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<CivilDate> parse_iso_date(std::string_view s) {
    CivilDate d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s, 0, 4, d.year) || !digits(s, 5, 2, d.month) || !digits(s, 8, 2, d.day)) return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

bool is_iso_date(std::string_view s) { return parse_iso_date(s).has_value(); }

int weekday_of(const CivilDate& d) {
    // 1970-01-01 was a Thursday
    std::int64_t days = days_from_civil(d.year, d.month, d.day);
    return static_cast<int>(((days % 7) + 7 + 4) % 7);
}

std::string iso_date_problem(std::string_view s) {
    int year, month, day;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, year) || !digits(s, 5, 2, month) ||
        !digits(s, 8, 2, day)) {
        return "write dates as YYYY-MM-DD";
    }
    if (month < 1 || month > 12) return "there is no month " + std::to_string(month) + "; write dates as YYYY-MM-DD";
    static const char* const names[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
    int days = days_in_month(year, month);
    if (day < 1 || day > days) {
        return std::string(names[month - 1]) + " " + std::to_string(year) + " has " + std::to_string(days) + " days";
    }
    return {};
}

std::optional<std::int64_t> epoch_of_iso_date(std::string_view s) {
    auto d = parse_iso_date(s);
    if (!d) return std::nullopt;
    return days_from_civil(d->year, d->month, d->day) * 86400;
}

std::optional<std::int64_t> parse_epoch_seconds(std::string_view s) {
    if (s.empty() || s.size() > 12) return std::nullopt;
    std::int64_t value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > kLastSecondOf9999) return std::nullopt;
    return value;
}

UtcTime utc_time_of(std::int64_t epoch_seconds) {
    std::int64_t days = epoch_seconds / 86400, rest = epoch_seconds % 86400;
    if (rest < 0) rest += 86400, --days;
    // the inverse of days_from_civil
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    UtcTime t;
    t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    t.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (t.month <= 2));
    t.hour = static_cast<int>(rest / 3600);
    t.minute = static_cast<int>(rest / 60 % 60);
    t.second = static_cast<int>(rest % 60);
    return t;
}

std::string iso_date_of(std::int64_t epoch_seconds) {
    UtcTime t = utc_time_of(epoch_seconds);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", t.year, t.month, t.day);
    return text;
}

}  // namespace compose::base
