// SPDX-License-Identifier: MIT
// Growth over long tables (regind/growth_grouped.hpp): hand arithmetic, then agreement with a
// plain loop written here on a table big enough to be split between two threads.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "regind/growth_grouped.hpp"

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

}  // namespace

TEST_CASE("growth_grouped: previous row of the same series, by hand") {
    // Two series interleaved: A = 100, 110, 121; B = 50, 0, 10. B's growth on a base of 0 is NaN.
    const std::vector<double> x{100, 50, 110, 0, 121, 10, 7};
    const std::vector<std::int64_t> g{0, 1, 0, 1, 0, 1, -1};
    std::vector<double> out(x.size());
    regind::growth::growth_grouped(x.data(), g.data(), 7, out.data(), 1);
    const std::vector<double> want{NaN, NaN, 0.10, -1.0, 0.10, NaN, NaN};
    for (std::size_t i = 0; i < x.size(); ++i) CHECK(same(out[i], want[i]));
    // In place: out may be x.
    auto y = x;
    regind::growth::growth_grouped(y.data(), g.data(), 7, y.data(), 1);
    for (std::size_t i = 0; i < x.size(); ++i) CHECK(same(y[i], want[i]));
}

TEST_CASE("cagr_grouped: first and last non-NaN values, by hand") {
    // Series 0: 100 (2019), NaN (2020), 121 (2021) → (121/100)^(1/2) − 1 = 0.1.
    // Series 1: 8 at 2019 only → NaN. Series 2: no rows → NaN. Series 3: 10 → 20 over 1 → 1.0.
    const std::vector<double> x{100, 8, NaN, 121, 10, 20};
    const std::vector<double> t{2019, 2019, 2020, 2021, 2019, 2020};
    const std::vector<std::int64_t> g{0, 1, 0, 0, 3, 3};
    auto out = regind::growth::cagr_grouped(x.data(), t.data(), g.data(), 6, 1);
    REQUIRE(out.size() == 4);
    CHECK(same(out[0], 0.1));
    CHECK(std::isnan(out[1]));
    CHECK(std::isnan(out[2]));
    CHECK(same(out[3], 1.0));
    // Default periods: places in the series, 0, 1, 2 → series 0 spans 2.
    out = regind::growth::cagr_grouped(x.data(), nullptr, g.data(), 6, 1);
    CHECK(same(out[0], 0.1));
    std::vector<double> buf(6);
    CHECK_THROWS_AS(regind::growth::growth_grouped(x.data(), std::vector<std::int64_t>(6, 1 << 30).data(), 6,
                                                   buf.data(), 1),
                    regind::invalid_input);
    // A code at or above a given series count is an error, not a write out of bounds.
    CHECK_THROWS_AS(regind::growth::growth_grouped(x.data(), g.data(), 6, buf.data(), 1, 3), regind::invalid_input);
    CHECK_THROWS_AS((void)regind::growth::cagr_grouped(x.data(), nullptr, g.data(), 6, 2, 3), regind::invalid_input);
}

TEST_CASE("growth_grouped: a series at a time, with runs that resume, by hand") {
    // Series 5: 10, 11 | series 2: 4, 5 | series 5 resumes: 22 | no series | series 2: 10.
    const std::vector<double> x{10, 11, 4, 5, 22, 3, 10};
    const std::vector<std::int64_t> g{5, 5, 2, 2, 5, -4, 2};
    const std::vector<double> want{NaN, 0.1, NaN, 0.25, 1.0, NaN, 1.0};
    for (std::size_t series : {std::size_t{0}, std::size_t{6}}) {
        std::vector<double> out(x.size());
        regind::growth::growth_grouped(x.data(), g.data(), 7, out.data(), 1, series);
        for (std::size_t i = 0; i < x.size(); ++i) CHECK(same(out[i], want[i]));
    }
}

