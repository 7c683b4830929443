// SPDX-License-Identifier: MIT
// Internals of projection.hpp: the additive exponential-smoothing recursions (Holt, damped
// Holt, ETS ANN/AAN/AAdN), their analytic forecast variances, bounded estimation with NLopt,
// and a portable seeded normal generator for sample paths.
//
// Design notes: every smoothing model runs in the error-correction form
//     f_t = l + φb,  e_t = y_t − f_t,  l ← f_t + α e_t,  b ← φb + β e_t
// with R's β. The component form of statsmodels' Holt (β*) is the same recursion with
// β = α·β* (REFERENCE-METHODS C3), so both conventions share one filter. Free initial states
// are concentrated out exactly (the errors are affine in them), so the optimiser searches only
// the smoothing parameters, in the unit box: each is an affine (or, for R's β ≤ α,
// α-dependent) image of u ∈ [0, 1], which keeps BOBYQA's trust region well scaled.
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

/// The best free initial states for fixed smoothing parameters, and the SSE they give.
struct concentrated_states {
    double sse = proj_nan;
    double l0 = proj_nan;
    double b0 = 0.0;
    bool at_bound = false;
};

/// Box of the initial-state search (free states only).
struct state_box {
    double l_lo, l_hi, b_lo, b_hi;
};

/// For fixed α, β, φ the one-step errors are affine in the initial states:
///     e_t = r_t − c_t·l0 − d_t·b0,
/// where r_t is the error of the run with the free states at 0 (fixed ones at their values)
/// and (c_t, d_t) are the forecasts' sensitivities to l0 and b0, which follow the homogeneous
/// recursion l ← (1 − α) f, b ← φb − β f started at (1, 0) and (0, 1). So the SSE is a convex
/// quadratic in the free states, minimised exactly over the box: one pass accumulates a
/// Givens QR of the n × k design (k ≤ 2, no storage), then the unconstrained solution is taken
/// when it lies in the box, otherwise the best point on the box's edges. p.l0 / p.b0 are used
/// only where the state is fixed.
inline concentrated_states concentrate_states(const double* y, std::size_t n, bool trend, const smoothing_params& p,
                                              bool l_free, bool b_free, const state_box& box) noexcept {
    b_free = b_free && trend;
    const double alpha = p.alpha, phi = trend ? p.phi : 0.0, beta = trend ? p.beta : 0.0;
    const int k = (l_free ? 1 : 0) + (b_free ? 1 : 0);
    double l = l_free ? 0.0 : p.l0, b = (trend && !b_free) ? p.b0 : 0.0;
    double ll = 1.0, lb = 0.0;  // (level, trend) per unit of l0
    double bl = 0.0, bb = 1.0;  // (level, trend) per unit of b0
    double r11 = 0.0, r12 = 0.0, r22 = 0.0, z1 = 0.0, z2 = 0.0, rss = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        const double f = l + phi * b;
        double v = y[t] - f;
        l = f + alpha * v;
        b = phi * b + beta * v;
        const double fl = ll + phi * lb, fb = bl + phi * bb;
        ll = (1.0 - alpha) * fl;
        lb = phi * lb - beta * fl;
        bl = (1.0 - alpha) * fb;
        bb = phi * bb - beta * fb;
        if (k >= 1) {
            double u1 = l_free ? fl : fb, u2 = fb;
            if (u1 != 0.0) {
                const double r = std::sqrt(r11 * r11 + u1 * u1), c = r11 / r, s = u1 / r;
                r11 = r;
                if (k == 2) {
                    const double w = r12;
                    r12 = c * w + s * u2;
                    u2 = c * u2 - s * w;
                }
                const double w = z1;
                z1 = c * w + s * v;
                v = c * v - s * w;
            }
            if (k == 2 && u2 != 0.0) {
                const double r = std::sqrt(r22 * r22 + u2 * u2), c = r22 / r, s = u2 / r;
                r22 = r;
                const double w = z2;
                z2 = c * w + s * v;
                v = c * v - s * w;
            }
        }
        rss += v * v;
    }

    concentrated_states out;
    out.l0 = l_free ? proj_nan : p.l0;
    out.b0 = trend ? (b_free ? proj_nan : p.b0) : 0.0;
    if (k == 0) {
        out.sse = rss;
        return out;
    }
    const double lo1 = l_free ? box.l_lo : box.b_lo, hi1 = l_free ? box.l_hi : box.b_hi;
    auto put = [&](double x1, double x2) {
        if (l_free) {
            out.l0 = x1;
            if (b_free) out.b0 = x2;
        } else {
            out.b0 = x1;
        }
    };
    if (k == 1) {
        const double raw = r11 != 0.0 ? z1 / r11 : 0.5 * (lo1 + hi1);
        const double x = std::clamp(raw, lo1, hi1);
        const double q = z1 - r11 * x;
        out.sse = rss + q * q;
        out.at_bound = !(raw > lo1 && raw < hi1);
        put(x, 0.0);
        return out;
    }
    // k == 2: x1 = l0, x2 = b0; SSE(x) = (z1 − r11 x1 − r12 x2)² + (z2 − r22 x2)² + rss.
    auto value = [&](double x1, double x2) {
        const double q1 = z1 - r11 * x1 - r12 * x2, q2 = z2 - r22 * x2;
        return q1 * q1 + q2 * q2;
    };
    const double lo2 = box.b_lo, hi2 = box.b_hi;
    if (r22 > 1e-12 * (std::abs(r11) + std::abs(r12)) && r11 != 0.0) {
        const double x2 = z2 / r22, x1 = (z1 - r12 * x2) / r11;
        if (x1 > lo1 && x1 < hi1 && x2 > lo2 && x2 < hi2) {
            const double q = value(x1, x2);
            out.sse = rss + q;
            put(x1, x2);
            return out;
        }
    }
    // The minimum lies on the box's boundary (or the design is singular): best of the four
    // edges, each a clamped one-dimensional least-squares problem.
    double best = std::numeric_limits<double>::infinity(), bx1 = lo1, bx2 = lo2;
    auto consider = [&](double x1, double x2) {
        const double q = value(x1, x2);
        if (q < best) {
            best = q;
            bx1 = x1;
            bx2 = x2;
        }
    };
    for (const double x2 : {lo2, hi2}) {  // x2 fixed: min over x1
        const double x1 = r11 != 0.0 ? std::clamp((z1 - r12 * x2) / r11, lo1, hi1) : 0.5 * (lo1 + hi1);
        consider(x1, x2);
    }
    const double den = r12 * r12 + r22 * r22;
    for (const double x1 : {lo1, hi1}) {  // x1 fixed: min over x2
        const double x2 =
            den > 0.0 ? std::clamp((r12 * (z1 - r11 * x1) + r22 * z2) / den, lo2, hi2) : 0.5 * (lo2 + hi2);
        consider(x1, x2);
    }
    out.sse = rss + best;
    out.at_bound = true;
    put(bx1, bx2);
    return out;
}

