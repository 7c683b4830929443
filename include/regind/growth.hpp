// SPDX-License-Identifier: MIT
// Growth arithmetic of regional statistics (REFERENCE-METHODS.md §A, and the amount and growth
// parts of §B2–B3): year-on-year growth, CAGR, required growth and implied levels, percentage
// point changes and shares, pull (拉动) and contribution rate (贡献率), ratio growth, two-year
// average growth, real vs nominal growth, year-to-date ↔ single month with the 1–2月 block, and
// the growth the rest of the year needs to meet a target.
//
// Design notes:
// - Every rate is a FRACTION, in and out: growth 0.08 is 8 %, a share 0.25 is 25 %, a pull
//   0.0179 is 1.79 percentage points, a contribution 0.60 is 60 %, a pp change 0.015 is
//   1.5 pp. Multiply by 100 for display only (§0: full precision inside).
// - A result that is mathematically undefined is NaN, never an exception (§0): growth on a
//   base ≤ 0, a CAGR with a non-positive end, the share of a zero total, division by a growth
//   factor 1 + g ≤ 0. NaN inputs propagate to NaN outputs. Only bad input throws
//   regind::invalid_input: arrays of different sizes, years ≤ 0 for a CAGR (< 0 for a level),
//   more than 11 year-to-date columns, a month outside 2..12, an empty list of rates.
// - Outcomes a caller must tell apart (target already secured, period closed, zero base of the
//   total) are a status in the result, next to the raw value.
// - Every function has a scalar form and an element-wise form over Eigen::ArrayXd. The array
//   forms need equal sizes and do not broadcast (the Python layer broadcasts first). The
//   year-to-date tables and contributions also have *_rows forms over row-major matrices,
//   one row per region (or per year), for batch work without Python loops.
#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/error.hpp"

