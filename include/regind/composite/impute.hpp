// SPDX-License-Identifier: MIT
// Imputation of missing values, column by column (REFERENCE-METHODS.md §E3): COINr's i_mean,
// i_median and their by-group versions i_mean_grp, i_median_grp (the group of each unit, e.g.
// its parent region or COINr's EurAsia_group).
//
// Design notes: non-missing values are never changed. A cell stays NaN when there is nothing
// to impute from (an all-missing column, an all-missing group, a unit without a group): that is
// a documented outcome, not an error.
#pragma once

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"
#include "regind/composite/stats.hpp"

namespace regind::composite {

enum class impute_method { none, mean, median, mean_grp, median_grp };

[[nodiscard]] inline std::string_view to_string(impute_method m) noexcept {
    switch (m) {
        case impute_method::none: return "none";
        case impute_method::mean: return "i_mean";
        case impute_method::median: return "i_median";
        case impute_method::mean_grp: return "i_mean_grp";
        case impute_method::median_grp: return "i_median_grp";
    }
    return "none";
}

[[nodiscard]] inline impute_method parse_impute_method(std::string_view s) {
    for (auto m : {impute_method::none, impute_method::mean, impute_method::median, impute_method::mean_grp,
                   impute_method::median_grp})
        if (s == to_string(m)) return m;
    throw invalid_input(fmt::format("[regind.invalid_input.impute] unknown imputation method '{}': expected i_mean, "
                                    "i_median, i_mean_grp, i_median_grp or none",
                                    s));
}

[[nodiscard]] constexpr bool by_group(impute_method m) noexcept {
    return m == impute_method::mean_grp || m == impute_method::median_grp;
}

/// Imputes the missing cells of x in place. `group[i]` is unit i's group (≥ 0, or -1 for
/// none); it is needed, and only read, for the _grp methods.
inline void impute_in_place(matrix& x, impute_method m, const std::vector<int>& group = {}) {
    if (m == impute_method::none) return;
    if (by_group(m) && static_cast<Index>(group.size()) != x.rows())
        throw invalid_input(fmt::format("[regind.invalid_input.impute] {} needs a group for each of the {} units, "
                                        "got {}",
                                        to_string(m), x.rows(), group.size()));
    const bool use_median = m == impute_method::median || m == impute_method::median_grp;
    int n_groups = 1;
    if (by_group(m))
        for (int g : group) n_groups = std::max(n_groups, g + 1);
    Eigen::VectorXd members;
    std::vector<double> scratch;
    std::vector<Index> rows;
    for (Index j = 0; j < x.cols(); ++j) {
        auto c = x.col(j);
        bool any_missing = false;
        for (Index i = 0; i < c.size() && !any_missing; ++i) any_missing = std::isnan(c[i]);
        if (!any_missing) continue;
        if (!by_group(m)) {
            const double fill = use_median ? median(c, scratch) : mean(c);
            for (Index i = 0; i < c.size(); ++i)
                if (std::isnan(c[i])) c[i] = fill;
            continue;
        }
        for (int g = 0; g < n_groups; ++g) {
            rows.clear();
            bool missing = false;
            for (Index i = 0; i < c.size(); ++i)
                if (group[static_cast<std::size_t>(i)] == g) {
                    rows.push_back(i);
                    missing = missing || std::isnan(c[i]);
                }
            if (!missing) continue;
            members.resize(static_cast<Index>(rows.size()));
            for (std::size_t k = 0; k < rows.size(); ++k) members[static_cast<Index>(k)] = c[rows[k]];
            const double fill = use_median ? median(members, scratch) : mean(members);
            for (Index i : rows)
                if (std::isnan(c[i])) c[i] = fill;
        }
    }
}

[[nodiscard]] inline matrix impute(const matrix& x, impute_method m, const std::vector<int>& group = {}) {
    matrix out = x;
    impute_in_place(out, m, group);
    return out;
}

}  // namespace regind::composite
