// SPDX-License-Identifier: MIT
// Ranks within groups for long tables (REFERENCE-METHODS.md §D3): one value column and one
// integer group code per row, e.g. 3,000 regions × 200 indicators × 30 periods ranked within
// each (indicator, period). Same results as rank_within() (and pandas'
// `Series.groupby(codes).rank(...)`), built for size:
// - Rows are bucketed by group with a counting sort (O(n), stable, no comparison sort on the
//   codes), so the codes must be small non-negative integers (a code < 0 means "no group").
// - Each group sorts 16-byte (key, place) pairs, where the key is the double mapped to an
//   unsigned integer whose order is the numeric order (−0.0 folded onto 0.0, so they tie;
//   descending = the bitwise complement; NaN above all). Integer compares on one contiguous
//   block per group replace the indirect double compares of rank_strided(). Ties keep row
//   order, as the stable sort there does, because the place in the group breaks them.
// - Every pass reads and writes memory in order (see rank_grouped), which on a table of
//   millions of rows matters more than the sort itself. Work is split between threads so that
//   every element is written by exactly one thread: no locks. The caller's buffers are read
//   and written in place.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <fmt/format.h>

#include "regind/detail/code_range.hpp"
#include "regind/error.hpp"
#include "regind/ranking.hpp"

namespace regind {

namespace detail {

/// The key of NaN: above every key of a number, ascending or descending.
inline constexpr std::uint64_t nan_key = ~std::uint64_t{0};

/// An unsigned integer with the same order as the double v (descending: the reverse order);
/// 0.0 and −0.0 share a key, and NaN gets nan_key.
inline std::uint64_t order_key(double v, bool ascending) noexcept {
    if (std::isnan(v)) return nan_key;
    if (v == 0.0) v = 0.0;
    std::uint64_t u;
    std::memcpy(&u, &v, sizeof u);
    u = (u >> 63) ? ~u : (u | (std::uint64_t{1} << 63));
    return ascending ? u : ~u;  // neither is ever nan_key: that is a NaN's bit pattern
}

/// The number of bits needed to write v (0 for 0).
inline unsigned bit_width(std::uint64_t v) noexcept {
    unsigned b = 0;
    for (; v != 0; v >>= 1) ++b;
    return b;
}

/// Sorts words[0, m) by their bits [low, low + width), keeping the order of words equal there:
/// a least-significant-digit radix sort in passes of up to 11 bits (fewer passes than bytes:
/// 52 key bits take 5 instead of 7), skipping the digits all words share. `spare` holds m
/// words. (It replaced std::sort with (key, place) compares, which took 35 % of the first
/// version's profile.)
inline void radix_sort_bits(std::uint64_t* words, std::size_t m, unsigned low, unsigned width, std::uint64_t* spare) {
    if (m < 64) {  // insertion sort: cheaper than the histograms for a few values
        const auto high = [&](std::uint64_t w) { return width == 0 ? 0 : (w >> low); };
        for (std::size_t i = 1; i < m; ++i)
            for (std::size_t j = i; j > 0 && high(words[j]) < high(words[j - 1]); --j) std::swap(words[j], words[j - 1]);
        return;
    }
    constexpr unsigned max_bits = 11, max_digits = 6;  // 6 × 11 ≥ 64
    const unsigned digits = (width + max_bits - 1) / max_bits;
    if (digits == 0) return;
    const unsigned bits = (width + digits - 1) / digits;
    const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
    const std::size_t buckets = std::size_t{1} << bits;
    std::uint32_t count[max_digits][std::size_t{1} << max_bits];
    for (unsigned d = 0; d < digits; ++d) std::fill(count[d], count[d] + buckets, 0u);
    for (std::size_t i = 0; i < m; ++i)
        for (unsigned d = 0; d < digits; ++d) ++count[d][(words[i] >> (low + bits * d)) & mask];
    std::uint64_t* from = words;
    std::uint64_t* to = spare;
    for (unsigned d = 0; d < digits; ++d) {
        const unsigned shift = low + bits * d;
        auto* c = count[d];
        if (c[(words[0] >> shift) & mask] == m) continue;  // every word has this digit
        std::uint32_t at = 0;
        for (std::size_t b = 0; b < buckets; ++b) {
            const auto k = c[b];
            c[b] = at;
            at += k;
        }
        for (std::size_t i = 0; i < m; ++i) to[c[(from[i] >> shift) & mask]++] = from[i];
        std::swap(from, to);
    }
    if (from != words) std::copy(from, from + m, words);
}

/// Sorts the places 0 .. m−1 of one group by keys[place], keeping place order for equal keys
/// (NaN's key is the largest): order[k] is the k-th place, sorted[k] its key.
///
/// Each place becomes one 8-byte word, the top bits of (key − smallest key) above the place,
/// and the words are radix-sorted on those key bits alone: half the memory traffic of sorting
/// 16-byte (key, place) pairs. At most 44 key bits are kept (4 radix passes; values of one
/// magnitude then still differ there unless they agree to about 12 significant digits), so
/// keys that differ only in the dropped bits may come out in place order instead of key order.
/// That is checked, and such runs are sorted again by full key.
inline void sort_places(const std::uint64_t* keys, std::size_t m, std::uint64_t* order, std::uint64_t* sorted,
                        std::uint64_t* spare) {
    constexpr unsigned most_kept = 44;
    if (m == 0) return;
    std::uint64_t lo = nan_key, hi = 0;
    for (std::size_t k = 0; k < m; ++k) {  // without branches: NaN comes anywhere
        const bool number = keys[k] != nan_key;
        lo = std::min(lo, number ? keys[k] : nan_key);
        hi = std::max(hi, number ? keys[k] : 0);
    }
    // Numbers become (key − lo) >> dropped; NaN one above the largest of them, so NaN never
    // shares a word value with a number. The extra bit for that makes span_bits.
    const std::uint64_t spread = lo == nan_key ? 0 : hi - lo;
    const unsigned place_bits = bit_width(m - 1);
    const unsigned span_bits = bit_width(spread) + 1;
    const unsigned kept = std::min({span_bits, 64 - place_bits, most_kept});
    const unsigned dropped = span_bits - kept;
    const std::uint64_t nan_value = (spread >> dropped) + 1;
    const auto shortened = [&](std::uint64_t key) { return key == nan_key ? nan_value : (key - lo) >> dropped; };
    for (std::size_t k = 0; k < m; ++k) order[k] = (shortened(keys[k]) << place_bits) | k;
    radix_sort_bits(order, m, place_bits, kept, spare);
    const std::uint64_t place_mask = place_bits == 0 ? 0 : (~std::uint64_t{0} >> (64 - place_bits));
    bool in_order = true;
    for (std::size_t k = 0; k < m; ++k) {
        order[k] &= place_mask;
        sorted[k] = keys[order[k]];
        in_order = in_order && (k == 0 || sorted[k] >= sorted[k - 1]);
    }
    if (in_order) return;  // always so when no bits were dropped
    // Runs of equal shortened keys that are out of key order: sort them by full key (stable).
    for (std::size_t s = 0; s < m;) {
        std::size_t e = s + 1;
        bool run_in_order = true;
        for (; e < m && shortened(sorted[e]) == shortened(sorted[s]); ++e)
            run_in_order = run_in_order && sorted[e] >= sorted[e - 1];
        if (!run_in_order) {
            std::stable_sort(order + s, order + e, [&](std::uint64_t a, std::uint64_t b) { return keys[a] < keys[b]; });
            for (std::size_t k = s; k < e; ++k) sorted[k] = keys[order[k]];
        }
        s = e;
    }
}

/// Ranks one group in place: block[k] holds the order key of its k-th row and gets that row's
/// rank instead (the double's bits: the keys are not read once sorted, so no second table of
/// ranks and no copy back are needed). `order`, `sorted` and `spare` are scratch for
/// m words each.
inline void rank_keys(std::uint64_t* block, std::size_t m, const rank_options& o, std::uint64_t* order,
                      std::uint64_t* sorted, std::uint64_t* spare) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    sort_places(block, m, order, sorted, spare);
    const auto store = [&](std::size_t place, double r) { std::memcpy(block + place, &r, sizeof r); };
    const auto key = [&](std::size_t k) { return sorted[k]; };
    std::size_t valued = m;
    while (valued > 0 && key(valued - 1) == nan_key) --valued;
    const std::size_t n_nan = m - valued;
    if (n_nan > 0 && o.na_option == rank_na::propagate) {
        for (std::size_t k = 0; k < m; ++k) store(k, nan);
        return;
    }
    const bool nan_ranked = n_nan > 0 && (o.na_option == rank_na::top || o.na_option == rank_na::bottom);
    const bool nan_first = nan_ranked && o.na_option == rank_na::top;
    // Ranks of the numbers count on from `offset`: the NaN tie group comes first for top.
    const std::size_t offset = nan_first ? n_nan : 0;
    std::size_t tie_groups = 0;  // only a dense pct rank needs it
    if (o.pct && o.method == rank_method::dense)
        for (std::size_t s = 0; s < valued; ++s) tie_groups += s == 0 || key(s) != key(s - 1);
    const std::size_t all_groups = tie_groups + (nan_ranked ? 1 : 0);
    const std::size_t ranked = valued + (nan_ranked ? n_nan : 0);
    const double denominator = o.pct ? static_cast<double>(o.method == rank_method::dense ? all_groups : ranked) : 1.0;
    // s, e: the tie group's places [s, e) counted from 0; k: the value's place; dense: its tie group.
    const auto rank_at = [&](std::size_t s, std::size_t e, std::size_t k, std::size_t dense) {
        double r = 0.0;
        switch (o.method) {
            // Mean of s+1 .. e; (s + 1 + e) is an integer, so halving it is exact.
            case rank_method::average: r = static_cast<double>(s + 1 + e) / 2.0; break;
            case rank_method::min: r = static_cast<double>(s + 1); break;
            case rank_method::max: r = static_cast<double>(e); break;
            case rank_method::first: r = static_cast<double>(k + 1); break;
            case rank_method::dense: r = static_cast<double>(dense); break;
        }
        return o.pct ? r / denominator : r;
    };
    const auto put = [&](std::size_t k, std::size_t r) {
        store(order[k], o.pct ? static_cast<double>(r) / denominator : static_cast<double>(r));
    };
    // The numbers: one loop per method, each with no branch on the data but "a new tie group
    // starts here" (ties of one or two values come unpredictably, so a loop over tie groups
    // mispredicted often; with a loop over tie groups the ranking took twice as long on 18M values).
    std::size_t dense = nan_first ? 1 : 0;
    switch (o.method) {
        case rank_method::min:
            for (std::size_t k = 0, s = 0; k < valued; ++k) {
                s = k > 0 && key(k) != key(k - 1) ? k : s;
                put(k, s + offset + 1);
            }
            break;
        case rank_method::max:
            for (std::size_t k = valued, e = valued; k-- > 0;) {
                e = k + 1 < valued && key(k) != key(k + 1) ? k + 1 : e;
                put(k, e + offset);
            }
            break;
        case rank_method::first:
            for (std::size_t k = 0; k < valued; ++k) put(k, k + offset + 1);
            break;
        case rank_method::dense:
            for (std::size_t k = 0; k < valued; ++k) {
                dense += k == 0 || key(k) != key(k - 1);
                put(k, dense);
            }
            break;
        case rank_method::average:
            for (std::size_t s = 0; s < valued;) {
                std::size_t e = s + 1;
                while (e < valued && key(e) == key(s)) ++e;
                for (std::size_t k = s; k < e; ++k) store(order[k], rank_at(s + offset, e + offset, k + offset, 0));
                s = e;
            }
            break;
    }
    if (n_nan == 0) return;
    const std::size_t s = nan_first ? 0 : valued;
    const std::size_t d = nan_first ? 1 : dense + 1;
    for (std::size_t k = 0; k < n_nan; ++k)
        store(order[valued + k], nan_ranked ? rank_at(s, s + n_nan, s + k, d) : nan);
}

/// An uninitialised block of memory. On Linux, a large one is mapped with transparent huge
/// pages requested, so a 288 MB scratch table takes ~150 page faults instead of ~70,000: pass 1
/// of rank_grouped on 18 million rows went from 0.23 s to 0.10 s. (When the kernel must first
/// compact memory to find huge pages, that one call is slower instead.)
class raw_block {
public:
    explicit raw_block(std::size_t bytes) : bytes_(bytes) {
#if defined(__linux__)
        if (bytes_ >= (std::size_t{1} << 24)) {
            void* p = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p != MAP_FAILED) {
                madvise(p, bytes_, MADV_HUGEPAGE);  // a hint: without THP it is ordinary pages
                data_ = p;
                mapped_ = true;
                return;
            }
        }
#endif
        data_ = ::operator new(bytes_ == 0 ? 1 : bytes_);
    }
    raw_block(const raw_block&) = delete;
    raw_block& operator=(const raw_block&) = delete;
    ~raw_block() {
#if defined(__linux__)
        if (mapped_) {
            munmap(data_, bytes_);
            return;
        }
#endif
        ::operator delete(data_);
    }
    [[nodiscard]] std::size_t bytes() const noexcept { return bytes_; }
    [[nodiscard]] void* get() const noexcept { return data_; }

private:
    std::size_t bytes_;
    void* data_ = nullptr;
    bool mapped_ = false;
};

