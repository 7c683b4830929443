// SPDX-License-Identifier: MIT
// Weights, outranking and Copeland aggregation, analysis and panel imputation of the composite
// pipeline (REFERENCE-METHODS.md §E3, §E6–E8). Expected values are hand arithmetic written out
// here or published oracles (JMcDM's docstring examples, re-derived in §E6), never numbers
// produced by the code under test.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "composite_helpers.hpp"
#include "regind/composite.hpp"

namespace rc = regind::composite;
using Eigen::VectorXd;
using regind::invalid_input;
using regind::key_error;

using namespace composite_test;

namespace {

rc::composite_index small_index() {
    rc::unit_table u;
    u.codes = {"u1", "u2", "u3", "u4"};
    u.numeric["a"] = vec({1, 2, NaN, 4});
    u.numeric["b"] = vec({4, 3, 2, 1});
    u.numeric["c"] = vec({5, 5, 6, 9});
    u.groups["grp"] = {std::string("x"), std::string("x"), std::string("y"), std::nullopt};
    return rc::composite_index(rc::framework::from_meta(small_meta(false)), u);
}

const std::string W = "[regind.invalid_input.weights] ";

}  // namespace

TEST_CASE("weights: effective weights by hand") {
    const auto fw = rc::framework::from_meta(small_meta(false));
    // iMeta: a 1/4 of P, b 3/4 of P, c all of Q; P and Q half of the index each.
    const VectorXd e = rc::effective_weights(fw);
    CHECK(e[0] == near(0.125));
    CHECK(e[1] == near(0.375));
    CHECK(e[2] == near(0.5));
    CHECK(e[3] == near(0.5));
    CHECK(e[4] == near(0.5));
    CHECK(e[5] == near(1.0));
    // P weighs 3, Q 1: P = 3/4, Q = 1/4, a = 1/4·3/4, b = 3/4·3/4, c = 1/4.
    const VectorXd e2 = rc::effective_weights(fw, vec({1, 3, 1, 3, 1, 1}));
    CHECK(e2[0] == near(0.1875));
    CHECK(e2[1] == near(0.5625));
    CHECK(e2[2] == near(0.25));
    CHECK(e2[3] == near(0.75));
    // Siblings all weighing 0: undefined.
    const VectorXd e3 = rc::effective_weights(fw, vec({0, 0, 1, 1, 1, 1}));
    CHECK(std::isnan(e3[0]));
    CHECK(e3[2] == near(0.5));
    CHECK(throws_id<invalid_input>([&] { (void)rc::effective_weights(fw, vec({1, 2})); }, W + "2 weights for 6"));
}

TEST_CASE("weights: entropy on JMcDM's 6×8 docstring matrix and by hand") {
    // jbytecode/JMcDM src/entropy.jl docstring; weights re-derived in REFERENCE-METHODS.md §E6.
    const auto x = mat(6, 8, {2, 1, 4, 7, 6, 6, 7, 3000, 4, 1, 5, 6, 7, 7, 6, 3500, 3, 2, 6, 6, 5, 6, 8, 4000,
                              5, 1, 5, 7, 6, 7, 7, 3000, 4, 2, 5, 6, 7, 7, 6, 3000, 3, 2, 6, 6, 6, 6, 6, 3500});
    const VectorXd w = rc::entropy_weights(x);
    const double oracle[] = {0.299674, 0.441367, 0.070091, 0.021238, 0.049023, 0.023080, 0.047763, 0.047763};
    for (int j = 0; j < 8; ++j) CHECK(std::fabs(w[j] - oracle[j]) < 5e-7);  // the oracle has 6 decimals
    CHECK(w.sum() == near(1.0));
    // By hand: a constant column carries nothing (e = 1); (1, 3): p = 1/4, 3/4.
    const VectorXd h = rc::entropy_weights(mat(2, 2, {1, 1, 1, 3}));
    CHECK(h[0] == 0.0);
    CHECK(h[1] == near(1.0));
    // Zeros: 0·ln 0 = 0. Column (0, 2, 2): e = ln 2/ln 3; column (1, 3, NaN) uses its 2 values: e = H(1/4)/ln 2.
    const VectorXd z = rc::entropy_weights(mat(3, 2, {0, 1, 2, 3, 2, NaN}));
    const double d0 = 1 - std::log(2.0) / std::log(3.0);
    const double d1 = 1 - (-(0.25 * std::log(0.25) + 0.75 * std::log(0.75)) / std::log(2.0));
    CHECK(z[0] == near(d0 / (d0 + d1)));
    CHECK(z[1] == near(d1 / (d0 + d1)));
    // Errors.
    CHECK(throws_id<invalid_input>([] { (void)rc::entropy_weights(mat(2, 1, {1, -1})); }, W + "entropy: column 1 has the value -1"));
    CHECK(throws_id<invalid_input>([] { (void)rc::entropy_weights(mat(2, 1, {1, NaN}), {"x"}); },
                                   W + "entropy: 'x' has 1 value(s)"));
    CHECK(throws_id<invalid_input>([] { (void)rc::entropy_weights(mat(2, 1, {0, 0})); }, W + "entropy: column 1 has only zeros"));
    CHECK(throws_id<invalid_input>([] { (void)rc::entropy_weights(mat(2, 2, {1, 2, 1, 2})); },
                                   W + "entropy: every column is constant"));
    CHECK(throws_id<invalid_input>([] { (void)rc::entropy_weights(rc::matrix(2, 0)); }, W + "entropy: no columns"));
    CHECK(throws_id<invalid_input>([] { (void)rc::entropy_weights(mat(2, 1, {1, INFINITY})); }, W + "entropy:"));
}