/// Minimises the SSE (equivalently R's n·log(SSE) for additive errors) over the free quantities;
/// y must not be constant. Free initial states are concentrated out exactly
/// (concentrate_states), so NLopt's BOBYQA searches only the free smoothing parameters
/// (α, β, φ) from a few starting points; the best point wins.
inline smoothing_estimate estimate_smoothing(const Eigen::VectorXd& y, const smoothing_problem& pr) {
    const auto n = static_cast<std::size_t>(y.size());
    const double ymin = y.minCoeff(), ymax = y.maxCoeff();
    const double range = std::max(ymax - ymin, 1e-12 * std::max(1.0, std::max(std::abs(ymin), std::abs(ymax))));
    // Search boxes for the initial states: wide enough for any sensible start of the series.
    const state_box box{ymin - 2.0 * range, ymax + 2.0 * range, -2.0 * range, 2.0 * range};
    const bool l_free = !pr.l0, b_free = pr.trend && !pr.b0;

    std::vector<int> slots;
    if (!pr.alpha) slots.push_back(proj_slot::alpha);
    if (pr.trend && !pr.beta_star && !pr.beta_r) slots.push_back(proj_slot::beta);
    if (pr.trend && pr.damped && !pr.phi) slots.push_back(proj_slot::phi);

    const double alpha_lo = std::min(smoothing_upper, std::max(smoothing_lower, pr.beta_r.value_or(0.0)));
    // The smoothing parameters from the unit box; the states are fixed ones or NaN (free).
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
        p.l0 = pr.l0.value_or(proj_nan);
        p.b0 = pr.trend ? pr.b0.value_or(proj_nan) : 0.0;
        return p;
    };
    // Decoded parameters with the concentrated states filled in.
    auto complete = [&](const double* u, bool* at_bound) {
        auto p = decode(u);
        const auto cs = concentrate_states(y.data(), n, pr.trend, p, l_free, b_free, box);
        p.l0 = cs.l0;
        p.b0 = cs.b0;
        if (at_bound) *at_bound = cs.at_bound;
        return std::make_pair(p, cs.sse);
    };

    smoothing_estimate est;
    est.free_count = slots.size() + (l_free ? 1 : 0) + (b_free ? 1 : 0);
    const std::size_t dim = slots.size();
    if (est.free_count == 0) {
        est.params = decode(nullptr);
        return est;
    }
    if (dim == 0) {  // only initial states free: one exact least-squares solve
        const auto [p, sse] = complete(nullptr, &est.state_at_bound);
        est.params = p;
        est.evaluations = 1;
        est.converged = std::isfinite(sse);
        return est;
    }

    struct context {
        const double* y;
        std::size_t n;
        bool trend, l_free, b_free;
        const state_box* box;
        const decltype(decode)* decode_fn;
        double best_f;
        std::vector<double> best_u;
        int evaluations;
    } ctx{y.data(), n, pr.trend, l_free, b_free, &box, &decode, std::numeric_limits<double>::infinity(),
          std::vector<double>(dim, 0.5), 0};

    auto objective = [](unsigned k, const double* u, double* /*grad*/, void* data) -> double {
        auto* c = static_cast<context*>(data);
        ++c->evaluations;
        const auto p = (*c->decode_fn)(u);
        const double mse =
            concentrate_states(c->y, c->n, c->trend, p, c->l_free, c->b_free, *c->box).sse / static_cast<double>(c->n);
        if (!std::isfinite(mse)) return std::numeric_limits<double>::max();
        if (mse < c->best_f) {
            c->best_f = mse;
            c->best_u.assign(u, u + k);
        }
        return mse;
    };

    nlopt::opt opt(nlopt::LN_BOBYQA, static_cast<unsigned>(dim));
    opt.set_lower_bounds(std::vector<double>(dim, 0.0));
    opt.set_upper_bounds(std::vector<double>(dim, 1.0));
    opt.set_min_objective(objective, &ctx);
    opt.set_xtol_abs(1e-9);
    opt.set_ftol_rel(1e-13);
    opt.set_maxeval(6000);
    opt.set_initial_step(0.05);
    // Starting points: the concentrated SSE of short series often has several local minima
    // (typically on faces of the box, e.g. β* near 0 or near 1), so a coarse grid over the
    // unit box is scanned first (cheap: one pass over y per point) and BOBYQA polishes the
    // best few grid points that are local minima of the grid.
    // Points per axis: φ's narrow range needs few; α and β get more when φ is searched too.
    std::size_t axis[3] = {0, 0, 0};
    std::size_t cells = 1;
    for (std::size_t k = 0; k < dim; ++k) {
        axis[k] = dim == 1 ? 13 : (slots[k] == proj_slot::phi ? 4 : (dim == 2 ? 9 : 10));
        cells *= axis[k];
    }
    std::vector<double> grid_f(cells);
    std::vector<double> u(dim);
    auto grid_point = [&](std::size_t idx, double* out) {
        for (std::size_t k = 0; k < dim; ++k) {
            const double g = static_cast<double>(idx % axis[k]) / static_cast<double>(axis[k] - 1);
            // α's grid is denser near 0, where the SSE changes fastest (memory ~ 1/α).
            out[k] = slots[k] == proj_slot::alpha ? g * g : g;
            idx /= axis[k];
        }
    };
    for (std::size_t i = 0; i < cells; ++i) {
        grid_point(i, u.data());
        grid_f[i] = objective(static_cast<unsigned>(dim), u.data(), nullptr, &ctx);
    }
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < cells; ++i) {
        bool local_min = true;
        std::size_t stride = 1;
        for (std::size_t k = 0; k < dim && local_min; ++k) {
            const auto coord = (i / stride) % axis[k];
            if (coord > 0 && grid_f[i - stride] < grid_f[i]) local_min = false;
            if (coord + 1 < axis[k] && grid_f[i + stride] <= grid_f[i]) local_min = false;
            stride *= axis[k];
        }
        if (local_min) starts.push_back(i);
    }
    std::sort(starts.begin(), starts.end(), [&](std::size_t x, std::size_t z) { return grid_f[x] < grid_f[z]; });
    if (starts.empty()) starts.push_back(static_cast<std::size_t>(
        std::min_element(grid_f.begin(), grid_f.end()) - grid_f.begin()));
    const std::size_t max_starts = dim == 3 ? 4 : 2;
    if (starts.size() > max_starts) starts.resize(max_starts);
    for (const std::size_t i : starts) {
        grid_point(i, u.data());
        double f = 0.0;
        try {
            (void)opt.optimize(u, f);
        } catch (const nlopt::roundoff_limited&) {
            // The best point seen so far is kept in ctx; roundoff only limits the last digits.
        } catch (const std::exception&) {
            est.converged = false;
        }
    }
    // One restart from the best point with a fresh trust region: BOBYQA can stop early in the
    // flat valleys of damped models (φ trades against β).
    if (dim == 3 && std::isfinite(ctx.best_f)) {
        u = ctx.best_u;
        double f = 0.0;
        try {
            (void)opt.optimize(u, f);
        } catch (const std::exception&) {
            // Keep the best point already seen.
        }
    }
    est.evaluations = ctx.evaluations;
    const auto [p, sse] = complete(ctx.best_u.data(), &est.state_at_bound);
    est.params = p;
    est.converged = std::isfinite(ctx.best_f) && std::isfinite(sse);
    if (!est.converged) est.state_at_bound = false;
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
