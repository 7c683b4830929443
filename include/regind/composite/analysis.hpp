// SPDX-License-Identifier: MIT
// Analysis of a composite index (REFERENCE-METHODS.md §E8): correlations (Pearson, Spearman),
// Cronbach's alpha, strengths and weaknesses of each unit, and the layout of COINr's results
// table (get_results).
//
// Design notes:
// - Correlations use pairwise-complete observations (R's use = "pairwise.complete.obs"):
//   each pair of columns uses the rows where both have a value. Spearman ranks those rows
//   (average ties) and correlates the ranks. Fewer than 2 pairs, or a constant column, give
//   NaN (a status, not an error).
// - Cronbach's alpha uses complete cases: α = k/(k − 1)·(1 − Σ var_i / var(Σ x_i)), which is
//   COINr's k²·mean(off-diagonal cov)/Σ cov. Fewer than 2 complete cases or a zero total
//   variance give NaN.
// - Strengths and weaknesses (COINr get_str_weak): every unit's rank in every indicator,
//   rank(−d·x, ties "min") with the direction d applied (or not), NaN ignored. Strengths are
//   the top_n best ranks, weaknesses the bottom_n worst, each in framework order among equal
//   ranks. With min_discard, an indicator where the unit shares the worst rank of that
//   indicator is never a strength (e.g. a zero shared by half the units); COINr also drops
//   such indicators from the weaknesses, which hides a unit's worst results, so regind does
//   not. Weaknesses are listed worst first. When a unit has fewer than top_n + bottom_n
//   ranked indicators the two lists can share indicators.
// - Ranks come from the library's ranking engine (ranking.hpp via rank.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"
#include "regind/composite/rank.hpp"
#include "regind/composite/stats.hpp"

namespace regind::composite {

enum class corr_method { pearson, spearman };

[[nodiscard]] inline std::string_view to_string(corr_method m) noexcept {
    return m == corr_method::pearson ? "pearson" : "spearman";
}

[[nodiscard]] inline corr_method parse_corr_method(std::string_view s) {
    if (s == "pearson") return corr_method::pearson;
    if (s == "spearman") return corr_method::spearman;
    throw invalid_input(fmt::format("[regind.invalid_input.correlation] unknown correlation method '{}': expected "
                                    "pearson or spearman",
                                    s));
}

namespace detail {

// Pearson correlation of two equally long vectors without NaN; NaN for fewer than 2 values or
// a constant vector.
inline double pearson_complete(const std::vector<double>& a, const std::vector<double>& b) noexcept {
    const auto n = a.size();
    if (n < 2) return nan;
    long double ma = 0, mb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= static_cast<long double>(n);
    mb /= static_cast<long double>(n);
    long double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const long double da = a[i] - ma, db = b[i] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
    }
    if (!(saa > 0) || !(sbb > 0)) return nan;
    const double r = static_cast<double>(sab / std::sqrt(saa * sbb));
    return std::clamp(r, -1.0, 1.0);
}

inline void average_ranks(std::vector<double>& v) {
    Eigen::Map<const Eigen::VectorXd> x(v.data(), static_cast<Index>(v.size()));
    rank_options o;
    o.method = rank_method::average;
    const Eigen::VectorXd r = regind::rank(x, o);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = r[static_cast<Index>(i)];
}

}  // namespace detail

/// Correlation of x and y over the rows where both have a value (see the design notes).
[[nodiscard]] inline double correlation(const_col_ref x, const_col_ref y, corr_method m = corr_method::pearson) {
    if (x.size() != y.size())
        throw invalid_input(fmt::format("[regind.invalid_input.shape] correlation: {} and {} values", x.size(), y.size()));
    std::vector<double> a, b;
    for (Index i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i]) && !std::isnan(y[i])) {
            a.push_back(x[i]);
            b.push_back(y[i]);
        }
    if (m == corr_method::spearman && a.size() >= 2) {
        detail::average_ranks(a);
        detail::average_ranks(b);
    }
    return detail::pearson_complete(a, b);
}