namespace regind {

namespace detail {

struct growth_arg {
    std::string_view name;
    Eigen::Index size;
};

/// Throws invalid_input naming every argument and its size when the sizes differ.
inline void growth_check_sizes(std::string_view fn, std::initializer_list<growth_arg> args) {
    const auto n = args.begin()->size;
    bool same = true;
    for (const auto& a : args) same = same && a.size == n;
    if (same) return;
    std::string what;
    for (const auto& a : args) what += fmt::format("{}{} has {}", what.empty() ? "" : ", ", a.name, a.size);
    throw invalid_input(
        fmt::format("[regind.invalid_input.shape] {}: {} values; the arrays must have the same size", fn, what));
}

/// out[i] = f(a[i], b[i], ...) for arrays already checked to have one size.
template <class F, class First, class... Rest>
Eigen::ArrayXd growth_map(F f, const First& first, const Rest&... rest) {
    Eigen::ArrayXd out(first.size());
    for (Eigen::Index i = 0; i < first.size(); ++i) out[i] = f(first[i], rest[i]...);
    return out;
}

inline constexpr double growth_nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace detail

namespace growth {

using row_matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using array_ref = Eigen::Ref<const Eigen::ArrayXd>;
using matrix_ref = Eigen::Ref<const row_matrix>;

namespace impl {

inline void check_years(std::string_view fn, double years, bool allow_zero, Eigen::Index index = -1) {
    const bool bad = allow_zero ? years < 0.0 : years <= 0.0;  // NaN passes: it propagates
    if (!bad) return;
    throw invalid_input(fmt::format("[regind.invalid_input.years] {}: years must be {} 0, got {}{}", fn,
                                    allow_zero ? "≥" : ">", years,
                                    index >= 0 ? fmt::format(" at index {}", index) : std::string()));
}

inline void check_years(std::string_view fn, const array_ref& years, bool allow_zero) {
    for (Eigen::Index i = 0; i < years.size(); ++i) check_years(fn, years[i], allow_zero, i);
}

inline double compound_rate(double first, double last, double years) noexcept {
    if (!(first > 0.0) || !(last > 0.0) || std::isnan(years)) return detail::growth_nan;
    return std::pow(last / first, 1.0 / years) - 1.0;
}

/// (1 + a) / (1 + b) − 1, NaN when the dividing factor 1 + b is not positive.
inline double factor_quotient(double a, double b) noexcept {
    if (!(1.0 + b > 0.0)) return detail::growth_nan;
    return (1.0 + a) / (1.0 + b) - 1.0;
}

}  // namespace impl

// ---- A1 basic quantities --------------------------------------------------------------------

/// Year-on-year growth y_t / y_{t−1} − 1 as a fraction (0.08 = 8 %). §A1.
/// @returns NaN when `previous` ≤ 0 or NaN (growth is undefined on such a base), or when
///          `current` is NaN. Never throws. Example: growth(108.0, 100.0) == 0.08 (approx.).
[[nodiscard]] inline double growth(double current, double previous) noexcept {
    if (!(previous > 0.0)) return detail::growth_nan;
    return current / previous - 1.0;
}
/// Element-wise growth(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd growth(const array_ref& current, const array_ref& previous) {
    detail::growth_check_sizes("growth", {{"current", current.size()}, {"previous", previous.size()}});
    return detail::growth_map([](double c, double p) { return growth(c, p); }, current, previous);
}

/// Compound annual growth rate (last / first)^(1/years) − 1. §A1, §C1.
/// @returns NaN when first ≤ 0 or last ≤ 0 (undefined), or any input is NaN.
/// @throws invalid_input ([regind.invalid_input.years]) when years ≤ 0.
/// Example: cagr(100, 121, 2) == 0.10 (approx.).
[[nodiscard]] inline double cagr(double first, double last, double years) {
    impl::check_years("cagr", years, false);
    return impl::compound_rate(first, last, years);
}
/// Element-wise cagr(). @throws invalid_input when the sizes differ or any years ≤ 0.
[[nodiscard]] inline Eigen::ArrayXd cagr(const array_ref& first, const array_ref& last, const array_ref& years) {
    detail::growth_check_sizes("cagr", {{"first", first.size()}, {"last", last.size()}, {"years", years.size()}});
    impl::check_years("cagr", years, false);
    return detail::growth_map(impl::compound_rate, first, last, years);
}

/// The constant yearly growth that takes `current` to `target` in `years` (a CAGR):
/// (target / current)^(1/years) − 1. §A1, §B1 (level targets). Example: investment 883.4 亿元
/// must grow 970 / 883.4 − 1 = 9.803 % to reach 970 亿元 in one year.
/// @returns NaN when current ≤ 0 or target ≤ 0, or any input is NaN.
/// @throws invalid_input when years ≤ 0.
[[nodiscard]] inline double required_growth(double current, double target, double years = 1.0) {
    impl::check_years("required_growth", years, false);
    return impl::compound_rate(current, target, years);
}
/// Element-wise required_growth(). @throws invalid_input when the sizes differ or any years ≤ 0.
[[nodiscard]] inline Eigen::ArrayXd required_growth(const array_ref& current, const array_ref& target,
                                                    const array_ref& years) {
    detail::growth_check_sizes("required_growth",
                               {{"current", current.size()}, {"target", target.size()}, {"years", years.size()}});
    impl::check_years("required_growth", years, false);
    return detail::growth_map(impl::compound_rate, current, target, years);
}

/// The level `current` reaches after growing by `growth` a year for `years` years:
/// current · (1 + growth)^years. §A1, §B1 (growth targets). Example: 2594.5 亿元 growing 8 %
/// gives 2802.06 亿元.
/// @returns NaN when 1 + growth < 0 (a fall of more than 100 % has no level), or any input is NaN.
/// @throws invalid_input when years < 0.
[[nodiscard]] inline double level_after(double current, double growth_rate, double years = 1.0) {
    impl::check_years("level_after", years, true);
    if (!(1.0 + growth_rate >= 0.0)) return detail::growth_nan;
    return current * std::pow(1.0 + growth_rate, years);
}
/// Element-wise level_after(). @throws invalid_input when the sizes differ or any years < 0.
[[nodiscard]] inline Eigen::ArrayXd level_after(const array_ref& current, const array_ref& growth_rate,
                                                const array_ref& years) {
    detail::growth_check_sizes("level_after",
                               {{"current", current.size()}, {"growth", growth_rate.size()}, {"years", years.size()}});
    impl::check_years("level_after", years, true);
    return detail::growth_map([](double c, double g, double y) { return level_after(c, g, y); }, current,
                              growth_rate, years);
}

/// The prior-year level implied by a level and its published growth: level / (1 + growth).
/// §A6 ("prior-year level from published growth"). NaN when 1 + growth ≤ 0.
[[nodiscard]] inline double prior_level(double level, double growth_rate) noexcept {
    if (!(1.0 + growth_rate > 0.0)) return detail::growth_nan;
    return level / (1.0 + growth_rate);
}
/// Element-wise prior_level(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd prior_level(const array_ref& level, const array_ref& growth_rate) {
    detail::growth_check_sizes("prior_level", {{"level", level.size()}, {"growth", growth_rate.size()}});
    return detail::growth_map([](double x, double g) { return prior_level(x, g); }, level, growth_rate);
}

/// Change of a rate or a share in percentage points, as a fraction: rate_now − rate_before
/// (0.015 = 1.5 pp). Also the gap to a reference (g_city − g_prov, "高于全省 X 个百分点") and the
/// gap to a growth target (§B3). §A1. A rate never gets a "% change" here.
[[nodiscard]] inline double pp_change(double rate_now, double rate_before) noexcept { return rate_now - rate_before; }
/// Element-wise pp_change(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd pp_change(const array_ref& rate_now, const array_ref& rate_before) {
    detail::growth_check_sizes("pp_change", {{"rate_now", rate_now.size()}, {"rate_before", rate_before.size()}});
    return rate_now - rate_before;
}

/// Share part / total as a fraction. NaN when total == 0 (or an input is NaN).
[[nodiscard]] inline double share(double part, double total) noexcept {
    if (total == 0.0) return detail::growth_nan;
    return part / total;
}
/// Element-wise share(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd share(const array_ref& part, const array_ref& total) {
    detail::growth_check_sizes("share", {{"part", part.size()}, {"total", total.size()}});
    return detail::growth_map([](double p, double t) { return share(p, t); }, part, total);
}

