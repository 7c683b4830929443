// SPDX-License-Identifier: MIT
// Uncertainty and Sobol' sensitivity analysis (REFERENCE-METHODS.md §E9). Expected values come
// from hand arithmetic written out here, from the analytic Sobol' indices of the Ishigami
// function, from pipelines rebuilt step by step through composite_index's public API, and from
// invariants (seeds, thread counts, nominal ranks). The Python suite compares with SciPy.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "composite_helpers.hpp"
#include "regind/composite.hpp"
#include "regind/composite/sensitivity.hpp"
#include "regind/composite/uncertainty.hpp"

namespace rc = regind::composite;
using Eigen::VectorXd;
using regind::invalid_input;
using regind::key_error;

using namespace composite_test;

namespace {

const double pi = 3.14159265358979323846;

bool contains(const std::function<void()>& f, const std::string& text) {
    try {
        f();
    } catch (const std::exception& e) {
        const std::string w = e.what();
        if (w.find(text) != std::string::npos) return true;
        MESSAGE("message was: " << w);
        return false;
    }
    return false;
}

bool same(const rc::matrix& a, const rc::matrix& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        const double x = a.data()[i], y = b.data()[i];
        if (!((std::isnan(x) && std::isnan(y)) || x == y)) return false;
    }
    return true;
}

rc::meta_row row(double level, const std::string& code, const std::string& parent, double weight, rc::element_type t) {
    rc::meta_row r;
    r.level = level;
    r.code = code;
    r.parent = parent;
    r.direction = 1;
    r.weight = weight;
    r.type = t;
    return r;
}

// 8 units; indicators a, b → P; c, d → Q; P, Q → Index. One missing value (unit u3, c).
rc::composite_index small_index() {
    using T = rc::element_type;
    auto fw = rc::framework::from_meta({row(1, "a", "P", 1, T::indicator), row(1, "b", "P", 2, T::indicator),
                                        row(1, "c", "Q", 1, T::indicator), row(1, "d", "Q", 1, T::indicator),
                                        row(2, "P", "Index", 1, T::aggregate), row(2, "Q", "Index", 1, T::aggregate),
                                        row(3, "Index", "", 1, T::aggregate),
                                        row(NaN, "grp", "", NaN, T::group)});
    rc::unit_table u;
    u.codes = {"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"};
    u.numeric["a"] = vec({3, 8, 1, 9, 4, 6, 2, 7});
    u.numeric["b"] = vec({5, 1, 7, 2, 8, 3, 9, 4});
    u.numeric["c"] = vec({2, 6, NaN, 1, 5, 9, 3, 40});
    u.numeric["d"] = vec({7, 3, 5, 8, 2, 6, 4, 1});
    u.groups["grp"] = {"x", "x", "x", "x", "y", "y", "y", "y"};
    rc::composite_index ci(std::move(fw), std::move(u));
    ci.impute({rc::impute_method::mean, ""});
    ci.normalise();  // n_minmax [0, 100]
    ci.aggregate();  // a_amean
    return ci;
}

rc::normalise_options norm(rc::normaliser m) {
    rc::normalise_options o;
    o.global.method = m;
    return o;
}

rc::normalise_options minmax(double l, double u) {
    rc::normalise_options o;
    o.global.l = l;
    o.global.u = u;
    return o;
}

std::vector<rc::aggregate_spec> agg(rc::aggregator a) {
    rc::aggregate_spec s;
    s.method = a;
    return {s};
}

// COINr's ranks of the Index column of an index.
VectorXd index_ranks(const rc::composite_index& ci) { return ci.ranks().col(ci.meta().size() - 1); }

double ishigami(double x1, double x2, double x3) {
    return std::sin(x1) + 7.0 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

}  // namespace

TEST_CASE("uncertainty: u picks alternative min(floor(u n), n - 1)") {
    CHECK(rc::alternative_index(0.0, 3) == 0);
    CHECK(rc::alternative_index(0.3333, 3) == 0);
    CHECK(rc::alternative_index(1.0 / 3.0, 3) == 1);  // ⌊(1/3)·3⌋ = ⌊1⌋ = 1
    CHECK(rc::alternative_index(0.5, 2) == 1);
    CHECK(rc::alternative_index(0.9999, 3) == 2);
    CHECK(rc::alternative_index(1.0, 3) == 2);  // u = 1 is clamped to the last
    CHECK(rc::alternative_index(0.7, 1) == 0);
    CHECK(throws_id<invalid_input>([] { (void)rc::alternative_index(-0.1, 3); }, "[regind.invalid_input.uncertainty]"));
    CHECK(throws_id<invalid_input>([] { (void)rc::alternative_index(1.5, 3); }, "[regind.invalid_input.uncertainty]"));
    CHECK(throws_id<invalid_input>([] { (void)rc::alternative_index(NaN, 3); }, "[regind.invalid_input.uncertainty]"));
    CHECK(throws_id<invalid_input>([] { (void)rc::alternative_index(0.5, 0); }, "[regind.invalid_input.uncertainty]"));
}

