// SPDX-License-Identifier: MIT
// Enterprise evaluation (亩均效益, REFERENCE-METHODS G1–G3): a scheme is data — indicators as
// numerator / denominator, weights, a benchmark rule, per-term floor and cap, a missing-term
// rule, bonus and penalty columns, exclusions and a class table — and evaluate() turns columns
// of firm data into every term, the score, rank, percentile and class of each firm.
//
//   score_i = Σ_k w_k · clamp(x_ik / b_k, floor_k, cap_k) + bonus_i − penalty_i      (G2)
//
// Design notes:
// - Columns are named Eigen vectors (`columns`); a group column (e.g. the industry code, for the
//   carbon grades of G4) makes the benchmarks per group. Group codes are non-negative integers
//   stored as doubles; NaN or negative means "no group" (such a firm is unclassified).
// - A term is missing for a firm when its numerator is NaN, or its denominator is NaN or ≤ 0.
//   Missing rules: zero (term = 0), average_term (the mean term of the evaluated firms of the
//   same group that have it: Huangyan's rule for missing emission data), reweight (the present
//   weights are scaled up to the full weight), unclassified (no score, class "unclassified").
// - Benchmarks are computed over the evaluated firms (exclusions removed) that have the term:
//   mean (of the ratios), median, ratio_of_sums (Σ numerator / Σ denominator), fixed, or
//   per_year (a fixed value for each scheme year). A benchmark that is not a positive finite
//   number makes the term missing for the whole group.
// - Exclusions are a rule_table (B9, first match wins) on columns; the matching rule's label is
//   the firm's class (e.g. "不定等级"). Excluded firms get terms and a score but no rank.
// - Ranks come from regind::rank (the ranking engine, §D; tie method of the scheme, min by
//   default, rank 1 = best). Percentile p = rank / n_ranked (G3). A percentile cut p_k admits
//   the firms with rank ≤ count_k, count_k = floor, ceil or round(n · p_k) (the rounding is a
//   scheme parameter; n · p_k within 1e-9 of an integer is that integer, so 10 · 0.7 is 7).
// - Value cuts (score classes, carbon grades): side le — the first cut with value ≤ bound,
//   bounds strictly increasing; side ge — the first with value ≥ bound, bounds decreasing.
//   `tolerance` (relative) lets a computed 0.6000000000000001 count as on the bound 0.6.
// - Bad schemes and inputs throw invalid_input / key_error with ids
//   [regind.invalid_input.scheme], [regind.invalid_input.class_table], [regind.key_error.column].
// - JSON: the Python layer reads and writes schemes with Python's json module, checks the
//   types and passes the structure to this header, whose validate() checks the semantics.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "regind/error.hpp"
#include "regind/progress.hpp"
#include "regind/ranking.hpp"
#include "regind/detail/text.hpp"