TEST_CASE("weights: CRITIC on JMcDM's 3×4 docstring matrix and by hand") {
    // jbytecode/JMcDM src/critic.jl docstring (as printed, 6 significant digits), directions
    // max, max, min, max; weights re-derived in §E6 to 6 decimals.
    const auto x = mat(3, 4, {12.9918, 0.7264, -1.1009, 1.59814, 4.1201, 5.8824, 3.4483, 1.02156, 4.1039, 0.0, -0.5076,
                              0.984469});
    const VectorXd w = rc::critic_weights(x, {1, 1, -1, 1});
    const double oracle[] = {0.168839, 0.418447, 0.249123, 0.163591};
    for (int j = 0; j < 4; ++j) CHECK(std::fabs(w[j] - oracle[j]) < 1e-6);
    // By hand: z1 = (0, ½, 1), z2 = (0, 1, ½), z3 = (0, 0, 1); σ1 = σ2 = ½, σ3 = 1/√3;
    // r12 = ½, r13 = √3/2, r23 = 0.
    const auto h = mat(3, 3, {0, 0, 0, 1, 2, 0, 2, 1, 1});
    const double r13 = std::sqrt(3.0) / 2;
    const double c1 = 0.5 * ((1 - 0.5) + (1 - r13));
    const double c2 = 0.5 * ((1 - 0.5) + 1);
    const double c3 = (1 / std::sqrt(3.0)) * ((1 - r13) + 1);
    const VectorXd wh = rc::critic_weights(h, {1, 1, 1});
    CHECK(wh[0] == near(c1 / (c1 + c2 + c3)));
    CHECK(wh[1] == near(c2 / (c1 + c2 + c3)));
    CHECK(wh[2] == near(c3 / (c1 + c2 + c3)));
    // Direction −1 on column 2 flips r12 and r23: 1 − r vs 1 − |r|.
    const VectorXd wd = rc::critic_weights(h, {1, -1, 1});
    const double d1 = 0.5 * ((1 + 0.5) + (1 - r13)), d2 = 0.5 * ((1 + 0.5) + 1), d3 = c3;
    CHECK(wd[0] == near(d1 / (d1 + d2 + d3)));
    const VectorXd wa = rc::critic_weights(h, {1, -1, 1}, rc::critic_correlation::one_minus_abs_r);
    CHECK(wa[0] == near(wh[0]));  // |r| ignores the direction
    // Errors.
    CHECK(throws_id<invalid_input>([] { (void)rc::critic_weights(mat(3, 1, {1, 2, 3}), {1}); },
                                   W + "critic: needs at least 2 columns"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::critic_weights(h, {1, 1}); }, W + "critic: 2 directions for 3"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::critic_weights(h, {1, 0, 1}); }, W + "critic: the direction of column 2"));
    CHECK(throws_id<invalid_input>([] { (void)rc::critic_weights(mat(3, 2, {1, 2, NaN, 1, 3, 4}), {1, 1}); },
                                   W + "critic: needs at least 3 complete rows"));
    CHECK(throws_id<invalid_input>([] { (void)rc::critic_weights(mat(3, 2, {1, 2, 1, 3, 1, 4}), {1, 1}, {}, {"k", "m"}); },
                                   W + "critic: 'k' is constant"));
    CHECK(throws_id<invalid_input>([] { (void)rc::critic_weights(mat(3, 2, {1, 2, 2, 4, 3, 6}), {1, 1}); },
                                   W + "critic: the columns are perfectly correlated"));
    CHECK(throws_id<invalid_input>([] { (void)rc::critic_weights(mat(3, 2, {1, 2, 2, INFINITY, 3, 6}), {1, 1}); },
                                   W + "critic: column 2 has an infinite value"));
}

TEST_CASE("weights: PCA loadings of standardised complete cases, by hand") {
    // Two standardised columns with correlation r: PC1 = (1, 1)/√2 (eigenvalue 1 + r) when
    // r > 0, else (1, −1)/√2; variance explained (1 + |r|)/2.
    // (0, 1, 2) and (0, 2, 1): r = ½. The NaN row is not a complete case.
    const auto p = rc::pca_weights(mat(4, 2, {0, 0, 1, 2, 2, 1, NaN, 5}));
    CHECK(p.loadings[0] == near(1 / std::sqrt(2.0)));
    CHECK(p.loadings[1] == near(1 / std::sqrt(2.0)));
    CHECK(p.variance_explained == near(0.75));
    CHECK(p.n_complete == 3);
    // (0, 1, 2) and (1, 2, 0): r = −½; the loadings sum to 0, so the first is made positive.
    const auto q = rc::pca_weights(mat(3, 2, {0, 1, 1, 2, 2, 0}));
    CHECK(q.loadings[0] == near(1 / std::sqrt(2.0)));
    CHECK(q.loadings[1] == near(-1 / std::sqrt(2.0)));
    CHECK(q.variance_explained == near(0.75));
    // Errors.
    CHECK(throws_id<invalid_input>([] { (void)rc::pca_weights(mat(2, 2, {1, NaN, 2, 3})); },
                                   W + "pca: needs at least 2 complete rows"));
    CHECK(throws_id<invalid_input>([] { (void)rc::pca_weights(mat(3, 2, {1, 1, 2, 1, 3, 1}), {"s", "t"}); },
                                   W + "pca: 't' is constant"));
    CHECK(throws_id<invalid_input>([] { (void)rc::pca_weights(rc::matrix(3, 0)); }, W + "pca: no columns"));
    CHECK(throws_id<invalid_input>([] { (void)rc::pca_weights(mat(2, 2, {1, 2, INFINITY, 3})); }, W + "pca: column 1"));
}

