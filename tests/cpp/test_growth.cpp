// SPDX-License-Identifier: MIT
// Growth arithmetic (REFERENCE-METHODS.md §A). Expected values are hand arithmetic written
// here or numbers quoted in REFERENCE-METHODS.md, never values produced by the code under test.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <limits>

#include "regind/growth.hpp"

namespace g = regind::growth;
using Eigen::ArrayXd;
using regind::invalid_input;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

ArrayXd arr(std::initializer_list<double> v) {
    ArrayXd a(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double x : v) a[i++] = x;
    return a;
}

// Relative comparison: doctest's default Approx also allows an absolute 1·epsilon, which is too
// loose for fractions such as 0.0263.
doctest::Approx near(double x, double eps = 1e-12) { return doctest::Approx(x).epsilon(eps).scale(0.0); }
// A published (rounded) number: |actual − x| within about `tol` (half a unit of its last digit).
doctest::Approx quoted(double x, double tol) { return doctest::Approx(x).epsilon(tol / std::fabs(x)).scale(0.0); }

}  // namespace

TEST_CASE("growth: year-on-year growth is a fraction, NaN on a base <= 0") {
    CHECK(g::growth(108.0, 100.0) == near(0.08));
    CHECK(g::growth(6341.0, 4888.0) == near(1453.0 / 4888.0));
    CHECK(g::growth(-10.0, 100.0) == near(-1.1));  // a profit turning into a loss
    CHECK(std::isnan(g::growth(5.0, 0.0)));
    CHECK(std::isnan(g::growth(5.0, -2.0)));
    CHECK(std::isnan(g::growth(5.0, NaN)));
    CHECK(std::isnan(g::growth(NaN, 5.0)));

    const ArrayXd out = g::growth(arr({110.0, 5.0, 90.0}), arr({100.0, 0.0, 100.0}));
    REQUIRE(out.size() == 3);
    CHECK(out[0] == near(0.1));
    CHECK(std::isnan(out[1]));
    CHECK(out[2] == near(-0.1));
    CHECK(g::growth(ArrayXd(0), ArrayXd(0)).size() == 0);
    CHECK_THROWS_WITH_AS(g::growth(arr({1.0, 2.0, 3.0}), arr({1.0, 2.0})),
                         "[regind.invalid_input.shape] growth: current has 3, previous has 2 values; the arrays must "
                         "have the same size",
                         invalid_input);
}

TEST_CASE("growth: cagr and required_growth") {
    CHECK(g::cagr(100.0, 121.0, 2.0) == near(0.1));  // not REAT's −0.1975 (§A1 pitfall)
    CHECK(g::cagr(100.0, 100.0, 5.0) == 0.0);
    CHECK(g::cagr(200.0, 100.0, 1.0) == near(-0.5));
    CHECK(g::cagr(100.0, 150.0, 0.5) == near(1.25));  // (1.5)^2 − 1
    CHECK(std::isnan(g::cagr(0.0, 100.0, 2.0)));
    CHECK(std::isnan(g::cagr(100.0, 0.0, 2.0)));
    CHECK(std::isnan(g::cagr(-1.0, 100.0, 2.0)));
    CHECK(std::isnan(g::cagr(100.0, 121.0, NaN)));
    CHECK_THROWS_WITH_AS(g::cagr(100.0, 121.0, 0.0), "[regind.invalid_input.years] cagr: years must be > 0, got 0",
                         invalid_input);
    CHECK_THROWS_AS(g::cagr(100.0, 121.0, -1.0), invalid_input);

    // B1/B2 acceptance: industrial investment 883.4 → 970 亿元 needs 970/883.4 − 1 = 9.8030 %.
    CHECK(g::required_growth(883.4, 970.0) == near(970.0 / 883.4 - 1.0));
    CHECK(g::required_growth(883.4, 970.0) == quoted(0.098030, 5e-7));
    CHECK(g::required_growth(100.0, 121.0, 2.0) == near(0.1));
    CHECK(std::isnan(g::required_growth(0.0, 970.0)));
    CHECK_THROWS_WITH_AS(g::required_growth(883.4, 970.0, 0.0),
                         "[regind.invalid_input.years] required_growth: years must be > 0, got 0", invalid_input);

    const ArrayXd c = g::cagr(arr({100.0, 0.0}), arr({121.0, 5.0}), arr({2.0, 1.0}));
    CHECK(c[0] == near(0.1));
    CHECK(std::isnan(c[1]));
    CHECK_THROWS_WITH_AS(g::cagr(arr({100.0, 100.0}), arr({121.0, 121.0}), arr({2.0, -3.0})),
                         "[regind.invalid_input.years] cagr: years must be > 0, got -3 at index 1", invalid_input);
    CHECK_THROWS_WITH_AS(g::cagr(arr({100.0}), arr({121.0, 1.0}), arr({2.0})),
                         "[regind.invalid_input.shape] cagr: first has 1, last has 2, years has 1 values; the arrays "
                         "must have the same size",
                         invalid_input);
    const ArrayXd r = g::required_growth(arr({883.4, 100.0}), arr({970.0, 121.0}), arr({1.0, 2.0}));
    CHECK(r[0] == near(970.0 / 883.4 - 1.0));
    CHECK(r[1] == near(0.1));
    CHECK_THROWS_AS(g::required_growth(arr({1.0}), arr({2.0}), arr({0.0})), invalid_input);
    CHECK_THROWS_AS(g::required_growth(arr({1.0}), arr({2.0}), arr({1.0, 1.0})), invalid_input);
}

