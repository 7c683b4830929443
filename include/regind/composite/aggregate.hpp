// SPDX-License-Identifier: MIT
// Aggregation (REFERENCE-METHODS.md §E7): bottom-up, level by level along the framework's
// Parent links with its (relative) weights. Each aggregate of a unit combines the unit's values
// of the aggregate's children.
//
//   a_amean   Σwx / Σw                     missing children dropped with their weights
//   a_gmean   exp(Σw ln x / Σw)            x ≤ 0 is an error (as COINr)
//   a_hmean   Σw / Σ(w/x)                  x = 0 is an error (as COINr)
//   a_genmean (Σw x^p / Σw)^{1/p}          p = 0, x < 0, or x = 0 with p < 0 are errors
//   a_median  weighted median               the value where the cumulative weight reaches
//                                           half; at exactly half, the mean of the two values
//                                           (equal weights give the ordinary median)
//   a_copeland Copeland score               Σ_q sign(O[p,q] − ½) over the other units, from the
//                                           weighted outranking matrix (outranking.hpp); it
//                                           compares units, so it needs the whole data set
//
// Design notes:
// - Every method drops missing children with their weights and gives NaN when no child has a
//   value. COINr's a_genmean instead returns NA when any child is NA; regind's is NaN-safe.
// - dat_thresh (optional): a unit's aggregate is NaN when the fraction of its children with a
//   value is below it (strict <).
// - a_amean follows COINr's arithmetic (weights rescaled first, long double sums) so scores match
//   COINr's to the last bit or so and keep its ties.
// - Children whose weights sum to 0 give NaN (nothing to average), not an error.
// - The method can differ per level and per aggregate (COINr issue #35): aggregate_nodes()
//   takes one spec per framework node; aggregate() one for all levels or one per level.
// - a_copeland: units without any child value, or below dat_thresh, are left out of the
//   comparisons and get NaN; the others get their Copeland score among themselves.
#pragma once

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"
#include "regind/composite/outranking.hpp"

