// SPDX-License-Identifier: MIT
// Variance-based (Sobol') sensitivity analysis (REFERENCE-METHODS.md §E9 steps 3–8): the
// A / B / AB_i design, the first-order and total estimators with a joint-row bootstrap, on any
// vectorised function and on a composite index with the uncertain inputs of uncertainty.hpp.
//
//   design: A, B are N × d with U[0, 1) entries; AB_i is A with column i taken from B;
//           runs in the order A, B, AB_1 … AB_d: N(d + 2) runs (rows of sobol_design()).
//   V    = var(concat(y_A, y_B)), ddof 1 (R's var, COINr; the default) or 0 (np.var, SciPy)
//   S_i  = mean( y_B·(y_AB_i − y_A) ) / V                     Saltelli et al. 2010, Table 2 (b)
//   ST_i = mean( (y_A − y_AB_i)² ) / (2V)                      Jansen 1999; Saltelli 2010 (f)
//
// Design notes:
// - center (default true): the outputs are first centred on the mean of y_A and y_B, as SciPy
//   does, so S does not depend on the output's origin (an output shifted by c changes the
//   uncentred S_i by −c·mean(y_AB_i − y_A)/V, pure Monte-Carlo noise). ST and V are unchanged.
//   center = false is the formula above applied to the raw outputs.
// - V = 0 (a constant output) gives S = ST = NaN: an outcome, not an error. Non-finite outputs
//   are an error (as SciPy).
// - Bootstrap: n_boot resamples of the N rows, drawn jointly for y_A, y_B and every y_AB_i
//   (one row index picks all of them), each resample re-estimating V, S and ST; the interval
//   is the percentile interval at `level` (type-7 quantiles at (1 − level)/2 and
//   (1 + level)/2 of the resampled estimates). Resample b uses its own seeded stream.
// - Sobol' QMC sampling is not implemented: A and B are pseudo-random (seeded mt19937_64 streams,
//   row j of A and B from stream j, so the design depends only on the seed).
// - On a composite index the output of a run is COINr's y_r = mean over units of
//   |rank_r − nominal rank| (units ranked in both), and every unit's rank is also kept, giving
//   per-unit indices (point estimates; NaN when a unit's rank is missing in a run or never
//   changes). A noisy weight level is one input that picks one of spec.weight_sets noisy
//   weight sets. As COINr, the rank statistics of the uncertainty analysis come from the
//   first 2N runs (A and B).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/uncertainty.hpp"

