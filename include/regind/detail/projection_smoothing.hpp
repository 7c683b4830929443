// SPDX-License-Identifier: MIT
// Internals of projection.hpp: the additive exponential-smoothing recursions (Holt, damped
// Holt, ETS ANN/AAN/AAdN), their analytic forecast variances, bounded estimation with NLopt,
// and a portable seeded normal generator for sample paths.
//
// Design notes: every smoothing model runs in the error-correction form
//     f_t = l + φb,  e_t = y_t − f_t,  l ← f_t + α e_t,  b ← φb + β e_t
// with R's β. The component form of statsmodels' Holt (β*) is the same recursion with
// β = α·β* (REFERENCE-METHODS C3), so both conventions share one filter. The optimiser works in
// the unit box: each free quantity is an affine (or, for R's β ≤ α, α-dependent) image of
// u ∈ [0, 1], which keeps BOBYQA's trust region well scaled whatever the data's magnitude.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <nlopt.hpp>

namespace regind::detail {

inline constexpr double proj_nan = std::numeric_limits<double>::quiet_NaN();

/// Parameters of the error-correction recursion (β in R's convention).
struct smoothing_params {
    double alpha = proj_nan;
    double beta = 0.0;  // R convention; 0 without trend
    double beta_star = proj_nan;  // set when β* is given or searched, so reports keep it exact
    double phi = 1.0;   // 1 = undamped
    double l0 = proj_nan;
    double b0 = 0.0;  // 0 without trend
};

/// Sum of squared one-step errors; no storage (the optimiser's inner loop).
inline double smoothing_sse(const double* y, std::size_t n, bool trend, const smoothing_params& p) noexcept {
    double l = p.l0, b = trend ? p.b0 : 0.0, sse = 0.0;
    const double phi = trend ? p.phi : 0.0, beta = trend ? p.beta : 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        const double f = l + phi * b;
        const double e = y[t] - f;
        sse += e * e;
        l = f + p.alpha * e;
        b = phi * b + beta * e;
    }
    return sse;
}

struct smoothing_run {
    Eigen::VectorXd fitted, residuals;
    Eigen::MatrixXd states;  // (n + 1) × (1 or 2): row 0 holds the initial states
    double sse = 0.0;
};

inline smoothing_run smoothing_filter(const Eigen::VectorXd& y, bool trend, const smoothing_params& p) {
    const auto n = y.size();
    smoothing_run r;
    r.fitted.resize(n);
    r.residuals.resize(n);
    r.states.resize(n + 1, trend ? 2 : 1);
    double l = p.l0, b = trend ? p.b0 : 0.0;
    const double phi = trend ? p.phi : 0.0, beta = trend ? p.beta : 0.0;
    r.states(0, 0) = l;
    if (trend) r.states(0, 1) = b;
    for (Eigen::Index t = 0; t < n; ++t) {
        const double f = l + phi * b;
        const double e = y[t] - f;
        r.fitted[t] = f;
        r.residuals[t] = e;
        r.sse += e * e;
        l = f + p.alpha * e;
        b = phi * b + beta * e;
        r.states(t + 1, 0) = l;
        if (trend) r.states(t + 1, 1) = b;
    }
    return r;
}

/// Point forecasts l + (φ + … + φ^h) b for h = 1..horizon.
inline Eigen::VectorXd smoothing_forecast(double level, double trend_state, double phi, bool trend, int horizon) {
    Eigen::VectorXd out(horizon);
    double damp_sum = 0.0, power = 1.0;
    for (int h = 0; h < horizon; ++h) {
        if (trend) {
            power *= phi;
            damp_sum += power;
        }
        out[h] = level + (trend ? damp_sum * trend_state : 0.0);
    }
    return out;
}

/// σ_h²/σ² by the general sum 1 + Σ_{j<h} c_j², c_j = α + β(φ + … + φ^j) (C4).
inline double relative_variance_sum(double alpha, double beta, double phi, int h) noexcept {
    double v = 1.0, damp_sum = 0.0, power = 1.0;
    for (int j = 1; j < h; ++j) {
        power *= phi;
        damp_sum += power;
        const double c = alpha + beta * damp_sum;
        v += c * c;
    }
    return v;
}

/// The C4 closed forms (statsmodels ets.py / fpp3). trend = false: ANN; damped with φ far
/// enough from 1: AAdN; otherwise AAN (the AAdN form divides by (1 − φ)²).
inline double relative_variance_closed(bool trend, bool damped, double alpha, double beta, double phi, int h) noexcept {
    const double hm1 = static_cast<double>(h - 1), hd = static_cast<double>(h);
    if (h <= 1) return 1.0;  // exact; the damped form only cancels to 1 up to rounding
    if (!trend) return 1.0 + alpha * alpha * hm1;
    if (!damped || phi == 1.0)
        return 1.0 + hm1 * (alpha * alpha + alpha * beta * hd + beta * beta * hd * (2.0 * hd - 1.0) / 6.0);
    const double q = 1.0 - phi, ph = std::pow(phi, hd);
    return 1.0 + alpha * alpha * hm1 + beta * phi * hd / (q * q) * (2.0 * alpha * q + beta * phi) -
           beta * phi * (1.0 - ph) / (q * q * (1.0 - phi * phi)) *
               (2.0 * alpha * (1.0 - phi * phi) + beta * phi * (1.0 + 2.0 * phi - ph));
}

