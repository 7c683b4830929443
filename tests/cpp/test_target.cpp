// SPDX-License-Identifier: MIT
// Targets from the seed data, progress methods against the oracles of REFERENCE-METHODS §H,
// rule tables, and tracking with hand-computed year-to-date arithmetic.
#include <doctest/doctest.h>

#include "regind/datasets.hpp"
#include "regind/progress.hpp"
#include "regind/tracking.hpp"

using namespace regind;

namespace {
const target* find_target(const std::vector<target>& ts, const char* indicator, target_kind kind) {
    for (const auto& t : ts)
        if (t.indicator == indicator && t.kind == kind && t.comparator.empty()) return &t;
    return nullptr;
}
}  // namespace

TEST_CASE("target: Jiaxing's 2022 goals come back with their 2021 bases") {
    target_filter f;
    f.regions = {330400};
    f.periods = {period::year(2022)};
    const auto ts = targets_from(datasets::seed_facts(), f);
    CHECK(ts.size() >= 25);
    const auto* va = find_target(ts, "va_industry", target_kind::growth_at_least);
    REQUIRE(va != nullptr);
    CHECK(va->value == 8);
    CHECK(va->qualifier == qualifier::at_least);
    CHECK(va->price_basis == price_basis::comparable);
    REQUIRE(va->base_value.has_value());
    CHECK(*va->base_value == 2594.5);
    CHECK(*va->base_period == period::year(2021));
    // 2594.5 亿元 growing 8 %: 2594.5 × 1.08 = 2802.06 亿元.
    CHECK(*va->implied_level() == doctest::Approx(2802.06).epsilon(1e-12));
    const auto* inv = find_target(ts, "inv_industry", target_kind::level_at_least);
    REQUIRE(inv != nullptr);
    CHECK(inv->value == 970);
    CHECK(*inv->base_value == 883.4);
    // 883.4 → 970 亿元 needs 970 / 883.4 − 1 = 9.8030 %.
    CHECK(*inv->required_growth() == doctest::Approx(970.0 / 883.4 - 1).epsilon(1e-15));
    CHECK(100 * *inv->required_growth() == doctest::Approx(9.80).epsilon(5e-4));
    const auto* inv_g = find_target(ts, "inv_industry", target_kind::growth_at_least);
    REQUIRE(inv_g != nullptr);
    // 883.4 growing 10 % gives 971.74 亿元.
    CHECK(*inv_g->implied_level() == doctest::Approx(971.74).epsilon(1e-12));
    for (const auto& t : ts) CHECK(t.span_start >= 0);
}

TEST_CASE("target: Huzhou's 2016 targets tracked against its 2016 results") {
    target_filter f;
    f.regions = {330500};
    f.periods = {period::year(2016)};
    const auto ts = targets_from(datasets::seed_facts(), f);
    const auto report = track(ts, datasets::seed_facts(), period::year(2016));
    bool saw_investment = false, saw_robots = false;
    for (const auto& row : report.rows) {
        if (row.goal.indicator == "inv_industry" && row.goal.kind == target_kind::growth_at_least) {
            saw_investment = true;
            // Goal +7 %, published +10.7 %: 3.7 points ahead, achieved.
            CHECK(row.metrics.at("gap_pp") == doctest::Approx(3.7).epsilon(1e-12));
            CHECK(row.metrics.at("achieved") == 1);
            CHECK(row.status == "achieved");
            CHECK(row.colour == "green");
        }
        if (row.goal.indicator == "industrial_robots_new") {
            saw_robots = true;
            // 1198 robots against a goal of 1000: 119.8 %.
            CHECK(row.metrics.at("completion_pct") == doctest::Approx(119.8).epsilon(1e-12));
            CHECK(row.status == "achieved");
        }
    }
    CHECK(saw_investment);
    CHECK(saw_robots);
}