/// Correlation matrix of the columns of x (pairwise complete; 1 on the diagonal of a column
/// with at least 2 distinct values, NaN otherwise).
[[nodiscard]] inline matrix correlations(const matrix& x, corr_method m = corr_method::pearson) {
    const Index k = x.cols();
    matrix out(k, k);
    for (Index i = 0; i < k; ++i)
        for (Index j = i; j < k; ++j) out(i, j) = out(j, i) = correlation(x.col(i), x.col(j), m);
    return out;
}

/// Cronbach's alpha of the columns of x over complete cases (see the design notes).
[[nodiscard]] inline double cronbach_alpha(const matrix& x) {
    const Index k = x.cols();
    if (k < 2)
        throw invalid_input(fmt::format("[regind.invalid_input.cronbach] Cronbach's alpha needs at least 2 columns, "
                                        "not {}",
                                        k));
    std::vector<Index> rows;
    for (Index i = 0; i < x.rows(); ++i) {
        bool complete = true;
        for (Index j = 0; j < k && complete; ++j) complete = !std::isnan(x(i, j));
        if (complete) rows.push_back(i);
    }
    if (rows.size() < 2) return nan;
    const auto n = static_cast<Index>(rows.size());
    matrix c(n, k);
    for (Index r = 0; r < n; ++r) c.row(r) = x.row(rows[static_cast<std::size_t>(r)]);
    Eigen::VectorXd total = c.rowwise().sum();
    long double sum_var = 0;
    for (Index j = 0; j < k; ++j) {
        const double s = sd(c.col(j));
        sum_var += static_cast<long double>(s) * s;
    }
    const double st = sd(total);
    const long double var_total = static_cast<long double>(st) * st;
    if (!(var_total > 0)) return nan;
    const double kk = static_cast<double>(k);
    return kk / (kk - 1) * static_cast<double>(1 - sum_var / var_total);
}

struct strengths_weaknesses_result {
    matrix ranks;                                 ///< units × indicators, 1 = best, NaN kept
    std::vector<std::vector<Index>> strengths;    ///< per unit: columns, best first
    std::vector<std::vector<Index>> weaknesses;   ///< per unit: columns, worst first
};

/// Strengths and weaknesses of every unit (rows of x; columns are indicators). `directions`
/// (one per column, ±1; empty: no adjustment) is applied before ranking.
[[nodiscard]] inline strengths_weaknesses_result strengths_weaknesses(const matrix& x, const std::vector<int>& directions,
                                                                      Index top_n = 5, Index bottom_n = 5,
                                                                      bool min_discard = true) {
    const Index k = x.cols();
    auto bad = [](const std::string& what) { throw invalid_input("[regind.invalid_input.str_weak] " + what); };
    if (top_n < 1 || top_n > k) bad(fmt::format("top_n must be between 1 and the number of indicators ({}), not {}", k, top_n));
    if (bottom_n < 1 || bottom_n > k)
        bad(fmt::format("bottom_n must be between 1 and the number of indicators ({}), not {}", k, bottom_n));
    if (!directions.empty() && static_cast<Index>(directions.size()) != k)
        bad(fmt::format("{} directions for {} indicators", directions.size(), k));
    matrix adj = x;
    for (Index j = 0; j < k && !directions.empty(); ++j) {
        const int d = directions[static_cast<std::size_t>(j)];
        if (d != 1 && d != -1) bad(fmt::format("direction {} must be 1 or -1, not {}", j + 1, d));
        adj.col(j) *= static_cast<double>(d);
    }
    strengths_weaknesses_result r;
    r.ranks = rank_columns(adj);
    Eigen::VectorXd worst(k);
    for (Index j = 0; j < k; ++j) {
        double w = nan;
        for (Index i = 0; i < x.rows(); ++i)
            if (!std::isnan(r.ranks(i, j)) && !(r.ranks(i, j) <= w)) w = r.ranks(i, j);
        worst[j] = w;
    }
    const auto n = static_cast<std::size_t>(x.rows());
    r.strengths.resize(n);
    r.weaknesses.resize(n);
    std::vector<Index> order;
    for (std::size_t i = 0; i < n; ++i) {
        const auto row = static_cast<Index>(i);
        order.clear();
        for (Index j = 0; j < k; ++j)
            if (!std::isnan(r.ranks(row, j))) order.push_back(j);
        std::stable_sort(order.begin(), order.end(),
                         [&](Index a, Index b) { return r.ranks(row, a) < r.ranks(row, b); });
        for (Index j : order) {
            if (static_cast<Index>(r.strengths[i].size()) == top_n) break;
            if (min_discard && r.ranks(row, j) == worst[j]) continue;
            r.strengths[i].push_back(j);
        }
        // Worst first; among equal ranks, framework order.
        std::vector<Index> rev(order.begin(), order.end());
        std::stable_sort(rev.begin(), rev.end(), [&](Index a, Index b) { return r.ranks(row, a) > r.ranks(row, b); });
        for (std::size_t m = 0; m < rev.size() && static_cast<Index>(m) < bottom_n; ++m) r.weaknesses[i].push_back(rev[m]);
    }
    return r;
}

