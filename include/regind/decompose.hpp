// SPDX-License-Identifier: MIT
// Target decomposition (目标分解): splitting a parent region's target among its children, and
// a cumulative monthly schedule of an annual target from past cumulative shares (时序进度 by
// month, REFERENCE-METHODS B2).
//
// Design notes.
// - Bases b_i are the children's levels in the base period, B = Σ b_i, s_i = b_i / B their
//   shares. P is the parent's base (parent_base, or B when not given). Rates are fractions.
// - The parent's level target T is target_value (kind level) or P·(1 + g) (kind growth, g =
//   target_value). Methods:
//     proportional  t_i = T · s_i                        Σ t_i = T
//     equal_growth  level: t_i = b_i (1 + T/B − 1) = T·s_i (the same split: for a level every
//                   child then grows by the parent's growth on B);
//                   growth: t_i = b_i (1 + g), every child grows by g, and the children's
//                   growth Σ s_i g_i (A9) is g; Σ t_i = B (1 + g), which is T only when P = B
//     weights       t_i = b_i + (T − B) · w_i / Σ w      the increment (增量) split by weights,
//                   Σ t_i = T
//   For levels, and for growth targets without parent_base, proportional and equal_growth
//   give the same split; with parent_base ≠ B, proportional makes the targets add up to the
//   parent's level target and equal_growth gives every child the parent's growth.
// - Targets that must add up to T do so up to floating point: the last rounding residue
//   (T − Σ t_i, computed with compensated summation) goes to the largest target.
// - decimals = d: every target is rounded down to d decimals, and the units of 10^−d left
//   over (round(Σ t_i · 10^d) − Σ floors, between 0 and n) go one each to the children with the
//   largest remainders (compared to 10^−9 of a unit; ties: the larger base, then the earlier
//   child) — the largest-remainder (Hamilton) method. The rounded targets add up exactly, in units of 10^−d, to Σ t_i rounded
//   to d decimals (T rounded to d decimals when the sum is constrained); the difference from
//   the unrounded sum is rounding_residue. Required growth is computed from the rounded targets.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/growth.hpp"