namespace regind::evaluation {

/// Named data columns, one value per firm (all of the same length).
using columns = std::map<std::string, Eigen::VectorXd, std::less<>>;

enum class benchmark_rule { mean, median, ratio_of_sums, fixed, per_year };
enum class missing_rule { zero, average_term, reweight, unclassified };
enum class class_basis { percentile, value };
enum class cut_rounding { floor, ceil, round };
enum class cut_side { le, ge };

[[nodiscard]] inline std::string_view to_string(benchmark_rule r) noexcept {
    switch (r) {
        case benchmark_rule::mean: return "mean";
        case benchmark_rule::median: return "median";
        case benchmark_rule::ratio_of_sums: return "ratio_of_sums";
        case benchmark_rule::fixed: return "fixed";
        case benchmark_rule::per_year: return "per_year";
    }
    return "?";
}
[[nodiscard]] inline std::string_view to_string(missing_rule r) noexcept {
    switch (r) {
        case missing_rule::zero: return "zero";
        case missing_rule::average_term: return "average_term";
        case missing_rule::reweight: return "reweight";
        case missing_rule::unclassified: return "unclassified";
    }
    return "?";
}

/// Parses a benchmark rule name; throws invalid_input naming the allowed values.
[[nodiscard]] inline benchmark_rule parse_benchmark_rule(std::string_view s) {
    if (s == "mean") return benchmark_rule::mean;
    if (s == "median") return benchmark_rule::median;
    if (s == "ratio_of_sums") return benchmark_rule::ratio_of_sums;
    if (s == "fixed") return benchmark_rule::fixed;
    if (s == "per_year") return benchmark_rule::per_year;
    throw invalid_input(fmt::format("[regind.invalid_input.scheme] unknown benchmark rule '{}'; expected mean, median, "
                                    "ratio_of_sums, fixed or per_year", s));
}
[[nodiscard]] inline missing_rule parse_missing_rule(std::string_view s) {
    if (s == "zero") return missing_rule::zero;
    if (s == "average_term") return missing_rule::average_term;
    if (s == "reweight") return missing_rule::reweight;
    if (s == "unclassified") return missing_rule::unclassified;
    throw invalid_input(fmt::format("[regind.invalid_input.scheme] unknown missing-term rule '{}'; expected zero, "
                                    "average_term, reweight or unclassified", s));
}
[[nodiscard]] inline class_basis parse_class_basis(std::string_view s) {
    if (s == "percentile") return class_basis::percentile;
    if (s == "value" || s == "score") return class_basis::value;
    throw invalid_input(fmt::format("[regind.invalid_input.class_table] unknown class basis '{}'; expected percentile or "
                                    "value", s));
}
[[nodiscard]] inline cut_rounding parse_cut_rounding(std::string_view s) {
    if (s == "floor") return cut_rounding::floor;
    if (s == "ceil") return cut_rounding::ceil;
    if (s == "round") return cut_rounding::round;
    throw invalid_input(fmt::format("[regind.invalid_input.class_table] unknown rounding '{}'; expected floor, ceil or "
                                    "round", s));
}
[[nodiscard]] inline cut_side parse_cut_side(std::string_view s) {
    if (s == "le") return cut_side::le;
    if (s == "ge") return cut_side::ge;
    throw invalid_input(fmt::format("[regind.invalid_input.class_table] unknown cut side '{}'; expected le or ge", s));
}

/// One indicator of a scheme: x = numerator / denominator (no denominator: x = numerator).
struct term {
    std::string name;         ///< e.g. "tax_per_mu"
    std::string label;        ///< e.g. "亩均税收" (display only)
    std::string numerator;    ///< column name
    std::string denominator;  ///< column name, or empty
    double weight = 1.0;
    benchmark_rule benchmark = benchmark_rule::mean;
    double benchmark_value = std::numeric_limits<double>::quiet_NaN();  ///< fixed
    std::map<int, double> benchmark_by_year;                             ///< per_year
    double floor = -std::numeric_limits<double>::infinity();  ///< bounds on x / b
    double cap = std::numeric_limits<double>::infinity();
    missing_rule missing = missing_rule::zero;
};

/// A bonus or penalty: min(per_unit · column, max) points; NaN counts as 0.
struct adjustment {
    std::string name;
    std::string column;
    double per_unit = 1.0;
    double max = std::numeric_limits<double>::infinity();
};

struct class_cut {
    double bound = 0.0;  ///< percentile fraction in (0, 1], or a value (±inf allowed)
    std::string label;
};

struct class_table {
    class_basis basis = class_basis::percentile;
    std::vector<class_cut> cuts;
    cut_rounding rounding = cut_rounding::floor;  ///< percentile basis
    cut_side side = cut_side::le;                 ///< value basis
    double tolerance = 0.0;                       ///< value basis, relative
    std::string unclassified_label = "unclassified";

    /// The G3 classes: A top 25 %, B to 70 %, C to 95 %, D the rest.
    static class_table abcd(cut_rounding r = cut_rounding::floor) {
        class_table t;
        t.cuts = {{0.25, "A"}, {0.70, "B"}, {0.95, "C"}, {1.0, "D"}};
        t.rounding = r;
        return t;
    }
};

/// A versioned evaluation scheme.
struct scheme {
    std::string name;
    int year = 0;
    std::string description;
    std::vector<term> terms;
    std::vector<adjustment> bonuses;
    std::vector<adjustment> penalties;
    rule_table exclusions;      ///< metric = column; first match excludes, its label is the class
    std::string group_by;       ///< benchmarks within groups of this column; empty: one population
    bool higher_is_better = true;
    rank_method tie_method = rank_method::min;
    class_table classes;

