// SPDX-License-Identifier: MIT
// Projections (REFERENCE-METHODS C1–C7). Expected values are hand arithmetic written here, or
// numbers quoted in REFERENCE-METHODS.md from R forecast::ets and statsmodels' own tests
// (statsmodels/tsa/tests/results/fit_ets_results_nonseasonal.json,
// statsmodels/tsa/holtwinters/tests/test_holtwinters.py).
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "regind/projection.hpp"

using regind::projection_method;
using regind::projection_options;
using regind::projection_status;

namespace {

Eigen::VectorXd vec(std::initializer_list<double> xs) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(xs.size()));
    Eigen::Index i = 0;
    for (double x : xs) v[i++] = x;
    return v;
}

bool close(double a, double b, double rtol, double atol = 0.0) { return std::abs(a - b) <= atol + rtol * std::abs(b); }

// The message of the invalid_input that f throws ("" when none).
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const regind::invalid_input& e) {
        return e.what();
    }
    return "";
}
bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

projection_options opts(projection_method m, int horizon = 1) {
    projection_options o;
    o.method = m;
    o.horizon = horizon;
    return o;
}

const double nan_v = std::numeric_limits<double>::quiet_NaN();

// fpp2 oildata, 1965–2013 (as typed in statsmodels' test_exponential_smoothing.py).
Eigen::VectorXd oildata() {
    return vec({111.0091346, 130.8284341, 141.2870879, 154.2277747, 162.7408654, 192.1664835, 240.7997253,
                304.2173901, 384.0045673, 429.6621566, 359.3169299, 437.2518544, 468.4007898, 424.4353365,
                487.9794299, 509.8284478, 506.3472527, 340.1842374, 240.2589210, 219.0327876, 172.0746632,
                252.5900922, 221.0710774, 276.5187735, 271.1479517, 342.6186005, 428.3558357, 442.3945534,
                432.7851482, 437.2497186, 437.2091599, 445.3640981, 453.1950104, 454.4096410, 422.3789058,
                456.0371217, 440.3866047, 425.1943725, 486.2051735, 500.4290861, 521.2759092, 508.9476170,
                488.8888577, 509.8705750, 456.7229123, 473.8166029, 525.9508706, 549.8338076, 542.3404698});
}
// fpp oil, 1996–2007 (statsmodels' test_holtwinters.py).
Eigen::VectorXd oil_1996() {
    return vec({446.6565229, 454.4733065, 455.6629740, 423.6322388, 456.2713279, 440.5880501, 425.3325201,
                485.1494479, 506.0481621, 526.7919833, 514.2688890, 494.2110193});
}
// fpp ausair, 1990–2004.
Eigen::VectorXd ausair() {
    return vec({17.5534, 21.8601, 23.8866, 26.9293, 26.8885, 28.8314, 30.0751, 30.9535, 30.1857, 31.5797, 32.577569,
                33.477398, 39.021581, 41.386432, 41.596552});
}
// fpp livestock, 1970–2000.
Eigen::VectorXd livestock() {
    return vec({263.917747, 268.307222, 260.662556, 266.639419, 277.515778, 283.834045, 290.309028, 292.474198,
                300.830694, 309.286657, 318.331081, 329.37239,  338.883998, 339.244126, 328.600632, 314.255385,
                314.459695, 321.413779, 329.789292, 346.385165, 352.297882, 348.370515, 417.562922, 417.12357,
                417.749459, 412.233904, 411.946817, 394.697075, 401.49927,  408.270468, 414.2428});
}

}  // namespace

TEST_CASE("projection C2: log-linear trend of [100, 108, 117, 125, 136, 146]") {
    const auto p = regind::project(vec({100, 108, 117, 125, 136, 146}), opts(projection_method::loglinear, 2));
    REQUIRE(p.status == projection_status::ok);
    CHECK(close(p.param("slope"), 0.075711, 0, 5e-7));
    CHECK(close(p.param("trend_growth"), 0.078651, 0, 5e-7));  // 7.8651 %/period
    CHECK(p.method == projection_method::loglinear);
    CHECK(p.distribution == regind::forecast_distribution::log_student_t);
    CHECK(p.df == 4.0);
    // Back-transforms (C2): median = exp(ẑ), mean = exp(ẑ + se²/2), Taylor = exp(ẑ)(1 + se²/2).
    for (int h = 0; h < 2; ++h) {
        const double z = p.loc[h], se = p.scale[h];
        CHECK(close(p.median[h], std::exp(z), 1e-15));
        CHECK(close(p.mean[h], std::exp(z + se * se / 2), 1e-15));
        CHECK(close(p.mean_taylor[h], std::exp(z) * (1 + se * se / 2), 1e-15));
        CHECK(p.mean[h] > p.mean_taylor[h]);  // e^x > 1 + x
        CHECK(p.lower[h] < p.median[h]);
        CHECK(p.median[h] < p.upper[h]);
    }
    CHECK(p.periods[0] == 6.0);
    CHECK(p.periods[1] == 7.0);
    // The median at the last step is the fit there: exp(â + b̂·7), â = z̄ − b̂·2.5.
    double zbar = 0;
    for (double y : {100, 108, 117, 125, 136, 146}) zbar += std::log(y) / 6;
    CHECK(close(p.median[1], std::exp(zbar + p.param("slope") * (7 - 2.5)), 1e-13));
    CHECK(close(p.param("intercept"), zbar - p.param("slope") * 2.5, 1e-13));
    // C6, analytic: at the median the probability is exactly one half.
    CHECK(close(p.prob_at_least(p.median[1]), 0.5, 1e-12));
    CHECK(close(p.prob_at_least(p.upper[1]), 0.025, 1e-9));
    CHECK(close(p.prob_at_least(p.lower[0], 0), 0.975, 1e-9));
    CHECK(p.prob_at_least(0.0) == 1.0);  // a log-normal-type value is positive
    CHECK(p.prob_at_least(-5.0) == 1.0);
    CHECK(p.prob_at_least(std::numeric_limits<double>::infinity()) == 0.0);
}