namespace regind::composite {

enum class aggregator { amean, gmean, hmean, genmean, median, copeland };

[[nodiscard]] inline std::string_view to_string(aggregator a) noexcept {
    switch (a) {
        case aggregator::amean: return "a_amean";
        case aggregator::gmean: return "a_gmean";
        case aggregator::hmean: return "a_hmean";
        case aggregator::genmean: return "a_genmean";
        case aggregator::median: return "a_median";
        case aggregator::copeland: return "a_copeland";
    }
    return "a_amean";
}

[[nodiscard]] inline aggregator parse_aggregator(std::string_view s) {
    for (auto a : {aggregator::amean, aggregator::gmean, aggregator::hmean, aggregator::genmean, aggregator::median,
                   aggregator::copeland})
        if (s == to_string(a)) return a;
    throw invalid_input(fmt::format("[regind.invalid_input.aggregate] unknown aggregation method '{}': expected "
                                    "a_amean, a_gmean, a_hmean, a_genmean, a_median or a_copeland",
                                    s));
}

struct aggregate_spec {
    aggregator method = aggregator::amean;
    double p = nan;           ///< a_genmean's exponent
    double dat_thresh = nan;  ///< NaN: no threshold
};

/// Values with their weights, the input of one aggregate of one unit. Missing values allowed.
struct weighted_values {
    std::vector<double> x, w;
    void clear() {
        x.clear();
        w.clear();
    }
};

namespace detail {

[[noreturn]] inline void bad_aggregate(const std::string& what) {
    throw invalid_input("[regind.invalid_input.aggregate] " + what);
}

inline void check_aggregate_spec(const aggregate_spec& s) {
    if (s.method == aggregator::genmean && (!std::isfinite(s.p) || s.p == 0))
        bad_aggregate(fmt::format("a_genmean needs a finite, non-zero p (use a_gmean for p = 0), not {}", s.p));
    if (!std::isnan(s.dat_thresh) && !(s.dat_thresh >= 0 && s.dat_thresh <= 1))
        bad_aggregate(fmt::format("dat_thresh must be in [0, 1], not {}", s.dat_thresh));
}

}  // namespace detail

/// Domain rule of a method for one value: nullptr when x is allowed, else the reason.
[[nodiscard]] inline const char* domain_error(aggregator m, double p, double x) noexcept {
    if (std::isnan(x)) return nullptr;
    if (m == aggregator::gmean && !(x > 0)) return "a_gmean needs values > 0";
    if (m == aggregator::hmean && x == 0) return "a_hmean needs non-zero values";
    if (m == aggregator::genmean && x < 0) return "a_genmean needs values >= 0";
    if (m == aggregator::genmean && x == 0 && p < 0) return "a_genmean with p < 0 needs values > 0";
    return nullptr;
}

/// Aggregates one set of values. `v` is compacted in place (scratch).
[[nodiscard]] inline double aggregate_one(weighted_values& v, const aggregate_spec& s) {
    detail::check_aggregate_spec(s);
    if (s.method == aggregator::copeland)
        detail::bad_aggregate("a_copeland compares units with each other: it aggregates a whole data set "
                              "(aggregate()), not one unit's values");
    if (v.x.size() != v.w.size())
        detail::bad_aggregate(fmt::format("{} values and {} weights", v.x.size(), v.w.size()));
    const std::size_t total = v.x.size();
    // Drop missing values with their weights.
    std::size_t n = 0;
    for (std::size_t i = 0; i < total; ++i)
        if (!std::isnan(v.x[i])) {
            v.x[n] = v.x[i];
            v.w[n] = v.w[i];
            ++n;
        }
    v.x.resize(n);
    v.w.resize(n);
    if (n == 0) return nan;
    if (!std::isnan(s.dat_thresh) && static_cast<double>(n) / static_cast<double>(total) < s.dat_thresh) return nan;
    for (std::size_t i = 0; i < n; ++i)
        if (const char* why = domain_error(s.method, s.p, v.x[i]))
            detail::bad_aggregate(fmt::format("{} (value {})", why, v.x[i]));
    long double sw = 0;
    for (double w : v.w) sw += w;
    switch (s.method) {
        case aggregator::amean: {
            const double wsum = static_cast<double>(sw);
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += (v.w[i] / wsum) * v.x[i];
            return static_cast<double>(acc);
        }
        case aggregator::gmean: {
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += v.w[i] * std::log(v.x[i]);
            return std::exp(static_cast<double>(acc) / static_cast<double>(sw));
        }
        case aggregator::hmean: {
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += v.w[i] / v.x[i];
            return static_cast<double>(sw) / static_cast<double>(acc);
        }
        case aggregator::genmean: {
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += v.w[i] * std::pow(v.x[i], s.p);
            return std::pow(static_cast<double>(acc) / static_cast<double>(sw), 1.0 / s.p);
        }
        case aggregator::median: {
            if (!(sw > 0)) return nan;
            // Sort (value, weight) pairs by value; v.x / v.w are scratch.
            std::vector<std::size_t> idx(n);
            std::iota(idx.begin(), idx.end(), std::size_t{0});
            std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return v.x[a] < v.x[b]; });
            const long double half = sw / 2;
            long double cum = 0;
            for (std::size_t k = 0; k < n; ++k) {
                cum += v.w[idx[k]];
                if (cum > half) return v.x[idx[k]];
                if (cum == half) {
                    // Exactly half: the mean of this value and the next one with weight.
                    for (std::size_t m = k + 1; m < n; ++m)
                        if (v.w[idx[m]] > 0)
                            return static_cast<double>((static_cast<long double>(v.x[idx[k]]) + v.x[idx[m]]) / 2);
                    return v.x[idx[k]];
                }
            }
            return v.x[idx[n - 1]];
        }
        case aggregator::copeland: break;  // rejected above
    }
    return nan;
}

namespace detail {

inline void check_aggregate_weights(const framework& fw, const Eigen::VectorXd& weights) {
    if (weights.size() != 0 && weights.size() != fw.size())
        bad_aggregate(fmt::format("{} weights for {} framework nodes", weights.size(), fw.size()));
    for (Index i = 0; i < weights.size(); ++i)
        if (!std::isfinite(weights[i]) || weights[i] < 0)
            bad_aggregate(fmt::format("the weight of '{}' must be a finite number >= 0, not {}", fw.at(i).code,
                                      weights[i]));
}

}  // namespace detail

/// One aggregation spec per framework node from one spec for all levels or one per level
/// 2..L (entries of indicators are unused).
[[nodiscard]] inline std::vector<aggregate_spec> node_specs(const framework& fw,
                                                            const std::vector<aggregate_spec>& level_specs) {
    const auto n_steps = static_cast<std::size_t>(std::max(fw.n_levels() - 1, 0));
    if (level_specs.size() != 1 && level_specs.size() != n_steps)
        detail::bad_aggregate(fmt::format("{} aggregation specs: give one for all levels or one per level above the "
                                          "indicators ({})",
                                          level_specs.size(), n_steps));
    for (const auto& s : level_specs) detail::check_aggregate_spec(s);
    std::vector<aggregate_spec> out(static_cast<std::size_t>(fw.size()),
                                    level_specs.empty() ? aggregate_spec{} : level_specs.front());
    for (int l = 2; l <= fw.n_levels(); ++l)
        for (Index a = fw.level_begin(l); a < fw.level_end(l); ++a)
            out[static_cast<std::size_t>(a)] =
                level_specs.size() == 1 ? level_specs[0] : level_specs[static_cast<std::size_t>(l - 2)];
    return out;
}