TEST_CASE("growth: level_after and prior_level") {
    // B1 acceptance: 883.4 亿元 growing 10 % → 971.74; 规上工业增加值 2594.5 growing 8 % → 2802.06.
    CHECK(g::level_after(883.4, 0.10) == near(971.74));
    CHECK(g::level_after(2594.5, 0.08) == near(2802.06));
    CHECK(g::level_after(100.0, 0.1, 2.0) == near(121.0));
    CHECK(g::level_after(100.0, 0.1, 0.0) == 100.0);
    CHECK(g::level_after(100.0, -1.0) == 0.0);
    CHECK(std::isnan(g::level_after(100.0, -1.5)));
    CHECK(std::isnan(g::level_after(NaN, 0.1)));
    CHECK_THROWS_WITH_AS(g::level_after(100.0, 0.1, -1.0),
                         "[regind.invalid_input.years] level_after: years must be ≥ 0, got -1", invalid_input);
    const ArrayXd l = g::level_after(arr({883.4, 2594.5}), arr({0.10, 0.08}), arr({1.0, 1.0}));
    CHECK(l[0] == near(971.74));
    CHECK(l[1] == near(2802.06));
    CHECK_THROWS_AS(g::level_after(arr({1.0}), arr({0.1}), arr({-1.0})), invalid_input);
    CHECK_THROWS_AS(g::level_after(arr({1.0}), arr({0.1, 0.2}), arr({1.0})), invalid_input);

    CHECK(g::prior_level(2006.02, 0.049) == near(2006.02 / 1.049));
    CHECK(std::isnan(g::prior_level(100.0, -1.0)));
    const ArrayXd p = g::prior_level(arr({110.0, 1.0}), arr({0.1, -2.0}));
    CHECK(p[0] == near(100.0));
    CHECK(std::isnan(p[1]));
    CHECK_THROWS_AS(g::prior_level(arr({1.0}), arr({0.1, 0.2})), invalid_input);
}