TEST_CASE("projection C2: linear trend by hand") {
    // t = 0..4, y = [1, 3, 2, 5, 4]: t̄ = 2, ȳ = 3, Sxy = 8, Sxx = 10 → b = 0.8, a = 1.4;
    // residuals −0.4, 0.8, −1, 1.2, −0.6 → SSE = 3.6, s² = 1.2; at t0 = 5: ŷ = 5.4,
    // se_pred² = 1.2·(1 + 1/5 + 9/10) = 2.52; t(3, 0.975) = 3.1824463052837078 (scipy.stats.t.ppf).
    const auto p = regind::project(vec({1, 3, 2, 5, 4}), opts(projection_method::linear, 2));
    REQUIRE(p.status == projection_status::ok);
    CHECK(close(p.param("slope"), 0.8, 1e-14));
    CHECK(close(p.param("intercept"), 1.4, 1e-14));
    CHECK(close(p.param("sigma2"), 1.2, 1e-14));
    CHECK(p.param("df") == 3.0);
    CHECK(close(p.mean[0], 5.4, 1e-14));
    const double half = 3.1824463052837078 * std::sqrt(2.52);
    CHECK(close(p.lower[0], 5.4 - half, 1e-13));
    CHECK(close(p.upper[0], 5.4 + half, 1e-13));
    // t0 = 6: ŷ = 6.2, se² = 1.2·(1 + 0.2 + 16/10) = 3.36.
    CHECK(close(p.mean[1], 6.2, 1e-14));
    CHECK(close(p.upper[1] - p.mean[1], 3.1824463052837078 * std::sqrt(3.36), 1e-13));
    CHECK(p.median[1] == p.mean[1]);
    const double fitted[] = {1.4, 2.2, 3.0, 3.8, 4.6}, resid[] = {-0.4, 0.8, -1.0, 1.2, -0.6};
    for (int i = 0; i < 5; ++i) {
        CHECK(close(p.fitted[i], fitted[i], 1e-14));
        CHECK(close(p.residuals[i], resid[i], 1e-13));
    }
    CHECK(close(p.prob_at_least(5.4, 0), 0.5, 1e-14));
    CHECK(close(p.prob_at_least(5.4 + half, 0), 0.025, 1e-10));
    CHECK(close(p.prob_at_least(5.4 - half, -2), 0.975, 1e-10));
    // Calendar periods: same fit shifted to 2017..2021, projected to 2022.
    const auto q = regind::project(vec({1, 3, 2, 5, 4}), vec({2017, 2018, 2019, 2020, 2021}),
                                   opts(projection_method::linear, 1));
    CHECK(q.periods[0] == 2022.0);
    CHECK(close(q.mean[0], 5.4, 1e-12));
    CHECK(close(q.upper[0], 5.4 + half, 1e-12));
    CHECK(close(q.param("intercept"), 1.4 - 0.8 * 2017, 1e-12));
}

TEST_CASE("projection C1: cagr over the calendar span") {
    // 100 → 161.051 over 2016..2021 is 10 % a year; the next two years are 177.1561 and 194.87171.
    const auto p = regind::project(vec({100, 120, 161.051}), vec({2016, 2019, 2021}), opts(projection_method::cagr, 2));
    REQUIRE(p.status == projection_status::ok);
    CHECK(close(p.param("cagr"), 0.1, 1e-13));
    CHECK(p.param("span") == 5.0);
    CHECK(close(p.mean[0], 177.1561, 1e-13));
    CHECK(close(p.mean[1], 194.87171, 1e-13));
    CHECK(p.median[0] == p.mean[0]);
    CHECK(std::isnan(p.lower[0]));
    CHECK(std::isnan(p.upper[1]));
    CHECK(p.distribution == regind::forecast_distribution::none);
    CHECK(std::isnan(p.prob_at_least(150.0)));  // no distribution (C6)
    CHECK(close(p.fitted[1], 133.1, 1e-13));    // 100·1.1³ in 2019
    CHECK(close(p.residuals[1], 120 - 133.1, 1e-12));
    // Default periods 0..n−1: two points, one step apart.
    const auto q = regind::project(vec({100, 110}), opts(projection_method::cagr, 2));
    CHECK(close(q.param("cagr"), 0.1, 1e-14));
    CHECK(close(q.mean[1], 133.1, 1e-13));
    // step = 0.5: half a period per horizon step, 110·1.1^0.5 and 110·1.1.
    auto o = opts(projection_method::cagr, 2);
    o.step = 0.5;
    const auto s = regind::project(vec({100, 110}), o);
    CHECK(s.periods[0] == 1.5);
    CHECK(close(s.mean[0], 110 * std::sqrt(1.1), 1e-13));
    CHECK(close(s.mean[1], 121, 1e-13));
}