/// Keeps the last large scratch block for the next call instead of returning it to the system:
/// the system zeroes every fresh page, which took 10–20 % of rank_grouped on 18M rows. One
/// block is kept (the larger when two come back), up to 4 GiB; a call made while it is lent
/// out maps its own. release_scratch_memory() gives it back to the system.
class scratch_pool {
public:
    static scratch_pool& instance() {
        static scratch_pool pool;
        return pool;
    }
    std::unique_ptr<raw_block> take(std::size_t bytes) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (kept_ && kept_->bytes() >= bytes) return std::move(kept_);
        }
        return std::make_unique<raw_block>(bytes);
    }
    void give_back(std::unique_ptr<raw_block> block) {
        if (!block || block->bytes() < keep_from || block->bytes() > keep_up_to) return;
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!kept_ || kept_->bytes() < block->bytes()) kept_ = std::move(block);
    }
    void release() {
        std::unique_ptr<raw_block> gone;
        const std::lock_guard<std::mutex> lock(mutex_);
        gone = std::move(kept_);
    }

private:
    static constexpr std::size_t keep_from = std::size_t{1} << 24, keep_up_to = std::size_t{1} << 32;
    std::mutex mutex_;
    std::unique_ptr<raw_block> kept_;
};

/// n uninitialised T borrowed from the scratch pool for the lifetime of this object.
template <class T>
class scratch_array {
public:
    explicit scratch_array(std::size_t n) : block_(scratch_pool::instance().take(n * sizeof(T))) {}
    scratch_array(const scratch_array&) = delete;
    scratch_array& operator=(const scratch_array&) = delete;
    ~scratch_array() { scratch_pool::instance().give_back(std::move(block_)); }
    T* get() const noexcept { return static_cast<T*>(block_->get()); }
    T& operator[](std::size_t i) const noexcept { return get()[i]; }

private:
    std::unique_ptr<raw_block> block_;
};

