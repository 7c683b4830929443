// SPDX-License-Identifier: MIT
// Rankings (REFERENCE-METHODS.md §D): tie methods average / min / max / first / dense,
// ascending or descending, NaN kept or ranked at the top or bottom, percentile ranks; ranks of
// every column (or row) of a panel, ranks within groups, and rank changes between periods.
//
// Design notes:
// - The semantics are exactly those of pandas' Series.rank (§D1–D2), checked against
//   pandas 1.5.3 / 3.x results: ±inf are ordinary values, 0.0 and -0.0 tie, comparisons are
//   exact (0.1 + 0.2 and 0.3 do not tie, §D5). `first` breaks ties by position also when
//   descending. NaN: `keep` leaves it NaN and does not count it; `top` / `bottom` rank all
//   NaN together as one tie group placed first / last whatever the order. Percentiles divide
//   by the number of ranked values (NaN included for top/bottom), or for `dense` by the
//   highest dense rank (the NaN group included for top/bottom). Two more NaN policies of
//   §D1: `propagate` (any NaN makes every rank NaN, as scipy's rankdata) and `raise`.
// - One O(n log n) kernel: a stable sort of the positions of the non-NaN values, then one walk
//   over the tie groups. Every read of the input happens before the first write of the
//   output, so rank_into() may write over its own input. Workspaces are reused across the
//   columns of a panel and the groups of rank_within(), so those allocate once.
// - Defaults follow pandas (average, ascending, keep). League tables of official statistics
//   use competition ranking (`min`, 1-2-2-4) in the indicator's own direction:
//   league_options(direction).
// - Bad input throws invalid_input (unknown method or NaN policy, sizes that differ, a NaN
//   under na_option raise); a NaN rank is a result, never an error.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/indicator.hpp"
#include "regind/detail/text.hpp"