TEST_CASE("target: year-to-date tracking with the A5 arithmetic") {
    auto ds = dataset(regions::zhejiang_ptr(), indicators::builtin_ptr());
    auto add = [&](const char* per, const char* ind, measure m, double v, const char* u) {
        fact f;
        f.region_code = 330400;
        f.period = period::parse(per);
        f.indicator = ind;
        f.measure = m;
        f.value = v;
        f.unit = unit::parse(u);
        ds.add(f);
    };
    add("2021", "va_industry", measure::level, 1000, "亿元");
    add("2022", "va_industry", measure::target_growth_pct, 8, "%");
    add("2022-01..06", "va_industry", measure::level, 511.2, "亿元");
    add("2022-01..06", "va_industry", measure::growth_pct, 6.5, "%");
    add("2021", "inv_industry", measure::level, 883.4, "亿元");
    add("2022", "inv_industry", measure::target_level, 970, "亿元");
    add("2022-01..06", "inv_industry", measure::level, 450, "亿元");
    add("2022-01..06", "inv_industry", measure::growth_pct, 9, "%");
    const auto report = track(targets_from(ds), ds, period::ytd(2022, 6));
    REQUIRE(report.rows.size() == 2);
    const auto& g = report.rows[0];
    CHECK(g.goal.indicator == "va_industry");
    CHECK(g.metrics.at("time_progress_pct") == 50);
    CHECK(g.metrics.at("gap_pp") == doctest::Approx(-1.5).epsilon(1e-12));
    // B = 1000, P_6 = 511.2 / 1.065 = 480, need 1080 − 511.2 = 568.8 on a base of 520: 9.3846 %.
    CHECK(g.metrics.at("required_rest_growth_pct") == doctest::Approx(100 * (568.8 / 520 - 1)).epsilon(1e-12));
    CHECK(g.status == "behind");
    CHECK(g.colour == "yellow");
    CHECK(g.metrics.count("achieved") == 0);
    const auto& l = report.rows[1];
    CHECK(l.metrics.at("completion_pct") == doctest::Approx(100 * 450 / 970.0).epsilon(1e-12));
    CHECK(l.metrics.at("gap_pp") == doctest::Approx(100 * 450 / 970.0 - 50).epsilon(1e-12));
    CHECK(l.metrics.at("required_rest_growth_pct") ==
          doctest::Approx(100 * ((970 - 450) / (883.4 - 450 / 1.09) - 1)).epsilon(1e-12));
    CHECK(l.status == "behind");
    // Before the target year starts, and without observations.
    CHECK(track(targets_from(ds), ds, period::year(2021)).rows[0].status == "not_started");
    const auto none = track(targets_from(ds), dataset(regions::zhejiang_ptr(), indicators::builtin_ptr()), period::year(2022));
    CHECK(none.rows[0].status == "no_data");
    CHECK(none.rows[0].notes.front().find("no growth_pct of va_industry for 2022") == 0);
}

TEST_CASE("target: Open SDG and UNSD oracles (REFERENCE-METHODS §H)") {
    progress_inputs in;
    in.base = 50;
    in.current = 60;
    in.target = 80;
    in.t0 = 2015;
    in.t = 2020;
    in.T = 2030;
    auto a = statcan_progress(in);
    CHECK(a.inputs.at("cagr_actual") == doctest::Approx(0.037137).epsilon(1e-5));
    CHECK(a.inputs.at("cagr_required") == doctest::Approx(0.031830).epsilon(1e-5));
    CHECK(a.statistic == doctest::Approx(1.166752).epsilon(1e-6));
    CHECK(a.category == "substantial");
    CHECK(a.score == doctest::Approx(4.0483).epsilon(1e-4));
    auto u = unsd_projected_endpoint(in);
    CHECK(u.inputs.at("projected") == doctest::Approx(86.4).epsilon(1e-12));
    CHECK(u.statistic == doctest::Approx(1.213333).epsilon(1e-6));
    CHECK(u.category == "on_track");
    auto e = eurostat_pace(in);
    CHECK(e.statistic == doctest::Approx(1.166752).epsilon(1e-6));
    CHECK(e.category == "significant_progress");

    progress_inputs neg = in;
    neg.base = 20;
    neg.current = 18;
    neg.target = 10;
    neg.direction = -1;
    auto n = statcan_progress(neg);
    CHECK(n.statistic == doctest::Approx(0.461744).epsilon(1e-6));
    CHECK(n.category == "limited");
    CHECK(n.score == doctest::Approx(-0.5760).epsilon(1e-3));

    progress_inputs lim;
    lim.base = 95;
    lim.current = 97;
    lim.t0 = 2015;
    lim.t = 2020;
    lim.limit = 100;
    auto c = statcan_progress(lim);
    CHECK(c.inputs.at("limit_factor") == doctest::Approx(0.203670).epsilon(1e-5));
    CHECK(c.category == "substantial");
    CHECK(c.score == 5);

    progress_inputs nt;
    nt.base = 20;
    nt.current = 19;
    nt.t0 = 2015;
    nt.t = 2020;
    nt.direction = -1;
    auto m = statcan_progress(nt);
    CHECK(m.statistic == doctest::Approx(0.010206).epsilon(1e-5));
    CHECK(m.category == "moderate");
    CHECK(m.score == doctest::Approx(1.3016).epsilon(1e-4));

    // Edge cases: zero base, too short, achieved already.
    progress_inputs z = in;
    z.base = 0;
    CHECK(statcan_progress(z).category == "not_available");
    auto zs = statcan_progress(z, true);
    CHECK(zs.notes.front() == "base 0 replaced by 0.001 (Open SDG)");
    progress_inputs s = in;
    s.t = 2015;
    CHECK(statcan_progress(s).category == "insufficient_data");
    progress_inputs done = in;
    done.current = 85;
    CHECK(unsd_projected_endpoint(done).category == "target_achieved");
    CHECK(statcan_progress(done).category == "target_achieved");
    progress_inputs no_target = in;
    no_target.target.reset();
    CHECK_THROWS_AS(eurostat_pace(no_target), invalid_input);
    CHECK_THROWS_AS(unsd_projected_endpoint(no_target), invalid_input);
}

