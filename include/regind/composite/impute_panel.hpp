// SPDX-License-Identifier: MIT
// Imputation over time for panel data (REFERENCE-METHODS.md §E3, COINr impute_panel): one
// indicator as a units × times matrix, each unit's series filled from its own other years.
//
//   latest           last observation carried forward, at most max_time time points back
//                    (-1: no limit); nothing before a unit's first observation
//   constant         R's approx(method = "constant", f = 0, rule = 2): the previous observation
//                    between observations, the first one before it, the last one after it
//   linear           R's approx(method = "linear", rule = 2): linear in time between
//                    observations, the nearest observation outside them
//   linear-constant  linear, and constant for a series with a single observation (issue #63)
//
// Design notes:
// - Non-missing values are never changed. Cells with nothing to impute from stay NaN (a
//   series without observations; before the first observation for latest; beyond max_time;
//   any cell of a one-observation series under linear, which needs two): a status, not an
//   error.
// - `times` (strictly increasing, finite) place the columns in time for linear; empty means
//   0, 1, 2, ... max_time counts time points (columns), not time units.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"

namespace regind::composite {

enum class panel_imputer { latest, constant, linear, linear_constant };

[[nodiscard]] inline std::string_view to_string(panel_imputer m) noexcept {
    switch (m) {
        case panel_imputer::latest: return "latest";
        case panel_imputer::constant: return "constant";
        case panel_imputer::linear: return "linear";
        case panel_imputer::linear_constant: return "linear-constant";
    }
    return "latest";
}

[[nodiscard]] inline panel_imputer parse_panel_imputer(std::string_view s) {
    for (auto m : {panel_imputer::latest, panel_imputer::constant, panel_imputer::linear, panel_imputer::linear_constant})
        if (s == to_string(m)) return m;
    throw invalid_input(fmt::format("[regind.invalid_input.impute_panel] unknown panel imputation '{}': expected "
                                    "latest, constant, linear or linear-constant",
                                    s));
}

/// Fills the missing cells of a units × times panel (see the design notes).
[[nodiscard]] inline matrix impute_panel(const matrix& x, panel_imputer m = panel_imputer::latest,
                                         const std::vector<double>& times = {}, Index max_time = -1) {
    auto bad = [](const std::string& what) { throw invalid_input("[regind.invalid_input.impute_panel] " + what); };
    const Index t = x.cols();
    if (!times.empty() && static_cast<Index>(times.size()) != t)
        bad(fmt::format("{} times for {} columns", times.size(), t));
    for (std::size_t j = 0; j < times.size(); ++j) {
        if (!std::isfinite(times[j])) bad(fmt::format("time {} is {}; times must be finite", j + 1, times[j]));
        if (j > 0 && !(times[j] > times[j - 1]))
            bad(fmt::format("times must be strictly increasing: {} (column {}) follows {}", times[j], j + 1,
                            times[j - 1]));
    }
    if (max_time < -1) bad(fmt::format("max_time must be >= 0, or -1 for no limit, not {}", max_time));
    if (max_time != -1 && m != panel_imputer::latest)
        bad(fmt::format("max_time applies to latest only, not to {}", to_string(m)));
    auto time = [&](Index j) { return times.empty() ? static_cast<double>(j) : times[static_cast<std::size_t>(j)]; };

    matrix out = x;
    std::vector<Index> obs;
    for (Index i = 0; i < x.rows(); ++i) {
        obs.clear();
        for (Index j = 0; j < t; ++j)
            if (!std::isnan(x(i, j))) obs.push_back(j);
        if (obs.empty() || static_cast<Index>(obs.size()) == t) continue;
        const bool single = obs.size() == 1;
        if (m == panel_imputer::latest) {
            Index last = -1;
            for (Index j = 0; j < t; ++j) {
                if (!std::isnan(x(i, j))) {
                    last = j;
                } else if (last >= 0 && (max_time < 0 || j - last <= max_time)) {
                    out(i, j) = x(i, last);
                }
            }
            continue;
        }
        const bool linear = m == panel_imputer::linear || (m == panel_imputer::linear_constant && !single);
        if (linear && single) continue;  // linear needs two observations
        std::size_t k = 0;               // obs[k] is the first observation at or after j
        for (Index j = 0; j < t; ++j) {
            while (k < obs.size() && obs[k] < j) ++k;
            if (!std::isnan(x(i, j))) continue;
            if (k == 0) {
                out(i, j) = x(i, obs.front());  // before the first observation
            } else if (k == obs.size()) {
                out(i, j) = x(i, obs.back());  // after the last one
            } else {
                const Index a = obs[k - 1], b = obs[k];
                if (!linear) {
                    out(i, j) = x(i, a);
                } else {
                    const double f = (time(j) - time(a)) / (time(b) - time(a));
                    out(i, j) = x(i, a) + f * (x(i, b) - x(i, a));
                }
            }
        }
    }
    return out;
}

}  // namespace regind::composite