TEST_CASE("weights: AHP eigenvector, λ_max, CI and CR") {
    // A perfectly consistent matrix a_ij = w_i/w_j gives w back, λ_max = n, CI = CR = 0.
    const VectorXd w = vec({0.5, 0.3, 0.2});
    Eigen::MatrixXd a(3, 3);
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) a(i, j) = w[i] / w[j];
    const auto r = rc::ahp_weights(a);
    for (int i = 0; i < 3; ++i) CHECK(r.weights[i] == near(w[i], 1e-10));
    CHECK(r.lambda_max == near(3.0, 1e-10));
    CHECK(r.ci == near(0.0, 1e-10));
    CHECK(r.ri == 0.58);
    CHECK(r.cr == near(0.0, 1e-10));
    // An inconsistent matrix: A w = λ_max w, CR = (λ_max − 3)/2/0.58 > 0.
    Eigen::MatrixXd b(3, 3);
    b << 1, 2, 4, 1.0 / 2, 1, 4, 1.0 / 4, 1.0 / 4, 1;
    const auto s = rc::ahp_weights(b);
    CHECK((b * s.weights - s.lambda_max * s.weights).norm() < 1e-10);
    CHECK(s.weights.sum() == near(1.0));
    CHECK((s.weights.array() > 0).all());
    CHECK(s.lambda_max > 3);
    CHECK(s.cr == near((s.lambda_max - 3) / 2 / 0.58));
    // n = 2: (3/4, 1/4), always consistent; n = 1: weight 1.
    Eigen::MatrixXd c(2, 2);
    c << 1, 3, 1.0 / 3, 1;
    const auto t = rc::ahp_weights(c);
    CHECK(t.weights[0] == near(0.75));
    CHECK(t.cr == 0.0);
    CHECK(rc::ahp_weights(Eigen::MatrixXd::Ones(1, 1)).weights[0] == near(1.0));
    // RI as data: a table of one's own.
    CHECK(rc::ahp_weights(b, {0, 0, 0.5}).cr == near((s.lambda_max - 3) / 2 / 0.5));
    // Errors.
    CHECK(throws_id<invalid_input>([] { (void)rc::ahp_weights(Eigen::MatrixXd::Ones(2, 3)); },
                                   W + "ahp: the comparison matrix must be square"));
    Eigen::MatrixXd neg = c;
    neg(0, 1) = -3;
    CHECK(throws_id<invalid_input>([&] { (void)rc::ahp_weights(neg); }, W + "ahp: entry (1, 2) is -3"));
    neg(0, 1) = NaN;
    CHECK(throws_id<invalid_input>([&] { (void)rc::ahp_weights(neg); }, W + "ahp: entry (1, 2) is nan"));
    Eigen::MatrixXd nr = c;
    nr(1, 0) = 0.33;
    CHECK(throws_id<invalid_input>([&] { (void)rc::ahp_weights(nr); }, W + "ahp: the matrix is not reciprocal: a(1, 2)"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::ahp_weights(b, {0, 0}); }, W + "ahp: no random index RI(3)"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::ahp_weights(b, {0, 0, 0}); }, W + "ahp: the random index RI(3) must be > 0"));
    CHECK(rc::parse_weight_method("ahp") == rc::weight_method::ahp);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_weight_method("AHP"); }, W + "unknown weighting method 'AHP'"));
}

TEST_CASE("outranking: matrix, Copeland and dominance of a 3×3 example by hand") {
    // Units A = (3, 1, 2), B = (2, 2, 2), C = (1, 3, 1); weights 1, 1, 2 (¼, ¼, ½).
    // O[A,B] = ¼ (c1) + ½·½ (c3 tied) = ½; O[A,C] = ¼ + ½ = ¾; O[B,C] = ¼ + ½ = ¾.
    const auto x = mat(3, 3, {3, 1, 2, 2, 2, 2, 1, 3, 1});
    const auto r = rc::outrank(x, vec({1, 1, 2}));
    CHECK(r.outranking(0, 1) == near(0.5));
    CHECK(r.outranking(1, 0) == near(0.5));
    CHECK(r.outranking(0, 2) == near(0.75));
    CHECK(r.outranking(2, 0) == near(0.25));
    CHECK(r.outranking(1, 2) == near(0.75));
    CHECK(r.outranking(2, 1) == near(0.25));
    CHECK(std::isnan(r.outranking(0, 0)));
    // Copeland: A = 0 + 1, B = 0 + 1, C = −1 − 1.
    CHECK(r.copeland[0] == 1);
    CHECK(r.copeland[1] == 1);
    CHECK(r.copeland[2] == -2);
    CHECK(r.dominance_pairs == 0);
    CHECK(r.frac_dominant == 0.0);
    // Dominance: X better on both criteria.
    const auto d = rc::outrank(mat(2, 2, {2, 2, 1, 1}), vec({1, 1}));
    CHECK(d.outranking(0, 1) == 1.0);
    CHECK(d.dominance_pairs == 1);
    CHECK(d.frac_dominant == 1.0);
    // A missing value counts for neither unit: A = (3, NaN, 2) vs B: comparable weight ¾,
    // A wins ¼ and ties ½ → (¼ + ¼)/¾ = ⅔.
    const auto m = rc::outrank(mat(2, 3, {3, NaN, 2, 2, 2, 2}), vec({1, 1, 2}));
    CHECK(m.outranking(0, 1) == near(2.0 / 3.0));
    CHECK(m.outranking(1, 0) == near(1.0 / 3.0));
    // Nothing to compare: NaN, no Copeland points. Excluded units: NaN.
    const auto e = rc::outrank(mat(2, 2, {1, NaN, NaN, 1}), vec({1, 1}));
    CHECK(std::isnan(e.outranking(0, 1)));
    CHECK(e.copeland[0] == 0);
    const auto u = rc::outrank(x, vec({1, 1, 2}), {true, false, true});
    CHECK(std::isnan(u.copeland[1]));
    CHECK(u.copeland[0] == 1);  // A beats C only
    CHECK(u.copeland[2] == -1);
    CHECK(std::isnan(u.outranking(0, 1)));
    CHECK(rc::copeland_scores(x, vec({1, 1, 2}))[2] == -2);
    const std::string O = "[regind.invalid_input.outranking] ";
    CHECK(throws_id<invalid_input>([&] { (void)rc::outrank(x, vec({1, 1})); }, O + "2 weights for 3 criteria"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::outrank(x, vec({1, -1, 1})); }, O + "weight 2 must be"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::outrank(x, vec({1, 1, 1}), {true}); }, O + "1 inclusion flags"));
}

TEST_CASE("aggregate: a_copeland and a method per group") {
    const auto fw = rc::framework::from_meta(small_meta(false));
    // P = Copeland of (a, b) with weights 1, 3; Q = c; Index = mean of P and Q.
    // u1 (1, 4), u2 (2, 3), u3 (3, 1): b dominates the weight (¾), so the order of P is b's.
    const auto x = mat(3, 3, {1, 4, 10, 2, 3, 20, 3, 1, 30});
    auto specs = rc::node_specs(fw, {rc::aggregate_spec{}});
    specs[3].method = rc::aggregator::copeland;
    const auto out = rc::aggregate_nodes(fw, x, specs);
    CHECK(out(0, 3) == 2);   // u1 beats u2 and u3 on b (¾)
    CHECK(out(1, 3) == 0);
    CHECK(out(2, 3) == -2);
    CHECK(out(0, 5) == near((2 + 10) / 2.0));
    // dat_thresh: u3 with one child of two is left out (½ < 0.6), the others compared alone.
    const auto y = mat(3, 3, {1, 4, 10, 2, 3, 20, NaN, 1, 30});
    specs[3].dat_thresh = 0.6;
    const auto out2 = rc::aggregate_nodes(fw, y, specs);
    CHECK(out2(0, 3) == 1);
    CHECK(out2(1, 3) == -1);
    CHECK(std::isnan(out2(2, 3)));
    // A method per group: P by gmean, Q by amean: √(2·8) = 4.
    auto g = rc::node_specs(fw, {rc::aggregate_spec{}});
    g[3].method = rc::aggregator::gmean;
    const auto out3 = rc::aggregate_nodes(fw, mat(1, 3, {2, 8, 5}), g, vec({1, 1, 1, 1, 1, 1}));
    CHECK(out3(0, 3) == near(4.0));
    CHECK(out3(0, 5) == near(4.5));
    // a_copeland needs the whole data set; spec and count errors.
    rc::weighted_values v;
    v.x = {1, 2};
    v.w = {1, 1};
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate_one(v, rc::aggregate_spec{rc::aggregator::copeland}); },
                                   "[regind.invalid_input.aggregate] a_copeland compares units"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate_nodes(fw, x, std::vector<rc::aggregate_spec>(2)); },
                                   "[regind.invalid_input.aggregate] 2 aggregation specs for 6 framework nodes"));
    CHECK(rc::parse_aggregator("a_copeland") == rc::aggregator::copeland);
    CHECK(rc::to_string(rc::aggregator::copeland) == "a_copeland");
}

