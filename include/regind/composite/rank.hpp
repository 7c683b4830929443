// SPDX-License-Identifier: MIT
// Ranks as the composite pipeline needs them: R's rank(x, ties.method, na.last = "keep") for the
// rank-based normalisers, and COINr's result ranks rank(−x, ties = "min") overall and within
// unit groups (REFERENCE-METHODS.md §D1, §D3).
//
// Design notes: a thin adapter over the library's ranking engine (ranking.hpp), which has the
// same semantics (NaN kept and not counted, exact comparisons, "first" by position).
#pragma once

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"
#include "regind/ranking.hpp"

namespace regind::composite {

enum class ties_method { min, max, average, first };

[[nodiscard]] inline ties_method parse_ties(std::string_view s) {
    if (s == "min") return ties_method::min;
    if (s == "max") return ties_method::max;
    if (s == "average") return ties_method::average;
    if (s == "first") return ties_method::first;
    throw invalid_input(fmt::format("[regind.invalid_input.ties] unknown ties method '{}': expected min, max, "
                                    "average or first",
                                    s));
}

[[nodiscard]] inline std::string_view to_string(ties_method t) noexcept {
    switch (t) {
        case ties_method::min: return "min";
        case ties_method::max: return "max";
        case ties_method::average: return "average";
        case ties_method::first: return "first";
    }
    return "min";
}

namespace detail {
inline rank_options coinr_rank_options(bool descending, ties_method ties) {
    rank_options o;
    o.method = ties == ties_method::min       ? rank_method::min
               : ties == ties_method::max     ? rank_method::max
               : ties == ties_method::average ? rank_method::average
                                              : rank_method::first;
    o.ascending = !descending;
    o.na_option = rank_na::keep;
    return o;
}
}  // namespace detail

/// Ranks of x into out (1 = smallest, or largest when `descending`); NaN stays NaN. The work
/// is done by the library's ranking engine (ranking.hpp); `w` is reused storage.
/// @returns the number of values ranked (the non-NaN ones).
inline Index rank_into(const_col_ref x, col_ref out, bool descending, ties_method ties,
                       regind::detail::rank_workspace& w) {
    regind::detail::rank_strided(x.data(), x.innerStride(), x.size(), out.data(), out.innerStride(),
                                 detail::coinr_rank_options(descending, ties), w);
    Index ranked = 0;
    for (Index i = 0; i < x.size(); ++i) ranked += std::isnan(x[i]) ? 0 : 1;
    return ranked;
}

[[nodiscard]] inline Eigen::VectorXd rank(const_col_ref x, bool descending = false, ties_method ties = ties_method::min) {
    Eigen::VectorXd out(x.size());
    regind::detail::rank_workspace w;
    rank_into(x, out, descending, ties, w);
    return out;
}

/// COINr's result ranks of one column, rank(−x, ties = "min") with NaN kept, into out[0, n):
/// 1 + the number of values above. The same as rank_into(x, out, true, ties_method::min, ·),
/// cheaper for the many rankings of uncertainty analysis: the values are copied out once (a
/// column of a row-major matrix is strided, so sorting positions would read it at random), and
/// "min" ties need no stable order. `pairs` is reused storage.
inline void rank_descending_min(const_col_ref x, double* out, std::vector<std::pair<double, Index>>& pairs) {
    pairs.clear();
    for (Index i = 0; i < x.size(); ++i) {
        out[i] = nan;
        if (!std::isnan(x[i])) pairs.emplace_back(x[i], i);
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    double rank = 0;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (k == 0 || pairs[k].first != pairs[k - 1].first) rank = static_cast<double>(k + 1);
        out[pairs[k].second] = rank;
    }
}

/// COINr's result ranks of every column: rank(−x, ties = "min"), 1 = highest, NaN kept.
[[nodiscard]] inline matrix rank_columns(const matrix& x) {
    return regind::rank_columns(x, detail::coinr_rank_options(true, ties_method::min));
}

/// Ranks within groups: `group[i]` is unit i's group (-1 = none, which gives NaN ranks).
[[nodiscard]] inline matrix rank_columns_within(const matrix& x, const std::vector<int>& group) {
    if (static_cast<Index>(group.size()) != x.rows())
        throw invalid_input(fmt::format("[regind.invalid_input.shape] group ranks: {} groups for {} units",
                                        group.size(), x.rows()));
    group_ids ids(x.rows());
    for (Index i = 0; i < x.rows(); ++i) ids[i] = group[static_cast<std::size_t>(i)];
    matrix out(x.rows(), x.cols());
    const auto o = detail::coinr_rank_options(true, ties_method::min);
    for (Index j = 0; j < x.cols(); ++j) out.col(j) = regind::rank_within(x.col(j), ids, o);
    return out;
}

}  // namespace regind::composite