inline unsigned worker_count(unsigned threads, std::size_t jobs) {
    unsigned t = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(t, jobs)));
}

/// Runs job(w) for w < workers, on the calling thread alone when workers is 1.
template <class Job>
void run_workers(unsigned workers, Job&& job) {
    if (workers <= 1) {
        job(0u);
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back([&job, w] { job(w); });
    job(0u);
    for (auto& t : pool) t.join();
}

}  // namespace detail

/// Returns the scratch memory rank_grouped() keeps between calls (one block, e.g. 144 MB after
/// ranking 18 million values) to the system.
inline void release_scratch_memory() { detail::scratch_pool::instance().release(); }

/// The largest group code rank_grouped() accepts for n rows: codes index a table of counts, so
/// they must stay near the number of rows (factorize wider labels first).
[[nodiscard]] inline std::int64_t max_group_code(std::int64_t n) noexcept { return 4 * n + (1 << 20); }

namespace detail {

/// Counts the rows of every code in rows [b, e) into `count`, which grows as codes appear
/// (doubling), so no separate pass is needed to find the largest code. Returns the largest
/// code seen, or, when a code is above `limit` (or negative and `stop_on_negative`), that code
/// as `bad` and stops.
struct code_count {
    std::int64_t top = -1;
    std::int64_t bad = 0;
    bool failed = false;
};
template <class Slot>
code_count count_codes(const std::int64_t* codes, std::size_t b, std::size_t e, std::int64_t limit,
                       bool stop_on_negative, std::vector<Slot>& count) {
    code_count r;
    for (std::size_t i = b; i < e; ++i) {
        const std::int64_t c = codes[i];
        if (c < 0) {
            if (!stop_on_negative) continue;
            return {r.top, c, true};
        }
        if (c > limit) return {r.top, c, true};
        const auto g = static_cast<std::size_t>(c);
        if (g >= count.size()) count.resize(std::min(static_cast<std::size_t>(limit) + 1, std::max(g + 1, 2 * count.size())), 0);
        ++count[g];
        r.top = std::max(r.top, c);
    }
    return r;
}

/// rank_grouped's work; false (nothing written) when a code is above max_group_code(n) or,
/// with stop_on_negative, below 0. `bad` then holds it. Slot: the type of the write cursors,
/// 32-bit below 2^32 rows, so that 6,000 groups' cursors fit in the L1 cache (passes 1 and 3
/// update one per row).
template <class Slot>
bool rank_grouped_rows(const double* x, const std::int64_t* codes, std::int64_t n, double* out, const rank_options& o,
                       unsigned threads, bool stop_on_negative, std::int64_t& bad) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const auto rows = static_cast<std::size_t>(n);
    // Below ~64k rows a second thread costs more than it saves.
    const unsigned workers = detail::worker_count(threads, rows / 65536 + 1);
    const std::size_t per = (rows + workers - 1) / workers;
    const auto row_range = [&](unsigned w) {
        return std::pair<std::size_t, std::size_t>{std::min(rows, w * per), std::min(rows, (w + 1) * per)};
    };

