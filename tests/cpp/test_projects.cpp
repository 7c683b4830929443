// SPDX-License-Identifier: MIT
// Project life cycle (REFERENCE-METHODS G5). Expected values are hand counts written here.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "regind/projects.hpp"

namespace pj = regind::projects;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

double day(int y, unsigned m, unsigned d) { return static_cast<double>(pj::days_from_civil(y, m, d)); }

pj::project_table empty_table(Eigen::Index n) {
    pj::project_table t;
    t.planned = regind::row_matrix::Constant(n, pj::n_stages, NaN);
    t.actual = regind::row_matrix::Constant(n, pj::n_stages, NaN);
    t.planned_amount = Eigen::VectorXd::Constant(n, NaN);
    t.invested = Eigen::VectorXd::Constant(n, NaN);
    return t;
}

}  // namespace

TEST_CASE("civil day numbers") {
    CHECK(pj::days_from_civil(1970, 1, 1) == 0);
    CHECK(pj::days_from_civil(2000, 3, 1) == 11017);
    CHECK(pj::format_day(day(2022, 6, 30)) == "2022-06-30");
    CHECK(pj::civil_from_days(pj::days_from_civil(2024, 2, 29)).day == 29);
}

TEST_CASE("stage, days overdue, 五未 class and light") {
    auto t = empty_table(4);
    const double as_of = day(2022, 6, 30);
    // 0: signed 2022-01-10, start planned 2022-03-01 (121 days before as_of), not started → 未开工, red.
    t.actual(0, 0) = day(2022, 1, 10);
    t.planned(0, 1) = day(2022, 3, 1);
    // 1: started, completion planned 2022-06-01 (29 days ago) → 未竣工, yellow.
    t.actual.row(1).head(2) << day(2021, 5, 1), day(2021, 8, 1);
    t.planned(1, 2) = day(2022, 6, 1);
    // 2: started, completion planned 2022-12-31 → not due, green; a start dated after as_of is not reached.
    t.actual.row(2).head(2) << day(2021, 5, 1), day(2021, 8, 1);
    t.planned(2, 2) = day(2022, 12, 31);
    t.actual(2, 2) = day(2022, 7, 15);
    // 3: every stage reached → done.
    for (int s = 0; s < pj::n_stages; ++s) t.actual(3, s) = day(2016 + s, 1, 1);
    const auto st = pj::status(t, as_of);
    CHECK(st.stage == (Eigen::VectorXi(4) << 0, 1, 1, 5).finished());
    CHECK(st.next_stage[3] == 6);
    CHECK(st.days_overdue[0] == 121);  // March 31 + April 30 + May 31 + June 29 = 121
    CHECK(st.days_overdue[1] == 29);
    CHECK(st.days_overdue[2] == 0);
    CHECK(std::isnan(st.days_overdue[3]));
    CHECK(st.overdue_stage == (Eigen::VectorXi(4) << 1, 2, -1, -1).finished());
    CHECK(std::string(pj::wuwei_names[1]) == "未开工");
    std::vector<std::string> lights;
    for (int i = 0; i < 4; ++i) lights.push_back(st.labels[static_cast<std::size_t>(st.light[i])]);
    CHECK(lights == std::vector<std::string>{"严重滞后", "滞后", "正常", "已达产"});
    // A replaceable table: start overdue > 100 days red, anything else overdue > 20 orange.
    regind::rule_table mine("mine", {{"overdue_start", ">", 100, "开工滞后", "red"},
                                     {"days_overdue", ">", 20, "滞后", "orange"},
                                     {"*", "*", 0, "ok", "green"}});
    const auto s2 = pj::status(t, as_of, mine);
    CHECK(s2.labels[static_cast<std::size_t>(s2.light[0])] == "开工滞后");
    CHECK(s2.labels[static_cast<std::size_t>(s2.light[1])] == "滞后");
    CHECK(s2.colours[static_cast<std::size_t>(s2.light[1])] == "orange");
}