TEST_CASE("analysis: correlations and Cronbach's alpha by hand") {
    // x = (1, 2, 3), y = (2, 4, 7): Σdxdy = 5, Σdx² = 2, Σdy² = 114/9.
    const auto m = mat(4, 2, {1, 2, 2, 4, 3, 7, NaN, 1});
    CHECK(rc::correlation(m.col(0), m.col(1)) == near(5 / std::sqrt(2 * 114.0 / 9)));
    CHECK(rc::correlation(m.col(0), m.col(1), rc::corr_method::spearman) == near(1.0));
    // Spearman with a tie: (1, 2, 3, 4) vs (1, 2, 2, 3) → ranks (1, 2, 3, 4) and (1, 2.5, 2.5, 4):
    // dx = (−1.5, −.5, .5, 1.5), dy = (−1.5, 0, 0, 1.5): Σ = 4.5, Σdx² = 5, Σdy² = 4.5.
    CHECK(rc::correlation(vec({1, 2, 3, 4}), vec({1, 2, 2, 3}), rc::corr_method::spearman) ==
          near(4.5 / std::sqrt(5 * 4.5)));
    CHECK(std::isnan(rc::correlation(vec({1, 1, 1}), vec({1, 2, 3}))));
    CHECK(std::isnan(rc::correlation(vec({1, NaN}), vec({1, 2}))));
    const auto c = rc::correlations(m);
    CHECK(c(0, 0) == near(1.0));
    CHECK(c(1, 0) == c(0, 1));
    CHECK(rc::parse_corr_method("spearman") == rc::corr_method::spearman);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_corr_method("kendall"); },
                                   "[regind.invalid_input.correlation] unknown correlation method 'kendall'"));
    CHECK(throws_id<invalid_input>([] { (void)rc::correlation(vec({1, 2}), vec({1})); }, "[regind.invalid_input.shape]"));
    // Cronbach: (1, 2, 3), (2, 3, 4): variances 1, 1, total (3, 5, 7) variance 4 → 2·(1 − 2/4) = 1.
    CHECK(rc::cronbach_alpha(mat(3, 2, {1, 2, 2, 3, 3, 4})) == near(1.0));
    // (1, 2, 3), (1, 3, 2): total (2, 5, 5) variance 3 → 2·(1 − 2/3) = ⅔; the NaN row is dropped.
    CHECK(rc::cronbach_alpha(mat(4, 2, {1, 1, 2, 3, 3, 2, NaN, 7})) == near(2.0 / 3.0));
    // k/(k − 1)·(1 − Σv/V) for 3 items (columns) (1, 2, 3), (2, 2, 4), (3, 5, 4): sample variances
    // 1, 4/3, 1; unit totals (6, 9, 11): mean 26/3, V = (64 + 1 + 49)/9/2 = 57/9.
    CHECK(rc::cronbach_alpha(mat(3, 3, {1, 2, 3, 2, 2, 5, 3, 4, 4})) == near(1.5 * (1 - (1 + 4.0 / 3 + 1) / (57.0 / 9))));
    CHECK(std::isnan(rc::cronbach_alpha(mat(2, 2, {1, NaN, 2, 3}))));
    CHECK(std::isnan(rc::cronbach_alpha(mat(2, 2, {1, -1, 2, -2}))));  // total variance 0
    CHECK(throws_id<invalid_input>([] { (void)rc::cronbach_alpha(mat(2, 1, {1, 2})); },
                                   "[regind.invalid_input.cronbach] Cronbach's alpha needs at least 2 columns"));
}

TEST_CASE("analysis: strengths and weaknesses by direction-adjusted rank, by hand") {
    // Directions 1, −1, 1. Ranks (1 = best): col 1 (10, 20, 30, NaN) → 3, 2, 1, NaN;
    // col 2 −(5, 1, 3, 2) → 4, 1, 3, 2; col 3 (1, 1, 0, 1) → 1, 1, 4, 1. Worst: 3, 4, 4.
    const auto x = mat(4, 3, {10, 5, 1, 20, 1, 1, 30, 3, 0, NaN, 2, 1});
    const auto r = rc::strengths_weaknesses(x, {1, -1, 1}, 2, 2, true);
    CHECK(r.ranks(0, 1) == 4);
    CHECK(r.ranks(2, 2) == 4);
    CHECK(std::isnan(r.ranks(3, 0)));
    using V = std::vector<Eigen::Index>;
    // u1 (3, 4, 1): col 1 and col 2 are its worst-of-all ranks → only col 3 is a strength.
    CHECK(r.strengths[0] == V{2});
    CHECK(r.weaknesses[0] == V{1, 0});
    // u2 (2, 1, 1): ties in framework order; weaknesses worst first.
    CHECK(r.strengths[1] == V{1, 2});
    CHECK(r.weaknesses[1] == V{0, 1});
    CHECK(r.strengths[2] == V{0, 1});
    CHECK(r.weaknesses[2] == V{2, 1});
    CHECK(r.strengths[3] == V{2, 1});  // NaN ignored
    CHECK(r.weaknesses[3] == V{1, 2});
    const auto keep = rc::strengths_weaknesses(x, {1, -1, 1}, 2, 2, false);
    CHECK(keep.strengths[0] == V{2, 0});
    // Without directions, col 2 ranks the other way.
    CHECK(rc::strengths_weaknesses(x, {}, 1, 1, false).strengths[0] == V{1});
    const std::string S = "[regind.invalid_input.str_weak] ";
    CHECK(throws_id<invalid_input>([&] { (void)rc::strengths_weaknesses(x, {}, 0, 1); }, S + "top_n must be between 1 and"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::strengths_weaknesses(x, {}, 1, 4); }, S + "bottom_n must be between"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::strengths_weaknesses(x, {1}, 1, 1); }, S + "1 directions for 3"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::strengths_weaknesses(x, {1, 2, 1}, 1, 1); }, S + "direction 2 must be"));
}