/// Average yearly growth over k periods by chaining the rates: (Π (1 + g_k))^(1/k) − 1. §A1,
/// §A7. NaN when a factor 1 + g_k < 0 or a rate is NaN.
/// @throws invalid_input when `rates` is empty.
[[nodiscard]] inline double average_growth(const array_ref& rates) {
    if (rates.size() == 0)
        throw invalid_input("[regind.invalid_input.empty] average_growth: needs at least one growth rate");
    double product = 1.0;
    for (Eigen::Index i = 0; i < rates.size(); ++i) {
        if (!(1.0 + rates[i] >= 0.0)) return detail::growth_nan;
        product *= 1.0 + rates[i];
    }
    return std::pow(product, 1.0 / static_cast<double>(rates.size())) - 1.0;
}
/// average_growth() of every row (periods along the columns).
/// @throws invalid_input when there are no columns.
[[nodiscard]] inline Eigen::ArrayXd average_growth_rows(const matrix_ref& rates) {
    if (rates.cols() == 0)
        throw invalid_input("[regind.invalid_input.empty] average_growth: needs at least one growth rate");
    Eigen::ArrayXd out(rates.rows());
    for (Eigen::Index r = 0; r < rates.rows(); ++r) out[r] = average_growth(rates.row(r).transpose().array());
    return out;
}

// ---- A7 two-year average growth --------------------------------------------------------------

/// Two-year average growth sqrt((1 + g_prev)(1 + g_now)) − 1 (两年平均增长), chained from
/// published rates. §A7. Example: GDP 2021 Q1 was 10.3 % above 2019 Q1, so the two-year
/// average is sqrt(1.103) − 1 = 5.02 %. NaN when a factor 1 + g < 0 or an input is NaN.
[[nodiscard]] inline double two_year_average(double g_prev, double g_now) noexcept {
    if (!(1.0 + g_prev >= 0.0) || !(1.0 + g_now >= 0.0)) return detail::growth_nan;
    return std::sqrt((1.0 + g_prev) * (1.0 + g_now)) - 1.0;
}
/// Element-wise two_year_average(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd two_year_average(const array_ref& g_prev, const array_ref& g_now) {
    detail::growth_check_sizes("two_year_average", {{"g_prev", g_prev.size()}, {"g_now", g_now.size()}});
    return detail::growth_map([](double a, double b) { return two_year_average(a, b); }, g_prev, g_now);
}

// ---- A8 ratio indicators -----------------------------------------------------------------------

/// Growth of a ratio R = N / D from the growth of N and D: (1 + g_N)/(1 + g_D) − 1 (not
/// g_N − g_D, which only approximates it). §A8. NaN when 1 + g_D ≤ 0.
[[nodiscard]] inline double ratio_growth(double num_growth, double den_growth) noexcept {
    return impl::factor_quotient(num_growth, den_growth);
}
/// Element-wise ratio_growth(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd ratio_growth(const array_ref& num_growth, const array_ref& den_growth) {
    detail::growth_check_sizes("ratio_growth", {{"num_growth", num_growth.size()}, {"den_growth", den_growth.size()}});
    return detail::growth_map(impl::factor_quotient, num_growth, den_growth);
}

// ---- A2 real vs nominal ----------------------------------------------------------------------

/// The price change implied by nominal (现价) and real (可比价) growth: (1 + g_n)/(1 + g_r) − 1.
/// §A2. NaN when 1 + g_r ≤ 0.
[[nodiscard]] inline double implied_deflator(double nominal_growth, double real_growth) noexcept {
    return impl::factor_quotient(nominal_growth, real_growth);
}
/// Element-wise implied_deflator(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd implied_deflator(const array_ref& nominal_growth, const array_ref& real_growth) {
    detail::growth_check_sizes("implied_deflator",
                               {{"nominal_growth", nominal_growth.size()}, {"real_growth", real_growth.size()}});
    return detail::growth_map(impl::factor_quotient, nominal_growth, real_growth);
}

/// Real growth from nominal growth and the price change π (deflator, previous year = 0):
/// (1 + g_n)/(1 + π) − 1. §A2 (单缩法). NaN when 1 + π ≤ 0.
[[nodiscard]] inline double real_growth(double nominal_growth, double deflator) noexcept {
    return impl::factor_quotient(nominal_growth, deflator);
}
/// Element-wise real_growth(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd real_growth(const array_ref& nominal_growth, const array_ref& deflator) {
    detail::growth_check_sizes("real_growth", {{"nominal_growth", nominal_growth.size()}, {"deflator", deflator.size()}});
    return detail::growth_map(impl::factor_quotient, nominal_growth, deflator);
}

/// Nominal growth from real growth and the price change π: (1 + g_r)(1 + π) − 1. §A2.
[[nodiscard]] inline double nominal_growth(double real_growth_rate, double deflator) noexcept {
    return (1.0 + real_growth_rate) * (1.0 + deflator) - 1.0;
}
/// Element-wise nominal_growth(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd nominal_growth(const array_ref& real_growth_rate, const array_ref& deflator) {
    detail::growth_check_sizes("nominal_growth", {{"real_growth", real_growth_rate.size()}, {"deflator", deflator.size()}});
    return (1.0 + real_growth_rate) * (1.0 + deflator) - 1.0;
}

