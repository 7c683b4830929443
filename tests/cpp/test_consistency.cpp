// SPDX-License-Identifier: MIT
// Consistency checks (regind/consistency.hpp). Expected values are hand arithmetic on the
// published numbers written here (e.g. 100 · 179.9 / 828.3), never values taken from the code
// under test. Synthetic datasets are labelled as such.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "regind/consistency.hpp"
#include "regind/datasets.hpp"

using regind::consistency_options;
using regind::consistency_row;
using regind::dataset;
using regind::verdict;

namespace {

doctest::Approx near(double x) { return doctest::Approx(x).epsilon(1e-12).scale(0.0); }

const std::string header =
    "region_code,period,indicator,measure,value,unit,qualifier,comparator,base_period,doc,span_start,span_end,note\n";

// A SYNTHETIC dataset (not published data) on the built-in registry and catalogue.
dataset synth(const std::string& rows, std::shared_ptr<const regind::indicator_catalogue> cat = nullptr) {
    return dataset::from_csv_string(header + rows, regind::regions::zhejiang_ptr(),
                                    cat ? cat : regind::indicators::builtin_ptr(), "<synthetic>");
}

// A copy of `ds` with the fact of key `key` given another value.
dataset with_value(const dataset& ds, const std::string& key, double value) {
    dataset out(ds.regions_ptr(), ds.indicators_ptr());
    bool found = false;
    for (auto f : ds.facts()) {
        if (regind::fact_key(f) == key) {
            f.value = value;
            found = true;
        }
        out.add(f);
    }
    REQUIRE(found);
    return out;
}

// The rows of a relation in a period whose first indicator is `indicator` (the part of a share,
// the total of a sum, the region's own indicator of a comparison).
std::vector<consistency_row> rows_of(const std::vector<consistency_row>& rows, const std::string& relation,
                                     const std::string& indicator, const std::string& period) {
    std::vector<consistency_row> out;
    for (const auto& r : rows)
        if (r.relation == relation && r.period.to_string() == period && !r.indicators.empty() &&
            r.indicators.front() == indicator)
            out.push_back(r);
    return out;
}

consistency_row one(const std::vector<consistency_row>& rows, const std::string& relation, const std::string& indicator,
                    const std::string& period) {
    const auto found = rows_of(rows, relation, indicator, period);
    REQUIRE(found.size() == 1);
    return found.front();
}

std::size_t count(const std::vector<consistency_row>& rows, verdict v) {
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [&](const auto& r) { return r.verdict == v; }));
}

}  // namespace

TEST_CASE("consistency: written decimals come from the value and from the span's trailing zeros") {
    regind::fact f;
    f.value = 828.3;
    CHECK(regind::written_decimals(f) == 1);
    f.value = 543.3;  // written 543.30: a span of 6 code points
    f.doc = "d";
    f.span_start = 785;
    f.span_end = 791;
    CHECK(regind::written_decimals(f) == 2);
    f.value = 14;  // written 14.0: 4 code points
    f.span_start = 233;
    f.span_end = 237;
    CHECK(regind::written_decimals(f) == 1);
    f.value = 9;  // written 九: 1 code point
    f.span_start = 10;
    f.span_end = 11;
    CHECK(regind::written_decimals(f) == 0);
    f.span_start = f.span_end = -1;
    f.value = -1.1;
    CHECK(regind::written_decimals(f) == 1);
    f.value = 0.00001;  // shortest text 1e-05
    CHECK(regind::written_decimals(f) == 5);
    f.value = 1e20;
    CHECK(regind::written_decimals(f) == 0);
}

TEST_CASE("consistency: half a unit of the last digit; ranks, targets and plain counts are exact") {
    regind::fact f;
    f.value = 828.3;
    f.unit = regind::unit::parse("亿元");
    CHECK(regind::half_unit(f) == near(0.05));
    f.value = 120;
    f.unit = regind::unit::parse("%");
    f.measure = regind::measure::completion_pct;
    CHECK(regind::half_unit(f) == near(0.5));
    f.measure = regind::measure::target_level;
    f.value = 300;
    CHECK(regind::half_unit(f) == 0.0);
    f.measure = regind::measure::rank;
    f.value = 3;
    CHECK(regind::half_unit(f) == 0.0);
    f.measure = regind::measure::count;
    f.value = 1198;
    f.unit = regind::unit::parse("台");
    CHECK(regind::half_unit(f) == 0.0);
    f.value = 62;  // 62万户次 is a rounded number of 万
    f.unit = regind::unit::parse("万户次");
    CHECK(regind::half_unit(f) == near(0.5));
}