TEST_CASE("growth: pp_change, share, share_after, pulls from growth and contribution") {
    CHECK(g::pp_change(0.08, 0.065) == near(0.015));
    CHECK(std::isnan(g::pp_change(NaN, 0.065)));
    const ArrayXd d = g::pp_change(arr({0.08, 0.10}), arr({0.065, 0.12}));
    CHECK(d[0] == near(0.015));
    CHECK(d[1] == near(-0.02));
    CHECK_THROWS_AS(g::pp_change(arr({0.08}), arr({0.065, 0.12})), invalid_input);

    CHECK(g::share(2556.0, 4888.0) == near(2556.0 / 4888.0));
    CHECK(std::isnan(g::share(1.0, 0.0)));
    const ArrayXd s = g::share(arr({1.0, 1.0}), arr({4.0, 0.0}));
    CHECK(s[0] == 0.25);
    CHECK(std::isnan(s[1]));
    CHECK_THROWS_AS(g::share(arr({1.0}), arr({4.0, 0.0})), invalid_input);

    // A6: pull = s_{t−1} · g; 2556/4888 · (877/2556) = 877/4888.
    CHECK(g::pull_from_growth(2556.0 / 4888.0, 877.0 / 2556.0) == near(877.0 / 4888.0));
    CHECK(g::pull_from_growth(arr({0.5}), arr({0.1}))[0] == near(0.05));
    CHECK_THROWS_AS(g::pull_from_growth(arr({0.5}), arr({0.1, 0.2})), invalid_input);
    // Fujian 1980: contributions 25.1/43.2/31.7 % with GDP +18.4 % → pulls 4.62/7.95/5.83 pp.
    const ArrayXd f = g::pull_from_contribution(arr({0.251, 0.432, 0.317}), arr({0.184, 0.184, 0.184}));
    CHECK(f[0] == quoted(0.0462, 5e-5));
    CHECK(f[1] == quoted(0.0795, 5e-5));
    CHECK(f[2] == quoted(0.0583, 5e-5));
    CHECK(g::pull_from_contribution(0.251, 0.184) == near(0.251 * 0.184));
    CHECK_THROWS_AS(g::pull_from_contribution(arr({0.5}), arr({0.1, 0.2})), invalid_input);

    // s_t = s_{t−1}(1 + g_i)/(1 + g_T): 2556/4888 → 3433/6341.
    CHECK(g::share_after(2556.0 / 4888.0, 3433.0 / 2556.0 - 1.0, 6341.0 / 4888.0 - 1.0) == near(3433.0 / 6341.0));
    CHECK(std::isnan(g::share_after(0.5, 0.1, -1.0)));
    CHECK(g::share_after(arr({0.5}), arr({0.1}), arr({0.1}))[0] == near(0.5));
    CHECK_THROWS_AS(g::share_after(arr({0.5}), arr({0.1}), arr({0.1, 0.2})), invalid_input);
}