TEST_CASE("uncertainty: rank statistics by hand (type-7 quantiles, NaN skipped)") {
    // Unit 1: ranks 1, 2, 3, 10 → mean 4, median 2.5;
    //   Q5: h = 3·0.05 = 0.15 → 1 + 0.15·(2 − 1) = 1.15; Q95: h = 2.85 → 3 + 0.85·(10 − 3) = 8.95.
    // Unit 2: 4, NaN, 4, 6 → 4, 4, 6: mean 14/3, median 4; Q5: h = 0.1 → 4; Q95: h = 1.9 → 4 + 0.9·2 = 5.8.
    // Unit 3: never ranked → NaN.
    const auto s = rc::detail::summarise_ranks(mat(4, 3, {1, 4, NaN, 2, NaN, NaN, 3, 4, NaN, 10, 6, NaN}), vec({1, 2, 3}));
    CHECK(s.nominal == vec({1, 2, 3}));
    CHECK(s.mean[0] == near(4));
    CHECK(s.median[0] == near(2.5));
    CHECK(s.q05[0] == near(1.15));
    CHECK(s.q95[0] == near(8.95));
    CHECK(s.mean[1] == near(14.0 / 3.0));
    CHECK(s.median[1] == near(4));
    CHECK(s.q05[1] == near(4));
    CHECK(s.q95[1] == near(5.8));
    CHECK(std::isnan(s.mean[2]));
    CHECK(std::isnan(s.median[2]));
    CHECK(std::isnan(s.q05[2]));
}

TEST_CASE("sobol: the estimators on a tiny matrix, by hand") {
    // N = 2, d = 2. y_A = (1, 3), y_B = (2, 4); AB_1 gives (2, 3), AB_2 gives y_A again.
    // mean of y_A, y_B = 10/4 = 2.5; deviations −1.5, 0.5, −0.5, 1.5; Σd² = 5.
    // V: ddof 1 → 5/3; ddof 0 → 5/4.
    // Uncentred S_1 = mean(y_B·(y_AB1 − y_A)) / V = ((2·1 + 4·0)/2) / V = 1/V.
    // Centred   S_1 = mean((y_B − 2.5)(y_AB1 − y_A)) / V = ((−0.5·1 + 1.5·0)/2) / V = −0.25/V.
    // ST_1 = mean((y_A − y_AB1)²) / (2V) = ((1 + 0)/2) / (2V) = 0.25/V.  S_2 = ST_2 = 0.
    const VectorXd ya = vec({1, 3}), yb = vec({2, 4});
    const rc::matrix yab = mat(2, 2, {2, 1, 3, 3});
    rc::sobol_options o;
    o.n_boot = 0;
    o.center = false;
    auto e = rc::estimate_sobol(ya, yb, yab, o);
    CHECK(e.variance == near(5.0 / 3.0));
    CHECK(e.mean == near(2.5));
    CHECK(e.first[0] == near(0.6));
    CHECK(e.total[0] == near(0.15));
    CHECK(e.first[1] == 0.0);
    CHECK(e.total[1] == 0.0);
    CHECK(std::isnan(e.first_lo[0]));
    CHECK(std::isnan(e.total_hi[1]));
    o.ddof = 0;
    e = rc::estimate_sobol(ya, yb, yab, o);
    CHECK(e.variance == near(1.25));
    CHECK(e.first[0] == near(0.8));
    CHECK(e.total[0] == near(0.2));
    o.center = true;
    e = rc::estimate_sobol(ya, yb, yab, o);
    CHECK(e.first[0] == near(-0.2));
    CHECK(e.total[0] == near(0.2));
    o.ddof = 1;
    e = rc::estimate_sobol(ya, yb, yab, o);
    CHECK(e.first[0] == near(-0.15));
    CHECK(e.total[0] == near(0.15));
    // The same outputs in run order A, B, AB_1, AB_2.
    const auto f = rc::estimate_sobol(vec({1, 3, 2, 4, 2, 3, 1, 3}), 2, 2, o);
    CHECK(f.first[0] == near(-0.15));
    CHECK(f.total[1] == 0.0);
    // A constant output has V = 0: NaN indices, not an error.
    const auto c = rc::estimate_sobol(vec({5, 5}), vec({5, 5}), mat(2, 1, {5, 5}), o);
    CHECK(c.variance == 0.0);
    CHECK(std::isnan(c.first[0]));
    CHECK(std::isnan(c.total[0]));
}

TEST_CASE("sobol: bootstrap by joint row resampling") {
    // Input 2 never changes the output (y_AB2 = y_A row by row), so every resample gives
    // S_2 = ST_2 = 0 exactly and its interval is [0, 0].
    const VectorXd ya = vec({1, 3, 2, 7, 4, 4, 9, 0}), yb = vec({2, 4, 6, 1, 3, 8, 5, 5});
    rc::matrix yab(8, 2);
    yab.col(0) = vec({2, 3, 5, 6, 3, 9, 7, 1});
    yab.col(1) = ya;
    rc::sobol_options o;
    o.n_boot = 300;
    o.level = 0.9;
    const auto e = rc::estimate_sobol(ya, yb, yab, o, 11);
    CHECK(e.first_lo[1] == 0.0);
    CHECK(e.first_hi[1] == 0.0);
    CHECK(e.total_lo[1] == 0.0);
    CHECK(e.total_hi[1] == 0.0);
    CHECK(e.first_lo[0] <= e.first_hi[0]);
    CHECK(e.total_lo[0] <= e.total_hi[0]);
    CHECK(e.total_lo[0] >= 0.0);
    CHECK(e.total_lo[0] < e.total_hi[0]);
    // Deterministic per seed; another seed resamples differently.
    const auto again = rc::estimate_sobol(ya, yb, yab, o, 11);
    CHECK(again.first_lo[0] == e.first_lo[0]);
    CHECK(again.total_hi[0] == e.total_hi[0]);
    const auto other = rc::estimate_sobol(ya, yb, yab, o, 12);
    CHECK((other.first_lo[0] != e.first_lo[0] || other.first_hi[0] != e.first_hi[0]));
    // The point estimates do not depend on the bootstrap.
    CHECK(other.first[0] == e.first[0]);
}

