// SPDX-License-Identifier: MIT
// Target decomposition and monthly schedules (regind/decompose.hpp). Expected values are hand
// arithmetic written here.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <limits>

#include "regind/decompose.hpp"

using Eigen::ArrayXd;
using regind::invalid_input;
using regind::split_kind;
using regind::split_method;
using regind::split_options;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double Inf = std::numeric_limits<double>::infinity();

ArrayXd arr(std::initializer_list<double> v) {
    ArrayXd a(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double x : v) a[i++] = x;
    return a;
}

doctest::Approx near(double x) { return doctest::Approx(x).epsilon(1e-12).scale(0.0); }

split_options opts(split_method m, split_kind k = split_kind::level) {
    split_options o;
    o.method = m;
    o.kind = k;
    return o;
}

regind::growth::row_matrix rows(std::initializer_list<std::initializer_list<double>> v) {
    regind::growth::row_matrix m(static_cast<Eigen::Index>(v.size()), static_cast<Eigen::Index>(v.begin()->size()));
    Eigen::Index r = 0;
    for (const auto& row : v) {
        Eigen::Index c = 0;
        for (double x : row) m(r, c++) = x;
        ++r;
    }
    return m;
}

}  // namespace

TEST_CASE("decompose: a level target split in proportion to the bases adds up to the parent's") {
    // 工业投资 970 亿元 on a base of 883.4 split among three parts of 300, 200 and 383.4.
    const auto r = regind::decompose(970.0, arr({300.0, 200.0, 383.4}));
    CHECK(r.target[0] == near(970.0 * 300.0 / 883.4));
    CHECK(r.target[1] == near(970.0 * 200.0 / 883.4));
    CHECK(r.target[2] == near(970.0 * 383.4 / 883.4));
    CHECK(r.target.sum() == near(970.0));
    CHECK(r.children_target == 970.0);
    for (Eigen::Index i = 0; i < 3; ++i) CHECK(r.required_growth[i] == near(970.0 / 883.4 - 1.0));
    CHECK(r.base_share[1] == near(200.0 / 883.4));
    CHECK(r.increment[0] == near(970.0 * 300.0 / 883.4 - 300.0));
    CHECK(r.parent_base == near(883.4));
    CHECK(r.parent_growth == near(970.0 / 883.4 - 1.0));
    CHECK(r.children_growth == near(970.0 / 883.4 - 1.0));  // Σ s_i g_i, A9
    CHECK(r.rounding_residue == 0.0);
    // Equal growth is the same split for a level target.
    const auto e = regind::decompose(970.0, arr({300.0, 200.0, 383.4}), opts(split_method::equal_growth));
    for (Eigen::Index i = 0; i < 3; ++i) CHECK(e.target[i] == near(r.target[i]));
}

TEST_CASE("decompose: weights split the increment") {
    split_options o = opts(split_method::weights);
    o.weights = arr({3.0, 1.0});
    // 1100 on bases 400 + 600: the increment 100 goes 75 / 25.
    const auto r = regind::decompose(1100.0, arr({400.0, 600.0}), o);
    CHECK(r.target[0] == near(475.0));
    CHECK(r.target[1] == near(625.0));
    CHECK(r.required_growth[0] == near(75.0 / 400.0));
    CHECK(r.required_growth[1] == near(25.0 / 600.0));
    CHECK(r.children_growth == near(0.4 * 0.1875 + 0.6 * (25.0 / 600.0)));  // = 0.1 = 1100/1000 − 1
    CHECK(r.children_growth == near(0.1));
    // Growth kind: +10 % on 100 + 100, all of the increment to the first child.
    split_options g = opts(split_method::weights, split_kind::growth);
    g.weights = arr({1.0, 0.0});
    const auto s = regind::decompose(0.10, arr({100.0, 100.0}), g);
    CHECK(s.target[0] == near(120.0));
    CHECK(s.target[1] == near(100.0));
    CHECK(s.parent_target == near(220.0));
    CHECK(s.required_growth[1] == 0.0);
}

