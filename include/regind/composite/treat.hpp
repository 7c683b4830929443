// SPDX-License-Identifier: MIT
// Outlier treatment (REFERENCE-METHODS.md §E4), COINr's Treat with its defaults: an indicator
// passes if |skew| < 2 OR kurtosis < 3.5; a failing one is winsorised (at most winmax points,
// tied points move together), and if it still fails a transformation (log_CT by default) is
// applied to the original column.
//
// Design notes:
// - Winsorisation works on the side given by the sign of the current skew (≥ 0: the high
//   side). Every point equal to the current extreme takes the nearest other value, so the
//   count of winsorised points is the size of the current extreme group on each side and can
//   pass winmax. The skew sign can flip between steps; both sides are then recorded.
// - An indicator whose check is unknown (fewer than 3 values, a constant column) is left as
//   it is, with result verdict::undetermined in its details (COINr warns and does the same).
// - Cells of the points matrix: 0 untouched, 1 winsorised high ("winhi"), 2 winsorised low
//   ("winlo"); `transformed` marks the columns the second function replaced.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/framework.hpp"
#include "regind/composite/stats.hpp"

namespace regind::composite {

/// The second-stage transformation (f2).
enum class transform { none, log_ct, log_ct_plus, log_ct_orig, boxcox };

[[nodiscard]] inline std::string_view to_string(transform t) noexcept {
    switch (t) {
        case transform::none: return "none";
        case transform::log_ct: return "log_CT";
        case transform::log_ct_plus: return "log_CT_plus";
        case transform::log_ct_orig: return "log_CT_orig";
        case transform::boxcox: return "boxcox";
    }
    return "none";
}

[[nodiscard]] inline transform parse_transform(std::string_view s) {
    for (auto t : {transform::none, transform::log_ct, transform::log_ct_plus, transform::log_ct_orig, transform::boxcox})
        if (s == to_string(t)) return t;
    throw invalid_input(fmt::format("[regind.invalid_input.treat] unknown transformation '{}': expected log_CT, "
                                    "log_CT_plus, log_CT_orig, boxcox or none",
                                    s));
}

struct treat_spec {
    bool enabled = true;        ///< false: the column is passed through untreated ("none")
    int winmax = 5;             ///< most points to winsorise; -1 for no limit
    double skew_thresh = 2.0;   ///< the check passes if |skew| < skew_thresh ...
    double kurt_thresh = 3.5;   ///< ... or kurtosis < kurt_thresh
    bool force_win = false;     ///< winsorise a failing column up to winmax even once it passes
    transform f2 = transform::log_ct;
    double lambda = 1.0;        ///< boxcox
    bool combine_treat = false; ///< apply f2 to the winsorised column instead of the original
};

/// Winsorisation marks: units × indicators, and one column of it without a copy.
using point_matrix = Eigen::Matrix<std::int8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using point_col_ref = Eigen::Ref<Eigen::Matrix<std::int8_t, Eigen::Dynamic, 1>, 0, Eigen::InnerStride<>>;

inline constexpr std::int8_t point_untouched = 0;
inline constexpr std::int8_t point_winhi = 1;
inline constexpr std::int8_t point_winlo = 2;

/// What happened to one column; the fields mirror COINr's Dets_Table (check 0 before, check 1
/// after winsorisation, check 2 after the transformation). Unused stages stay NaN/false.
struct treat_details {
    skew_kurt_check check0;
    bool winsorised = false;
    int nwin = 0;
    skew_kurt_check check1;
    bool transformed = false;
    transform f2 = transform::none;
    skew_kurt_check check2;
};

namespace detail {

inline void check_treat_spec(const treat_spec& s, std::string_view where) {
    auto bad = [&](const std::string& what) {
        throw invalid_input(fmt::format("[regind.invalid_input.treat] {}{}", where.empty() ? "" : fmt::format("{}: ", where),
                                        what));
    };
    if (s.winmax < -1) bad(fmt::format("winmax must be >= 0, or -1 for no limit, not {}", s.winmax));
    if (s.force_win && s.winmax < 0) bad("force_win needs a finite winmax");
    if (!(s.skew_thresh >= 0) || !std::isfinite(s.skew_thresh))
        bad(fmt::format("skew_thresh must be a finite number >= 0, not {}", s.skew_thresh));
    if (std::isnan(s.kurt_thresh)) bad("kurt_thresh must be a number");
    if (s.f2 == transform::boxcox && !std::isfinite(s.lambda)) bad("boxcox needs a finite lambda");
}

inline void apply_transform(col_ref x, transform f, double lambda) {
    double mn = nan, mx = nan;
    for (Index i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        if (std::isnan(mn) || x[i] < mn) mn = x[i];
        if (std::isnan(mx) || x[i] > mx) mx = x[i];
    }
    switch (f) {
        case transform::none: break;
        case transform::log_ct:
            for (Index i = 0; i < x.size(); ++i) x[i] = std::log(x[i] - mn + 0.01 * (mx - mn));
            break;
        case transform::log_ct_plus: {
            const double a = 0.01 * (mx - mn);
            if (skew(x) > 0) {
                for (Index i = 0; i < x.size(); ++i) x[i] = std::log(x[i] - mn + a);
            } else {
                for (Index i = 0; i < x.size(); ++i) x[i] = -std::log(mx + a - x[i]);
            }
            break;
        }
        case transform::log_ct_orig:
            for (Index i = 0; i < x.size(); ++i) x[i] = std::log(x[i] - mn + 1);
            break;
        case transform::boxcox:
            for (Index i = 0; i < x.size(); ++i) {
                const double y = x[i] - mn + 1;
                x[i] = lambda == 0 ? std::log(y) : (std::pow(y, lambda) - 1) / lambda;
            }
            break;
    }
}

}  // namespace detail

/// Treats one column in place. `points` (same length) receives the winsorisation marks;
/// `original` is scratch storage for the untreated column.
inline treat_details treat_into(col_ref x, point_col_ref points, const treat_spec& s, Eigen::VectorXd& original) {
    detail::check_treat_spec(s, {});
    treat_details det;
    points.setConstant(point_untouched);
    if (!s.enabled) return det;
    det.check0 = check_skew_kurt(x, s.skew_thresh, s.kurt_thresh);
    if (det.check0.result != verdict::fail) return det;  // passes, or unknown: untreated

    original = x;
    // f1: winsorise.
    det.winsorised = true;
    skew_kurt_check c = det.check0;
    Index n_hi = 0, n_lo = 0;  // size of the latest winsorised group on each side
    int nwin = 0;
    const Index n = x.size();
    auto below_winmax = [&] { return s.winmax < 0 || nwin < s.winmax; };
    while ((c.result == verdict::fail || s.force_win) && below_winmax()) {
        const bool high = !(c.skew < 0);
        // The current extreme and the nearest other value on that side.
        double ext = nan;
        for (Index i = 0; i < n; ++i)
            if (!std::isnan(x[i]) && (std::isnan(ext) || (high ? x[i] > ext : x[i] < ext))) ext = x[i];
        double next = nan;
        for (Index i = 0; i < n; ++i)
            if (!std::isnan(x[i]) && x[i] != ext && (std::isnan(next) || (high ? x[i] > next : x[i] < next))) next = x[i];
        if (std::isnan(next)) break;  // one distinct value left: nothing to move
        Index moved = 0;
        // A new group on one side replaces that side's marks: the group holds every earlier point.
        for (Index i = 0; i < n; ++i)
            if (points[i] == (high ? point_winhi : point_winlo)) points[i] = point_untouched;
        for (Index i = 0; i < n; ++i)
            if (x[i] == ext) {
                x[i] = next;
                points[i] = high ? point_winhi : point_winlo;
                ++moved;
            }
        (high ? n_hi : n_lo) = moved;
        nwin = static_cast<int>(n_hi + n_lo);
        c = check_skew_kurt(x, s.skew_thresh, s.kurt_thresh);
        if (c.result == verdict::undetermined) break;
    }
    det.nwin = nwin;
    det.check1 = c;
    if (c.result != verdict::fail || s.f2 == transform::none) return det;

    // f2 on the original column (or on the winsorised one with combine_treat).
    if (!s.combine_treat) x = original;
    detail::apply_transform(x, s.f2, s.lambda);
    det.transformed = true;
    det.f2 = s.f2;
    det.check2 = check_skew_kurt(x, s.skew_thresh, s.kurt_thresh);
    return det;
}

struct treat_result {
    matrix data;
    std::vector<treat_details> details;  ///< one per column
    point_matrix points;
};

/// Treats every column j of x with specs[j] (or one spec for all when specs has one entry).
[[nodiscard]] inline treat_result treat(const matrix& x, const std::vector<treat_spec>& specs,
                                        const std::vector<std::string>& names = {}) {
    const auto k = static_cast<std::size_t>(x.cols());
    if (specs.size() != 1 && specs.size() != k)
        throw invalid_input(fmt::format("[regind.invalid_input.shape] treat: {} specs for {} columns", specs.size(), k));
    for (std::size_t j = 0; j < specs.size(); ++j)
        detail::check_treat_spec(specs[j], specs.size() == 1 ? std::string()
                                           : names.size() == k ? names[j]
                                                               : fmt::format("column {}", j));
    treat_result r;
    r.data = x;
    r.points.resize(x.rows(), x.cols());
    r.details.resize(k);
    Eigen::VectorXd scratch;
    for (Index j = 0; j < x.cols(); ++j) {
        const auto jj = static_cast<std::size_t>(j);
        r.details[jj] = treat_into(r.data.col(j), r.points.col(j), specs.size() == 1 ? specs[0] : specs[jj], scratch);
    }
    return r;
}

[[nodiscard]] inline treat_result treat(const matrix& x, const treat_spec& spec = {}) {
    return treat(x, std::vector<treat_spec>{spec});
}

}  // namespace regind::composite