TEST_CASE("sobol: the design A, B, AB_i") {
    const Eigen::Index n = 16, d = 3;
    const auto x = rc::sobol_design(n, d, 5);
    REQUIRE(x.rows() == n * (d + 2));
    REQUIRE(x.cols() == d);
    CHECK((x.array() >= 0.0).all());
    CHECK((x.array() < 1.0).all());
    for (Eigen::Index i = 0; i < d; ++i)
        for (Eigen::Index j = 0; j < n; ++j)
            for (Eigen::Index k = 0; k < d; ++k)
                CHECK(x((2 + i) * n + j, k) == (k == i ? x(n + j, k) : x(j, k)));
    CHECK(same(x, rc::sobol_design(n, d, 5)));
    CHECK(!same(x, rc::sobol_design(n, d, 6)));
    // Row j of A and B comes from stream j: a longer design starts with the same A rows.
    const auto longer = rc::sobol_design(2 * n, d, 5);
    CHECK(same(longer.topRows(n), x.topRows(n)));
}

TEST_CASE("sobol: Ishigami, analytic indices within Monte-Carlo error") {
    // Ishigami (a = 7, b = 0.1) on [−π, π]³: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
    // The tolerance is 5 standard errors of each estimate, the standard error being the sample
    // SD of the estimator's per-row terms / √N / V (its CLT error), computed here; at
    // N = 2^17 that is about 0.002–0.01, so each check fails by chance with probability < 1e-6.
    // The analytic values are rounded to 4 decimals, which adds at most 5e-5.
    const Eigen::Index n = 1 << 17, d = 3;
    rc::sobol_options o;
    o.n_boot = 0;
    const std::vector<std::pair<double, double>> box(3, {-pi, pi});
    rc::matrix xs;
    VectorXd ys;
    const auto e = rc::sobol_indices(
        [&](const rc::matrix& x) {
            VectorXd y(x.rows());
            for (Eigen::Index r = 0; r < x.rows(); ++r) y[r] = ishigami(x(r, 0), x(r, 1), x(r, 2));
            xs = x;
            ys = y;
            return y;
        },
        d, n, 2024, box, o);
    REQUIRE(xs.rows() == n * (d + 2));
    CHECK((xs.array() >= -pi).all());
    CHECK((xs.array() <= pi).all());
    // Analytic variance: a²/8 + b π⁴/5 + b² π⁸/18 + 1/2 = 13.8446.
    const double v_true = 49.0 / 8 + 0.1 * std::pow(pi, 4) / 5 + 0.01 * std::pow(pi, 8) / 18 + 0.5;
    CHECK(e.variance == doctest::Approx(v_true).epsilon(0.02));
    const double s_true[3] = {0.3139, 0.4424, 0.0}, st_true[3] = {0.5576, 0.4424, 0.2437};
    for (Eigen::Index i = 0; i < d; ++i) {
        double sf = 0, sf2 = 0, st = 0, st2 = 0;
        for (Eigen::Index j = 0; j < n; ++j) {
            const double a = ys[j] - e.mean, b = ys[n + j] - e.mean, ab = ys[(2 + i) * n + j] - e.mean;
            const double tf = b * (ab - a), tt = (a - ab) * (a - ab) / 2;
            sf += tf, sf2 += tf * tf, st += tt, st2 += tt * tt;
        }
        const double nn = static_cast<double>(n);
        const double se_s = std::sqrt((sf2 - sf * sf / nn) / (nn - 1)) / std::sqrt(nn) / e.variance;
        const double se_t = std::sqrt((st2 - st * st / nn) / (nn - 1)) / std::sqrt(nn) / e.variance;
        INFO("input " << i + 1 << ": S = " << e.first[i] << " (SE " << se_s << "), ST = " << e.total[i] << " (SE "
                         << se_t << ")");
        CHECK(se_s < 0.01);
        CHECK(se_t < 0.01);
        CHECK(std::abs(e.first[i] - s_true[i]) < 5 * se_s + 5e-5);
        CHECK(std::abs(e.total[i] - st_true[i]) < 5 * se_t + 5e-5);
    }
}