    // cursor[w][g]: rows of group g in worker w's row range, then its first slot.
    std::vector<std::vector<Slot>> cursor(workers);
    std::vector<code_count> counted(workers);
    detail::run_workers(workers, [&](unsigned w) {
        const auto [b, e] = row_range(w);
        cursor[w].assign(std::min<std::size_t>(rows, 1024), 0);
        counted[w] = count_codes(codes, b, e, max_group_code(n), stop_on_negative, cursor[w]);
    });
    std::int64_t top = -1;
    for (const auto& c : counted) {
        if (c.failed) {
            bad = c.bad;
            return false;
        }
        top = std::max(top, c.top);
    }
    if (o.na_option == rank_na::raise)
        for (std::int64_t i = 0; i < n; ++i)
            if (codes[i] >= 0 && std::isnan(x[i]))
                throw invalid_input(fmt::format("[regind.invalid_input.nan] value {} of {} is NaN and na_option is "
                                                "'raise'", i, n));
    const auto n_groups = static_cast<std::size_t>(top + 1);
    for (auto& c : cursor) c.resize(n_groups, 0);
    std::vector<std::size_t> start(n_groups + 1, 0);
    for (std::size_t g = 0, slot = 0; g < n_groups; ++g) {
        start[g] = slot;
        for (unsigned w = 0; w < workers; ++w) {
            auto& c = cursor[w][g];
            const std::size_t count = c;
            c = static_cast<Slot>(slot);
            slot += count;
        }
        start[g + 1] = slot;
    }
    const std::size_t grouped = start[n_groups];
    // Not value-initialised (pass 1 writes every element), huge pages where the system allows
    // (see scratch_array). One 8-byte key per row, each group's block in place order; after
    // pass 2 a group's block holds its ranks instead, as doubles in place order.
    const detail::scratch_array<std::uint64_t> items(grouped);
    std::uint64_t* const base = items.get();
    // Visits the rows of worker w's range with their slots. The slot `ahead` rows on is
    // prefetched (as it stands now: exact unless its group comes again in between): each row
    // touches a different one of thousands of cache lines, and waiting for them was a third
    // of passes 1 and 3.
    const auto scatter = [&](unsigned w, auto&& visit) {
        constexpr std::size_t ahead = 32;
        auto c = cursor[w];
        const auto [b, e] = row_range(w);
        for (std::size_t i = b; i < e; ++i) {
#if defined(__GNUC__)
            if (i + ahead < e && codes[i + ahead] >= 0)
                __builtin_prefetch(base + c[static_cast<std::size_t>(codes[i + ahead])], 1);
#endif
            const auto g = codes[i];
            if (g < 0) visit(i, grouped);
            else visit(i, static_cast<std::size_t>(c[static_cast<std::size_t>(g)]++));
        }
    };
    // Pass 1.
    detail::run_workers(workers, [&](unsigned w) {
        scatter(w, [&](std::size_t i, std::size_t slot) {
            if (slot == grouped) return;
            base[slot] = detail::order_key(x[i], o.ascending);
        });
    });
    // Pass 2.
    std::atomic<std::size_t> next{0};
    constexpr std::size_t chunk = 8;  // groups taken per visit to the shared counter
    detail::run_workers(detail::worker_count(threads, n_groups / chunk + 1), [&](unsigned) {
        std::vector<std::uint64_t> order, sorted, spare;
        for (std::size_t g0 = next.fetch_add(chunk); g0 < n_groups; g0 = next.fetch_add(chunk))
            for (std::size_t g = g0; g < std::min(g0 + chunk, n_groups); ++g) {
                const std::size_t m = start[g + 1] - start[g];
                if (m == 0) continue;
                order.resize(m);
                sorted.resize(m);
                spare.resize(m);
                detail::rank_keys(items.get() + start[g], m, o, order.data(), sorted.data(), spare.data());
            }
    });
    // Pass 3.
    detail::run_workers(workers, [&](unsigned w) {
        scatter(w, [&](std::size_t i, std::size_t slot) {
            if (slot == grouped) {
                out[i] = nan;
                return;
            }
            std::memcpy(out + i, base + slot, sizeof(double));  // the rank pass 2 left there
        });
    });
    return true;
}