TEST_CASE("projection C3: ausair Holt, alpha 0.8, beta* 0.2, legacy initial states") {
    auto o = opts(projection_method::holt, 5);
    o.alpha = 0.8;
    o.beta = 0.2;  // holt: statsmodels' component form β*
    o.initialization = regind::smoothing_init::legacy;
    const auto p = regind::project(ausair(), o);
    REQUIRE(p.status == projection_status::ok);
    const double fc[] = {43.76, 45.59, 47.43, 49.27, 51.10};  // test_holt, to 2 decimals
    for (int h = 0; h < 5; ++h) CHECK(close(p.mean[h], fc[h], 0, 0.006));
    // statsmodels' fit1.trend (4 decimals): b_1..b_3 and b_15.
    CHECK(close(p.states(1, 1), 3.617628, 0, 1e-6));
    CHECK(close(p.states(2, 1), 3.59006512, 0, 1e-6));
    CHECK(close(p.states(3, 1), 3.33438212, 0, 1e-6));
    CHECK(close(p.states(15, 1), 1.83655482, 0, 1e-6));
    // fittedfcast: one-step forecasts 21.8601, 22.032368, 25.48461872, …, 43.21586036.
    CHECK(close(p.fitted[0], 21.8601, 0, 1e-9));
    CHECK(close(p.fitted[1], 22.032368, 0, 1e-6));
    CHECK(close(p.fitted[2], 25.48461872, 0, 1e-6));
    CHECK(close(p.fitted[14], 43.21586036, 0, 1e-6));
    CHECK(close(p.param("beta_r"), 0.16, 1e-15));  // 0.8 · 0.2
    CHECK(p.param("beta_star") == 0.2);
    CHECK(p.param("beta") == 0.2);
    CHECK(p.param("phi") == 1.0);
    CHECK(p.param("k") == 2.0);  // the legacy states come from the data
    CHECK(p.model == regind::ets_model::AAN);
}

TEST_CASE("projection C3: oil SES (ets ANN), alpha 0.2, l0 = y1") {
    auto o = opts(projection_method::ets, 1);
    o.model = regind::ets_model::ANN;
    o.alpha = 0.2;
    o.initial_level = oil_1996()[0];
    const auto p = regind::project(oil_1996(), o);
    REQUIRE(p.status == projection_status::ok);
    // Fitted values are the previous levels: l1 = y1, l2 = 448.219880, l3 = 449.708498.
    CHECK(close(p.fitted[1], 446.656523, 0, 1e-6));
    CHECK(close(p.fitted[2], 448.219880, 0, 1e-6));
    CHECK(close(p.fitted[3], 449.708498, 0, 1e-6));
    CHECK(close(p.mean[0], 484.802468, 0, 1e-6));
    CHECK(p.states.cols() == 1);
    CHECK(!p.has_param("beta"));
}

TEST_CASE("projection C3: livestock AAdN in R's convention") {
    auto o = opts(projection_method::damped_holt, 3);
    o.alpha = 0.97402626;
    o.beta_r = 0.00010006;
    o.phi = 0.98;
    o.initial_level = 252.59039965;
    o.initial_trend = 6.90265918;
    const auto p = regind::project(livestock(), o);
    REQUIRE(p.status == projection_status::ok);
    CHECK(close(p.states(1, 0), 263.799236, 0, 1e-6));
    CHECK(close(p.states(1, 1), 6.765063, 0, 1e-6));
    CHECK(close(p.mean[0], 417.7982, 0, 1e-4));
    CHECK(close(p.mean[1], 421.3426, 0, 1e-4));
    CHECK(close(p.mean[2], 424.8161, 0, 1e-4));
    CHECK(close(p.param("mse"), 195.4397924865, 0, 1e-3));
    CHECK(close(p.param("beta_star"), 0.00010006 / 0.97402626, 1e-14));
    // The same numbers through ets AAdN, whose beta is R's.
    auto e = o;
    e.method = projection_method::ets;
    e.model = regind::ets_model::AAdN;
    e.beta_r.reset();
    e.beta = 0.00010006;
    const auto q = regind::project(livestock(), e);
    for (int h = 0; h < 3; ++h) CHECK(close(q.mean[h], p.mean[h], 1e-14));
    // Mixing the conventions (R's β plugged in as β*) is a silent error (C3): MSE 195.4393.
    auto mixed = o;
    mixed.beta_r.reset();
    mixed.beta_star = 0.00010006;
    const auto m = regind::project(livestock(), mixed);
    CHECK(close(m.param("mse"), 195.4393, 0, 1e-4));
    CHECK(std::abs(m.param("mse") - p.param("mse")) > 2e-4);
}

TEST_CASE("projection C3/C4: oildata AAN and AAdN with R's parameters") {
    auto aan = opts(projection_method::ets, 4);
    aan.model = regind::ets_model::AAN;
    aan.alpha = 0.99770564;
    aan.beta = 0.0001001;
    aan.initial_level = 21.3150686;
    aan.initial_trend = 11.71213626;
    const auto p = regind::project(oildata(), aan);
    REQUIRE(p.status == projection_status::ok);
    const double fc[] = {554.091265, 565.798068, 577.504872, 589.211675};
    for (int h = 0; h < 4; ++h) CHECK(close(p.mean[h], fc[h], 0, 1e-5));
    CHECK(close(p.fitted[0], 33.027205, 0, 1e-6));
    CHECK(close(p.param("sigma2"), 2571.94346, 0, 1e-4));  // k = 4
    CHECK(p.param("k") == 4.0);
    // Intervals: mean ± z·sqrt(σ²·(1 + (h−1)(α² + αβh + β²h(2h−1)/6))), z = 1.959963984540054.
    const double a = 0.99770564, b = 0.0001001, s2 = p.param("sigma2"), z = 1.959963984540054;
    for (int h = 1; h <= 4; ++h) {
        const double v = 1 + (h - 1) * (a * a + a * b * h + b * b * h * (2.0 * h - 1) / 6);
        CHECK(close(p.upper[h - 1], p.mean[h - 1] + z * std::sqrt(s2 * v), 1e-12));
        CHECK(close(p.lower[h - 1], p.mean[h - 1] - z * std::sqrt(s2 * v), 1e-12));
    }
    CHECK(p.distribution == regind::forecast_distribution::normal);
    CHECK(close(p.prob_at_least(p.mean[3]), 0.5, 1e-12));
    CHECK(close(p.prob_at_least(p.upper[3]), 0.025, 1e-9));

    auto aadn = opts(projection_method::ets, 4);
    aadn.model = regind::ets_model::AAdN;
    aadn.alpha = 0.99989969;
    aadn.beta = 0.11886985;
    aadn.phi = 0.80000197;
    aadn.initial_level = 36.46466837;
    aadn.initial_trend = 34.72584983;
    const auto d = regind::project(oildata(), aadn);
    const double fd[] = {545.352136, 547.760450, 549.687105, 551.228434};
    for (int h = 0; h < 4; ++h) CHECK(close(d.mean[h], fd[h], 0, 1e-5));
    CHECK(close(d.param("sigma2"), 2524.87916, 0, 1e-4));  // k = 5
    CHECK(close(d.fitted[0], 64.24541648, 0, 1e-6));      // R's first fitted value (json)
}