TEST_CASE("sobol: errors") {
    const VectorXd y2 = vec({1, 2});
    rc::sobol_options o;
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(y2, vec({1, 2, 3}), mat(2, 1, {1, 2}), o); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(y2, y2, mat(3, 1, {1, 2, 3}), o); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(vec({1}), vec({2}), mat(1, 1, {3}), o); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(y2, y2, rc::matrix(2, 0), o); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(vec({1, NaN}), y2, mat(2, 1, {1, 2}), o); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>(
        [&] { (void)rc::estimate_sobol(y2, y2, mat(2, 1, {1, std::numeric_limits<double>::infinity()}), o); },
        "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(vec({1, 2, 3}), 2, 2, o); },
                                   "[regind.invalid_input.sobol]"));
    auto bad = o;
    bad.ddof = 2;
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(y2, y2, mat(2, 1, {1, 2}), bad); },
                                   "[regind.invalid_input.sobol] ddof"));
    bad = o;
    bad.level = 1.0;
    CHECK(throws_id<invalid_input>([&] { (void)rc::estimate_sobol(y2, y2, mat(2, 1, {1, 2}), bad); },
                                   "[regind.invalid_input.sobol] level"));
    CHECK(throws_id<invalid_input>([] { (void)rc::sobol_design(1, 2, 0); }, "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([] { (void)rc::sobol_design(8, 0, 0); }, "[regind.invalid_input.sobol]"));
    const rc::batch_function id = [](const rc::matrix& x) { return VectorXd(x.col(0)); };
    CHECK(throws_id<invalid_input>([&] { (void)rc::sobol_indices(id, 2, 8, 0, {{0, 1}}); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::sobol_indices(id, 1, 8, 0, {{1, 1}}); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::sobol_indices(id, 1, 8, 0, {{0, NaN}}); },
                                   "[regind.invalid_input.sobol]"));
    CHECK(throws_id<invalid_input>(
        [&] { (void)rc::sobol_indices([](const rc::matrix&) { return VectorXd(3); }, 1, 8, 0); },
        "[regind.invalid_input.sobol] the function returned 3 values"));
}

TEST_CASE("uncertainty: nominal ranks, seeds and thread counts") {
    const auto ci = small_index();
    rc::uncertainty_spec spec;
    spec.weight_noise = {{1, 0.5}, {2, 0.25}};
    spec.normalise = {minmax(1, 100), norm(rc::normaliser::rank), norm(rc::normaliser::zscore)};
    spec.aggregate = {agg(rc::aggregator::amean), agg(rc::aggregator::median)};
    spec.impute = {{rc::impute_method::mean, ""}, {rc::impute_method::median_grp, "grp"}};
    rc::uncertainty_options o;
    o.n = 60;
    o.seed = 7;
    o.threads = 1;
    const auto a = rc::uncertainty(ci, spec, o);
    REQUIRE(a.targets == std::vector<std::string>{"Index"});
    REQUIRE(a.units == ci.unit_codes());
    REQUIRE(a.ranks.size() == 1);
    REQUIRE(a.ranks[0].rows() == 60);
    CHECK(a.inputs == std::vector<std::string>{"impute", "normalisation", "aggregation"});
    CHECK(a.alternatives[1] == std::vector<std::string>{"n_minmax(1, 100)", "n_rank", "n_zscore(0, 1)"});
    CHECK(a.alternatives[2] == std::vector<std::string>{"a_amean", "a_median"});
    CHECK(a.summary[0].nominal == index_ranks(ci));
    // Every alternative is used; ranks are 1..8.
    for (Eigen::Index k = 0; k < 3; ++k) {
        CHECK(a.choices.col(k).minCoeff() == 0);
        CHECK(a.choices.col(k).maxCoeff() == static_cast<int>(a.alternatives[static_cast<std::size_t>(k)].size()) - 1);
    }
    CHECK(a.ranks[0].minCoeff() == 1.0);
    CHECK(a.ranks[0].maxCoeff() <= 8.0);
    // The summary is that of the rank matrix.
    CHECK(a.summary[0].mean[3] == near(a.ranks[0].col(3).mean()));
    // Same seed → identical; other thread counts → identical; another seed → different.
    for (unsigned threads : {1u, 2u, 3u, 0u}) {
        o.threads = threads;
        const auto b = rc::uncertainty(ci, spec, o);
        CHECK(same(b.ranks[0], a.ranks[0]));
        CHECK(b.choices == a.choices);
        CHECK(b.summary[0].q95 == a.summary[0].q95);
    }
    o.cache = 1;  // one copy per worker: evicted on every change of the earlier choices
    o.threads = 2;
    CHECK(same(rc::uncertainty(ci, spec, o).ranks[0], a.ranks[0]));
    o.cache = 0;
    o.seed = 8;
    CHECK(!same(rc::uncertainty(ci, spec, o).ranks[0], a.ranks[0]));
}

TEST_CASE("uncertainty: a replication equals the pipeline re-run by hand with its draw") {
    const auto ci = small_index();
    rc::uncertainty_spec spec;
    spec.weight_noise = {{1, 0.5}};
    spec.normalise = {minmax(1, 100), norm(rc::normaliser::rank)};
    spec.aggregate = {agg(rc::aggregator::amean), agg(rc::aggregator::gmean)};
    spec.treat = {rc::treatment_off(), rc::treat_options{}};
    rc::uncertainty_options o;
    o.n = 12;
    o.seed = 99;
    o.targets = {"P", "Index"};
    const auto res = rc::uncertainty(ci, spec, o);
    REQUIRE(res.targets == std::vector<std::string>{"P", "Index"});
    CHECK(res.alternatives[0] == std::vector<std::string>{"none", "winmax=5"});
    for (std::size_t r = 0; r < o.n; ++r) {
        // The documented draw: one u per discrete input (treat, normalise, aggregate), then
        // one U(−1, 1) per indicator weight (level 1, framework order).
        auto g = rc::detail::random_stream(99, 1, r);
        const auto t = rc::alternative_index(rc::detail::uniform01(g), 2);
        const auto nz = rc::alternative_index(rc::detail::uniform01(g), 2);
        const auto ag = rc::alternative_index(rc::detail::uniform01(g), 2);
        CHECK(res.choices(static_cast<Eigen::Index>(r), 0) == static_cast<int>(t));
        CHECK(res.choices(static_cast<Eigen::Index>(r), 1) == static_cast<int>(nz));
        CHECK(res.choices(static_cast<Eigen::Index>(r), 2) == static_cast<int>(ag));
        rc::aggregate_options a;
        a.levels = spec.aggregate[ag];
        const std::vector<std::string> codes = {"a", "b", "c", "d"};
        const double w[4] = {1, 2, 1, 1};
        for (std::size_t i = 0; i < 4; ++i) a.weights[codes[i]] = w[i] + (2 * rc::detail::uniform01(g) - 1) * 0.5 * w[i];
        rc::composite_index copy = ci;
        copy.treat(spec.treat[t]);
        copy.normalise(spec.normalise[nz]);
        copy.aggregate(a);
        const auto ranks = copy.ranks();
        const auto row = static_cast<Eigen::Index>(r);
        CHECK(res.ranks[0].row(row).transpose() == VectorXd(ranks.col(4)));  // P
        CHECK(res.ranks[1].row(row).transpose() == VectorXd(ranks.col(6)));  // Index
    }
}

TEST_CASE("uncertainty: replications with missing children, dat_thresh and noise at two levels") {
    // small_index() without imputation: u3 misses c. The re-aggregation of each replication
    // (aggregate columns rewritten in place, log(indicator) reused by a_gmean) must equal the
    // pipeline re-run by hand through aggregate() with the same draw.
    auto ci = small_index();
    ci.impute({rc::impute_method::none, ""});
    ci.normalise(minmax(1, 100));
    ci.aggregate();
    rc::uncertainty_spec spec;
    spec.weight_noise = {{1, 0.5}, {2, 0.5}};
    rc::aggregate_spec strict;  // a_gmean, NaN below 60 % of the children
    strict.method = rc::aggregator::gmean;
    strict.dat_thresh = 0.6;
    spec.aggregate = {{strict}, agg(rc::aggregator::amean), {agg(rc::aggregator::gmean)[0], strict}};
    rc::uncertainty_options o;
    o.n = 16;
    o.seed = 7;
    o.threads = 2;
    o.targets = {"P", "Q", "Index"};
    const auto res = rc::uncertainty(ci, spec, o);
    bool strict_seen = false;
    for (std::size_t r = 0; r < o.n; ++r) {
        auto g = rc::detail::random_stream(7, 1, r);
        const auto ag = rc::alternative_index(rc::detail::uniform01(g), 3);
        rc::aggregate_options a;
        a.levels = spec.aggregate[ag];
        const std::vector<std::string> codes = {"a", "b", "c", "d", "P", "Q"};
        const double w[6] = {1, 2, 1, 1, 1, 1};
        for (std::size_t i = 0; i < 6; ++i) a.weights[codes[i]] = w[i] + (2 * rc::detail::uniform01(g) - 1) * 0.5 * w[i];
        rc::composite_index copy = ci;
        copy.aggregate(a);
        const auto ranks = copy.ranks();
        const auto row = static_cast<Eigen::Index>(r);
        CHECK(same(res.ranks[0].row(row), ranks.col(4).transpose()));  // P
        CHECK(same(res.ranks[1].row(row), ranks.col(5).transpose()));  // Q
        CHECK(same(res.ranks[2].row(row), ranks.col(6).transpose()));  // Index
        // With a_gmean and dat_thresh 0.6 at the top, u3's Q (1 of 2 children) and so its Index are NaN.
        if (ag == 0) {
            strict_seen = true;
            CHECK(std::isnan(res.ranks[1](row, 2)));
            CHECK(std::isnan(res.ranks[2](row, 2)));
        }
    }
    CHECK(strict_seen);
}

TEST_CASE("uncertainty: the ranks of a replication, rank(-x, ties min) with NaN kept, by hand and as the engine") {
    const double inf = std::numeric_limits<double>::infinity();
    // inf first; 5 and 5 share 2; then 3 (4), 1 (5); -0 and 0 are equal and share 6; NaN kept.
    const rc::matrix x = mat(9, 2, {3, 0, NaN, 0, 5, 0, 5, 0, -0.0, 0, 0.0, 0, inf, 0, 1, 0, NaN, 0});
    std::vector<std::pair<double, Eigen::Index>> pairs;
    VectorXd r(9);
    rc::rank_descending_min(x.col(0), r.data(), pairs);
    const VectorXd expected = vec({4, NaN, 2, 2, 6, 6, 1, 5, NaN});
    CHECK(same(r, expected));
    // Against the general ranking engine on a column with many ties (a strided column).
    rc::matrix y(500, 3);
    for (Eigen::Index i = 0; i < 500; ++i) y(i, 1) = i % 7 == 0 ? NaN : static_cast<double>((i * 37) % 41);
    r.resize(500);
    rc::rank_descending_min(y.col(1), r.data(), pairs);
    CHECK(same(r, rc::rank(y.col(1), true, rc::ties_method::min)));
}

TEST_CASE("aggregation: log(indicator) reuse, missing children and the order of domain errors, by hand") {
    using T = rc::element_type;
    const auto fw = rc::framework::from_meta({row(1, "a", "P", 1, T::indicator), row(1, "b", "P", 3, T::indicator),
                                              row(1, "c", "Q", 1, T::indicator), row(1, "d", "Q", 1, T::indicator),
                                              row(2, "P", "Index", 1, T::aggregate),
                                              row(2, "Q", "Index", 1, T::aggregate),
                                              row(3, "Index", "", 1, T::aggregate)});
    // u0: P = 2^((1 + 3·3)/4) = 2^2.5 (a = 2, b = 8), Q = 4 (d missing), Index = √(2^2.5 · 4) = 2^2.25.
    // u1: P = 1 (b missing), Q = √(3 · 12) = 6, Index = √6.
    const rc::matrix x = mat(2, 4, {2, 8, 4, NaN, 1, NaN, 3, 12});
    const auto specs = rc::node_specs(fw, agg(rc::aggregator::gmean));
    rc::matrix out(2, 7);
    out.leftCols(4) = x;
    const rc::matrix logs = x.unaryExpr([](double v) { return std::log(v); });
    rc::aggregate_levels(fw, specs, fw.weights(), out, &logs, {});
    CHECK(out(0, 4) == near(std::pow(2.0, 2.5), 1e-14));
    CHECK(out(0, 5) == 4.0);
    CHECK(out(0, 6) == near(std::pow(2.0, 2.25), 1e-14));
    CHECK(out(1, 4) == 1.0);
    CHECK(out(1, 5) == near(6.0, 1e-14));
    CHECK(out(1, 6) == near(std::sqrt(6.0), 1e-14));
    CHECK(same(out, rc::aggregate_nodes(fw, x, specs)));  // the logs change nothing
    // a_amean with a missing child: the weights of the present ones only.
    const auto amean = rc::aggregate(fw, x);
    CHECK(amean(0, 4) == near((2 + 3 * 8) / 4.0));
    CHECK(amean(1, 4) == 1.0);
    CHECK(amean(1, 6) == near((1 + 7.5) / 2));
    // Errors follow (level, aggregate, unit, child): u1's P (a = 0) comes before u0's Q (d = -1),
    // although u0 is the first row.
    const rc::matrix bad = mat(2, 4, {2, 8, 4, -1, 0, 5, 3, 12});
    CHECK(contains([&] { (void)rc::aggregate_nodes(fw, bad, specs, {}, std::vector<std::string>{"u0", "u1"}); },
                   "a_gmean needs values > 0: unit u1, 'a' = 0 (child of 'P')"));
    CHECK(contains([&] { (void)rc::aggregate_nodes(fw, bad, specs); }, "unit row 1, 'a' = 0 (child of 'P')"));
}

TEST_CASE("uncertainty: alternatives that change nothing give the nominal ranks") {
    const auto ci = small_index();
    rc::uncertainty_spec spec;
    spec.normalise = {rc::normalise_options{}, rc::normalise_options{}};  // both the nominal n_minmax [0, 100]
    spec.impute = {{rc::impute_method::mean, ""}};
    spec.weight_noise = {{2, 0.0}};
    rc::uncertainty_options o;
    o.n = 10;
    const auto res = rc::uncertainty(ci, spec, o);
    const auto& s = res.summary[0];
    CHECK(s.mean == s.nominal);
    CHECK(s.median == s.nominal);
    CHECK(s.q05 == s.nominal);
    CHECK(s.q95 == s.nominal);
}

TEST_CASE("uncertainty: units a replication screens out get NaN ranks") {
    // Nominal: imputed then screened (every unit kept). Without imputation, u3 (one value of
    // four missing) falls below dat_thresh 0.9 and is screened out.
    auto ci = small_index();
    ci.screen({rc::unit_screen::by_na, 0.9, 0.05, {}});
    rc::uncertainty_spec spec;
    spec.impute = {{rc::impute_method::mean, ""}, {rc::impute_method::none, ""}};
    rc::uncertainty_options o;
    o.n = 20;
    o.seed = 3;
    const auto res = rc::uncertainty(ci, spec, o);
    REQUIRE(res.units.size() == 8);
    for (Eigen::Index r = 0; r < 20; ++r) {
        const bool imputed = res.choices(r, 0) == 0;
        CHECK(std::isnan(res.ranks[0](r, 2)) == !imputed);
        double worst = 0;
        for (Eigen::Index u = 0; u < 8; ++u)
            if (!std::isnan(res.ranks[0](r, u))) worst = std::max(worst, res.ranks[0](r, u));
        CHECK(worst == (imputed ? 8.0 : 7.0));  // ranks among the units the replication holds
    }
}

TEST_CASE("uncertainty: progress is reported on the calling thread, at most ~100 times") {
    const auto ci = small_index();
    rc::uncertainty_spec spec;
    spec.weight_noise = {{1, 0.3}};
    rc::uncertainty_options o;
    o.n = 450;
    o.threads = 2;
    std::vector<std::size_t> seen;
    const auto me = std::this_thread::get_id();
    bool same_thread = true;
    (void)rc::uncertainty(ci, spec, o, [&](std::size_t done, std::size_t total) {
        CHECK(total == 450);
        seen.push_back(done);
        same_thread = same_thread && std::this_thread::get_id() == me;
    });
    CHECK(same_thread);
    REQUIRE(!seen.empty());
    CHECK(seen.size() <= 101);
    CHECK(seen.back() == 450);
    for (std::size_t k = 1; k < seen.size(); ++k) CHECK(seen[k] > seen[k - 1]);
    // An exception from the callback stops the run and reaches the caller.
    const rc::progress_function stop = [](std::size_t, std::size_t) { throw std::runtime_error("stop now"); };
    CHECK(contains([&] { (void)rc::uncertainty(ci, spec, o, stop); }, "stop now"));
}

TEST_CASE("uncertainty: errors") {
    const auto ci = small_index();
    const std::string id = "[regind.invalid_input.uncertainty]";
    rc::uncertainty_spec ok;
    ok.weight_noise = {{1, 0.2}};
    auto run = [&](const rc::uncertainty_spec& s, rc::uncertainty_options o = {}) {
        if (o.n == 1000) o.n = 4;
        (void)rc::uncertainty(ci, s, o);
    };
    rc::uncertainty_options zero;
    zero.n = 0;
    CHECK(throws_id<invalid_input>([&] { run(ok, zero); }, id + " the number of replications"));
    CHECK(throws_id<invalid_input>([&] { run(rc::uncertainty_spec{}); }, id + " no uncertain input"));
    auto s = ok;
    s.weight_noise = {{0, 0.2}};
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " weight noise of level 0"));
    s.weight_noise = {{3, 0.2}};  // the top level
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " weight noise of level 3"));
    s.weight_noise = {{1, 1.5}};
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " the noise factor"));
    s.weight_noise = {{1, NaN}};
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " the noise factor"));
    s = ok;
    s.impute = {{rc::impute_method::mean_grp, "nope"}};
    CHECK(throws_id<key_error>([&] { run(s); }, "[regind.key_error.composite] unknown group column 'nope'"));
    s = ok;
    rc::treat_options t;
    t.individual["zz"] = rc::treat_spec{};
    s.treat = {t};
    CHECK(throws_id<key_error>([&] { run(s); }, "[regind.key_error.composite] unknown iCode 'zz'"));
    t.individual.clear();
    t.individual["P"] = rc::treat_spec{};
    s.treat = {t};
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " 'P' is an Aggregate"));
    t.individual.clear();
    t.global.winmax = -3;
    s.treat = {t};
    CHECK(throws_id<invalid_input>([&] { run(s); }, "[regind.invalid_input.treat]"));
    s = ok;
    auto z = norm(rc::normaliser::zscore);
    z.global.sd = 0;
    s.normalise = {z};
    CHECK(throws_id<invalid_input>([&] { run(s); }, "[regind.invalid_input.normalise]"));
    auto ref = norm(rc::normaliser::dist2ref);
    ref.global.ref_unit = "u99";
    s.normalise = {ref};
    CHECK(throws_id<key_error>([&] { run(s); }, "[regind.key_error.composite] unknown uCode"));
    auto ind = rc::normalise_options{};
    ind.individual["Q"] = rc::normalise_spec{};
    s.normalise = {ind};
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " 'Q' is an Aggregate"));
    s = ok;
    s.aggregate = {{rc::aggregate_spec{}, rc::aggregate_spec{}, rc::aggregate_spec{}}};
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " an aggregation alternative has 3 methods"));
    rc::aggregate_spec gm;
    gm.method = rc::aggregator::genmean;
    gm.p = 0;
    s.aggregate = {{gm}};
    CHECK(throws_id<invalid_input>([&] { run(s); }, "[regind.invalid_input.aggregate] a_genmean"));
    rc::uncertainty_options tg;
    tg.targets = {"Idx"};
    CHECK(throws_id<key_error>([&] { run(ok, tg); }, "[regind.key_error.composite] unknown iCode 'Idx'"));
    // The nominal aggregation must reproduce the index.
    s = ok;
    rc::aggregate_options other;
    other.weights["a"] = 5;
    s.nominal_aggregate = other;
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " the nominal aggregation options do not reproduce"));
    // An index that is not aggregated yet.
    rc::composite_index unaggregated = [] {
        using T = rc::element_type;
        auto fw = rc::framework::from_meta({row(1, "a", "I", 1, T::indicator), row(2, "I", "", 1, T::aggregate)});
        rc::unit_table u;
        u.codes = {"x", "y"};
        u.numeric["a"] = vec({1, 2});
        return rc::composite_index(std::move(fw), std::move(u));
    }();
    CHECK(throws_id<invalid_input>([&] { (void)rc::uncertainty(unaggregated, ok); }, "[regind.invalid_input.stage]"));
    // A replication that fails names itself and its choices: a_gmean meets the zeros of n_minmax [0, 100].
    s = ok;
    s.aggregate = {agg(rc::aggregator::gmean)};
    CHECK(throws_id<invalid_input>([&] { run(s); }, id + " replication 0 (aggregation = a_gmean, noisy weights): "
                                                         "[regind.invalid_input.aggregate] a_gmean needs values > 0"));
}

