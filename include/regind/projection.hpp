// SPDX-License-Identifier: MIT
// Projections of one indicator's series (REFERENCE-METHODS C1–C7): CAGR extrapolation, OLS
// linear and log-linear trends with Student-t prediction intervals, Holt and damped Holt, and
// additive-error ETS (ANN, AAN, AAdN) estimated by maximum likelihood with analytic forecast
// variances; the probability of reaching a threshold (C6); a parallel batch form.
//
// Design notes:
// - Numerical outcomes are a status, never an exception: too few points give
//   projection_status::insufficient_data with a note saying what would work. Bad input (shape
//   mismatch, unknown method, NaN under missing_policy::error, non-positive values for a
//   log-scale method, parameters that do not apply) throws invalid_input with a stable id.
// - Periods are numbers (years, or 0..n−1 by default). Horizon step h projects to
//   t_last + h·step. CAGR and OLS use the periods as given; the smoothing recursions need the
//   used points to be `step` apart.
// - Two conventions for Holt's trend parameter (C3): statsmodels' component form calls β*
//   smoothing_trend; R forecast::ets and statsmodels ETSModel use the error-correction β.
//   β = α·β*. Options name them explicitly (beta_star, beta_r); `beta` is the method's own
//   convention (holt, damped_holt: β*, as statsmodels Holt; ets: β, as R). Results report both.
// - Log-linear back-transform: `median` = exp(ẑ); `mean` = the exact lognormal mean
//   exp(ẑ + se²/2); `mean_taylor` = exp(ẑ)(1 + se²/2), the second-order form of R forecast and
//   fable's biasadj (C2). se is the prediction standard error on the log scale.
// - Variance of smoothing models: σ² = SSE/(n − k). For ets k counts every model parameter
//   including the initial states, as R forecast::ets does; for holt and damped_holt k counts
//   the quantities taken from the data (estimated, or set by the legacy heuristic), so fully
//   fixed parameters give σ² = SSE/n.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "regind/error.hpp"
#include "regind/detail/projection_ols.hpp"
#include "regind/detail/projection_ols_batch.hpp"
#include "regind/detail/projection_smoothing.hpp"

namespace regind {

using row_matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// How to project. `automatic` ("auto"): cagr for two points, log-linear for ≥ 3 positive
/// points, linear otherwise.
enum class projection_method { cagr, linear, loglinear, holt, damped_holt, ets, automatic };
/// What to do with NaN values (C7). available_points: drop them (cagr, linear, loglinear
/// only); longest_contiguous: use the longest run without NaN (the latest when runs tie).
enum class missing_policy { error, available_points, longest_contiguous };
enum class projection_status { ok, insufficient_data, not_converged };
/// Additive-error, non-seasonal ETS models.
enum class ets_model { ANN, AAN, AAdN };
/// Initial states of holt / ets: estimated with the parameters, the legacy heuristic
/// (l0 = y1, b0 = y2 − y1) or known (given as initial_level / initial_trend).
enum class smoothing_init { estimated, legacy, known };
/// The forecast distribution behind the intervals and prob_at_least.
enum class forecast_distribution { none, normal, student_t, log_student_t };

namespace detail {
inline constexpr projection_method projection_methods[] = {
    projection_method::cagr, projection_method::linear,      projection_method::loglinear, projection_method::holt,
    projection_method::damped_holt, projection_method::ets, projection_method::automatic};

inline bool is_smoothing(projection_method m) noexcept {
    return m == projection_method::holt || m == projection_method::damped_holt || m == projection_method::ets;
}
}  // namespace detail

[[nodiscard]] inline std::string_view to_string(projection_method m) noexcept {
    switch (m) {
        case projection_method::cagr: return "cagr";
        case projection_method::linear: return "linear";
        case projection_method::loglinear: return "loglinear";
        case projection_method::holt: return "holt";
        case projection_method::damped_holt: return "damped_holt";
        case projection_method::ets: return "ets";
        case projection_method::automatic: return "auto";
    }
    return "?";
}
[[nodiscard]] inline std::string_view to_string(missing_policy p) noexcept {
    switch (p) {
        case missing_policy::error: return "error";
        case missing_policy::available_points: return "available_points";
        case missing_policy::longest_contiguous: return "longest_contiguous";
    }
    return "?";
}
[[nodiscard]] inline std::string_view to_string(projection_status s) noexcept {
    switch (s) {
        case projection_status::ok: return "ok";
        case projection_status::insufficient_data: return "insufficient_data";
        case projection_status::not_converged: return "not_converged";
    }
    return "?";
}
[[nodiscard]] inline std::string_view to_string(ets_model m) noexcept {
    switch (m) {
        case ets_model::ANN: return "ANN";
        case ets_model::AAN: return "AAN";
        case ets_model::AAdN: return "AAdN";
    }
    return "?";
}
[[nodiscard]] inline std::string_view to_string(smoothing_init i) noexcept {
    switch (i) {
        case smoothing_init::estimated: return "estimated";
        case smoothing_init::legacy: return "legacy";
        case smoothing_init::known: return "known";
    }
    return "?";
}
[[nodiscard]] inline std::string_view to_string(forecast_distribution d) noexcept {
    switch (d) {
        case forecast_distribution::none: return "none";
        case forecast_distribution::normal: return "normal";
        case forecast_distribution::student_t: return "student_t";
        case forecast_distribution::log_student_t: return "log_student_t";
    }
    return "?";
}

[[nodiscard]] inline projection_method parse_projection_method(std::string_view s) {
    for (const auto m : detail::projection_methods)
        if (to_string(m) == s) return m;
    throw invalid_input(fmt::format(
        "[regind.invalid_input.projection_method] unknown projection method '{}'; expected one of cagr, linear, "
        "loglinear, holt, damped_holt, ets, auto",
        s));
}
[[nodiscard]] inline missing_policy parse_missing_policy(std::string_view s) {
    if (s == "error") return missing_policy::error;
    if (s == "available_points") return missing_policy::available_points;
    if (s == "longest_contiguous") return missing_policy::longest_contiguous;
    throw invalid_input(fmt::format("[regind.invalid_input.missing_policy] unknown missing-value policy '{}'; expected "
                                    "error, available_points or longest_contiguous",
                                    s));
}
[[nodiscard]] inline ets_model parse_ets_model(std::string_view s) {
    if (s == "ANN" || s == "ann") return ets_model::ANN;
    if (s == "AAN" || s == "aan") return ets_model::AAN;
    if (s == "AAdN" || s == "aadn") return ets_model::AAdN;
    throw invalid_input(fmt::format(
        "[regind.invalid_input.ets_model] unknown ETS model '{}'; expected ANN, AAN or AAdN (additive errors, "
        "no season)",
        s));
}
[[nodiscard]] inline smoothing_init parse_smoothing_init(std::string_view s) {
    if (s == "estimated") return smoothing_init::estimated;
    if (s == "legacy") return smoothing_init::legacy;
    if (s == "known") return smoothing_init::known;
    throw invalid_input(fmt::format(
        "[regind.invalid_input.initialization] unknown initialization '{}'; expected estimated, legacy or known", s));
}

/// R's β from statsmodels' component-form β* (C3): β = α·β*.
[[nodiscard]] inline double beta_r_from_star(double alpha, double beta_star) noexcept { return alpha * beta_star; }
/// statsmodels' β* from R's β: β* = β/α (NaN when α = 0).
[[nodiscard]] inline double beta_star_from_r(double alpha, double beta_r) noexcept {
    return alpha == 0.0 ? std::numeric_limits<double>::quiet_NaN() : beta_r / alpha;
}

/// σ_h²/σ² of an additive-error ETS model at horizon h ≥ 1 (C4 closed forms), with R's β.
/// ANN ignores beta and phi; AAN ignores phi.
[[nodiscard]] inline double ets_relative_variance(ets_model m, double alpha, double beta, double phi, int h) {
    if (h < 1) throw invalid_input(fmt::format("[regind.invalid_input.horizon] horizon step must be ≥ 1, got {}", h));
    return detail::relative_variance(m != ets_model::ANN, m == ets_model::AAdN, alpha, beta, phi, h);
}

struct projection_options {
    projection_method method = projection_method::loglinear;
    int horizon = 1;
    double level = 0.95;  ///< prediction-interval coverage, in (0, 1)
    missing_policy missing = missing_policy::error;
    double step = 1.0;  ///< distance between consecutive periods; horizon step h is at t_last + h·step

