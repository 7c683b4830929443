// SPDX-License-Identifier: MIT
// Denomination (REFERENCE-METHODS.md §E1, COINr's Denominate): x_ij ← x_ij / (d_i / s_j), with
// d the unit's denominator chosen per indicator (iMeta Denominator) and s_j a scale factor.
//
// Design notes: a zero or missing denominator is IEEE arithmetic (±Inf or NaN), as in COINr,
// not an error; indicators without a denominator are copied unchanged.
#pragma once

#include <cmath>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"

namespace regind::composite {

/// `which[j]` is the column of `denoms` that divides indicator column j (-1: none);
/// `scale[j]` its scale factor (empty: all 1).
[[nodiscard]] inline matrix denominate(const matrix& x, const matrix& denoms, const std::vector<Index>& which,
                                       const std::vector<double>& scale = {}) {
    auto bad = [](const std::string& what) { throw invalid_input("[regind.invalid_input.denominate] " + what); };
    if (static_cast<Index>(which.size()) != x.cols())
        bad(fmt::format("{} denominator choices for {} indicator columns", which.size(), x.cols()));
    if (!scale.empty() && scale.size() != which.size())
        bad(fmt::format("{} scale factors for {} indicator columns", scale.size(), which.size()));
    if (denoms.rows() != x.rows()) bad(fmt::format("{} rows of denominators for {} units", denoms.rows(), x.rows()));
    for (std::size_t j = 0; j < which.size(); ++j) {
        if (which[j] < -1 || which[j] >= denoms.cols())
            bad(fmt::format("indicator column {}: denominator column {} is outside 0..{}", j, which[j], denoms.cols() - 1));
        if (!scale.empty() && (!std::isfinite(scale[j]) || scale[j] == 0))
            bad(fmt::format("indicator column {}: the scale factor must be finite and non-zero, not {}", j, scale[j]));
    }
    matrix out = x;
    for (Index j = 0; j < x.cols(); ++j) {
        const auto d = which[static_cast<std::size_t>(j)];
        if (d < 0) continue;
        const double s = scale.empty() ? 1.0 : scale[static_cast<std::size_t>(j)];
        for (Index i = 0; i < x.rows(); ++i) out(i, j) = x(i, j) / (denoms(i, d) / s);
    }
    return out;
}

}  // namespace regind::composite