// ---- A6 pull and contribution ------------------------------------------------------------------

/// Pull (拉动) of a part from its prior-year share of the total and its growth: s_{i,t−1} · g_i,
/// as a fraction of the prior-year total (0.0179 = 1.79 pp). §A6.
[[nodiscard]] inline double pull_from_growth(double share_before, double growth_rate) noexcept {
    return share_before * growth_rate;
}
/// Element-wise pull_from_growth(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd pull_from_growth(const array_ref& share_before, const array_ref& growth_rate) {
    detail::growth_check_sizes("pull_from_growth", {{"share_before", share_before.size()}, {"growth", growth_rate.size()}});
    return share_before * growth_rate;
}

/// Pull (拉动) from a contribution rate and the growth of the total: contribution · g_T. §A6.
/// Example (Fujian 1980): 25.1 % of +18.4 % is 4.62 pp.
[[nodiscard]] inline double pull_from_contribution(double contribution, double total_growth) noexcept {
    return contribution * total_growth;
}
/// Element-wise pull_from_contribution(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd pull_from_contribution(const array_ref& contribution, const array_ref& total_growth) {
    detail::growth_check_sizes("pull_from_contribution",
                               {{"contribution", contribution.size()}, {"total_growth", total_growth.size()}});
    return contribution * total_growth;
}

/// A part's share after a year in which it grew by g_i and the total by g_T:
/// s_{i,t} = s_{i,t−1}(1 + g_i)/(1 + g_T). §A6. NaN when 1 + g_T ≤ 0.
[[nodiscard]] inline double share_after(double share_before, double growth_rate, double total_growth) noexcept {
    if (!(1.0 + total_growth > 0.0)) return detail::growth_nan;
    return share_before * (1.0 + growth_rate) / (1.0 + total_growth);
}
/// Element-wise share_after(). @throws invalid_input when the sizes differ.
[[nodiscard]] inline Eigen::ArrayXd share_after(const array_ref& share_before, const array_ref& growth_rate,
                                                const array_ref& total_growth) {
    detail::growth_check_sizes("share_after", {{"share_before", share_before.size()},
                                               {"growth", growth_rate.size()},
                                               {"total_growth", total_growth.size()}});
    return detail::growth_map([](double s, double g, double gt) { return share_after(s, g, gt); }, share_before,
                              growth_rate, total_growth);
}

/// What a contributions() result can say besides its numbers. Precedence: missing,
/// undefined_base, no_total_change, ok.
enum class contribution_status : std::uint8_t {
    ok,               ///< every number defined
    undefined_base,   ///< prior-year total ≤ 0: total growth and pulls are NaN
    no_total_change,  ///< the total did not change: contribution rates are NaN
    missing,          ///< an input is NaN; what depends on it is NaN
};
inline constexpr std::string_view contribution_status_names[] = {"ok", "undefined_base", "no_total_change",
                                                                 "missing"};
[[nodiscard]] inline std::string_view to_string(contribution_status s) noexcept {
    return contribution_status_names[static_cast<int>(s)];
}

/// Pulls and contribution rates of the parts of one total, with the additivity check. All
/// values are fractions: pull 0.17942 is 17.942 pp, contribution 0.60358 is 60.358 %.
struct contribution_result {
    Eigen::ArrayXd pull;          ///< ΔX_i / T_{t−1}
    Eigen::ArrayXd contribution;  ///< ΔX_i / ΔT
    double total_growth = detail::growth_nan;           ///< T_t / T_{t−1} − 1
    double pull_sum = detail::growth_nan;               ///< Σ pull_i
    double pull_residual = detail::growth_nan;          ///< Σ pull_i − total_growth
    double contribution_sum = detail::growth_nan;       ///< Σ contribution_i
    double contribution_residual = detail::growth_nan;  ///< Σ contribution_i − 1
    contribution_status status = contribution_status::ok;
};

/// contributions() for many totals at once: one row per total, one column per part.
struct contribution_table {
    row_matrix pull;
    row_matrix contribution;
    Eigen::ArrayXd total_growth, pull_sum, pull_residual, contribution_sum, contribution_residual;
    std::vector<contribution_status> status;
};