    // Smoothing models only (holt, damped_holt, ets). Unset = estimated.
    std::optional<ets_model> model;  ///< ets only; default AAN
    std::optional<double> alpha;
    std::optional<double> beta;       ///< the method's own convention: β* for holt/damped_holt, R's β for ets
    std::optional<double> beta_star;  ///< component form (statsmodels Holt smoothing_trend)
    std::optional<double> beta_r;     ///< error-correction form (R forecast::ets, statsmodels ETSModel)
    std::optional<double> phi;        ///< damped_holt, ets AAdN
    std::optional<double> initial_level;
    std::optional<double> initial_trend;
    std::optional<smoothing_init> initialization;
};

/// The result of project(). Vectors indexed by horizon step have `horizon` entries; fitted and
/// residuals have one entry per input value (NaN where a value was not used).
struct projection {
    projection_method method = projection_method::loglinear;  ///< the method used ("auto" resolved)
    projection_status status = projection_status::ok;
    int horizon = 1;
    double level = 0.95;
    std::optional<ets_model> model;  ///< ets, holt (AAN) and damped_holt (AAdN): the model form

    Eigen::VectorXd periods;      ///< projected periods t_last + h·step
    Eigen::VectorXd mean;         ///< point forecast = the mean of the forecast distribution
    Eigen::VectorXd median;       ///< equals mean except for loglinear (exp of the log-scale fit)
    Eigen::VectorXd mean_taylor;  ///< loglinear: exp(ẑ)(1 + se²/2) (R forecast/fable); others: mean
    Eigen::VectorXd lower, upper;  ///< prediction interval at `level`; NaN for cagr
    Eigen::VectorXd fitted, residuals;  ///< residuals = values − fitted (data scale)
    Eigen::MatrixXd states;  ///< smoothing models: (n_used + 1) × (1 or 2) level [, trend]; row 0 initial
    std::vector<std::pair<std::string, double>> params;
    std::vector<std::string> notes;
    std::size_t n_used = 0;     ///< number of values the projection is based on
    std::size_t first_used = 0;  ///< position of the first used value
    std::size_t last_used = 0;   ///< position of the last used value

    /// The forecast distribution per step: Y = loc + scale·T (student_t, T with df degrees of
    /// freedom), ln Y = loc + scale·T (log_student_t) or Y ~ N(loc, scale²) (normal).
    forecast_distribution distribution = forecast_distribution::none;
    Eigen::VectorXd loc, scale;
    double df = std::numeric_limits<double>::infinity();

    /// The parameter named `name`; throws key_error when the method has no such parameter.
    [[nodiscard]] double param(std::string_view name) const {
        for (const auto& [k, v] : params)
            if (k == name) return v;
        std::vector<std::string> known;
        for (const auto& kv : params) known.push_back(kv.first);
        throw key_error(fmt::format("[regind.key_error.projection_param] {} has no parameter '{}'; it has {}",
                                    to_string(method), name, fmt::join(known, ", ")),
                        std::string(name), known);
    }
    [[nodiscard]] bool has_param(std::string_view name) const noexcept {
        for (const auto& kv : params)
            if (kv.first == name) return true;
        return false;
    }

    /// P(Y at horizon step `step` ≥ threshold) from the forecast distribution (C6): Student-t
    /// for linear/loglinear, normal for holt/ets. step counts from 0; negative steps count from
    /// the end (−1 = the last). NaN for cagr (no distribution) and when status is not ok.
    [[nodiscard]] double prob_at_least(double threshold, int step = -1) const;