TEST_CASE("analysis: results table layout") {
    // Framework order c, a, b at level 1 (c under Q); the hierarchy shows a, b, c.
    using T = rc::element_type;
    const auto fw = rc::framework::from_meta({row(1, "c", "Q", 1, 1, T::indicator), row(1, "a", "P", 1, 1, T::indicator),
                                              row(1, "b", "P", 1, 1, T::indicator), row(2, "P", "Index", 1, 1, T::aggregate),
                                              row(2, "Q", "Index", 1, 1, T::aggregate),
                                              row(3, "Index", "", 1, 1, T::aggregate)});
    rc::matrix agg = rc::matrix::Zero(4, 6);
    agg.col(5) = vec({37.5, 56.25, 50, NaN});
    const auto l = rc::layout_results(fw, agg, rc::results_type::full);
    using V = std::vector<Eigen::Index>;
    CHECK(l.rows == V{1, 2, 0, 3});
    CHECK(l.columns == V{5, 3, 4, 1, 2, 0});
    CHECK(l.sort_column == 5);
    CHECK(l.rank[0] == 3);
    CHECK(l.rank[1] == 1);
    CHECK(std::isnan(l.rank[3]));
    CHECK(rc::layout_results(fw, agg, rc::results_type::aggregates).columns == V{5, 3, 4});
    CHECK(rc::layout_results(fw, agg, rc::results_type::summary, 3).columns == V{3});
    CHECK(rc::parse_results_type("Aggs") == rc::results_type::aggregates);
    const std::string R = "[regind.invalid_input.results] ";
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_results_type("Summary"); }, R + "unknown tab_type 'Summary'"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::layout_results(fw, rc::matrix(4, 3), rc::results_type::full); },
                                   R + "3 columns for a framework of 6 nodes"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::layout_results(fw, agg, rc::results_type::full, 9); }, R + "order_by 9"));
}

TEST_CASE("impute_panel: latest, constant, linear and linear-constant by hand") {
    // Rows: (1, ·, ·, 4), (·, 2, ·, ·), (·, ·, ·, ·), (·, 5, ·, 9).
    const auto x = mat(4, 4, {1, NaN, NaN, 4, NaN, 2, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 5, NaN, 9});
    auto row_is = [](const rc::matrix& m, Eigen::Index i, std::initializer_list<double> want) {
        Eigen::Index j = 0;
        bool ok = true;
        for (double w : want) {
            const double g = m(i, j++);
            ok = ok && ((std::isnan(w) && std::isnan(g)) || std::fabs(g - w) < 1e-12);
        }
        return ok;
    };
    const auto latest = rc::impute_panel(x, rc::panel_imputer::latest);
    CHECK(row_is(latest, 0, {1, 1, 1, 4}));
    CHECK(row_is(latest, 1, {NaN, 2, 2, 2}));
    CHECK(row_is(latest, 2, {NaN, NaN, NaN, NaN}));
    CHECK(row_is(latest, 3, {NaN, 5, 5, 9}));
    const auto latest1 = rc::impute_panel(x, rc::panel_imputer::latest, {}, 1);
    CHECK(row_is(latest1, 0, {1, 1, NaN, 4}));
    CHECK(row_is(latest1, 1, {NaN, 2, 2, NaN}));
    const auto constant = rc::impute_panel(x, rc::panel_imputer::constant);
    CHECK(row_is(constant, 0, {1, 1, 1, 4}));
    CHECK(row_is(constant, 1, {2, 2, 2, 2}));
    CHECK(row_is(constant, 3, {5, 5, 5, 9}));
    const auto linear = rc::impute_panel(x, rc::panel_imputer::linear);
    CHECK(row_is(linear, 0, {1, 2, 3, 4}));
    CHECK(row_is(linear, 1, {NaN, 2, NaN, NaN}));  // one observation: linear needs two
    CHECK(row_is(linear, 3, {5, 5, 7, 9}));
    // Times 0, 1, 3, 4: 1 + 3·(1/4), 1 + 3·(3/4).
    const auto spaced = rc::impute_panel(x, rc::panel_imputer::linear, {0, 1, 3, 4});
    CHECK(row_is(spaced, 0, {1, 1.75, 3.25, 4}));
    CHECK(row_is(spaced, 3, {5, 5, 5 + 4.0 * 2 / 3, 9}));
    const auto lc = rc::impute_panel(x, rc::panel_imputer::linear_constant);
    CHECK(row_is(lc, 0, {1, 2, 3, 4}));
    CHECK(row_is(lc, 1, {2, 2, 2, 2}));
    CHECK(row_is(lc, 2, {NaN, NaN, NaN, NaN}));
    const std::string P = "[regind.invalid_input.impute_panel] ";
    CHECK(throws_id<invalid_input>([&] { (void)rc::impute_panel(x, rc::panel_imputer::linear, {0, 1}); }, P + "2 times for 4"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::impute_panel(x, rc::panel_imputer::linear, {0, 1, 1, 2}); },
                                   P + "times must be strictly increasing"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::impute_panel(x, rc::panel_imputer::linear, {0, 1, NaN, 2}); },
                                   P + "time 3 is nan"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::impute_panel(x, rc::panel_imputer::latest, {}, -2); },
                                   P + "max_time must be >= 0"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::impute_panel(x, rc::panel_imputer::linear, {}, 2); },
                                   P + "max_time applies to latest only"));
    CHECK(rc::parse_panel_imputer("linear-constant") == rc::panel_imputer::linear_constant);
    CHECK(throws_id<invalid_input>([] { (void)rc::parse_panel_imputer("locf"); }, P + "unknown panel imputation 'locf'"));
}