TEST_CASE("growth: contributions of parts to a total (A6)") {
    SUBCASE("one part of 4888 → 6341") {
        // The part 2556 → 3433 and a rest 2332 → 2908, so that the parts add up to the total.
        const auto r = g::contributions(arr({3433.0, 2908.0}), arr({2556.0, 2332.0}));
        CHECK(r.status == g::contribution_status::ok);
        CHECK(r.total_growth == near(1453.0 / 4888.0));
        CHECK(r.total_growth == quoted(0.29726, 5e-6));
        CHECK(r.pull[0] == near(877.0 / 4888.0));
        CHECK(r.pull[0] == quoted(0.17942, 5e-6));
        CHECK(r.contribution[0] == near(877.0 / 1453.0));
        CHECK(r.contribution[0] == quoted(0.60358, 5e-6));
        CHECK(r.pull_sum == near(1453.0 / 4888.0));
        CHECK(std::fabs(r.pull_residual) < 1e-14);
        CHECK(r.contribution_sum == near(1.0));
        CHECK(std::fabs(r.contribution_residual) < 1e-14);
        // The same with the totals given and only the one part.
        const auto t = g::contributions(arr({3433.0}), arr({2556.0}), 6341.0, 4888.0);
        CHECK(t.pull[0] == near(877.0 / 4888.0));
        CHECK(t.contribution[0] == near(877.0 / 1453.0));
        CHECK(t.pull_residual == near(877.0 / 4888.0 - 1453.0 / 4888.0));
        CHECK(t.contribution_residual == near(877.0 / 1453.0 - 1.0));
    }
    SUBCASE("Guangdong 2009 from levels and published growth") {
        const double gdp = 39081.59, g_gdp = 0.095;
        const ArrayXd now = arr({2006.02, 19270.48, 17805.09});
        const ArrayXd before = arr({2006.02 / 1.049, 19270.48 / 1.087, 17805.09 / 1.11});
        const auto r = g::contributions(now, before, gdp, gdp / (1.0 + g_gdp));
        CHECK(r.status == g::contribution_status::ok);
        CHECK(r.total_growth == near(0.095));
        CHECK(r.contribution[0] == quoted(0.0276, 5e-5));
        CHECK(r.contribution[1] == quoted(0.4549, 5e-5));
        CHECK(r.contribution[2] == quoted(0.5204, 5e-5));
        CHECK(r.contribution_sum == quoted(1.0029, 5e-5));  // chained parts: about 100 %
        CHECK(r.contribution_residual == quoted(0.0029, 5e-5));
        CHECK(r.pull[0] == quoted(0.00263, 5e-6));
        CHECK(r.pull[1] == quoted(0.04321, 5e-6));
        CHECK(r.pull[2] == quoted(0.04944, 5e-6));
        for (Eigen::Index i = 0; i < 3; ++i) CHECK(r.pull[i] == near(r.contribution[i] * 0.095, 1e-9));
    }
    SUBCASE("statuses") {
        const auto z = g::contributions(arr({1.0, -1.0}), arr({0.0, 0.0}));
        CHECK(z.status == g::contribution_status::undefined_base);
        CHECK(std::isnan(z.total_growth));
        CHECK(std::isnan(z.pull[0]));
        const auto c = g::contributions(arr({6.0, 4.0}), arr({5.0, 5.0}));
        CHECK(c.status == g::contribution_status::no_total_change);
        CHECK(c.total_growth == 0.0);
        CHECK(c.pull[0] == near(0.1));
        CHECK(std::isnan(c.contribution[0]));
        const auto m = g::contributions(arr({6.0, NaN}), arr({5.0, 5.0}), 12.0, 10.0);
        CHECK(m.status == g::contribution_status::missing);
        CHECK(m.pull[0] == near(0.1));
        CHECK(std::isnan(m.pull[1]));
        CHECK(std::isnan(m.pull_sum));
        CHECK(g::to_string(g::contribution_status::no_total_change) == "no_total_change");
    }
    SUBCASE("rows and errors") {
        g::row_matrix now(2, 2), before(2, 2);
        now << 3433.0, 2908.0, 6.0, 4.0;
        before << 2556.0, 2332.0, 5.0, 5.0;
        const auto t = g::contributions_rows(now, before);
        CHECK(t.pull(0, 0) == near(877.0 / 4888.0));
        CHECK(t.contribution(0, 0) == near(877.0 / 1453.0));
        CHECK(t.total_growth[0] == near(1453.0 / 4888.0));
        CHECK(t.status[0] == g::contribution_status::ok);
        CHECK(t.status[1] == g::contribution_status::no_total_change);
        const auto u = g::contributions_rows(now, before, arr({6341.0, 10.0}), arr({4888.0, 10.0}));
        CHECK(u.pull(0, 1) == near(576.0 / 4888.0));
        CHECK_THROWS_WITH_AS(g::contributions(arr({1.0, 2.0}), arr({1.0})),
                             "[regind.invalid_input.shape] contributions: parts_now has 2, parts_before has 1 values; "
                             "the arrays must have the same size",
                             invalid_input);
        CHECK_THROWS_WITH_AS(g::contributions_rows(now, before.leftCols(1)),
                             "[regind.invalid_input.shape] contributions: parts_now is 2×2 and parts_before is 2×1; "
                             "they must have the same shape",
                             invalid_input);
        CHECK_THROWS_AS(g::contributions_rows(now, before, arr({1.0})), invalid_input);
        CHECK_THROWS_AS(g::contributions_rows(now, before, std::nullopt, arr({1.0, 2.0, 3.0})), invalid_input);
    }
}

TEST_CASE("growth: ratio growth, two-year average, average growth") {
    // A8: productivity = value added / workers; +8 % value added, +2 % workers.
    CHECK(g::ratio_growth(0.08, 0.02) == near(1.08 / 1.02 - 1.0));
    CHECK(std::isnan(g::ratio_growth(0.08, -1.0)));
    const ArrayXd rg = g::ratio_growth(arr({0.08, 0.1}), arr({0.02, 0.1}));
    CHECK(rg[0] == near(1.08 / 1.02 - 1.0));
    CHECK(std::fabs(rg[1]) < 1e-15);
    CHECK_THROWS_AS(g::ratio_growth(arr({0.08}), arr({0.02, 0.1})), invalid_input);

    // A7: NBS 2021 Q1, 10.3 % above 2019 Q1 → sqrt(1.103) − 1 = 5.02 %.
    CHECK(g::two_year_average(0.0, 0.103) == near(std::sqrt(1.103) - 1.0));
    CHECK(g::two_year_average(0.0, 0.103) == quoted(0.0502, 5e-5));
    CHECK(g::two_year_average(-0.068, 0.183) == quoted(0.050, 5e-4));  // published "5.0 %"
    CHECK(std::isnan(g::two_year_average(-1.5, 0.2)));
    const ArrayXd ty = g::two_year_average(arr({0.21, NaN}), arr({0.0, 0.1}));
    CHECK(ty[0] == near(0.1));
    CHECK(std::isnan(ty[1]));
    CHECK_THROWS_AS(g::two_year_average(arr({0.1}), arr({0.1, 0.2})), invalid_input);

    CHECK(g::average_growth(arr({0.0, 0.21})) == near(0.1));
    CHECK(g::average_growth(arr({0.1, 0.1, 0.1})) == near(0.1));
    CHECK(std::isnan(g::average_growth(arr({0.1, -2.0}))));
    CHECK_THROWS_WITH_AS(g::average_growth(ArrayXd(0)),
                         "[regind.invalid_input.empty] average_growth: needs at least one growth rate", invalid_input);
    g::row_matrix rates(2, 2);
    rates << 0.0, 0.21, 0.1, 0.1;
    const ArrayXd ag = g::average_growth_rows(rates);
    CHECK(ag[0] == near(0.1));
    CHECK(ag[1] == near(0.1));
    CHECK_THROWS_AS(g::average_growth_rows(g::row_matrix(2, 0)), invalid_input);
}

