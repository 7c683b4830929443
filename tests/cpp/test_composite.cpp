// SPDX-License-Identifier: MIT
// Composite index kernels (REFERENCE-METHODS.md §E). Expected values are hand arithmetic written
// out here, never numbers produced by the code under test; the COINr conformance checks are in
// tests/python/test_composite.py.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "composite_helpers.hpp"
#include "regind/composite.hpp"

namespace rc = regind::composite;
using Eigen::VectorXd;
using regind::invalid_input;
using regind::key_error;

using namespace composite_test;

TEST_CASE("composite: mean, sd and median skip NaN") {
    CHECK(rc::mean(vec({1, 2, NaN, 6})) == near(3.0));
    CHECK(std::isnan(rc::mean(vec({NaN, NaN}))));
    // sd of 1..5: Σ(x − 3)² = 10, 10/(5 − 1) = 2.5
    CHECK(rc::sd(vec({1, 2, 3, 4, 5})) == near(std::sqrt(2.5)));
    CHECK(std::isnan(rc::sd(vec({7, NaN}))));
    CHECK(rc::median(vec({5, 1, NaN, 3})) == 3.0);
    CHECK(rc::median(vec({4, 1, 3, 2})) == 2.5);
    CHECK(std::isnan(rc::median(vec({NaN}))));
    CHECK(rc::sum(vec({1.5, NaN, 2})) == 3.5);
    CHECK(rc::count_available(vec({1, NaN, 2})) == 2);
}

TEST_CASE("composite: skew and kurtosis of a small vector, by hand") {
    // x = 1, 2, 3, 4, 10: mean 4, d = −3, −2, −1, 0, 6
    // Σd² = 9 + 4 + 1 + 0 + 36 = 50, Σd³ = −27 − 8 − 1 + 0 + 216 = 180, Σd⁴ = 81 + 16 + 1 + 0 + 1296 = 1394
    const VectorXd x = vec({1, 2, 3, 4, 10, NaN});
    const double n = 5;
    const double g = std::sqrt(n) * 180.0 / std::pow(50.0, 1.5);
    CHECK(rc::skew(x) == near(g * std::sqrt(n * (n - 1)) / (n - 2)));
    CHECK(rc::skew(x) == near(1.6970562748477, 1e-12));
    // r = 5·1394/50² = 2.788; K = ((6)(2.788 − 3) + 6)(4)/((3)(2)) = 4.728·4/6 = 3.152
    CHECK(rc::kurt(x) == near(3.152));
    const auto c = rc::check_skew_kurt(x);
    CHECK(c.result == rc::verdict::pass);  // |1.697| < 2
    CHECK(c.skew == near(1.6970562748477));
    CHECK(c.kurt == near(3.152));
    // Both thresholds exceeded → fail; one unknown statistic with the other failing → unknown.
    CHECK(rc::check_skew_kurt(x, 1.0, 3.0).result == rc::verdict::fail);
    CHECK(rc::check_skew_kurt(vec({1, 2, 10}), 1.0, 3.0).result == rc::verdict::undetermined);  // kurt needs 4
    CHECK(rc::check_skew_kurt(vec({1, 2, 10}), 5.0, 3.0).result == rc::verdict::pass);         // |skew| < 5
    // Undefined: fewer than 3 (4) values, a constant column.
    CHECK(std::isnan(rc::skew(vec({1, 2, NaN}))));
    CHECK(std::isnan(rc::kurt(vec({1, 2, 3}))));
    CHECK(std::isnan(rc::skew(vec({2, 2, 2, 2}))));
    CHECK(rc::check_skew_kurt(vec({2, 2, 2, 2})).result == rc::verdict::undetermined);
}

TEST_CASE("composite: get_stats counts and flags") {
    // One column: 0, 0, 3, NaN, 5 over 5 units.
    const auto s = rc::get_stats(mat(5, 1, {0, 0, 3, NaN, 5}));
    CHECK(s.min[0] == 0);
    CHECK(s.max[0] == 5);
    CHECK(s.mean[0] == near(2.0));
    CHECK(s.median[0] == near(1.5));
    CHECK(s.n_avail[0] == 4);
    CHECK(s.n_nonzero[0] == 2);
    CHECK(s.n_unique[0] == 3);
    CHECK(s.n_same[0] == 2);
    CHECK(s.frc_avail[0] == near(0.8));
    CHECK(s.frc_nonzero[0] == near(0.5));
    CHECK(s.frc_unique[0] == near(0.75));
    CHECK(s.frc_same[0] == near(0.5));
    CHECK_FALSE(s.low_avail[0]);   // 0.8 ≥ 0.65
    CHECK(s.low_nonzero[0]);       // 2/5 < 0.5
    CHECK_FALSE(s.low_unique[0]);  // 3/5 ≥ 0.5
    CHECK_FALSE(s.outlier[0]);
}

