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
// - Speed (uncertainty analysis re-aggregates thousands of times): aggregate_levels() walks
//   the rows in memory order, shares the weight sums of units without missing children, and
//   can reuse log(indicator) for a_gmean; the arithmetic stays combine()'s, so results are
//   those of aggregate_one() to the bit.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
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

namespace detail {

[[nodiscard]] inline bool has_domain_rule(aggregator m) noexcept {
    return m == aggregator::gmean || m == aggregator::hmean || m == aggregator::genmean;
}

/// a_amean of n values whose weights, divided by their (double) sum, are q: Σ q·x in long double.
[[nodiscard]] inline double amean_scaled(const double* x, const double* q, std::size_t n) {
    long double acc = 0;
    for (std::size_t i = 0; i < n; ++i) acc += q[i] * x[i];
    return static_cast<double>(acc);
}

/// Combines n ≥ 1 values (no NaN, domain checked) with weights w summing to sw (summed in order,
/// in long double). `logs` (a_gmean only; optional): log(x[i]), so that callers can reuse them.
/// The one place of the arithmetic of every method but a_copeland.
[[nodiscard]] inline double combine(const aggregate_spec& s, const double* x, const double* w, std::size_t n,
                                    long double sw, const double* logs = nullptr) {
    switch (s.method) {
        case aggregator::amean: {
            const double wsum = static_cast<double>(sw);
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += (w[i] / wsum) * x[i];
            return static_cast<double>(acc);
        }
        case aggregator::gmean: {
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += w[i] * (logs ? logs[i] : std::log(x[i]));
            return std::exp(static_cast<double>(acc) / static_cast<double>(sw));
        }
        case aggregator::hmean: {
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += w[i] / x[i];
            return static_cast<double>(sw) / static_cast<double>(acc);
        }
        case aggregator::genmean: {
            long double acc = 0;
            for (std::size_t i = 0; i < n; ++i) acc += w[i] * std::pow(x[i], s.p);
            return std::pow(static_cast<double>(acc) / static_cast<double>(sw), 1.0 / s.p);
        }
        case aggregator::median: {
            if (!(sw > 0)) return nan;
            // Sort (value, weight) pairs by value.
            std::vector<std::size_t> idx(n);
            std::iota(idx.begin(), idx.end(), std::size_t{0});
            std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
            const long double half = sw / 2;
            long double cum = 0;
            for (std::size_t k = 0; k < n; ++k) {
                cum += w[idx[k]];
                if (cum > half) return x[idx[k]];
                if (cum == half) {
                    // Exactly half: the mean of this value and the next one with weight.
                    for (std::size_t m = k + 1; m < n; ++m)
                        if (w[idx[m]] > 0)
                            return static_cast<double>((static_cast<long double>(x[idx[k]]) + x[idx[m]]) / 2);
                    return x[idx[k]];
                }
            }
            return x[idx[n - 1]];
        }
        case aggregator::copeland: break;  // compares units: aggregate_nodes() only
    }
    return nan;
}

/// Whether n of `total` values fall short of dat_thresh (NaN: no threshold).
[[nodiscard]] inline bool below_threshold(double dat_thresh, std::size_t n, std::size_t total) noexcept {
    return !std::isnan(dat_thresh) && static_cast<double>(n) / static_cast<double>(total) < dat_thresh;
}

}  // namespace detail

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
    if (n == 0 || detail::below_threshold(s.dat_thresh, n, total)) return nan;
    for (std::size_t i = 0; i < n; ++i)
        if (const char* why = domain_error(s.method, s.p, v.x[i]))
            detail::bad_aggregate(fmt::format("{} (value {})", why, v.x[i]));
    long double sw = 0;
    for (double w : v.w) sw += w;
    return detail::combine(s, v.x.data(), v.w.data(), n, sw);
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

/// Names unit (row) i in error messages; called only on an error.
using unit_namer = std::function<std::string(Index)>;