namespace regind {

using row_matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
/// Group ids for rank_within(): any non-negative integers; a negative id means "no group".
using group_ids = Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1>;

/// How tied values are ranked (pandas' `method`). Example for 10, 20, 20, 30 ascending:
/// average 1, 2.5, 2.5, 4; min 1, 2, 2, 4; max 1, 3, 3, 4; first 1, 2, 3, 4; dense 1, 2, 2, 3.
enum class rank_method { average, min, max, first, dense };

/// What happens to NaN values (pandas' `na_option`, plus scipy's `propagate` and `raise`).
enum class rank_na { keep, top, bottom, propagate, raise };

struct rank_options {
    rank_method method = rank_method::average;
    bool ascending = true;             ///< false: the largest value gets rank 1
    rank_na na_option = rank_na::keep;
    bool pct = false;                  ///< ranks divided by the number ranked (see §D2)
};

[[nodiscard]] inline std::string_view to_string(rank_method m) noexcept {
    switch (m) {
        case rank_method::average: return "average";
        case rank_method::min: return "min";
        case rank_method::max: return "max";
        case rank_method::first: return "first";
        case rank_method::dense: return "dense";
    }
    return "?";
}

[[nodiscard]] inline std::string_view to_string(rank_na n) noexcept {
    switch (n) {
        case rank_na::keep: return "keep";
        case rank_na::top: return "top";
        case rank_na::bottom: return "bottom";
        case rank_na::propagate: return "propagate";
        case rank_na::raise: return "raise";
    }
    return "?";
}

/// Parses a tie method: average, min, max, first or dense ("ordinal", scipy's name for
/// first, is accepted too). Throws invalid_input naming the allowed values.
[[nodiscard]] inline rank_method parse_rank_method(std::string_view s) {
    const auto t = detail::ascii_lower(detail::trim(s));
    if (t == "average") return rank_method::average;
    if (t == "min") return rank_method::min;
    if (t == "max") return rank_method::max;
    if (t == "first" || t == "ordinal") return rank_method::first;
    if (t == "dense") return rank_method::dense;
    throw invalid_input(fmt::format("[regind.invalid_input.rank_method] unknown rank method '{}'; expected "
                                    "average, min, max, first (or ordinal) or dense", s));
}

/// Parses a NaN policy: keep, top, bottom, propagate or raise. Throws invalid_input naming
/// the allowed values.
[[nodiscard]] inline rank_na parse_rank_na(std::string_view s) {
    const auto t = detail::ascii_lower(detail::trim(s));
    if (t == "keep") return rank_na::keep;
    if (t == "top") return rank_na::top;
    if (t == "bottom") return rank_na::bottom;
    if (t == "propagate") return rank_na::propagate;
    if (t == "raise") return rank_na::raise;
    throw invalid_input(fmt::format("[regind.invalid_input.na_option] unknown na_option '{}'; expected keep, "
                                    "top, bottom, propagate or raise", s));
}

/// The options of an official league table for an indicator of direction `d`: competition
/// ranking (`min`, 1-2-2-4), rank 1 for the best value (descending when higher is better),
/// NaN kept out. Throws invalid_input for a neutral indicator, which has no best value.
[[nodiscard]] inline rank_options league_options(direction d) {
    if (d == direction::neutral)
        throw invalid_input("[regind.invalid_input.direction] a neutral indicator has no best value; choose "
                            "the order (ascending) yourself");
    rank_options o;
    o.method = rank_method::min;
    o.ascending = d == direction::lower;
    return o;
}

namespace detail {

/// Scratch space of the ranking kernel, reused between calls.
struct rank_workspace {
    std::vector<Eigen::Index> seq;    // positions in rank order (NaN group included for top/bottom)
    std::vector<Eigen::Index> nans;   // positions of NaN values, in position order
    std::vector<double> ranks;        // rank of seq[k]
};

/// Ranks the n values x[i * xs] into out[i * os]. Reads all of x before it writes to out, so
/// the two may alias.
inline void rank_strided(const double* x, Eigen::Index xs, Eigen::Index n, double* out, Eigen::Index os,
                         const rank_options& o, rank_workspace& w) {
    const auto at = [&](Eigen::Index i) { return x[i * xs]; };
    w.seq.clear();
    w.nans.clear();
    for (Eigen::Index i = 0; i < n; ++i) (std::isnan(at(i)) ? w.nans : w.seq).push_back(i);
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (!w.nans.empty()) {
        if (o.na_option == rank_na::raise)
            throw invalid_input(fmt::format("[regind.invalid_input.nan] value {} of {} is NaN and na_option is "
                                            "'raise'", w.nans.front(), n));
        if (o.na_option == rank_na::propagate) {
            for (Eigen::Index i = 0; i < n; ++i) out[i * os] = nan;
            return;
        }
    }
    // Stable, so that equal values keep their positional order: `first` needs it.
    if (o.ascending)
        std::stable_sort(w.seq.begin(), w.seq.end(), [&](Eigen::Index a, Eigen::Index b) { return at(a) < at(b); });
    else
        std::stable_sort(w.seq.begin(), w.seq.end(), [&](Eigen::Index a, Eigen::Index b) { return at(a) > at(b); });
    // NaN form one tie group, first for top and last for bottom whatever the order.
    if (!w.nans.empty() && o.na_option == rank_na::top) w.seq.insert(w.seq.begin(), w.nans.begin(), w.nans.end());
    if (!w.nans.empty() && o.na_option == rank_na::bottom) w.seq.insert(w.seq.end(), w.nans.begin(), w.nans.end());

    const std::size_t m = w.seq.size();
    w.ranks.resize(m);
    std::size_t groups = 0;
    for (std::size_t s = 0; s < m;) {
        const double v = at(w.seq[s]);
        const bool v_nan = std::isnan(v);
        std::size_t e = s + 1;  // the tie group is seq[s, e)
        while (e < m && (v_nan ? std::isnan(at(w.seq[e])) : at(w.seq[e]) == v)) ++e;
        ++groups;
        for (std::size_t k = s; k < e; ++k) {
            double r = 0.0;
            switch (o.method) {
                // Mean of s+1 .. e; (s + 1 + e) is an integer, so halving it is exact.
                case rank_method::average: r = static_cast<double>(s + 1 + e) / 2.0; break;
                case rank_method::min: r = static_cast<double>(s + 1); break;
                case rank_method::max: r = static_cast<double>(e); break;
                case rank_method::first: r = static_cast<double>(k + 1); break;
                case rank_method::dense: r = static_cast<double>(groups); break;
            }
            w.ranks[k] = r;
        }
        s = e;
    }
    if (o.pct && m > 0) {
        const double denominator = static_cast<double>(o.method == rank_method::dense ? groups : m);
        for (auto& r : w.ranks) r /= denominator;
    }
    // Every read of x is done: now write.
    if (o.na_option == rank_na::keep)
        for (auto i : w.nans) out[i * os] = nan;
    for (std::size_t k = 0; k < m; ++k) out[w.seq[k] * os] = w.ranks[k];
}

inline void check_same_size(std::string_view fn, std::string_view a, Eigen::Index na, std::string_view b,
                            Eigen::Index nb) {
    if (na != nb)
        throw invalid_input(fmt::format("[regind.invalid_input.shape] {}: {} has {} values and {} has {}; they must "
                                        "have the same size",
                                        fn, a, na, b, nb));
}

}  // namespace detail

/// Ranks `out` ← ranks of `x` (same size; `out` may be `x` itself).
/// @throws invalid_input when the sizes differ, or for a NaN under na_option raise.
inline void rank_into(Eigen::Ref<const Eigen::VectorXd> x, Eigen::Ref<Eigen::VectorXd> out,
                      const rank_options& options = {}) {
    detail::check_same_size("rank_into", "x", x.size(), "out", out.size());
    detail::rank_workspace w;
    detail::rank_strided(x.data(), x.innerStride(), x.size(), out.data(), out.innerStride(), options, w);
}

/// The ranks of `x`, exactly as pandas' `Series(x).rank(method, ascending, na_option, pct)`.
///
/// Example (§D1): x = 10, 20, 20, NaN, 30, 20 with {rank_method::min, false} gives
/// 5, 2, 2, NaN, 1, 2.
/// @throws invalid_input for a NaN under na_option raise.
[[nodiscard]] inline Eigen::VectorXd rank(Eigen::Ref<const Eigen::VectorXd> x, const rank_options& options = {}) {
    Eigen::VectorXd out(x.size());
    rank_into(x, out, options);
    return out;
}

/// Ranks every column of `m` independently: for a regions × periods panel, the rank of each
/// region within each period (pandas' DataFrame.rank(axis=0)).
[[nodiscard]] inline row_matrix rank_columns(Eigen::Ref<const row_matrix> m, const rank_options& options = {}) {
    row_matrix out(m.rows(), m.cols());
    detail::rank_workspace w;
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        detail::rank_strided(m.data() + j * m.innerStride(), m.outerStride(), m.rows(), out.data() + j, out.cols(),
                             options, w);
    return out;
}

/// Ranks every row of `m` independently (pandas' DataFrame.rank(axis=1)).
[[nodiscard]] inline row_matrix rank_rows(Eigen::Ref<const row_matrix> m, const rank_options& options = {}) {
    row_matrix out(m.rows(), m.cols());
    detail::rank_workspace w;
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        detail::rank_strided(m.data() + i * m.outerStride(), m.innerStride(), m.cols(), out.data() + i * out.cols(),
                             1, options, w);
    return out;
}

/// Ranks `x` within the groups given by `groups` (§D3): each value is ranked among the values
/// with the same group id, percentiles use the group's count. A negative group id gives a NaN
/// rank (COINr rank_df(use_group)). Same result as pandas'
/// `Series(x).groupby(groups).rank(...)` with the negative ids as NaN labels.
/// @throws invalid_input when the sizes differ, or for a NaN under na_option raise.
[[nodiscard]] inline Eigen::VectorXd rank_within(Eigen::Ref<const Eigen::VectorXd> x,
                                                 Eigen::Ref<const group_ids> groups,
                                                 const rank_options& options = {}) {
    detail::check_same_size("rank_within", "x", x.size(), "groups", groups.size());
    Eigen::VectorXd out = Eigen::VectorXd::Constant(x.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<Eigen::Index> members;
    members.reserve(static_cast<std::size_t>(x.size()));
    for (Eigen::Index i = 0; i < x.size(); ++i)
        if (groups[i] >= 0) members.push_back(i);
    // Stable: within a group, members stay in positional order (for `first`).
    std::stable_sort(members.begin(), members.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return groups[a] < groups[b]; });
    detail::rank_workspace w;
    std::vector<double> values, ranks;
    for (std::size_t s = 0; s < members.size();) {
        std::size_t e = s + 1;
        while (e < members.size() && groups[members[e]] == groups[members[s]]) ++e;
        values.resize(e - s);
        ranks.resize(e - s);
        for (std::size_t k = s; k < e; ++k) values[k - s] = x[members[k]];
        detail::rank_strided(values.data(), 1, static_cast<Eigen::Index>(e - s), ranks.data(), 1, options, w);
        for (std::size_t k = s; k < e; ++k) out[members[k]] = ranks[k - s];
        s = e;
    }
    return out;
}

/// Places gained between two periods (§D4): Δ = before − after, so a move from 5th to 3rd is
/// +2. NaN where either rank is NaN.
/// @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::VectorXd rank_change(Eigen::Ref<const Eigen::VectorXd> before,
                                                 Eigen::Ref<const Eigen::VectorXd> after) {
    detail::check_same_size("rank_change", "before", before.size(), "after", after.size());
    // NaN − anything is NaN, so missing ranks need no special case.
    return before - after;
}

/// True when the set of ranked units (non-NaN ranks) differs between the two periods, so that
/// rank changes mix real moves with units entering or leaving (§D4: flag it).
/// @throws invalid_input when the sizes differ.
[[nodiscard]] inline bool ranked_set_changed(Eigen::Ref<const Eigen::VectorXd> before,
                                             Eigen::Ref<const Eigen::VectorXd> after) {
    detail::check_same_size("ranked_set_changed", "before", before.size(), "after", after.size());
    for (Eigen::Index i = 0; i < before.size(); ++i)
        if (std::isnan(before[i]) != std::isnan(after[i])) return true;
    return false;
}

}  // namespace regind