TEST_CASE("consistency: the three named relations of the seed data are consistent") {
    const auto rows = regind::check_consistency(regind::datasets::seed_facts());

    SUBCASE("Huzhou 2016 shares of value added of industry (828.3 亿元)") {
        struct case_ {
            const char* ind;
            double part, pub;
        };
        for (const auto& c : {case_{"va_strategic_emerging", 179.9, 21.7}, case_{"va_high_tech_industries", 347.4, 41.9},
                              case_{"va_equipment_manufacturing", 206.4, 24.9}}) {
            const auto& r = one(rows, "share", c.ind, "2016");
            CHECK(r.verdict == verdict::consistent);
            CHECK(r.computed == near(100.0 * c.part / 828.3));
            CHECK(r.published == near(c.pub));
            // 100·(0.05/828.3 + part·0.05/828.3²) for the levels, + 0.05 for the published share.
            CHECK(r.tolerance == near(100.0 * (0.05 / 828.3 + c.part * 0.05 / (828.3 * 828.3)) + 0.05));
            CHECK(r.regions == std::vector<std::int32_t>{330500});
            CHECK(r.indicators == std::vector<std::string>{c.ind, "va_industry"});
            REQUIRE(r.facts.size() == 3);
            CHECK(r.facts[2].doc == "001_0e7ef2388a968c5b");
            CHECK(r.unit == "%");
        }
        // 179.9/828.3 = 21.72 %: within 21.7 ± (0.05 + 0.0073).
        CHECK(std::fabs(100.0 * 179.9 / 828.3 - 21.7) < 0.0573);
    }

    SUBCASE("Zhejiang's 2021 growth implied by Huzhou and Jiaxing agrees at 12.9 %") {
        const auto& r = one(rows, "comparator_growth", "va_industry", "2021");
        CHECK(r.verdict == verdict::consistent);
        CHECK(r.computed == near(14.0 - 1.1));   // Jiaxing: 14.0 % and 1.1 pp above the province
        CHECK(r.published == near(13.3 - 0.4));  // Huzhou: 13.3 % and 0.4 pp above
        CHECK(r.tolerance == near(4 * 0.05));
        CHECK(r.regions == std::vector<std::int32_t>{330500, 330400});
        REQUIRE(r.facts.size() == 4);
        CHECK(r.facts[0].doc == "000_c4e1fff8c860fce4");
        CHECK(r.facts[3].doc == "002_0aa44b95e84d5610");
        CHECK(r.facts[2].span_start == 233);  // 14.0
        CHECK(r.facts[2].span_end == 237);
    }

    SUBCASE("Huzhou 2016 三百计划: 125.2 + 100.5 + 22.1 = 247.8 = 82.6 % of 300") {
        const auto& s = one(rows, "parts_sum", "inv_three_hundred_plan", "2016");
        CHECK(s.verdict == verdict::consistent);
        CHECK(s.computed == near(125.2 + 100.5 + 22.1));
        CHECK(s.published == near(247.8));
        CHECK(s.tolerance == near(4 * 0.05));
        CHECK(s.indicators == std::vector<std::string>{"inv_three_hundred_plan", "inv_three_hundred_emerging",
                                                       "inv_three_hundred_robot", "inv_three_hundred_smart"});
        const auto& c = one(rows, "completion", "inv_three_hundred_plan", "2016");
        CHECK(c.verdict == verdict::consistent);
        CHECK(c.computed == near(100.0 * 247.8 / 300.0));
        CHECK(c.published == near(82.6));
        CHECK(c.tolerance == near(100.0 * 0.05 / 300.0 + 0.05));  // the target 300 is exact
    }

    SUBCASE("other completions and the comparator that is the city's own investment") {
        // 1198 robots of 1000 planned is 119.8 %, published as 120 (±0.5).
        const auto& robots = one(rows, "completion", "industrial_robots_new", "2016");
        CHECK(robots.verdict == verdict::consistent);
        CHECK(robots.computed == near(119.8));
        CHECK(robots.tolerance == near(0.5));
        // Investment +10.7 % against a plan of +7 %: 1.107 / 1.07 = 103.46 %, published 103.4.
        const auto& inv = one(rows, "completion_growth", "inv_industry", "2016");
        CHECK(inv.verdict == verdict::consistent);
        CHECK(inv.computed == near(100.0 * 1.107 / 1.07));
        CHECK(inv.tolerance == near(100.0 * 0.0005 / 1.07 + 0.05));
        // Equipment investment 14.3 %, 3.6 pp above the city's industrial investment (10.7 %).
        const auto& eq = one(rows, "comparator_growth", "inv_equipment_manufacturing", "2016");
        CHECK(eq.verdict == verdict::consistent);
        CHECK(eq.computed == near(14.3 - 3.6));
        CHECK(eq.published == near(10.7));
        // A province growth implied by Huzhou alone cannot be checked.
        const auto& alone = one(rows, "comparator_growth", "electricity_industry", "2016");
        CHECK(alone.verdict == verdict::not_checkable);
        CHECK(alone.computed == near(9.6 - 2.99));
        CHECK(std::isnan(alone.published));
    }

    SUBCASE("ranks are within their comparator's units, and earlier ranks too") {
        const auto ranks = rows_of(rows, "rank_bound", "industrial_strong_county_evaluation", "2015");
        REQUIRE(ranks.size() == 9);  // 5 ranks and 4 rank changes
        for (const auto& r : ranks) {
            CHECK(r.verdict == verdict::consistent);
            CHECK(r.computed == 90.0);
        }
        CHECK(std::any_of(ranks.begin(), ranks.end(), [](const auto& r) { return r.published == 52.0 + 7.0; }));
        for (const auto& r : rows)
            if (r.relation == "rank_bound") CHECK(r.verdict == verdict::consistent);
    }

    SUBCASE("nothing in the seed data is inconsistent") {
        CHECK(count(rows, verdict::inconsistent) == 0);
        CHECK(count(rows, verdict::consistent) > 0);
        CHECK(count(rows, verdict::not_checkable) > 0);
    }
}