TEST_CASE("pipeline: weight sets, aggregation by name, per-group methods") {
    auto ci = small_index();
    ci.impute({rc::impute_method::mean, ""});
    ci.normalise();
    ci.aggregate();
    CHECK(ci.weight_set_names() == std::vector<std::string>{"Original"});
    CHECK(ci.weights_named("Original").weights == ci.meta().weights());

    // Equal weights at level 1: a, b, c = 1, the rest iMeta's.
    rc::weight_options eq;
    const auto& e = ci.compute_weights(eq);
    CHECK(e.name == "equal");
    CHECK(e.weights == vec({1, 1, 1, 1, 1, 1}));

    // AHP for P's children: (3/4, 1/4).
    rc::weight_options ahp;
    ahp.method = rc::weight_method::ahp;
    Eigen::MatrixXd m(2, 2);
    m << 1, 3, 1.0 / 3, 1;
    ahp.ahp["P"] = m;
    const auto& wa = ci.compute_weights(ahp);
    CHECK(wa.weights[0] == near(0.75));
    CHECK(wa.weights[1] == near(0.25));
    CHECK(wa.weights[2] == 1.0);  // c alone under Q
    CHECK(wa.details.at("P").at("CR") == 0.0);

    // Aggregating with it: P = ¾ a + ¼ b (normalised u1: a = 0, b = 0 → P = 0; u4: a = 100, b = 100).
    rc::aggregate_options ao;
    ao.weight_set = "ahp";
    ci.aggregate(ao);
    const auto& n = ci.data(rc::stage::normalised);
    const auto& s = ci.data(rc::stage::aggregated);
    for (int i = 0; i < 4; ++i) CHECK(s(i, 3) == near(0.75 * n(i, 0) + 0.25 * n(i, 1)));
    CHECK(ci.aggregation_weights()[0] == near(0.75));
    // Replacing the set the aggregation uses recomputes Aggregated.
    const auto g = ci.generation(rc::stage::aggregated);
    m << 1, 1, 1, 1;
    ahp.ahp["P"] = m;
    (void)ci.compute_weights(ahp);
    CHECK(ci.generation(rc::stage::aggregated) != g);
    CHECK(ci.data(rc::stage::aggregated)(1, 3) == near(0.5 * n(1, 0) + 0.5 * n(1, 1)));

    // Entropy and CRITIC per sibling group read the Normalised data (the kernels on the same columns).
    rc::weight_options en;
    en.method = rc::weight_method::entropy;
    const auto& we = ci.compute_weights(en);
    const VectorXd ke = rc::entropy_weights(n.leftCols(2));
    CHECK(we.weights[0] == near(ke[0]));
    CHECK(we.weights[2] == 1.0);
    rc::weight_options cr;
    cr.method = rc::weight_method::pca;
    cr.dset = rc::stage::raw;  // complete cases of (a, b) on Raw: u1, u2, u4
    const auto& wp = ci.compute_weights(cr);
    CHECK(wp.details.at("P").at("n_complete") == 3);
    // Level 2 reads Aggregated; P and Q under Index.
    rc::weight_options l2;
    l2.method = rc::weight_method::critic;
    l2.level = 2;
    l2.name = "critic2";
    l2.base = "ahp";
    const auto& w2 = ci.compute_weights(l2);
    CHECK(w2.weights[0] == near(0.5));  // from the base set
    CHECK(w2.weights[3] + w2.weights[4] == near(1.0));

    // Manual changes any node.
    rc::weight_options man;
    man.method = rc::weight_method::manual;
    man.values = {{"Q", 4.0}};
    CHECK(ci.compute_weights(man).weights[4] == 4.0);

    // A method per group: Q by Copeland, P by amean.
    rc::aggregate_options bg;
    bg.by_node["Q"] = rc::aggregate_spec{rc::aggregator::copeland};
    ci.aggregate(bg);
    // c normalised: 0, 0, 25, 100; Q = Copeland on c alone, by hand:
    // u1 vs u2 tie (0), u1 < u3, u1 < u4 → −2; u2 the same; u3 beats u1, u2, loses to u4 → 1; u4 → 3.
    const auto& s2 = ci.data(rc::stage::aggregated);
    CHECK(s2(0, 4) == -2);
    CHECK(s2(1, 4) == -2);
    CHECK(s2(2, 4) == 1);
    CHECK(s2(3, 4) == 3);
}

TEST_CASE("pipeline: correlation-balancing weights") {
    auto ci = small_index();
    ci.impute({rc::impute_method::mean, ""});
    ci.normalise();
    ci.aggregate();
    rc::weight_options b;
    b.method = rc::weight_method::balance;
    b.level = 2;
    b.toler = 1e-8;
    b.maxiter = 400;
    const auto& wb = ci.compute_weights(b);
    const auto& d = wb.details.at("");
    CHECK(d.at("objective") <= d.at("objective_start"));
    CHECK(d.at("evaluations") >= 2);
    CHECK(wb.weights[3] + wb.weights[4] == near(1.0));
    CHECK(wb.weights[0] == 1.0);  // other levels: the base
    CHECK_FALSE(wb.status.empty());
    // Balanced: the correlations of P and Q with the index are (nearly) equal.
    CHECK(std::fabs(d.at("r.P") - d.at("r.Q")) < 1e-3);
    rc::weight_options im;
    im.method = rc::weight_method::infomax;
    im.level = 2;
    const auto& wi = ci.compute_weights(im);
    CHECK(wi.details.at("").at("objective") <= wi.details.at("").at("objective_start"));
    // Errors.
    rc::weight_options bad = b;
    bad.level = 3;
    CHECK(throws_id<invalid_input>([&] { (void)ci.compute_weights(bad); }, W + "balance: level must be between 1 and 2"));
    bad = b;
    bad.itarg = {{"a", 1.0}};
    CHECK(throws_id<invalid_input>([&] { (void)ci.compute_weights(bad); }, W + "balance: 'a' is at level 1"));
    bad.itarg = {{"P", -1.0}};
    CHECK(throws_id<invalid_input>([&] { (void)ci.compute_weights(bad); }, W + "balance: the target share of 'P'"));
    bad.itarg = {{"P", 0.0}};
    CHECK(throws_id<invalid_input>([&] { (void)ci.compute_weights(bad); }, W + "balance: the target shares sum to 0"));
    bad = b;
    bad.toler = 0;
    CHECK(throws_id<invalid_input>([&] { (void)ci.compute_weights(bad); }, W + "balance: toler must be"));
    bad = b;
    bad.maxiter = 0;
    CHECK(throws_id<invalid_input>([&] { (void)ci.compute_weights(bad); }, W + "balance: maxiter must be"));
    auto fresh = small_index();
    CHECK(throws_id<invalid_input>([&] { (void)fresh.compute_weights(b); },
                                   "[regind.invalid_input.stage] the Aggregated data set does not exist yet"));
}