inline bool rank_grouped_rows_any(const double* x, const std::int64_t* codes, std::int64_t n, double* out,
                                  const rank_options& o, unsigned threads, bool stop_on_negative, std::int64_t& bad) {
    if (static_cast<std::uint64_t>(n) < std::numeric_limits<std::uint32_t>::max())
        return rank_grouped_rows<std::uint32_t>(x, codes, n, out, o, threads, stop_on_negative, bad);
    return rank_grouped_rows<std::size_t>(x, codes, n, out, o, threads, stop_on_negative, bad);
}

}  // namespace detail

/// Ranks x[i] among the rows with the same code (codes[i] ≥ 0; a negative code gives NaN) into
/// out[i], for i < n, on `threads` threads (0 = every hardware thread). `out` may be `x`.
/// Equals rank_within() with the same codes.
///
/// Three passes, each touching memory in order: (1) rows are scattered by code into one
/// contiguous block per group as (key, place-in-group) pairs (a counting sort, stable); (2) each
/// block is sorted and ranked, the ranks written by place-in-group into a block of the same
/// layout; (3) the ranks are gathered back in row order. Passes 1 and 3 split the rows between
/// threads, each with its own write cursors; pass 2 shares out the groups. Before them, one
/// pass counts the rows of every code; its table grows as codes appear.
/// @throws invalid_input for a code above max_group_code(n), or a NaN under na_option raise.
inline void rank_grouped(const double* x, const std::int64_t* codes, std::int64_t n, double* out,
                         const rank_options& o, unsigned threads = 0) {
    if (n <= 0) return;
    std::int64_t bad = 0;
    if (!detail::rank_grouped_rows_any(x, codes, n, out, o, threads, false, bad))
        throw invalid_input(fmt::format("[regind.invalid_input.groups] group code {} is too large for {} rows (at most "
                                        "{}); number the groups 0, 1, 2, ... first",
                                        bad, n, max_group_code(n)));
}

/// rank_grouped() for codes that may not be usable as they are (Python's integer labels):
/// false, with nothing written, when a code is negative or above max_group_code(n), so that the
/// caller numbers its labels and calls rank_grouped(). Saves the caller a pass over the codes.
/// @throws invalid_input for a NaN under na_option raise.
[[nodiscard]] inline bool try_rank_grouped(const double* x, const std::int64_t* codes, std::int64_t n, double* out,
                                           const rank_options& o, unsigned threads = 0) {
    if (n <= 0) return true;
    std::int64_t bad = 0;
    return detail::rank_grouped_rows_any(x, codes, n, out, o, threads, true, bad);
}

}  // namespace regind
