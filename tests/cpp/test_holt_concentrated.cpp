// SPDX-License-Identifier: MIT
// The initial states concentrated out of the smoothing SSE (detail::concentrate_states): the
// one-step errors are affine in (l0, b0) for fixed α, β, φ, so the best states are a small
// least-squares solve. Checked by hand arithmetic and against the direct recursion.
#include <doctest/doctest.h>

#include <initializer_list>
#include <vector>

#include "regind/detail/projection_smoothing.hpp"

namespace d = regind::detail;

namespace {
const d::state_box wide{-1e6, 1e6, -1e6, 1e6};

d::smoothing_params params(double alpha, double beta, double phi) {
    d::smoothing_params p;
    p.alpha = alpha;
    p.beta = beta;
    p.phi = phi;
    return p;
}
}  // namespace

TEST_CASE("concentrated states: SES by hand") {
    // y = [2, 4], α = 0.5: e1 = 2 − l0, l1 = 1 + l0/2, e2 = 3 − l0/2.
    // SSE = (2 − l0)² + (3 − l0/2)², minimal at l0 = 7/2.5 = 2.8 with SSE 0.64 + 2.56 = 3.2.
    const double y[] = {2.0, 4.0};
    const auto cs = d::concentrate_states(y, 2, false, params(0.5, 0.0, 1.0), true, false, wide);
    CHECK(cs.l0 == doctest::Approx(2.8).epsilon(1e-14));
    CHECK(cs.sse == doctest::Approx(3.2).epsilon(1e-14));
    CHECK(cs.b0 == 0.0);
    CHECK_FALSE(cs.at_bound);

    // A box [3, 10] for l0 clamps to 3: SSE = 1 + 1.5² = 3.25.
    const auto clamped = d::concentrate_states(y, 2, false, params(0.5, 0.0, 1.0), true, false, {3.0, 10.0, 0.0, 0.0});
    CHECK(clamped.l0 == 3.0);
    CHECK(clamped.sse == doctest::Approx(3.25).epsilon(1e-14));
    CHECK(clamped.at_bound);
}

TEST_CASE("concentrated states: Holt by hand, exact fit") {
    // y = [1, 2, 3, 4] is a straight line: l0 = 0, b0 = 1 gives zero errors for any α, β.
    const double y[] = {1.0, 2.0, 3.0, 4.0};
    const auto cs = d::concentrate_states(y, 4, true, params(0.3, 0.1, 1.0), true, true, wide);
    CHECK(cs.l0 == doctest::Approx(0.0).epsilon(1e-12).scale(1.0));
    CHECK(cs.b0 == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(cs.sse < 1e-20);
}

TEST_CASE("concentrated states agree with the direct recursion and minimise it") {
    const std::vector<double> y{103.1, 108.4, 112.0, 119.7, 124.2, 131.9, 133.5, 142.8, 150.1, 151.6, 160.4, 169.0};
    const auto n = y.size();
    for (const double phi : {1.0, 0.9}) {
        for (const double alpha : {0.05, 0.4, 0.95}) {
            const auto p = params(alpha, 0.3 * alpha, phi);
            const auto cs = d::concentrate_states(y.data(), n, true, p, true, true, wide);
            auto q = p;
            q.l0 = cs.l0;
            q.b0 = cs.b0;
            const double direct = d::smoothing_sse(y.data(), n, true, q);
            CHECK(cs.sse == doctest::Approx(direct).epsilon(1e-10));
            // A minimum: every nearby pair of states gives a larger SSE.
            for (const double dl : {-1e-3, 0.0, 1e-3})
                for (const double db : {-1e-3, 0.0, 1e-3}) {
                    if (dl == 0.0 && db == 0.0) continue;
                    auto r = q;
                    r.l0 += dl;
                    r.b0 += db;
                    CHECK(d::smoothing_sse(y.data(), n, true, r) > direct);
                }
            // One state fixed: b0 = 2 given, l0 concentrated.
            auto fixed_b = p;
            fixed_b.b0 = 2.0;
            const auto cl = d::concentrate_states(y.data(), n, true, fixed_b, true, false, wide);
            CHECK(cl.b0 == 2.0);
            auto s = fixed_b;
            s.l0 = cl.l0;
            CHECK(cl.sse == doctest::Approx(d::smoothing_sse(y.data(), n, true, s)).epsilon(1e-10));
            for (const double dl : {-1e-3, 1e-3}) {
                auto r = s;
                r.l0 += dl;
                CHECK(d::smoothing_sse(y.data(), n, true, r) > cl.sse);
            }
        }
    }
}

TEST_CASE("estimated states alone are one least-squares solve") {
    Eigen::VectorXd y(6);
    y << 2.0, 4.0, 3.0, 6.0, 5.0, 8.0;
    d::smoothing_problem pr;
    pr.trend = true;
    pr.alpha = 0.5;
    pr.beta_star = 0.2;
    pr.beta_free_in_r_form = false;
    const auto est = d::estimate_smoothing(y, pr);
    CHECK(est.evaluations == 1);
    CHECK(est.free_count == 2);
    CHECK(est.converged);
    const double best = d::smoothing_sse(y.data(), 6, true, est.params);
    for (const double dl : {-1e-4, 1e-4})
        for (const double db : {-1e-4, 1e-4}) {
            auto r = est.params;
            r.l0 += dl;
            r.b0 += db;
            CHECK(d::smoothing_sse(y.data(), 6, true, r) > best);
        }
}