TEST_CASE("composite: ranks with R's tie methods, NaN kept") {
    // REFERENCE-METHODS.md §D1: [10, 20, 20, NaN, 30, 20]
    const VectorXd x = vec({10, 20, 20, NaN, 30, 20});
    const VectorXd dmin = rc::rank(x, true, rc::ties_method::min);
    const double want_dmin[] = {5, 2, 2, NaN, 1, 2};
    const VectorXd aavg = rc::rank(x, false, rc::ties_method::average);
    const double want_aavg[] = {1, 3, 3, NaN, 5, 3};
    const VectorXd amax = rc::rank(x, false, rc::ties_method::max);
    const double want_amax[] = {1, 4, 4, NaN, 5, 4};
    const VectorXd dfirst = rc::rank(x, true, rc::ties_method::first);
    const double want_dfirst[] = {5, 2, 3, NaN, 1, 4};
    for (int i = 0; i < 6; ++i) {
        if (i == 3) {
            CHECK(std::isnan(dmin[i]));
            CHECK(std::isnan(aavg[i]));
            continue;
        }
        CHECK(dmin[i] == want_dmin[i]);
        CHECK(aavg[i] == want_aavg[i]);
        CHECK(amax[i] == want_amax[i]);
        CHECK(dfirst[i] == want_dfirst[i]);
    }
    CHECK(rc::parse_ties("average") == rc::ties_method::average);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_ties("dense"); }, "[regind.invalid_input.ties]"));

    // Within groups: units 0, 2 in group 0, units 1, 3 in group 1, unit 4 without a group.
    const auto g = rc::rank_columns_within(mat(5, 1, {3, 9, 7, 1, 5}), {0, 1, 0, 1, -1});
    CHECK(g(0, 0) == 2);
    CHECK(g(2, 0) == 1);
    CHECK(g(1, 0) == 1);
    CHECK(g(3, 0) == 2);
    CHECK(std::isnan(g(4, 0)));
    CHECK(throws_id<invalid_input>([] { (void)rc::rank_columns_within(rc::matrix(2, 1), {0}); },
                                   "[regind.invalid_input.shape]"));
}

TEST_CASE("composite: min-max with direction, range and NaN") {
    const VectorXd x = vec({2, 4, NaN, 10});
    rc::normalise_spec s;  // n_minmax, (0, 100)
    const VectorXd up = rc::normalise(x, 1, s);
    CHECK(up[0] == near(0.0));
    CHECK(up[1] == near(25.0));  // (4 − 2)/8·100
    CHECK(std::isnan(up[2]));
    CHECK(up[3] == near(100.0));
    // Direction −1: x' = −x, min' = −10, max' = −2: (−4 + 10)/8·100 = 75
    const VectorXd down = rc::normalise(x, -1, s);
    CHECK(down[0] == near(100.0));
    CHECK(down[1] == near(75.0));
    CHECK(down[3] == near(0.0));
    s.l = 1;
    s.u = 10;  // (4 − 2)/8·9 + 1 = 3.25
    CHECK(rc::normalise(x, 1, s)[1] == near(3.25));
    // A constant column is 0/0: NaN, not an error.
    CHECK(std::isnan(rc::normalise(vec({3, 3, 3}), 1, rc::normalise_spec{})[0]));
}

TEST_CASE("composite: z-score uses the sample SD (n − 1)") {
    // 1..5: mean 3, sd √2.5
    rc::normalise_spec s;
    s.method = rc::normaliser::zscore;
    const VectorXd z = rc::normalise(vec({1, 2, 3, 4, 5}), 1, s);
    CHECK(z[0] == near(-2 / std::sqrt(2.5)));
    CHECK(z[2] == near(0.0));
    CHECK(z[4] == near(2 / std::sqrt(2.5)));
    s.mean = 50;
    s.sd = 10;
    const VectorXd z2 = rc::normalise(vec({1, 2, 3, 4, 5}), -1, s);
    CHECK(z2[0] == near(50 + 10 * 2 / std::sqrt(2.5)));
    CHECK(z2[3] == near(50 - 10 * 1 / std::sqrt(2.5)));
}