TEST_CASE("decompose: growth targets") {
    const auto b = arr({1000.0, 500.0, 250.0});  // Σ 1750
    SUBCASE("equal growth reproduces the parent's growth from the bases (A9)") {
        const auto r = regind::decompose(0.08, b, opts(split_method::equal_growth, split_kind::growth));
        CHECK(r.target[0] == near(1080.0));
        CHECK(r.target[1] == near(540.0));
        CHECK(r.target[2] == near(270.0));
        for (Eigen::Index i = 0; i < 3; ++i) CHECK(r.required_growth[i] == near(0.08));
        CHECK(r.children_growth == near(1000.0 / 1750.0 * 0.08 + 500.0 / 1750.0 * 0.08 + 250.0 / 1750.0 * 0.08));
        CHECK(r.parent_target == near(1750.0 * 1.08));
        CHECK(r.children_target == near(1890.0));
    }
    SUBCASE("with a parent base above the children's, proportional and equal growth differ") {
        split_options p = opts(split_method::proportional, split_kind::growth);
        p.parent_base = 2000.0;
        const auto r = regind::decompose(0.08, b, p);
        CHECK(r.parent_target == near(2160.0));
        CHECK(r.children_target == near(2160.0));
        CHECK(r.target[0] == near(2160.0 * 1000.0 / 1750.0));
        CHECK(r.required_growth[2] == near(2160.0 / 1750.0 - 1.0));
        split_options e = opts(split_method::equal_growth, split_kind::growth);
        e.parent_base = 2000.0;
        const auto q = regind::decompose(0.08, b, e);
        CHECK(q.children_target == near(1890.0));
        CHECK(q.parent_target == near(2160.0));
        CHECK(q.children_growth == near(0.08));
        CHECK(q.parent_growth == near(0.08));
    }
    SUBCASE("a level target's parent growth uses parent_base") {
        split_options o;
        o.parent_base = 2000.0;
        const auto r = regind::decompose(2200.0, b, o);
        CHECK(r.parent_growth == near(0.1));
        CHECK(r.children_target == near(2200.0));
        CHECK(r.required_growth[0] == near(2200.0 / 1750.0 - 1.0));
    }
}

TEST_CASE("decompose: decimals round by the largest remainder and keep the sum") {
    split_options o;
    o.decimals = 1;
    const auto thirds = regind::decompose(100.0, arr({1.0, 1.0, 1.0}), o);
    // 33.33… each: 33.3 three times leaves one 0.1, which goes to the first (equal remainders and bases).
    CHECK(thirds.target[0] == near(33.4));
    CHECK(thirds.target[1] == near(33.3));
    CHECK(thirds.target[2] == near(33.3));
    CHECK(std::llround(thirds.target.sum() * 10) == 1000);
    CHECK(thirds.target_unrounded[1] == near(100.0 / 3.0));
    CHECK(thirds.required_growth[0] == near(33.4 - 1.0));  // from the rounded target
    CHECK(std::fabs(thirds.rounding_residue) < 1e-12);

    o.decimals = 0;
    // 10 on 3 : 3 : 1 → 4.2857, 4.2857, 1.4286: floors 4 + 4 + 1 = 9; the largest remainder (0.4286) gets 1.
    const auto r = regind::decompose(10.0, arr({3.0, 3.0, 1.0}), o);
    CHECK(r.target[0] == 4.0);
    CHECK(r.target[1] == 4.0);
    CHECK(r.target[2] == 2.0);
    // Equal remainders (1.5, 4.5): the larger base gets the unit.
    const auto t = regind::decompose(6.0, arr({1.0, 3.0}), o);
    CHECK(t.target[0] == 1.0);
    CHECK(t.target[1] == 5.0);
    // A target with more decimals than kept: the rounded targets add up to 100.0 = round(100.04, 1).
    o.decimals = 1;
    const auto u = regind::decompose(100.04, arr({1.0, 1.0}), o);
    CHECK(u.target[0] == near(50.0));
    CHECK(u.target[1] == near(50.0));
    CHECK(u.rounding_residue == doctest::Approx(100.0 - 100.04).epsilon(1e-9));
}

TEST_CASE("decompose: errors") {
    const auto b = arr({1.0, 2.0});
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, ArrayXd()), doctest::Contains("[regind.invalid_input.empty]"),
                         invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, arr({1.0, 0.0})), doctest::Contains("base 0 (index 1)"),
                         invalid_input);
    CHECK_THROWS_AS((void)regind::decompose(10.0, arr({-1.0, 2.0})), invalid_input);
    CHECK_THROWS_AS((void)regind::decompose(10.0, arr({NaN, 2.0})), invalid_input);
    CHECK_THROWS_AS((void)regind::decompose(10.0, arr({Inf, 2.0})), invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::decompose(NaN, b), doctest::Contains("the target must be a finite"), invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::decompose(0.0, b), doctest::Contains("a level target must be > 0"), invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::decompose(-1.0, b, opts(split_method::equal_growth, split_kind::growth)),
                         doctest::Contains("a growth target must be > −1"), invalid_input);
    split_options pb;
    pb.parent_base = 0.0;
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, pb), doctest::Contains("parent_base must be > 0"), invalid_input);
    pb.parent_base = Inf;
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, pb), doctest::Contains("parent_base must be a finite"),
                         invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, opts(split_method::weights)), doctest::Contains("needs weights"),
                         invalid_input);
    split_options w;
    w.weights = arr({1.0, 1.0});
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, w), doctest::Contains("use method 'weights'"), invalid_input);
    w.method = split_method::weights;
    w.weights = arr({1.0, 1.0, 1.0});
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, w), doctest::Contains("bases has 2, weights has 3"),
                         invalid_input);
    w.weights = arr({1.0, -1.0});
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, w), doctest::Contains("weight -1 (index 1)"), invalid_input);
    w.weights = arr({1.0, NaN});
    CHECK_THROWS_AS((void)regind::decompose(10.0, b, w), invalid_input);
    w.weights = arr({0.0, 0.0});
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, w), doctest::Contains("sum to a positive number"), invalid_input);
    split_options d;
    d.decimals = 13;
    CHECK_THROWS_WITH_AS((void)regind::decompose(10.0, b, d), doctest::Contains("decimals must be 0..12"), invalid_input);
    d.decimals = -1;
    CHECK_THROWS_AS((void)regind::decompose(10.0, b, d), invalid_input);
    CHECK(regind::parse_split_method("weights") == split_method::weights);
    CHECK(regind::parse_split_kind("growth") == split_kind::growth);
    CHECK_THROWS_WITH_AS((void)regind::parse_split_method("equal"), doctest::Contains("unknown method 'equal'"),
                         invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::parse_split_kind("amount"), doctest::Contains("unknown kind 'amount'"),
                         invalid_input);
}