/// The closed form where it is well conditioned; the exact sum when φ is within 1e-3 of 1,
/// where the closed form loses digits to cancellation.
inline double relative_variance(bool trend, bool damped, double alpha, double beta, double phi, int h) noexcept {
    if (trend && damped && phi != 1.0 && std::abs(1.0 - phi) < 1e-3) return relative_variance_sum(alpha, beta, phi, h);
    return relative_variance_closed(trend, damped, alpha, beta, phi, h);
}

/// R's defaults (forecast::ets): α, β ∈ [1e-4, 0.9999], φ ∈ [0.8, 0.98].
inline constexpr double smoothing_lower = 1e-4;
inline constexpr double smoothing_upper = 0.9999;
inline constexpr double phi_lower = 0.8;
inline constexpr double phi_upper = 0.98;

/// What is fixed and what the optimiser must find.
struct smoothing_problem {
    bool trend = true;
    bool damped = false;
    std::optional<double> alpha, beta_star, beta_r, phi, l0, b0;
    /// How a free β is bounded: true = R's region 1e-4 ≤ β ≤ min(α, 0.9999) (ets), false =
    /// statsmodels' component form 1e-4 ≤ β* ≤ 0.9999 with β = αβ* (holt).
    bool beta_free_in_r_form = true;
};

struct smoothing_estimate {
    smoothing_params params;
    std::size_t free_count = 0;
    bool converged = true;
    bool state_at_bound = false;
    int evaluations = 0;
};

namespace proj_slot {
enum kind { alpha, beta, phi, l0, b0 };
}

