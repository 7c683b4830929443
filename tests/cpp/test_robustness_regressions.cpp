// SPDX-License-Identifier: MIT
// Inputs that the fuzz targets (tests/fuzz) and the property tests
// (tests/python/test_properties.py) found to break a round trip, kept as ordinary tests so a
// regression fails the doctest suite too, not only a lucky fuzz or hypothesis run.
#include <doctest/doctest.h>

#include "regind/datasets.hpp"
#include "regind/period.hpp"

using regind::period;

TEST_CASE("regression: a year below 1000 reads back from its Chinese text") {
    // fuzz_period, input "0001": to_chinese() wrote "1年", which parse() refused.
    CHECK(period::year(1).to_chinese() == "0001年");
    CHECK(period::parse(period::year(1).to_chinese()) == period::year(1));
    CHECK(period::parse(period::month(999, 6).to_chinese()) == period::month(999, 6));
    CHECK(period::parse(period::ytd(12, 9).to_chinese()) == period::ytd(12, 9));
    CHECK(period::parse(period::span(1, 3).to_chinese(false)) == period::span(1, 3));
    // Four-digit years are written as before.
    CHECK(period::ytd(2022, 6).to_chinese() == "2022年1-6月");
}

TEST_CASE("regression: a fact whose doc or comparator has edge whitespace is refused") {
    // The CSV reader trims doc and comparator, so such a fact did not survive a CSV round trip
    // (the property test of the bit-exact round trip found it).
    regind::dataset ds(regind::regions::zhejiang_ptr(), regind::indicators::builtin_ptr());
    regind::fact f;
    f.region_code = 330400;
    f.period = period::year(2022);
    f.indicator = "va_industry";
    f.measure = regind::measure::level;
    f.value = 1.0;
    f.unit = regind::unit::parse("亿元");
    for (const char* bad : {" doc", "doc ", "doc\t", "\rdoc"}) {
        auto g = f;
        g.doc = bad;
        CHECK_THROWS_WITH_AS(ds.add(g), doctest::Contains("must not start or end with whitespace"), regind::invalid_input);
        g.doc = "doc";
        g.comparator = bad;
        CHECK_THROWS_AS(ds.add(g), regind::invalid_input);
    }
    CHECK(ds.empty());
    f.doc = "a doc with inner spaces";
    ds.add(f);
    const auto back = regind::dataset::from_csv_string(ds.to_csv_string(), ds.regions_ptr(), ds.indicators_ptr());
    CHECK(back == ds);
}

TEST_CASE("regression: a five-year span far in the future has no plan name and reads back") {
    // Found by fuzz_period: 5016~5020年 is the 613th plan's span ((5016 − 1966) / 5 + 3), past
    // the two Chinese digits of plan names; the digit table was read out of bounds.
    const auto p = regind::period::parse("5016~5020年");
    CHECK(p.to_chinese(true) == "5016-5020年");
    CHECK(regind::period::parse(p.to_chinese(true)) == p);
    // The 99th plan still has its name: 1966 + 5 · 96 = 2446..2450.
    CHECK(regind::period::parse(regind::period::span(2446, 2450).to_chinese(true)) == regind::period::span(2446, 2450));
    CHECK(regind::period::span(2446, 2450).to_chinese(true) == "九十九五");
    CHECK(regind::period::span(2021, 2025).to_chinese(true) == "十四五");
}