namespace detail {

/// a_copeland of aggregate a: compares whole columns, so it runs on the data set at once.
inline void copeland_column(const framework& fw, const aggregate_spec& s, Index a, const Eigen::VectorXd& weights,
                            matrix& out) {
    const auto& kids = fw.at(a).children;
    const Index n = out.rows();
    const auto k = static_cast<Index>(kids.size());
    matrix x(n, k);
    Eigen::VectorXd w(k);
    for (Index j = 0; j < k; ++j) {
        x.col(j) = out.col(kids[static_cast<std::size_t>(j)]);
        w[j] = weights[kids[static_cast<std::size_t>(j)]];
    }
    std::vector<bool> use(static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) {
        Index avail = 0;
        for (Index j = 0; j < k; ++j) avail += std::isnan(x(i, j)) ? 0 : 1;
        use[static_cast<std::size_t>(i)] =
            avail > 0 && !below_threshold(s.dat_thresh, static_cast<std::size_t>(avail), static_cast<std::size_t>(k));
    }
    out.col(a) = outrank(x, w, use).copeland;
}

[[noreturn]] inline void bad_child_value(const framework& fw, const char* why, const std::string& unit, Index child,
                                         double x, Index a) {
    bad_aggregate(fmt::format("{}: unit {}, '{}' = {} (child of '{}'); normalise to a positive range first, e.g. "
                              "n_minmax with l_u = (1, 100)",
                              why, unit, fw.at(child).code, x, fw.at(a).code));
}

/// One aggregate (not a_copeland) with its children and their weights. A unit without missing
/// children has the same weights as every other such unit, so their sum (and, for a_amean, each
/// weight over it) is computed once.
struct node_plan {
    Index node = 0;
    aggregate_spec spec;
    bool checked = false;  // the method has a domain rule
    std::vector<Index> kids;
    std::vector<double> w, q;
    long double full_sw = 0;
};

[[nodiscard]] inline node_plan plan_node(const framework& fw, const aggregate_spec& s, Index a,
                                         const Eigen::VectorXd& weights) {
    node_plan p;
    p.node = a;
    p.spec = s;
    p.checked = has_domain_rule(s.method);
    p.kids = fw.at(a).children;
    for (Index c : p.kids) {
        p.w.push_back(weights[c]);
        p.full_sw += weights[c];
    }
    for (double w : p.w) p.q.push_back(w / static_cast<double>(p.full_sw));
    return p;
}

/// Room for one unit's children (values, weights, logs).
struct unit_scratch {
    std::vector<double> x, w, lx;
};

/// One unit's value of aggregate p, from its row of the node data (and, optionally, its row of
/// log(indicator)). On a domain error, returns NaN with `bad` = the child at fault (else -1).
[[nodiscard]] inline double aggregate_unit(const node_plan& p, const double* row, const double* log_row, Index n_ind,
                                           unit_scratch& u, Index& bad) {
    const std::size_t k = p.kids.size();
    const bool gmean = p.spec.method == aggregator::gmean;
    bad = -1;
    std::size_t m = 0;
    for (std::size_t j = 0; j < k; ++j) {
        const Index c = p.kids[j];
        const double v = row[c];
        if (std::isnan(v)) continue;
        if (p.checked && domain_error(p.spec.method, p.spec.p, v) != nullptr) {
            bad = c;
            return nan;
        }
        u.x[m] = v;
        u.w[m] = p.w[j];
        if (gmean) u.lx[m] = log_row != nullptr && c < n_ind ? log_row[c] : std::log(v);
        ++m;
    }
    if (m == k && p.spec.method == aggregator::amean) return k == 0 ? nan : amean_scaled(u.x.data(), p.q.data(), m);
    if (m == 0 || below_threshold(p.spec.dat_thresh, m, k)) return nan;
    long double sw = p.full_sw;
    if (m < k) {
        sw = 0;
        for (std::size_t j = 0; j < m; ++j) sw += u.w[j];
    }
    return combine(p.spec, u.x.data(), u.w.data(), m, sw, gmean ? u.lx.data() : nullptr);
}

}  // namespace detail