TEST_CASE("composite: the other normalisers, by hand") {
    const VectorXd x = vec({2, 4, NaN, 10, 4});
    auto run = [&](rc::normaliser m, int d, auto&& tweak) {
        rc::normalise_spec s;
        s.method = m;
        tweak(s);
        return rc::normalise(x, d, s);
    };
    auto none = [](rc::normalise_spec&) {};
    // dist2max: 1 − (10 − 4)/8 = 0.25
    CHECK(run(rc::normaliser::dist2max, 1, none)[1] == near(0.25));
    // fracmax: 4/10; with direction −1: (−4)/(−2) = 2
    CHECK(run(rc::normaliser::fracmax, 1, none)[1] == near(0.4));
    CHECK(run(rc::normaliser::fracmax, -1, none)[1] == near(2.0));
    // ranks of 2, 4, 10, 4 (min ties): 1, 2, 4, 2; direction −1: 4, 2, 1, 2
    const VectorXd r = run(rc::normaliser::rank, 1, none);
    CHECK(r[0] == 1);
    CHECK(r[1] == 2);
    CHECK(std::isnan(r[2]));
    CHECK(r[3] == 4);
    CHECK(r[4] == 2);
    CHECK(run(rc::normaliser::rank, -1, none)[0] == 4);
    CHECK(run(rc::normaliser::rank, 1, [](rc::normalise_spec& s) { s.ties = rc::ties_method::average; })[1] == 2.5);
    CHECK(run(rc::normaliser::borda, 1, none)[3] == 3);
    // prank: (rank − 1)/(4 − 1)
    CHECK(run(rc::normaliser::prank, 1, none)[1] == near(1.0 / 3.0));
    // dist2ref (ref = row 1, value 4): 1 − (4 − 10)/(4 − 2) = 4, capped at 1
    CHECK(run(rc::normaliser::dist2ref, 1, [](rc::normalise_spec& s) { s.ref = 1; })[3] == near(4.0));
    CHECK(run(rc::normaliser::dist2ref, 1, [](rc::normalise_spec& s) {
              s.ref = 1;
              s.cap_max = true;
          })[3] == 1.0);
    CHECK(std::isnan(run(rc::normaliser::dist2ref, 1, [](rc::normalise_spec& s) { s.ref = 2; })[0]));  // NaN reference
    // dist2targ, target 8: (4 − 2)/(8 − 2) = 1/3; direction −1, target 3: (10 − 4)/(10 − 3) = 6/7
    CHECK(run(rc::normaliser::dist2targ, 1, [](rc::normalise_spec& s) { s.target = 8; })[1] == near(1.0 / 3.0));
    CHECK(run(rc::normaliser::dist2targ, -1, [](rc::normalise_spec& s) { s.target = 3; })[1] == near(6.0 / 7.0));
    CHECK(run(rc::normaliser::dist2targ, 1, [](rc::normalise_spec& s) {
              s.target = 8;
              s.cap_max = true;
          })[3] == 1.0);
    // goalposts (0, 8, scale 100): 4 → 50, 10 → clamped 100; direction −1: (8 − 4)/8 = 50, 10 → 0
    auto gp = [](rc::normalise_spec& s) {
        s.lo = 0;
        s.hi = 8;
        s.scale = 100;
    };
    CHECK(run(rc::normaliser::goalposts, 1, gp)[1] == near(50.0));
    CHECK(run(rc::normaliser::goalposts, 1, gp)[3] == near(100.0));
    CHECK(run(rc::normaliser::goalposts, -1, gp)[3] == near(0.0));
    CHECK(run(rc::normaliser::goalposts, 1, [&](rc::normalise_spec& s) {
              gp(s);
              s.trunc2posts = false;
          })[3] == near(125.0));
    // scaled, npara (0, 20), factor 100: 4 → 20; direction −1: (20 − 4)/20·100 = 80
    auto sc = [](rc::normalise_spec& s) {
        s.p1 = 0;
        s.p2 = 20;
    };
    CHECK(run(rc::normaliser::scaled, 1, sc)[1] == near(20.0));
    CHECK(run(rc::normaliser::scaled, -1, sc)[1] == near(80.0));
}

TEST_CASE("composite: normaliser parameter errors") {
    const VectorXd x = vec({1, 2, 3});
    auto bad = [&](auto&& tweak, int d = 1) {
        rc::normalise_spec s;
        tweak(s);
        return throws_id<invalid_input>([&] { (void)rc::normalise(x, d, s); }, "[regind.invalid_input.normalise]");
    };
    CHECK(bad([](rc::normalise_spec&) {}, 0));
    CHECK(bad([](rc::normalise_spec& s) { s.u = std::numeric_limits<double>::infinity(); }));
    CHECK(bad([](rc::normalise_spec& s) {
        s.method = rc::normaliser::zscore;
        s.sd = 0;
    }));
    CHECK(bad([](rc::normalise_spec& s) {
        s.method = rc::normaliser::scaled;
        s.p2 = 0;
    }));
    CHECK(bad([](rc::normalise_spec& s) { s.method = rc::normaliser::dist2targ; }));
    CHECK(bad([](rc::normalise_spec& s) {
        s.method = rc::normaliser::goalposts;
        s.lo = 5;
        s.hi = 1;
    }));
    CHECK(bad([](rc::normalise_spec& s) {
        s.method = rc::normaliser::dist2ref;
        s.ref = 3;
    }));
    const std::vector<rc::normalise_spec> one_spec(1);
    CHECK(throws_id<invalid_input>([&] { (void)rc::normalise(rc::matrix(3, 2), std::vector<int>{1}, one_spec); },
                                   "[regind.invalid_input.shape]"));
    CHECK(throws_id<invalid_input>(
        [&] {
            rc::normalise_spec s;
            s.method = rc::normaliser::dist2ref;
            s.ref = 9;
            const rc::matrix zero = rc::matrix::Zero(3, 1);
            (void)rc::normalise(zero, std::vector<int>{1}, std::vector<rc::normalise_spec>{s}, {"x1"});
        },
        "[regind.invalid_input.normalise] x1: n_dist2ref"));
    CHECK(rc::parse_normaliser("n_borda") == rc::normaliser::borda);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_normaliser("minmax"); }, "[regind.invalid_input.normaliser]"));
}