namespace regind {

enum class split_method : std::uint8_t { proportional, equal_growth, weights };
enum class split_kind : std::uint8_t { level, growth };

inline constexpr std::string_view split_method_names[] = {"proportional", "equal_growth", "weights"};
inline constexpr std::string_view split_kind_names[] = {"level", "growth"};

[[nodiscard]] inline std::string_view to_string(split_method m) noexcept { return split_method_names[static_cast<int>(m)]; }
[[nodiscard]] inline std::string_view to_string(split_kind k) noexcept { return split_kind_names[static_cast<int>(k)]; }

[[nodiscard]] inline split_method parse_split_method(std::string_view s) {
    for (int i = 0; i < 3; ++i)
        if (split_method_names[i] == s) return static_cast<split_method>(i);
    throw invalid_input(fmt::format("[regind.invalid_input.method] decompose: unknown method '{}'; expected "
                                    "proportional, equal_growth or weights",
                                    s));
}
[[nodiscard]] inline split_kind parse_split_kind(std::string_view s) {
    for (int i = 0; i < 2; ++i)
        if (split_kind_names[i] == s) return static_cast<split_kind>(i);
    throw invalid_input(fmt::format("[regind.invalid_input.kind] decompose: unknown kind '{}'; expected level or growth",
                                    s));
}

struct split_options {
    split_method method = split_method::proportional;
    split_kind kind = split_kind::level;
    std::optional<Eigen::ArrayXd> weights;  ///< method weights only: one weight ≥ 0 per child
    std::optional<double> parent_base;      ///< the parent's base level; default Σ bases
    std::optional<int> decimals;            ///< round the targets to this many decimals (0..12)
};

/// A target split among children. Arrays have one entry per child, in input order.
struct target_split {
    Eigen::ArrayXd base;              ///< b_i
    Eigen::ArrayXd base_share;        ///< s_i = b_i / Σ b
    Eigen::ArrayXd target;            ///< t_i (rounded when decimals were given)
    Eigen::ArrayXd target_unrounded;  ///< t_i before rounding
    Eigen::ArrayXd increment;         ///< t_i − b_i
    Eigen::ArrayXd required_growth;   ///< t_i / b_i − 1 (growth::required_growth), a fraction
    double parent_base = 0.0;         ///< P: parent_base, or Σ b
    double parent_target = 0.0;       ///< T: the parent's level target
    double parent_growth = 0.0;       ///< T / P − 1 (kind level) or g (kind growth)
    double children_base = 0.0;       ///< Σ b
    double children_target = 0.0;     ///< Σ t_i (exact sum of the doubles, rounded once)
    double children_growth = 0.0;     ///< Σ s_i g_i (A9 roll-up of the required growths)
    double rounding_residue = 0.0;    ///< Σ rounded targets − Σ unrounded targets (0 without decimals)
};

namespace detail::split {

/// Neumaier-compensated sum.
inline double sum(const Eigen::ArrayXd& a) {
    double s = 0.0, c = 0.0;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        const double x = a[i];
        const double t = s + x;
        c += std::fabs(s) >= std::fabs(x) ? (s - t) + x : (x - t) + s;
        s = t;
    }
    return s + c;
}

/// Moves the residue total − Σ t onto the largest |t_i|, so that the targets add up to total.
inline void settle(Eigen::ArrayXd& t, double total) {
    Eigen::Index imax = 0;
    for (Eigen::Index i = 1; i < t.size(); ++i)
        if (std::fabs(t[i]) > std::fabs(t[imax])) imax = i;
    for (int k = 0; k < 3; ++k) {
        const double r = total - sum(t);
        if (r == 0.0) break;
        t[imax] += r;
    }
}

/// Largest-remainder rounding to d decimals: Σ result = round(Σ t · 10^d) / 10^d.
inline Eigen::ArrayXd round_preserving_sum(const Eigen::ArrayXd& t, const Eigen::ArrayXd& base, int d) {
    const double scale = std::pow(10.0, d);
    const auto n = t.size();
    Eigen::ArrayXd x = t * scale;
    const double total = std::round(sum(x));
    std::vector<double> floors(static_cast<std::size_t>(n));
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    double floor_sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        floors[static_cast<std::size_t>(i)] = std::floor(x[i]);
        floor_sum += floors[static_cast<std::size_t>(i)];
        order[static_cast<std::size_t>(i)] = i;
    }
    auto left = static_cast<Eigen::Index>(total - floor_sum);  // 0 ≤ left ≤ n
    // Remainders compared at 10^−9 of a unit, so that floating-point noise does not break a tie.
    std::vector<long long> rem(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i)
        rem[static_cast<std::size_t>(i)] = std::llround((x[i] - floors[static_cast<std::size_t>(i)]) * 1e9);
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        const auto ra = rem[static_cast<std::size_t>(a)], rb = rem[static_cast<std::size_t>(b)];
        if (ra != rb) return ra > rb;
        return base[a] > base[b];
    });
    Eigen::ArrayXd out(n);
    for (Eigen::Index i = 0; i < n; ++i) out[i] = floors[static_cast<std::size_t>(i)];
    for (Eigen::Index k = 0; k < left && k < n; ++k) out[order[static_cast<std::size_t>(k)]] += 1.0;
    return out / scale;
}

inline void check_finite(std::string_view what, double x) {
    if (!std::isfinite(x))
        throw invalid_input(fmt::format("[regind.invalid_input.value] decompose: {} must be a finite number, got {}", what, x));
}

}  // namespace detail::split

