// SPDX-License-Identifier: MIT
// Growth over long tables (REFERENCE-METHODS.md §A1): one value column and one integer series
// code per row (e.g. region × indicator), rows of a series in period order. Year-on-year
// growth against the previous row of the same series (pandas' groupby().pct_change(), but with
// growth()'s rule that a base ≤ 0 gives NaN), and the CAGR between each series' first and last
// values.
//
// Design notes:
// - One pass over the rows with a table "last row seen" per code, so rows need not be sorted
//   by series, only by period within a series. Codes are small non-negative integers (a code
//   < 0 is "no series": growth NaN); max_series_code() bounds them.
// - Threads split the rows into contiguous ranges. Each range keeps its own first/last-row
//   tables; the few rows whose previous row lies in an earlier range are fixed afterwards,
//   in range order, so the result does not depend on the number of threads.
// - The caller's buffers are read and written in place (out may be x for growth_grouped).
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/growth.hpp"

namespace regind::growth {

/// The largest series code the grouped functions accept for n rows (codes index tables).
[[nodiscard]] inline std::int64_t max_series_code(std::int64_t n) noexcept { return 4 * n + (1 << 20); }

namespace detail_grouped {

inline constexpr std::int64_t none = -1;

/// Checks the codes and returns the number of series (the largest code + 1).
inline std::size_t series_count(const std::int64_t* codes, std::int64_t n) {
    std::int64_t top = -1;
    for (std::int64_t i = 0; i < n; ++i) top = std::max(top, codes[i]);
    if (top > max_series_code(n))
        throw invalid_input(fmt::format("[regind.invalid_input.groups] series code {} is too large for {} rows (at "
                                        "most {}); number the series 0, 1, 2, ... first",
                                        top, n, max_series_code(n)));
    return static_cast<std::size_t>(top + 1);
}

inline unsigned workers_for(unsigned threads, std::int64_t n) {
    const unsigned t = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    // Below ~256k rows one thread is quicker than starting a second.
    return static_cast<unsigned>(std::max<std::int64_t>(1, std::min<std::int64_t>(t, n / 262144 + 1)));
}

/// Runs job(w, begin, end) over `workers` contiguous row ranges of [0, n).
template <class Job>
void split_rows(unsigned workers, std::int64_t n, Job&& job) {
    const std::int64_t per = (n + workers - 1) / workers;
    const auto range = [&](unsigned w) {
        return std::pair<std::int64_t, std::int64_t>{std::min(n, w * per), std::min(n, (w + 1) * per)};
    };
    if (workers <= 1) {
        job(0u, std::int64_t{0}, n);
        return;
    }
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w)
        pool.emplace_back([&job, &range, w] {
            const auto [b, e] = range(w);
            job(w, b, e);
        });
    const auto [b, e] = range(0);
    job(0u, b, e);
    for (auto& t : pool) t.join();
}

}  // namespace detail_grouped

/// out[i] = growth(x[i], x[p]) where p is the previous row (p < i) with the same code; NaN for
/// the first row of a series and for codes < 0. `out` may be `x`. `threads` 0 = every
/// hardware thread. `series`, when the caller knows it (largest code + 1), saves a pass over
/// the codes; a larger code is then an error.
/// @throws invalid_input for a code above max_series_code(n), or ≥ `series` when given.
inline void growth_grouped(const double* x, const std::int64_t* codes, std::int64_t n, double* out,
                           unsigned threads = 0, std::size_t series = 0) {
    namespace d = detail_grouped;
    if (n <= 0) return;
    if (series == 0) series = d::series_count(codes, n);
    const unsigned workers = d::workers_for(threads, n);
    std::atomic<bool> bad_code{false};
    // With several ranges, each notes the value at its first and last row of every series
    // (read before its rows are written, since out may be x) for the fix-up below.
    std::vector<std::vector<double>> first_x(workers > 1 ? workers : 0), last_x(first_x.size());
    std::vector<std::vector<std::int64_t>> first_row(first_x.size());
    d::split_rows(workers, n, [&](unsigned w, std::int64_t b, std::int64_t e) {
        if (workers > 1) {
            auto& fr = first_row[w];
            auto& fx = first_x[w];
            auto& lx = last_x[w];
            fr.assign(series, d::none);
            fx.assign(series, detail::growth_nan);
            lx.assign(series, detail::growth_nan);
            for (std::int64_t i = b; i < e; ++i) {
                if (codes[i] < 0) continue;
                const auto g = static_cast<std::size_t>(codes[i]);
                if (g >= series) {
                    bad_code = true;  // no exception may leave a worker thread
                    return;
                }
                if (fr[g] == d::none) {
                    fr[g] = i;
                    fx[g] = x[i];
                }
                lx[g] = x[i];
            }
        }
        // Rows usually come a series at a time, so a row continuing the previous row's series
        // grows from that row's value, kept in `last`: the table of previous values is read and
        // written only where a run of one code begins (this halved the loop's time). `last` is
        // read before out[i] is written, since out may be x.
        std::vector<double> prev(series, detail::growth_nan);
        std::int64_t run = -1;
        double last = detail::growth_nan;
        for (std::int64_t i = b; i < e; ++i) {
            const double xi = x[i];
            const auto c = codes[i];
            double base = last;
            if (c != run) {
                if (c >= 0 && static_cast<std::size_t>(c) >= series) {
                    bad_code = true;
                    return;
                }
                if (run >= 0) prev[static_cast<std::size_t>(run)] = last;  // the run before ends
                base = c >= 0 ? prev[static_cast<std::size_t>(c)] : detail::growth_nan;
                run = c;
            }
            out[i] = c >= 0 ? growth(xi, base) : detail::growth_nan;
            last = xi;
        }
    });
    if (bad_code)
        throw invalid_input(fmt::format("[regind.invalid_input.groups] growth_grouped: a series code is ≥ the {} "
                                        "series given",
                                        series));
    if (workers <= 1) return;
    // A range's first row of series g grows from the last value of g in the ranges before it.
    std::vector<double> carry(last_x[0]);
    std::vector<char> has(series, 0);
    for (std::size_t g = 0; g < series; ++g) has[g] = first_row[0][g] != d::none;
    for (unsigned w = 1; w < workers; ++w)
        for (std::size_t g = 0; g < series; ++g) {
            const auto f = first_row[w][g];
            if (f == d::none) continue;
            if (has[g]) out[f] = growth(first_x[w][g], carry[g]);
            carry[g] = last_x[w][g];
            has[g] = 1;
        }
}

