// SPDX-License-Identifier: MIT
// Internals of projection.hpp: the fast path of project_batch for linear and log-linear trends
// (REFERENCE-METHODS C2) on clean rows, e.g. 1,000,000 series of 10 years.
//
// Design notes:
// - project() on one series spends most of its time on bookkeeping, not on the fit: a
//   Student-t quantile (Boost's inverse incomplete beta, the same for every row), notes built
//   with fmt, parameter names, a dozen small vectors. When every row is finite (and positive
//   for loglinear) every row takes the same path, so the quantile is computed once and the
//   status, method and notes are those of row 0, run through project() itself.
// - The arithmetic per row is project_ols()'s, written with the same Eigen expressions and
//   fit_ols_line(), so the numbers are bit-for-bit those of project() (tests compare with
//   atol = 0).
// - Rows are split into contiguous ranges, one per thread; each thread writes only its rows.
#pragma once

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include <Eigen/Core>
#include <boost/math/distributions/students_t.hpp>

#include "regind/detail/projection_ols.hpp"

namespace regind::detail {

/// True when every value is finite, and positive if `positive`: rows for ols_batch_rows().
inline bool ols_batch_clean(const Eigen::Ref<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic,
                                                                 Eigen::RowMajor>>& values,
                            bool positive) {
    for (Eigen::Index r = 0; r < values.rows(); ++r)
        for (Eigen::Index c = 0; c < values.cols(); ++c) {
            const double v = values(r, c);
            if (!std::isfinite(v) || (positive && !(v > 0.0))) return false;
        }
    return true;
}

/// Fills mean, median, lower, upper and periods (rows × horizon, already sized) of every row's
/// OLS trend of z = y (or ln y) on t, as project_ols() does. Needs ≥ 3 columns and clean rows.
template <class Matrix, class ValuesRef>
void ols_batch_rows(const ValuesRef& values, const Eigen::VectorXd& t, bool log_scale, int horizon, double level,
                    double step, unsigned threads, Matrix& mean, Matrix& median, Matrix& lower, Matrix& upper,
                    Matrix& periods) {
    const Eigen::Index rows = values.rows(), n = values.cols();
    const double dfree = static_cast<double>(n - 2);
    const double q = boost::math::quantile(boost::math::students_t_distribution<double>(dfree), 0.5 + level / 2.0);
    Eigen::VectorXd ahead(horizon);
    for (int h = 0; h < horizon; ++h) ahead[h] = t[n - 1] + (h + 1) * step;
    auto work = [&](Eigen::Index begin, Eigen::Index end) {
        Eigen::VectorXd y(n), z(n);
        for (Eigen::Index r = begin; r < end; ++r) {
            y = values.row(r).transpose();
            if (log_scale) z = Eigen::VectorXd(y.array().log());
            else z = y;
            const auto fit = fit_ols_line(t, z);
            for (int h = 0; h < horizon; ++h) {
                const double t0 = ahead[h];
                const double zh = fit.at(t0), se = fit.se_pred(t0);
                periods(r, h) = t0;
                if (log_scale) {
                    median(r, h) = std::exp(zh);
                    mean(r, h) = std::exp(zh + se * se / 2.0);
                    lower(r, h) = std::exp(zh - q * se);
                    upper(r, h) = std::exp(zh + q * se);
                } else {
                    mean(r, h) = median(r, h) = zh;
                    lower(r, h) = zh - q * se;
                    upper(r, h) = zh + q * se;
                }
            }
        }
    };
    const unsigned hw = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    // About 1 µs a row: below ~20k rows a second thread does not pay for itself.
    const auto workers = static_cast<unsigned>(std::max<Eigen::Index>(1, std::min<Eigen::Index>(hw, rows / 20000 + 1)));
    if (workers == 1) {
        work(0, rows);
        return;
    }
    const Eigen::Index per = (rows + workers - 1) / workers;
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w)
        pool.emplace_back(work, std::min(rows, w * per), std::min(rows, (w + 1) * per));
    work(0, std::min(rows, per));
    for (auto& th : pool) th.join();
}

}  // namespace regind::detail