namespace impl {

struct contribution_scalars {
    double total_growth, pull_sum, pull_residual, contribution_sum, contribution_residual;
    contribution_status status;
};

// One total: parts are `k` contiguous values; a total that is not given is the sum of the parts.
inline contribution_scalars contributions_kernel(const double* now, const double* before, Eigen::Index k,
                                                 const double* total_now, const double* total_before, double* pull,
                                                 double* contribution) {
    bool missing = false;
    double sum_now = 0.0, sum_before = 0.0;
    for (Eigen::Index i = 0; i < k; ++i) {
        missing = missing || std::isnan(now[i]) || std::isnan(before[i]);
        sum_now += now[i];
        sum_before += before[i];
    }
    const double t_now = total_now ? *total_now : sum_now;
    const double t_before = total_before ? *total_before : sum_before;
    missing = missing || std::isnan(t_now) || std::isnan(t_before);
    const double change = t_now - t_before;
    const bool base_ok = t_before > 0.0;
    const bool change_ok = change != 0.0;
    contribution_scalars s{};
    s.total_growth = growth(t_now, t_before);
    s.pull_sum = 0.0;
    s.contribution_sum = 0.0;
    for (Eigen::Index i = 0; i < k; ++i) {
        const double d = now[i] - before[i];
        pull[i] = base_ok ? d / t_before : detail::growth_nan;
        contribution[i] = change_ok ? d / change : detail::growth_nan;
        s.pull_sum += pull[i];
        s.contribution_sum += contribution[i];
    }
    s.pull_residual = s.pull_sum - s.total_growth;
    s.contribution_residual = s.contribution_sum - 1.0;
    s.status = missing    ? contribution_status::missing
               : !base_ok ? contribution_status::undefined_base
               : !change_ok ? contribution_status::no_total_change
                            : contribution_status::ok;
    return s;
}

}  // namespace impl

/// Pull (拉动) and contribution rate (贡献率) of each part of a total, §A6:
///   pull_i = ΔX_i / T_{t−1},  contribution_i = ΔX_i / ΔT,  g_T = T_t / T_{t−1} − 1,
/// and the additivity check Σ pull_i − g_T and Σ contribution_i − 1, returned as data: both
/// residuals are 0 for additive parts on one price basis and need not be otherwise (chained
/// comparable-price parts, overlapping groups, rounded published values).
/// @param parts_now, parts_before  levels of the parts this year and last year (for parts
///        known by level and published growth, last year's level is prior_level(X, g)).
/// @param total_now, total_before  the totals; each defaults to the sum of the parts.
/// Example: total 4888 → 6341, part 2556 → 3433: g_T = 29.726 %, pull 17.942 pp,
/// contribution 60.358 %.
/// @throws invalid_input when parts_now and parts_before differ in size.
[[nodiscard]] inline contribution_result contributions(const array_ref& parts_now, const array_ref& parts_before,
                                                       std::optional<double> total_now = std::nullopt,
                                                       std::optional<double> total_before = std::nullopt) {
    detail::growth_check_sizes("contributions",
                               {{"parts_now", parts_now.size()}, {"parts_before", parts_before.size()}});
    const Eigen::ArrayXd now = parts_now, before = parts_before;  // contiguous copies for the kernel
    contribution_result r;
    r.pull.resize(now.size());
    r.contribution.resize(now.size());
    const auto s = impl::contributions_kernel(now.data(), before.data(), now.size(), total_now ? &*total_now : nullptr,
                                              total_before ? &*total_before : nullptr, r.pull.data(),
                                              r.contribution.data());
    r.total_growth = s.total_growth;
    r.pull_sum = s.pull_sum;
    r.pull_residual = s.pull_residual;
    r.contribution_sum = s.contribution_sum;
    r.contribution_residual = s.contribution_residual;
    r.status = s.status;
    return r;
}

/// contributions() of every row: rows are totals (regions or years), columns are parts.
/// total_now / total_before, when given, hold one total per row.
/// @throws invalid_input when the shapes differ or a total has the wrong length.
[[nodiscard]] inline contribution_table contributions_rows(const matrix_ref& parts_now, const matrix_ref& parts_before,
                                                           const std::optional<Eigen::ArrayXd>& total_now = std::nullopt,
                                                           const std::optional<Eigen::ArrayXd>& total_before = std::nullopt) {
    if (parts_now.rows() != parts_before.rows() || parts_now.cols() != parts_before.cols())
        throw invalid_input(fmt::format("[regind.invalid_input.shape] contributions: parts_now is {}×{} and "
                                        "parts_before is {}×{}; they must have the same shape",
                                        parts_now.rows(), parts_now.cols(), parts_before.rows(), parts_before.cols()));
    const auto n = parts_now.rows(), k = parts_now.cols();
    if (total_now)
        detail::growth_check_sizes("contributions", {{"rows of parts_now", n}, {"total_now", total_now->size()}});
    if (total_before)
        detail::growth_check_sizes("contributions", {{"rows of parts_before", n}, {"total_before", total_before->size()}});
    const row_matrix now = parts_now, before = parts_before;  // contiguous rows for the kernel
    contribution_table t;
    t.pull.resize(n, k);
    t.contribution.resize(n, k);
    for (auto* a : {&t.total_growth, &t.pull_sum, &t.pull_residual, &t.contribution_sum, &t.contribution_residual})
        a->resize(n);
    t.status.resize(static_cast<std::size_t>(n));
    for (Eigen::Index r = 0; r < n; ++r) {
        const auto s = impl::contributions_kernel(now.row(r).data(), before.row(r).data(), k,
                                                  total_now ? &(*total_now)[r] : nullptr,
                                                  total_before ? &(*total_before)[r] : nullptr, t.pull.row(r).data(),
                                                  t.contribution.row(r).data());
        t.total_growth[r] = s.total_growth;
        t.pull_sum[r] = s.pull_sum;
        t.pull_residual[r] = s.pull_residual;
        t.contribution_sum[r] = s.contribution_sum;
        t.contribution_residual[r] = s.contribution_residual;
        t.status[static_cast<std::size_t>(r)] = s.status;
    }
    return t;
}