namespace regind::composite {

struct sobol_options {
    int ddof = 1;              ///< of V: 1 (COINr) or 0 (SciPy)
    bool center = true;        ///< centre the outputs on mean(y_A, y_B) first (SciPy does)
    std::size_t n_boot = 1000; ///< bootstrap resamples; 0: no intervals
    double level = 0.95;       ///< of the percentile intervals
};

struct sobol_estimate {
    Eigen::VectorXd first, total;  ///< S_i and ST_i
    Eigen::VectorXd first_lo, first_hi, total_lo, total_hi;  ///< percentile intervals (NaN without bootstrap)
    double variance = nan;         ///< V
    double mean = nan;             ///< mean of y_A and y_B
    std::size_t n = 0;             ///< rows N
    sobol_options options;
};

namespace detail {

[[noreturn]] inline void bad_sobol(const std::string& what) { throw invalid_input("[regind.invalid_input.sobol] " + what); }

inline void check_sobol_options(const sobol_options& o) {
    if (o.ddof != 0 && o.ddof != 1) bad_sobol(fmt::format("ddof must be 0 or 1, not {}", o.ddof));
    if (!(o.level > 0.0 && o.level < 1.0)) bad_sobol(fmt::format("level must be in (0, 1), not {}", o.level));
}

// V, S and ST over the rows idx (all rows when idx is null). Returns V.
inline double sobol_point(const Eigen::Ref<const Eigen::VectorXd>& ya, const Eigen::Ref<const Eigen::VectorXd>& yb,
                          const Eigen::Ref<const matrix>& yab, const std::size_t* idx, const sobol_options& o,
                          double* first, double* total, double* mean_out = nullptr) {
    const Index n = ya.size();
    const Index d = yab.cols();
    auto row = [&](Index j) { return idx ? static_cast<Index>(idx[j]) : j; };
    long double s = 0;
    for (Index j = 0; j < n; ++j) s += static_cast<long double>(ya[row(j)]) + yb[row(j)];
    const double m = static_cast<double>(s / (2.0L * n));
    long double ss = 0;
    for (Index j = 0; j < n; ++j) {
        const long double a = ya[row(j)] - m, b = yb[row(j)] - m;
        ss += a * a + b * b;
    }
    const double v = static_cast<double>(ss / static_cast<long double>(2 * n - o.ddof));
    if (mean_out) *mean_out = m;
    const double c = o.center ? m : 0.0;
    for (Index i = 0; i < d; ++i) {
        long double f = 0, t = 0;
        for (Index j = 0; j < n; ++j) {
            const Index r = row(j);
            const double a = ya[r] - c, b = yb[r] - c, ab = yab(r, i) - c;
            f += static_cast<long double>(b) * (ab - a);
            t += static_cast<long double>(a - ab) * (a - ab);
        }
        const bool ok = v > 0;
        first[i] = ok ? static_cast<double>(f / n) / v : nan;
        total[i] = ok ? static_cast<double>(t / n) / (2 * v) : nan;
    }
    return v;
}

}  // namespace detail

/// The Sobol' estimators on given outputs: y_A, y_B (N each) and y_AB (N × d, column i = the
/// runs of AB_i). `seed` drives the bootstrap.
[[nodiscard]] inline sobol_estimate estimate_sobol(const Eigen::Ref<const Eigen::VectorXd>& y_a,
                                                   const Eigen::Ref<const Eigen::VectorXd>& y_b,
                                                   const Eigen::Ref<const matrix>& y_ab, const sobol_options& opt = {},
                                                   std::uint64_t seed = 0) {
    detail::check_sobol_options(opt);
    const Index n = y_a.size();
    if (y_b.size() != n || y_ab.rows() != n)
        detail::bad_sobol(fmt::format("y_A has {} values, y_B {} and y_AB {} rows: they must be equal", n, y_b.size(),
                                      y_ab.rows()));
    if (n < 2) detail::bad_sobol(fmt::format("at least 2 rows (N) are needed, not {}", n));
    if (y_ab.cols() < 1) detail::bad_sobol("y_AB needs one column per input (d >= 1)");
    if (!y_a.allFinite() || !y_b.allFinite() || !y_ab.allFinite())
        detail::bad_sobol("the function values must be finite (no NaN or infinity)");
    const Index d = y_ab.cols();
    sobol_estimate e;
    e.options = opt;
    e.n = static_cast<std::size_t>(n);
    e.first.resize(d);
    e.total.resize(d);
    e.variance = detail::sobol_point(y_a, y_b, y_ab, nullptr, opt, e.first.data(), e.total.data(), &e.mean);
    e.first_lo = e.first_hi = e.total_lo = e.total_hi = Eigen::VectorXd::Constant(d, nan);
    if (opt.n_boot == 0) return e;

    std::vector<std::vector<double>> bs(static_cast<std::size_t>(d)), bt(static_cast<std::size_t>(d));
    std::vector<std::size_t> idx(static_cast<std::size_t>(n));
    Eigen::VectorXd f(d), t(d);
    for (std::size_t b = 0; b < opt.n_boot; ++b) {
        auto g = detail::random_stream(seed, detail::stream_bootstrap, b);
        for (auto& k : idx) k = alternative_index(detail::uniform01(g), static_cast<std::size_t>(n));
        detail::sobol_point(y_a, y_b, y_ab, idx.data(), opt, f.data(), t.data());
        for (Index i = 0; i < d; ++i) {
            if (std::isfinite(f[i])) bs[static_cast<std::size_t>(i)].push_back(f[i]);
            if (std::isfinite(t[i])) bt[static_cast<std::size_t>(i)].push_back(t[i]);
        }
    }
    const double lo = (1 - opt.level) / 2, hi = (1 + opt.level) / 2;
    for (Index i = 0; i < d; ++i) {
        auto& s = bs[static_cast<std::size_t>(i)];
        auto& u = bt[static_cast<std::size_t>(i)];
        std::sort(s.begin(), s.end());
        std::sort(u.begin(), u.end());
        e.first_lo[i] = detail::quantile7_sorted(s, lo);
        e.first_hi[i] = detail::quantile7_sorted(s, hi);
        e.total_lo[i] = detail::quantile7_sorted(u, lo);
        e.total_hi[i] = detail::quantile7_sorted(u, hi);
    }
    return e;
}

/// The design: N(d + 2) × d values in [0, 1), rows A (N), B (N), AB_1 (N) … AB_d (N).
[[nodiscard]] inline matrix sobol_design(Index n, Index d, std::uint64_t seed) {
    if (n < 2) detail::bad_sobol(fmt::format("at least 2 rows (N) are needed, not {}", n));
    if (d < 1) detail::bad_sobol(fmt::format("at least 1 input (d) is needed, not {}", d));
    matrix x(n * (d + 2), d);
    for (Index j = 0; j < n; ++j) {
        auto g = detail::random_stream(seed, detail::stream_design, static_cast<std::uint64_t>(j));
        for (Index i = 0; i < d; ++i) x(j, i) = detail::uniform01(g);      // A
        for (Index i = 0; i < d; ++i) x(n + j, i) = detail::uniform01(g);  // B
    }
    for (Index i = 0; i < d; ++i) {
        auto ab = x.middleRows((2 + i) * n, n);
        ab = x.topRows(n);
        ab.col(i) = x.middleRows(n, n).col(i);
    }
    return x;
}

/// Outputs of the N(d + 2) runs of sobol_design() → the estimators.
[[nodiscard]] inline sobol_estimate estimate_sobol(const Eigen::Ref<const Eigen::VectorXd>& y, Index n, Index d,
                                                   const sobol_options& opt = {}, std::uint64_t seed = 0) {
    if (n < 1 || d < 1 || y.size() != n * (d + 2))
        detail::bad_sobol(fmt::format("{} outputs for N = {} and d = {}: expected N(d + 2) = {}", y.size(), n, d,
                                      n * (d + 2)));
    matrix yab(n, d);
    for (Index i = 0; i < d; ++i) yab.col(i) = y.segment((2 + i) * n, n);
    return estimate_sobol(y.head(n), y.segment(n, n), yab, opt, seed);
}

/// A vectorised function: one output per row of its input matrix.
using batch_function = std::function<Eigen::VectorXd(const matrix& x)>;

/// Sobol' indices of f over d independent inputs, input i uniform on bounds[i] (default
/// [0, 1)), from N rows: f is called once on the N(d + 2) × d design.
[[nodiscard]] inline sobol_estimate sobol_indices(const batch_function& f, Index d, Index n, std::uint64_t seed = 0,
                                                  const std::vector<std::pair<double, double>>& bounds = {},
                                                  const sobol_options& opt = {}) {
    detail::check_sobol_options(opt);
    if (!bounds.empty() && static_cast<Index>(bounds.size()) != d)
        detail::bad_sobol(fmt::format("{} bounds for {} inputs", bounds.size(), d));
    for (const auto& b : bounds)
        if (!std::isfinite(b.first) || !std::isfinite(b.second) || !(b.first < b.second))
            detail::bad_sobol(fmt::format("bounds must be finite with lo < hi, not ({}, {})", b.first, b.second));
    matrix x = sobol_design(n, d, seed);
    if (!bounds.empty())
        for (Index i = 0; i < d; ++i) {
            const auto& b = bounds[static_cast<std::size_t>(i)];
            x.col(i) = (x.col(i).array() * (b.second - b.first) + b.first).matrix();
        }
    const Eigen::VectorXd y = f(x);
    if (y.size() != x.rows())
        detail::bad_sobol(fmt::format("the function returned {} values for {} rows", y.size(), x.rows()));
    return estimate_sobol(y, n, d, opt, seed);
}

struct sensitivity_options {
    std::size_t n = 100;     ///< N: rows of A and B; N(d + 2) runs
    std::uint64_t seed = 0;
    unsigned threads = 0;    ///< 0: the hardware's concurrency
    std::string target;      ///< iCode; empty: the single node of the top level
    std::size_t cache = 0;   ///< pipeline copies per worker; 0: as many as fit in 512 MiB
    sobol_options sobol;
};

struct sensitivity_result {
    std::vector<std::string> inputs;  ///< impute, treat, normalisation, aggregation, weights_L<l>
    std::vector<std::vector<std::string>> alternatives;  ///< labels per input (weights: none)
    std::vector<std::string> units;   ///< uCodes of the nominal Aggregated data set
    std::string target;
    matrix design;                    ///< runs × inputs: u; run order A, B, AB_1 … AB_d
    index_matrix choices;             ///< runs × inputs: alternative (or weight set) used
    matrix ranks;                     ///< runs × units
    Eigen::VectorXd output;           ///< per run: mean |rank − nominal rank|
    sobol_estimate indices;           ///< of output
    matrix unit_first, unit_total;    ///< units × inputs
    rank_summary summary;             ///< rank statistics of the runs of A and B
    std::size_t n = 0;
    std::uint64_t seed = 0;
    unsigned threads = 0;
};

/// Sobol' sensitivity analysis of a composite index (§E9): N(d + 2) runs of the pipeline in
/// parallel (as uncertainty()), the indices of the scalar output with bootstrap intervals, and
/// per-unit indices of the ranks.
[[nodiscard]] inline sensitivity_result sensitivity(const composite_index& ci, const uncertainty_spec& spec,
                                                    const sensitivity_options& opt = {},
                                                    const progress_function& progress = {}) {
    detail::check_sobol_options(opt.sobol);
    if (opt.n < 2) detail::bad_uncertainty(fmt::format("the sample size n must be at least 2, not {}", opt.n));
    std::vector<std::string> targets;
    if (!opt.target.empty()) {
        targets.push_back(opt.target);
    } else {
        const auto& fw = ci.meta();
        if (fw.level_end(fw.n_levels()) - fw.level_begin(fw.n_levels()) != 1)
            detail::bad_uncertainty("the top level has several nodes: name the target (an iCode)");
    }
    const auto n = static_cast<Index>(opt.n);
    // The workers are counted on the runs: one input per noisy level and per list of alternatives.
    const std::size_t d_inputs = spec.weight_noise.size() + (spec.impute.empty() ? 0 : 1) + (spec.treat.empty() ? 0 : 1) +
                          (spec.normalise.empty() ? 0 : 1) + (spec.aggregate.empty() ? 0 : 1);
    const unsigned workers = detail::worker_count(opt.threads, opt.n * (d_inputs + 2));
    detail::pipeline_sampler sampler(ci, spec, targets, workers, opt.cache);
    sampler.make_weight_sets(opt.seed);
    const auto d = static_cast<Index>(sampler.inputs().size());

    sensitivity_result res;
    res.inputs = sampler.inputs();
    res.alternatives = sampler.alternative_labels();
    res.units = sampler.units();
    res.target = sampler.targets().front();
    res.n = opt.n;
    res.seed = opt.seed;
    res.threads = workers;
    res.design = sobol_design(n, d, opt.seed);
    const Index runs = res.design.rows();
    const auto n_units = static_cast<Index>(res.units.size());
    res.choices = index_matrix::Constant(runs, d, -1);
    res.ranks = matrix::Constant(runs, n_units, nan);

    std::vector<detail::pipeline_cache> caches(workers);
    detail::run_parallel(
        static_cast<std::size_t>(runs), workers,
        [&](unsigned w, std::size_t r) {
            const auto row = static_cast<Index>(r);
            const auto dr = sampler.draw_from(res.design.row(row).data(), res.choices.row(row).data());
            const auto& out = sampler.run(caches[w], dr, fmt::format("run {}", r));
            sampler.ranks_into(out, 0, res.ranks.row(row).data());
        },
        progress);

    const Eigen::VectorXd nominal = sampler.nominal_ranks(0);
    res.output.resize(runs);
    for (Index r = 0; r < runs; ++r) {
        long double s = 0;
        Index k = 0;
        for (Index u = 0; u < n_units; ++u) {
            const double x = res.ranks(r, u), y = nominal[u];
            if (std::isnan(x) || std::isnan(y)) continue;
            s += std::abs(x - y);
            ++k;
        }
        if (k == 0) detail::bad_uncertainty(fmt::format("run {}: no unit is ranked both there and in the nominal index", r));
        res.output[r] = static_cast<double>(s / k);
    }
    res.indices = estimate_sobol(res.output, n, d, opt.sobol, opt.seed);

    sobol_options unit_opt = opt.sobol;
    unit_opt.n_boot = 0;
    res.unit_first = matrix::Constant(n_units, d, nan);
    res.unit_total = matrix::Constant(n_units, d, nan);
    for (Index u = 0; u < n_units; ++u) {
        const Eigen::VectorXd y = res.ranks.col(u);
        if (!y.allFinite()) continue;
        const auto e = estimate_sobol(y, n, d, unit_opt);
        res.unit_first.row(u) = e.first.transpose();
        res.unit_total.row(u) = e.total.transpose();
    }
    res.summary = detail::summarise_ranks(res.ranks.topRows(2 * n), nominal);
    return res;
}

}  // namespace regind::composite
