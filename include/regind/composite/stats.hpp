// SPDX-License-Identifier: MIT
// Column statistics of the composite pipeline: mean, sample SD, median, skewness and excess
// kurtosis (e1071 type 2, as COINr), the skew/kurtosis outlier check of Treat (§E4), and the
// indicator statistics table of COINr's get_stats (§E8).
//
// Design notes:
// - NaN is a missing value and is skipped everywhere (R's na.rm = TRUE); ±Inf are values.
// - Sums and means accumulate in long double with R's second pass for the mean, so results
//   match R to the last bit or so; that keeps COINr's tie structure (and thus its ranks) intact.
// - An undefined statistic is NaN, never an exception: a mean of no values, an SD of one value,
//   a skewness of fewer than 3 values or of a constant column, a kurtosis of fewer than 4.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "regind/composite/framework.hpp"

namespace regind::composite {

/// Number of non-missing values.
[[nodiscard]] inline Index count_available(const_col_ref x) noexcept {
    Index n = 0;
    for (Index i = 0; i < x.size(); ++i) n += std::isnan(x[i]) ? 0 : 1;
    return n;
}

/// Sum of the non-missing values (long double accumulator, as R's sum).
[[nodiscard]] inline double sum(const_col_ref x) noexcept {
    long double s = 0;
    for (Index i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i])) s += x[i];
    return static_cast<double>(s);
}

/// Mean of the non-missing values, NaN when there are none (R's mean(x, na.rm = TRUE)).
[[nodiscard]] inline double mean(const_col_ref x) noexcept {
    long double s = 0;
    Index n = 0;
    for (Index i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i])) {
            s += x[i];
            ++n;
        }
    if (n == 0) return nan;
    s /= static_cast<long double>(n);
    if (std::isfinite(static_cast<double>(s))) {
        // R refines the mean with the mean of the residuals.
        long double t = 0;
        for (Index i = 0; i < x.size(); ++i)
            if (!std::isnan(x[i])) t += x[i] - s;
        s += t / static_cast<long double>(n);
    }
    return static_cast<double>(s);
}

/// Sample standard deviation (n − 1) of the non-missing values; NaN for fewer than 2.
[[nodiscard]] inline double sd(const_col_ref x) noexcept {
    const Index n = count_available(x);
    if (n < 2) return nan;
    const double m = mean(x);
    long double s = 0;
    for (Index i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i])) {
            const double d = x[i] - m;
            s += d * d;
        }
    return std::sqrt(static_cast<double>(s / static_cast<long double>(n - 1)));
}

/// Median of the non-missing values (the mean of the two middle ones for an even count);
/// NaN when there are none. `scratch` is reused storage.
[[nodiscard]] inline double median(const_col_ref x, std::vector<double>& scratch) {
    scratch.clear();
    for (Index i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i])) scratch.push_back(x[i]);
    const auto n = scratch.size();
    if (n == 0) return nan;
    const auto half = n / 2;
    std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(half), scratch.end());
    const double hi = scratch[half];
    if (n % 2 == 1) return hi;
    const double lo = *std::max_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(half));
    return static_cast<double>((static_cast<long double>(lo) + hi) / 2);
}
[[nodiscard]] inline double median(const_col_ref x) {
    std::vector<double> scratch;
    return median(x, scratch);
}

namespace detail {

// Σd^k over the non-missing values, d = x − mean, with R's x^k (pow; x^2 is x·x).
inline void central_sums(const_col_ref x, double m, double& s2, double& s3, double& s4) noexcept {
    long double a2 = 0, a3 = 0, a4 = 0;
    for (Index i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        const double d = x[i] - m;
        a2 += d * d;
        a3 += std::pow(d, 3.0);
        a4 += std::pow(d, 4.0);
    }
    s2 = static_cast<double>(a2);
    s3 = static_cast<double>(a3);
    s4 = static_cast<double>(a4);
}

}  // namespace detail

/// Sample skewness G = √n Σd³/(Σd²)^{3/2} · √(n(n−1))/(n−2) (e1071 type 2, Excel SKEW).
/// NaN for fewer than 3 values or a constant column.
[[nodiscard]] inline double skew(const_col_ref x) noexcept {
    const Index n = count_available(x);
    if (n < 3) return nan;
    double s2, s3, s4;
    detail::central_sums(x, mean(x), s2, s3, s4);
    const double dn = static_cast<double>(n);
    const double g = std::sqrt(dn) * s3 / std::pow(s2, 1.5);
    return g * std::sqrt(dn * (dn - 1)) / (dn - 2);
}

/// Sample excess kurtosis K = ((n+1)(r−3) + 6)(n−1)/((n−2)(n−3)), r = nΣd⁴/(Σd²)² (e1071 type 2,
/// Excel KURT). NaN for fewer than 4 values or a constant column.
[[nodiscard]] inline double kurt(const_col_ref x) noexcept {
    const Index n = count_available(x);
    if (n < 4) return nan;
    double s2, s3, s4;
    detail::central_sums(x, mean(x), s2, s3, s4);
    const double dn = static_cast<double>(n);
    const double r = dn * s4 / (s2 * s2);
    return ((dn + 1) * (r - 3) + 6) * (dn - 1) / ((dn - 2) * (dn - 3));
}

/// A yes/no answer that can be unknown (R's logical NA).
enum class verdict : std::int8_t { fail = 0, pass = 1, undetermined = -1 };

struct skew_kurt_check {
    verdict result = verdict::undetermined;
    double skew = nan;
    double kurt = nan;
};