/// Minimises the SSE (equivalently R's n·log(SSE) for additive errors) over the free quantities
/// with NLopt's BOBYQA from a few starting points; the best point wins. y must not be constant.
inline smoothing_estimate estimate_smoothing(const Eigen::VectorXd& y, const smoothing_problem& pr) {
    const auto n = static_cast<std::size_t>(y.size());
    const double ymin = y.minCoeff(), ymax = y.maxCoeff();
    const double range = std::max(ymax - ymin, 1e-12 * std::max(1.0, std::max(std::abs(ymin), std::abs(ymax))));
    // Search boxes for the initial states: wide enough for any sensible start of the series.
    const double l_lo = ymin - 2.0 * range, l_hi = ymax + 2.0 * range;
    const double b_lo = -2.0 * range, b_hi = 2.0 * range;

    std::vector<int> slots;
    if (!pr.alpha) slots.push_back(proj_slot::alpha);
    if (pr.trend && !pr.beta_star && !pr.beta_r) slots.push_back(proj_slot::beta);
    if (pr.trend && pr.damped && !pr.phi) slots.push_back(proj_slot::phi);
    if (!pr.l0) slots.push_back(proj_slot::l0);
    if (pr.trend && !pr.b0) slots.push_back(proj_slot::b0);

    const double alpha_lo = std::min(smoothing_upper, std::max(smoothing_lower, pr.beta_r.value_or(0.0)));
    auto decode = [&](const double* u) {
        smoothing_params p;
        std::size_t k = 0;
        auto take = [&](int s) -> std::optional<double> {
            if (k < slots.size() && slots[k] == s) return u[k++];
            return std::nullopt;
        };
        const auto ua = take(proj_slot::alpha);
        p.alpha = ua ? alpha_lo + *ua * (smoothing_upper - alpha_lo) : *pr.alpha;
        if (pr.trend) {
            if (const auto ub = take(proj_slot::beta)) {
                if (pr.beta_free_in_r_form) {
                    const double hi = std::max(smoothing_lower, std::min(p.alpha, smoothing_upper));
                    p.beta = smoothing_lower + *ub * (hi - smoothing_lower);
                } else {
                    p.beta_star = smoothing_lower + *ub * (smoothing_upper - smoothing_lower);
                    p.beta = p.alpha * p.beta_star;
                }
            } else if (pr.beta_r) {
                p.beta = *pr.beta_r;
            } else {
                p.beta_star = *pr.beta_star;
                p.beta = p.alpha * p.beta_star;
            }
            if (pr.damped) {
                const auto up = take(proj_slot::phi);
                p.phi = up ? phi_lower + *up * (phi_upper - phi_lower) : *pr.phi;
            } else {
                p.phi = 1.0;
            }
        } else {
            p.beta = 0.0;
            p.phi = 1.0;
        }
        const auto ul = take(proj_slot::l0);
        p.l0 = ul ? l_lo + *ul * (l_hi - l_lo) : *pr.l0;
        if (pr.trend) {
            const auto ub0 = take(proj_slot::b0);
            p.b0 = ub0 ? b_lo + *ub0 * (b_hi - b_lo) : *pr.b0;
        } else {
            p.b0 = 0.0;
        }
        return p;
    };

    smoothing_estimate est;
    est.free_count = slots.size();
    const std::size_t dim = slots.size();
    if (dim == 0) {
        est.params = decode(nullptr);
        return est;
    }

    // Starting states as R's initstate: a straight line through the first ≤ 10 points
    // (t = 1..m), or their mean without trend.
    const std::size_t m = std::min<std::size_t>(10, n);
    double l_start = 0.0, b_start = 0.0;
    if (pr.trend && m >= 2) {
        double tbar = 0.0, ybar = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            tbar += static_cast<double>(i + 1);
            ybar += y[static_cast<Eigen::Index>(i)];
        }
        tbar /= static_cast<double>(m);
        ybar /= static_cast<double>(m);
        double sxy = 0.0, sxx = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            const double dt = static_cast<double>(i + 1) - tbar;
            sxy += dt * (y[static_cast<Eigen::Index>(i)] - ybar);
            sxx += dt * dt;
        }
        b_start = sxy / sxx;
        l_start = ybar - b_start * tbar;
    } else {
        for (std::size_t i = 0; i < m; ++i) l_start += y[static_cast<Eigen::Index>(i)];
        l_start /= static_cast<double>(m);
    }
    auto unit = [](double v, double lo, double hi) { return hi > lo ? std::clamp((v - lo) / (hi - lo), 0.0, 1.0) : 0.5; };

    using decoder = decltype(decode);
    struct context {
        const Eigen::VectorXd* y;
        bool trend;
        const decoder* decode_fn;
        double best_f;
        std::vector<double> best_u;
        int evaluations;
    } ctx{&y, pr.trend, &decode, std::numeric_limits<double>::infinity(), std::vector<double>(dim, 0.5), 0};

    auto objective = [](unsigned k, const double* u, double* /*grad*/, void* data) -> double {
        auto* c = static_cast<context*>(data);
        ++c->evaluations;
        const auto p = (*c->decode_fn)(u);
        const double mse = smoothing_sse(c->y->data(), static_cast<std::size_t>(c->y->size()), c->trend, p) /
                           static_cast<double>(c->y->size());
        if (!std::isfinite(mse)) return std::numeric_limits<double>::max();
        if (mse < c->best_f) {
            c->best_f = mse;
            c->best_u.assign(u, u + k);
        }
        return mse;
    };

    const double alpha_starts[] = {0.2, 0.6, 0.95};
    for (double a0 : alpha_starts) {
        if (pr.alpha && a0 != alpha_starts[0]) break;  // α fixed: one start is enough
        std::vector<double> u(dim);
        for (std::size_t k = 0; k < dim; ++k) {
            switch (slots[k]) {
                case proj_slot::alpha: u[k] = unit(a0, alpha_lo, smoothing_upper); break;
                case proj_slot::beta: u[k] = 0.1; break;
                case proj_slot::phi: u[k] = unit(0.978, phi_lower, phi_upper); break;
                case proj_slot::l0: u[k] = unit(l_start, l_lo, l_hi); break;
                default: u[k] = unit(b_start, b_lo, b_hi); break;
            }
        }
        nlopt::opt opt(nlopt::LN_BOBYQA, static_cast<unsigned>(dim));
        opt.set_lower_bounds(std::vector<double>(dim, 0.0));
        opt.set_upper_bounds(std::vector<double>(dim, 1.0));
        opt.set_min_objective(objective, &ctx);
        opt.set_xtol_abs(1e-12);
        opt.set_ftol_rel(1e-15);
        opt.set_maxeval(6000);
        opt.set_initial_step(0.05);
        double f = 0.0;
        try {
            (void)opt.optimize(u, f);
        } catch (const nlopt::roundoff_limited&) {
            // The best point seen so far is kept in ctx; roundoff only limits the last digits.
        } catch (const std::exception&) {
            est.converged = false;
        }
    }
    est.evaluations = ctx.evaluations;
    if (!std::isfinite(ctx.best_f)) {
        est.converged = false;
        est.params = decode(ctx.best_u.data());
        return est;
    }
    est.converged = true;
    est.params = decode(ctx.best_u.data());
    for (std::size_t k = 0; k < dim; ++k)
        if ((slots[k] == proj_slot::l0 || slots[k] == proj_slot::b0) &&
            (ctx.best_u[k] <= 1e-9 || ctx.best_u[k] >= 1.0 - 1e-9))
            est.state_at_bound = true;
    return est;
}

/// A portable standard normal generator: mt19937_64 (whose output the standard fixes) with the
/// Box–Muller transform, so that a seed gives the same paths with every standard library
/// (std::normal_distribution's algorithm is implementation-defined).
class normal_generator {
public:
    explicit normal_generator(std::uint64_t seed) : engine_(seed) {}
    double operator()() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        constexpr double two_pi = 6.283185307179586476925286766559;
        const double u1 = uniform_open(), u2 = uniform_open();
        const double r = std::sqrt(-2.0 * std::log(u1));
        spare_ = r * std::sin(two_pi * u2);
        has_spare_ = true;
        return r * std::cos(two_pi * u2);
    }

private:
    // (0, 1) from the top 53 bits.
    double uniform_open() { return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53; }
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace regind::detail
