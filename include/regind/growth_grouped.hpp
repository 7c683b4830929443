// SPDX-License-Identifier: MIT
// Growth over long tables (REFERENCE-METHODS.md §A1): one value column and one integer series
// code per row (e.g. region × indicator), rows of a series in period order. Year-on-year
// growth against the previous row of the same series (pandas' groupby().pct_change(), but with
// growth()'s rule that a base ≤ 0 gives NaN), and the CAGR between each series' first and last
// values.
//
// Design notes:
// - One pass over the rows, a run of one code at a time, with a table "last value seen" per
//   code, so rows need not be sorted by series, only by period within a series. The table is
//   read and written only where a run starts, and inside a run growth is a plain loop over
//   neighbouring rows (which the compiler vectorises). Codes are small non-negative integers
//   (a code < 0 is "no series": growth NaN); max_series_code() bounds them. Growth's table
//   grows as codes appear, so no separate pass over the codes is needed to size it; CAGR's
//   records are five times larger, and a pass for the largest code is cheaper there.
// - Threads split the rows into contiguous ranges. Each range keeps its own tables; the few
//   rows whose previous row lies in an earlier range are fixed afterwards, in range order, so
//   the result does not depend on the number of threads.
// - The caller's buffers are read and written in place (out may be x for growth_grouped).
// - try_growth_grouped / try_cagr_grouped serve callers whose labels are usually small codes
//   but may be anything (Python): instead of a separate pass to check the codes first, they
//   report a negative or too large code, and the caller numbers its labels and calls again.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "regind/detail/code_range.hpp"
#include "regind/error.hpp"
#include "regind/growth.hpp"