    /// Sample paths (repetitions × horizon) of a smoothing model (C5): innovations
    /// ε ~ N(0, σ²) from a seeded generator that gives the same paths on every platform.
    [[nodiscard]] row_matrix simulate(std::size_t repetitions, std::uint64_t seed) const;
    /// Sample paths with the given innovations (repetitions × horizon, in the data's units), as
    /// R's simulate(fit, innov = ...) and statsmodels' simulate(random_errors = array).
    [[nodiscard]] row_matrix simulate_with(const Eigen::Ref<const row_matrix>& innovations) const;
};

namespace detail {

inline double nan_v() noexcept { return std::numeric_limits<double>::quiet_NaN(); }

inline int resolve_step_index(int step, int horizon) {
    const int idx = step < 0 ? horizon + step : step;
    if (idx < 0 || idx >= horizon)
        throw invalid_input(fmt::format(
            "[regind.invalid_input.step] horizon step {} is out of range for horizon {} (use 0..{} or −{}..−1)", step,
            horizon, horizon - 1, horizon));
    return idx;
}

inline void check_smoothing_projection(const projection& p, const char* what) {
    if (!is_smoothing(p.method))
        throw invalid_input(fmt::format("[regind.invalid_input.simulate] {} needs a holt, damped_holt or ets projection, "
                                        "not {}",
                                        what, to_string(p.method)));
}

inline row_matrix simulate_paths(const projection& p, std::size_t reps, const row_matrix* innovations,
                                 normal_generator* gen) {
    row_matrix out(static_cast<Eigen::Index>(reps), p.horizon);
    if (p.status != projection_status::ok) {
        out.setConstant(nan_v());
        return out;
    }
    const bool trend = p.states.cols() == 2;
    const double alpha = p.param("alpha");
    const double beta = trend ? p.param("beta_r") : 0.0;
    const double phi = trend ? p.param("phi") : 1.0;
    const double sigma = std::sqrt(p.param("sigma2"));
    const double l_end = p.states(p.states.rows() - 1, 0);
    const double b_end = trend ? p.states(p.states.rows() - 1, 1) : 0.0;
    for (std::size_t r = 0; r < reps; ++r) {
        double l = l_end, b = b_end;
        for (int h = 0; h < p.horizon; ++h) {
            const double f = l + phi * b;
            const double e = innovations ? (*innovations)(static_cast<Eigen::Index>(r), h) : sigma * (*gen)();
            out(static_cast<Eigen::Index>(r), h) = f + e;
            l = f + alpha * e;
            b = phi * b + beta * e;
        }
    }
    return out;
}

}  // namespace detail

inline double projection::prob_at_least(double threshold, int step) const {
    if (std::isnan(threshold))
        throw invalid_input("[regind.invalid_input.threshold] the threshold of prob_at_least must not be NaN");
    const auto i = detail::resolve_step_index(step, horizon);
    if (status != projection_status::ok || distribution == forecast_distribution::none) return detail::nan_v();
    const double m = loc[i], s = scale[i];
    if (!std::isfinite(m) || !(s >= 0.0)) return detail::nan_v();
    double x = threshold;
    if (distribution == forecast_distribution::log_student_t) {
        if (threshold <= 0.0) return 1.0;  // the value is positive with certainty
        x = std::log(threshold);
    }
    if (x == std::numeric_limits<double>::infinity()) return 0.0;
    if (x == -std::numeric_limits<double>::infinity()) return 1.0;
    if (s == 0.0) return m >= x ? 1.0 : 0.0;  // a degenerate (perfect-fit) distribution
    const double z = (x - m) / s;
    if (distribution == forecast_distribution::normal)
        return boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(0.0, 1.0), z));
    return boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double>(df), z));
}

inline row_matrix projection::simulate(std::size_t repetitions, std::uint64_t seed) const {
    detail::check_smoothing_projection(*this, "simulate");
    if (repetitions == 0)
        throw invalid_input("[regind.invalid_input.simulate] repetitions must be at least 1");
    detail::normal_generator gen(seed);
    return detail::simulate_paths(*this, repetitions, nullptr, &gen);
}

inline row_matrix projection::simulate_with(const Eigen::Ref<const row_matrix>& innovations) const {
    detail::check_smoothing_projection(*this, "simulate");
    if (innovations.rows() < 1 || innovations.cols() != horizon)
        throw invalid_input(fmt::format("[regind.invalid_input.simulate] innovations must be repetitions × horizon "
                                        "(k × {}), got {} × {}",
                                        horizon, innovations.rows(), innovations.cols()));
    if (!innovations.allFinite())
        throw invalid_input("[regind.invalid_input.simulate] innovations must be finite numbers");
    const row_matrix copy = innovations;
    return detail::simulate_paths(*this, static_cast<std::size_t>(innovations.rows()), &copy, nullptr);
}