TEST_CASE("composite: one winsorisation step, tied points together, log_CT") {
    rc::treat_spec s;
    // 1..9 and 100: fails (skew ≈ 3.2, kurt ≈ 10); the 100 takes the next value, 9.
    rc::matrix x(10, 1);
    for (int i = 0; i < 9; ++i) x(i, 0) = i + 1;
    x(9, 0) = 100;
    REQUIRE(rc::check_skew_kurt(x.col(0)).result == rc::verdict::fail);
    auto r = rc::treat(x, s);
    CHECK(r.data(9, 0) == 9);
    for (int i = 0; i < 9; ++i) CHECK(r.data(i, 0) == i + 1);
    CHECK(r.points(9, 0) == rc::point_winhi);
    CHECK(r.points(0, 0) == rc::point_untouched);
    const auto& d = r.details[0];
    CHECK(d.check0.result == rc::verdict::fail);
    CHECK(d.winsorised);
    CHECK(d.nwin == 1);
    CHECK(d.check1.result == rc::verdict::pass);
    CHECK_FALSE(d.transformed);

    // Low side: the mirror image is winsorised low.
    auto lo = rc::treat(rc::matrix(-x), s);
    CHECK(lo.data(9, 0) == -9);
    CHECK(lo.points(9, 0) == rc::point_winlo);

    // Two tied outliers move together even with winmax = 1, so nwin = 2 > winmax.
    rc::matrix t(20, 1);
    for (int i = 0; i < 18; ++i) t(i, 0) = i + 1;
    t(18, 0) = t(19, 0) = 100;
    REQUIRE(rc::check_skew_kurt(t.col(0)).result == rc::verdict::fail);
    s.winmax = 1;
    auto rt = rc::treat(t, s);
    CHECK(rt.data(18, 0) == 18);
    CHECK(rt.data(19, 0) == 18);
    CHECK(rt.details[0].nwin == 2);
    CHECK(rt.points(18, 0) == rc::point_winhi);
    CHECK(rt.points(19, 0) == rc::point_winhi);

    // winmax = 0: no point may move, so log_CT goes on the original column:
    // log(x − 1 + 0.01·(100 − 1)) = log(x − 0.01)
    s.winmax = 0;
    auto lg = rc::treat(x, s);
    CHECK(lg.details[0].winsorised);
    CHECK(lg.details[0].nwin == 0);
    CHECK(lg.details[0].check1.result == rc::verdict::fail);
    CHECK(lg.details[0].transformed);
    CHECK(lg.details[0].f2 == rc::transform::log_ct);
    CHECK(lg.data(9, 0) == near(std::log(99.99)));
    CHECK(lg.data(0, 0) == near(std::log(0.99)));
    // Without f2 the column stays as winsorisation left it (here: untouched).
    s.f2 = rc::transform::none;
    CHECK(rc::treat(x, s).data(9, 0) == 100);
    // Other transformations on the original column: log(x − min + 1); Box-Cox λ = 1: x − min.
    s.f2 = rc::transform::log_ct_orig;
    CHECK(rc::treat(x, s).data(9, 0) == near(std::log(100.0)));
    s.f2 = rc::transform::boxcox;
    s.lambda = 1;
    CHECK(rc::treat(x, s).data(9, 0) == near(99.0));
    s.lambda = 0;
    CHECK(rc::treat(x, s).data(9, 0) == near(std::log(100.0)));
    s.f2 = rc::transform::log_ct_plus;  // positive skew: as log_CT
    CHECK(rc::treat(x, s).data(9, 0) == near(std::log(99.99)));
    CHECK(rc::treat(rc::matrix(-x), s).data(9, 0) == near(-std::log(-1 + 0.99 + 100)));  // −log(max + a − x)

    // Passing, unknown and disabled columns are left alone.
    rc::treat_spec def;
    CHECK(rc::treat(mat(4, 1, {1, 2, 3, 4}), def).details[0].check0.result == rc::verdict::pass);
    CHECK(rc::treat(mat(3, 1, {5, 5, 5}), def).details[0].check0.result == rc::verdict::undetermined);
    def.enabled = false;
    CHECK(rc::treat(x, def).data(9, 0) == 100);
}

TEST_CASE("composite: treat parameter errors") {
    const rc::matrix x = rc::matrix::Zero(4, 2);
    auto bad = [&](auto&& tweak) {
        rc::treat_spec s;
        tweak(s);
        return throws_id<invalid_input>([&] { (void)rc::treat(x, s); }, "[regind.invalid_input.treat]");
    };
    CHECK(bad([](rc::treat_spec& s) { s.winmax = -2; }));
    CHECK(bad([](rc::treat_spec& s) {
        s.winmax = -1;
        s.force_win = true;
    }));
    CHECK(bad([](rc::treat_spec& s) { s.skew_thresh = -1; }));
    CHECK(bad([](rc::treat_spec& s) { s.kurt_thresh = NaN; }));
    CHECK(bad([](rc::treat_spec& s) {
        s.f2 = rc::transform::boxcox;
        s.lambda = NaN;
    }));
    CHECK(throws_id<invalid_input>([&] { (void)rc::treat(x, std::vector<rc::treat_spec>(3)); },
                                   "[regind.invalid_input.shape]"));
    CHECK(rc::parse_transform("log_CT") == rc::transform::log_ct);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_transform("log"); }, "[regind.invalid_input.treat]"));
}

