#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "compose/base/dates.h"

using namespace compose::base;

TEST_CASE("ISO dates are real calendar dates") {
    CHECK(is_iso_date("2014-11-06"));
    CHECK(is_iso_date("2016-02-29"));
    CHECK(is_iso_date("2000-02-29"));
    CHECK_FALSE(is_iso_date("1900-02-29"));
    CHECK_FALSE(is_iso_date("2014-02-29"));
    CHECK_FALSE(is_iso_date("2014-11-31"));
    CHECK_FALSE(is_iso_date("2014-13-01"));
    CHECK_FALSE(is_iso_date("2014-00-10"));
    CHECK_FALSE(is_iso_date("2014-1-06"));
    CHECK_FALSE(is_iso_date("2014-11-06T00:00"));
    CHECK_FALSE(is_iso_date("２０１４-11-06"));
}

TEST_CASE("a date that is not one is told what is wrong with it") {
    CHECK(iso_date_problem("2015-02-28").empty());
    CHECK(iso_date_problem("2015-02-30") == "February 2015 has 28 days");
    CHECK(iso_date_problem("2016-02-30") == "February 2016 has 29 days");
    CHECK(iso_date_problem("1900-02-29") == "February 1900 has 28 days");
    CHECK(iso_date_problem("2014-11-31") == "November 2014 has 30 days");
    CHECK(iso_date_problem("2014-11-00") == "November 2014 has 30 days");
    CHECK(iso_date_problem("2014-13-01") == "there is no month 13; write dates as YYYY-MM-DD");
    CHECK(iso_date_problem("2014-00-10") == "there is no month 0; write dates as YYYY-MM-DD");
    CHECK(iso_date_problem("6/11/2014") == "write dates as YYYY-MM-DD");
    CHECK(iso_date_problem("2014-1-06") == "write dates as YYYY-MM-DD");
}

TEST_CASE("an ISO date is midnight UTC in seconds since 1970") {
    CHECK(epoch_of_iso_date("1970-01-01") == 0);
    CHECK(epoch_of_iso_date("2014-11-06") == 1415232000);
    CHECK(epoch_of_iso_date("2000-03-01") == 951868800);
    CHECK(epoch_of_iso_date("1969-12-31") == -86400);
    CHECK_FALSE(epoch_of_iso_date("2014-02-30"));
}

TEST_CASE("SOURCE_DATE_EPOCH is plain decimal seconds up to the year 9999") {
    CHECK(parse_epoch_seconds("0") == 0);
    CHECK(parse_epoch_seconds("1415285100") == 1415285100);
    CHECK(parse_epoch_seconds("253402300799") == 253402300799);
    CHECK_FALSE(parse_epoch_seconds("253402300800"));
    CHECK_FALSE(parse_epoch_seconds(""));
    CHECK_FALSE(parse_epoch_seconds("-1"));
    CHECK_FALSE(parse_epoch_seconds("+1"));
    CHECK_FALSE(parse_epoch_seconds("1e9"));
    CHECK_FALSE(parse_epoch_seconds(" 1"));
    CHECK_FALSE(parse_epoch_seconds("99999999999999999999999"));
}

TEST_CASE("seconds since 1970 give the UTC calendar time") {
    UtcTime t = utc_time_of(1415285100);
    CHECK(t.year == 2014);
    CHECK(t.month == 11);
    CHECK(t.day == 6);
    CHECK(t.hour == 14);
    CHECK(t.minute == 45);
    CHECK(t.second == 0);
    UtcTime leap = utc_time_of(*epoch_of_iso_date("2024-02-29") + 86399);
    CHECK(leap.month == 2);
    CHECK(leap.day == 29);
    CHECK(leap.hour == 23);
    CHECK(leap.second == 59);
    UtcTime last = utc_time_of(253402300799);
    CHECK(last.year == 9999);
    CHECK(last.month == 12);
    CHECK(last.day == 31);
    for (const char* date : {"1970-01-01", "1999-12-31", "2000-02-29", "2100-03-01", "2400-02-29"}) {
        UtcTime back = utc_time_of(*epoch_of_iso_date(date));
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", back.year, back.month, back.day);
        CHECK(std::string(text) == date);
    }
}

TEST_CASE("parse_iso_date gives the date's parts, weekday_of its day of the week") {
    auto d = compose::base::parse_iso_date("2014-11-06");
    REQUIRE(d);
    CHECK(d->year == 2014);
    CHECK(d->month == 11);
    CHECK(d->day == 6);
    CHECK(compose::base::weekday_of(*d) == 4);  // a Thursday
    CHECK(compose::base::weekday_of(*compose::base::parse_iso_date("1970-01-01")) == 4);
    CHECK(compose::base::weekday_of(*compose::base::parse_iso_date("2000-02-29")) == 2);  // a Tuesday
    CHECK(compose::base::weekday_of(*compose::base::parse_iso_date("1969-12-28")) == 0);  // a Sunday, before 1970
    CHECK_FALSE(compose::base::parse_iso_date("2015-02-29"));
    CHECK_FALSE(compose::base::parse_iso_date("2014-1-06"));
}
