// SPDX-License-Identifier: MIT
// The long-table ranking kernel rank_grouped() (regind/ranking_grouped.hpp). Hand-counted
// cases first; then agreement with rank_within(), the generic kernel with an independent sort
// (stable sort of doubles rather than of integer keys), over every option on random tables with
// ties, NaN, ±0 and ±inf, on one and on two threads.
#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <thread>
#include <vector>

#include "regind/ranking_grouped.hpp"

using regind::rank_method;
using regind::rank_na;
using regind::rank_options;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

std::vector<double> ranked(const std::vector<double>& x, const std::vector<std::int64_t>& g, rank_options o,
                           unsigned threads = 1) {
    std::vector<double> out(x.size(), -7.0);
    regind::rank_grouped(x.data(), g.data(), static_cast<std::int64_t>(x.size()), out.data(), o, threads);
    return out;
}

}  // namespace

TEST_CASE("rank_grouped: competition ranks within each group, by hand") {
    // Group 0: 10, 20, 20, 30 descending → 4, 2, 2, 1. Group 1: 5, NaN, 7 → 2, NaN, 1.
    // Row 7 has code −1: no group, NaN.
    const std::vector<double> x{10, 5, 20, 20, NaN, 30, 7, 1};
    const std::vector<std::int64_t> g{0, 1, 0, 0, 1, 0, 1, -1};
    rank_options o;
    o.method = rank_method::min;
    o.ascending = false;
    const auto r = ranked(x, g, o);
    const std::vector<double> want{4, 2, 2, 2, NaN, 1, 1, NaN};
    for (std::size_t i = 0; i < x.size(); ++i) CHECK(same(r[i], want[i]));
}

TEST_CASE("rank_grouped: NaN at the bottom, dense percentiles, -0.0 ties 0.0, by hand") {
    // One group: 0.0, NaN, -0.0, -inf, 3. Ascending dense: -inf 1, ±0 2, 3 3, NaN (bottom) 4;
    // pct divides by the highest dense rank, 4.
    const std::vector<double> x{0.0, NaN, -0.0, -inf, 3.0};
    const std::vector<std::int64_t> g{2, 2, 2, 2, 2};
    rank_options o;
    o.method = rank_method::dense;
    o.na_option = rank_na::bottom;
    o.pct = true;
    const auto r = ranked(x, g, o);
    const std::vector<double> want{0.5, 1.0, 0.5, 0.25, 0.75};
    for (std::size_t i = 0; i < x.size(); ++i) CHECK(same(r[i], want[i]));
    o.method = rank_method::average;
    o.na_option = rank_na::top;
    o.pct = false;
    // NaN first (rank 1), then -inf 2, ±0 share 3 and 4 → 3.5, 3 is 5.
    const auto a = ranked(x, g, o);
    const std::vector<double> want_a{3.5, 1.0, 3.5, 2.0, 5.0};
    for (std::size_t i = 0; i < x.size(); ++i) CHECK(same(a[i], want_a[i]));
}

TEST_CASE("rank_grouped: errors") {
    const std::vector<double> x{1.0, NaN};
    rank_options o;
    o.na_option = rank_na::raise;
    CHECK_THROWS_AS(ranked(x, {0, 0}, o), regind::invalid_input);
    o.na_option = rank_na::keep;
    CHECK_THROWS_AS(ranked(x, {0, regind::max_group_code(2) + 1}, o), regind::invalid_input);
    o.na_option = rank_na::propagate;
    const auto r = ranked({1.0, NaN, 3.0}, {0, 0, 1}, o);
    CHECK(std::isnan(r[0]));
    CHECK(std::isnan(r[1]));
    CHECK(r[2] == 1.0);
}

TEST_CASE("rank_grouped agrees with rank_within on random tables, every option, 1 and 2 threads") {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> small(0, 6), group(-1, 40);
    const double pool[] = {NaN, -0.0, 0.0, inf, -inf};
    const std::size_t n = 3000;
    std::vector<double> x(n);
    std::vector<std::int64_t> g(n);
    Eigen::VectorXd xe(static_cast<Eigen::Index>(n));
    regind::group_ids ge(static_cast<Eigen::Index>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const int k = small(rng);
        x[i] = k < 5 && small(rng) == 0 ? pool[k] : static_cast<double>(small(rng)) * 0.5;
        g[i] = group(rng);
        xe[static_cast<Eigen::Index>(i)] = x[i];
        ge[static_cast<Eigen::Index>(i)] = g[i];
    }
    for (auto m : {rank_method::average, rank_method::min, rank_method::max, rank_method::first, rank_method::dense})
        for (auto na : {rank_na::keep, rank_na::top, rank_na::bottom, rank_na::propagate})
            for (bool asc : {true, false})
                for (bool pct : {false, true}) {
                    rank_options o;
                    o.method = m;
                    o.na_option = na;
                    o.ascending = asc;
                    o.pct = pct;
                    const auto want = regind::rank_within(xe, ge, o);
                    for (unsigned threads : {1u, 2u}) {
                        const auto got = ranked(x, g, o, threads);
                        std::size_t bad = 0;
                        for (std::size_t i = 0; i < n; ++i) bad += !same(got[i], want[static_cast<Eigen::Index>(i)]);
                        INFO("method ", regind::to_string(m), " na ", regind::to_string(na), " asc ", asc, " pct ",
                             pct, " threads ", threads);
                        CHECK(bad == 0);
                    }
                }
}