/// Splits a parent's target among children with the given bases (see the top of this header).
/// @param target_value the parent's target: a level (kind level) or a growth rate as a fraction
///        (kind growth, 0.08 = 8 %).
/// @throws invalid_input when there are no bases, a base is ≤ 0 or not finite, the target is
///         not finite, a level target is ≤ 0, a growth target is ≤ −100 %, parent_base is ≤ 0,
///         weights are missing for method weights or given for another method, weights and
///         bases differ in length, a weight is negative or not finite, the weights do not sum
///         to a positive number, decimals is outside 0..12.
[[nodiscard]] inline target_split decompose(double target_value, const growth::array_ref& bases,
                                            const split_options& opt = {}) {
    namespace ds = detail::split;
    const auto n = bases.size();
    if (n == 0) throw invalid_input("[regind.invalid_input.empty] decompose: needs at least one child with a base");
    for (Eigen::Index i = 0; i < n; ++i)
        if (!(bases[i] > 0.0) || !std::isfinite(bases[i]))
            throw invalid_input(fmt::format("[regind.invalid_input.base] decompose: every base must be a finite number "
                                            "> 0; base {} (index {}) is not",
                                            bases[i], i));
    ds::check_finite("the target", target_value);
    if (opt.kind == split_kind::level && !(target_value > 0.0))
        throw invalid_input(fmt::format("[regind.invalid_input.target] decompose: a level target must be > 0, got {}",
                                        target_value));
    if (opt.kind == split_kind::growth && !(1.0 + target_value > 0.0))
        throw invalid_input(fmt::format("[regind.invalid_input.target] decompose: a growth target must be > −1 (−100 %), "
                                        "got {}; growth is a fraction (0.08 = 8 %)",
                                        target_value));
    if (opt.parent_base) {
        ds::check_finite("parent_base", *opt.parent_base);
        if (!(*opt.parent_base > 0.0))
            throw invalid_input(fmt::format("[regind.invalid_input.base] decompose: parent_base must be > 0, got {}",
                                            *opt.parent_base));
    }
    if (opt.method == split_method::weights && !opt.weights)
        throw invalid_input("[regind.invalid_input.weights] decompose: method 'weights' needs weights, one per child");
    if (opt.method != split_method::weights && opt.weights)
        throw invalid_input(fmt::format("[regind.invalid_input.weights] decompose: weights are given but the method is "
                                        "'{}'; use method 'weights'",
                                        to_string(opt.method)));
    double wsum = 0.0;
    if (opt.weights) {
        detail::growth_check_sizes("decompose", {{"bases", n}, {"weights", opt.weights->size()}});
        for (Eigen::Index i = 0; i < n; ++i)
            if (!((*opt.weights)[i] >= 0.0) || !std::isfinite((*opt.weights)[i]))
                throw invalid_input(fmt::format("[regind.invalid_input.weights] decompose: every weight must be a finite "
                                                "number >= 0; weight {} (index {}) is not",
                                                (*opt.weights)[i], i));
        wsum = ds::sum(*opt.weights);
        if (!(wsum > 0.0))
            throw invalid_input(fmt::format("[regind.invalid_input.weights] decompose: the weights must sum to a "
                                            "positive number, got {}",
                                            wsum));
    }
    if (opt.decimals && (*opt.decimals < 0 || *opt.decimals > 12))
        throw invalid_input(fmt::format("[regind.invalid_input.decimals] decompose: decimals must be 0..12, got {}",
                                        *opt.decimals));

    target_split r;
    r.base = bases;
    r.children_base = ds::sum(r.base);
    const double B = r.children_base;
    r.parent_base = opt.parent_base.value_or(B);
    r.base_share = growth::share(r.base, Eigen::ArrayXd::Constant(n, B));
    if (opt.kind == split_kind::level) {
        r.parent_target = target_value;
        r.parent_growth = growth::growth(target_value, r.parent_base);
    } else {
        r.parent_target = growth::level_after(r.parent_base, target_value);
        r.parent_growth = target_value;
    }
    const double T = r.parent_target;
    Eigen::ArrayXd t(n);
    bool constrained = true;
    switch (opt.method) {
        case split_method::proportional: t = T * r.base_share; break;
        case split_method::equal_growth:
            if (opt.kind == split_kind::growth) {
                t = growth::level_after(r.base, Eigen::ArrayXd::Constant(n, target_value), Eigen::ArrayXd::Ones(n));
                constrained = false;
            } else {
                t = T * r.base_share;
            }
            break;
        case split_method::weights: t = r.base + (T - B) * (*opt.weights / wsum); break;
    }
    if (constrained) ds::settle(t, T);
    r.target_unrounded = t;
    r.target = t;
    if (opt.decimals) {
        r.target = ds::round_preserving_sum(t, r.base, *opt.decimals);
        r.rounding_residue = ds::sum(r.target) - ds::sum(t);
    }
    r.increment = r.target - r.base;
    r.required_growth = growth::required_growth(r.base, r.target, Eigen::ArrayXd::Ones(n));
    r.children_target = ds::sum(r.target);
    r.children_growth = ds::sum(r.base_share * r.required_growth);
    return r;
}