namespace detail {

inline void check_options(const projection_options& o) {
    if (o.horizon < 1)
        throw invalid_input(fmt::format("[regind.invalid_input.horizon] horizon must be at least 1, got {}", o.horizon));
    if (!(o.level > 0.0 && o.level < 1.0))
        throw invalid_input(
            fmt::format("[regind.invalid_input.level] level must lie strictly between 0 and 1 (e.g. 0.95), got {}",
                        o.level));
    if (!(std::isfinite(o.step) && o.step > 0.0))
        throw invalid_input(fmt::format("[regind.invalid_input.step] step must be a positive number, got {}", o.step));

    const auto m = o.method;
    auto reject = [&](bool given, std::string_view name, std::string_view why) {
        if (given)
            throw invalid_input(fmt::format("[regind.invalid_input.projection_param] parameter '{}' does not apply to "
                                            "method '{}': {}",
                                            name, to_string(m), why));
    };
    if (!is_smoothing(m)) {
        const char* why = "only holt, damped_holt and ets take smoothing parameters";
        reject(o.model.has_value(), "model", why);
        reject(o.alpha.has_value(), "alpha", why);
        reject(o.beta.has_value(), "beta", why);
        reject(o.beta_star.has_value(), "beta_star", why);
        reject(o.beta_r.has_value(), "beta_r", why);
        reject(o.phi.has_value(), "phi", why);
        reject(o.initial_level.has_value(), "initial_level", why);
        reject(o.initial_trend.has_value(), "initial_trend", why);
        reject(o.initialization.has_value(), "initialization", why);
        return;
    }
    reject(m != projection_method::ets && o.model.has_value(), "model",
           "holt is ETS AAN and damped_holt is AAdN; 'model' selects among ets models");
    const auto em = m == projection_method::ets ? o.model.value_or(ets_model::AAN)
                                               : (m == projection_method::holt ? ets_model::AAN : ets_model::AAdN);
    const bool trend = em != ets_model::ANN, damped = em == ets_model::AAdN;
    const char* no_trend = "the model has no trend (ANN)";
    reject(!trend && o.beta.has_value(), "beta", no_trend);
    reject(!trend && o.beta_star.has_value(), "beta_star", no_trend);
    reject(!trend && o.beta_r.has_value(), "beta_r", no_trend);
    reject(!trend && o.initial_trend.has_value(), "initial_trend", no_trend);
    reject(!damped && o.phi.has_value(), "phi", "the trend is not damped (φ = 1); use damped_holt or ets model AAdN");
    const int betas = int(o.beta.has_value()) + int(o.beta_star.has_value()) + int(o.beta_r.has_value());
    if (betas > 1)
        throw invalid_input("[regind.invalid_input.projection_param] give at most one of beta, beta_star and beta_r "
                            "(they are one parameter in two conventions: beta_r = alpha·beta_star)");
    auto in = [&](const std::optional<double>& v, std::string_view name, double lo, double hi, bool lo_open) {
        if (!v) return;
        const bool ok = std::isfinite(*v) && (lo_open ? *v > lo : *v >= lo) && *v <= hi;
        if (!ok)
            throw invalid_input(fmt::format("[regind.invalid_input.projection_param] {} = {} is outside {}{}, {}]", name,
                                            *v, lo_open ? "(" : "[", lo, hi));
    };
    in(o.alpha, "alpha", 0.0, 1.0, false);
    in(o.beta, "beta", 0.0, 1.0, false);
    in(o.beta_star, "beta_star", 0.0, 1.0, false);
    in(o.beta_r, "beta_r", 0.0, 1.0, false);
    in(o.phi, "phi", 0.0, 1.0, true);
    for (const auto& [v, name] : {std::pair{o.initial_level, "initial_level"}, std::pair{o.initial_trend, "initial_trend"}})
        if (v && !std::isfinite(*v))
            throw invalid_input(fmt::format("[regind.invalid_input.projection_param] {} must be finite, got {}", name, *v));
    // R's β must not exceed α (β* ≤ 1).
    const bool beta_is_r = o.beta_r.has_value() || (o.beta.has_value() && m == projection_method::ets);
    const std::optional<double> br = o.beta_r ? o.beta_r : (m == projection_method::ets ? o.beta : std::nullopt);
    if (beta_is_r && o.alpha && *br > *o.alpha)
        throw invalid_input(fmt::format("[regind.invalid_input.projection_param] beta_r = {} exceeds alpha = {}; the "
                                        "error-correction beta satisfies 0 ≤ beta_r ≤ alpha (beta_star = beta_r/alpha ≤ 1)",
                                        *br, *o.alpha));
    if (o.initialization == smoothing_init::legacy && (o.initial_level || o.initial_trend))
        throw invalid_input("[regind.invalid_input.projection_param] initialization 'legacy' sets the initial states "
                            "from the data; do not also give initial_level / initial_trend");
    if (o.initialization == smoothing_init::known && (!o.initial_level || (trend && !o.initial_trend)))
        throw invalid_input(fmt::format("[regind.invalid_input.projection_param] initialization 'known' needs {}",
                                        trend ? "initial_level and initial_trend" : "initial_level"));
}

inline void check_periods(const Eigen::Ref<const Eigen::VectorXd>& periods, Eigen::Index n) {
    if (periods.size() != n)
        throw invalid_input(fmt::format("[regind.invalid_input.periods] {} periods for {} values; give one period per "
                                        "value",
                                        periods.size(), n));
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!std::isfinite(periods[i]))
            throw invalid_input(fmt::format("[regind.invalid_input.periods] periods[{}] is {}; periods must be finite",
                                            i, periods[i]));
        if (i > 0 && !(periods[i] > periods[i - 1]))
            throw invalid_input(fmt::format("[regind.invalid_input.periods] periods must increase strictly: periods[{}] = "
                                            "{} follows {}",
                                            i, periods[i], periods[i - 1]));
    }
}

/// Positions of the values to use under the policy. Throws on ±inf and, under error, on NaN.
inline std::vector<Eigen::Index> select_points(const Eigen::Ref<const Eigen::VectorXd>& y, missing_policy policy,
                                               std::vector<std::string>& notes) {
    const Eigen::Index n = y.size();
    for (Eigen::Index i = 0; i < n; ++i)
        if (std::isinf(y[i]))
            throw invalid_input(fmt::format("[regind.invalid_input.values] values[{}] is {}; values must be finite or NaN "
                                            "(missing)",
                                            i, y[i]));
    std::vector<Eigen::Index> used;
    if (policy == missing_policy::error) {
        for (Eigen::Index i = 0; i < n; ++i)
            if (std::isnan(y[i]))
                throw invalid_input(fmt::format(
                    "[regind.invalid_input.missing] values[{}] is NaN (missing); pass missing='available_points' "
                    "or 'longest_contiguous' to project from the values that are present",
                    i));
        for (Eigen::Index i = 0; i < n; ++i) used.push_back(i);
        return used;
    }
    if (policy == missing_policy::available_points) {
        for (Eigen::Index i = 0; i < n; ++i)
            if (!std::isnan(y[i])) used.push_back(i);
        if (static_cast<Eigen::Index>(used.size()) < n)
            notes.push_back(fmt::format("missing: {} NaN value(s) skipped (available_points)", n - static_cast<Eigen::Index>(used.size())));
        return used;
    }
    Eigen::Index best_start = 0, best_len = 0, start = 0;
    for (Eigen::Index i = 0; i <= n; ++i) {
        if (i == n || std::isnan(y[i])) {
            const Eigen::Index len = i - start;
            if (len > 0 && len >= best_len) {  // ">=": the latest of equally long runs
                best_start = start;
                best_len = len;
            }
            start = i + 1;
        }
    }
    for (Eigen::Index i = best_start; i < best_start + best_len; ++i) used.push_back(i);
    if (best_len < n)
        notes.push_back(fmt::format("missing: used the longest run without NaN, values[{}..{}] ({} of {} values)",
                                    best_start, best_start + best_len - 1, best_len, n));
    return used;
}

