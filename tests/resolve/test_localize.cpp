#include <catch2/catch.hpp>

#include "compose/resolve/resolve.h"

using namespace compose::resolve;

TEST_CASE("date ranges read as each language writes them") {
    CHECK(date_range("en", "2014-11-06", "2014-11-07") == "November 6\u20137, 2014");
    CHECK(date_range("es", "2014-11-06", "2014-11-07") == "6 y 7 de noviembre de 2014");
    CHECK(date_range("en", "2014-11-06", "") == "November 6, 2014");
    CHECK(date_range("en", "2014-10-30", "2014-11-02") == "October 30 \u2013 November 2, 2014");
    CHECK(date_range("en", "2015-03-10", "2015-03-12") == "March 10\u201312, 2015");
    CHECK(date_range("en", "2014-12-30", "2015-01-02") == "December 30, 2014 \u2013 January 2, 2015");
}

TEST_CASE("Spanish joins two days with y, and longer spans with del ... al") {
    CHECK(date_range("es", "2015-03-10", "2015-03-12") == "del 10 al 12 de marzo de 2015");
    CHECK(date_range("es", "2014-10-30", "2014-11-02") == "del 30 de octubre al 2 de noviembre de 2014");
    CHECK(date_range("es", "2014-12-30", "2015-01-02") == "del 30 de diciembre de 2014 al 2 de enero de 2015");
    CHECK(date_range("es", "2014-11-06", "") == "6 de noviembre de 2014");
}

TEST_CASE("long dates name the weekday") {
    CHECK(long_date("en", "2014-11-06") == "Thursday, November 6, 2014");
    CHECK(long_date("es", "2014-11-07") == "viernes 7 de noviembre de 2014");
}

TEST_CASE("annexes are numbered in roman numerals, labels localized") {
    CHECK(roman(1) == "I");
    CHECK(roman(4) == "IV");
    CHECK(roman(14) == "XIV");
    CHECK(localized("en", "annex") == "Annex");
    CHECK(localized("es", "annex") == "Anexo");
    CHECK(localized("es-MX", "moderator") == "Moderador");
}