    /// Checks the scheme; throws invalid_input naming the problem.
    void validate() const;
    /// Every column the scheme reads.
    [[nodiscard]] std::vector<std::string> required_columns() const;
};

namespace detail {
[[noreturn]] inline void scheme_error(const scheme& s, const std::string& what) {
    throw invalid_input(fmt::format("[regind.invalid_input.scheme] scheme '{}': {}", s.name, what));
}
[[noreturn]] inline void class_error(const std::string& what) {
    throw invalid_input(fmt::format("[regind.invalid_input.class_table] {}", what));
}
inline double snap(double x) {
    const double r = std::round(x);
    return std::fabs(x - r) <= 1e-9 * std::max(1.0, std::fabs(x)) ? r : x;
}
}  // namespace detail

/// Checks a class table: labels present and distinct, cuts in order.
inline void validate(const class_table& t) {
    if (t.cuts.empty()) detail::class_error("a class table needs at least one cut");
    std::set<std::string> seen;
    for (const auto& c : t.cuts) {
        if (c.label.empty()) detail::class_error("every cut needs a label");
        if (!seen.insert(c.label).second) detail::class_error(fmt::format("label '{}' appears twice", c.label));
        if (std::isnan(c.bound)) detail::class_error(fmt::format("cut '{}' has no bound", c.label));
    }
    if (!(t.tolerance >= 0 && t.tolerance < 0.5)) detail::class_error("tolerance must be in [0, 0.5)");
    for (std::size_t k = 0; k < t.cuts.size(); ++k) {
        const auto& c = t.cuts[k];
        if (t.basis == class_basis::percentile && !(c.bound > 0 && c.bound <= 1))
            detail::class_error(fmt::format("percentile cut '{}' is {}; it must be in (0, 1]", c.label, c.bound));
        if (k == 0) continue;
        const double prev = t.cuts[k - 1].bound;
        const bool ordered = (t.basis == class_basis::percentile || t.side == cut_side::le) ? c.bound > prev : c.bound < prev;
        if (!ordered)
            detail::class_error(fmt::format("cut table out of order: '{}' ({}) after '{}' ({}); bounds must be strictly {}",
                                            c.label, c.bound, t.cuts[k - 1].label, prev,
                                            (t.basis == class_basis::value && t.side == cut_side::ge) ? "decreasing"
                                                                                                       : "increasing"));
    }
    if (t.basis == class_basis::percentile && t.cuts.back().bound != 1.0)
        detail::class_error(fmt::format("the last percentile cut ('{}') must be 1, not {}", t.cuts.back().label,
                                        t.cuts.back().bound));
    if (seen.count(t.unclassified_label)) detail::class_error("the unclassified label is also a cut label");
}

inline void scheme::validate() const {
    if (name.empty()) throw invalid_input("[regind.invalid_input.scheme] a scheme needs a name");
    if (terms.empty()) detail::scheme_error(*this, "a scheme needs at least one term");
    std::set<std::string> names;
    double total = 0;
    for (const auto& t : terms) {
        if (t.name.empty()) detail::scheme_error(*this, "every term needs a name");
        if (!names.insert(t.name).second) detail::scheme_error(*this, fmt::format("term '{}' appears twice", t.name));
        if (t.numerator.empty()) detail::scheme_error(*this, fmt::format("term '{}' needs a numerator column", t.name));
        if (!std::isfinite(t.weight) || t.weight < 0)
            detail::scheme_error(*this, fmt::format("term '{}': weight {} must be a finite number ≥ 0", t.name, t.weight));
        total += t.weight;
        if (t.benchmark == benchmark_rule::fixed && !(std::isfinite(t.benchmark_value) && t.benchmark_value > 0))
            detail::scheme_error(*this, fmt::format("term '{}': a fixed benchmark must be a positive number, not {}", t.name,
                                                    t.benchmark_value));
        if (t.benchmark == benchmark_rule::per_year) {
            const auto it = t.benchmark_by_year.find(year);
            if (it == t.benchmark_by_year.end())
                detail::scheme_error(*this, fmt::format("term '{}' has no benchmark for the scheme year {}", t.name, year));
            for (const auto& [y, v] : t.benchmark_by_year)
                if (!(std::isfinite(v) && v > 0))
                    detail::scheme_error(*this, fmt::format("term '{}': benchmark for {} must be positive, not {}", t.name,
                                                            y, v));
        }
        if (std::isnan(t.floor) || std::isnan(t.cap) || t.floor > t.cap)
            detail::scheme_error(*this, fmt::format("term '{}': floor {} is above cap {}", t.name, t.floor, t.cap));
    }
    if (!(total > 0)) detail::scheme_error(*this, "the weights sum to 0");
    for (const auto* list : {&bonuses, &penalties})
        for (const auto& a : *list) {
            if (a.column.empty()) detail::scheme_error(*this, fmt::format("adjustment '{}' needs a column", a.name));
            if (!std::isfinite(a.per_unit) || std::isnan(a.max) || a.max < 0)
                detail::scheme_error(*this, fmt::format("adjustment '{}': per_unit must be finite and max ≥ 0", a.name));
        }
    for (const auto& r : exclusions.rules())
        if (r.op == "*") detail::scheme_error(*this, "an exclusion rule needs a column and a comparison, not '*'");
    evaluation::validate(classes);
    for (const auto& r : exclusions.rules())
        for (const auto& c : classes.cuts)
            if (r.label == c.label) detail::scheme_error(*this, fmt::format("exclusion label '{}' is also a class", r.label));
}

inline std::vector<std::string> scheme::required_columns() const {
    std::vector<std::string> out;
    auto add = [&](const std::string& c) {
        if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    };
    for (const auto& t : terms) {
        add(t.numerator);
        add(t.denominator);
    }
    for (const auto* list : {&bonuses, &penalties})
        for (const auto& a : *list) add(a.column);
    for (const auto& r : exclusions.rules()) add(r.metric);
    add(group_by);
    return out;
}

/// The evaluation of every firm.
struct result {
    std::vector<std::string> term_names;
    row_matrix values;          ///< n × K: x_ik (NaN when missing)
    row_matrix terms;           ///< n × K: w_k · clamp(x_ik / b_k) after the missing rule (reweight folded in)
    Eigen::VectorXd bonus, penalty, score, rank, percentile;
    std::vector<std::string> labels;  ///< class cuts, then exclusion labels, then the unclassified label
    Eigen::VectorXi class_index;      ///< into labels
    Eigen::Matrix<bool, Eigen::Dynamic, 1> excluded;
    std::vector<std::int64_t> groups;  ///< benchmark groups (one group 0 without group_by)
    row_matrix benchmarks;             ///< groups × K
    Eigen::Index n_ranked = 0;
    [[nodiscard]] Eigen::Index size() const { return score.size(); }
    [[nodiscard]] const std::string& class_of(Eigen::Index i) const { return labels[static_cast<std::size_t>(class_index[i])]; }
};

namespace detail {

inline const Eigen::VectorXd& column(const columns& data, const std::string& name, Eigen::Index n) {
    const auto it = data.find(name);
    if (it == data.end()) {
        std::vector<std::string> known;
        for (const auto& [k, v] : data) known.push_back(k);
        auto near = regind::detail::closest(name, known, 3);
        throw key_error(fmt::format("[regind.key_error.column] unknown indicator column '{}'{}", name,
                                    near.empty() ? std::string() : fmt::format("; did you mean {}?", fmt::join(near, ", "))),
                        name, near);
    }
    if (it->second.size() != n)
        throw invalid_input(fmt::format("[regind.invalid_input.shape] column '{}' has {} values; expected {}", name,
                                        it->second.size(), n));
    return it->second;
}

/// Group of each firm (−1: none) and the sorted distinct group ids.
inline std::vector<std::int64_t> group_index(const Eigen::VectorXd* g, Eigen::Index n, std::vector<std::int64_t>& ids) {
    std::vector<std::int64_t> out(static_cast<std::size_t>(n), 0);
    ids.clear();
    if (!g) {
        ids.push_back(0);
        return out;
    }
    std::vector<std::int64_t> raw(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        const double v = (*g)[i];
        if (!std::isnan(v) && v != std::floor(v))
            throw invalid_input(fmt::format("[regind.invalid_input.group] group code {} of firm {} is not an integer", v, i));
        raw[static_cast<std::size_t>(i)] = (std::isnan(v) || v < 0) ? -1 : static_cast<std::int64_t>(v);
    }
    ids = raw;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (!ids.empty() && ids.front() < 0) ids.erase(ids.begin());
    for (std::size_t i = 0; i < raw.size(); ++i)
        out[i] = raw[i] < 0 ? -1 : std::lower_bound(ids.begin(), ids.end(), raw[i]) - ids.begin();
    return out;
}

/// Index of the cut a value falls in under a value class table, or −1.
inline int value_class(const class_table& t, double v) {
    if (std::isnan(v)) return -1;
    for (std::size_t k = 0; k < t.cuts.size(); ++k) {
        const double b = t.cuts[k].bound;
        const double tol = std::isfinite(b) ? t.tolerance * std::max(1.0, std::fabs(b)) : 0.0;
        if (t.side == cut_side::le ? v <= b + tol : v >= b - tol) return static_cast<int>(k);
    }
    return -1;
}

}  // namespace detail

/// The number of ranked firms admitted by each percentile cut when n are ranked (G3).
[[nodiscard]] inline std::vector<Eigen::Index> percentile_counts(const class_table& t, Eigen::Index n) {
    std::vector<Eigen::Index> out;
    for (const auto& c : t.cuts) {
        const double x = detail::snap(static_cast<double>(n) * c.bound);
        double k = t.rounding == cut_rounding::floor ? std::floor(x)
                   : t.rounding == cut_rounding::ceil ? std::ceil(x)
                                                      : std::floor(x + 0.5);
        out.push_back(static_cast<Eigen::Index>(k));
    }
    return out;
}

/// Classifies values with a value class table: cut index per value, −1 when none applies.
[[nodiscard]] inline Eigen::VectorXi classify_values(const class_table& t, Eigen::Ref<const Eigen::VectorXd> v) {
    if (t.basis != class_basis::value) detail::class_error("classify_values needs a value class table");
    validate(t);
    Eigen::VectorXi out(v.size());
    for (Eigen::Index i = 0; i < v.size(); ++i) out[i] = detail::value_class(t, v[i]);
    return out;
}

struct evaluate_options {
    int year = 0;  ///< 0: the scheme's year (selects per_year benchmarks)
};

/// Evaluates every firm of `data` under `s` (G2–G3).
/// @throws invalid_input for a bad scheme or columns of different lengths; key_error for an
/// unknown column.
[[nodiscard]] inline result evaluate(const columns& data, scheme s, const evaluate_options& opt = {}) {
    if (opt.year != 0) s.year = opt.year;
    s.validate();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const Eigen::Index n = data.empty() ? 0 : data.begin()->second.size();
    for (const auto& c : s.required_columns()) (void)detail::column(data, c, n);
    const auto K = static_cast<Eigen::Index>(s.terms.size());
    result r;
    for (const auto& t : s.terms) r.term_names.push_back(t.name);
    r.values.resize(n, K);
    r.terms.resize(n, K);

    // Exclusions.
    r.excluded.setZero(n);
    std::vector<int> excl_rule(static_cast<std::size_t>(n), -1);
    std::vector<std::string> excl_labels;
    if (!s.exclusions.rules().empty()) {
        std::vector<const Eigen::VectorXd*> ex_cols;
        for (const auto& rl : s.exclusions.rules()) ex_cols.push_back(&detail::column(data, rl.metric, n));
        std::map<std::string, double> m;
        for (Eigen::Index i = 0; i < n; ++i) {
            m.clear();
            for (std::size_t k = 0; k < ex_cols.size(); ++k) m[s.exclusions.rules()[k].metric] = (*ex_cols[k])[i];
            if (const rule* hit = s.exclusions.evaluate(m)) {
                r.excluded[i] = true;
                auto it = std::find(excl_labels.begin(), excl_labels.end(), hit->label);
                if (it == excl_labels.end()) {
                    excl_labels.push_back(hit->label);
                    it = excl_labels.end() - 1;
                }
                excl_rule[static_cast<std::size_t>(i)] = static_cast<int>(it - excl_labels.begin());
            }
        }
    }

    // Groups.
    const Eigen::VectorXd* gcol = s.group_by.empty() ? nullptr : &detail::column(data, s.group_by, n);
    r.groups.clear();
    const auto gi = detail::group_index(gcol, n, r.groups);
    const auto G = static_cast<Eigen::Index>(r.groups.size());
    r.benchmarks.setConstant(G, K, nan);

    // Indicator values and benchmarks.
    std::vector<double> buf;
    for (Eigen::Index k = 0; k < K; ++k) {
        const auto& t = s.terms[static_cast<std::size_t>(k)];
        const auto& num = detail::column(data, t.numerator, n);
        const Eigen::VectorXd* den = t.denominator.empty() ? nullptr : &detail::column(data, t.denominator, n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double a = num[i];
            double x = a;
            if (den) {
                const double d = (*den)[i];
                x = (std::isnan(d) || d <= 0) ? nan : a / d;
            }
            r.values(i, k) = x;
        }
        if (t.benchmark == benchmark_rule::fixed || t.benchmark == benchmark_rule::per_year) {
            const double b = t.benchmark == benchmark_rule::fixed ? t.benchmark_value : t.benchmark_by_year.at(s.year);
            r.benchmarks.col(k).setConstant(b);
            continue;
        }
        std::vector<double> sum(static_cast<std::size_t>(G), 0.0), sden(static_cast<std::size_t>(G), 0.0);
        std::vector<Eigen::Index> cnt(static_cast<std::size_t>(G), 0);
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto g = gi[static_cast<std::size_t>(i)];
            if (g < 0 || r.excluded[i] || std::isnan(r.values(i, k))) continue;
            ++cnt[static_cast<std::size_t>(g)];
            if (t.benchmark == benchmark_rule::ratio_of_sums) {
                sum[static_cast<std::size_t>(g)] += num[i];
                sden[static_cast<std::size_t>(g)] += den ? (*den)[i] : 1.0;
            } else {
                sum[static_cast<std::size_t>(g)] += r.values(i, k);
            }
        }
        if (t.benchmark == benchmark_rule::median) {
            // Bucket the values by group once (offsets from the counts), then a selection per group.
            std::vector<std::size_t> start(static_cast<std::size_t>(G) + 1, 0);
            for (Eigen::Index g = 0; g < G; ++g)
                start[static_cast<std::size_t>(g) + 1] = start[static_cast<std::size_t>(g)] + static_cast<std::size_t>(cnt[static_cast<std::size_t>(g)]);
            std::vector<double> all(start.back());
            std::vector<std::size_t> fill(start.begin(), start.end() - 1);
            for (Eigen::Index i = 0; i < n; ++i) {
                const auto g = gi[static_cast<std::size_t>(i)];
                if (g < 0 || r.excluded[i] || std::isnan(r.values(i, k))) continue;
                all[fill[static_cast<std::size_t>(g)]++] = r.values(i, k);
            }
            for (Eigen::Index g = 0; g < G; ++g) {
                buf.assign(all.begin() + static_cast<std::ptrdiff_t>(start[static_cast<std::size_t>(g)]),
                           all.begin() + static_cast<std::ptrdiff_t>(start[static_cast<std::size_t>(g) + 1]));
                if (buf.empty()) continue;
                const std::size_t h = buf.size() / 2;
                std::nth_element(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(h), buf.end());
                double med = buf[h];
                if (buf.size() % 2 == 0) med = (med + *std::max_element(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(h))) / 2;
                r.benchmarks(g, k) = med;
            }
        } else {
            for (Eigen::Index g = 0; g < G; ++g) {
                const auto gs = static_cast<std::size_t>(g);
                if (cnt[gs] == 0) continue;
                r.benchmarks(g, k) = t.benchmark == benchmark_rule::ratio_of_sums ? sum[gs] / sden[gs]
                                                                                   : sum[gs] / static_cast<double>(cnt[gs]);
            }
        }
    }