TEST_CASE("sensitivity: a pipeline with an input that changes nothing") {
    // As COINr's own test: the two normalisation alternatives are the same, so that input's
    // S and ST are exactly 0 (y_AB = y_A on every row).
    const auto ci = small_index();
    rc::uncertainty_spec spec;
    spec.normalise = {minmax(1, 100), minmax(1, 100)};
    spec.aggregate = {agg(rc::aggregator::amean), agg(rc::aggregator::gmean), agg(rc::aggregator::median)};
    spec.weight_noise = {{1, 0.5}};
    spec.weight_sets = 50;
    rc::sensitivity_options o;
    o.n = 40;
    o.seed = 5;
    o.threads = 2;
    o.sobol.n_boot = 200;
    const auto res = rc::sensitivity(ci, spec, o);
    REQUIRE(res.inputs == std::vector<std::string>{"normalisation", "aggregation", "weights_L1"});
    CHECK(res.target == "Index");
    REQUIRE(res.design.rows() == 40 * 5);
    REQUIRE(res.ranks.rows() == 200);
    CHECK(res.indices.first[0] == 0.0);
    CHECK(res.indices.total[0] == 0.0);
    CHECK(res.indices.first_lo[0] == 0.0);
    CHECK(res.indices.total_hi[0] == 0.0);
    CHECK(res.indices.total[1] > 0.0);
    CHECK(res.indices.total[2] > 0.0);
    // Choices follow the design: alternative min(⌊u n⌋, n − 1), weight set of 50.
    for (Eigen::Index r = 0; r < res.design.rows(); ++r) {
        CHECK(res.choices(r, 1) == static_cast<int>(rc::alternative_index(res.design(r, 1), 3)));
        CHECK(res.choices(r, 2) == static_cast<int>(rc::alternative_index(res.design(r, 2), 50)));
    }
    // Output of a run: mean |rank − nominal rank|, by hand for run 0.
    const VectorXd nominal = index_ranks(ci);
    CHECK(res.summary.nominal == nominal);
    CHECK(res.output[0] == near((res.ranks.row(0).transpose() - nominal).cwiseAbs().mean()));
    // The scalar indices are those of the outputs; the per-unit ones those of each unit's rank.
    const auto e = rc::estimate_sobol(res.output, 40, 3, o.sobol, 5);
    CHECK(e.first == res.indices.first);
    CHECK(e.total_hi == res.indices.total_hi);
    auto unit_opt = o.sobol;
    unit_opt.n_boot = 0;
    for (Eigen::Index u = 0; u < 8; ++u) {
        const VectorXd y = res.ranks.col(u);
        const auto eu = rc::estimate_sobol(y, 40, 3, unit_opt);
        for (Eigen::Index i = 0; i < 3; ++i) {
            if (std::isnan(eu.first[i])) {
                CHECK(std::isnan(res.unit_first(u, i)));
            } else {
                CHECK(res.unit_first(u, i) == eu.first[i]);
                CHECK(res.unit_total(u, i) == eu.total[i]);
            }
        }
        CHECK(res.unit_first(u, 0) == 0.0);
    }
    // Rank statistics come from the 2N runs of A and B.
    const auto s = rc::detail::summarise_ranks(res.ranks.topRows(80), nominal);
    CHECK(s.q95 == res.summary.q95);
    // Thread counts do not matter.
    o.threads = 1;
    const auto one = rc::sensitivity(ci, spec, o);
    CHECK(same(one.ranks, res.ranks));
    CHECK(one.indices.first == res.indices.first);
    CHECK(one.indices.total_lo == res.indices.total_lo);
}