TEST_CASE("consistency: a broken copy of the seed data is flagged") {
    const auto seed = regind::datasets::seed_facts();
    SUBCASE("a share changed from 21.7 to 23.7") {
        const auto rows = regind::check_consistency(with_value(seed, "330500|2016|va_strategic_emerging|share_pct||", 23.7));
        const auto& r = one(rows, "share", "va_strategic_emerging", "2016");
        CHECK(r.verdict == verdict::inconsistent);
        CHECK(count(rows, verdict::inconsistent) == 1);
    }
    SUBCASE("Jiaxing 1.6 pp above the province instead of 1.1") {
        const auto rows = regind::check_consistency(with_value(seed, "330400|2021|va_industry|growth_diff_pp|zhejiang|", 1.6));
        const auto& r = one(rows, "comparator_growth", "va_industry", "2021");
        CHECK(r.verdict == verdict::inconsistent);
        CHECK(r.computed == near(14.0 - 1.6));  // 12.4 vs 12.9 ± 0.2
    }
    SUBCASE("a 三百计划 part changed from 22.1 to 24.1") {
        const auto rows = regind::check_consistency(with_value(seed, "330500|2016|inv_three_hundred_smart|level||", 24.1));
        CHECK(one(rows, "parts_sum", "inv_three_hundred_plan", "2016").verdict == verdict::inconsistent);
        CHECK(one(rows, "completion", "inv_three_hundred_plan", "2016").verdict == verdict::consistent);
    }
    SUBCASE("a rank of 12 among 11 cities") {
        const auto rows = regind::check_consistency(with_value(seed, "330400|2021|va_industry|rank|zhejiang_cities|", 12));
        const auto bad = rows_of(rows, "rank_bound", "va_industry", "2021");
        REQUIRE(bad.size() == 1);
        CHECK(bad[0].verdict == verdict::inconsistent);
        CHECK(bad[0].note.find("beyond the 11 units") != std::string::npos);
    }
}

TEST_CASE("consistency: options") {
    const auto seed = regind::datasets::seed_facts();
    SUBCASE("only some relations, without the not_checkable ones") {
        consistency_options o;
        o.only = {"share"};
        o.include_not_checkable = false;
        const auto rows = regind::check_consistency(seed, o);
        REQUIRE(rows.size() == 3);
        for (const auto& r : rows) CHECK(r.relation == "share");
    }
    SUBCASE("an allowance widens the tolerance") {
        const auto broken = with_value(seed, "330500|2016|va_strategic_emerging|share_pct||", 21.8);  // 21.72 vs 21.8
        CHECK(one(regind::check_consistency(broken), "share", "va_strategic_emerging", "2016").verdict ==
              verdict::inconsistent);
        consistency_options o;
        o.allowance = {{"share", 0.1}};
        const auto& r = one(regind::check_consistency(broken, o), "share", "va_strategic_emerging", "2016");
        CHECK(r.verdict == verdict::consistent);
        CHECK(r.tolerance == near(100.0 * (0.05 / 828.3 + 179.9 * 0.05 / (828.3 * 828.3)) + 0.05 + 0.1));
    }
    SUBCASE("errors: unknown relation names, bad allowances") {
        consistency_options o;
        o.only = {"shares"};
        CHECK_THROWS_WITH_AS((void)regind::check_consistency(seed, o), doctest::Contains("unknown relation 'shares'"),
                             regind::invalid_input);
        consistency_options a;
        a.allowance = {{"nope", 1.0}};
        CHECK_THROWS_WITH_AS((void)regind::check_consistency(seed, a), doctest::Contains("in allowance"),
                             regind::invalid_input);
        consistency_options n;
        n.allowance = {{"share", -0.1}};
        CHECK_THROWS_WITH_AS((void)regind::check_consistency(seed, n), doctest::Contains("[regind.invalid_input.allowance]"),
                             regind::invalid_input);
        n.allowance = {{"share", std::nan("")}};
        CHECK_THROWS_AS((void)regind::check_consistency(seed, n), regind::invalid_input);
    }
}