TEST_CASE("growth: real vs nominal (A2)") {
    // Nominal +10 %, prices +4 %: real 1.10/1.04 − 1; the deflator back from both.
    CHECK(g::real_growth(0.10, 0.04) == near(1.10 / 1.04 - 1.0));
    CHECK(g::implied_deflator(0.10, 1.10 / 1.04 - 1.0) == near(0.04));
    CHECK(g::nominal_growth(0.05, 0.02) == near(1.05 * 1.02 - 1.0));
    CHECK(std::isnan(g::real_growth(0.1, -1.0)));
    CHECK(std::isnan(g::implied_deflator(0.1, -1.0)));
    CHECK(g::real_growth(arr({0.10}), arr({0.04}))[0] == near(1.10 / 1.04 - 1.0));
    CHECK(g::implied_deflator(arr({0.10}), arr({0.0}))[0] == near(0.10));
    CHECK(g::nominal_growth(arr({0.05}), arr({0.02}))[0] == near(0.071));
    CHECK_THROWS_AS(g::real_growth(arr({0.1}), arr({0.1, 0.2})), invalid_input);
    CHECK_THROWS_AS(g::implied_deflator(arr({0.1}), arr({0.1, 0.2})), invalid_input);
    CHECK_THROWS_AS(g::nominal_growth(arr({0.1}), arr({0.1, 0.2})), invalid_input);
}