TEST_CASE("composite: weighted means with NA reweighting, by hand") {
    rc::weighted_values v;
    auto agg = [&](std::initializer_list<double> x, std::initializer_list<double> w, rc::aggregate_spec s) {
        v.x.assign(x);
        v.w.assign(w);
        return rc::aggregate_one(v, s);
    };
    rc::aggregate_spec am;
    // (50·1 + 80·3)/(1 + 3) = 72.5: the NaN drops out with its weight 2
    CHECK(agg({50, NaN, 80}, {1, 2, 3}, am) == near(72.5));
    CHECK(std::isnan(agg({NaN, NaN}, {1, 1}, am)));
    CHECK(std::isnan(agg({1, 2}, {0, 0}, am)));  // weights summing to 0: nothing to average
    am.dat_thresh = 0.7;                           // 2 of 3 children = 0.667 < 0.7
    CHECK(std::isnan(agg({50, NaN, 80}, {1, 2, 3}, am)));
    rc::aggregate_spec gm{rc::aggregator::gmean};
    CHECK(agg({2, 8, NaN}, {1, 1, 5}, gm) == near(4.0));  // √(2·8)
    CHECK(throws_id<invalid_input>([&] { (void)agg({0, 8}, {1, 1}, gm); }, "[regind.invalid_input.aggregate] a_gmean"));
    rc::aggregate_spec hm{rc::aggregator::hmean};
    CHECK(agg({1, 4}, {1, 1}, hm) == near(1.6));  // 2/(1 + 1/4)
    CHECK(throws_id<invalid_input>([&] { (void)agg({0, 8}, {1, 1}, hm); }, "[regind.invalid_input.aggregate] a_hmean"));
    rc::aggregate_spec ge{rc::aggregator::genmean, 2.0};
    CHECK(agg({3, 4}, {1, 1}, ge) == near(std::sqrt(12.5)));  // √((9 + 16)/2)
    CHECK(throws_id<invalid_input>([&] { (void)agg({-1, 4}, {1, 1}, ge); }, "[regind.invalid_input.aggregate] a_genmean"));
    ge.p = -1;  // = harmonic mean
    CHECK(agg({1, 4}, {1, 1}, ge) == near(1.6));
    CHECK(throws_id<invalid_input>([&] { (void)agg({0, 4}, {1, 1}, ge); }, "[regind.invalid_input.aggregate] a_genmean"));
    ge.p = 0;
    CHECK(throws_id<invalid_input>([&] { (void)agg({1, 4}, {1, 1}, ge); }, "[regind.invalid_input.aggregate] a_genmean"));
    rc::aggregate_spec md{rc::aggregator::median};
    CHECK(agg({4, 1, 3, 2}, {1, 1, 1, 1}, md) == near(2.5));  // equal weights: the ordinary median
    CHECK(agg({1, 2, 3}, {1, 1, 5}, md) == 3);                // cumulative weight passes 3.5 at 3
    CHECK(agg({1, 2, NaN}, {1, 1, 5}, md) == near(1.5));
    rc::aggregate_spec th;
    th.dat_thresh = 2;
    CHECK(throws_id<invalid_input>([&] { (void)agg({1}, {1}, th); }, "[regind.invalid_input.aggregate] dat_thresh"));
    v.x = {1, 2};
    v.w = {1};
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate_one(v, am); }, "[regind.invalid_input.aggregate]"));
    CHECK(rc::parse_aggregator("a_median") == rc::aggregator::median);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_aggregator("mean"); }, "[regind.invalid_input.aggregate]"));
}

TEST_CASE("composite: framework from iMeta and aggregation along it") {
    const auto fw = rc::framework::from_meta(small_meta());
    CHECK(fw.n_levels() == 3);
    CHECK(fw.n_indicators() == 3);
    CHECK(fw.size() == 6);
    CHECK(fw.codes() == std::vector<std::string>{"a", "b", "c", "P", "Q", "Index"});
    CHECK(fw.at(fw.index_of("b")).direction == -1);
    CHECK(fw.at(fw.index_of("P")).children == std::vector<Eigen::Index>{0, 1});
    CHECK(fw.group_codes() == std::vector<std::string>{"grp"});
    CHECK(fw.denominator_codes() == std::vector<std::string>{"pop"});
    // Effective weights: a = 1/4·1/2, b = 3/4·1/2, c = 1·1/2
    const VectorXd ew = fw.effective_weights();
    CHECK(ew[0] == near(0.125));
    CHECK(ew[1] == near(0.375));
    CHECK(ew[2] == near(0.5));
    CHECK(ew[5] == near(1.0));
    CHECK(throws_id<key_error>([&] { (void)fw.index_of("Pp"); },
                               "[regind.key_error.composite] unknown iCode 'Pp'; closest: P, a, b"));

    // Unit 1: a = 40, b = 80 → P = (40 + 3·80)/4 = 70; c = 10 → Q = 10; Index = 40.
    // Unit 2: a = NaN, b = 20 → P = 20; c = NaN → Q = NaN; Index = 20 (Q dropped).
    const auto out = rc::aggregate(fw, mat(2, 3, {40, 80, 10, NaN, 20, NaN}));
    CHECK(out(0, 3) == near(70.0));
    CHECK(out(0, 4) == near(10.0));
    CHECK(out(0, 5) == near(40.0));
    CHECK(out(1, 3) == near(20.0));
    CHECK(std::isnan(out(1, 4)));
    CHECK(out(1, 5) == near(20.0));
    // Replaced weights and one method per level: P with b weighted 1 → 60; Index by median of 60, 10 → 35.
    VectorXd w = fw.weights();
    w[1] = 1;
    const auto out2 = rc::aggregate(fw, mat(1, 3, {40, 80, 10}),
                                    {rc::aggregate_spec{}, rc::aggregate_spec{rc::aggregator::median}}, w);
    CHECK(out2(0, 3) == near(60.0));
    CHECK(out2(0, 5) == near(35.0));
    // Errors name the unit and the child.
    CHECK(throws_id<invalid_input>(
        [&] { (void)rc::aggregate(fw, mat(1, 3, {0, 1, 1}), {rc::aggregate_spec{rc::aggregator::gmean}}, {}, {"u1"}); },
        "[regind.invalid_input.aggregate] a_gmean needs values > 0: unit u1, 'a' = 0"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate(fw, rc::matrix(1, 2)); }, "[regind.invalid_input.aggregate]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate(fw, rc::matrix(1, 3), std::vector<rc::aggregate_spec>(3)); },
                                   "[regind.invalid_input.aggregate]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate(fw, rc::matrix(1, 3), {rc::aggregate_spec{}}, VectorXd(2)); },
                                   "[regind.invalid_input.aggregate]"));
    VectorXd neg = fw.weights();
    neg[0] = -1;
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate(fw, rc::matrix(1, 3), {rc::aggregate_spec{}}, neg); },
                                   "[regind.invalid_input.aggregate] the weight of 'a'"));
}