TEST_CASE("growth_grouped and cagr_grouped on 600,000 rows: one thread, two threads and a plain loop agree") {
    const std::int64_t series = 20000, per = 30, n = series * per;
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(-0.2, 1.0);
    std::vector<double> x(static_cast<std::size_t>(n));
    std::vector<std::int64_t> g(x.size());
    for (std::int64_t i = 0; i < n; ++i) {  // period-major: series interleave
        const auto k = static_cast<std::size_t>(i);
        g[k] = i % series;
        const double v = u(rng);
        x[k] = v > 0.95 ? NaN : v * 100.0;  // some NaN, some non-positive bases
    }
    std::vector<double> one(x.size()), two(x.size()), want(x.size(), NaN), last(static_cast<std::size_t>(series), NaN);
    std::vector<char> seen(static_cast<std::size_t>(series), 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const auto s = static_cast<std::size_t>(g[i]);
        if (seen[s]) want[i] = last[s] > 0.0 ? x[i] / last[s] - 1.0 : NaN;
        seen[s] = 1;
        last[s] = x[i];
    }
    regind::growth::growth_grouped(x.data(), g.data(), n, one.data(), 1);
    regind::growth::growth_grouped(x.data(), g.data(), n, two.data(), 2);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < x.size(); ++i) bad += !same(one[i], want[i]) || !same(two[i], want[i]);
    CHECK(bad == 0);
    // The same rows a series at a time (runs of 30), as long tables usually are.
    std::vector<double> xs(x.size()), ws(x.size());
    std::vector<std::int64_t> gs(x.size());
    for (std::int64_t s = 0; s < series; ++s)
        for (std::int64_t p = 0; p < per; ++p) {
            const auto from = static_cast<std::size_t>(p * series + s), to = static_cast<std::size_t>(s * per + p);
            xs[to] = x[from];
            ws[to] = want[from];
            gs[to] = s;
        }
    regind::growth::growth_grouped(xs.data(), gs.data(), n, one.data(), 1, static_cast<std::size_t>(series));
    regind::growth::growth_grouped(xs.data(), gs.data(), n, two.data(), 2);
    bad = 0;
    for (std::size_t i = 0; i < x.size(); ++i) bad += !same(one[i], ws[i]) || !same(two[i], ws[i]);
    CHECK(bad == 0);

    const auto c1 = regind::growth::cagr_grouped(x.data(), nullptr, g.data(), n, 1);
    const auto c2 = regind::growth::cagr_grouped(x.data(), nullptr, g.data(), n, 2);
    REQUIRE(c1.size() == static_cast<std::size_t>(series));
    bad = 0;
    for (std::int64_t s = 0; s < series; ++s) {
        double fv = NaN, lv = NaN, ft = 0, lt = 0;
        for (std::int64_t p = 0; p < per; ++p) {
            const double v = x[static_cast<std::size_t>(p * series + s)];
            if (std::isnan(v)) continue;
            if (std::isnan(fv)) {
                fv = v;
                ft = static_cast<double>(p);
            }
            lv = v;
            lt = static_cast<double>(p);
        }
        const double w = lt > ft && fv > 0.0 && lv > 0.0 ? std::pow(lv / fv, 1.0 / (lt - ft)) - 1.0 : NaN;
        bad += !same(c1[static_cast<std::size_t>(s)], w) || !same(c2[static_cast<std::size_t>(s)], w);
    }
    CHECK(bad == 0);
    // The same series a series at a time (one run each: the path without records), where the
    // splits between threads fall inside series.
    const auto s1 = regind::growth::cagr_grouped(xs.data(), nullptr, gs.data(), n, 1);
    const auto s2 = regind::growth::cagr_grouped(xs.data(), nullptr, gs.data(), n, 3);
    bad = 0;
    for (std::size_t k = 0; k < c1.size(); ++k) bad += !same(s1[k], c1[k]) || !same(s2[k], c1[k]);
    CHECK(bad == 0);
}