/// The CAGR of every series between its first and last non-NaN values:
/// out[g] = (last / first)^(1 / (t_last − t_first)) − 1, where t are the rows' `periods`, or,
/// when periods is null, the rows' places in their series (0, 1, ...). NaN for a series with
/// fewer than two values, t_last ≤ t_first, or a non-positive end (as cagr()). The result has
/// one entry per code 0 .. max code (`series` entries when the caller gives it, as for
/// growth_grouped).
/// @throws invalid_input for a code above max_series_code(n), or ≥ `series` when given.
[[nodiscard]] inline std::vector<double> cagr_grouped(const double* x, const double* periods,
                                                      const std::int64_t* codes, std::int64_t n, unsigned threads = 0,
                                                      std::size_t series = 0) {
    namespace d = detail_grouped;
    if (series == 0 && n > 0) series = d::series_count(codes, n);
    std::vector<double> out(series, detail::growth_nan);
    if (series == 0 || n <= 0) return out;
    std::atomic<bool> bad_code{false};
    const unsigned workers = d::workers_for(threads, n);
    // Per range and series: the first and last non-NaN (value, period), and the rows seen (for
    // the default periods).
    struct ends {
        std::vector<double> first_v, first_t, last_v, last_t;
        std::vector<std::int64_t> rows;
    };
    std::vector<ends> part(workers);
    d::split_rows(workers, n, [&](unsigned w, std::int64_t b, std::int64_t e) {
        auto& p = part[w];
        for (auto* v : {&p.first_v, &p.first_t, &p.last_v, &p.last_t}) v->assign(series, detail::growth_nan);
        p.rows.assign(series, 0);
        for (std::int64_t i = b; i < e; ++i) {
            if (codes[i] < 0) continue;
            const auto g = static_cast<std::size_t>(codes[i]);
            if (g >= series) {
                bad_code = true;  // no exception may leave a worker thread
                return;
            }
            const double t = periods ? periods[i] : static_cast<double>(p.rows[g]);
            ++p.rows[g];
            if (std::isnan(x[i])) continue;
            if (std::isnan(p.first_v[g])) {
                p.first_v[g] = x[i];
                p.first_t[g] = t;
            }
            p.last_v[g] = x[i];
            p.last_t[g] = t;
        }
    });
    if (bad_code)
        throw invalid_input(fmt::format("[regind.invalid_input.groups] cagr_grouped: a series code is ≥ the {} "
                                        "series given",
                                        series));
    std::vector<std::int64_t> rows_before(series, 0);
    std::vector<double> fv(series, detail::growth_nan), ft(fv), lv(fv), lt(fv);
    for (const auto& p : part) {
        for (std::size_t g = 0; g < series; ++g) {
            if (std::isnan(p.first_v[g])) {
                rows_before[g] += p.rows[g];
                continue;
            }
            // Default periods count rows from each range's start: shift by the rows before it.
            const double shift = periods ? 0.0 : static_cast<double>(rows_before[g]);
            if (std::isnan(fv[g])) {
                fv[g] = p.first_v[g];
                ft[g] = p.first_t[g] + shift;
            }
            lv[g] = p.last_v[g];
            lt[g] = p.last_t[g] + shift;
            rows_before[g] += p.rows[g];
        }
    }
    for (std::size_t g = 0; g < series; ++g) {
        const double years = lt[g] - ft[g];
        out[g] = years > 0.0 ? impl::compound_rate(fv[g], lv[g], years) : detail::growth_nan;
    }
    return out;
}

}  // namespace regind::growth