TEST_CASE("pipeline: weight and aggregation option errors") {
    auto ci = small_index();
    ci.normalise();
    ci.aggregate();
    auto fails = [&](rc::weight_options o, const std::string& id) {
        return throws_id<invalid_input>([&] { (void)ci.compute_weights(o); }, id);
    };
    rc::weight_options o;
    o.name = "Original";
    CHECK(fails(o, W + "the weight set 'Original' holds the iMeta weights"));
    o = {};
    o.level = 4;
    CHECK(fails(o, W + "equal: level must be between 1 and 3, not 4"));
    o = {};
    o.values = {{"a", 1}};
    CHECK(fails(o, W + "equal: the option values is only used by manual"));
    o = {};
    o.dset = rc::stage::raw;
    CHECK(fails(o, W + "equal: the option dset is only used by pca, entropy and critic"));
    o = {};
    o.critic = rc::critic_correlation::one_minus_abs_r;
    CHECK(fails(o, W + "equal: the option abs_r is only used by critic"));
    o = {};
    o.ahp["P"] = Eigen::MatrixXd::Ones(2, 2);
    CHECK(fails(o, W + "equal: the option matrices is only used by ahp"));
    o = {};
    o.random_index = {0, 0, 1};
    CHECK(fails(o, W + "equal: the option random_index"));
    o = {};
    o.itarg = {{"P", 1}};
    CHECK(fails(o, W + "equal: the option itarg is only used by balance"));
    o = {};
    o.cor = rc::corr_method::spearman;
    CHECK(fails(o, W + "equal: the option cor_method"));
    o = {};
    o.maxiter = 5;
    CHECK(fails(o, W + "equal: the option toler/maxiter"));
    o = {};
    o.base = "nope";
    CHECK(throws_id<key_error>([&] { (void)ci.compute_weights(o); }, "[regind.key_error.composite] unknown weight set 'nope'"));
    o = {};
    o.method = rc::weight_method::manual;
    CHECK(fails(o, W + "manual: give values"));
    o.values = {{"a", -1}};
    CHECK(fails(o, W + "manual: the weight of 'a' must be"));
    o.values = {{"zz", 1}};
    CHECK(throws_id<key_error>([&] { (void)ci.compute_weights(o); }, "[regind.key_error.composite] unknown iCode 'zz'"));
    o = {};
    o.method = rc::weight_method::ahp;
    CHECK(fails(o, W + "ahp: no comparison matrix for the group 'P' (its children a, b)"));
    o.ahp["P"] = Eigen::MatrixXd::Ones(3, 3);
    CHECK(fails(o, W + "ahp: the matrix of 'P' is 3 × 3, but the group has 2 children"));
    Eigen::MatrixXd bad(2, 2);
    bad << 1, 2, 2, 1;
    o.ahp["P"] = bad;
    CHECK(fails(o, W + "ahp (group 'P'): the matrix is not reciprocal"));
    o.ahp["Q"] = Eigen::MatrixXd::Ones(1, 1);
    CHECK(throws_id<key_error>([&] { (void)ci.compute_weights(o); },
                               "[regind.key_error.composite] unknown group of level 1 for ahp 'Q'"));
    o = {};
    o.method = rc::weight_method::entropy;
    o.level = 2;
    o.dset = rc::stage::normalised;
    CHECK(fails(o, W + "entropy: the data of level 2 are aggregates, in the Aggregated data set, not Normalised"));
    o.dset = std::nullopt;
    o.level = 1;
    o.name = "x";
    rc::normalise_options zs;
    zs.global.method = rc::normaliser::zscore;
    ci.normalise(zs);
    CHECK(fails(o, W + "entropy: 'a' has the value -"));  // z-scores are negative
    CHECK(ci.weight_set_names() == std::vector<std::string>{"Original"});
    // PCA loadings may be negative: storing works, aggregating with them fails naming the node.
    auto neg = small_index();
    neg.normalise();
    neg.aggregate();
    rc::weight_options p;
    p.method = rc::weight_method::manual;
    p.name = "neg";
    p.values = {{"b", 0.5}};
    (void)neg.compute_weights(p);
    rc::aggregate_options ao;
    ao.weight_set = "neg";
    neg.aggregate(ao);
    // Replacing it with PCA loadings of raw (a, b) — b = 5 − a on the complete cases, so the
    // loadings are (1, −1)/√2 — fails in the aggregation, naming b, and is rolled back.
    rc::weight_options pc;
    pc.method = rc::weight_method::pca;
    pc.name = "neg";
    pc.dset = rc::stage::raw;
    CHECK(throws_id<invalid_input>([&] { (void)neg.compute_weights(pc); },
                                   "[regind.invalid_input.aggregate] the weight of 'b' must be a finite number >= 0"));
    CHECK(neg.weights_named("neg").method == "manual");
    pc.name = "pca";
    CHECK(neg.compute_weights(pc).weights[1] == near(-1 / std::sqrt(2.0)));  // stored as they are
    // Siblings all weighing 0: P is NaN, not an error.
    p.values = {{"b", 0.0}, {"a", 0.0}};
    (void)neg.compute_weights(p);
    CHECK(std::isnan(neg.data(rc::stage::aggregated)(0, 3)));
    // Aggregation options naming things.
    rc::aggregate_options a1;
    a1.weight_set = "missing";
    CHECK(throws_id<key_error>([&] { ci.aggregate(a1); }, "[regind.key_error.composite] unknown weight set 'missing'"));
    rc::aggregate_options a2;
    a2.by_node["a"] = rc::aggregate_spec{};
    CHECK(throws_id<invalid_input>([&] { ci.aggregate(a2); }, "[regind.invalid_input.aggregate] 'a' is an Indicator"));
    rc::aggregate_options a3;
    a3.by_node["Pp"] = rc::aggregate_spec{};
    CHECK(throws_id<key_error>([&] { ci.aggregate(a3); }, "[regind.key_error.composite] unknown iCode 'Pp'"));
    rc::aggregate_options a4;
    a4.by_node["P"] = rc::aggregate_spec{rc::aggregator::genmean};
    CHECK(throws_id<invalid_input>([&] { ci.aggregate(a4); }, "[regind.invalid_input.aggregate] a_genmean needs"));
}