TEST_CASE("composite: iMeta validation names the row and the code") {
    using T = rc::element_type;
    auto fails = [](std::vector<rc::meta_row> rows, const std::string& id) {
        return throws_id<invalid_input>([&] { (void)rc::framework::from_meta(rows); }, id);
    };
    const std::string F = "[regind.invalid_input.framework] ";
    auto m = small_meta();
    m[1].code = "a";
    CHECK(fails(m, F + "iMeta row 2 (iCode 'a'): duplicate iCode (also on row 1)"));
    m = small_meta();
    m[0].code = "1a";
    CHECK(fails(m, F + "iMeta row 1 (iCode '1a'): iCode must not start with a digit"));
    m[0].code = "a b";
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a b'): iCode must not contain spaces"));
    m[0].code = "";
    CHECK(fails(m, F + "iMeta row 1"));
    m[0].code = "uCode";
    CHECK(fails(m, F + "iMeta row 1 (iCode 'uCode'): uCode, uName and Time are reserved"));
    m = small_meta();
    m[0].level = NaN;
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): an Indicator needs a Level"));
    m[0].level = 1.5;
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Level must be a positive integer"));
    m[0].level = 2;
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): an Indicator must be at Level 1"));
    m = small_meta();
    m[3].level = 1;
    CHECK(fails(m, F + "iMeta row 4 (iCode 'P'): an Aggregate must be at Level 2 or above"));
    m = small_meta();
    m[0].direction = 0;
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Direction must be 1 or -1"));
    m = small_meta();
    m[0].weight = NaN;
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Weight must be a finite number"));
    m[0].weight = -1;
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Weight must not be negative"));
    m = small_meta();
    m[6].level = 1;
    CHECK(fails(m, F + "iMeta row 7 (iCode 'grp'): a Group row is not part of the index: its Level must be NA"));
    m = small_meta();
    m[7].parent = "P";
    CHECK(fails(m, F + "iMeta row 8 (iCode 'pop'): a Denominator row is not part of the index: its Parent must be NA"));
    m = small_meta();
    m[5].level = 4;
    CHECK(fails(m, F + "levels must be consecutive: no row at Level 3"));
    m = small_meta();
    m[5].parent = "P";
    CHECK(fails(m, F + "iMeta row 6 (iCode 'Index'): the top level (3) has no parent"));
    m = small_meta();
    m[0].parent = "";
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Level 1 below the top (3) needs a Parent"));
    m[0].parent = "Nope";
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Parent 'Nope' is not an iCode"));
    m[0].parent = "c";
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Parent 'c' is of Type Indicator, not Aggregate"));
    m[0].parent = "Index";
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Parent 'Index' is at Level 3"));
    m = small_meta();
    m[2].parent = "P";  // Q loses its only child
    CHECK(fails(m, F + "iMeta row 5 (iCode 'Q'): an Aggregate needs at least one child"));
    m = small_meta();
    m[0].denominator = "grp";
    CHECK(fails(m, F + "iMeta row 1 (iCode 'a'): Denominator 'grp' is not an iCode of Type Denominator"));
    CHECK(fails({row(NaN, "g", "", NaN, NaN, T::group)}, F + "iMeta has no Indicator rows"));
    CHECK(rc::parse_element_type("Other") == T::other);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_element_type("Indicators"); }, F + "unknown Type"));
}

TEST_CASE("composite: impute by mean, median and group") {
    const rc::matrix x = mat(5, 2, {1, NaN, 3, 10, NaN, 20, 7, NaN, 9, 60});
    // Column 0: mean of 1, 3, 7, 9 = 5; median = 5. Column 1: mean of 10, 20, 60 = 30; median 20.
    const auto m = rc::impute(x, rc::impute_method::mean);
    CHECK(m(2, 0) == near(5.0));
    CHECK(m(0, 1) == near(30.0));
    CHECK(m(0, 0) == 1);  // non-missing values unchanged
    const auto md = rc::impute(x, rc::impute_method::median);
    CHECK(md(3, 1) == near(20.0));
    // Groups: rows 0, 1, 2 → 0, rows 3, 4 → 1. Column 0: group 0 mean of 1, 3 = 2.
    // Column 1: group 0 mean of 10, 20 = 15; group 1 has 60 only.
    const std::vector<int> g = {0, 0, 0, 1, 1};
    const auto mg = rc::impute(x, rc::impute_method::mean_grp, g);
    CHECK(mg(2, 0) == near(2.0));
    CHECK(mg(0, 1) == near(15.0));
    CHECK(mg(3, 1) == near(60.0));
    // A unit without a group, or a group with no data, stays NaN.
    const auto mg2 = rc::impute(mat(3, 1, {NaN, 4, NaN}), rc::impute_method::median_grp, {-1, 0, 1});
    CHECK(std::isnan(mg2(0, 0)));
    CHECK(std::isnan(mg2(2, 0)));
    CHECK(rc::impute(x, rc::impute_method::none)(2, 0) != rc::impute(x, rc::impute_method::none)(2, 0));  // NaN
    CHECK(throws_id<invalid_input>([&] { (void)rc::impute(x, rc::impute_method::mean_grp, {0, 1}); },
                                   "[regind.invalid_input.impute] i_mean_grp needs a group for each of the 5 units"));
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_impute_method("mean"); }, "[regind.invalid_input.impute]"));
}

