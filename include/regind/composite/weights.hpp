// SPDX-License-Identifier: MIT
// Weights of a composite index (REFERENCE-METHODS.md §E6): effective weights, and the kernels
// that derive weights from data or judgements — PCA, entropy, CRITIC, AHP — and the
// correlation-balancing optimisation (balance / infomax) that re-aggregates the index.
//
//   effective  w_eff(i) = Π over i and its ancestors a of w_a / Σ_{siblings s of a} w_s
//   entropy    p_ij = x_ij / Σ_i x_ij ;  e_j = −(1/ln n_j) Σ_i p_ij ln p_ij ;  w_j ∝ 1 − e_j
//   CRITIC     z = min-max with direction ;  C_j = σ_j Σ_k (1 − r_jk)  (or 1 − |r_jk|) ;  w_j ∝ C_j
//   PCA        PC1 loadings of the standardised complete cases (centre, divide by the SD)
//   AHP        w = principal right eigenvector of A (Σ = 1), λ_max its eigenvalue,
//              CI = (λ_max − n)/(n − 1), CR = CI / RI(n)
//   balance    minimise log(Σ_k (t_k − r_k/Σr)² / K) ;  infomax: minimise −Σ_k r_k, with r_k the
//              correlation of component k with the index, re-aggregating on every evaluation
//
// Design notes:
// - Weights are relative within their parent (aggregation rescales siblings), so the data
//   methods are applied per sibling group: the children of one parent (the whole top level
//   when it has several nodes). A group of one node gets weight 1.
// - Entropy: each column uses its own non-missing values (n_j of them, n_j ≥ 2). Values must
//   be >= 0 (normalise first, e.g. n_minmax). Zeros follow the limit 0·ln 0 = 0: no ε inside
//   the logarithm and no shifted min-max, so a min-max zero counts as "no share". A constant
//   column has e = 1 exactly (d = 0, weight 0); 1 − e is clamped at 0 against rounding.
// - CRITIC and PCA use the complete cases of the group (rows where every column has a
//   value). CRITIC needs 3 of them, PCA 2; constant columns are errors (σ = 0 makes r and the
//   standardisation undefined). CRITIC's default is 1 − r as in Diakoulaki et al. (1995);
//   1 − |r| is an option.
// - PCA loadings have an arbitrary sign and can be negative. regind fixes the sign so that
//   the loadings sum to a positive number (the first non-zero loading positive if they sum
//   to 0 within 1e-10) and returns them as they are: a negative loading (an indicator working against
//   its group) makes aggregation fail with the node named, rather than being hidden.
// - AHP: A must be square, finite, positive and reciprocal (|a_ij·a_ji − 1| ≤ 1e-6; write
//   1/3, not 0.33). The eigenvector comes from Eigen's EigenSolver (the exact method, not
//   JMcDM's column-normalise-and-average approximation). CI is clamped at 0 (λ_max ≥ n in
//   exact arithmetic). RI is data: Saaty's RI(1..10) by default, any table can be given; CR
//   is 0 for n ≤ 2 (every such matrix is consistent) and an error if the table has no RI(n).
// - Optimisation uses NLopt's Nelder–Mead (LN_NELDERMEAD) on the weights of one level, with
//   lower bounds 0, ftol_rel = toler and maxeval = maxiter (COINr's optim: reltol 0.1, maxit
//   500). Every evaluation re-aggregates the whole index from the aggregation's input data
//   with its specs. An evaluation where a correlation is undefined (NaN, e.g. a group whose
//   weights are all 0) scores 1e10. The best point seen is returned, whatever NLopt's exit
//   status; the weights of each sibling group are rescaled to sum to 1.
#pragma once

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <exception>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <fmt/format.h>
#include <nlopt.hpp>

#include "regind/composite/aggregate.hpp"
#include "regind/composite/analysis.hpp"
#include "regind/composite/framework.hpp"
#include "regind/composite/stats.hpp"