TEST_CASE("target: ESCAP current status and anticipated progress") {
    // Values growing 5 % a year from 100 in 2015 to 2020: the weighted log-linear fit is exact,
    // so the anticipated 2030 value is 100 · 1.05^15 = 207.893.
    std::vector<double> years, values;
    for (int k = 0; k <= 5; ++k) {
        years.push_back(2015 + k);
        values.push_back(100 * std::pow(1.05, k));
    }
    auto a = escap_progress(years, values, 250, 2030);
    CHECK(a.inputs.at("projected") == doctest::Approx(100 * std::pow(1.05, 15)).epsilon(1e-12));
    CHECK(a.inputs.at("current_status") == doctest::Approx((100 * std::pow(1.05, 5) - 100) / 150).epsilon(1e-12));
    CHECK(a.statistic == doctest::Approx((250 - 100 * std::pow(1.05, 15)) / 150).epsilon(1e-12));
    CHECK(a.category == "accelerate");
    CHECK(escap_progress(years, values, 200, 2030).category == "maintain");
    CHECK(escap_progress({2015}, {100}, 200, 2030).category == "insufficient_data");
    CHECK_THROWS_AS(escap_progress({2015, 2016}, {100}, 200, 2030), invalid_input);
}

TEST_CASE("target: rule tables are data") {
    const auto t = rule_table::from_csv_string("metric,op,threshold,label,colour\ngap_pp,>=,2,ahead,green\ngap_pp,*,0,rest,red\n");
    CHECK(t.evaluate({{"gap_pp", 2.5}})->label == "ahead");
    CHECK(t.evaluate({{"gap_pp", 1}})->label == "rest");
    CHECK(rule_table::from_csv_string(t.to_csv_string()).rules().size() == 2);
    const auto cn = rule_table::preset("cn_time_progress");
    CHECK(cn.evaluate({{"gap_pp", 0}})->colour == "green");
    CHECK(cn.evaluate({{"gap_pp", -5}})->colour == "yellow");
    CHECK(cn.evaluate({{"gap_pp", -5.01}})->colour == "red");
    CHECK(cn.evaluate({}) == nullptr);
    CHECK_THROWS_AS(rule_table::preset("nope"), invalid_input);
    CHECK_THROWS_AS(rule_table::from_csv_string("metric,op,threshold,label\ngap_pp,=>,1,x\n"), parse_error);
    CHECK_THROWS_AS(rule_table::from_csv_string("metric,op,threshold,label\ngap_pp,>=,abc,x\n"), parse_error);
    CHECK_THROWS_AS(parse_target_kind("grow"), invalid_input);
    CHECK(parse_target_kind("rank_at_most") == target_kind::rank_at_most);
}