/// Fills the aggregate columns of `out` (units × nodes; its indicator columns hold the data),
/// level by level. `specs` (one per node) and `weights` (every node) must be checked already
/// (aggregate_nodes() checks them). `logs` (optional, units × indicators): the log of the
/// indicator columns, which a_gmean then reuses (uncertainty analysis re-aggregates the same
/// indicator data many times).
///
/// A unit's aggregates depend only on its own row, so without a_copeland the work runs unit by
/// unit through the rows (memory in order). Errors must be those of the reference order (level,
/// aggregate, unit, child), so on a domain error the work is redone in that order, which throws.
inline void aggregate_levels(const framework& fw, const std::vector<aggregate_spec>& specs,
                             const Eigen::VectorXd& weights, matrix& out, const matrix* logs,
                             const unit_namer& name_of) {
    std::vector<detail::node_plan> plans;
    std::size_t widest = 0;
    bool copeland = false;
    for (Index a = fw.n_indicators(); a < fw.size(); ++a) {
        const auto& s = specs[static_cast<std::size_t>(a)];
        copeland = copeland || s.method == aggregator::copeland;
        plans.push_back(detail::plan_node(fw, s, a, weights));
        widest = std::max(widest, plans.back().kids.size());
    }
    detail::unit_scratch u{std::vector<double>(widest), std::vector<double>(widest), std::vector<double>(widest)};
    const Index n_ind = fw.n_indicators();
    auto log_row = [&](Index i) { return logs != nullptr ? &(*logs)(i, 0) : nullptr; };
    Index bad = -1;
    if (!copeland) {
        for (Index i = 0; i < out.rows() && bad < 0; ++i) {
            double* row = &out(i, 0);
            for (const auto& p : plans) {
                row[p.node] = detail::aggregate_unit(p, row, log_row(i), n_ind, u, bad);
                if (bad >= 0) break;
            }
        }
        if (bad < 0) return;
    }
    // Reference order: level by level (nodes are stored so), each aggregate for every unit.
    for (const auto& p : plans) {
        if (p.spec.method == aggregator::copeland) {
            detail::copeland_column(fw, p.spec, p.node, weights, out);
            continue;
        }
        for (Index i = 0; i < out.rows(); ++i) {
            out(i, p.node) = detail::aggregate_unit(p, &out(i, 0), log_row(i), n_ind, u, bad);
            if (bad >= 0)
                detail::bad_child_value(fw, domain_error(p.spec.method, p.spec.p, out(i, bad)), name_of(i), bad,
                                        out(i, bad), p.node);
        }
    }
}

/// Aggregates indicator data up the framework with one spec per node (`specs[a]` aggregates
/// the children of aggregate a; the entries of indicators are unused). `indicators` has one
/// column per indicator in framework order; the result has one column per node (indicators
/// copied, then every aggregate level). `weights` (per node; empty: the framework's) replaces
/// the iMeta weights. `name_of` names rows in errors (empty: "row i").
[[nodiscard]] inline matrix aggregate_nodes(const framework& fw, const matrix& indicators,
                                            const std::vector<aggregate_spec>& specs, const Eigen::VectorXd& weights,
                                            const unit_namer& name_of) {
    if (indicators.cols() != fw.n_indicators())
        detail::bad_aggregate(fmt::format("{} indicator columns for a framework of {} indicators", indicators.cols(),
                                          fw.n_indicators()));
    if (static_cast<Index>(specs.size()) != fw.size())
        detail::bad_aggregate(fmt::format("{} aggregation specs for {} framework nodes", specs.size(), fw.size()));
    for (Index a = fw.n_indicators(); a < fw.size(); ++a) detail::check_aggregate_spec(specs[static_cast<std::size_t>(a)]);
    detail::check_aggregate_weights(fw, weights);
    matrix out(indicators.rows(), fw.size());
    out.leftCols(fw.n_indicators()) = indicators;
    const unit_namer by_row = [](Index i) { return fmt::format("row {}", i); };
    aggregate_levels(fw, specs, weights.size() ? weights : fw.weights(), out, nullptr, name_of ? name_of : by_row);
    return out;
}

/// As above; `units` names rows in errors (empty: "row i").
[[nodiscard]] inline matrix aggregate_nodes(const framework& fw, const matrix& indicators,
                                            const std::vector<aggregate_spec>& specs,
                                            const Eigen::VectorXd& weights = {},
                                            const std::vector<std::string>& units = {}) {
    unit_namer name_of;
    if (!units.empty()) name_of = [&units](Index i) { return units[static_cast<std::size_t>(i)]; };
    return aggregate_nodes(fw, indicators, specs, weights, name_of);
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
