// SPDX-License-Identifier: MIT
// Industrial carbon-efficiency grades (工业碳效码, REFERENCE-METHODS G4).
//
//   CO2_i = Σ_f factor_f · use_if                     (emission factors per fuel are data)
//   L_i   = CO2_i / value added_i  (t / 万元)          level: L ≤ 0.6 low | ≤ 2.0 medium | > 2.0 high
//   K_i   = L_i / mean L of the firm's industry        grade: K ≤ 0.6 → 1 | ≤ 0.8 → 2 | ≤ 1.2 → 3
//                                                             | ≤ 2.0 → 4 | > 2.0 → 5
// Design notes:
// - The grading is the evaluation engine (evaluation.hpp) with the "carbon_efficiency" preset:
//   one ratio term co2_t / value_added, benchmark = mean of L over the firm's industry (mean of
//   ratios, as G4 writes it; `ratio_of_sums` switches to Σ CO2 / Σ value added), value cuts on
//   K. Bounds are inclusive with a relative tolerance of 1e-9, so a computed K of
//   0.6000000000000001 is grade 1, as K = 0.6 is.
// - Zero-carbon power (hydro, wind, PV) and sinks are netted out by negative factors.
// - A NaN fuel use makes CO2 NaN (missing is never 0) unless missing_fuel_is_zero is set.
//   A non-positive value added makes L missing: such a firm is unclassified (grade 0).
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/evaluation.hpp"

namespace regind::carbon {

/// Emission factors: t CO2 per unit of each fuel column; negative values net out.
struct emission_factors {
    std::string name;
    int year = 0;
    std::string description;
    std::vector<std::pair<std::string, double>> factors;

    void validate() const {
        if (factors.empty()) throw invalid_input("[regind.invalid_input.emission_factors] no emission factors given");
        for (const auto& [col, f] : factors) {
            if (col.empty()) throw invalid_input("[regind.invalid_input.emission_factors] a factor needs a column name");
            if (!std::isfinite(f))
                throw invalid_input(fmt::format("[regind.invalid_input.emission_factors] factor for '{}' must be a finite "
                                                "number, not {}", col, f));
        }
        for (std::size_t i = 0; i < factors.size(); ++i)
            for (std::size_t j = i + 1; j < factors.size(); ++j)
                if (factors[i].first == factors[j].first)
                    throw invalid_input(fmt::format("[regind.invalid_input.emission_factors] column '{}' appears twice",
                                                    factors[i].first));
    }

    /// "illustrative": electricity 5.703 t/万kWh (national grid 0.5703 t/MWh, 2022), coal
    /// 1.9003 t/t, natural_gas 21.622 t/万m³, oil 3.0959 t/t, green_power −5.703 t/万kWh
    /// (netted). Illustrative defaults (unverified against the Huzhou 评价规范): pass your own.
    static emission_factors preset(std::string_view name) {
        if (name == "illustrative")
            return {"illustrative", 2022, "illustrative factors, t CO2 per unit (unverified)",
                    {{"electricity", 5.703}, {"coal", 1.9003}, {"natural_gas", 21.622}, {"oil", 3.0959},
                     {"green_power", -5.703}}};
        throw invalid_input(fmt::format("[regind.invalid_input.emission_factors] unknown factor preset '{}'; expected "
                                        "illustrative", name));
    }
};

/// t CO2 per firm: Σ factor · use.
[[nodiscard]] inline Eigen::VectorXd emissions(const evaluation::columns& data, const emission_factors& f,
                                               bool missing_fuel_is_zero = false) {
    f.validate();
    const Eigen::Index n = data.empty() ? 0 : data.begin()->second.size();
    Eigen::VectorXd out = Eigen::VectorXd::Zero(n);
    for (const auto& [col, factor] : f.factors) {
        const auto& c = evaluation::detail::column(data, col, n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double v = c[i];
            if (std::isnan(v)) {
                if (!missing_fuel_is_zero) out[i] = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            out[i] += factor * v;
        }
    }
    return out;
}

/// The province's carbon levels on L: low ≤ 0.6 < medium ≤ 2.0 < high.
[[nodiscard]] inline evaluation::class_table level_table() {
    evaluation::class_table t;
    t.basis = evaluation::class_basis::value;
    t.side = evaluation::cut_side::le;
    t.tolerance = 1e-9;
    t.cuts = {{0.6, "low"}, {2.0, "medium"}, {std::numeric_limits<double>::infinity(), "high"}};
    return t;
}

struct grade_options {
    std::string industry = "industry";        ///< group column (integer codes)
    std::string value_added = "value_added";  ///< 万元
    bool ratio_of_sums = false;               ///< industry L = Σ CO2 / Σ value added
    bool missing_fuel_is_zero = false;
};

struct grade_result {
    Eigen::VectorXd co2, L, industry_mean, K;
    Eigen::VectorXi level;  ///< 0 low, 1 medium, 2 high, −1 none
    Eigen::VectorXi grade;  ///< 1–5, 0 unclassified
    evaluation::scheme scheme;
    evaluation::result evaluation;
};

/// The carbon scheme for the given options (the "carbon_efficiency" preset, columns renamed).
[[nodiscard]] inline evaluation::scheme carbon_scheme(const grade_options& o = {}) {
    auto s = evaluation::preset("carbon_efficiency");
    s.group_by = o.industry;
    s.terms[0].denominator = o.value_added;
    if (o.ratio_of_sums) s.terms[0].benchmark = evaluation::benchmark_rule::ratio_of_sums;
    return s;
}

/// Carbon-efficiency grades of every firm (G4).
[[nodiscard]] inline grade_result grades(const evaluation::columns& data, const emission_factors& f,
                                         const grade_options& o = {}) {
    grade_result g;
    g.co2 = emissions(data, f, o.missing_fuel_is_zero);
    const Eigen::Index n = g.co2.size();
    evaluation::columns sub;
    sub.emplace("co2_t", g.co2);
    sub.emplace(o.value_added, evaluation::detail::column(data, o.value_added, n));
    sub.emplace(o.industry, evaluation::detail::column(data, o.industry, n));
    g.scheme = carbon_scheme(o);
    g.evaluation = evaluation::evaluate(sub, g.scheme);
    const auto& r = g.evaluation;
    g.L = r.values.col(0);
    g.K = r.score;
    std::vector<std::int64_t> ids;
    const auto gi = evaluation::detail::group_index(&sub.at(o.industry), n, ids);
    g.industry_mean.resize(n);
    g.grade.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto k = gi[static_cast<std::size_t>(i)];
        g.industry_mean[i] = k < 0 ? std::numeric_limits<double>::quiet_NaN() : r.benchmarks(k, 0);
        const int c = r.class_index[i];
        g.grade[i] = c < static_cast<int>(g.scheme.classes.cuts.size()) ? c + 1 : 0;
    }
    g.level = evaluation::classify_values(level_table(), g.L);
    return g;
}

}  // namespace regind::carbon
