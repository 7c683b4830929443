// SPDX-License-Identifier: MIT
// Screening units by data availability and zeros (REFERENCE-METHODS.md §E2, COINr's Screen):
//   Dat_Avail = 1 − n_NA / n_ind ;  Non_Zero = 1 − n_zero / (n_ind − n_NA)
//   byNA drops Dat_Avail < dat_thresh, byzeros drops Non_Zero < nonzero_thresh (strict <),
//   byNAandzeros drops either; forced inclusions and exclusions override.
#pragma once

#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"

namespace regind::composite {

enum class unit_screen { by_na, by_zeros, by_na_and_zeros, none };

[[nodiscard]] inline std::string_view to_string(unit_screen s) noexcept {
    switch (s) {
        case unit_screen::by_na: return "byNA";
        case unit_screen::by_zeros: return "byzeros";
        case unit_screen::by_na_and_zeros: return "byNAandzeros";
        case unit_screen::none: return "none";
    }
    return "none";
}

[[nodiscard]] inline unit_screen parse_unit_screen(std::string_view s) {
    for (auto u : {unit_screen::by_na, unit_screen::by_zeros, unit_screen::by_na_and_zeros, unit_screen::none})
        if (s == to_string(u)) return u;
    throw invalid_input(fmt::format("[regind.invalid_input.screen] unknown unit_screen '{}': expected byNA, byzeros, "
                                    "byNAandzeros or none",
                                    s));
}

struct screen_spec {
    unit_screen how = unit_screen::by_na;
    double dat_thresh = 2.0 / 3.0;
    double nonzero_thresh = 0.05;
    /// (row, include): forced inclusion (true) or exclusion (false) of a unit.
    std::vector<std::pair<Index, bool>> force;
};

/// COINr's screening summary, one entry per unit, and the rows kept.
struct screen_result {
    Eigen::VectorXi n_missing, n_zero, n_miss_or_zero;
    Eigen::VectorXd dat_avail, non_zero;
    Eigen::Array<bool, Eigen::Dynamic, 1> low_data, low_nonzero, low_data_or_zero, included;
    std::vector<Index> kept;  ///< rows with included = true, in order
};

[[nodiscard]] inline screen_result screen(const matrix& x, const screen_spec& s = {}) {
    auto bad = [](const std::string& what) { throw invalid_input("[regind.invalid_input.screen] " + what); };
    if (!(s.dat_thresh >= 0 && s.dat_thresh <= 1)) bad(fmt::format("dat_thresh must be in [0, 1], not {}", s.dat_thresh));
    if (!(s.nonzero_thresh >= 0 && s.nonzero_thresh <= 1))
        bad(fmt::format("nonzero_thresh must be in [0, 1], not {}", s.nonzero_thresh));
    for (const auto& f : s.force)
        if (f.first < 0 || f.first >= x.rows()) bad(fmt::format("forced row {} is outside 0..{}", f.first, x.rows() - 1));
    const Index n = x.rows();
    const double k = static_cast<double>(x.cols());
    screen_result r;
    r.n_missing.resize(n);
    r.n_zero.resize(n);
    r.n_miss_or_zero.resize(n);
    r.dat_avail.resize(n);
    r.non_zero.resize(n);
    for (auto* a : {&r.low_data, &r.low_nonzero, &r.low_data_or_zero, &r.included}) a->resize(n);
    for (Index i = 0; i < n; ++i) {
        int na = 0, zero = 0;
        for (Index j = 0; j < x.cols(); ++j) {
            const double v = x(i, j);
            na += std::isnan(v) ? 1 : 0;
            zero += v == 0 ? 1 : 0;
        }
        r.n_missing[i] = na;
        r.n_zero[i] = zero;
        r.n_miss_or_zero[i] = na + zero;
        r.dat_avail[i] = 1 - na / k;
        r.non_zero[i] = 1 - zero / (k - na);
        r.low_data[i] = r.dat_avail[i] < s.dat_thresh;
        r.low_nonzero[i] = r.non_zero[i] < s.nonzero_thresh;
        r.low_data_or_zero[i] = r.low_data[i] || r.low_nonzero[i];
        switch (s.how) {
            case unit_screen::by_na: r.included[i] = !r.low_data[i]; break;
            case unit_screen::by_zeros: r.included[i] = !r.low_nonzero[i]; break;
            case unit_screen::by_na_and_zeros: r.included[i] = !r.low_data_or_zero[i]; break;
            case unit_screen::none: r.included[i] = true; break;
        }
    }
    for (const auto& f : s.force) r.included[f.first] = f.second;
    for (Index i = 0; i < n; ++i)
        if (r.included[i]) r.kept.push_back(i);
    return r;
}

}  // namespace regind::composite