TEST_CASE("rates: 105 of 126 planned starts = 83.3 %") {
    auto t = empty_table(130);
    Eigen::VectorXd group = Eigen::VectorXd::Constant(130, 1);
    for (int i = 0; i < 126; ++i) {
        t.planned(i, 1) = day(2017, 3, 1);
        if (i < 105) t.actual(i, 1) = day(2017, 4, 1);
    }
    // 4 projects planned to start after the window (as_of 2017-06-30): not counted.
    for (int i = 126; i < 130; ++i) t.planned(i, 1) = day(2017, 9, 1);
    // Investment: 10 projects with a plan of 100; 6 invested 50 (≥ time progress 181/365 = 0.4959), 4 invested 40.
    for (int i = 0; i < 10; ++i) {
        t.planned_amount[i] = 100;
        t.invested[i] = i < 6 ? 50 : 40;
    }
    const auto r = pj::rates(t, day(2017, 6, 30), day(2017, 1, 1), pj::default_rules(), group);
    CHECK(r.planned(0, 1) == 126);
    CHECK(r.reached(0, 1) == 105);
    CHECK(r.rate(0, 1) == doctest::Approx(105.0 / 126));
    CHECK(std::round(r.rate(0, 1) * 1000) / 10 == 83.3);
    CHECK(std::isnan(r.rate(0, 2)));  // nothing planned to complete
    CHECK(r.time_progress == doctest::Approx(181.0 / 365));
    CHECK(r.investment_completion[0] == doctest::Approx(460.0 / 1000));
    CHECK(r.ahead_of_time_progress[0] == 6);
    CHECK(r.with_plan[0] == 10);
    // Lights: the 21 not started are overdue 121 days (their start; no signing date given) → red;
    // the 105 started have no later plan → green.
    const auto red = std::find(r.labels.begin(), r.labels.end(), "严重滞后") - r.labels.begin();
    CHECK(r.light_counts(0, red) == 21);
    CHECK(r.light_counts.row(0).sum() == 130);
}

TEST_CASE("project errors") {
    auto t = empty_table(1);
    t.actual(0, 0) = day(2022, 5, 1);
    t.actual(0, 1) = day(2022, 4, 1);
    CHECK_THROWS_WITH_AS((void)pj::status(t, day(2022, 6, 30)),
                         doctest::Contains("[regind.invalid_input.project_dates] project 0: actual 开工 date 2022-04-01 is before actual 签约 date 2022-05-01"),
                         regind::invalid_input);
    auto p = empty_table(1);
    p.planned(0, 2) = day(2022, 1, 1);
    p.planned(0, 4) = day(2021, 1, 1);
    CHECK_THROWS_WITH_AS((void)pj::status(p, day(2022, 6, 30)), doctest::Contains("planned 上规 date 2021-01-01"),
                         regind::invalid_input);
    p.planned(0, 4) = 0.5;
    CHECK_THROWS_WITH_AS((void)pj::status(p, day(2022, 6, 30)), doctest::Contains("not a whole day"), regind::invalid_input);
    auto ok = empty_table(1);
    CHECK_THROWS_WITH_AS((void)pj::status(ok, NaN), doctest::Contains("as_of must be a whole day"), regind::invalid_input);
    CHECK_THROWS_WITH_AS((void)pj::rates(ok, day(2022, 1, 1), day(2022, 6, 1), pj::default_rules(), Eigen::VectorXd::Zero(1)),
                         doctest::Contains("window start 2022-06-01"), regind::invalid_input);
    CHECK_THROWS_WITH_AS((void)pj::rates(ok, day(2022, 6, 1), day(2022, 1, 1), pj::default_rules(), Eigen::VectorXd::Zero(2)),
                         doctest::Contains("[regind.invalid_input.shape]"), regind::invalid_input);
    ok.invested.resize(2);
    CHECK_THROWS_WITH_AS((void)pj::status(ok, day(2022, 6, 1)), doctest::Contains("[regind.invalid_input.shape]"),
                         regind::invalid_input);
}