inline void check_positive(const Eigen::VectorXd& y, const std::vector<Eigen::Index>& pos, projection_method m) {
    for (Eigen::Index k = 0; k < y.size(); ++k)
        if (!(y[k] > 0.0))
            throw invalid_input(fmt::format("[regind.invalid_input.nonpositive] values[{}] = {} ≤ 0; {} works on growth "
                                            "ratios and needs positive values (use method='linear' for such series)",
                                            pos[static_cast<std::size_t>(k)], y[k], to_string(m)));
}

inline void fill_nan(projection& r, Eigen::Index n_in) {
    const auto h = r.horizon;
    for (auto* v : {&r.mean, &r.median, &r.mean_taylor, &r.lower, &r.upper, &r.loc, &r.scale})
        *v = Eigen::VectorXd::Constant(h, nan_v());
    r.fitted = Eigen::VectorXd::Constant(n_in, nan_v());
    r.residuals = Eigen::VectorXd::Constant(n_in, nan_v());
}

inline void project_cagr(projection& r, const Eigen::VectorXd& t, const Eigen::VectorXd& y,
                         const std::vector<Eigen::Index>& pos) {
    const auto n = y.size();
    const double span = t[n - 1] - t[0];
    const double g = std::pow(y[n - 1] / y[0], 1.0 / span) - 1.0;
    for (Eigen::Index k = 0; k < n; ++k) {
        const double f = y[0] * std::pow(1.0 + g, t[k] - t[0]);
        r.fitted[pos[static_cast<std::size_t>(k)]] = f;
        r.residuals[pos[static_cast<std::size_t>(k)]] = y[k] - f;
    }
    for (int h = 0; h < r.horizon; ++h) {
        r.mean[h] = y[n - 1] * std::pow(1.0 + g, r.periods[h] - t[n - 1]);
        r.median[h] = r.mean_taylor[h] = r.mean[h];
    }
    r.distribution = forecast_distribution::none;
    r.params = {{"cagr", g},          {"span", span},           {"first_period", t[0]},
                {"last_period", t[n - 1]}, {"first_value", y[0]}, {"last_value", y[n - 1]},
                {"n", static_cast<double>(n)}};
    r.notes.push_back("cagr: compound growth between the first and last used values; no interval and no "
                      "distribution (lower, upper and prob_at_least are NaN)");
}

inline void project_ols(projection& r, const Eigen::VectorXd& t, const Eigen::VectorXd& y,
                        const std::vector<Eigen::Index>& pos, bool log_scale) {
    const auto n = y.size();
    const Eigen::VectorXd z = log_scale ? Eigen::VectorXd(y.array().log()) : y;
    const auto fit = fit_ols_line(t, z);
    const double dfree = static_cast<double>(n - 2);
    const double q =
        boost::math::quantile(boost::math::students_t_distribution<double>(dfree), 0.5 + r.level / 2.0);
    for (Eigen::Index k = 0; k < n; ++k) {
        const double f = log_scale ? std::exp(fit.fitted[k]) : fit.fitted[k];
        r.fitted[pos[static_cast<std::size_t>(k)]] = f;
        r.residuals[pos[static_cast<std::size_t>(k)]] = y[k] - f;
    }
    for (int h = 0; h < r.horizon; ++h) {
        const double t0 = r.periods[h];
        const double zh = fit.at(t0), se = fit.se_pred(t0);
        r.loc[h] = zh;
        r.scale[h] = se;
        if (log_scale) {
            r.median[h] = std::exp(zh);
            r.mean[h] = std::exp(zh + se * se / 2.0);
            r.mean_taylor[h] = r.median[h] * (1.0 + se * se / 2.0);
            r.lower[h] = std::exp(zh - q * se);
            r.upper[h] = std::exp(zh + q * se);
        } else {
            r.mean[h] = r.median[h] = r.mean_taylor[h] = zh;
            r.lower[h] = zh - q * se;
            r.upper[h] = zh + q * se;
        }
    }
    r.df = dfree;
    r.distribution = log_scale ? forecast_distribution::log_student_t : forecast_distribution::student_t;
    r.params = {{"intercept", fit.intercept}, {"slope", fit.slope}, {"sigma2", fit.s2}, {"df", dfree},
                {"n", static_cast<double>(n)}};
    if (log_scale) {
        r.params.insert(r.params.begin() + 2, {"trend_growth", std::expm1(fit.slope)});
        r.notes.push_back("loglinear: OLS of ln(y) on t; median = exp(fit), mean = exact lognormal exp(fit + se²/2), "
                          "mean_taylor = exp(fit)(1 + se²/2) as R forecast/fable biasadj; interval = exp of the "
                          "log-scale Student-t interval");
    }
}