// ---- A4 year to date ↔ single month ------------------------------------------------------------

/// Column j of a year-to-date series is month m = j + 2: column 0 is the 1–2月 block (January is
/// never released alone), column 10 is December. A series may stop before December.
inline constexpr int first_ytd_month = 2;
inline constexpr Eigen::Index max_ytd_months = 11;

/// One year of monthly data in both forms. Column j is month j + 2 (column 0: 1–2月).
///   cumulative C_m, cumulative_growth G_m, cumulative_base P_m = C_m / (1 + G_m),
///   monthly x_m = C_m − C_{m−1}, monthly_base p_m = P_m − P_{m−1}, monthly_growth g_m = x_m / p_m − 1,
/// with x_2 = C_2, p_2 = P_2 and g_2 = G_2 for the 1–2月 block.
struct ytd_series {
    Eigen::ArrayXd cumulative, cumulative_growth, cumulative_base;
    Eigen::ArrayXd monthly, monthly_growth, monthly_base;
};
/// ytd_series for many rows (regions or years) at once; months along the columns.
struct ytd_table {
    row_matrix cumulative, cumulative_growth, cumulative_base;
    row_matrix monthly, monthly_growth, monthly_base;
};

namespace impl {

inline void check_ytd_columns(std::string_view fn, Eigen::Index cols) {
    if (cols > max_ytd_months)
        throw invalid_input(fmt::format("[regind.invalid_input.months] {}: a year has at most 11 year-to-date columns "
                                        "(1–2月, 3月, …, 12月), got {}",
                                        fn, cols));
}

// Pointers to one row of k months of each of the six quantities.
struct ytd_row {
    double *C, *G, *P, *x, *g, *p;
};

inline void ytd_to_monthly_kernel(const double* cum, const double* cum_growth, Eigen::Index k, ytd_row o) {
    for (Eigen::Index j = 0; j < k; ++j) {
        o.C[j] = cum[j];
        o.G[j] = cum_growth[j];
        o.P[j] = prior_level(cum[j], cum_growth[j]);
        o.x[j] = j == 0 ? cum[j] : cum[j] - cum[j - 1];
        o.p[j] = j == 0 ? o.P[j] : o.P[j] - o.P[j - 1];
        o.g[j] = growth(o.x[j], o.p[j]);
    }
}

inline void monthly_to_ytd_kernel(const double* month, const double* month_growth, Eigen::Index k, ytd_row o) {
    for (Eigen::Index j = 0; j < k; ++j) {
        o.x[j] = month[j];
        o.g[j] = month_growth[j];
        o.p[j] = prior_level(month[j], month_growth[j]);
        o.C[j] = j == 0 ? o.x[j] : o.C[j - 1] + o.x[j];
        o.P[j] = j == 0 ? o.p[j] : o.P[j - 1] + o.p[j];
        o.G[j] = growth(o.C[j], o.P[j]);
    }
}

template <class Kernel>
ytd_series ytd_series_from(std::string_view fn, std::string_view name_a, std::string_view name_b, const array_ref& a,
                           const array_ref& b, Kernel kernel) {
    detail::growth_check_sizes(fn, {{name_a, a.size()}, {name_b, b.size()}});
    check_ytd_columns(fn, a.size());
    const Eigen::ArrayXd ca = a, cb = b;  // contiguous copies for the kernel
    const auto k = a.size();
    ytd_series s;
    for (auto* v : {&s.cumulative, &s.cumulative_growth, &s.cumulative_base, &s.monthly, &s.monthly_growth,
                    &s.monthly_base})
        v->resize(k);
    kernel(ca.data(), cb.data(), k,
           ytd_row{s.cumulative.data(), s.cumulative_growth.data(), s.cumulative_base.data(), s.monthly.data(),
                   s.monthly_growth.data(), s.monthly_base.data()});
    return s;
}

template <class Kernel>
ytd_table ytd_table_from(std::string_view fn, std::string_view name_a, std::string_view name_b, const matrix_ref& a,
                         const matrix_ref& b, Kernel kernel) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        throw invalid_input(fmt::format("[regind.invalid_input.shape] {}: {} is {}×{} and {} is {}×{}; they must have "
                                        "the same shape",
                                        fn, name_a, a.rows(), a.cols(), name_b, b.rows(), b.cols()));
    check_ytd_columns(fn, a.cols());
    const row_matrix ca = a, cb = b;  // contiguous rows for the kernel
    const auto n = a.rows(), k = a.cols();
    ytd_table t;
    for (auto* v : {&t.cumulative, &t.cumulative_growth, &t.cumulative_base, &t.monthly, &t.monthly_growth,
                    &t.monthly_base})
        v->resize(n, k);
    for (Eigen::Index r = 0; r < n; ++r)
        kernel(ca.row(r).data(), cb.row(r).data(), k,
               ytd_row{t.cumulative.row(r).data(), t.cumulative_growth.row(r).data(), t.cumulative_base.row(r).data(),
                       t.monthly.row(r).data(), t.monthly_growth.row(r).data(), t.monthly_base.row(r).data()});
    return t;
}

}  // namespace impl