TEST_CASE("projection C4: ETS relative forecast variance") {
    using regind::ets_model;
    CHECK(close(regind::ets_relative_variance(ets_model::AAdN, 0.5, 0.1, 0.9, 2), 1.3481, 1e-13));
    CHECK(close(regind::ets_relative_variance(ets_model::AAdN, 0.5, 0.1, 0.9, 10), 7.681554, 0, 5e-7));
    CHECK(regind::ets_relative_variance(ets_model::AAdN, 0.5, 0.1, 0.9, 1) == 1.0);
    // ANN: 1 + α²(h − 1); AAN at h = 2: 1 + (α + β)² = 1.36 for α = 0.5, β = 0.1.
    CHECK(close(regind::ets_relative_variance(ets_model::ANN, 0.5, 0, 1, 3), 1.5, 1e-15));
    CHECK(close(regind::ets_relative_variance(ets_model::AAN, 0.5, 0.1, 1, 2), 1.36, 1e-14));
    // The closed forms against the general sum 1 + Σ c_j², c_j = α + β(φ + … + φ^j).
    for (int h = 1; h <= 12; ++h) {
        double v = 1, ds = 0, pw = 1;
        for (int j = 1; j < h; ++j) {
            pw *= 0.9;
            ds += pw;
            v += (0.5 + 0.1 * ds) * (0.5 + 0.1 * ds);
        }
        CHECK(close(regind::ets_relative_variance(ets_model::AAdN, 0.5, 0.1, 0.9, h), v, 1e-12));
        double w = 1;
        for (int j = 1; j < h; ++j) w += (0.3 + 0.05 * j) * (0.3 + 0.05 * j);
        CHECK(close(regind::ets_relative_variance(ets_model::AAN, 0.3, 0.05, 1, h), w, 1e-12));
    }
    // AAdN tends to AAN as φ → 1 (statsmodels test_exact_prediction_intervals).
    CHECK(close(regind::ets_relative_variance(ets_model::AAdN, 0.5, 0.1, 0.99999, 10),
                regind::ets_relative_variance(ets_model::AAN, 0.5, 0.1, 1, 10), 1e-4));
    CHECK(starts_with(error_of([] { (void)regind::ets_relative_variance(ets_model::AAN, 0.5, 0.1, 1, 0); }),
                      "[regind.invalid_input.horizon]"));
}

TEST_CASE("projection C5: simulation with R's innovations and Monte Carlo checks") {
    auto aan = opts(projection_method::ets, 4);
    aan.model = regind::ets_model::AAN;
    aan.alpha = 0.99770564;
    aan.beta = 0.0001001;
    aan.initial_level = 21.3150686;
    aan.initial_trend = 11.71213626;
    const auto p = regind::project(oildata(), aan);
    regind::row_matrix innov(1, 4);
    innov << 1.76405235, 0.40015721, 0.97873798, 2.2408932;
    const auto path = p.simulate_with(innov);
    const double expect[] = {555.855317, 567.958407, 580.643247, 594.589013};
    for (int h = 0; h < 4; ++h) CHECK(close(path(0, h), expect[h], 1e-5, 1e-5));

    // Seeded paths reproduce; their frequencies match the analytic probabilities (C6) within
    // 4 Monte Carlo standard errors sqrt(p(1 − p)/N).
    const std::size_t N = 20000;
    const auto sims = p.simulate(N, 12345);
    CHECK(sims == p.simulate(N, 12345));
    CHECK(sims != p.simulate(N, 12346));
    for (int h : {0, 3}) {
        for (double thr : {p.mean[h], p.upper[h], p.lower[h], p.mean[h] + 40.0}) {
            const double analytic = p.prob_at_least(thr, h);
            double hits = 0;
            for (Eigen::Index r = 0; r < sims.rows(); ++r) hits += sims(r, h) >= thr ? 1.0 : 0.0;
            const double freq = hits / N, se = std::sqrt(analytic * (1 - analytic) / N);
            CHECK(std::abs(freq - analytic) <= 4 * se + 1e-12);
        }
        // The simulated variance matches σ_h² (relative error of a variance estimate ~ sqrt(2/N)).
        const double m = sims.col(h).mean();
        const double var = (sims.col(h).array() - m).square().sum() / (N - 1);
        CHECK(std::abs(var / (p.scale[h] * p.scale[h]) - 1) < 5 * std::sqrt(2.0 / N));
    }
    CHECK(starts_with(error_of([&] { (void)p.simulate(0, 1); }), "[regind.invalid_input.simulate]"));
    regind::row_matrix bad(1, 3);
    bad.setZero();
    CHECK(starts_with(error_of([&] { (void)p.simulate_with(bad); }), "[regind.invalid_input.simulate]"));
    regind::row_matrix nonfinite(1, 4);
    nonfinite << 0, nan_v, 0, 0;
    CHECK(starts_with(error_of([&] { (void)p.simulate_with(nonfinite); }), "[regind.invalid_input.simulate]"));
    const auto lin = regind::project(vec({1, 2, 4}), opts(projection_method::linear));
    CHECK(starts_with(error_of([&] { (void)lin.simulate(10, 1); }), "[regind.invalid_input.simulate]"));
    // With zero innovations the path is the point forecast.
    regind::row_matrix zero = regind::row_matrix::Zero(2, 4);
    const auto flat = p.simulate_with(zero);
    for (int h = 0; h < 4; ++h) CHECK(close(flat(1, h), p.mean[h], 1e-14));
}