TEST_CASE("sensitivity: errors") {
    const auto ci = small_index();
    rc::uncertainty_spec spec;
    spec.weight_noise = {{1, 0.2}};
    rc::sensitivity_options o;
    o.n = 1;
    CHECK(throws_id<invalid_input>([&] { (void)rc::sensitivity(ci, spec, o); },
                                   "[regind.invalid_input.uncertainty] the sample size n"));
    o.n = 4;
    spec.weight_sets = 0;
    CHECK(throws_id<invalid_input>([&] { (void)rc::sensitivity(ci, spec, o); },
                                   "[regind.invalid_input.uncertainty] weight_sets"));
    spec.weight_sets = 10;
    o.sobol.ddof = 3;
    CHECK(throws_id<invalid_input>([&] { (void)rc::sensitivity(ci, spec, o); }, "[regind.invalid_input.sobol] ddof"));
    o.sobol.ddof = 1;
    o.target = "nope";
    CHECK(throws_id<key_error>([&] { (void)rc::sensitivity(ci, spec, o); }, "[regind.key_error.composite]"));
    // A top level with two nodes needs a target.
    using T = rc::element_type;
    auto fw = rc::framework::from_meta({row(1, "a", "P", 1, T::indicator), row(1, "b", "Q", 1, T::indicator),
                                        row(2, "P", "", 1, T::aggregate), row(2, "Q", "", 1, T::aggregate)});
    rc::unit_table u;
    u.codes = {"x", "y", "z"};
    u.numeric["a"] = vec({1, 2, 3});
    u.numeric["b"] = vec({3, 1, 2});
    rc::composite_index two(std::move(fw), std::move(u));
    two.normalise();
    two.aggregate();
    o.target.clear();
    CHECK(throws_id<invalid_input>([&] { (void)rc::sensitivity(two, spec, o); },
                                   "[regind.invalid_input.uncertainty] the top level has several nodes"));
    o.target = "P";
    CHECK(rc::sensitivity(two, spec, o).target == "P");
    // A run that ranks no unit has no output: every unit misses a value, and the aggregation
    // alternative needs them all (dat_thresh 1) when imputation is off.
    auto fw2 = rc::framework::from_meta({row(1, "a", "I", 1, T::indicator), row(1, "b", "I", 1, T::indicator),
                                         row(2, "I", "", 1, T::aggregate)});
    rc::unit_table u2;
    u2.codes = {"x", "y", "z"};
    u2.numeric["a"] = vec({1, NaN, 3});
    u2.numeric["b"] = vec({NaN, 1, NaN});
    rc::composite_index gaps(std::move(fw2), std::move(u2));
    gaps.impute();
    gaps.normalise();
    gaps.aggregate();
    rc::uncertainty_spec none;
    none.impute = {{rc::impute_method::none, ""}};
    rc::aggregate_spec strict;
    strict.dat_thresh = 1.0;
    none.aggregate = {{strict}};
    o.target.clear();
    CHECK(throws_id<invalid_input>([&] { (void)rc::sensitivity(gaps, none, o); },
                                   "[regind.invalid_input.uncertainty] run 0: no unit is ranked"));
}
