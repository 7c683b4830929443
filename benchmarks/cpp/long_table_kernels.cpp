// SPDX-License-Identifier: MIT
// The long-table kernels on their own, without Python: rank within (indicator, period), growth
// and CAGR per (region, indicator) on 3,000 regions × 200 indicators × 30 periods (18 million
// values, the shape of benchmarks/bench_long_table.py: log-normal values rounded to 0.01, 1 %
// NaN, rows in (region, indicator, period) order). Prints wall and process CPU time, best of 5,
// on 1 thread and on every core. This is the driver the profiles in BENCHMARKS.md come from:
//
//   g++ -O3 -g -std=c++17 -Iinclude -I/usr/include/eigen3 -o build/long_table_kernels
//       benchmarks/cpp/long_table_kernels.cpp -lfmt -pthread        (one line)
//   build/long_table_kernels                 # or: perf record -g build/long_table_kernels rank
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <random>
#include <vector>

#include "regind/growth_grouped.hpp"
#include "regind/ranking_grouped.hpp"

namespace {

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

void time_it(const char* what, unsigned threads, const std::function<void()>& run) {
    double wall = 1e300, cpu = 1e300;
    for (int rep = 0; rep < 5; ++rep) {
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = cpu_seconds();
        run();
        cpu = std::min(cpu, cpu_seconds() - c0);
        wall = std::min(wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
    }
    std::printf("%-8s threads %u: wall %7.1f ms, cpu %7.1f ms\n", what, threads, wall * 1e3, cpu * 1e3);
}

}  // namespace

int main(int argc, char** argv) {
    const char* only = argc > 1 ? argv[1] : "";
    const std::int64_t regions = 3000, indicators = 200, periods = 30, n = regions * indicators * periods;
    std::vector<double> x(static_cast<std::size_t>(n)), year(x.size()), out(x.size());
    std::vector<std::int64_t> by_indicator_period(x.size()), by_series(x.size());
    std::mt19937_64 rng(1);
    std::lognormal_distribution<double> level(3.0, 1.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (std::int64_t i = 0; i < n; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const std::int64_t p = i % periods, ind = (i / periods) % indicators, r = i / (periods * indicators);
        x[k] = u(rng) < 0.01 ? std::nan("") : std::round(level(rng) * 100.0) / 100.0;
        year[k] = 1995.0 + static_cast<double>(p);
        by_indicator_period[k] = ind * periods + p;
        by_series[k] = r * indicators + ind;
    }
    regind::rank_options o;
    o.method = regind::rank_method::min;
    for (unsigned threads : {1u, 0u}) {
        if (!*only || !std::strcmp(only, "rank"))
            time_it("rank", threads, [&] { regind::rank_grouped(x.data(), by_indicator_period.data(), n, out.data(), o, threads); });
        if (!*only || !std::strcmp(only, "growth"))
            time_it("growth", threads,
                    [&] { regind::growth::growth_grouped(x.data(), by_series.data(), n, out.data(), threads); });
        if (!*only || !std::strcmp(only, "cagr"))
            time_it("cagr", threads, [&] {
                const auto r = regind::growth::cagr_grouped(x.data(), year.data(), by_series.data(), n, threads);
                out[0] = r[0];
            });
    }
}