TEST_CASE("projection ETS estimated by maximum likelihood reaches R's likelihood") {
    // R's loglik = −n/2·ln(SSE) (fit_ets_results_nonseasonal.json); statsmodels' tests accept
    // a fit whose loglik ≥ R's − 1e-4. Ours is the full Gaussian loglik at σ² = SSE/n, so R's
    // is ours minus −n/2·(ln(2π/n) + 1).
    const double n = 49, shift = -n / 2 * (std::log(2 * 3.14159265358979323846 / n) + 1);
    struct {
        regind::ets_model m;
        double r_loglik;
    } cases[] = {{regind::ets_model::ANN, -285.07846207},
                 {regind::ets_model::AAN, -285.64745013},
                 {regind::ets_model::AAdN, -284.64438385}};
    for (const auto& c : cases) {
        auto o = opts(projection_method::ets, 4);
        o.model = c.m;
        const auto p = regind::project(oildata(), o);
        REQUIRE(p.status == projection_status::ok);
        CHECK(p.param("loglik") - shift >= c.r_loglik - 1e-4);
        CHECK(p.param("alpha") >= 1e-4);
        CHECK(p.param("alpha") <= 0.9999);
        if (c.m != regind::ets_model::ANN) {
            CHECK(p.param("beta") >= 1e-4 * (1 - 1e-12));
            CHECK(p.param("beta") <= p.param("alpha"));
        }
        if (c.m == regind::ets_model::AAdN) {
            CHECK(p.param("phi") >= 0.8);
            CHECK(p.param("phi") <= 0.98);
        }
        // σ² = SSE/(n − k) with k = all parameters incl. initial states.
        const double k = c.m == regind::ets_model::ANN ? 2 : (c.m == regind::ets_model::AAN ? 4 : 5);
        CHECK(close(p.param("sigma2"), p.param("sse") / (n - k), 1e-14));
    }
    // ANN: R's α sits on the bound 0.9999 with l0 = 110.88321179; the likelihood is flat in l0
    // there, so compare the forecast (R: 542.34121919) loosely.
    auto o = opts(projection_method::ets, 1);
    o.model = regind::ets_model::ANN;
    const auto ann = regind::project(oildata(), o);
    CHECK(close(ann.mean[0], 542.34121919, 1e-3));
}

TEST_CASE("projection holt: estimated, legacy and partially fixed") {
    const auto y = livestock();
    const auto est = regind::project(y, opts(projection_method::damped_holt, 3));
    REQUIRE(est.status == projection_status::ok);
    CHECK(est.param("phi") >= 0.8);
    CHECK(est.param("phi") <= 0.98);
    CHECK(est.param("k") == 5.0);
    // The SSE minimum is no worse than at R's parameters (MSE 195.4398 with φ = 0.98).
    CHECK(est.param("mse") <= 195.4398);
    // Fixing α only: β*, l0 and b0 are estimated, k = 3.
    auto o = opts(projection_method::holt, 2);
    o.alpha = 0.5;
    const auto part = regind::project(y, o);
    CHECK(part.param("alpha") == 0.5);
    CHECK(part.param("k") == 3.0);
    // Everything fixed: σ² = SSE/n.
    auto f = opts(projection_method::holt, 2);
    f.alpha = 0.5;
    f.beta_star = 0.3;
    f.initial_level = 260;
    f.initial_trend = 5;
    const auto fixed = regind::project(y, f);
    CHECK(fixed.param("k") == 0.0);
    CHECK(close(fixed.param("sigma2"), fixed.param("mse"), 1e-15));
    // beta_r converts: β* = 0.15/0.5 = 0.3 gives the same fit.
    auto g = f;
    g.beta_star.reset();
    g.beta_r = 0.15;
    const auto conv = regind::project(y, g);
    CHECK(close(conv.mean[1], fixed.mean[1], 1e-14));
    CHECK(regind::beta_r_from_star(0.5, 0.3) == 0.15);
    CHECK(close(regind::beta_star_from_r(0.5, 0.15), 0.3, 1e-15));
    CHECK(std::isnan(regind::beta_star_from_r(0.0, 0.1)));
    // A constant series is not estimated: flat forecast, zero variance.
    const auto c = regind::project(vec({5, 5, 5, 5, 5, 5, 5, 5, 5, 5}), opts(projection_method::holt, 2));
    REQUIRE(c.status == projection_status::ok);
    CHECK(c.mean[1] == 5.0);
    CHECK(c.lower[1] == 5.0);
    CHECK(c.prob_at_least(5.0) == 1.0);
    CHECK(c.prob_at_least(5.0001) == 0.0);
    // Values so large that every sum of squares overflows: no finite fit is a status.
    Eigen::VectorXd huge(10);
    for (Eigen::Index i = 0; i < 10; ++i) huge[i] = i % 2 ? -1e300 : 1e300;
    const auto nc = regind::project(huge, opts(projection_method::holt, 2));
    CHECK(nc.status == projection_status::not_converged);
    CHECK(std::isnan(nc.mean[1]));
    CHECK(nc.params.empty());
    CHECK(std::isnan(nc.prob_at_least(0.0)));
    CHECK(std::isnan(nc.simulate(2, 1)(0, 0)));
}