/// Single months from year-to-date releases (累计 → 当月), §A4: from C_m and G_m for
/// m = 2 (1–2月), 3, …, computes P_m = C_m / (1 + G_m), x_m, p_m and g_m (see ytd_series).
/// Holds only when consecutive releases share the enterprise panel (§A3): the derived g_m may
/// differ from a published single-month growth, which takes precedence.
/// NaN where a value depends on a NaN input, on 1 + G_m ≤ 0 or on a base p_m ≤ 0.
/// Example: C_7 = 600, G_7 = 6.8 %, P_6 = 480, C_6 = 511.2 → P_7 = 561.7978, x_7 = 88.8,
/// p_7 = 81.7978, g_7 = 8.5604 %.
/// @throws invalid_input when the sizes differ or there are more than 11 months.
[[nodiscard]] inline ytd_series ytd_to_monthly(const array_ref& cumulative, const array_ref& cumulative_growth) {
    return impl::ytd_series_from("ytd_to_monthly", "cumulative", "cumulative_growth", cumulative, cumulative_growth,
                                 impl::ytd_to_monthly_kernel);
}
/// ytd_to_monthly() of every row (months along the columns, column 0 = 1–2月).
[[nodiscard]] inline ytd_table ytd_to_monthly_rows(const matrix_ref& cumulative, const matrix_ref& cumulative_growth) {
    return impl::ytd_table_from("ytd_to_monthly", "cumulative", "cumulative_growth", cumulative, cumulative_growth,
                                impl::ytd_to_monthly_kernel);
}

/// Year to date from single months (当月 → 累计), the inverse of ytd_to_monthly(), §A4:
/// p_m = x_m / (1 + g_m), C_m = Σ_{k≤m} x_k, P_m = Σ_{k≤m} p_k, G_m = C_m / P_m − 1; column 0 is
/// the 1–2月 block. A NaN month makes every later cumulative value NaN.
/// @throws invalid_input when the sizes differ or there are more than 11 months.
[[nodiscard]] inline ytd_series monthly_to_ytd(const array_ref& monthly, const array_ref& monthly_growth) {
    return impl::ytd_series_from("monthly_to_ytd", "monthly", "monthly_growth", monthly, monthly_growth,
                                 impl::monthly_to_ytd_kernel);
}
/// monthly_to_ytd() of every row (months along the columns, column 0 = 1–2月).
[[nodiscard]] inline ytd_table monthly_to_ytd_rows(const matrix_ref& monthly, const matrix_ref& monthly_growth) {
    return impl::ytd_table_from("monthly_to_ytd", "monthly", "monthly_growth", monthly, monthly_growth,
                                impl::monthly_to_ytd_kernel);
}

// ---- A5 growth needed for the rest of the year -------------------------------------------------

/// What rest_of_year_growth() found besides its value. Precedence: missing, period_closed,
/// undefined, already_secured, ok.
enum class rest_status : std::uint8_t {
    ok,               ///< value is the growth the remaining months need
    already_secured,  ///< C_m already reaches the target; value is the raw (≤ −100 %) figure
    period_closed,    ///< m = 12 or B − P_m = 0: no months left; value is NaN, and `needed` > 0 is
                      ///< the shortfall against the target
    undefined,        ///< B − P_m < 0 (a prior-year YTD base above the full-year base); value is NaN
    missing,          ///< an input is NaN; value is NaN
};
inline constexpr std::string_view rest_status_names[] = {"ok", "already_secured", "period_closed", "undefined",
                                                         "missing"};
[[nodiscard]] inline std::string_view to_string(rest_status s) noexcept { return rest_status_names[static_cast<int>(s)]; }

/// The growth the rest of the year needs, with the amounts it comes from. Fractions as usual.
struct rest_of_year {
    double value = detail::growth_nan;           ///< g_rest = needed / remaining_base − 1
    double needed = detail::growth_nan;          ///< amount still to produce: (1 + G*)·B − C_m, or A* − C_m
    double remaining_base = detail::growth_nan;  ///< B − P_m: last year's level of the remaining months
    rest_status status = rest_status::missing;
};
/// rest_of_year for arrays of cases.
struct rest_of_year_array {
    Eigen::ArrayXd value, needed, remaining_base;
    std::vector<rest_status> status;
};