    // Terms: w · clamp(x / b), NaN when missing; then the missing rules.
    double total_w = 0;
    for (const auto& t : s.terms) total_w += t.weight;
    for (Eigen::Index k = 0; k < K; ++k) {
        const auto& t = s.terms[static_cast<std::size_t>(k)];
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto g = gi[static_cast<std::size_t>(i)];
            const double b = g < 0 ? nan : r.benchmarks(g, k);
            const double x = r.values(i, k);
            r.terms(i, k) = (std::isnan(x) || !(std::isfinite(b) && b > 0)) ? nan
                                                                             : t.weight * std::clamp(x / b, t.floor, t.cap);
        }
    }
    r.score.setConstant(n, nan);
    for (Eigen::Index k = 0; k < K; ++k) {
        const auto& t = s.terms[static_cast<std::size_t>(k)];
        if (t.missing != missing_rule::average_term) continue;
        std::vector<double> sum(static_cast<std::size_t>(G), 0.0);
        std::vector<Eigen::Index> cnt(static_cast<std::size_t>(G), 0);
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto g = gi[static_cast<std::size_t>(i)];
            if (g < 0 || r.excluded[i] || std::isnan(r.terms(i, k))) continue;
            sum[static_cast<std::size_t>(g)] += r.terms(i, k);
            ++cnt[static_cast<std::size_t>(g)];
        }
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto g = gi[static_cast<std::size_t>(i)];
            if (g >= 0 && std::isnan(r.terms(i, k)))
                r.terms(i, k) = cnt[static_cast<std::size_t>(g)] ? sum[static_cast<std::size_t>(g)] / static_cast<double>(cnt[static_cast<std::size_t>(g)]) : 0.0;
        }
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        if (gi[static_cast<std::size_t>(i)] < 0) continue;
        double present_w = 0;
        bool dropped = false;
        for (Eigen::Index k = 0; k < K; ++k) {
            const auto& t = s.terms[static_cast<std::size_t>(k)];
            if (!std::isnan(r.terms(i, k))) {
                present_w += t.weight;
                continue;
            }
            if (t.missing == missing_rule::zero) {
                r.terms(i, k) = 0.0;
                present_w += t.weight;
            } else if (t.missing == missing_rule::unclassified) {
                dropped = true;
            }
        }
        if (dropped || !(present_w > 0)) continue;
        const double f = total_w / present_w;
        double sc = 0;
        for (Eigen::Index k = 0; k < K; ++k)
            if (!std::isnan(r.terms(i, k))) {
                if (f != 1.0) r.terms(i, k) *= f;
                sc += r.terms(i, k);
            }
        r.score[i] = sc;
    }

    // Bonus and penalty.
    auto adjust = [&](const std::vector<adjustment>& list, Eigen::VectorXd& out) {
        out.setZero(n);
        for (const auto& a : list) {
            const auto& c = detail::column(data, a.column, n);
            for (Eigen::Index i = 0; i < n; ++i)
                if (!std::isnan(c[i])) out[i] += std::min(a.per_unit * c[i], a.max);
        }
    };
    adjust(s.bonuses, r.bonus);
    adjust(s.penalties, r.penalty);
    r.score += r.bonus - r.penalty;

    // Ranks and classes.
    Eigen::VectorXd ranked = r.score;
    for (Eigen::Index i = 0; i < n; ++i)
        if (r.excluded[i]) ranked[i] = nan;
    rank_options ro;
    ro.method = s.tie_method;
    ro.ascending = !s.higher_is_better;
    ro.na_option = rank_na::keep;
    r.rank = rank(ranked, ro);
    r.n_ranked = 0;
    for (Eigen::Index i = 0; i < n; ++i) r.n_ranked += std::isnan(r.rank[i]) ? 0 : 1;
    r.percentile = r.rank / static_cast<double>(std::max<Eigen::Index>(r.n_ranked, 1));

    const auto& ct = s.classes;
    for (const auto& c : ct.cuts) r.labels.push_back(c.label);
    const auto n_cuts = static_cast<int>(r.labels.size());
    for (const auto& l : excl_labels) r.labels.push_back(l);
    r.labels.push_back(ct.unclassified_label);
    const int unclassified = static_cast<int>(r.labels.size()) - 1;
    r.class_index.setConstant(n, unclassified);
    std::vector<Eigen::Index> counts;
    if (ct.basis == class_basis::percentile) counts = percentile_counts(ct, r.n_ranked);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (r.excluded[i]) {
            r.class_index[i] = n_cuts + excl_rule[static_cast<std::size_t>(i)];
            continue;
        }
        if (std::isnan(r.rank[i])) continue;
        if (ct.basis == class_basis::percentile) {
            for (std::size_t k = 0; k < counts.size(); ++k)
                if (r.rank[i] <= static_cast<double>(counts[k])) {
                    r.class_index[i] = static_cast<int>(k);
                    break;
                }
        } else {
            const int k = detail::value_class(ct, r.score[i]);
            if (k >= 0) r.class_index[i] = k;
        }
    }
    return r;
}