TEST_CASE("projection C7: short series") {
    for (auto m : {projection_method::cagr, projection_method::linear, projection_method::loglinear,
                   projection_method::holt, projection_method::damped_holt, projection_method::ets,
                   projection_method::automatic}) {
        for (const auto& y : {Eigen::VectorXd(), vec({7})}) {
            const auto p = regind::project(y, opts(m, 3));
            CHECK(p.status == projection_status::insufficient_data);
            CHECK(p.mean.size() == 3);
            CHECK(std::isnan(p.mean[0]));
            CHECK(std::isnan(p.prob_at_least(1.0)));
            CHECK(!p.notes.empty());
        }
    }
    // n = 2: OLS has no degrees of freedom; cagr and auto (→ cagr) project.
    for (auto m : {projection_method::linear, projection_method::loglinear}) {
        const auto p = regind::project(vec({100, 110}), opts(m, 1));
        CHECK(p.status == projection_status::insufficient_data);
        CHECK(std::isnan(p.mean[0]));
        CHECK(p.params.empty());
    }
    const auto a = regind::project(vec({100, 110}), opts(projection_method::automatic, 1));
    CHECK(a.status == projection_status::ok);
    CHECK(a.method == projection_method::cagr);
    CHECK(close(a.mean[0], 121, 1e-14));
    // auto with ≥ 3 positive points is log-linear, with a non-positive one linear; with two
    // points that are not all positive there is no projection.
    CHECK(regind::project(vec({1, 2, 3}), opts(projection_method::automatic)).method == projection_method::loglinear);
    CHECK(regind::project(vec({-1, 2, 3}), opts(projection_method::automatic)).method == projection_method::linear);
    const auto a2 = regind::project(vec({-1, 2}), opts(projection_method::automatic));
    CHECK(a2.status == projection_status::insufficient_data);
    CHECK(a2.method == projection_method::linear);
    // Holt with fixed parameters from 2 points (C7); estimated ones need n > k + 4.
    auto f = opts(projection_method::holt, 2);
    f.alpha = 0.5;
    f.beta = 0.5;
    f.initialization = regind::smoothing_init::legacy;
    const auto h2 = regind::project(vec({10, 12}), f);
    CHECK(h2.status == projection_status::ok);
    // l0 = 10, b0 = 2: f1 = 12, e1 = −2, l1 = 11, b1 = 2 − 0.25·2 = 1.5; f2 = 12.5, e2 = −0.5,
    // l2 = 12.25, b2 = 1.5 − 0.125 = 1.375 → 13.625, 15.
    CHECK(close(h2.mean[0], 13.625, 1e-15));
    CHECK(close(h2.mean[1], 15.0, 1e-15));
    CHECK(std::isnan(h2.upper[0]));  // σ² needs n > k = 2
    CHECK(regind::project(livestock().head(8), opts(projection_method::holt)).status ==
          projection_status::insufficient_data);
    CHECK(regind::project(livestock().head(9), opts(projection_method::holt)).status == projection_status::ok);
    auto e = opts(projection_method::ets);
    e.model = regind::ets_model::ANN;
    CHECK(regind::project(livestock().head(6), e).status == projection_status::insufficient_data);
    CHECK(regind::project(livestock().head(7), e).status == projection_status::ok);
}

TEST_CASE("projection C7: missing values") {
    const auto y = vec({1, 3, nan_v, 2, 5, 4, nan_v});
    // error (default) names the first NaN.
    CHECK(starts_with(error_of([&] { (void)regind::project(y, opts(projection_method::linear)); }),
                      "[regind.invalid_input.missing] values[2] is NaN"));
    // available_points: the OLS on the points present at their own periods.
    auto o = opts(projection_method::linear, 1);
    o.missing = regind::missing_policy::available_points;
    const auto p = regind::project(y, o);
    const auto q = regind::project(vec({1, 3, 2, 5, 4}), vec({0, 1, 3, 4, 5}), opts(projection_method::linear, 1));
    CHECK(p.mean[0] == q.mean[0]);
    CHECK(p.upper[0] == q.upper[0]);
    CHECK(p.periods[0] == 6.0);
    CHECK(std::isnan(p.fitted[2]));
    CHECK(p.fitted[3] == q.fitted[2]);
    CHECK(p.n_used == 5);
    CHECK(p.last_used == 5);
    // longest_contiguous: the runs are [0, 1] and [3, 5]; the longer one is used.
    o.missing = regind::missing_policy::longest_contiguous;
    const auto r = regind::project(y, o);
    const auto s = regind::project(vec({2, 5, 4}), vec({3, 4, 5}), opts(projection_method::linear, 1));
    CHECK(r.mean[0] == s.mean[0]);
    CHECK(r.first_used == 3);
    CHECK(r.n_used == 3);
    CHECK(std::isnan(r.fitted[0]));
    // Equally long runs: the latest.
    const auto t = regind::project(vec({1, 2, 3, nan_v, 4, 6, 7}), o);
    CHECK(t.first_used == 4);
    // available_points does not apply to the recursions.
    auto h = opts(projection_method::holt);
    h.missing = regind::missing_policy::available_points;
    CHECK(starts_with(error_of([&] { (void)regind::project(y, h); }), "[regind.invalid_input.missing_policy]"));
    // longest_contiguous does.
    h.missing = regind::missing_policy::longest_contiguous;
    h.alpha = 0.5;
    h.beta = 0.1;
    h.initialization = regind::smoothing_init::legacy;
    CHECK(regind::project(y, h).status == projection_status::ok);
    // cagr from the first and last available points.
    auto c = opts(projection_method::cagr);
    c.missing = regind::missing_policy::available_points;
    const auto g = regind::project(vec({nan_v, 100, nan_v, 121, nan_v}), c);
    CHECK(close(g.param("cagr"), 0.1, 1e-14));
    CHECK(g.periods[0] == 4.0);
    // All missing: nothing to project.
    CHECK(regind::project(vec({nan_v, nan_v}), c).status == projection_status::insufficient_data);
}