TEST_CASE("rank_grouped: values that differ only far below a wide spread, by hand") {
    // One group of 200: −1e300, 1e300 and 198 values 1 + j ulp (j = 197 .. 0 down the rows).
    // The spread of the keys needs all 64 bits, so the sort words keep only their top bits and
    // the 198 near-equal values share one shortened key; they must still rank by value.
    const std::size_t m = 200;
    std::vector<double> x(m);
    for (std::size_t k = 0; k < 198; ++k) x[k] = 1.0 + static_cast<double>(197 - k) * 0x1p-52;
    x[198] = 1e300;
    x[199] = -1e300;
    const std::vector<std::int64_t> g(m, 0);
    rank_options o;
    o.method = rank_method::min;
    for (unsigned threads : {1u, 2u}) {
        const auto r = ranked(x, g, o, threads);
        std::size_t bad = 0;
        for (std::size_t k = 0; k < 198; ++k) bad += r[k] != static_cast<double>(199 - k);  // j + 2
        CHECK(bad == 0);
        CHECK(r[198] == 200.0);
        CHECK(r[199] == 1.0);
    }
}

TEST_CASE("rank_grouped agrees with rank_within on 200,000 rows of near-equal values with a wide spread") {
    // Large enough for two threads and groups of ~2,000 (the radix path); values pile up within
    // a few ulp of 1 and of 1000 next to ±1e300, so shortened sort keys collide often.
    std::mt19937_64 rng(13);
    const std::size_t n = 200000;
    std::vector<double> x(n);
    std::vector<std::int64_t> g(n);
    Eigen::VectorXd xe(static_cast<Eigen::Index>(n));
    regind::group_ids ge(static_cast<Eigen::Index>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const auto r = rng();
        const double near = (r & 1) ? 1.0 : 1000.0;
        x[i] = r % 97 == 0 ? ((r & 2) ? 1e300 : -1e300) : r % 89 == 0 ? NaN : near * (1.0 + static_cast<double>(r % 9) * 0x1p-52);
        g[i] = static_cast<std::int64_t>((r >> 8) % 100);
        xe[static_cast<Eigen::Index>(i)] = x[i];
        ge[static_cast<Eigen::Index>(i)] = g[i];
    }
    for (auto m : {rank_method::average, rank_method::min, rank_method::max, rank_method::first, rank_method::dense}) {
        rank_options o;
        o.method = m;
        o.na_option = rank_na::bottom;
        const auto want = regind::rank_within(xe, ge, o);
        for (unsigned threads : {1u, 2u}) {
            const auto got = ranked(x, g, o, threads);
            std::size_t bad = 0;
            for (std::size_t i = 0; i < n; ++i) bad += !same(got[i], want[static_cast<Eigen::Index>(i)]);
            INFO("method ", regind::to_string(m), " threads ", threads);
            CHECK(bad == 0);
        }
    }
}

TEST_CASE("try_rank_grouped: codes it cannot use are reported and nothing is written") {
    const std::vector<double> x{3.0, 1.0, 2.0, 5.0};
    rank_options o;
    std::vector<double> out(4, -7.0);
    const std::vector<std::int64_t> negative{0, 0, -2, -2};
    const std::vector<std::int64_t> too_large{0, 0, regind::max_group_code(4) + 1, 1};
    CHECK_FALSE(regind::try_rank_grouped(x.data(), negative.data(), 4, out.data(), o, 1));
    CHECK_FALSE(regind::try_rank_grouped(x.data(), too_large.data(), 4, out.data(), o, 2));
    CHECK(out == std::vector<double>(4, -7.0));
    const std::vector<std::int64_t> good{1, 1, 0, 0};
    REQUIRE(regind::try_rank_grouped(x.data(), good.data(), 4, out.data(), o, 1));
    CHECK(out == std::vector<double>{2.0, 1.0, 1.0, 2.0});
    // The scratch memory kept between calls can be handed back; ranking still works after.
    regind::release_scratch_memory();
    CHECK(ranked(x, good, o) == std::vector<double>{2.0, 1.0, 1.0, 2.0});
}

TEST_CASE("rank_grouped's scratch pool lends a block to one caller at a time") {
    // Four threads borrow 16 MiB blocks (the size the pool keeps) over and over and fill them
    // with their own number: a block lent twice at once would show another thread's number.
    auto& pool = regind::detail::scratch_pool::instance();
    const std::size_t bytes = std::size_t{1} << 24;
    std::atomic<int> clashes{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                auto block = pool.take(bytes);
                auto* p = static_cast<unsigned char*>(block->get());
                for (std::size_t i = 0; i < bytes; i += 4096) p[i] = static_cast<unsigned char>(t);
                for (std::size_t i = 0; i < bytes; i += 4096) clashes += p[i] != static_cast<unsigned char>(t);
                pool.give_back(std::move(block));
            }
        });
    for (auto& t : threads) t.join();
    CHECK(clashes == 0);
    regind::release_scratch_memory();
}
