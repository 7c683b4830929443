// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include "regind/period.hpp"

using regind::period;
using regind::period_kind;

TEST_CASE("periods parse and format") {
    CHECK(period::parse("2022") == period::year(2022));
    CHECK(period::parse("2022-H1") == period::half(2022, 1));
    CHECK(period::parse("2022-Q3") == period::quarter(2022, 3));
    CHECK(period::parse("2022-06") == period::month(2022, 6));
    CHECK(period::parse("2022-01..06") == period::ytd(2022, 6));
    CHECK(period::parse("2016..2020") == period::span(2016, 2020));
    for (const char* text : {"2022", "2022-H2", "2022-Q4", "2022-12", "2022-01..02", "2021..2025"})
        CHECK(period::parse(text).to_string() == text);
}

TEST_CASE("Chinese period forms") {
    CHECK(period::parse("2022年") == period::year(2022));
    CHECK(period::parse("2022年1-6月") == period::ytd(2022, 6));
    CHECK(period::parse("2022年1—6月") == period::ytd(2022, 6));
    CHECK(period::parse("2022年1-2月") == period::ytd(2022, 2));
    CHECK(period::parse("2022年上半年") == period::half(2022, 1));
    CHECK(period::parse("2022年下半年") == period::half(2022, 2));
    CHECK(period::parse("2022年三季度") == period::quarter(2022, 3));
    CHECK(period::parse("2022年第一季度") == period::quarter(2022, 1));
    CHECK(period::parse("2022年前三季度") == period::ytd(2022, 9));
    CHECK(period::parse("2022年6月") == period::month(2022, 6));
    CHECK(period::parse("2016-2020年") == period::span(2016, 2020));
    CHECK(period::parse("十三五") == period::span(2016, 2020));
    CHECK(period::parse("十四五") == period::span(2021, 2025));
    CHECK(period::parse("“十二五”") == period::span(2011, 2015));
    CHECK(period::span(2021, 2025).to_chinese() == "十四五");
    CHECK(period::span(2016, 2020).to_chinese() == "十三五");
    CHECK(period::ytd(2022, 6).to_chinese() == "2022年1-6月");
    CHECK(period::half(2022, 1).to_chinese() == "2022年上半年");
    CHECK(period::quarter(2022, 3).to_chinese() == "2022年三季度");
}

TEST_CASE("ordering and arithmetic") {
    CHECK(period::year(2021) < period::year(2022));
    CHECK(period::month(2022, 1) < period::month(2022, 2));
    CHECK(period::year(2022).previous() == period::year(2021));
    CHECK(period::quarter(2022, 1).previous() == period::quarter(2021, 4));
    CHECK(period::month(2022, 1).previous() == period::month(2021, 12));
    CHECK(period::half(2022, 1).previous() == period::half(2021, 2));
    CHECK(period::ytd(2022, 6).previous() == period::ytd(2021, 6));
    CHECK(period::span(2021, 2025).previous() == period::span(2016, 2020));
    CHECK(period::month(2022, 6).same_period_last_year() == period::month(2021, 6));
    CHECK(period::ytd(2022, 6).elapsed_fraction() == 0.5);
    CHECK(period::ytd(2022, 2).elapsed_fraction() == doctest::Approx(2.0 / 12.0).epsilon(1e-15));
    CHECK(period::quarter(2022, 3).elapsed_fraction() == 0.75);
    CHECK(period::year(2022).elapsed_fraction() == 1.0);
    // A plan 2021..2025 at the end of 2022: 24 of 60 months.
    CHECK(period::span(2021, 2025).elapsed_fraction(period::year(2022)) == 0.4);
    CHECK(period::year(2022).elapsed_fraction(period::ytd(2022, 6)) == 0.5);
    CHECK(period::year(2022).elapsed_fraction(period::year(2020)) == 0.0);
    CHECK(period::year(2022).contains(period::quarter(2022, 2)));
    CHECK_FALSE(period::quarter(2022, 2).contains(period::year(2022)));
    CHECK(period::five_year_plan(14) == period::span(2021, 2025));
    CHECK(period::five_year_plan(1) == period::span(1953, 1957));
}

TEST_CASE("bad periods are parse errors naming the text") {
    for (const char* bad : {"", "22", "2022-13", "2022-Q5", "2022-H3", "2022-03..06", "2020..2016", "2022年13月",
                            "2022年3-6月", "twenty", "2022-01..13", "2022年五季度"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(period::parse(bad), regind::parse_error);
    }
    try {
        (void)period::parse("2022-13");
        FAIL("expected an error");
    } catch (const regind::parse_error& e) {
        CHECK(std::string(e.what()).find("[regind.parse_error.period] cannot read period '2022-13'") == 0);
        CHECK(e.text() == "2022-13");
    }
    CHECK_THROWS_AS(period::month(2022, 0), regind::invalid_input);
    CHECK_THROWS_AS(period::span(2022, 2021), regind::invalid_input);
}