TEST_CASE("cagr_grouped: one run per series, and a series that comes back, by hand") {
    // Series 0: 100, 110, 121 at places 0, 1, 2 → (121/100)^(1/2) − 1 = 0.1. Series 2: 50, 25 →
    // −0.5. Series 1 has no rows → NaN.
    const std::vector<double> x{100, 110, 121, 50, 25};
    const std::vector<std::int64_t> g{0, 0, 0, 2, 2};
    auto r = regind::growth::cagr_grouped(x.data(), nullptr, g.data(), 5, 1);
    REQUIRE(r.size() == 3);
    CHECK(same(r[0], 0.1));
    CHECK(std::isnan(r[1]));
    CHECK(same(r[2], -0.5));
    // Series 0 comes back after series 2: the same rates (rows in period order per series).
    const std::vector<double> y{100, 110, 50, 25, 121};
    const std::vector<std::int64_t> h{0, 0, 2, 2, 0};
    r = regind::growth::cagr_grouped(y.data(), nullptr, h.data(), 5, 1);
    REQUIRE(r.size() == 3);
    CHECK(same(r[0], 0.1));
    CHECK(same(r[2], -0.5));
    // With periods 2019, 2020, 2022 for series 0: (121/100)^(1/3) − 1.
    const std::vector<double> t{2019, 2020, 2019, 2020, 2022};
    r = regind::growth::cagr_grouped(y.data(), t.data(), h.data(), 5, 1);
    CHECK(same(r[0], std::pow(1.21, 1.0 / 3.0) - 1.0));
}

TEST_CASE("try_growth_grouped and try_cagr_grouped: codes they cannot use are reported, not written") {
    const std::vector<double> x{100, 110, 50, 55};
    const std::vector<std::int64_t> good{0, 0, 1, 1}, negative{0, 0, -3, -3},
        too_large{0, 0, regind::growth::max_series_code(4) + 1, regind::growth::max_series_code(4) + 1};
    std::vector<double> out(4, -7.0);
    CHECK(regind::growth::try_growth_grouped(x.data(), good.data(), 4, out.data(), 1));
    CHECK(std::isnan(out[0]));
    CHECK(same(out[1], 0.1));
    CHECK(same(out[3], 0.1));
    CHECK_FALSE(regind::growth::try_growth_grouped(x.data(), negative.data(), 4, out.data(), 1));
    CHECK_FALSE(regind::growth::try_growth_grouped(x.data(), too_large.data(), 4, out.data(), 1));
    // In place, bad codes leave the values as they were.
    auto y = x;
    CHECK_FALSE(regind::growth::try_growth_grouped(y.data(), negative.data(), 4, y.data(), 1));
    CHECK(y == x);
    CHECK(regind::growth::try_growth_grouped(y.data(), good.data(), 4, y.data(), 1));
    CHECK(same(y[1], 0.1));
    // An out that overlaps the values without being them is refused.
    std::vector<double> z{1, 2, 3, 4, 5};
    CHECK_THROWS_AS(regind::growth::growth_grouped(z.data(), good.data(), 4, z.data() + 1, 1), regind::invalid_input);

    const auto r = regind::growth::try_cagr_grouped(x.data(), nullptr, good.data(), 4, 1);
    REQUIRE(r.has_value());
    REQUIRE(r->size() == 2);
    CHECK(same((*r)[0], 0.1));
    CHECK_FALSE(regind::growth::try_cagr_grouped(x.data(), nullptr, negative.data(), 4, 1).has_value());
    CHECK_FALSE(regind::growth::try_cagr_grouped(x.data(), nullptr, too_large.data(), 4, 1).has_value());
    // The plain functions keep their meaning: a negative code has no series.
    const auto plain = regind::growth::cagr_grouped(x.data(), nullptr, negative.data(), 4, 1);
    REQUIRE(plain.size() == 1);
    CHECK(same(plain[0], 0.1));
}