TEST_CASE("consistency: SYNTHETIC datasets exercise every relation") {
    SUBCASE("share of the province, share changes, qualifiers") {
        const auto ds = synth(
            "330500,2030,va_industry,level,1200.0,亿元,,,,d,0,6,\n"  // written 1200.0
            "330000,2030,va_industry,level,20000,亿元,,,,,,,\n"
            "330500,2030,va_industry,share_pct,6,%,,zhejiang,,,,,\n"
            "330500,2030,va_strategic_emerging,share_pct,32.2,%,,,,,,,\n"
            "330500,2029,va_strategic_emerging,share_pct,30.0,%,,,,d,5,9,\n"
            "330500,2030,va_strategic_emerging,share_change_pp,2.2,pp,,,,,,,\n"
            "330500,2030,va_high_tech_industries,level,500,亿元,,,,,,,\n"
            "330500,2030,va_high_tech_industries,share_pct,40,%,at_least,,,,,,\n"
            "330500,2030,va_equipment_manufacturing,level,300,亿元,,,,,,,\n"
            "330500,2030,va_equipment_manufacturing,share_pct,26,%,nearly,,,,,,\n"
            "330500,2030,va_high_end_equipment,level,100,亿元,,,,,,,\n"
            "330500,2030,va_high_end_equipment,share_pct,8,%,about,,,,,,\n"
            "330500,2030,va_information_manufacturing,level,90,亿元,more_than,,,,,,\n"
            "330500,2030,va_information_manufacturing,share_pct,7.5,%,,,,,,,\n");
        const auto rows = regind::check_consistency(ds);
        const auto& prov = one(rows, "share", "va_industry", "2030");
        CHECK(prov.verdict == verdict::consistent);
        CHECK(prov.computed == near(100.0 * 1200.0 / 20000.0));
        // 1200.0 ± 0.05 and 20000 ± 0.5, 6 ± 0.5.
        CHECK(prov.tolerance == near(100.0 * (0.05 / 20000.0 + 1200.0 * 0.5 / (20000.0 * 20000.0)) + 0.5));
        CHECK(prov.regions == std::vector<std::int32_t>{330500, 330000});
        const auto& change = one(rows, "share_change", "va_strategic_emerging", "2030");
        CHECK(change.verdict == verdict::consistent);
        CHECK(change.computed == near(32.2 - 30.0));
        CHECK(change.tolerance == near(0.05 + 0.05 + 0.05));
        // 500/1200 = 41.67 % is at least 40 %; 300/1200 = 25 % is nearly 26 %.
        CHECK(one(rows, "share", "va_high_tech_industries", "2030").verdict == verdict::consistent);
        CHECK(one(rows, "share", "va_equipment_manufacturing", "2030").verdict == verdict::consistent);
        // 约 8 %: approximate, not checked; an input "more than 90" only bounds the share.
        CHECK(one(rows, "share", "va_high_end_equipment", "2030").verdict == verdict::not_checkable);
        const auto& bound = one(rows, "share", "va_information_manufacturing", "2030");
        CHECK(bound.verdict == verdict::not_checkable);
        CHECK(bound.note.find("qualified (more_than)") != std::string::npos);
    }

    SUBCASE("one-sided qualifiers fail on the wrong side") {
        const auto ds = synth(
            "330500,2030,va_industry,level,1200,亿元,,,,,,,\n"
            "330500,2030,va_high_tech_industries,level,500,亿元,,,,,,,\n"
            "330500,2030,va_high_tech_industries,share_pct,43,%,at_least,,,,,,\n"  // 41.67 < 43 − 0.5
            "330500,2030,va_equipment_manufacturing,level,300,亿元,,,,,,,\n"
            "330500,2030,va_equipment_manufacturing,share_pct,24,%,nearly,,,,,,\n");  // 25 > 24 + 0.5
        const auto rows = regind::check_consistency(ds);
        CHECK(one(rows, "share", "va_high_tech_industries", "2030").verdict == verdict::inconsistent);
        CHECK(one(rows, "share", "va_equipment_manufacturing", "2030").verdict == verdict::inconsistent);
    }

    SUBCASE("shares that cannot be checked say why") {
        const auto ds = synth(
            "330500,2030,patents_enterprises,share_pct,90,%,,,,,,,\n"
            "330500,2030,va_industry,share_pct,6,%,,zhejiang_cities,,,,,\n"
            "330500,2030,va_strategic_emerging,share_pct,20,%,,,,,,,\n");
        const auto rows = regind::check_consistency(ds);
        CHECK(one(rows, "share", "patents_enterprises", "2030").note.find("no known whole") != std::string::npos);
        CHECK(one(rows, "share", "va_industry", "2030").note.find("comparator 'zhejiang_cities'") != std::string::npos);
        const auto& miss = one(rows, "share", "va_strategic_emerging", "2030");
        CHECK(miss.verdict == verdict::not_checkable);
        CHECK(miss.note.find("missing va_strategic_emerging level of 湖州 and va_industry level of 湖州") !=
              std::string::npos);
        CHECK(miss.published == near(20.0));
        CHECK(std::isnan(miss.computed));
    }

    SUBCASE("a comparator's growth checked against its published growth") {
        const auto ds = synth(
            "330500,2030,va_industry,growth_pct,9.0,%,,,,d,0,3,\n"
            "330500,2030,va_industry,growth_diff_pp,1.5,pp,,zhejiang,,,,,\n"
            "330000,2030,va_industry,growth_pct,7.5,%,,,,,,,\n"
            "330400,2030,va_industry,growth_diff_pp,0.5,pp,,zhejiang,,,,,\n"
            "330300,2030,va_industry,growth_pct,8,%,,,,,,,\n"
            "330300,2030,va_industry,growth_diff_pp,0.5,pp,,no_such_comparator,,,,,\n");
        const auto rows = regind::check_consistency(ds);
        const auto r = rows_of(rows, "comparator_growth", "va_industry", "2030");
        REQUIRE(r.size() == 3);
        // Jiaxing has no growth of its own; the comparator code is unknown; Huzhou: 9.0 − 1.5 = 7.5.
        CHECK(std::count_if(r.begin(), r.end(), [](const auto& x) { return x.verdict == verdict::not_checkable; }) == 2);
        const auto ok = std::find_if(r.begin(), r.end(), [](const auto& x) { return x.verdict == verdict::consistent; });
        REQUIRE(ok != r.end());
        CHECK(ok->computed == near(9.0 - 1.5));
        CHECK(ok->published == near(7.5));
        CHECK(ok->tolerance == near(0.05 + 0.05 + 0.05));
        CHECK(ok->regions == std::vector<std::int32_t>{330500, 330000});
    }

    SUBCASE("completion with provincial targets, and without a target") {
        const auto ds = synth(
            "330500,2030,zombie_enterprises_disposed,count,14,家,,,,,,,\n"
            "330500,2030,zombie_enterprises_disposed,target_level,10,家,,provincial_target,,,,,\n"
            "330500,2030,zombie_enterprises_disposed,completion_pct,150,%,,provincial_target,,,,,\n"
            "330500,2030,free_wifi_access_points,completion_pct,94.5,%,,annual_plan,,,,,\n"
            "330500,2030,energy_space_freed,target_level,10,万吨标煤,,annual_plan,,,,,\n"
            "330500,2030,energy_space_freed,completion_pct,154,%,,annual_plan,,,,,\n");
        const auto rows = regind::check_consistency(ds);
        const auto& z = one(rows, "completion", "zombie_enterprises_disposed", "2030");
        CHECK(z.verdict == verdict::inconsistent);  // 14/10 = 140 %, not 150
        CHECK(z.computed == near(140.0));
        CHECK(z.tolerance == near(0.5));
        CHECK(one(rows, "completion", "free_wifi_access_points", "2030").note.find("no target level") != std::string::npos);
        CHECK(one(rows, "completion", "energy_space_freed", "2030").note.find("missing the level") != std::string::npos);
    }

    SUBCASE("roll-up of a city's five county-level divisions (A9)") {
        const std::string kids =
            "330502,2030,va_industry,level,100.1,亿元,,,,,,,\n"
            "330503,2030,va_industry,level,200.2,亿元,,,,,,,\n"
            "330521,2030,va_industry,level,300.3,亿元,,,,,,,\n"
            "330522,2030,va_industry,level,400.4,亿元,,,,,,,\n";
        const std::string anji = "330523,2030,va_industry,level,500.5,亿元,,,,,,,\n";
        const auto good = regind::check_consistency(synth(kids + anji + "330500,2030,va_industry,level,1501.5,亿元,,,,,,,\n"));
        const auto& r = one(good, "roll_up", "va_industry", "2030");
        CHECK(r.verdict == verdict::consistent);
        CHECK(r.computed == near(100.1 + 200.2 + 300.3 + 400.4 + 500.5));
        CHECK(r.tolerance == near(6 * 0.05));
        CHECK(r.regions.size() == 6);
        const auto bad = regind::check_consistency(synth(kids + anji + "330500,2030,va_industry,level,1502.5,亿元,,,,,,,\n"));
        CHECK(one(bad, "roll_up", "va_industry", "2030").verdict == verdict::inconsistent);  // 1.0 > 0.3
        const auto part = regind::check_consistency(synth(kids + "330500,2030,va_industry,level,1501.5,亿元,,,,,,,\n"));
        const auto& p = one(part, "roll_up", "va_industry", "2030");
        CHECK(p.verdict == verdict::not_checkable);
        CHECK(p.note.find("安吉") != std::string::npos);
    }

    SUBCASE("parts with a part missing, and parts in another unit") {
        const auto ds = synth(
            "330500,2030,inv_three_hundred_plan,level,250,亿元,,,,,,,\n"
            "330500,2030,inv_three_hundred_emerging,level,125,亿元,,,,,,,\n"
            "330500,2030,inv_three_hundred_robot,level,100,亿元,,,,,,,\n"
            "330500,2031,inv_three_hundred_plan,level,250,亿元,,,,,,,\n"
            "330500,2031,inv_three_hundred_emerging,level,1250000,万元,,,,,,,\n"
            "330500,2031,inv_three_hundred_robot,level,100,亿元,,,,,,,\n"
            "330500,2031,inv_three_hundred_smart,level,25,亿元,,,,,,,\n");
        const auto rows = regind::check_consistency(ds);
        const auto& miss = one(rows, "parts_sum", "inv_three_hundred_plan", "2030");  // the total comes first
        CHECK(miss.verdict == verdict::not_checkable);
        CHECK(miss.note.find("inv_three_hundred_smart") != std::string::npos);
        const auto& conv = one(rows, "parts_sum", "inv_three_hundred_plan", "2031");
        CHECK(conv.verdict == verdict::consistent);
        CHECK(conv.computed == near(125.0 + 100.0 + 25.0));
        CHECK(conv.tolerance == near(0.00005 + 0.5 + 0.5 + 0.5));  // 1250000 万元 ± 0.5 万元 = ± 0.00005 亿元
    }

    SUBCASE("contributions add up to 100 % and pulls to the growth (A6, Fujian 1980 and Guangdong 2009)") {
        auto cat = std::make_shared<regind::indicator_catalogue>(*regind::indicators::builtin_ptr());
        cat->merge(regind::indicator_catalogue::from_csv_string(
            "code,name_zh,name_en,unit,direction,price_basis\n"
            "contribution_primary,第一产业贡献率,Contribution of the primary sector,%,neutral,na\n"
            "contribution_secondary,第二产业贡献率,Contribution of the secondary sector,%,neutral,na\n"
            "contribution_tertiary,第三产业贡献率,Contribution of the tertiary sector,%,neutral,na\n"
            "pull_primary,第一产业拉动,Pull of the primary sector,pp,neutral,na\n"
            "pull_secondary,第二产业拉动,Pull of the secondary sector,pp,neutral,na\n"
            "pull_tertiary,第三产业拉动,Pull of the tertiary sector,pp,neutral,na\n"));
        const auto ds = synth(
            "330400,1980,contribution_primary,level,25.1,%,,,,,,,\n"
            "330400,1980,contribution_secondary,level,43.2,%,,,,,,,\n"
            "330400,1980,contribution_tertiary,level,31.7,%,,,,,,,\n"
            "330400,1980,gdp,growth_pct,18.4,%,,,,,,,\n"
            "330400,1980,pull_primary,level,4.6,pp,,,,,,,\n"
            "330400,1980,pull_secondary,level,8.0,pp,,,,d,0,3,\n"
            "330400,1980,pull_tertiary,level,5.8,pp,,,,,,,\n"
            "330400,2009,contribution_primary,level,2.76,%,,,,,,,\n"
            "330400,2009,contribution_secondary,level,45.49,%,,,,,,,\n"
            "330400,2009,contribution_tertiary,level,52.04,%,,,,,,,\n"
            "330400,2009,pull_primary,level,0.26,pp,,,,,,,\n",
            cat);
        consistency_options o;
        for (const char* k : {"primary", "secondary", "tertiary"}) {
            o.relations.push_back({"contribution", "gdp", std::string("contribution_") + k, ""});
            o.relations.push_back({"pull", "gdp", std::string("pull_") + k, ""});
        }
        const auto rows = regind::check_consistency(ds, o);
        const auto& c80 = one(rows, "contribution_sum", "contribution_primary", "1980");
        CHECK(c80.verdict == verdict::consistent);
        CHECK(c80.computed == near(25.1 + 43.2 + 31.7));
        CHECK(c80.published == 100.0);
        CHECK(c80.tolerance == near(3 * 0.05));
        const auto& p80 = one(rows, "pull_sum", "pull_primary", "1980");
        CHECK(p80.verdict == verdict::consistent);
        CHECK(p80.computed == near(4.6 + 8.0 + 5.8));
        CHECK(p80.published == near(18.4));
        CHECK(p80.tolerance == near(4 * 0.05));
        // Guangdong 2009: chained comparable-price contributions add up to 100.29 %.
        const auto& c09 = one(rows, "contribution_sum", "contribution_primary", "2009");
        CHECK(c09.verdict == verdict::inconsistent);
        CHECK(c09.computed == near(2.76 + 45.49 + 52.04));
        CHECK(one(rows, "pull_sum", "pull_primary", "2009").verdict == verdict::not_checkable);
        o.allowance = {{"contribution_sum", 0.5}};
        CHECK(one(regind::check_consistency(ds, o), "contribution_sum", "contribution_primary", "2009").verdict ==
              verdict::consistent);
    }

    SUBCASE("ranks against the ranked values") {
        const auto ds = synth(
            "330400,2030,va_industry,level,2594.5,亿元,,,,,,,\n"
            "330400,2030,va_industry,rank,3,位,,zhejiang_cities,,,,,\n"
            "330500,2030,va_industry,level,1245.6,亿元,,,,,,,\n"
            "330500,2030,va_industry,rank,2,位,,zhejiang_cities,,,,,\n"  // better rank, lower level
            "330400,2030,inv_industry,growth_pct,11.1,%,,,,,,,\n"
            "330400,2030,inv_industry,growth_rank,4,位,,zhejiang_cities,,,,,\n"
            "330500,2030,inv_industry,growth_pct,11.14,%,,,,,,,\n"  // a tie within 0.05 + 0.005
            "330500,2030,inv_industry,growth_rank,4,位,,zhejiang_cities,,,,,\n"
            "330400,2030,zombie_enterprises_registered,count,100,家,,,,,,,\n"
            "330400,2030,zombie_enterprises_registered,rank,1,位,,zhejiang_cities,,,,,\n"
            "330500,2030,zombie_enterprises_registered,count,107,家,,,,,,,\n"
            "330500,2030,zombie_enterprises_registered,rank,2,位,,zhejiang_cities,,,,,\n"
            "330300,2030,inv_manufacturing,rank,1.5,位,,zhejiang_cities,,,,,\n"
            "330300,2030,inv_manufacturing,rank_change,11,位,,zhejiang_cities,2029,,,,\n"
            "330300,2030,inv_tech_renovation,rank_change,1,位,,zhejiang_cities,2029,,,,\n"
            "330300,2030,inv_tech_renovation,growth_rank,1,位,,somewhere,,,,,\n");
        const auto rows = regind::check_consistency(ds);
        const auto& va = one(rows, "rank_order", "va_industry", "2030");
        CHECK(va.verdict == verdict::inconsistent);
        CHECK(va.computed == near(1245.6 - 2594.5));  // Huzhou (rank 2) minus Jiaxing (rank 3)
        CHECK(va.published == 1.0);
        const auto& tie = one(rows, "rank_order", "inv_industry", "2030");
        CHECK(tie.verdict == verdict::consistent);
        CHECK(tie.tolerance == near(0.05 + 0.005));
        // Lower is better: 100 registered zombie enterprises rank before 107.
        CHECK(one(rows, "rank_order", "zombie_enterprises_registered", "2030").verdict == verdict::consistent);
        const auto bounds = rows_of(rows, "rank_bound", "inv_manufacturing", "2030");
        REQUIRE(bounds.size() == 2);
        CHECK(bounds[0].verdict == verdict::inconsistent);  // 1.5 is no rank
        CHECK(bounds[0].note.find("whole number") != std::string::npos);
        CHECK(bounds[1].verdict == verdict::inconsistent);  // 1.5 + 11 = 12.5 > 11
        const auto tech = rows_of(rows, "rank_bound", "inv_tech_renovation", "2030");
        REQUIRE(tech.size() == 2);
        CHECK(tech[0].note.find("missing the rank") != std::string::npos);
        CHECK(tech[1].note.find("comparator 'somewhere'") != std::string::npos);
        for (const auto& r : tech) CHECK(r.verdict == verdict::not_checkable);
    }

    SUBCASE("ranks tied with different values contradict") {
        const auto ds = synth(
            "330400,2030,inv_industry,growth_pct,11.1,%,,,,,,,\n"
            "330400,2030,inv_industry,growth_rank,4,位,,zhejiang_cities,,,,,\n"
            "330500,2030,inv_industry,growth_pct,12.1,%,,,,,,,\n"
            "330500,2030,inv_industry,growth_rank,4,位,,zhejiang_cities,,,,,\n");
        CHECK(one(regind::check_consistency(ds), "rank_order", "inv_industry", "2030").verdict == verdict::inconsistent);
    }

    SUBCASE("changes of a level since a base period") {
        const auto good = synth(
            "330500,2021,listed_companies,count,48,家,,,,,,,\n"
            "330500,2024,listed_companies,count,62,家,,,,,,,\n"
            "330500,2024,listed_companies,change,14,家,,,2021,,,,\n"
            "330500,2024,little_giants,change,85,家,,,2021,,,,\n");
        const auto rows = regind::check_consistency(good);
        const auto& r = one(rows, "level_change", "listed_companies", "2024");
        CHECK(r.verdict == verdict::consistent);
        CHECK(r.computed == 62.0 - 48.0);
        CHECK(r.tolerance == 0.0);  // whole counts are exact
        CHECK(one(rows, "level_change", "little_giants", "2024").verdict == verdict::not_checkable);
        const auto bad = with_value(good, "330500|2021|listed_companies|count||", 47);
        CHECK(one(regind::check_consistency(bad), "level_change", "listed_companies", "2024").verdict ==
              verdict::inconsistent);
    }
}