TEST_CASE("projection bad input throws with an id") {
    const auto y = vec({1, 2, 3, 4});
    auto id = [&](const projection_options& o, const Eigen::VectorXd& v = Eigen::VectorXd()) {
        return error_of([&] { (void)regind::project(v.size() ? v : y, o); });
    };
    auto with = [](projection_method m, const std::function<void(projection_options&)>& set) {
        auto o = opts(m);
        set(o);
        return o;
    };
    CHECK(starts_with(id(opts(projection_method::linear, 0)), "[regind.invalid_input.horizon]"));
    CHECK(starts_with(id(opts(projection_method::linear, -2)), "[regind.invalid_input.horizon]"));
    for (double lv : {0.0, 1.0, -0.5, 95.0, nan_v})
        CHECK(starts_with(id(with(projection_method::linear, [&](auto& o) { o.level = lv; })),
                          "[regind.invalid_input.level]"));
    for (double st : {0.0, -1.0, nan_v})
        CHECK(starts_with(id(with(projection_method::linear, [&](auto& o) { o.step = st; })),
                          "[regind.invalid_input.step]"));
    CHECK(starts_with(error_of([] { (void)regind::parse_projection_method("arima"); }),
                      "[regind.invalid_input.projection_method] unknown projection method 'arima'"));
    CHECK(regind::parse_projection_method("damped_holt") == projection_method::damped_holt);
    CHECK(regind::parse_projection_method("auto") == projection_method::automatic);
    CHECK(starts_with(error_of([] { (void)regind::parse_missing_policy("drop"); }),
                      "[regind.invalid_input.missing_policy]"));
    CHECK(starts_with(error_of([] { (void)regind::parse_ets_model("MAM"); }), "[regind.invalid_input.ets_model]"));
    CHECK(regind::parse_ets_model("AAdN") == regind::ets_model::AAdN);
    CHECK(starts_with(error_of([] { (void)regind::parse_smoothing_init("heuristic"); }),
                      "[regind.invalid_input.initialization]"));
    // Non-positive values on the log scale.
    for (auto m : {projection_method::loglinear, projection_method::cagr})
        CHECK(starts_with(id(opts(m), vec({3, 0, 4})), "[regind.invalid_input.nonpositive] values[1] = 0"));
    CHECK(starts_with(id(opts(projection_method::cagr), vec({-3, 2, 4})), "[regind.invalid_input.nonpositive] values[0]"));
    // Infinite values are never data.
    CHECK(starts_with(id(opts(projection_method::linear), vec({1, std::numeric_limits<double>::infinity(), 3})),
                      "[regind.invalid_input.values] values[1]"));
    // Periods: length, order, finiteness; equal spacing for the recursions.
    auto per = [&](const Eigen::VectorXd& t, projection_method m = projection_method::linear) {
        return error_of([&] { (void)regind::project(y, t, opts(m)); });
    };
    CHECK(starts_with(per(vec({1, 2, 3})), "[regind.invalid_input.periods] 3 periods for 4 values"));
    CHECK(starts_with(per(vec({1, 2, 2, 3})), "[regind.invalid_input.periods] periods must increase strictly"));
    CHECK(starts_with(per(vec({1, 2, nan_v, 3})), "[regind.invalid_input.periods] periods[2]"));
    auto fixed_holt = with(projection_method::holt, [](auto& o) {
        o.alpha = 0.5;
        o.beta = 0.1;
        o.initialization = regind::smoothing_init::legacy;
    });
    CHECK(starts_with(error_of([&] { (void)regind::project(y, vec({2015, 2016, 2018, 2019}), fixed_holt); }),
                      "[regind.invalid_input.periods] holt needs equally spaced periods"));
    CHECK(regind::project(y, vec({2015, 2016, 2017, 2018}), fixed_holt).periods[0] == 2019.0);
    // Parameters that do not apply, conflict, or are out of range.
    const std::string param_id = "[regind.invalid_input.projection_param]";
    CHECK(starts_with(id(with(projection_method::linear, [](auto& o) { o.alpha = 0.5; })), param_id));
    CHECK(starts_with(id(with(projection_method::cagr, [](auto& o) { o.model = regind::ets_model::ANN; })), param_id));
    CHECK(starts_with(id(with(projection_method::automatic, [](auto& o) {
                          o.initialization = regind::smoothing_init::legacy;
                      })),
                      param_id));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) { o.phi = 0.9; })), param_id));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) { o.model = regind::ets_model::AAN; })), param_id));
    CHECK(starts_with(id(with(projection_method::ets, [](auto& o) {
                          o.model = regind::ets_model::ANN;
                          o.beta = 0.1;
                      })),
                      param_id));
    CHECK(starts_with(id(with(projection_method::ets, [](auto& o) {
                          o.model = regind::ets_model::ANN;
                          o.initial_trend = 1;
                      })),
                      param_id));
    CHECK(starts_with(id(with(projection_method::ets, [](auto& o) { o.phi = 0.9; })), param_id));  // AAN
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) {
                          o.beta = 0.1;
                          o.beta_r = 0.1;
                      })),
                      param_id + " give at most one of beta"));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) { o.alpha = 1.5; })), param_id + " alpha = 1.5"));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) { o.beta_star = -0.1; })), param_id));
    CHECK(starts_with(id(with(projection_method::damped_holt, [](auto& o) { o.phi = 0.0; })), param_id));
    CHECK(starts_with(id(with(projection_method::damped_holt, [](auto& o) { o.phi = 1.2; })), param_id));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) { o.initial_level = nan_v; })), param_id));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) {
                          o.alpha = 0.2;
                          o.beta_r = 0.3;
                      })),
                      param_id + " beta_r = 0.3 exceeds alpha = 0.2"));
    CHECK(starts_with(id(with(projection_method::ets, [](auto& o) {
                          o.alpha = 0.2;
                          o.beta = 0.3;  // ets: R's β
                      })),
                      param_id + " beta_r = 0.3 exceeds"));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) {
                          o.initialization = regind::smoothing_init::legacy;
                          o.initial_level = 1;
                      })),
                      param_id + " initialization 'legacy'"));
    CHECK(starts_with(id(with(projection_method::holt, [](auto& o) {
                          o.initialization = regind::smoothing_init::known;
                          o.initial_level = 1;
                      })),
                      param_id + " initialization 'known' needs initial_level and initial_trend"));
    // prob_at_least: the step must exist, the threshold must be a number.
    const auto p = regind::project(y, opts(projection_method::linear, 3));
    for (int st : {3, -4, 10})
        CHECK(starts_with(error_of([&] { (void)p.prob_at_least(1.0, st); }), "[regind.invalid_input.step]"));
    CHECK(p.prob_at_least(1.0, -3) == p.prob_at_least(1.0, 0));
    CHECK(starts_with(error_of([&] { (void)p.prob_at_least(nan_v); }), "[regind.invalid_input.threshold]"));
    // param() of an unknown name is a key_error naming the known ones.
    CHECK_THROWS_AS((void)p.param("alpha"), regind::key_error);
    try {
        (void)p.param("alpha");
    } catch (const regind::key_error& e) {
        CHECK(starts_with(e.what(), "[regind.key_error.projection_param] linear has no parameter 'alpha'"));
        CHECK(e.suggestions().size() == p.params.size());
    }
}