TEST_CASE("composite: screen units by missing data and zeros") {
    // 3 indicators. Unit 0: complete. Unit 1: one NaN (avail 2/3). Unit 2: two zeros, one NaN
    // (avail 2/3, non-zero 0 of 2 available).
    const rc::matrix x = mat(3, 3, {1, 2, 3, NaN, 5, 6, 0, 0, NaN});
    rc::screen_spec s;
    s.dat_thresh = 0.9;
    auto r = rc::screen(x, s);
    CHECK(r.n_missing[1] == 1);
    CHECK(r.n_zero[2] == 2);
    CHECK(r.n_miss_or_zero[2] == 3);
    CHECK(r.dat_avail[1] == near(2.0 / 3.0));
    CHECK(r.non_zero[2] == near(0.0));
    CHECK(r.low_data[1]);
    CHECK(r.low_nonzero[2]);
    CHECK(r.kept == std::vector<Eigen::Index>{0});
    s.dat_thresh = 2.0 / 3.0;  // strict <: 2/3 is kept
    CHECK(rc::screen(x, s).kept == std::vector<Eigen::Index>{0, 1, 2});
    s.how = rc::unit_screen::by_zeros;
    CHECK(rc::screen(x, s).kept == std::vector<Eigen::Index>{0, 1});
    s.how = rc::unit_screen::by_na_and_zeros;
    s.dat_thresh = 0.9;
    s.force = {{2, true}, {0, false}};
    CHECK(rc::screen(x, s).kept == std::vector<Eigen::Index>{2});
    s.force = {{3, true}};
    CHECK(throws_id<invalid_input>([&] { (void)rc::screen(x, s); }, "[regind.invalid_input.screen] forced row 3"));
    s.force.clear();
    s.dat_thresh = 1.5;
    CHECK(throws_id<invalid_input>([&] { (void)rc::screen(x, s); }, "[regind.invalid_input.screen] dat_thresh"));
    s.dat_thresh = 0.5;
    s.nonzero_thresh = -0.1;
    CHECK(throws_id<invalid_input>([&] { (void)rc::screen(x, s); }, "[regind.invalid_input.screen] nonzero_thresh"));
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_unit_screen("NA"); }, "[regind.invalid_input.screen]"));
}

TEST_CASE("composite: denominate") {
    // x / (d / s): 10 / (4 / 2) = 5; the second column has no denominator.
    const auto out = rc::denominate(mat(2, 2, {10, 7, 9, 8}), mat(2, 1, {4, 3}), {0, -1}, {2, 1});
    CHECK(out(0, 0) == near(5.0));
    CHECK(out(1, 0) == near(6.0));
    CHECK(out(0, 1) == 7);
    CHECK(std::isinf(rc::denominate(mat(1, 1, {1}), mat(1, 1, {0}), {0})(0, 0)));  // IEEE, as COINr
    const std::string D = "[regind.invalid_input.denominate] ";
    CHECK(throws_id<invalid_input>([] { (void)rc::denominate(rc::matrix(2, 2), rc::matrix(2, 1), {0}); }, D));
    CHECK(throws_id<invalid_input>([] { (void)rc::denominate(rc::matrix(2, 1), rc::matrix(2, 1), {0}, {1, 2}); }, D));
    CHECK(throws_id<invalid_input>([] { (void)rc::denominate(rc::matrix(2, 1), rc::matrix(3, 1), {0}); }, D));
    CHECK(throws_id<invalid_input>([] { (void)rc::denominate(rc::matrix(2, 1), rc::matrix(2, 1), {1}); }, D));
    CHECK(throws_id<invalid_input>([] { (void)rc::denominate(rc::matrix(2, 1), rc::matrix(2, 1), {0}, {0}); }, D));
}