TEST_CASE("growth: year to date and single months with the 1–2月 block (A4)") {
    // Months 2 (1–2月) … 7. Only months 6 and 7 are from §A4; 2–5 are made up.
    // C_6 = P_6 (1 + G_6) = 480 · 1.065 = 511.2.
    const double C6 = 480.0 * 1.065;
    CHECK(C6 == near(511.2));
    const ArrayXd C = arr({150.0, 240.0, 330.0, 420.0, 511.2, 600.0});
    const ArrayXd G = arr({0.05, 0.06, 0.06, 0.065, 0.065, 0.068});
    const auto s = g::ytd_to_monthly(C, G);
    CHECK(s.cumulative_base[4] == near(480.0));
    CHECK(s.cumulative_base[5] == near(600.0 / 1.068));
    CHECK(s.cumulative_base[5] == quoted(561.7978, 5e-5));
    CHECK(s.monthly[5] == near(88.8));
    CHECK(s.monthly_base[5] == near(600.0 / 1.068 - 480.0));
    CHECK(s.monthly_base[5] == quoted(81.7978, 5e-5));
    CHECK(s.monthly_growth[5] == near(88.8 / (600.0 / 1.068 - 480.0) - 1.0));
    CHECK(s.monthly_growth[5] == quoted(0.085604, 5e-7));
    // The 1–2月 block is its own "single month".
    CHECK(s.monthly[0] == 150.0);
    CHECK(s.monthly_base[0] == near(150.0 / 1.05));
    CHECK(s.monthly_growth[0] == near(0.05));
    // §A4 check: G_7 = (480 · 0.065 + p_7 · g_7) / P_7 = 0.068.
    CHECK((480.0 * 0.065 + s.monthly_base[5] * s.monthly_growth[5]) / s.cumulative_base[5] == near(0.068, 1e-9));

    // Inverse: single months back to year to date.
    const auto back = g::monthly_to_ytd(s.monthly, s.monthly_growth);
    for (Eigen::Index j = 0; j < C.size(); ++j) {
        CHECK(back.cumulative[j] == near(C[j], 1e-10));
        CHECK(back.cumulative_growth[j] == near(G[j], 1e-10));
    }
    // By hand: months 100 (+10 %) and 60 (+20 %) → C = 160, P = 100/1.1 + 60/1.2 = 140.909…
    const auto h = g::monthly_to_ytd(arr({100.0, 60.0}), arr({0.1, 0.2}));
    CHECK(h.cumulative[1] == near(160.0));
    CHECK(h.cumulative_base[1] == near(100.0 / 1.1 + 50.0));
    CHECK(h.cumulative_growth[1] == near(160.0 / (100.0 / 1.1 + 50.0) - 1.0));

    // NaN propagates: a missing month breaks x and p next to it, and every later cumulative value.
    const auto n = g::ytd_to_monthly(arr({100.0, NaN, 300.0}), arr({0.1, 0.1, 0.1}));
    CHECK(std::isnan(n.monthly[1]));
    CHECK(std::isnan(n.monthly[2]));
    CHECK(n.cumulative_base[2] == near(300.0 / 1.1));
    const auto nb = g::monthly_to_ytd(arr({100.0, NaN, 300.0}), arr({0.1, 0.1, 0.1}));
    CHECK(std::isnan(nb.cumulative[1]));
    CHECK(std::isnan(nb.cumulative[2]));

    SUBCASE("rows") {
        g::row_matrix c(2, 2), gr(2, 2);
        c << 100.0, 210.0, 50.0, 110.0;
        gr << 0.0, 0.05, 0.1, 0.1;
        const auto t = g::ytd_to_monthly_rows(c, gr);
        CHECK(t.monthly(0, 1) == 110.0);
        CHECK(t.monthly_base(0, 1) == near(200.0 - 100.0));
        CHECK(t.monthly_growth(0, 1) == near(0.1));
        CHECK(t.monthly_growth(1, 1) == near(0.1));
        const auto b = g::monthly_to_ytd_rows(t.monthly, t.monthly_growth);
        CHECK(b.cumulative(1, 1) == near(110.0));
        CHECK(b.cumulative_growth(0, 1) == near(0.05));
    }
    SUBCASE("errors") {
        CHECK_THROWS_WITH_AS(g::ytd_to_monthly(arr({1.0, 2.0}), arr({0.1})),
                             "[regind.invalid_input.shape] ytd_to_monthly: cumulative has 2, cumulative_growth has 1 "
                             "values; the arrays must have the same size",
                             invalid_input);
        CHECK_THROWS_WITH_AS(g::monthly_to_ytd(ArrayXd::Ones(12), ArrayXd::Zero(12)),
                             "[regind.invalid_input.months] monthly_to_ytd: a year has at most 11 year-to-date columns "
                             "(1–2月, 3月, …, 12月), got 12",
                             invalid_input);
        CHECK_THROWS_AS(g::ytd_to_monthly(ArrayXd::Ones(12), ArrayXd::Zero(12)), invalid_input);
        CHECK_THROWS_WITH_AS(g::ytd_to_monthly_rows(g::row_matrix::Ones(2, 3), g::row_matrix::Ones(3, 3)),
                             "[regind.invalid_input.shape] ytd_to_monthly: cumulative is 2×3 and cumulative_growth is "
                             "3×3; they must have the same shape",
                             invalid_input);
        CHECK_THROWS_AS(g::monthly_to_ytd_rows(g::row_matrix::Ones(1, 12), g::row_matrix::Ones(1, 12)), invalid_input);
        CHECK_THROWS_AS(g::monthly_to_ytd(arr({1.0}), arr({0.1, 0.2})), invalid_input);
    }
}