/// Aggregates indicator data up the framework with one spec per node (`specs[a]` aggregates
/// the children of aggregate a; the entries of indicators are unused). `indicators` has one
/// column per indicator in framework order; the result has one column per node (indicators
/// copied, then every aggregate level). `weights` (per node; empty: the framework's) replaces
/// the iMeta weights. `units` names rows in errors.
[[nodiscard]] inline matrix aggregate_nodes(const framework& fw, const matrix& indicators,
                                            const std::vector<aggregate_spec>& specs,
                                            const Eigen::VectorXd& weights = {},
                                            const std::vector<std::string>& units = {}) {
    if (indicators.cols() != fw.n_indicators())
        detail::bad_aggregate(fmt::format("{} indicator columns for a framework of {} indicators", indicators.cols(),
                                          fw.n_indicators()));
    if (static_cast<Index>(specs.size()) != fw.size())
        detail::bad_aggregate(fmt::format("{} aggregation specs for {} framework nodes", specs.size(), fw.size()));
    for (Index a = fw.n_indicators(); a < fw.size(); ++a) detail::check_aggregate_spec(specs[static_cast<std::size_t>(a)]);
    detail::check_aggregate_weights(fw, weights);
    const Index n = indicators.rows();
    matrix out(n, fw.size());
    out.leftCols(fw.n_indicators()) = indicators;
    weighted_values v;
    auto weight_of = [&](Index c) { return weights.size() ? weights[c] : fw.at(c).weight; };
    for (int l = 2; l <= fw.n_levels(); ++l) {
        for (Index a = fw.level_begin(l); a < fw.level_end(l); ++a) {
            const auto& s = specs[static_cast<std::size_t>(a)];
            const auto& kids = fw.at(a).children;
            if (s.method == aggregator::copeland) {
                const auto k = static_cast<Index>(kids.size());
                matrix x(n, k);
                Eigen::VectorXd w(k);
                for (Index j = 0; j < k; ++j) {
                    x.col(j) = out.col(kids[static_cast<std::size_t>(j)]);
                    w[j] = weight_of(kids[static_cast<std::size_t>(j)]);
                }
                std::vector<bool> use(static_cast<std::size_t>(n));
                for (Index i = 0; i < n; ++i) {
                    Index avail = 0;
                    for (Index j = 0; j < k; ++j) avail += std::isnan(x(i, j)) ? 0 : 1;
                    use[static_cast<std::size_t>(i)] =
                        avail > 0 && (std::isnan(s.dat_thresh) ||
                                      !(static_cast<double>(avail) / static_cast<double>(k) < s.dat_thresh));
                }
                out.col(a) = outrank(x, w, use).copeland;
                continue;
            }
            for (Index i = 0; i < n; ++i) {
                v.clear();
                for (Index c : kids) {
                    const double x = out(i, c);
                    if (const char* why = domain_error(s.method, s.p, x))
                        detail::bad_aggregate(fmt::format(
                            "{}: unit {}, '{}' = {} (child of '{}'); normalise to a positive range first, e.g. "
                            "n_minmax with l_u = (1, 100)",
                            why, units.empty() ? fmt::format("row {}", i) : units[static_cast<std::size_t>(i)],
                            fw.at(c).code, x, fw.at(a).code));
                    v.x.push_back(x);
                    v.w.push_back(weight_of(c));
                }
                out(i, a) = aggregate_one(v, s);
            }
        }
    }
    return out;
}

/// Aggregates indicator data up the framework. `specs` has one entry for all levels or one
/// per level 2..L; otherwise as aggregate_nodes().
[[nodiscard]] inline matrix aggregate(const framework& fw, const matrix& indicators,
                                      const std::vector<aggregate_spec>& specs = {aggregate_spec{}},
                                      const Eigen::VectorXd& weights = {}, const std::vector<std::string>& units = {}) {
    if (indicators.cols() != fw.n_indicators())
        detail::bad_aggregate(fmt::format("{} indicator columns for a framework of {} indicators", indicators.cols(),
                                          fw.n_indicators()));
    return aggregate_nodes(fw, indicators, node_specs(fw, specs), weights, units);
}

}  // namespace regind::composite