TEST_CASE("composite: the pipeline recomputes from the changed step on, and rolls back on errors") {
    rc::unit_table u;
    u.codes = {"u1", "u2", "u3", "u4"};
    u.numeric["a"] = vec({1, 2, NaN, 4});
    u.numeric["b"] = vec({4, 3, 2, 1});
    u.numeric["c"] = vec({5, 5, 6, 9});
    u.numeric["pop"] = vec({1, 2, 1, 2});
    u.groups["grp"] = {std::string("x"), std::string("x"), std::string("y"), std::nullopt};
    rc::composite_index ci(rc::framework::from_meta(small_meta()), u);
    CHECK(ci.has(rc::stage::raw));
    CHECK_FALSE(ci.has(rc::stage::normalised));
    CHECK(ci.latest() == rc::stage::raw);
    ci.impute({rc::impute_method::mean, ""});
    ci.normalise();
    ci.aggregate();
    CHECK(ci.data(rc::stage::imputed)(2, 0) == near(7.0 / 3.0));
    // b has direction −1: u1 (b = 4) scores 0 and u4 (b = 1) scores 100.
    CHECK(ci.data(rc::stage::normalised)(0, 1) == near(0.0));
    CHECK(ci.data(rc::stage::normalised)(3, 1) == near(100.0));
    CHECK(ci.columns(rc::stage::aggregated).size() == 6);
    const auto g_imp = ci.generation(rc::stage::imputed);
    const auto g_norm = ci.generation(rc::stage::normalised);
    const auto g_agg = ci.generation(rc::stage::aggregated);
    rc::normalise_options o;
    o.global.method = rc::normaliser::rank;
    ci.normalise(o);
    CHECK(ci.generation(rc::stage::imputed) == g_imp);
    CHECK(ci.generation(rc::stage::normalised) != g_norm);
    CHECK(ci.generation(rc::stage::aggregated) != g_agg);
    CHECK(ci.data(rc::stage::normalised)(3, 1) == 4);
    // A failing step changes nothing.
    const auto g2 = ci.generation(rc::stage::normalised);
    rc::aggregate_options bad;
    bad.levels = {rc::aggregate_spec{rc::aggregator::hmean}};
    ci.normalise(rc::normalise_options{});  // min-max: zeros
    const auto g3 = ci.generation(rc::stage::aggregated);
    CHECK(throws_id<invalid_input>([&] { ci.aggregate(bad); }, "[regind.invalid_input.aggregate] a_hmean"));
    CHECK(ci.generation(rc::stage::aggregated) == g3);
    CHECK(g2 != g3);
    // Screening keeps a subset; group ranks within "grp".
    rc::screen_options so;
    so.force = {{"u2", false}};
    ci.screen(so);
    CHECK(ci.unit_codes(rc::stage::aggregated) == std::vector<std::string>{"u1", "u3", "u4"});
    CHECK(ci.screen_summary().included.size() == 4);
    const auto gr = ci.group_ranks("grp");
    CHECK(gr(0, 5) == 1);           // u1 alone in x after screening
    CHECK(std::isnan(gr(2, 5)));    // u4 has no group
    CHECK(throws_id<key_error>([&] { (void)ci.group_ranks("group"); }, "[regind.key_error.composite] unknown group column"));
    CHECK(throws_id<invalid_input>([&] { (void)ci.treatment_details(); },
                                   "[regind.invalid_input.stage] the Treated data set does not exist yet"));
    CHECK(rc::parse_stage("Treated") == rc::stage::treated);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_stage("treated"); }, "[regind.invalid_input.stage]"));
    // Denominating a by 'pop': 2 / 2; no other indicator has a denominator.
    rc::denominate_options dn;
    dn.denominators = {{"a", "pop"}};
    ci.denominate(dn);
    CHECK(ci.data(rc::stage::denominated)(1, 0) == near(1.0));
    CHECK(ci.data(rc::stage::denominated)(1, 1) == 3);
    dn.denominators = {{"a", "area"}};
    CHECK(throws_id<key_error>([&] { ci.denominate(dn); }, "[regind.key_error.composite] unknown denominator 'area'"));
    dn.denominators = {{"P", "pop"}};
    CHECK(throws_id<invalid_input>([&] { ci.denominate(dn); }, "[regind.invalid_input.composite] 'P' is an Aggregate"));
    // Bad unit tables.
    auto bad_units = [&](auto&& tweak, const std::string& id) {
        rc::unit_table t = u;
        tweak(t);
        return throws_id<invalid_input>([&] { rc::composite_index(rc::framework::from_meta(small_meta()), t); }, id);
    };
    const std::string I = "[regind.invalid_input.idata] ";
    CHECK(bad_units([](rc::unit_table& t) { t.codes.clear(); }, I + "iData has no units"));
    CHECK(bad_units([](rc::unit_table& t) { t.codes[1] = "u1"; }, I + "row 2: duplicate uCode 'u1'"));
    CHECK(bad_units([](rc::unit_table& t) { t.codes[1] = ""; }, I + "row 2: uCode must not be empty"));
    CHECK(bad_units([](rc::unit_table& t) { t.codes[1] = "P"; }, I + "row 2: uCode 'P' is also an iCode"));
    CHECK(bad_units([](rc::unit_table& t) { t.names = {"x"}; }, I + "1 unit names for 4 unit codes"));
    CHECK(bad_units([](rc::unit_table& t) { t.numeric.erase("b"); }, I + "iData has no numeric column 'b'"));
    CHECK(bad_units([](rc::unit_table& t) { t.numeric["b"] = vec({1}); }, I + "column 'b' has 1 values for 4 units"));
    CHECK(bad_units([](rc::unit_table& t) { t.numeric["P"] = vec({1, 2, 3, 4}); }, I + "'P' is an Aggregate"));
    CHECK(bad_units([](rc::unit_table& t) { t.numeric["zz"] = vec({1, 2, 3, 4}); }, I + "numeric column 'zz'"));
    CHECK(bad_units([](rc::unit_table& t) { t.groups["zz"] = {}; }, I + "group column 'zz' is not a Group"));
    CHECK(bad_units([](rc::unit_table& t) { t.groups.erase("grp"); }, I + "iData has no group column 'grp'"));
    CHECK(bad_units([](rc::unit_table& t) { t.groups["grp"].pop_back(); }, I + "column 'grp' has 3 values"));
}