TEST_CASE("monthly_schedule: cumulative targets from past cumulative shares (seasonal 时序进度)") {
    const auto past = rows({{0.12, 0.20, 0.28, 0.36, 0.45, 0.53, 0.61, 0.70, 0.79, 0.89, 1.0},
                            {0.14, 0.22, 0.30, 0.38, 0.47, 0.55, 0.63, 0.72, 0.81, 0.90, 1.0}});
    const auto s = regind::monthly_schedule(970.0, past);
    REQUIRE(s.month.size() == 11);
    CHECK(s.month[0] == 2);  // the 1–2月 block
    CHECK(s.month[10] == 12);
    const double mean[] = {0.13, 0.21, 0.29, 0.37, 0.46, 0.54, 0.62, 0.71, 0.80, 0.895, 1.0};
    for (Eigen::Index j = 0; j < 11; ++j) {
        CHECK(s.cumulative_share[j] == doctest::Approx(mean[j]).epsilon(1e-12));
        CHECK(s.cumulative_target[j] == doctest::Approx(970.0 * mean[j]).epsilon(1e-12));
        CHECK(s.time_progress[j] == near((j + 2) / 12.0));
    }
    CHECK(s.cumulative_target[10] == 970.0);
    CHECK(s.monthly_target[0] == doctest::Approx(126.1).epsilon(1e-12));          // 970 · 0.13
    CHECK(s.monthly_target[1] == doctest::Approx(970.0 * 0.08).epsilon(1e-9));   // 203.7 − 126.1
    CHECK(s.monthly_target[9] == doctest::Approx(970.0 * 0.095).epsilon(1e-9));  // 868.15 − 776
    CHECK(s.monthly_target[10] == doctest::Approx(970.0 * 0.105).epsilon(1e-9)); // 970 − 868.15
    CHECK(s.monthly_target.sum() == doctest::Approx(970.0).epsilon(1e-12));
}

TEST_CASE("monthly_schedule: errors") {
    const auto good = rows({{0.12, 0.20, 0.28, 0.36, 0.45, 0.53, 0.61, 0.70, 0.79, 0.89, 1.0}});
    CHECK_THROWS_WITH_AS((void)regind::monthly_schedule(NaN, good), doctest::Contains("annual target must be a finite"),
                         invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::monthly_schedule(1.0, regind::growth::row_matrix(0, 11)),
                         doctest::Contains("at least one past year"), invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::monthly_schedule(1.0, rows({{0.2, 0.4, 0.6, 0.8, 1.0}})),
                         doctest::Contains("needs 11 cumulative shares per year"), invalid_input);
    auto bad = good;
    bad(0, 3) = 0.27;  // below 0.28 of the month before
    CHECK_THROWS_WITH_AS((void)regind::monthly_schedule(1.0, bad), doctest::Contains("must increase month by month, but month 5"),
                         invalid_input);
    bad = good;
    bad(0, 2) = 0.20;  // equal to the month before: not increasing
    CHECK_THROWS_AS((void)regind::monthly_schedule(1.0, bad), invalid_input);
    bad = good;
    bad(0, 10) = 0.98;
    CHECK_THROWS_WITH_AS((void)regind::monthly_schedule(1.0, bad), doctest::Contains("must be 1 (the whole year)"),
                         invalid_input);
    bad = good;
    bad(0, 0) = 0.0;
    CHECK_THROWS_WITH_AS((void)regind::monthly_schedule(1.0, bad), doctest::Contains("finite number > 0"), invalid_input);
    bad(0, 0) = NaN;
    CHECK_THROWS_AS((void)regind::monthly_schedule(1.0, bad), invalid_input);
}