TEST_CASE("pipeline: strengths, weaknesses and results of the pipeline") {
    auto ci = small_index();
    ci.normalise();
    ci.aggregate();
    // Raw b has direction −1: u4 (b = 1) is best in b.
    const auto sw = ci.strengths_weaknesses(rc::stage::raw, 1, 1, false);
    CHECK(sw.ranks(3, 1) == 1);
    CHECK(sw.ranks(0, 1) == 4);
    CHECK(sw.strengths[3] == std::vector<Eigen::Index>{0});  // a = 4 best, b best too: framework order
    // Normalised data already carry the direction: no second flip.
    const auto sn = ci.strengths_weaknesses(rc::stage::normalised, 1, 1, false);
    CHECK(sn.ranks(3, 1) == 1);
    const auto l = ci.results(rc::results_type::summary);
    CHECK(l.columns == std::vector<Eigen::Index>{5});
    CHECK(l.rows.size() == 4);
    CHECK(throws_id<key_error>([&] { (void)ci.results(rc::results_type::summary, "Indx"); },
                               "[regind.key_error.composite] unknown iCode 'Indx'"));
}

TEST_CASE("weights: optimiser, sibling groups and pipeline accessors, error paths") {
    using T = rc::element_type;
    const auto fw = rc::framework::from_meta(small_meta(false));
    const auto x = mat(4, 3, {1, 4, 10, 2, 3, 20, 3, 1, 15, 4, 2, 30});
    const auto specs = rc::node_specs(fw, {rc::aggregate_spec{}});
    rc::optimise_options o;
    // Sibling groups: the children of each parent, the whole top level.
    const auto g1 = rc::sibling_groups(fw, 1);
    CHECK(g1.size() == 2);
    CHECK(g1[0].parent == 3);
    CHECK(g1[0].nodes == std::vector<Eigen::Index>{0, 1});
    CHECK(rc::sibling_groups(fw, 3).front().parent == -1);
    CHECK(throws_id<invalid_input>([&] { (void)rc::sibling_groups(fw, 0); }, W + "level must be between 1 and 3, not 0"));
    // The optimiser directly: shapes and the framework it needs.
    CHECK(throws_id<invalid_input>([&] { (void)rc::optimise_weights(fw, x, specs, vec({1, 1}), 2, o); },
                                   W + "balance: 2 base weights for 6 nodes"));
    CHECK(throws_id<invalid_input>([&] { (void)rc::optimise_weights(fw, x, specs, vec({1, 1, 1, -1, 1, 1}), 2, o); },
                                   "[regind.invalid_input.aggregate] the weight of 'P' must be"));
    rc::optimise_options sized = o;
    sized.itarg = vec({1, 1, 1});
    CHECK(throws_id<invalid_input>([&] { (void)rc::optimise_weights(fw, x, specs, fw.weights(), 2, sized); },
                                   W + "balance: 3 target shares for 2 nodes at level 2"));
    const auto two_tops = rc::framework::from_meta({row(1, "a", "P", 1, 1, T::indicator), row(1, "b", "Q", 1, 1, T::indicator),
                                                    row(2, "P", "", 1, 1, T::aggregate), row(2, "Q", "", 1, 1, T::aggregate)});
    CHECK(throws_id<invalid_input>(
        [&] {
            (void)rc::optimise_weights(two_tops, mat(3, 2, {1, 2, 2, 1, 3, 3}), rc::node_specs(two_tops, {rc::aggregate_spec{}}),
                                       two_tops.weights(), 1, o);
        },
        W + "balance: the top level must be a single index"));
    const auto chain = rc::framework::from_meta({row(1, "a", "P", 1, 1, T::indicator), row(1, "b", "P", 1, 1, T::indicator),
                                                 row(2, "P", "Index", 1, 1, T::aggregate), row(3, "Index", "", 1, 1, T::aggregate)});
    o.infomax = true;
    CHECK(throws_id<invalid_input>(
        [&] {
            (void)rc::optimise_weights(chain, mat(3, 2, {1, 2, 2, 1, 3, 3}), rc::node_specs(chain, {rc::aggregate_spec{}}),
                                       chain.weights(), 2, o);
        },
        W + "infomax: level 2 has a single node; there is nothing to balance"));
    // Aggregation errors during the evaluations surface as they are.
    auto gm = specs;
    gm[3].method = rc::aggregator::gmean;
    CHECK(throws_id<invalid_input>(
        [&] { (void)rc::optimise_weights(fw, mat(2, 3, {0, 1, 1, 1, 2, 2}), gm, fw.weights(), 1, o); },
        "[regind.invalid_input.aggregate] a_gmean needs values > 0"));
    // Infomax at level 1 by hand: with P = a alone (b's weight 0) or b alone, the sum of the
    // correlations only grows; the result never scores worse than the start.
    const auto r = rc::optimise_weights(fw, x, specs, fw.weights(), 1, o);
    CHECK(r.objective <= r.objective_start);
    CHECK(r.weights[0] + r.weights[1] == near(1.0));
    CHECK(r.weights[2] == near(1.0));  // c alone under Q, rescaled to 1
    CHECK(r.correlations.size() == 3);
    // aggregate_nodes checks the indicator columns too.
    CHECK(throws_id<invalid_input>([&] { (void)rc::aggregate_nodes(fw, rc::matrix(1, 2), specs); },
                                   "[regind.invalid_input.aggregate] 2 indicator columns for a framework of 3"));
    // The pipeline's aggregation settings exist only after aggregate().
    auto ci = small_index();
    CHECK_FALSE(ci.aggregation_options().has_value());
    CHECK(throws_id<invalid_input>([&] { (void)ci.aggregation_weights(); },
                                   "[regind.invalid_input.stage] the Aggregated data set does not exist yet"));
    CHECK(throws_id<invalid_input>([&] { (void)ci.aggregation_specs(); },
                                   "[regind.invalid_input.stage] the Aggregated data set does not exist yet"));
    rc::aggregate_options ao;
    ao.by_node["Q"] = rc::aggregate_spec{rc::aggregator::median};
    ci.aggregate(ao);
    CHECK(ci.aggregation_options()->by_node.count("Q") == 1);
    CHECK(ci.aggregation_specs()[4].method == rc::aggregator::median);
    CHECK(ci.aggregation_specs()[3].method == rc::aggregator::amean);
    CHECK(ci.aggregation_weights() == ci.meta().weights());
}