namespace regind::composite {

enum class weight_method { equal, manual, pca, entropy, critic, ahp, balance, infomax };

[[nodiscard]] inline std::string_view to_string(weight_method m) noexcept {
    switch (m) {
        case weight_method::equal: return "equal";
        case weight_method::manual: return "manual";
        case weight_method::pca: return "pca";
        case weight_method::entropy: return "entropy";
        case weight_method::critic: return "critic";
        case weight_method::ahp: return "ahp";
        case weight_method::balance: return "balance";
        case weight_method::infomax: return "infomax";
    }
    return "equal";
}

[[nodiscard]] inline weight_method parse_weight_method(std::string_view s) {
    for (auto m : {weight_method::equal, weight_method::manual, weight_method::pca, weight_method::entropy,
                   weight_method::critic, weight_method::ahp, weight_method::balance, weight_method::infomax})
        if (s == to_string(m)) return m;
    throw invalid_input(fmt::format("[regind.invalid_input.weights] unknown weighting method '{}': expected equal, "
                                    "manual, pca, entropy, critic, ahp, balance or infomax",
                                    s));
}

enum class critic_correlation { one_minus_r, one_minus_abs_r };

/// Saaty's random consistency index RI(n), n = 1..10 (§E6).
[[nodiscard]] inline const std::vector<double>& saaty_random_index() {
    static const std::vector<double> ri = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    return ri;
}

namespace detail {

[[noreturn]] inline void bad_weights(const std::string& what) {
    throw invalid_input("[regind.invalid_input.weights] " + what);
}

inline std::string column_name(const std::vector<std::string>& names, Index j) {
    return names.empty() ? fmt::format("column {}", j + 1) : fmt::format("'{}'", names[static_cast<std::size_t>(j)]);
}

// Rows of x where every column has a value.
inline matrix complete_cases(const matrix& x) {
    std::vector<Index> rows;
    for (Index i = 0; i < x.rows(); ++i) {
        bool ok = true;
        for (Index j = 0; j < x.cols() && ok; ++j) ok = !std::isnan(x(i, j));
        if (ok) rows.push_back(i);
    }
    matrix c(static_cast<Index>(rows.size()), x.cols());
    for (std::size_t r = 0; r < rows.size(); ++r) c.row(static_cast<Index>(r)) = x.row(rows[r]);
    return c;
}

inline void check_not_constant(const matrix& c, const std::vector<std::string>& names, std::string_view method) {
    for (Index j = 0; j < c.cols(); ++j)
        if ((c.col(j).array() == c(0, j)).all())
            bad_weights(fmt::format("{}: {} is constant over the complete cases, so its correlations are undefined",
                                    method, column_name(names, j)));
}

}  // namespace detail

/// Effective weights of every node for node weights `w` (empty: the framework's): its weight
/// share among its siblings times its parent's effective weight. The nodes of each level sum
/// to 1; a node whose siblings all weigh 0 gets NaN.
[[nodiscard]] inline Eigen::VectorXd effective_weights(const framework& fw, const Eigen::VectorXd& w = {}) {
    if (w.size() != 0 && w.size() != fw.size())
        detail::bad_weights(fmt::format("{} weights for {} framework nodes", w.size(), fw.size()));
    const Eigen::VectorXd wt = w.size() ? w : fw.weights();
    Eigen::VectorXd eff(fw.size());
    for (int l = fw.n_levels(); l >= 1; --l) {
        for (Index i = fw.level_begin(l); i < fw.level_end(l); ++i) {
            const auto& n = fw.at(i);
            long double siblings = 0;
            double parent_weight = 1;
            if (n.parent < 0) {
                for (Index j = fw.level_begin(l); j < fw.level_end(l); ++j) siblings += wt[j];
            } else {
                for (Index c : fw.at(n.parent).children) siblings += wt[c];
                parent_weight = eff[n.parent];
            }
            eff[i] = siblings > 0 ? static_cast<double>(wt[i] / siblings) * parent_weight : nan;
        }
    }
    return eff;
}

/// Entropy weights of the columns of x (values >= 0; see the design notes). Sum to 1.
[[nodiscard]] inline Eigen::VectorXd entropy_weights(const matrix& x, const std::vector<std::string>& names = {}) {
    const Index k = x.cols();
    if (k == 0) detail::bad_weights("entropy: no columns");
    Eigen::VectorXd d(k);
    for (Index j = 0; j < k; ++j) {
        long double total = 0;
        Index n = 0;
        bool constant = true;
        double first = nan;
        for (Index i = 0; i < x.rows(); ++i) {
            const double v = x(i, j);
            if (std::isnan(v)) continue;
            if (v < 0 || std::isinf(v))
                detail::bad_weights(fmt::format("entropy: {} has the value {} (row {}); entropy weights need finite "
                                                "values >= 0: normalise first, e.g. n_minmax",
                                                detail::column_name(names, j), v, i + 1));
            if (n == 0) first = v;
            constant = constant && v == first;
            total += v;
            ++n;
        }
        if (n < 2)
            detail::bad_weights(fmt::format("entropy: {} has {} value(s); it needs at least 2",
                                            detail::column_name(names, j), n));
        if (!(total > 0))
            detail::bad_weights(fmt::format("entropy: {} has only zeros, so its shares are undefined",
                                            detail::column_name(names, j)));
        if (constant) {
            d[j] = 0;
            continue;
        }
        long double h = 0;
        for (Index i = 0; i < x.rows(); ++i) {
            const double v = x(i, j);
            if (std::isnan(v) || v == 0) continue;  // 0·ln 0 = 0
            const long double p = v / total;
            h -= p * std::log(p);
        }
        d[j] = std::max(0.0, 1.0 - static_cast<double>(h / std::log(static_cast<long double>(n))));
    }
    const double sd_ = d.sum();
    if (!(sd_ > 0)) detail::bad_weights("entropy: every column is constant, so no column carries information");
    return d / sd_;
}

/// CRITIC weights of the columns of x with directions (±1 per column). Sum to 1.
[[nodiscard]] inline Eigen::VectorXd critic_weights(const matrix& x, const std::vector<int>& directions,
                                                    critic_correlation variant = critic_correlation::one_minus_r,
                                                    const std::vector<std::string>& names = {}) {
    const Index k = x.cols();
    if (k < 2) detail::bad_weights(fmt::format("critic: needs at least 2 columns, not {}", k));
    if (static_cast<Index>(directions.size()) != k)
        detail::bad_weights(fmt::format("critic: {} directions for {} columns", directions.size(), k));
    for (Index j = 0; j < k; ++j)
        if (directions[static_cast<std::size_t>(j)] != 1 && directions[static_cast<std::size_t>(j)] != -1)
            detail::bad_weights(fmt::format("critic: the direction of {} must be 1 or -1, not {}",
                                            detail::column_name(names, j), directions[static_cast<std::size_t>(j)]));
    matrix z = detail::complete_cases(x);
    if (z.rows() < 3)
        detail::bad_weights(fmt::format("critic: needs at least 3 complete rows (every column with a value), found {}",
                                        z.rows()));
    for (Index j = 0; j < k; ++j)
        if (!z.col(j).allFinite())
            detail::bad_weights(fmt::format("critic: {} has an infinite value", detail::column_name(names, j)));
    detail::check_not_constant(z, names, "critic");
    for (Index j = 0; j < k; ++j) {
        const double lo = z.col(j).minCoeff(), hi = z.col(j).maxCoeff();
        if (directions[static_cast<std::size_t>(j)] == 1)
            z.col(j) = (z.col(j).array() - lo) / (hi - lo);
        else
            z.col(j) = (hi - z.col(j).array()) / (hi - lo);
    }
    Eigen::VectorXd c(k);
    for (Index j = 0; j < k; ++j) {
        long double conflict = 0;
        for (Index m = 0; m < k; ++m) {
            if (m == j) continue;
            const double r = correlation(z.col(j), z.col(m));
            conflict += 1 - (variant == critic_correlation::one_minus_abs_r ? std::fabs(r) : r);
        }
        c[j] = sd(z.col(j)) * static_cast<double>(conflict);
    }
    const double total = c.sum();
    if (!(total > 0))
        detail::bad_weights("critic: the columns are perfectly correlated, so there is no contrast to weigh");
    return c / total;
}

struct pca_result {
    Eigen::VectorXd loadings;          ///< PC1 loadings (unit length, sign fixed: Σ > 0)
    double variance_explained = nan;   ///< share of the total variance on PC1
    Index n_complete = 0;              ///< complete cases used
};

/// PC1 loadings of the standardised complete cases of x (see the design notes).
[[nodiscard]] inline pca_result pca_weights(const matrix& x, const std::vector<std::string>& names = {}) {
    const Index k = x.cols();
    if (k == 0) detail::bad_weights("pca: no columns");
    matrix z = detail::complete_cases(x);
    if (z.rows() < 2)
        detail::bad_weights(fmt::format("pca: needs at least 2 complete rows (every column with a value), found {}",
                                        z.rows()));
    for (Index j = 0; j < k; ++j)
        if (!z.col(j).allFinite()) detail::bad_weights(fmt::format("pca: {} has an infinite value", detail::column_name(names, j)));
    detail::check_not_constant(z, names, "pca");
    for (Index j = 0; j < k; ++j) {
        const double m = mean(z.col(j)), s = sd(z.col(j));
        z.col(j) = (z.col(j).array() - m) / s;
    }
    Eigen::MatrixXd zc = z;  // column-major for the SVD
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(zc, Eigen::ComputeThinV);
    pca_result r;
    r.loadings = svd.matrixV().col(0);
    // Unit-length loadings: a sum within 1e-10 of 0 is 0 (the SVD's rounding must not pick the sign).
    constexpr double zero = 1e-10;
    const double s = r.loadings.sum();
    bool flip = s < 0;
    if (std::fabs(s) <= zero)
        for (Index j = 0; j < k; ++j)
            if (std::fabs(r.loadings[j]) > zero) {
                flip = r.loadings[j] < 0;
                break;
            }
    if (flip) r.loadings = -r.loadings;
    const Eigen::VectorXd sv = svd.singularValues();
    r.variance_explained = sv[0] * sv[0] / sv.squaredNorm();
    r.n_complete = z.rows();
    return r;
}

struct ahp_result {
    Eigen::VectorXd weights;  ///< principal right eigenvector, Σ = 1
    double lambda_max = nan;
    double ci = nan;          ///< consistency index (λ_max − n)/(n − 1), clamped at 0
    double ri = nan;          ///< random index RI(n) used
    double cr = nan;          ///< consistency ratio CI/RI (0 for n ≤ 2); acceptable below 0.1
};

/// AHP weights of a pairwise comparison matrix (see the design notes). `random_index[n − 1]`
/// is RI(n).
[[nodiscard]] inline ahp_result ahp_weights(const Eigen::MatrixXd& a,
                                            const std::vector<double>& random_index = saaty_random_index()) {
    const Index n = a.rows();
    if (n == 0 || a.cols() != n)
        detail::bad_weights(fmt::format("ahp: the comparison matrix must be square and not empty, not {} × {}", a.rows(),
                                        a.cols()));
    for (Index i = 0; i < n; ++i)
        for (Index j = 0; j < n; ++j)
            if (!std::isfinite(a(i, j)) || !(a(i, j) > 0))
                detail::bad_weights(fmt::format("ahp: entry ({}, {}) is {}; comparisons must be finite and > 0", i + 1,
                                                j + 1, a(i, j)));
    for (Index i = 0; i < n; ++i)
        for (Index j = i; j < n; ++j)
            if (std::fabs(a(i, j) * a(j, i) - 1) > 1e-6)
                detail::bad_weights(fmt::format("ahp: the matrix is not reciprocal: a({0}, {1}) = {2} but a({1}, {0}) = "
                                                "{3}, not 1/{2} (write exact reciprocals, e.g. 1/3)",
                                                i + 1, j + 1, a(i, j), a(j, i)));
    ahp_result r;
    if (n >= 3 && static_cast<std::size_t>(n) > random_index.size())
        detail::bad_weights(fmt::format("ahp: no random index RI({}) in a table of {} values; give one with at least "
                                        "{} values",
                                        n, random_index.size(), n));
    if (n >= 3 && !(random_index[static_cast<std::size_t>(n - 1)] > 0))
        detail::bad_weights(fmt::format("ahp: the random index RI({}) must be > 0, not {}", n,
                                        random_index[static_cast<std::size_t>(n - 1)]));
    Eigen::EigenSolver<Eigen::MatrixXd> es(a, true);
    if (es.info() != Eigen::Success) detail::bad_weights("ahp: the eigen decomposition did not converge");
    Index best = 0;
    for (Index i = 1; i < n; ++i)
        if (es.eigenvalues()[i].real() > es.eigenvalues()[best].real()) best = i;
    Eigen::VectorXd v = es.eigenvectors().col(best).real();
    r.weights = v / v.sum();
    r.lambda_max = es.eigenvalues()[best].real();
    const double dn = static_cast<double>(n);
    r.ci = n >= 2 ? std::max(0.0, (r.lambda_max - dn) / (dn - 1)) : 0.0;
    r.ri = static_cast<std::size_t>(n) <= random_index.size() ? random_index[static_cast<std::size_t>(n - 1)] : nan;
    r.cr = n <= 2 ? 0.0 : r.ci / r.ri;
    return r;
}

/// The sibling groups of a level: the children of each parent on the level above, in
/// framework order, or the whole level when it is the top one (parent −1).
struct sibling_group {
    Index parent = -1;
    std::vector<Index> nodes;
};

[[nodiscard]] inline std::vector<sibling_group> sibling_groups(const framework& fw, int level) {
    if (level < 1 || level > fw.n_levels())
        detail::bad_weights(fmt::format("level must be between 1 and {}, not {}", fw.n_levels(), level));
    std::vector<sibling_group> out;
    if (level == fw.n_levels()) {
        sibling_group g;
        for (Index i = fw.level_begin(level); i < fw.level_end(level); ++i) g.nodes.push_back(i);
        out.push_back(std::move(g));
        return out;
    }
    for (Index p = fw.level_begin(level + 1); p < fw.level_end(level + 1); ++p) out.push_back({p, fw.at(p).children});
    return out;
}

struct optimise_options {
    bool infomax = false;        ///< false: balance
    Eigen::VectorXd itarg;       ///< balance: target share per node of the level (empty: equal)
    corr_method cor = corr_method::pearson;
    double toler = 0.1;          ///< NLopt ftol_rel
    int maxiter = 500;           ///< NLopt maxeval
};

struct optimise_result {
    Eigen::VectorXd weights;        ///< every node: the base weights with the level's replaced
    double objective_start = nan;   ///< objective at the base weights
    double objective = nan;         ///< objective at the weights returned
    int evaluations = 0;
    std::string status;             ///< NLopt's exit status
    Eigen::VectorXd correlations;   ///< r_k of the level's nodes with the index at the result
};

/// Correlation-balancing weights for the nodes of `level` (see the design notes).
/// `indicators` is the aggregation's input, `specs` its per-node specs, `base` every node's
/// weights (the start, and the weights of the other levels).
[[nodiscard]] inline optimise_result optimise_weights(const framework& fw, const matrix& indicators,
                                                      const std::vector<aggregate_spec>& specs,
                                                      const Eigen::VectorXd& base, int level,
                                                      const optimise_options& o,
                                                      const std::vector<std::string>& units = {}) {
    const std::string_view what = o.infomax ? "infomax" : "balance";
    if (fw.level_end(fw.n_levels()) - fw.level_begin(fw.n_levels()) != 1)
        detail::bad_weights(fmt::format("{}: the top level must be a single index to correlate with", what));
    if (level < 1 || level >= fw.n_levels())
        detail::bad_weights(fmt::format("{}: level must be between 1 and {} (below the index), not {}", what,
                                        fw.n_levels() - 1, level));
    if (base.size() != fw.size()) detail::bad_weights(fmt::format("{}: {} base weights for {} nodes", what, base.size(), fw.size()));
    detail::check_aggregate_weights(fw, base);
    if (!(o.toler > 0) || !std::isfinite(o.toler))
        detail::bad_weights(fmt::format("{}: toler must be a finite number > 0, not {}", what, o.toler));
    if (o.maxiter < 1) detail::bad_weights(fmt::format("{}: maxiter must be >= 1, not {}", what, o.maxiter));
    const Index b = fw.level_begin(level), k = fw.level_end(level) - b;
    const Index top = fw.level_begin(fw.n_levels());
    if (k < 2) detail::bad_weights(fmt::format("{}: level {} has a single node; there is nothing to balance", what, level));
    Eigen::VectorXd target = Eigen::VectorXd::Constant(k, 1.0);
    if (o.itarg.size() != 0) {
        if (o.itarg.size() != k)
            detail::bad_weights(fmt::format("{}: {} target shares for {} nodes at level {}", what, o.itarg.size(), k, level));
        for (Index j = 0; j < k; ++j)
            if (!std::isfinite(o.itarg[j]) || o.itarg[j] < 0)
                detail::bad_weights(fmt::format("{}: the target share of '{}' must be a finite number >= 0, not {}",
                                                what, fw.at(b + j).code, o.itarg[j]));
        target = o.itarg;
    }
    if (!(target.sum() > 0)) detail::bad_weights(fmt::format("{}: the target shares sum to 0", what));
    target /= target.sum();

    constexpr double penalty = 1e10;
    Eigen::VectorXd full = base;
    Eigen::VectorXd r(k);
    auto evaluate = [&](const double* w) -> double {
        for (Index j = 0; j < k; ++j) full[b + j] = w[j];
        const matrix agg = aggregate_nodes(fw, indicators, specs, full, units);
        for (Index j = 0; j < k; ++j) r[j] = correlation(agg.col(b + j), agg.col(top), o.cor);
        if (!r.allFinite()) return penalty;
        if (o.infomax) return -r.sum();
        const double s = r.sum();
        if (s == 0) return penalty;
        const double ss = ((target - r / s).array().square()).sum() / static_cast<double>(k);
        return std::log(std::max(ss, 1e-300));
    };

    std::vector<double> x(static_cast<std::size_t>(k));
    for (Index j = 0; j < k; ++j) x[static_cast<std::size_t>(j)] = base[b + j];
    optimise_result res;
    res.objective_start = evaluate(x.data());
    std::vector<double> best_x = x;
    double best = res.objective_start;
    int evaluations = 1;
    std::exception_ptr failure;
    struct context {
        decltype(evaluate)* f;
        std::vector<double>* best_x;
        double* best;
        int* evaluations;
        std::exception_ptr* failure;
    } ctx{&evaluate, &best_x, &best, &evaluations, &failure};
    auto objective = [](unsigned n, const double* w, double*, void* data) -> double {
        auto& c = *static_cast<context*>(data);
        ++*c.evaluations;
        try {
            const double f = (*c.f)(w);
            if (f < *c.best) {
                *c.best = f;
                c.best_x->assign(w, w + n);
            }
            return f;
        } catch (...) {
            *c.failure = std::current_exception();
            throw nlopt::forced_stop();
        }
    };
    nlopt::opt opt(nlopt::LN_NELDERMEAD, static_cast<unsigned>(k));
    opt.set_lower_bounds(0.0);
    opt.set_min_objective(objective, &ctx);
    opt.set_ftol_rel(o.toler);
    opt.set_maxeval(o.maxiter);
    double scale = 0;
    for (double v : x) scale += v;
    scale = scale > 0 ? scale / static_cast<double>(k) : 1.0;
    opt.set_initial_step(std::vector<double>(static_cast<std::size_t>(k), 0.25 * scale));
    double f = 0;
    try {
        const auto rc = opt.optimize(x, f);
        switch (rc) {
            case nlopt::FTOL_REACHED: res.status = "ftol_reached"; break;
            case nlopt::XTOL_REACHED: res.status = "xtol_reached"; break;
            case nlopt::MAXEVAL_REACHED: res.status = "maxeval_reached"; break;
            case nlopt::STOPVAL_REACHED: res.status = "stopval_reached"; break;
            default: res.status = "success"; break;
        }
    } catch (const nlopt::forced_stop&) {
        if (failure) std::rethrow_exception(failure);
        res.status = "forced_stop";
    } catch (const nlopt::roundoff_limited&) {
        res.status = "roundoff_limited";
    } catch (const std::exception& e) {
        if (failure) std::rethrow_exception(failure);
        res.status = fmt::format("failure ({})", e.what());
    }
    if (failure) std::rethrow_exception(failure);
    // Rescale each sibling group of the level to sum to 1 (aggregation only sees ratios).
    for (const auto& g : sibling_groups(fw, level)) {
        long double s = 0;
        for (Index i : g.nodes) s += best_x[static_cast<std::size_t>(i - b)];
        if (s > 0)
            for (Index i : g.nodes) best_x[static_cast<std::size_t>(i - b)] /= static_cast<double>(s);
    }
    res.objective = evaluate(best_x.data());
    res.correlations = r;
    res.weights = full;
    res.evaluations = evaluations;
    return res;
}

}  // namespace regind::composite