TEST_CASE("consistency: relation and comparator tables are data") {
    SUBCASE("the built-in tables") {
        const auto& rel = regind::builtin_relations();
        CHECK(std::count_if(rel.begin(), rel.end(), [](const auto& r) {
                  return r.kind == "sum" && r.whole == "inv_three_hundred_plan";
              }) == 3);
        const auto& cmp = regind::builtin_comparators();
        const auto z = std::find_if(cmp.begin(), cmp.end(), [](const auto& c) { return c.code == "zhejiang_cities"; });
        REQUIRE(z != cmp.end());
        CHECK(*z->units == 11);
        const auto self = std::find_if(cmp.begin(), cmp.end(), [](const auto& c) { return c.code == "city_industrial_investment"; });
        REQUIRE(self != cmp.end());
        CHECK(self->self);
        CHECK(self->indicator == "inv_industry");
    }
    SUBCASE("user rows come first and replace a built-in share's whole") {
        const auto user = regind::relations_from_csv("kind,whole,part\nshare,gdp,va_strategic_emerging\n");
        const auto merged = regind::merge_relations(user, regind::builtin_relations());
        CHECK(merged.front().whole == "gdp");
        CHECK(std::count_if(merged.begin(), merged.end(), [](const auto& r) {
                  return r.kind == "share" && r.part == "va_strategic_emerging";
              }) == 1);
        CHECK(merged.size() == regind::builtin_relations().size());
        const auto cu = regind::comparators_from_csv("code,region,indicator,units\nzhejiang_cities,,,12\n");
        const auto cm = regind::merge_comparators(cu, regind::builtin_comparators());
        CHECK(cm.size() == regind::builtin_comparators().size());
        CHECK(*cm.front().units == 12);
    }
    SUBCASE("errors in a relation table name the line") {
        CHECK_THROWS_WITH_AS((void)regind::relations_from_csv("kind,whole\nshare,gdp\n"), doctest::Contains("missing column 'part'"),
                             regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::relations_from_csv("kind,whole,part\nratio,gdp,va_industry\n"),
                             doctest::Contains("unknown relation kind"), regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::relations_from_csv("kind,whole,part\nsum,,va_industry\n"),
                             doctest::Contains("the whole must be"), regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::relations_from_csv("kind,whole,part\nsum,gdp,\n"),
                             doctest::Contains("the part must be"), regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::relations_from_csv("kind,whole,part\nsum,gdp,gdp\n"),
                             doctest::Contains("its own whole"), regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::relations_from_csv("kind,whole,part\nsum,gdp,va_industry\nsum,gdp,va_industry\n"),
                             doctest::Contains("repeats"), regind::parse_error);
        CHECK_THROWS_WITH_AS(
            (void)regind::relations_from_csv("kind,whole,part\nshare,gdp,va_industry\nshare,inv_industry,va_industry\n"),
            doctest::Contains("already has the whole 'gdp'"), regind::parse_error);
    }
    SUBCASE("errors in a comparator table name the line") {
        const std::string h = "code,region,indicator,units\n";
        CHECK_THROWS_WITH_AS((void)regind::comparators_from_csv("code,region,indicator\nx,,\n"),
                             doctest::Contains("missing column 'units'"), regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::comparators_from_csv(h + ",,,3\n"), doctest::Contains("must not be empty"),
                             regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::comparators_from_csv(h + "x,,,3\nx,,,4\n"), doctest::Contains("repeats"),
                             regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::comparators_from_csv(h + "x,hangzhou,,\n"),
                             doctest::Contains("expected a region code, 'self' or nothing"), regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::comparators_from_csv(h + "x,self,,\n"), doctest::Contains("needs an indicator"),
                             regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::comparators_from_csv(h + "x,,,0\n"), doctest::Contains("units >= 1"),
                             regind::parse_error);
        CHECK_THROWS_WITH_AS((void)regind::comparators_from_csv(h + "x,,,many\n"), doctest::Contains("units >= 1"),
                             regind::parse_error);
    }
    SUBCASE("validation against the catalogue and the registry") {
        const auto& seed = regind::datasets::seed_facts();
        CHECK_THROWS_AS(regind::validate_relations(seed.indicators(),
                                                   regind::relations_from_csv("kind,whole,part\nsum,gdp,va_industri\n")),
                        regind::key_error);
        CHECK_NOTHROW(regind::validate_relations(seed.indicators(), regind::builtin_relations()));
        CHECK_THROWS_AS(regind::validate_comparators(seed.regions(), seed.indicators(),
                                                     regind::comparators_from_csv("code,region,indicator,units\nx,999999,,\n")),
                        regind::key_error);
        CHECK_THROWS_AS(regind::validate_comparators(seed.regions(), seed.indicators(),
                                                     regind::comparators_from_csv("code,region,indicator,units\nx,self,nope,\n")),
                        regind::key_error);
        CHECK_NOTHROW(regind::validate_comparators(seed.regions(), seed.indicators(), regind::builtin_comparators()));
    }
}