inline void project_smoothing(projection& r, const Eigen::VectorXd& y, const std::vector<Eigen::Index>& pos,
                              const projection_options& o) {
    const auto n = static_cast<std::size_t>(y.size());
    const bool is_ets = r.method == projection_method::ets;
    const auto em = is_ets ? o.model.value_or(ets_model::AAN)
                           : (r.method == projection_method::holt ? ets_model::AAN : ets_model::AAdN);
    r.model = em;
    const bool trend = em != ets_model::ANN, damped = em == ets_model::AAdN;

    smoothing_problem pr;
    pr.trend = trend;
    pr.damped = damped;
    pr.alpha = o.alpha;
    pr.phi = o.phi;
    pr.beta_free_in_r_form = is_ets;
    if (trend) {
        pr.beta_star = o.beta_star;
        pr.beta_r = o.beta_r;
        if (o.beta) (is_ets ? pr.beta_r : pr.beta_star) = o.beta;
    }
    const auto init = o.initialization.value_or(smoothing_init::estimated);
    bool legacy = false;
    if (init == smoothing_init::legacy) {
        legacy = true;
        pr.l0 = y[0];
        if (trend) pr.b0 = y[1] - y[0];
    } else {
        pr.l0 = o.initial_level;
        if (trend) pr.b0 = o.initial_trend;
    }
    const std::size_t k_model = trend ? (damped ? 5 : 4) : 2;
    std::size_t free = 0;
    if (!pr.alpha) ++free;
    if (trend && !pr.beta_star && !pr.beta_r) ++free;
    if (damped && !pr.phi) ++free;
    if (!pr.l0) ++free;
    if (trend && !pr.b0) ++free;

    if (free > 0 && n <= k_model + 4) {
        r.status = projection_status::insufficient_data;
        r.notes.push_back(fmt::format(
            "{} with estimated parameters needs more than k + 4 = {} points (k = {} parameters incl. initial states, "
            "the rule of R forecast::ets); {} given. Fix the parameters (alpha, beta, ... and initial states or "
            "initialization='legacy') or use method='loglinear'/'linear'",
            to_string(r.method), k_model + 4, k_model, n));
        return;
    }

    smoothing_params p;
    bool at_bound = false;
    const bool constant = free > 0 && y.maxCoeff() == y.minCoeff();
    if (constant) {
        // As R's ets: a constant series is not estimated. Level = the value, trend 0; free
        // smoothing parameters are set to R's choice for this case (α = 0.9999) and the bounds.
        p.alpha = pr.alpha.value_or(smoothing_upper);
        if (trend && !pr.beta_r) p.beta_star = pr.beta_star.value_or(smoothing_lower);
        p.beta = trend ? (pr.beta_r ? *pr.beta_r : p.alpha * p.beta_star) : 0.0;
        p.phi = damped ? pr.phi.value_or(phi_upper) : 1.0;
        p.l0 = pr.l0.value_or(y[0]);
        p.b0 = trend ? pr.b0.value_or(0.0) : 0.0;
        r.notes.push_back("constant series: parameters not estimated (free ones set to alpha = 0.9999, beta_star = "
                          "1e-4, phi = 0.98; level = the value, trend = 0)");
    } else {
        const auto est = estimate_smoothing(y, pr);
        p = est.params;
        at_bound = est.state_at_bound;
        if (!est.converged) {
            r.status = projection_status::not_converged;
            r.notes.push_back("the optimiser found no finite sum of squares");
            return;
        }
        if (free > 0)
            r.notes.push_back(fmt::format(
                "{} quantities estimated by {} (NLopt BOBYQA, {} evaluations; bounds alpha, {} in [1e-4, 0.9999], phi "
                "in [0.8, 0.98]{})",
                free,
                is_ets ? "maximum likelihood: the concentrated n·log(SSE/n) of R forecast::ets, minimised through "
                         "the SSE (the same optimum for additive errors)"
                       : "least squares, as statsmodels Holt",
                est.evaluations, is_ets ? "beta" : "beta_star", is_ets ? ", beta ≤ alpha" : ""));
    }
    if (at_bound) r.notes.push_back("an estimated initial state lies on its search bound: treat the fit with care");

    const auto run = smoothing_filter(y, trend, p);
    for (std::size_t k = 0; k < n; ++k) {
        r.fitted[pos[k]] = run.fitted[static_cast<Eigen::Index>(k)];
        r.residuals[pos[k]] = run.residuals[static_cast<Eigen::Index>(k)];
    }
    r.states = run.states;
    const double l_end = run.states(static_cast<Eigen::Index>(n), 0);
    const double b_end = trend ? run.states(static_cast<Eigen::Index>(n), 1) : 0.0;
    r.mean = smoothing_forecast(l_end, b_end, p.phi, trend, r.horizon);
    r.median = r.mean_taylor = r.mean;

    const std::size_t k_var = is_ets ? k_model : free + (legacy ? (trend ? 2 : 1) : 0);
    const double sigma2 = n > k_var ? run.sse / static_cast<double>(n - k_var) : nan_v();
    if (!(n > k_var))
        r.notes.push_back(fmt::format("σ² = SSE/(n − k) needs n > k = {}; no interval", k_var));
    const double zq = boost::math::quantile(boost::math::normal_distribution<double>(0.0, 1.0), 0.5 + r.level / 2.0);
    for (int h = 0; h < r.horizon; ++h) {
        const double sd = std::sqrt(sigma2 * relative_variance(trend, damped, p.alpha, p.beta, p.phi, h + 1));
        r.loc[h] = r.mean[h];
        r.scale[h] = sd;
        r.lower[h] = r.mean[h] - zq * sd;
        r.upper[h] = r.mean[h] + zq * sd;
    }
    r.distribution = forecast_distribution::normal;
    r.df = std::numeric_limits<double>::infinity();

    const double nd = static_cast<double>(n);
    r.params.push_back({"alpha", p.alpha});
    if (trend) {
        const double bstar = std::isnan(p.beta_star) ? beta_star_from_r(p.alpha, p.beta) : p.beta_star;
        r.params.push_back({"beta", is_ets ? p.beta : bstar});
        r.params.push_back({"beta_star", bstar});
        r.params.push_back({"beta_r", p.beta});
        r.params.push_back({"phi", p.phi});
    }
    r.params.push_back({"initial_level", p.l0});
    if (trend) r.params.push_back({"initial_trend", p.b0});
    r.params.push_back({"sse", run.sse});
    r.params.push_back({"mse", run.sse / nd});
    r.params.push_back({"sigma2", sigma2});
    r.params.push_back({"k", static_cast<double>(k_var)});
    r.params.push_back({"n", nd});
    // The Gaussian log-likelihood at σ² = SSE/n (statsmodels' llf; R's loglik is −n/2·ln SSE,
    // which differs by the constant −n/2·(ln(2π/n) + 1)).
    r.params.push_back({"loglik", -nd / 2.0 * (std::log(2.0 * 3.14159265358979323846 * run.sse / nd) + 1.0)});
    r.notes.push_back(fmt::format("{}: {} form ETS({}); beta is {}; intervals normal with σ_h² = σ²·c_h (C4), "
                                  "σ² = SSE/(n − k), k = {}",
                                  to_string(r.method), is_ets ? "error-correction" : "component", to_string(em),
                                  is_ets ? "R's error-correction beta (= beta_r)" : "statsmodels' beta_star",
                                  k_var));
}

}  // namespace detail