/// Totals per region (or any group): firms, class counts, and for every term Σ numerator,
/// Σ denominator and their ratio (e.g. 亩均税收 of a county = Σ tax / Σ land) over the firms
/// with the term present.
struct rollup_result {
    std::vector<std::int64_t> groups;  ///< distinct group codes (sorted)
    Eigen::VectorXd count;             ///< firms per group
    row_matrix class_counts;           ///< groups × labels
    row_matrix numerator_sum, denominator_sum, ratio;  ///< groups × K
    Eigen::VectorXd mean_score;        ///< over ranked firms
};

/// Rolls `r` up by the integer codes of `group` (NaN or negative: left out).
[[nodiscard]] inline rollup_result rollup(const columns& data, const scheme& s, const result& r,
                                          Eigen::Ref<const Eigen::VectorXd> group) {
    const Eigen::Index n = r.size();
    regind::detail::check_same_size("rollup", "group", group.size(), "result", n);
    rollup_result out;
    Eigen::VectorXd g = group;
    const auto gi = detail::group_index(&g, n, out.groups);
    const auto G = static_cast<Eigen::Index>(out.groups.size());
    const auto K = static_cast<Eigen::Index>(s.terms.size());
    const auto L = static_cast<Eigen::Index>(r.labels.size());
    out.count.setZero(G);
    out.class_counts.setZero(G, L);
    out.numerator_sum.setZero(G, K);
    out.denominator_sum.setZero(G, K);
    out.mean_score.setZero(G);
    Eigen::VectorXd ranked = Eigen::VectorXd::Zero(G);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto k = gi[static_cast<std::size_t>(i)];
        if (k < 0) continue;
        out.count[k] += 1;
        out.class_counts(k, r.class_index[i]) += 1;
        if (!std::isnan(r.rank[i])) {
            out.mean_score[k] += r.score[i];
            ranked[k] += 1;
        }
    }
    for (Eigen::Index t = 0; t < K; ++t) {
        const auto& tm = s.terms[static_cast<std::size_t>(t)];
        const auto& num = detail::column(data, tm.numerator, n);
        const Eigen::VectorXd* den = tm.denominator.empty() ? nullptr : &detail::column(data, tm.denominator, n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto k = gi[static_cast<std::size_t>(i)];
            if (k < 0 || std::isnan(r.values(i, t))) continue;
            out.numerator_sum(k, t) += num[i];
            out.denominator_sum(k, t) += den ? (*den)[i] : 1.0;
        }
    }
    out.ratio = out.numerator_sum.cwiseQuotient(out.denominator_sum);
    for (Eigen::Index k = 0; k < G; ++k)
        out.mean_score[k] = ranked[k] > 0 ? out.mean_score[k] / ranked[k] : std::numeric_limits<double>::quiet_NaN();
    return out;
}

