// SPDX-License-Identifier: MIT
// Outranking and Copeland scores (REFERENCE-METHODS.md §E7): a non-compensatory aggregation
// that compares units pairwise, criterion by criterion, instead of adding up their values.
//
//   O[p,q] = (Σ_{k: x_pk > x_qk} w_k + ½ Σ_{k: x_pk = x_qk} w_k) / Σ_{k comparable} w_k
//   copeland_p = Σ_{q ≠ p} sign(O[p,q] − ½)
//   dominance pairs: pairs with O[p,q] = 1 (p strictly better on every comparable criterion
//   of positive weight); frac_dominant = pairs / (N(N − 1)/2)
//
// Design notes:
// - A criterion is comparable for a pair when both units have a value. Missing comparisons
//   count for neither unit and the weights are rescaled over the comparable criteria, so
//   O[p,q] + O[q,p] = 1 always. (COINr instead gives the whole weight of a missing comparison
//   to the second unit of the pair, O[q,p] = 1 − O[p,q], which makes the result depend on
//   the order of the units.) A pair without any comparable criterion (or whose comparable
//   criteria all weigh 0) has O = NaN and adds nothing to either Copeland score.
// - The diagonal of O is NaN: a unit is not compared with itself.
// - Units marked as excluded (`use[i] == false`) are left out of every comparison; their row
//   and column of O and their Copeland score are NaN. Aggregation uses this for units without
//   data or below the data threshold.
// - O(N²·k) time, O(N²) memory for the matrix. Weights must be finite and >= 0.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"

namespace regind::composite {

struct outranking_result {
    matrix outranking;         ///< N × N, NaN on the diagonal and for pairs without comparisons
    Eigen::VectorXd copeland;  ///< Copeland score of each unit (NaN for excluded units)
    Index dominance_pairs = 0; ///< pairs where one unit dominates the other (O = 1)
    double frac_dominant = nan;///< dominance_pairs / (N(N − 1)/2) over the units compared
};

namespace detail {

[[noreturn]] inline void bad_outranking(const std::string& what) {
    throw invalid_input("[regind.invalid_input.outranking] " + what);
}

}  // namespace detail

/// Outranking matrix, Copeland scores and dominance of the rows of `x` (units × criteria)
/// with criterion weights `w` (relative: only their ratios matter). `use` (empty: every unit)
/// excludes units from all comparisons. Higher values are better on every criterion.
[[nodiscard]] inline outranking_result outrank(const matrix& x, const Eigen::VectorXd& w,
                                               const std::vector<bool>& use = {}) {
    const Index n = x.rows();
    const Index k = x.cols();
    if (w.size() != k) detail::bad_outranking(fmt::format("{} weights for {} criteria", w.size(), k));
    for (Index j = 0; j < k; ++j)
        if (!std::isfinite(w[j]) || w[j] < 0)
            detail::bad_outranking(fmt::format("weight {} must be a finite number >= 0, not {}", j + 1, w[j]));
    if (!use.empty() && static_cast<Index>(use.size()) != n)
        detail::bad_outranking(fmt::format("{} inclusion flags for {} units", use.size(), n));
    auto used = [&](Index i) { return use.empty() || use[static_cast<std::size_t>(i)]; };

    outranking_result r;
    r.outranking = matrix::Constant(n, n, nan);
    r.copeland = Eigen::VectorXd::Constant(n, nan);
    Index n_used = 0;
    for (Index p = 0; p < n; ++p)
        if (used(p)) {
            r.copeland[p] = 0;
            ++n_used;
        }
    for (Index p = 0; p < n; ++p) {
        if (!used(p)) continue;
        for (Index q = p + 1; q < n; ++q) {
            if (!used(q)) continue;
            long double better = 0, tied = 0, comparable = 0;
            for (Index j = 0; j < k; ++j) {
                const double a = x(p, j), b = x(q, j);
                if (std::isnan(a) || std::isnan(b)) continue;
                comparable += w[j];
                if (a > b)
                    better += w[j];
                else if (a == b)
                    tied += w[j];
            }
            if (!(comparable > 0)) continue;
            // O[q,p] from its own sums, so that an exact 1 (dominance) is exact on both sides.
            const long double worse = comparable - better - tied;
            const double opq = static_cast<double>((better + tied / 2) / comparable);
            const double oqp = static_cast<double>((worse + tied / 2) / comparable);
            r.outranking(p, q) = opq;
            r.outranking(q, p) = oqp;
            if (opq > 0.5) {
                r.copeland[p] += 1;
                r.copeland[q] -= 1;
            } else if (opq < 0.5) {
                r.copeland[p] -= 1;
                r.copeland[q] += 1;
            }
            if (opq == 1.0 || oqp == 1.0) ++r.dominance_pairs;
        }
    }
    const double pairs = static_cast<double>(n_used) * static_cast<double>(n_used - 1) / 2;
    r.frac_dominant = pairs > 0 ? static_cast<double>(r.dominance_pairs) / pairs : nan;
    return r;
}

/// Copeland scores only (see outrank()).
[[nodiscard]] inline Eigen::VectorXd copeland_scores(const matrix& x, const Eigen::VectorXd& w,
                                                     const std::vector<bool>& use = {}) {
    return outrank(x, w, use).copeland;
}

}  // namespace regind::composite