/// Projects `values` observed at `periods` (strictly increasing numbers, e.g. years).
[[nodiscard]] inline projection project(const Eigen::Ref<const Eigen::VectorXd>& values,
                                        const Eigen::Ref<const Eigen::VectorXd>& periods,
                                        const projection_options& opt) {
    detail::check_options(opt);
    const Eigen::Index n_in = values.size();
    detail::check_periods(periods, n_in);

    projection r;
    r.method = opt.method;
    r.horizon = opt.horizon;
    r.level = opt.level;
    detail::fill_nan(r, n_in);

    if (opt.missing == missing_policy::available_points && detail::is_smoothing(opt.method))
        throw invalid_input(fmt::format("[regind.invalid_input.missing_policy] missing='available_points' applies to "
                                        "cagr, linear and loglinear; {} runs a recursion over consecutive periods, use "
                                        "missing='longest_contiguous'",
                                        to_string(opt.method)));
    const auto pos = detail::select_points(values, opt.missing, r.notes);
    const auto n = static_cast<Eigen::Index>(pos.size());
    Eigen::VectorXd y(n), t(n);
    for (Eigen::Index k = 0; k < n; ++k) {
        y[k] = values[pos[static_cast<std::size_t>(k)]];
        t[k] = periods[pos[static_cast<std::size_t>(k)]];
    }
    r.n_used = static_cast<std::size_t>(n);
    if (n > 0) {
        r.first_used = static_cast<std::size_t>(pos.front());
        r.last_used = static_cast<std::size_t>(pos.back());
    }
    const double t_last = n > 0 ? t[n - 1] : (n_in > 0 ? periods[n_in - 1] : 0.0);
    r.periods.resize(opt.horizon);
    for (int h = 0; h < opt.horizon; ++h) r.periods[h] = t_last + (h + 1) * opt.step;

    if (r.method == projection_method::automatic) {
        const bool positive = n > 0 && (y.array() > 0.0).all();
        if (n == 2 && positive) {
            r.method = projection_method::cagr;
            r.notes.push_back("auto: cagr (two points)");
        } else if (positive) {
            r.method = projection_method::loglinear;
            r.notes.push_back("auto: loglinear (positive values)");
        } else {
            r.method = projection_method::linear;
            r.notes.push_back("auto: linear (not all values positive)");
        }
    }
    if (n <= 1) {
        r.status = projection_status::insufficient_data;
        r.notes.push_back(fmt::format("{} value(s) to project from; every method needs at least 2", n));
        return r;
    }
    if (r.method == projection_method::cagr || r.method == projection_method::loglinear) detail::check_positive(y, pos, r.method);
    if ((r.method == projection_method::linear || r.method == projection_method::loglinear) && n == 2) {
        r.status = projection_status::insufficient_data;
        r.notes.push_back("an OLS trend with an interval needs at least 3 points (df = n − 2 = 0 with 2); "
                          "method='cagr' (or 'auto') projects two points without an interval");
        return r;
    }
    if (detail::is_smoothing(r.method)) {
        for (Eigen::Index k = 1; k < n; ++k) {
            const double d = t[k] - t[k - 1];
            if (std::abs(d - opt.step) > 1e-9 * std::max(1.0, std::abs(t[k])))
                throw invalid_input(fmt::format(
                    "[regind.invalid_input.periods] {} needs equally spaced periods, step {} apart; periods[{}] = {} "
                    "follows {}",
                    to_string(r.method), opt.step, pos[static_cast<std::size_t>(k)], t[k], t[k - 1]));
        }
    }

    switch (r.method) {
        case projection_method::cagr: detail::project_cagr(r, t, y, pos); break;
        case projection_method::linear: detail::project_ols(r, t, y, pos, false); break;
        case projection_method::loglinear: detail::project_ols(r, t, y, pos, true); break;
        default: detail::project_smoothing(r, y, pos, opt); break;
    }
    if (r.status != projection_status::ok) {
        const auto notes = std::move(r.notes);
        const auto method = r.method;
        const auto status = r.status;
        const auto model = r.model;
        const auto periods_out = r.periods;
        detail::fill_nan(r, n_in);
        r.notes = notes;
        r.method = method;
        r.status = status;
        r.model = model;
        r.periods = periods_out;
        r.params.clear();
        r.states.resize(0, 0);
        r.distribution = forecast_distribution::none;
    }
    return r;
}

/// Projects `values` observed at 0, 1, …, n − 1.
[[nodiscard]] inline projection project(const Eigen::Ref<const Eigen::VectorXd>& values,
                                        const projection_options& opt) {
    const Eigen::VectorXd periods = Eigen::VectorXd::LinSpaced(values.size(), 0.0, static_cast<double>(values.size() - 1));
    return project(values, periods, opt);
}

/// Projections of many series (one per row) observed at the same periods.
struct batch_projection {
    row_matrix mean, median, lower, upper, periods;  ///< series × horizon
    std::vector<projection_status> status;
    std::vector<projection_method> methods;  ///< the method used per series ("auto" resolved)
    std::vector<std::vector<std::string>> notes;
};

namespace detail {
/// "[regind.x.y] message" → "[regind.x.y] row i: message", so the id stays first.
inline std::string with_row(const std::string& what, Eigen::Index row) {
    const auto close = what.find("] ");
    if (what.rfind("[regind.", 0) == 0 && close != std::string::npos)
        return fmt::format("{}] row {}: {}", what.substr(0, close), row, what.substr(close + 2));
    return fmt::format("row {}: {}", row, what);
}
}  // namespace detail

/// Progress of project_batch: (rows done, rows in all).
using batch_progress = std::function<void(std::size_t done, std::size_t total)>;