// ---------------------------------------------------------------------------------------------
// Presets (G2–G4)

namespace detail {
inline term fixed_term(std::string name, std::string label, std::string num, std::string den, double w, double b,
                       missing_rule m = missing_rule::zero) {
    term t;
    t.name = std::move(name);
    t.label = std::move(label);
    t.numerator = std::move(num);
    t.denominator = std::move(den);
    t.weight = w;
    t.benchmark = benchmark_rule::fixed;
    t.benchmark_value = b;
    t.missing = m;
    return t;
}
}  // namespace detail

/// Preset names: huangyan_2022_above_size, huangyan_2022_below_size, huangyan_2021_above_size,
/// huangyan_2021_below_size (G2, A/B/C/D classes of G3), carbon_efficiency (G4).
[[nodiscard]] inline std::vector<std::string> preset_names() {
    return {"huangyan_2022_above_size", "huangyan_2022_below_size", "huangyan_2021_above_size",
            "huangyan_2021_below_size", "carbon_efficiency"};
}

/// A preset scheme. Columns: tax (评价税收, 万元), land_mu (用地面积, 亩), value_added (工业增加值,
/// 万元), energy_tce (综合能耗, 吨标煤), emissions (主要污染物排放量, 吨), employees (年平均职工人数),
/// rd_expense (R&D经费支出, 万元), revenue (主营业务收入, 万元), electricity (用电量, 万千瓦时);
/// carbon: co2_t (t CO2), value_added (万元), industry (group code).
/// The Huangyan schemes apply no cap or floor (G2); a missing emission term takes the average
/// term (G2). The 2021 schemes reuse the 2022 weights (only the 2021 benchmarks are published
/// in the G2 source: an assumption, stated in the description).
[[nodiscard]] inline scheme preset(std::string_view name) {
    scheme s;
    s.name = std::string(name);
    s.classes = class_table::abcd();
    using detail::fixed_term;
    if (name == "huangyan_2022_above_size" || name == "huangyan_2021_above_size") {
        const bool y22 = name == "huangyan_2022_above_size";
        s.year = y22 ? 2022 : 2021;
        s.description = y22 ? "黄岩区2022年规上工业企业亩均效益评价 (REFERENCE-METHODS G2)"
                            : "黄岩区2021年规上工业企业亩均效益评价: 2021 benchmarks, 2022 weights (assumed)";
        s.terms = {fixed_term("tax_per_mu", "亩均税收", "tax", "land_mu", 30, y22 ? 24.097 : 26.01),
                   fixed_term("va_per_mu", "亩均增加值", "value_added", "land_mu", 20, y22 ? 136.16 : 132.27),
                   fixed_term("va_per_energy", "单位能耗增加值", "value_added", "energy_tce", 20, y22 ? 2.694 : 2.54),
                   fixed_term("va_per_emission", "单位排放增加值", "value_added", "emissions", 10, y22 ? 4929.81 : 4861.08,
                              missing_rule::average_term),
                   fixed_term("labour_productivity", "全员劳动生产率", "value_added", "employees", 10, y22 ? 18.14 : 17.45),
                   fixed_term("rd_intensity", "R&D经费支出占主营业务收入之比", "rd_expense", "revenue", 10,
                              y22 ? 0.0302 : 0.0305)};
        return s;
    }
    if (name == "huangyan_2022_below_size" || name == "huangyan_2021_below_size") {
        const bool y22 = name == "huangyan_2022_below_size";
        s.year = y22 ? 2022 : 2021;
        s.description = y22 ? "黄岩区2022年规下工业企业亩均效益评价 (REFERENCE-METHODS G2)"
                            : "黄岩区2021年规下工业企业亩均效益评价: 2021 benchmarks, 2022 weights (assumed)";
        s.terms = {fixed_term("tax_per_mu", "亩均税收", "tax", "land_mu", 50, y22 ? 11.5932 : 16.601058),
                   fixed_term("tax_per_kwh", "单位电耗税收", "tax", "electricity", 50, y22 ? 0.2352 : 0.236565)};
        return s;
    }
    if (name == "carbon_efficiency") {
        s.year = 0;
        s.description = "工业碳效码 grades (REFERENCE-METHODS G4): K = L / mean L of the industry, mean of ratios";
        term t;
        t.name = "K";
        t.label = "碳效值";
        t.numerator = "co2_t";
        t.denominator = "value_added";
        t.weight = 1;
        t.benchmark = benchmark_rule::mean;
        t.missing = missing_rule::unclassified;
        s.terms = {t};
        s.group_by = "industry";
        s.higher_is_better = false;
        s.classes.basis = class_basis::value;
        s.classes.side = cut_side::le;
        s.classes.tolerance = 1e-9;
        s.classes.cuts = {{0.6, "1"}, {0.8, "2"}, {1.2, "3"}, {2.0, "4"}, {std::numeric_limits<double>::infinity(), "5"}};
        return s;
    }
    throw invalid_input(fmt::format("[regind.invalid_input.preset] unknown evaluation preset '{}'; expected {}", name,
                                    fmt::join(preset_names(), ", ")));
}

}  // namespace regind::evaluation