TEST_CASE("projection batch equals per-series projections") {
    regind::row_matrix m(5, 6);
    m << 100, 108, 117, 125, 136, 146,  //
        50, 52, 51, 55, 58, 60,         //
        10, 9, 8.5, 8, 7.2, 7,          //
        3, 3, 3, 3, 3, 3,               //
        1, 2, 4, 8, 16, 32;
    const auto t = vec({2016, 2017, 2018, 2019, 2020, 2021});
    for (auto meth : {projection_method::loglinear, projection_method::linear, projection_method::cagr,
                      projection_method::automatic}) {
        for (unsigned threads : {0u, 1u, 2u, 7u}) {
            auto o = opts(meth, 3);
            const auto b = regind::project_batch(m, t, o, threads);
            REQUIRE(b.mean.rows() == 5);
            REQUIRE(b.mean.cols() == 3);
            for (Eigen::Index r = 0; r < 5; ++r) {
                const auto p = regind::project(m.row(r).transpose(), t, o);
                CHECK(b.status[static_cast<std::size_t>(r)] == p.status);
                CHECK(b.methods[static_cast<std::size_t>(r)] == p.method);
                for (int h = 0; h < 3; ++h) {
                    CHECK(b.mean(r, h) == p.mean[h]);
                    CHECK(b.median(r, h) == p.median[h]);
                    CHECK((b.lower(r, h) == p.lower[h] || (std::isnan(b.lower(r, h)) && std::isnan(p.lower[h]))));
                    CHECK((b.upper(r, h) == p.upper[h] || (std::isnan(b.upper(r, h)) && std::isnan(p.upper[h]))));
                    CHECK(b.periods(r, h) == 2022.0 + h);
                }
            }
        }
    }
    // Estimated ETS in parallel gives the per-series fits too.
    auto e = opts(projection_method::ets, 2);
    regind::row_matrix big(4, 12);
    for (Eigen::Index r = 0; r < 4; ++r)
        for (Eigen::Index c = 0; c < 12; ++c) big(r, c) = 100 + 3.0 * c + 5.0 * std::sin(1.3 * c + r) + r;
    const auto eb = regind::project_batch(big, e, 2);
    for (Eigen::Index r = 0; r < 4; ++r) {
        const auto p = regind::project(big.row(r).transpose(), e);
        CHECK(eb.mean(r, 1) == p.mean[1]);
        CHECK(eb.upper(r, 1) == p.upper[1]);
    }
    // A bad row throws its error with the row named after the id; short rows are a status.
    regind::row_matrix bad(3, 3);
    bad << 1, 2, 3, 1, nan_v, 3, 0, 2, 3;
    CHECK(starts_with(error_of([&] { (void)regind::project_batch(bad, opts(projection_method::linear), 2); }),
                      "[regind.invalid_input.missing] row 1: values[1] is NaN"));
    CHECK(starts_with(error_of([&] { (void)regind::project_batch(m, vec({1, 2}), opts(projection_method::linear)); }),
                      "[regind.invalid_input.periods]"));
    CHECK(starts_with(error_of([&] { (void)regind::project_batch(m, opts(projection_method::linear, 0)); }),
                      "[regind.invalid_input.horizon]"));
    regind::row_matrix two(2, 2);
    two << 1, 2, 3, 4;
    const auto tb = regind::project_batch(two, opts(projection_method::linear));
    CHECK(tb.status[0] == projection_status::insufficient_data);
    CHECK(std::isnan(tb.mean(1, 0)));
    const auto empty = regind::project_batch(regind::row_matrix(0, 4), opts(projection_method::linear));
    CHECK(empty.mean.rows() == 0);
}

TEST_CASE("projection enums print their names") {
    CHECK(regind::to_string(projection_method::automatic) == "auto");
    CHECK(regind::to_string(projection_method::damped_holt) == "damped_holt");
    CHECK(regind::to_string(projection_status::insufficient_data) == "insufficient_data");
    CHECK(regind::to_string(projection_status::not_converged) == "not_converged");
    CHECK(regind::to_string(regind::missing_policy::longest_contiguous) == "longest_contiguous");
    CHECK(regind::to_string(regind::ets_model::AAdN) == "AAdN");
    CHECK(regind::to_string(regind::smoothing_init::legacy) == "legacy");
    CHECK(regind::to_string(regind::forecast_distribution::log_student_t) == "log_student_t");
}