namespace impl {

inline void check_month(std::string_view fn, std::optional<int> month) {
    if (month && (*month < first_ytd_month || *month > 12))
        throw invalid_input(fmt::format("[regind.invalid_input.month] {}: month must be 2 (1–2月), 3, …, 12, got {}"
                                        "{}",
                                        fn, *month, *month == 1 ? "; January is released only with February as 1–2月" : ""));
}

inline rest_of_year rest_kernel(double goal, double full_year_base, double ytd_level, double ytd_base,
                                std::optional<int> month) {
    rest_of_year r;
    r.needed = goal - ytd_level;
    r.remaining_base = full_year_base - ytd_base;
    if (std::isnan(goal) || std::isnan(full_year_base) || std::isnan(ytd_level) || std::isnan(ytd_base)) {
        r.status = rest_status::missing;
        return r;
    }
    // A base recomputed as C_12/(1 + G_12) equals B only up to rounding: treat that as zero.
    const double scale = std::fmax(std::fabs(full_year_base), std::fabs(ytd_base));
    if ((month && *month == 12) || std::fabs(r.remaining_base) <= 1e-9 * scale) {
        r.status = rest_status::period_closed;
        return r;
    }
    if (r.remaining_base < 0.0) {
        r.status = rest_status::undefined;
        return r;
    }
    r.value = r.needed / r.remaining_base - 1.0;
    r.status = r.needed <= 0.0 ? rest_status::already_secured : rest_status::ok;
    return r;
}

template <class Goal>
rest_of_year_array rest_array(std::string_view fn, std::string_view target_name, const array_ref& target,
                              const array_ref& full_year_base, const array_ref& ytd_level, const array_ref& ytd_base,
                              std::optional<int> month, Goal goal) {
    detail::growth_check_sizes(fn, {{target_name, target.size()},
                                    {"full_year_base", full_year_base.size()},
                                    {"ytd_level", ytd_level.size()},
                                    {"ytd_base", ytd_base.size()}});
    check_month(fn, month);
    const auto n = target.size();
    rest_of_year_array out;
    out.value.resize(n);
    out.needed.resize(n);
    out.remaining_base.resize(n);
    out.status.resize(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto r = rest_kernel(goal(target[i], full_year_base[i]), full_year_base[i], ytd_level[i], ytd_base[i], month);
        out.value[i] = r.value;
        out.needed[i] = r.needed;
        out.remaining_base[i] = r.remaining_base;
        out.status[static_cast<std::size_t>(i)] = r.status;
    }
    return out;
}

inline double growth_goal(double target_growth, double full_year_base) noexcept {
    return (1.0 + target_growth) * full_year_base;
}
inline double amount_goal(double target_amount, double /*full_year_base*/) noexcept { return target_amount; }

}  // namespace impl

/// The growth the remaining months need for the year to grow by `target_growth` (G*), §A5:
///   g_rest = ((1 + G*)·B − C_m) / (B − P_m) − 1
/// @param full_year_base B, last year's full-year level (on the current panel and basis).
/// @param ytd_level C_m, this year's year-to-date level; @param ytd_base P_m, last year's.
/// @param month m (2..12) when known; m = 12 closes the period even if B − P_m is not exactly 0.
/// Status: see rest_status. Example: B = 1000, P_6 = 480, C_6 = 511.2, G* = 8 %: 568.8 are
/// needed on a base of 520, so g_rest = 9.3846 %.
/// @throws invalid_input when month is outside 2..12.
[[nodiscard]] inline rest_of_year rest_of_year_growth(double target_growth, double full_year_base, double ytd_level,
                                                      double ytd_base, std::optional<int> month = std::nullopt) {
    impl::check_month("rest_of_year_growth", month);
    return impl::rest_kernel(impl::growth_goal(target_growth, full_year_base), full_year_base, ytd_level, ytd_base,
                             month);
}
/// Element-wise rest_of_year_growth(); one month for all. @throws invalid_input when the sizes
/// differ or month is outside 2..12.
[[nodiscard]] inline rest_of_year_array rest_of_year_growth(const array_ref& target_growth, const array_ref& full_year_base,
                                                            const array_ref& ytd_level, const array_ref& ytd_base,
                                                            std::optional<int> month = std::nullopt) {
    return impl::rest_array("rest_of_year_growth", "target_growth", target_growth, full_year_base, ytd_level, ytd_base,
                            month, impl::growth_goal);
}

/// The growth the remaining months need for the year to reach the amount `target_amount`
/// (A*), §A5, §B2: g_rest = (A* − C_m) / (B − P_m) − 1. Parameters and status as
/// rest_of_year_growth(). @throws invalid_input when month is outside 2..12.
[[nodiscard]] inline rest_of_year rest_of_year_growth_for_amount(double target_amount, double full_year_base,
                                                                 double ytd_level, double ytd_base,
                                                                 std::optional<int> month = std::nullopt) {
    impl::check_month("rest_of_year_growth_for_amount", month);
    return impl::rest_kernel(target_amount, full_year_base, ytd_level, ytd_base, month);
}
/// Element-wise rest_of_year_growth_for_amount(); one month for all.
/// @throws invalid_input when the sizes differ or month is outside 2..12.
[[nodiscard]] inline rest_of_year_array rest_of_year_growth_for_amount(const array_ref& target_amount,
                                                                       const array_ref& full_year_base,
                                                                       const array_ref& ytd_level,
                                                                       const array_ref& ytd_base,
                                                                       std::optional<int> month = std::nullopt) {
    return impl::rest_array("rest_of_year_growth_for_amount", "target_amount", target_amount, full_year_base, ytd_level,
                            ytd_base, month, impl::amount_goal);
}

}  // namespace growth
}  // namespace regind