/// COINr's check_SkewKurt: PASS ⇔ |skew| < skew_thresh OR kurt < kurt_thresh. An undefined
/// statistic counts as unknown, with R's three-valued OR (pass OR unknown = pass).
[[nodiscard]] inline skew_kurt_check check_skew_kurt(const_col_ref x, double skew_thresh = 2.0,
                                                     double kurt_thresh = 3.5) noexcept {
    skew_kurt_check c;
    const Index n = count_available(x);
    if (n >= 3) {
        const double m = mean(x);
        double s2, s3, s4;
        detail::central_sums(x, m, s2, s3, s4);
        const double dn = static_cast<double>(n);
        c.skew = std::sqrt(dn) * s3 / std::pow(s2, 1.5) * std::sqrt(dn * (dn - 1)) / (dn - 2);
        if (n >= 4) {
            const double r = dn * s4 / (s2 * s2);
            c.kurt = ((dn + 1) * (r - 3) + 6) * (dn - 1) / ((dn - 2) * (dn - 3));
        }
    }
    const verdict a = std::isnan(c.skew) ? verdict::undetermined
                                         : (std::fabs(c.skew) < skew_thresh ? verdict::pass : verdict::fail);
    const verdict b = std::isnan(c.kurt) ? verdict::undetermined : (c.kurt < kurt_thresh ? verdict::pass : verdict::fail);
    if (a == verdict::pass || b == verdict::pass)
        c.result = verdict::pass;
    else if (a == verdict::fail && b == verdict::fail)
        c.result = verdict::fail;
    else
        c.result = verdict::undetermined;
    return c;
}

/// Thresholds of the statistics flags (COINr get_stats defaults).
struct stats_thresholds {
    double t_skew = 2.0;   ///< Flag.SkewKurt: |skew| > t_skew AND kurt > t_kurt → "OUT"
    double t_kurt = 3.5;
    double t_avail = 0.65; ///< Flag.Avail: Frc.Avail < t_avail → "LOW"
    double t_zero = 0.5;   ///< Flag.NonZero: N.NonZero / n_units < t_zero → "LOW"
    double t_unq = 0.5;    ///< Flag.Unique: N.Unique / n_units < t_unq → "LOW"
};

/// One entry per column (COINr get_stats with nsignif = NULL).
struct column_stats {
    Eigen::VectorXd min, max, mean, median, sd, skew, kurt;
    Eigen::VectorXi n_avail, n_nonzero, n_unique, n_same;
    Eigen::VectorXd frc_avail, frc_nonzero, frc_unique, frc_same;
    Eigen::Array<bool, Eigen::Dynamic, 1> low_avail, low_nonzero, low_unique, outlier;
};

[[nodiscard]] inline column_stats get_stats(const matrix& x, const stats_thresholds& t = {}) {
    const Index k = x.cols();
    const double n = static_cast<double>(x.rows());
    column_stats s;
    for (auto* v : {&s.min, &s.max, &s.mean, &s.median, &s.sd, &s.skew, &s.kurt, &s.frc_avail, &s.frc_nonzero,
                    &s.frc_unique, &s.frc_same})
        v->resize(k);
    for (auto* v : {&s.n_avail, &s.n_nonzero, &s.n_unique, &s.n_same}) v->resize(k);
    for (auto* v : {&s.low_avail, &s.low_nonzero, &s.low_unique, &s.outlier}) v->resize(k);
    std::vector<double> vals;
    for (Index j = 0; j < k; ++j) {
        const auto c = x.col(j);
        vals.clear();
        for (Index i = 0; i < c.size(); ++i)
            if (!std::isnan(c[i])) vals.push_back(c[i]);
        std::sort(vals.begin(), vals.end());
        const auto na = static_cast<int>(vals.size());
        int nonzero = 0, unique = 0, same = 0;
        for (std::size_t i = 0; i < vals.size();) {
            std::size_t e = i;
            while (e < vals.size() && vals[e] == vals[i]) ++e;
            ++unique;
            same = std::max(same, static_cast<int>(e - i));
            if (vals[i] != 0) nonzero += static_cast<int>(e - i);
            i = e;
        }
        s.min[j] = na ? vals.front() : nan;
        s.max[j] = na ? vals.back() : nan;
        s.mean[j] = mean(c);
        s.median[j] = na == 0 ? nan
                      : na % 2 ? vals[static_cast<std::size_t>(na / 2)]
                               : static_cast<double>((static_cast<long double>(vals[static_cast<std::size_t>(na / 2 - 1)]) +
                                                      vals[static_cast<std::size_t>(na / 2)]) /
                                                     2);
        s.sd[j] = sd(c);
        s.skew[j] = skew(c);
        s.kurt[j] = kurt(c);
        s.n_avail[j] = na;
        s.n_nonzero[j] = nonzero;
        s.n_unique[j] = unique;
        s.n_same[j] = same;
        s.frc_avail[j] = na / n;
        s.frc_nonzero[j] = nonzero / static_cast<double>(na);
        s.frc_unique[j] = unique / static_cast<double>(na);
        s.frc_same[j] = same / static_cast<double>(na);
        s.low_avail[j] = !(s.frc_avail[j] >= t.t_avail);
        s.low_nonzero[j] = !(nonzero / n >= t.t_zero);
        s.low_unique[j] = !(unique / n >= t.t_unq);
        s.outlier[j] = std::fabs(s.skew[j]) > t.t_skew && s.kurt[j] > t.t_kurt;
    }
    return s;
}

}  // namespace regind::composite
