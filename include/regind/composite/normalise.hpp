// SPDX-License-Identifier: MIT
// Normalisation: the 11 COINr normalisers of REFERENCE-METHODS.md §E5, column by column.
//
// Design notes:
// - The indicator direction is applied exactly once, inside the kernel: the formula sees
//   x' = d·x. Parameters that live on the indicator's scale (n_dist2targ's target,
//   n_goalposts' goalposts, n_scaled's npara) are given in the indicator's own units and are
//   never negated by the caller (COINr's "use_iMeta" negation and its double reversal, issue
//   #68, do not exist here). With direction −1 such a scale runs the other way:
//   goalposts give (hi − x)/(hi − lo), n_scaled gives (p2 − x)/(p2 − p1)·scale_factor, and a
//   target t gives (max − x)/(max − t).
// - Outcomes that are numbers, not errors (§0): a constant column gives NaN for n_minmax and
//   n_dist2max (0/0, COINr warns), a missing reference value gives NaN for n_dist2ref, a target
//   below the minimum gives negative n_dist2targ scores. Bad parameters throw invalid_input.
// - Kernels do not allocate except for the rank-based methods (one index buffer, reused).
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"
#include "regind/composite/rank.hpp"
#include "regind/composite/stats.hpp"

namespace regind::composite {

enum class normaliser { minmax, scaled, zscore, dist2max, dist2ref, dist2targ, fracmax, prank, rank, borda, goalposts };

[[nodiscard]] inline std::string_view to_string(normaliser m) noexcept {
    switch (m) {
        case normaliser::minmax: return "n_minmax";
        case normaliser::scaled: return "n_scaled";
        case normaliser::zscore: return "n_zscore";
        case normaliser::dist2max: return "n_dist2max";
        case normaliser::dist2ref: return "n_dist2ref";
        case normaliser::dist2targ: return "n_dist2targ";
        case normaliser::fracmax: return "n_fracmax";
        case normaliser::prank: return "n_prank";
        case normaliser::rank: return "n_rank";
        case normaliser::borda: return "n_borda";
        case normaliser::goalposts: return "n_goalposts";
    }
    return "n_minmax";
}

[[nodiscard]] inline normaliser parse_normaliser(std::string_view s) {
    for (auto m : {normaliser::minmax, normaliser::scaled, normaliser::zscore, normaliser::dist2max,
                   normaliser::dist2ref, normaliser::dist2targ, normaliser::fracmax, normaliser::prank,
                   normaliser::rank, normaliser::borda, normaliser::goalposts})
        if (s == to_string(m)) return m;
    throw invalid_input(fmt::format("[regind.invalid_input.normaliser] unknown normaliser '{}': expected n_minmax, "
                                    "n_scaled, n_zscore, n_dist2max, n_dist2ref, n_dist2targ, n_fracmax, n_prank, "
                                    "n_rank, n_borda or n_goalposts",
                                    s));
}

/// A normaliser and its parameters; each method reads only its own fields.
struct normalise_spec {
    normaliser method = normaliser::minmax;
    double l = 0, u = 100;                        ///< n_minmax: output range [l, u] (l_u)
    double mean = 0, sd = 1;                      ///< n_zscore: output mean and SD (m_sd)
    double p1 = 0, p2 = 100, scale_factor = 100;  ///< n_scaled: npara = (p1, p2), scale_factor
    ties_method ties = ties_method::min;          ///< n_rank, n_prank, n_borda
    Index ref = -1;                               ///< n_dist2ref: row of the reference unit
    std::string ref_unit;                         ///< n_dist2ref in a pipeline: its uCode
    double target = nan;                          ///< n_dist2targ, indicator units (pipeline: NaN → iMeta Target)
    bool cap_max = false;                         ///< n_dist2ref, n_dist2targ: scores above 1 become 1
    double lo = nan, hi = nan, scale = 1;         ///< n_goalposts: goalposts (indicator units) and scale
    bool trunc2posts = true;                      ///< n_goalposts: clamp to [0, 1] before scaling
};

namespace detail {

[[noreturn]] inline void bad_normalise(std::string_view where, std::string_view what) {
    throw invalid_input(fmt::format("[regind.invalid_input.normalise] {}{}", where.empty() ? "" : fmt::format("{}: ", where),
                                    what));
}

}  // namespace detail

/// Throws invalid_input when the parameters of the spec's method are unusable. `where` names
/// the column in the message.
inline void check_spec(const normalise_spec& s, int direction, std::string_view where = {}) {
    using detail::bad_normalise;
    if (direction != 1 && direction != -1) bad_normalise(where, fmt::format("direction must be 1 or -1, not {}", direction));
    switch (s.method) {
        case normaliser::minmax:
            if (!std::isfinite(s.l) || !std::isfinite(s.u))
                bad_normalise(where, fmt::format("n_minmax needs a finite l_u, not ({}, {})", s.l, s.u));
            // Reversed bounds would silently flip the indicator's direction (Direction does that).
            if (!(s.l < s.u))
                bad_normalise(where, fmt::format("n_minmax needs l < u in l_u, not ({}, {}); set the indicator's "
                                                 "Direction to -1 to reverse it", s.l, s.u));
            break;
        case normaliser::zscore:
            if (!std::isfinite(s.mean) || !(s.sd > 0) || !std::isfinite(s.sd))
                bad_normalise(where, fmt::format("n_zscore needs a finite mean and a positive SD (m_sd), not ({}, {})",
                                                 s.mean, s.sd));
            break;
        case normaliser::scaled:
            if (!std::isfinite(s.p1) || !std::isfinite(s.p2) || s.p1 == s.p2 || !std::isfinite(s.scale_factor))
                bad_normalise(where, fmt::format("n_scaled needs finite, distinct npara and a finite scale_factor, not "
                                                 "({}, {}) and {}",
                                                 s.p1, s.p2, s.scale_factor));
            break;
        case normaliser::dist2targ:
            if (!std::isfinite(s.target)) bad_normalise(where, "n_dist2targ needs a finite target (iMeta Target or targ)");
            break;
        case normaliser::goalposts:
            if (!std::isfinite(s.lo) || !std::isfinite(s.hi) || !(s.lo < s.hi) || !std::isfinite(s.scale))
                bad_normalise(where, fmt::format("n_goalposts needs finite goalposts lo < hi and a finite scale, not "
                                                 "({}, {}, {})",
                                                 s.lo, s.hi, s.scale));
            break;
        default: break;
    }
}

/// Normalises one column: out = f(d·x). out must not alias x. `order` is reused storage for
/// the rank-based methods.
inline void normalise_into(const_col_ref x, col_ref out, int direction, const normalise_spec& s,
                           regind::detail::rank_workspace& order) {
    check_spec(s, direction);
    const double d = direction;
    const Index n = x.size();
    // Range of x' = d·x over the non-missing values (R's min/max with na.rm: first extreme wins).
    double mn = nan, mx = nan;
    for (Index i = 0; i < n; ++i) {
        const double v = d * x[i];
        if (std::isnan(v)) continue;
        if (std::isnan(mn) || v < mn) mn = v;
        if (std::isnan(mx) || v > mx) mx = v;
    }
    switch (s.method) {
        case normaliser::minmax:
            for (Index i = 0; i < n; ++i) out[i] = (d * x[i] - mn) / (mx - mn) * (s.u - s.l) + s.l;
            break;
        case normaliser::scaled:
            // In the indicator's units: p1 ↦ 0 and p2 ↦ scale_factor for direction 1, reversed for −1.
            for (Index i = 0; i < n; ++i)
                out[i] = direction > 0 ? (x[i] - s.p1) / (s.p2 - s.p1) * s.scale_factor
                                       : (s.p2 - x[i]) / (s.p2 - s.p1) * s.scale_factor;
            break;
        case normaliser::zscore: {
            // mean and SD of x' = d·x: the mean flips sign, the SD does not.
            const double m = d * mean(x);
            const double sdev = sd(x);
            for (Index i = 0; i < n; ++i) out[i] = (d * x[i] - m) / sdev * s.sd + s.mean;
            break;
        }
        case normaliser::dist2max:
            for (Index i = 0; i < n; ++i) out[i] = 1 - (mx - d * x[i]) / (mx - mn);
            break;
        case normaliser::dist2ref: {
            if (s.ref < 0 || s.ref >= n)
                detail::bad_normalise({}, fmt::format("n_dist2ref: reference row {} is outside 0..{}", s.ref, n - 1));
            const double vref = d * x[s.ref];
            for (Index i = 0; i < n; ++i) {
                double y = 1 - (vref - d * x[i]) / (vref - mn);
                if (s.cap_max && y > 1) y = 1;
                out[i] = y;
            }
            break;
        }
        case normaliser::dist2targ: {
            const double t = d * s.target;
            for (Index i = 0; i < n; ++i) {
                double y = (d * x[i] - mn) / (t - mn);
                if (s.cap_max && y > 1) y = 1;
                out[i] = y;
            }
            break;
        }
        case normaliser::fracmax:
            for (Index i = 0; i < n; ++i) out[i] = d * x[i] / mx;
            break;
        case normaliser::rank:
        case normaliser::prank:
        case normaliser::borda: {
            // Ascending ranks of d·x are descending ranks of x (ties unchanged).
            const Index ranked = rank_into(x, out, direction < 0, s.ties, order);
            if (s.method == normaliser::borda) {
                for (Index i = 0; i < n; ++i) out[i] -= 1;
            } else if (s.method == normaliser::prank) {
                const double m = static_cast<double>(ranked) - 1;
                for (Index i = 0; i < n; ++i) out[i] = (out[i] - 1) / m;
            }
            break;
        }
        case normaliser::goalposts:
            for (Index i = 0; i < n; ++i) {
                double y = direction > 0 ? (x[i] - s.lo) / (s.hi - s.lo) : (s.hi - x[i]) / (s.hi - s.lo);
                if (s.trunc2posts && !std::isnan(y)) y = std::min(1.0, std::max(0.0, y));
                out[i] = y * s.scale;
            }
            break;
    }
}

[[nodiscard]] inline Eigen::VectorXd normalise(const_col_ref x, int direction = 1, const normalise_spec& s = {}) {
    Eigen::VectorXd out(x.size());
    regind::detail::rank_workspace order;
    normalise_into(x, out, direction, s, order);
    return out;
}

/// Normalises every column j of x with specs[j] and directions[j]. `names` (optional) name the
/// columns in error messages.
[[nodiscard]] inline matrix normalise(const matrix& x, const std::vector<int>& directions,
                                      const std::vector<normalise_spec>& specs,
                                      const std::vector<std::string>& names = {}) {
    const auto k = static_cast<std::size_t>(x.cols());
    if (directions.size() != k || specs.size() != k || (!names.empty() && names.size() != k))
        throw invalid_input(fmt::format("[regind.invalid_input.shape] normalise: {} columns, {} directions, {} specs",
                                        k, directions.size(), specs.size()));
    for (std::size_t j = 0; j < k; ++j)
        check_spec(specs[j], directions[j], names.empty() ? fmt::format("column {}", j) : names[j]);
    matrix out(x.rows(), x.cols());
    regind::detail::rank_workspace order;
    for (Index j = 0; j < x.cols(); ++j) {
        const auto jj = static_cast<std::size_t>(j);
        if (specs[jj].method == normaliser::dist2ref && (specs[jj].ref < 0 || specs[jj].ref >= x.rows()))
            detail::bad_normalise(names.empty() ? fmt::format("column {}", j) : names[jj],
                                  fmt::format("n_dist2ref: reference row {} is outside 0..{}", specs[jj].ref, x.rows() - 1));
        normalise_into(x.col(j), out.col(j), directions[jj], specs[jj], order);
    }
    return out;
}

}  // namespace regind::composite