/// The kinds of COINr results table.
enum class results_type { summary, aggregates, full };

[[nodiscard]] inline results_type parse_results_type(std::string_view s) {
    if (s == "Summ") return results_type::summary;
    if (s == "Aggs") return results_type::aggregates;
    if (s == "Full") return results_type::full;
    throw invalid_input(fmt::format("[regind.invalid_input.results] unknown tab_type '{}': expected Summ, Aggs or Full",
                                    s));
}

/// The layout of a results table of aggregated data (units × every node).
struct results_layout {
    std::vector<Index> rows;     ///< rows of the data, sorted by the sort column (highest first, NaN last, stable)
    std::vector<Index> columns;  ///< node columns to show, in order
    Index sort_column = -1;      ///< the node the rows are sorted and ranked by
    Eigen::VectorXd rank;        ///< per data row: rank(−x[sort], ties "min"), NaN kept
};

/// COINr's get_results layout: Summ shows the sort column; Aggs every aggregate from the top
/// level down; Full the aggregates and then the indicators. Within a level nodes follow the
/// hierarchy (grouped by parent, parents in their own display order), then framework order.
/// `order_by` (a node; -1: the first node of the top level) is the sort column.
[[nodiscard]] inline results_layout layout_results(const framework& fw, const matrix& aggregated, results_type type,
                                                   Index order_by = -1) {
    if (aggregated.cols() != fw.size())
        throw invalid_input(fmt::format("[regind.invalid_input.results] {} columns for a framework of {} nodes: the "
                                        "results table needs the Aggregated data set",
                                        aggregated.cols(), fw.size()));
    if (order_by >= fw.size())
        throw invalid_input(fmt::format("[regind.invalid_input.results] order_by {} is not a node", order_by));
    results_layout out;
    out.sort_column = order_by < 0 ? fw.level_begin(fw.n_levels()) : order_by;
    // Nodes by level, top down, following the hierarchy.
    std::vector<std::vector<Index>> by_level(static_cast<std::size_t>(fw.n_levels()) + 1);
    for (Index a = fw.level_begin(fw.n_levels()); a < fw.level_end(fw.n_levels()); ++a)
        by_level[static_cast<std::size_t>(fw.n_levels())].push_back(a);
    for (int l = fw.n_levels() - 1; l >= 1; --l)
        for (Index p : by_level[static_cast<std::size_t>(l) + 1])
            for (Index c : fw.at(p).children) by_level[static_cast<std::size_t>(l)].push_back(c);
    if (type == results_type::summary) {
        out.columns.push_back(out.sort_column);
    } else {
        for (int l = fw.n_levels(); l >= 2; --l)
            for (Index a : by_level[static_cast<std::size_t>(l)]) out.columns.push_back(a);
        if (type == results_type::full)
            for (Index i : by_level[1]) out.columns.push_back(i);
    }
    const Eigen::VectorXd key = aggregated.col(out.sort_column);
    out.rank = rank(key, true, ties_method::min);
    out.rows.resize(static_cast<std::size_t>(aggregated.rows()));
    std::iota(out.rows.begin(), out.rows.end(), Index{0});
    std::stable_sort(out.rows.begin(), out.rows.end(), [&](Index a, Index b) {
        if (std::isnan(key[b])) return !std::isnan(key[a]);
        if (std::isnan(key[a])) return false;
        return key[a] > key[b];
    });
    return out;
}

}  // namespace regind::composite