namespace regind::growth {

/// The largest series code the grouped functions accept for n rows (codes index tables).
[[nodiscard]] inline std::int64_t max_series_code(std::int64_t n) noexcept { return 4 * n + (1 << 20); }

namespace detail_grouped {

inline constexpr std::int64_t none = -1;

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

/// What a worker found wrong with the codes (no exception may leave a worker thread).
struct code_fault {
    bool negative = false;         ///< a code < 0 where the caller wanted to hear of it
    std::int64_t too_large = none;  ///< the first code ≥ the limit, if any
    [[nodiscard]] bool any() const noexcept { return negative || too_large != none; }
};

/// The new size of per-series tables that must hold code g: at least double, at most `limit`,
/// so that growing them as codes appear costs O(1) per code.
inline std::size_t grown_size(std::size_t g, std::size_t size, std::size_t limit) noexcept {
    return std::min(limit, std::max(g + 1, 2 * size));
}

/// Calls run(code, begin, end) for every run of equal codes in rows [b, e), after checking the
/// code against `limit` (and, when stop_on_negative, that it is ≥ 0). Stops at the first bad
/// code, recording it in `fault`, or when run() returns false.
template <class Run>
void for_each_run(const std::int64_t* codes, std::int64_t b, std::int64_t e, std::size_t limit, bool stop_on_negative,
                  code_fault& fault, Run&& run) {
    for (std::int64_t i = b; i < e;) {
        const std::int64_t c = codes[i];
        std::int64_t j = i + 1;
        while (j < e && codes[j] == c) ++j;
        if (c < 0 && stop_on_negative) {
            fault.negative = true;
            return;
        }
        if (c >= 0 && static_cast<std::uint64_t>(c) >= limit) {
            fault.too_large = c;
            return;
        }
        if (!run(c, i, j)) return;
        i = j;
    }
}

/// A first size for tables that grow as codes appear: the largest code + 1 among 1,024 evenly
/// spaced rows (at most `limit`). Usually near the final size, so the doubling and copying is
/// mostly skipped (it cost CAGR 7 ms of 23 on 18M rows).
inline std::size_t series_guess(const std::int64_t* codes, std::int64_t n, std::size_t limit) {
    std::int64_t top = 0;
    const std::int64_t step = std::max<std::int64_t>(1, n / 1024);
    for (std::int64_t i = 0; i < n; i += step) top = std::max(top, codes[i]);
    return std::min(limit, static_cast<std::size_t>(top) + 1);
}

/// out[k] = growth(x[k], x[k − 1]) for 0 < k < m, out[0] = growth(x[0], base), for buffers that
/// do not overlap: written without branches, so the loop vectorises.
inline void growth_run_apart(const double* __restrict x, double* __restrict out, std::int64_t m, double base) {
    out[0] = growth(x[0], base);
    for (std::int64_t k = 1; k < m; ++k) {
        const double previous = x[k - 1];
        const double rate = x[k] / previous - 1.0;
        out[k] = previous > 0.0 ? rate : detail::growth_nan;  // growth()'s rule, as a select
    }
}

/// The same when out is x: backwards, so every x[k − 1] is read before it is overwritten.
inline void growth_run_in_place(double* x, std::int64_t m, double base) {
    for (std::int64_t k = m - 1; k > 0; --k) x[k] = growth(x[k], x[k - 1]);
    x[0] = growth(x[0], base);
}

[[noreturn]] inline void throw_too_large(const char* fn, std::int64_t code, std::int64_t n, std::size_t series) {
    if (series > 0)
        throw invalid_input(fmt::format("[regind.invalid_input.groups] {}: series code {} is ≥ the {} series given",
                                        fn, code, series));
    throw invalid_input(fmt::format("[regind.invalid_input.groups] {}: series code {} is too large for {} rows (at "
                                    "most {}); number the series 0, 1, 2, ... first",
                                    fn, code, n, max_series_code(n)));
}

/// growth_grouped's work; returns the fault that stopped it (out then holds nothing useful).
inline code_fault growth_rows(const double* x, const std::int64_t* codes, std::int64_t n, double* out,
                              unsigned threads, std::size_t series, bool stop_on_negative) {
    const std::size_t limit = series > 0 ? series : static_cast<std::size_t>(max_series_code(n)) + 1;
    const std::size_t initial = series > 0 ? series : series_guess(codes, n, limit);
    const unsigned workers = workers_for(threads, n);
    const bool in_place = out == x;
    // Per range: the last value of every series (then the carry into the next range) and, with
    // several ranges, the first row of every series and x there (read before out may overwrite it).
    std::vector<std::vector<double>> last(workers), first_x(workers);
    std::vector<std::vector<std::int64_t>> first_row(workers);
    std::vector<code_fault> faults(workers);
    split_rows(workers, n, [&](unsigned w, std::int64_t b, std::int64_t e) {
        auto& prev = last[w];
        auto& fr = first_row[w];
        auto& fx = first_x[w];
        prev.assign(initial, detail::growth_nan);
        if (workers > 1) {
            fr.assign(initial, none);
            fx.assign(initial, detail::growth_nan);
        }
        for_each_run(codes, b, e, limit, stop_on_negative, faults[w], [&](std::int64_t c, std::int64_t i, std::int64_t j) {
            if (c < 0) {
                std::fill(out + i, out + j, detail::growth_nan);
                return true;
            }
            const auto g = static_cast<std::size_t>(c);
            if (g >= prev.size()) {
                const std::size_t size = grown_size(g, prev.size(), limit);
                prev.resize(size, detail::growth_nan);
                if (workers > 1) {
                    fr.resize(size, none);
                    fx.resize(size, detail::growth_nan);
                }
            }
            if (workers > 1 && fr[g] == none) {
                fr[g] = i;
                fx[g] = x[i];
            }
            const double base = prev[g];
            prev[g] = x[j - 1];  // read before the run is written, since out may be x
            if (in_place) growth_run_in_place(out + i, j - i, base);
            else growth_run_apart(x + i, out + i, j - i, base);
            return true;
        });
    });
    for (const auto& f : faults)
        if (f.any()) return f;
    // A range's first row of series g grows from the last value of g in the ranges before it.
    if (workers > 1) {
        std::vector<double> carry(last[0]);
        std::vector<char> has(carry.size(), 0);
        for (std::size_t g = 0; g < has.size(); ++g) has[g] = first_row[0][g] != none;
        for (unsigned w = 1; w < workers; ++w) {
            const std::size_t size = first_row[w].size();
            if (size > carry.size()) {
                carry.resize(size, detail::growth_nan);
                has.resize(size, 0);
            }
            for (std::size_t g = 0; g < size; ++g) {
                const auto f = first_row[w][g];
                if (f == none) continue;
                if (has[g]) out[f] = growth(first_x[w][g], carry[g]);
                carry[g] = last[w][g];
                has[g] = 1;
            }
        }
    }
    return {};
}

/// One series in one row range: its first and last non-NaN (value, period) and the rows seen
/// (for the default periods). One record per series keeps a series' updates in one cache line.
struct series_ends {
    double first_v = detail::growth_nan, first_t = detail::growth_nan;
    double last_v = detail::growth_nan, last_t = detail::growth_nan;
    std::int64_t rows = 0;
};

/// cagr_rows' general path: a record per series and range, for series in any row order.
inline code_fault cagr_records(const double* x, const double* periods, const std::int64_t* codes, std::int64_t n,
                            unsigned threads, std::size_t series, bool stop_on_negative, std::vector<double>& out) {
    std::size_t records = series;
    if (series == 0) {
        // Sizing the 40-byte records by a pass over the codes beats growing them as codes appear
        // (doubling and copying 600k of them took 20 ms more). The pass takes the bitwise OR,
        // which vectorises (a min/max of int64 does not, on baseline x86-64: 13 ms against
        // about 5 ms on 18M rows): negative if any code is, else at least the largest code and
        // less than twice it. The exact largest code is found at the runs' starts.
        std::uint64_t any = 0;
        for (std::int64_t i = 0; i < n; ++i) any |= static_cast<std::uint64_t>(codes[i]);
        const auto most = static_cast<std::uint64_t>(max_series_code(n));
        if (any >> 63) {  // a negative code: stop, or find the largest code (−1: none)
            if (stop_on_negative) return {true, none};
            any = static_cast<std::uint64_t>(std::max<std::int64_t>(code_range(codes, n).second, -1) + 1);
            if (any == 0) {
                out.clear();
                return {};
            }
        }
        records = static_cast<std::size_t>(std::min(any, most)) + 1;
    }
    const unsigned workers = workers_for(threads, n);
    std::vector<std::vector<series_ends>> part(workers);
    std::vector<std::int64_t> top(workers, -1);  // the largest code each range saw
    std::vector<code_fault> faults(workers);
    split_rows(workers, n, [&](unsigned w, std::int64_t b, std::int64_t e) {
        auto& p = part[w];
        p.resize(records);
        // Only the codes are read in full: values are read from each end of a run up to the
        // first non-NaN, periods only there.
        for_each_run(codes, b, e, records, stop_on_negative, faults[w], [&](std::int64_t c, std::int64_t i, std::int64_t j) {
            if (c < 0) return true;
            const auto g = static_cast<std::size_t>(c);
            top[w] = std::max(top[w], c);
            auto& s = p[g];
            const std::int64_t before = s.rows;
            s.rows += j - i;
            std::int64_t k = i;
            while (k < j && std::isnan(x[k])) ++k;
            if (k == j) return true;
            std::int64_t m = j - 1;
            while (std::isnan(x[m])) --m;
            const auto period = [&](std::int64_t r) { return periods ? periods[r] : static_cast<double>(before + r - i); };
            if (std::isnan(s.first_v)) {
                s.first_v = x[k];
                s.first_t = period(k);
            }
            s.last_v = x[m];
            s.last_t = period(m);
            return true;
        });
    });
    for (const auto& f : faults)
        if (f.any()) return f;
    const std::size_t size = series > 0 ? series : static_cast<std::size_t>(*std::max_element(top.begin(), top.end()) + 1);
    // The later ranges fold into the first, in row order.
    auto& all = part[0];
    if (all.size() < size) all.resize(size);
    for (unsigned w = 1; w < workers; ++w)
        for (std::size_t g = 0; g < std::min(size, part[w].size()); ++g) {
            const auto& p = part[w][g];
            auto& s = all[g];
            if (!std::isnan(p.first_v)) {
                // Default periods count rows from each range's start: shift by the rows before it.
                const double shift = periods ? 0.0 : static_cast<double>(s.rows);
                if (std::isnan(s.first_v)) {
                    s.first_v = p.first_v;
                    s.first_t = p.first_t + shift;
                }
                s.last_v = p.last_v;
                s.last_t = p.last_t + shift;
            }
            s.rows += p.rows;
        }
    out.resize(size);
    for (std::size_t g = 0; g < size; ++g) {
        const auto& s = all[g];
        const double years = s.last_t - s.first_t;
        out[g] = years > 0.0 ? impl::compound_rate(s.first_v, s.last_v, years) : detail::growth_nan;
    }
    return {};
}

/// cagr_rows' path for tables where every series is one run of rows (sorted by series, the
/// usual layout of a long table): the rate is computed as each run ends, and the only table is
/// the result, which grows as codes appear, so neither records nor a pass to size them are
/// needed (21 → 13 ms on 18M rows). Each range takes the runs that start in it, finishing
/// a run that crosses its end. Returns false, having written nothing useful, when a series
/// comes as more than one run (then the general path runs); faults as cagr_rows.
inline bool cagr_single_runs(const double* x, const double* periods, const std::int64_t* codes, std::int64_t n,
                             unsigned threads, std::size_t series, bool stop_on_negative, std::vector<double>& out,
                             code_fault& fault) {
    const std::size_t limit = series > 0 ? series : static_cast<std::size_t>(max_series_code(n)) + 1;
    const unsigned workers = workers_for(threads, n);
    std::vector<std::vector<double>> rates(workers);
    std::vector<std::vector<char>> seen(workers);
    std::vector<std::int64_t> top(workers, -1);
    std::vector<code_fault> faults(workers);
    std::atomic<bool> repeated{false};
    const std::size_t initial = series > 0 ? series : series_guess(codes, n, limit);
    split_rows(workers, n, [&](unsigned w, std::int64_t b, std::int64_t e) {
        auto& rate = rates[w];
        auto& had = seen[w];
        rate.assign(initial, detail::growth_nan);
        had.assign(initial, 0);
        if (b > 0)  // the run that crosses into this range belongs to the range before
            while (b < e && codes[b] == codes[b - 1]) ++b;
        if (b < e)
            while (e < n && codes[e] == codes[e - 1]) ++e;
        for_each_run(codes, b, e, limit, stop_on_negative, faults[w], [&](std::int64_t c, std::int64_t i, std::int64_t j) {
            if (c < 0) return true;
            const auto g = static_cast<std::size_t>(c);
            if (g >= rate.size()) {
                const std::size_t size = grown_size(g, rate.size(), limit);
                rate.resize(size, detail::growth_nan);
                had.resize(size, 0);
            }
            if (had[g] || repeated.load(std::memory_order_relaxed)) {
                repeated = true;
                return false;
            }
            had[g] = 1;
            top[w] = std::max(top[w], c);
            std::int64_t k = i;
            while (k < j && std::isnan(x[k])) ++k;
            if (k == j) return true;
            std::int64_t m = j - 1;
            while (std::isnan(x[m])) --m;
            // Default periods: the place in the series, which here starts at the run's start.
            const double years = periods ? periods[m] - periods[k] : static_cast<double>(m - k);
            rate[g] = years > 0.0 ? impl::compound_rate(x[k], x[m], years) : detail::growth_nan;
            return true;
        });
    });
    for (const auto& f : faults)
        if (f.any()) {
            fault = f;
            return true;  // the fault decides; no second path
        }
    if (repeated) return false;
    // Ranges take disjoint runs; a series in two ranges is a repeat too.
    out = std::move(rates[0]);
    std::vector<char> claimed = std::move(seen[0]);
    for (unsigned w = 1; w < workers; ++w) {
        if (rates[w].size() > out.size()) {
            out.resize(rates[w].size(), detail::growth_nan);
            claimed.resize(rates[w].size(), 0);
        }
        for (std::size_t g = 0; g < seen[w].size(); ++g) {
            if (!seen[w][g]) continue;
            if (claimed[g]) return false;
            claimed[g] = 1;
            out[g] = rates[w][g];
        }
    }
    out.resize(series > 0 ? series : static_cast<std::size_t>(*std::max_element(top.begin(), top.end()) + 1),
               detail::growth_nan);
    return true;
}

/// cagr_grouped's work: fills `out` and returns no fault, or returns the fault that stopped it.
inline code_fault cagr_rows(const double* x, const double* periods, const std::int64_t* codes, std::int64_t n,
                            unsigned threads, std::size_t series, bool stop_on_negative, std::vector<double>& out) {
    code_fault fault;
    if (cagr_single_runs(x, periods, codes, n, threads, series, stop_on_negative, out, fault)) return fault;
    return cagr_records(x, periods, codes, n, threads, series, stop_on_negative, out);
}

inline void check_not_overlapping(const double* x, const double* out, std::int64_t n) {
    if (out != x && out < x + n && x < out + n)
        throw invalid_input("[regind.invalid_input.out] growth_grouped: out overlaps values without being the same "
                            "buffer; pass values itself or a separate array");
}

}  // namespace detail_grouped

/// out[i] = growth(x[i], x[p]) where p is the previous row (p < i) with the same code; NaN for
/// the first row of a series and for codes < 0. `out` may be `x`. `threads` 0 = every
/// hardware thread. `series`, when the caller knows it (largest code + 1), sizes the tables
/// at once; a larger code is then an error.
/// @throws invalid_input for a code above max_series_code(n), or ≥ `series` when given, or an
/// `out` that overlaps `x` without being `x`.
inline void growth_grouped(const double* x, const std::int64_t* codes, std::int64_t n, double* out,
                           unsigned threads = 0, std::size_t series = 0) {
    namespace d = detail_grouped;
    if (n <= 0) return;
    d::check_not_overlapping(x, out, n);
    const auto fault = d::growth_rows(x, codes, n, out, threads, series, false);
    if (fault.too_large != d::none) d::throw_too_large("growth_grouped", fault.too_large, n, series);
}

/// growth_grouped() for codes that may not be usable as they are: returns false, with out
/// holding nothing useful, on a negative code or one above max_series_code(n), so that the
/// caller can number its labels and call growth_grouped(). When out is x the codes are checked
/// first, so x is never left half overwritten.
/// @throws invalid_input for an `out` that overlaps `x` without being `x`.
[[nodiscard]] inline bool try_growth_grouped(const double* x, const std::int64_t* codes, std::int64_t n, double* out,
                                             unsigned threads = 0) {
    namespace d = detail_grouped;
    if (n <= 0) return true;
    d::check_not_overlapping(x, out, n);
    if (out == x) {
        for (std::int64_t i = 0; i < n; ++i)
            if (codes[i] < 0 || codes[i] > max_series_code(n)) return false;
    }
    return !d::growth_rows(x, codes, n, out, threads, 0, true).any();
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
    std::vector<double> out;
    if (n <= 0) return std::vector<double>(series, detail::growth_nan);
    const auto fault = d::cagr_rows(x, periods, codes, n, threads, series, false, out);
    if (fault.too_large != d::none) d::throw_too_large("cagr_grouped", fault.too_large, n, series);
    return out;
}

/// cagr_grouped() for codes that may not be usable as they are: nullopt on a negative code or
/// one above max_series_code(n), so that the caller can number its labels and call again.
[[nodiscard]] inline std::optional<std::vector<double>> try_cagr_grouped(const double* x, const double* periods,
                                                                         const std::int64_t* codes, std::int64_t n,
                                                                         unsigned threads = 0) {
    std::vector<double> out;
    if (n <= 0) return out;
    if (detail_grouped::cagr_rows(x, periods, codes, n, threads, 0, true, out).any()) return std::nullopt;
    return out;
}

}  // namespace regind::growth