TEST_CASE("growth: growth needed for the rest of the year (A5)") {
    // B = 1000, P_6 = 480, C_6 = 511.2, G* = 8 %: 1080 − 511.2 = 568.8 on 1000 − 480 = 520.
    const auto r = g::rest_of_year_growth(0.08, 1000.0, 511.2, 480.0);
    CHECK(r.status == g::rest_status::ok);
    CHECK(r.needed == near(568.8));
    CHECK(r.remaining_base == near(520.0));
    CHECK(r.value == near(568.8 / 520.0 - 1.0));
    CHECK(r.value == quoted(0.093846, 5e-7));
    CHECK(g::rest_of_year_growth(0.08, 1000.0, 511.2, 480.0, 6).value == near(568.8 / 520.0 - 1.0));

    // An amount target of 1080 is the same question.
    const auto a = g::rest_of_year_growth_for_amount(1080.0, 1000.0, 511.2, 480.0, 6);
    CHECK(a.status == g::rest_status::ok);
    CHECK(a.value == near(568.8 / 520.0 - 1.0));

    const auto secured = g::rest_of_year_growth_for_amount(500.0, 1000.0, 511.2, 480.0);
    CHECK(secured.status == g::rest_status::already_secured);
    CHECK(secured.needed == near(-11.2));
    CHECK(secured.value == near(-11.2 / 520.0 - 1.0));  // the raw value is kept

    const auto closed = g::rest_of_year_growth(0.08, 1000.0, 1070.0, 1000.0);
    CHECK(closed.status == g::rest_status::period_closed);
    CHECK(std::isnan(closed.value));
    CHECK(closed.needed == near(10.0));  // missed by 10
    const auto closed12 = g::rest_of_year_growth(0.08, 1000.0, 1070.0, 995.0, 12);
    CHECK(closed12.status == g::rest_status::period_closed);
    CHECK(std::isnan(closed12.value));
    CHECK(g::rest_of_year_growth(0.08, 1000.0, 1070.0, 1000.0 * (1.0 + 1e-12)).status == g::rest_status::period_closed);

    const auto undefined = g::rest_of_year_growth(0.08, 1000.0, 1070.0, 1010.0);
    CHECK(undefined.status == g::rest_status::undefined);
    CHECK(std::isnan(undefined.value));
    const auto missing = g::rest_of_year_growth(NaN, 1000.0, 511.2, 480.0);
    CHECK(missing.status == g::rest_status::missing);
    CHECK(std::isnan(missing.value));
    CHECK(g::to_string(g::rest_status::already_secured) == "already_secured");

    const auto v = g::rest_of_year_growth(arr({0.08, 0.08}), arr({1000.0, 1000.0}), arr({511.2, 1200.0}),
                                          arr({480.0, 480.0}), 6);
    CHECK(v.value[0] == near(568.8 / 520.0 - 1.0));
    CHECK(v.status[0] == g::rest_status::ok);
    CHECK(v.status[1] == g::rest_status::already_secured);
    CHECK(v.needed[1] == near(-120.0));
    const auto va = g::rest_of_year_growth_for_amount(arr({970.0}), arr({883.4}), arr({400.0}), arr({383.4}));
    CHECK(va.value[0] == near(570.0 / 500.0 - 1.0));
    CHECK(va.remaining_base[0] == near(500.0));

    CHECK_THROWS_WITH_AS(g::rest_of_year_growth(0.08, 1000.0, 511.2, 480.0, 1),
                         "[regind.invalid_input.month] rest_of_year_growth: month must be 2 (1–2月), 3, …, 12, got 1; "
                         "January is released only with February as 1–2月",
                         invalid_input);
    CHECK_THROWS_WITH_AS(g::rest_of_year_growth_for_amount(970.0, 1000.0, 511.2, 480.0, 13),
                         "[regind.invalid_input.month] rest_of_year_growth_for_amount: month must be 2 (1–2月), 3, …, "
                         "12, got 13",
                         invalid_input);
    CHECK_THROWS_AS(g::rest_of_year_growth(arr({0.08}), arr({1000.0}), arr({511.2}), arr({480.0}), 0), invalid_input);
    CHECK_THROWS_WITH_AS(g::rest_of_year_growth(arr({0.08}), arr({1000.0, 1.0}), arr({511.2}), arr({480.0})),
                         "[regind.invalid_input.shape] rest_of_year_growth: target_growth has 1, full_year_base has 2, "
                         "ytd_level has 1, ytd_base has 1 values; the arrays must have the same size",
                         invalid_input);
    CHECK_THROWS_AS(g::rest_of_year_growth_for_amount(arr({1.0}), arr({1.0}), arr({1.0}), arr({1.0, 2.0})),
                    invalid_input);
}