/// Cumulative monthly targets of an annual amount target (A4 periods: the 1–2月 block, then
/// 1–3月 … 1–12月).
struct monthly_schedule_result {
    Eigen::ArrayXi month;               ///< 2, 3, …, 12 (2 is the 1–2月 block)
    Eigen::ArrayXd cumulative_share;    ///< τ_s(m): mean over the past years of C_m / C_12
    Eigen::ArrayXd cumulative_target;   ///< annual target · τ_s(m); the last is the annual target
    Eigen::ArrayXd monthly_target;      ///< single-month targets (the 1–2月 block first)
    Eigen::ArrayXd time_progress;       ///< m / 12, the calendar 时序进度, for comparison
};

/// The cumulative target for each month from past cumulative shares (seasonal 时序进度, §B2:
/// τ_s(m) = mean over prior years of C_m / C_12).
/// @param past_cumulative_shares one row per past year, 11 columns: the cumulative share of the
///        year reached by the end of 1–2月, 1–3月, …, 1–12月 (fractions, the last is 1). Rows
///        are averaged column by column; the last share is set to exactly 1, so the December
///        target is the annual target.
/// @throws invalid_input when the annual target is not finite, there are no rows or not 11
///         columns, a share is not finite, is ≤ 0, does not increase strictly along a row, or a
///         row does not end at 1 (within 1e-9).
[[nodiscard]] inline monthly_schedule_result monthly_schedule(double annual_target,
                                                              const growth::matrix_ref& past_cumulative_shares) {
    detail::split::check_finite("the annual target", annual_target);
    const auto& s = past_cumulative_shares;
    if (s.rows() == 0)
        throw invalid_input("[regind.invalid_input.empty] monthly_schedule: needs the cumulative shares of at least one "
                            "past year");
    if (s.cols() != growth::max_ytd_months)
        throw invalid_input(fmt::format("[regind.invalid_input.months] monthly_schedule: needs 11 cumulative shares per "
                                        "year (1–2月, 1–3月, …, 1–12月), got {}",
                                        s.cols()));
    for (Eigen::Index y = 0; y < s.rows(); ++y) {
        for (Eigen::Index j = 0; j < s.cols(); ++j) {
            const double v = s(y, j);
            if (!std::isfinite(v) || !(v > 0.0))
                throw invalid_input(fmt::format("[regind.invalid_input.shares] monthly_schedule: year {} month {}: a "
                                                "cumulative share must be a finite number > 0, got {}",
                                                y, j + growth::first_ytd_month, v));
            if (j > 0 && !(v > s(y, j - 1)))
                throw invalid_input(fmt::format("[regind.invalid_input.shares] monthly_schedule: year {}: cumulative "
                                                "shares must increase month by month, but month {} has {} after {}",
                                                y, j + growth::first_ytd_month, v, s(y, j - 1)));
        }
        if (std::fabs(s(y, s.cols() - 1) - 1.0) > 1e-9)
            throw invalid_input(fmt::format("[regind.invalid_input.shares] monthly_schedule: year {}: the cumulative share "
                                            "of 1–12月 must be 1 (the whole year), got {}",
                                            y, s(y, s.cols() - 1)));
    }
    monthly_schedule_result r;
    const auto k = s.cols();
    r.month.resize(k);
    r.cumulative_share = s.colwise().mean().transpose().array();
    r.cumulative_share[k - 1] = 1.0;
    r.cumulative_target = annual_target * r.cumulative_share;
    r.monthly_target.resize(k);
    r.time_progress.resize(k);
    for (Eigen::Index j = 0; j < k; ++j) {
        r.month[j] = static_cast<int>(j) + growth::first_ytd_month;
        r.monthly_target[j] = j == 0 ? r.cumulative_target[0] : r.cumulative_target[j] - r.cumulative_target[j - 1];
        r.time_progress[j] = static_cast<double>(r.month[j]) / 12.0;
    }
    return r;
}

}  // namespace regind
