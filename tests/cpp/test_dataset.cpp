// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "regind/datasets.hpp"
#include "regind/format.hpp"

using namespace regind;

namespace {
dataset empty_zhejiang() { return dataset(regions::zhejiang_ptr(), indicators::builtin_ptr()); }

fact make(std::int32_t region, const char* per, const char* ind, measure m, double v, const char* u) {
    fact f;
    f.region_code = region;
    f.period = period::parse(per);
    f.indicator = ind;
    f.measure = m;
    f.value = v;
    f.unit = unit::parse(u);
    return f;
}

const std::string header = "region_code,period,indicator,measure,value,unit,qualifier,comparator,base_period,doc,span_start,span_end,note\n";

std::string error_of(const std::string& csv) {
    try {
        (void)dataset::from_csv_string(csv, regions::zhejiang_ptr(), indicators::builtin_ptr(), "facts.csv");
    } catch (const parse_error& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("add, query, panel and series") {
    auto ds = empty_zhejiang();
    ds.add(make(330400, "2021", "va_industry", measure::level, 2594.5, "亿元"));
    ds.add(make(330500, "2021", "va_industry", measure::level, 1245.6, "亿元"));
    ds.add(make(330500, "2016", "va_industry", measure::level, 8283000, "万元"));  // converted in panels
    ds.add(make(330400, "2021", "va_industry", measure::growth_pct, 14.0, "%"));
    ds.add(make(330500, "2021", "land_inefficient_revitalised", measure::level, 1.4, "万亩"));
    CHECK(ds.size() == 5);
    // The same fact twice is accepted once; a different value under the same key is refused.
    ds.add(make(330400, "2021", "va_industry", measure::level, 2594.5, "亿元"));
    CHECK(ds.size() == 5);
    CHECK_THROWS_WITH_AS(ds.add(make(330400, "2021", "va_industry", measure::level, 2600, "亿元")),
                         doctest::Contains("[regind.invalid_input.duplicate]"), invalid_input);
    CHECK(ds.size() == 5);

    fact_filter q;
    q.regions = {330500};
    CHECK(ds.query(q).size() == 3);
    q.measures = {measure::level};
    q.indicators = {"va_industry"};
    CHECK(ds.query(q).size() == 2);

    const auto p = ds.panel("va_industry", measure::level);
    CHECK(p.unit.symbol() == "亿元");
    REQUIRE(p.regions == std::vector<std::int32_t>{330400, 330500});
    REQUIRE(p.periods == std::vector<period>{period::year(2016), period::year(2021)});
    CHECK(std::isnan(p.values(0, 0)));
    CHECK(p.values(0, 1) == 2594.5);
    CHECK(p.values(1, 0) == 828.3);  // 8283000 万元 = 828.3 亿元, exactly
    CHECK(p.values(1, 1) == 1245.6);

    const auto land = ds.panel("land_inefficient_revitalised", measure::level);
    CHECK(land.unit.symbol() == "亩");
    CHECK(land.values(0, 0) == 14000.0);

    const auto g = ds.panel("va_industry", measure::growth_pct, {330400, 330500}, {period::year(2021)});
    CHECK(g.values(0, 0) == 14.0);
    CHECK(std::isnan(g.values(1, 0)));

    const auto s = ds.series(330500, "va_industry", measure::level);
    REQUIRE(s.values.size() == 2);
    CHECK(s.values(0) == 828.3);
    CHECK(s.periods[1] == period::year(2021));

    CHECK(fmt::format("{}", ds) == "Dataset(facts=5, regions=2, indicators=2, periods=2016..2021)");
}

TEST_CASE("facts are checked before they are added") {
    auto ds = empty_zhejiang();
    CHECK_THROWS_AS(ds.add(make(990000, "2021", "va_industry", measure::level, 1, "亿元")), key_error);
    CHECK_THROWS_AS(ds.add(make(330400, "2021", "no_such_indicator", measure::level, 1, "亿元")), key_error);
    CHECK_THROWS_AS(ds.add(make(330400, "2021", "va_industry", measure::level, 1, "亩")), unit_error);
    CHECK_THROWS_AS(ds.add(make(330400, "2021", "va_industry", measure::growth_pct, 1, "亿元")), unit_error);
    CHECK_THROWS_AS(ds.add(make(330400, "2021", "va_industry", measure::rank, 1, "%")), unit_error);
    CHECK_THROWS_AS(ds.add(make(330400, "2021", "va_industry", measure::level, std::nan(""), "亿元")), invalid_input);
    auto f = make(330400, "2021", "va_industry", measure::level, 1, "亿元");
    f.span_start = 5;
    CHECK_THROWS_AS(ds.add(f), invalid_input);  // span without end and without doc
    CHECK(ds.empty());
    // Two facts in one panel cell need a comparator to tell them apart.
    auto a = make(330400, "2021", "va_industry", measure::rank, 3, "位");
    a.comparator = "zhejiang_cities";
    auto b = a;
    b.comparator = "national";
    b.value = 30;
    ds.add(a);
    ds.add(b);
    CHECK_THROWS_WITH_AS(ds.panel("va_industry", measure::rank), doctest::Contains("panel_conflict"), invalid_input);
    CHECK(ds.panel("va_industry", measure::rank, {}, {}, "national").values(0, 0) == 30);
}

TEST_CASE("CSV round trips are bit-exact") {
    auto ds = empty_zhejiang();
    auto f = make(330400, "2022-01..06", "va_industry", measure::growth_pct, 0.1 + 0.2, "%");
    f.qualifier = qualifier::at_least;
    f.comparator = "zhejiang";
    f.base_period = period::year(2019);
    f.doc = "doc,with \"comma\"";
    f.span_start = 3;
    f.span_end = 7;
    f.note = " leading space, comma and\nnewline ";
    ds.add(f);
    ds.add(make(330500, "2016..2020", "va_industry", measure::level, 1.0 / 3.0, "亿元"));
    ds.add(make(330500, "2021", "va_industry", measure::level, -0.0, "亿元"));
    ds.add(make(330500, "2020", "va_industry", measure::level, 5e-324, "亿元"));
    ds.add(make(330500, "2019", "va_industry", measure::level, std::numeric_limits<double>::max(), "亿元"));
    const auto text = ds.to_csv_string();
    const auto back = dataset::from_csv_string(text, regions::zhejiang_ptr(), indicators::builtin_ptr());
    CHECK(back == ds);
    CHECK(back.to_csv_string() == text);
    CHECK(std::signbit(back.facts()[2].value));

    const auto seed = datasets::seed_facts();
    const auto seed_back = dataset::from_csv_string(seed.to_csv_string(), seed.regions_ptr(), seed.indicators_ptr());
    CHECK(seed_back == seed);

    const std::string path = "regind_test_roundtrip.csv";
    ds.to_csv(path);
    CHECK(dataset::read_csv(path, regions::zhejiang_ptr(), indicators::builtin_ptr()) == ds);
    std::remove(path.c_str());
}

TEST_CASE("malformed CSV: typed errors naming file, line, column and text") {
    const std::string good = "330400,2021,va_industry,level,2594.5,亿元,,,,,,,\n";
    CHECK(error_of(header + good) == "no error");
    CHECK(error_of(header + good + "330400,2021,va_industry,level\n") ==
          "[regind.parse_error.csv] facts.csv:3:1: expected 13 fields (as in the header) but found 4");
    CHECK(error_of(header + "330400,2021,va_industry,levels,1,亿元,,,,,,,\n").find(
              "[regind.parse_error.csv] facts.csv:2: column 'measure' (4): unknown measure") == 0);
    CHECK(error_of(header + "330400,2021,va_industry,level,12x,亿元,,,,,,,\n") ==
          "[regind.parse_error.csv] facts.csv:2: column 'value' (5): expected a finite decimal number: '12x'");
    CHECK(error_of(header + "330400,2021,va_industry,level,nan,亿元,,,,,,,\n").find("column 'value' (5)") !=
          std::string::npos);
    CHECK(error_of(header + "嘉兴县,2021,va_industry,level,1,亿元,,,,,,,\n") ==
          "[regind.parse_error.csv] facts.csv:2: column 'region_code' (1): unknown region; did you mean '嘉兴市', "
          "'嘉兴' or '嘉善县'?: '嘉兴县'");
    CHECK(error_of(header + "330400,2021,va_industry,level,1,亿美元,,,,,,,\n").find(
              "facts.csv:2: column 'unit' (6): unknown unit") != std::string::npos);
    CHECK(error_of(header + "330400,2021,va_industry,level,1,亩,,,,,,,\n").find(
              "facts.csv:2: [regind.unit_error.incompatible]") != std::string::npos);
    CHECK(error_of(header + "330400,2021-13,va_industry,level,1,亿元,,,,,,,\n").find(
              "facts.csv:2: column 'period' (2)") != std::string::npos);
    CHECK(error_of(header + good + "330400,2021,va_industry,level,2600,亿元,,,,,,,\n") ==
          "[regind.parse_error.csv] facts.csv:3: [regind.invalid_input.duplicate] duplicate key "
          "330400|2021|va_industry|level|| with a different value (2600 here, 2594.5 on line 2)");
    CHECK(error_of(header + "330400,2021,va_industry,level,1,\xE4\xBA,,,,,,,\n") ==
          "[regind.parse_error.csv] facts.csv:2:33: invalid UTF-8 byte 0xE4 at byte offset 142; expected UTF-8 text");
    CHECK(error_of("region_code,period,indicator,measure\n").find("missing column 'value'") != std::string::npos);
    CHECK(error_of(header.substr(0, header.size() - 1) + ",extra\n").find("unknown column 'extra'") != std::string::npos);
    CHECK(error_of("") == "[regind.parse_error.csv] facts.csv:1:1: empty file: expected a header line");
    CHECK(error_of(header + "330400,2021,va_industry,level,1,亿元,,,,,,,\"open\n").find("unterminated quoted field") !=
          std::string::npos);
    try {
        (void)dataset::read_csv("/nonexistent/facts.csv", regions::zhejiang_ptr(), indicators::builtin_ptr());
        FAIL("expected parse_error");
    } catch (const parse_error& e) {
        CHECK(std::string(e.what()) == "[regind.parse_error.io] /nonexistent/facts.csv: cannot open file for reading");
    }
    // The error carries its parts for programs.
    try {
        (void)dataset::from_csv_string(header + "330400,2021,va_industry,level,12x,亿元,,,,,,,\n",
                                       regions::zhejiang_ptr(), indicators::builtin_ptr(), "facts.csv");
    } catch (const parse_error& e) {
        CHECK(e.source() == "facts.csv");
        CHECK(e.line() == 2);
        CHECK(e.column() == 5);
        CHECK(e.text() == "12x");
    }
}

TEST_CASE("fmt formatters for the public types") {
    CHECK(fmt::format("{}", period::ytd(2022, 6)) == "2022-01..06");
    CHECK(fmt::format("{:>8}", period::year(2022)) == "    2022");
    CHECK(fmt::format("{}", unit::parse("万亩")) == "万亩");
    CHECK(fmt::format("{}", measure::growth_diff_pp) == "growth_diff_pp");
    auto f = make(330400, "2022", "inv_industry", measure::target_level, 970, "亿元");
    f.qualifier = qualifier::at_least;
    f.doc = "002_0aa44b95e84d5610";
    f.span_start = 10;
    f.span_end = 13;
    CHECK(fmt::format("{}", f) == "Fact(330400 2022 inv_industry target_level=970 亿元 at_least @002_0aa44b95e84d5610[10:13])");
    CHECK(fmt::format("{}", empty_zhejiang()) == "Dataset(facts=0)");
    CHECK(parse_qualifier("以上") == qualifier::at_least);
    CHECK(parse_qualifier("左右") == qualifier::about);
    CHECK_THROWS_AS(parse_qualifier("maybe"), invalid_input);
    CHECK(parse_measure("target_growth_pct") == measure::target_growth_pct);
    CHECK_THROWS_WITH_AS(parse_measure("levels"), doctest::Contains("unknown measure 'levels'; expected one of level, count"),
                         invalid_input);
}