/// Projects every row of `values` (series × periods) with the same options, in parallel on
/// `threads` threads (0 = the hardware's concurrency). Row r of every result equals
/// project(values.row(r), periods, opt). A bad row throws the error of the first such row,
/// naming it; the other rows are then discarded.
///
/// `progress`, when given, is called on the calling thread only (never on a worker), at most
/// about 100 times, with the rows done so far, and once with (rows, rows) at the end; so a
/// caller that must hold a lock to run it (a Python GIL) can take it there. An exception from
/// it stops the workers and is rethrown.
[[nodiscard]] inline batch_projection project_batch(const Eigen::Ref<const row_matrix>& values,
                                                    const Eigen::Ref<const Eigen::VectorXd>& periods,
                                                    const projection_options& opt, unsigned threads = 0,
                                                    const batch_progress& progress = {}) {
    detail::check_options(opt);
    detail::check_periods(periods, values.cols());
    const Eigen::Index rows = values.rows();
    batch_projection out;
    for (auto* m : {&out.mean, &out.median, &out.lower, &out.upper, &out.periods})
        m->setConstant(rows, opt.horizon, detail::nan_v());
    out.status.assign(static_cast<std::size_t>(rows), projection_status::ok);
    out.methods.assign(static_cast<std::size_t>(rows), opt.method);
    out.notes.assign(static_cast<std::size_t>(rows), {});
    // Fast path: clean rows of a linear / log-linear trend share everything but the fit, so the
    // bookkeeping of project() runs once, on row 0 (detail/projection_ols_batch.hpp).
    if ((opt.method == projection_method::linear || opt.method == projection_method::loglinear) && rows > 1 &&
        values.cols() >= 3 && detail::ols_batch_clean(values, opt.method == projection_method::loglinear)) {
        const Eigen::VectorXd t0 = periods;
        const auto first = project(values.row(0).transpose(), t0, opt);
        detail::ols_batch_rows(values, t0, opt.method == projection_method::loglinear, opt.horizon, opt.level,
                               opt.step, threads, out.mean, out.median, out.lower, out.upper, out.periods);
        out.status.assign(static_cast<std::size_t>(rows), first.status);
        out.methods.assign(static_cast<std::size_t>(rows), first.method);
        out.notes.assign(static_cast<std::size_t>(rows), first.notes);
        if (progress) progress(static_cast<std::size_t>(rows), static_cast<std::size_t>(rows));
        return out;
    }

    std::atomic<Eigen::Index> next{0};
    std::mutex error_mutex;
    Eigen::Index error_row = rows;
    std::exception_ptr error;
    const Eigen::VectorXd t = periods;
    std::atomic<bool> stop{false};
    std::atomic<Eigen::Index> done{0};
    const Eigen::Index step = std::max<Eigen::Index>(1, (rows + 99) / 100);
    std::condition_variable wake;
    unsigned finished = 0;  // workers that have returned (guarded by error_mutex)
    auto work = [&](const std::function<void()>& after_row) {
        Eigen::VectorXd y(values.cols());
        for (Eigen::Index r = next++; r < rows && !stop.load(); r = next++) {
            try {
                y = values.row(r).transpose();
                auto p = project(y, t, opt);
                out.mean.row(r) = p.mean.transpose();
                out.median.row(r) = p.median.transpose();
                out.lower.row(r) = p.lower.transpose();
                out.upper.row(r) = p.upper.transpose();
                out.periods.row(r) = p.periods.transpose();
                out.status[static_cast<std::size_t>(r)] = p.status;
                out.methods[static_cast<std::size_t>(r)] = p.method;
                out.notes[static_cast<std::size_t>(r)] = std::move(p.notes);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(error_mutex);
                if (r < error_row) {
                    error_row = r;
                    error = std::current_exception();
                }
            }
            ++done;
            if (after_row) after_row();
        }
    };
    // Runs only on the calling thread: reports at each 1 % of the rows and at the end.
    Eigen::Index reported = 0;
    std::exception_ptr callback_error;
    auto report = [&](Eigen::Index d) {
        if (!progress || callback_error || d <= reported || (d < reported + step && d != rows)) return;
        reported = d;
        try {
            progress(static_cast<std::size_t>(d), static_cast<std::size_t>(rows));
        } catch (...) {
            callback_error = std::current_exception();
            stop = true;
        }
    };
    unsigned n_threads = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    n_threads = static_cast<unsigned>(std::min<Eigen::Index>(n_threads, std::max<Eigen::Index>(rows, 1)));
    if (n_threads <= 1) {
        work(progress ? std::function<void()>([&] { report(done.load()); }) : std::function<void()>());
    } else {
        // Workers wake the calling thread at each 1 % step; it reports while they run.
        const std::function<void()> notify = [&] {
            const Eigen::Index d = done.load();
            if (progress && (d % step == 0 || d == rows)) {
                const std::lock_guard<std::mutex> lock(error_mutex);
                wake.notify_all();
            }
        };
        auto worker = [&] {
            work(notify);
            const std::lock_guard<std::mutex> lock(error_mutex);
            ++finished;
            wake.notify_all();
        };
        std::vector<std::thread> pool;
        pool.reserve(n_threads);
        for (unsigned i = 0; i < n_threads; ++i) pool.emplace_back(worker);
        if (progress) {
            for (bool all_finished = false; !all_finished;) {
                Eigen::Index d = 0;
                {
                    std::unique_lock<std::mutex> lock(error_mutex);
                    wake.wait_for(lock, std::chrono::milliseconds(100),
                                  [&] { return finished == n_threads || done.load() >= reported + step; });
                    all_finished = finished == n_threads;
                    d = done.load();
                }
                report(d);
            }
        }
        for (auto& th : pool) th.join();
    }
    if (callback_error) std::rethrow_exception(callback_error);
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const invalid_input& e) {
            throw invalid_input(detail::with_row(e.what(), error_row));
        }
    }
    return out;
}

/// project_batch at the periods 0, 1, …, columns − 1.
[[nodiscard]] inline batch_projection project_batch(const Eigen::Ref<const row_matrix>& values,
                                                    const projection_options& opt, unsigned threads = 0,
                                                    const batch_progress& progress = {}) {
    const Eigen::VectorXd periods = Eigen::VectorXd::LinSpaced(values.cols(), 0.0, static_cast<double>(values.cols() - 1));
    return project_batch(values, periods, opt, threads, progress);
}

}  // namespace regind
