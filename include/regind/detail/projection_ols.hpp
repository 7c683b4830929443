// SPDX-License-Identifier: MIT
// Internals of projection.hpp: the straight-line OLS fit z = a + b·t used by the linear and
// log-linear trends (REFERENCE-METHODS C2).
//
// Design notes: the fit is computed on centred t (t − t̄), which keeps Σ(t − t̄)² accurate when
// t are calendar years such as 2016..2021; the uncentred normal equations would lose about
// eight digits there.
#pragma once

#include <cmath>

#include <Eigen/Core>

namespace regind::detail {

struct ols_line {
    double intercept = 0.0;  // a, at t = 0
    double slope = 0.0;      // b
    double tbar = 0.0;
    double zbar = 0.0;
    double sxx = 0.0;  // Σ(t − t̄)²
    double s2 = 0.0;   // SSE / (n − 2)
    double n = 0.0;
    Eigen::VectorXd fitted;  // a + b·t at the data points

    /// Standard error of a new observation at t0 (the prediction interval's, obs_ci).
    [[nodiscard]] double se_pred(double t0) const {
        const double d = t0 - tbar;
        return std::sqrt(s2 * (1.0 + 1.0 / n + d * d / sxx));
    }
    /// Standard error of the fitted mean at t0 (mean_ci).
    [[nodiscard]] double se_mean(double t0) const {
        const double d = t0 - tbar;
        return std::sqrt(s2 * (1.0 / n + d * d / sxx));
    }
    [[nodiscard]] double at(double t0) const { return zbar + slope * (t0 - tbar); }
};

/// OLS of z on t; needs n ≥ 3 and distinct t (the caller checks both).
inline ols_line fit_ols_line(const Eigen::VectorXd& t, const Eigen::VectorXd& z) {
    ols_line f;
    f.n = static_cast<double>(t.size());
    f.tbar = t.mean();
    const double zbar = f.zbar = z.mean();
    const Eigen::VectorXd dt = t.array() - f.tbar;
    f.sxx = dt.squaredNorm();
    f.slope = dt.dot(z) / f.sxx;  // Σ(t − t̄)(z − z̄) = Σ(t − t̄)z
    // Expressing the intercept through the centred fit keeps a + b·t exact near t̄.
    f.intercept = zbar - f.slope * f.tbar;
    f.fitted = (zbar + f.slope * dt.array()).matrix();
    const double sse = (z - f.fitted).squaredNorm();
    f.s2 = sse / (f.n - 2.0);
    return f;
}

}  // namespace regind::detail
