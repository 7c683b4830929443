// SPDX-License-Identifier: MIT
// Rankings (REFERENCE-METHODS.md §D). Expected values are the §D1–D2 tables or hand counting
// written here, never values produced by the code under test. The pandas and scipy oracle
// (../shared/oracles/rank_cases.json) and pandas property tests are in tests/python.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <limits>

#include "regind/ranking.hpp"

using regind::invalid_input;
using regind::rank_method;
using regind::rank_na;
using regind::rank_options;
using Eigen::VectorXd;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();

VectorXd vec(std::initializer_list<double> v) {
    VectorXd a(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double x : v) a[i++] = x;
    return a;
}

regind::group_ids ids(std::initializer_list<std::int64_t> v) {
    regind::group_ids a(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (auto x : v) a[i++] = x;
    return a;
}

rank_options opts(rank_method m, bool ascending = true, rank_na na = rank_na::keep, bool pct = false) {
    rank_options o;
    o.method = m;
    o.ascending = ascending;
    o.na_option = na;
    o.pct = pct;
    return o;
}

// Exact equality, NaN equal to NaN: ranks are small integers, halves or their quotients.
bool same(const VectorXd& a, const VectorXd& b) {
    if (a.size() != b.size()) return false;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i])) return false;
        if (!std::isnan(a[i]) && a[i] != b[i]) return false;
    }
    return true;
}

// The §D1 input.
VectorXd d1() { return vec({10, 20, 20, NaN, 30, 20}); }

}  // namespace

TEST_CASE("ranking: the tie methods of §D1, ascending and descending") {
    const auto x = d1();
    CHECK(same(regind::rank(x), vec({1, 3, 3, NaN, 5, 3})));  // default: average, ascending, keep
    CHECK(same(regind::rank(x, opts(rank_method::average, false)), vec({5, 3, 3, NaN, 1, 3})));
    CHECK(same(regind::rank(x, opts(rank_method::min)), vec({1, 2, 2, NaN, 5, 2})));
    CHECK(same(regind::rank(x, opts(rank_method::min, false)), vec({5, 2, 2, NaN, 1, 2})));
    CHECK(same(regind::rank(x, opts(rank_method::max)), vec({1, 4, 4, NaN, 5, 4})));
    CHECK(same(regind::rank(x, opts(rank_method::max, false)), vec({5, 4, 4, NaN, 1, 4})));
    CHECK(same(regind::rank(x, opts(rank_method::first)), vec({1, 2, 3, NaN, 5, 4})));
    // Ties by position even when descending.
    CHECK(same(regind::rank(x, opts(rank_method::first, false)), vec({5, 2, 3, NaN, 1, 4})));
    CHECK(same(regind::rank(x, opts(rank_method::dense)), vec({1, 2, 2, NaN, 3, 2})));
    CHECK(same(regind::rank(x, opts(rank_method::dense, false)), vec({3, 2, 2, NaN, 1, 2})));
}

TEST_CASE("ranking: NaN at the top or bottom whatever the order (§D1)") {
    const auto x = d1();
    CHECK(same(regind::rank(x, opts(rank_method::min, true, rank_na::top)), vec({2, 3, 3, 1, 6, 3})));
    CHECK(same(regind::rank(x, opts(rank_method::min, false, rank_na::top)), vec({6, 3, 3, 1, 2, 3})));
    CHECK(same(regind::rank(x, opts(rank_method::min, true, rank_na::bottom)), vec({1, 2, 2, 6, 5, 2})));
    CHECK(same(regind::rank(x, opts(rank_method::min, false, rank_na::bottom)), vec({5, 2, 2, 6, 1, 2})));
    // Several NaN form one tie group, kept in positional order by `first`.
    const auto y = vec({NaN, 2, NaN, 1});
    CHECK(same(regind::rank(y, opts(rank_method::average, true, rank_na::top)), vec({1.5, 4, 1.5, 3})));
    CHECK(same(regind::rank(y, opts(rank_method::first, false, rank_na::top)), vec({1, 3, 2, 4})));
    CHECK(same(regind::rank(y, opts(rank_method::first, true, rank_na::bottom)), vec({3, 2, 4, 1})));
    CHECK(same(regind::rank(y, opts(rank_method::dense, true, rank_na::bottom)), vec({3, 2, 3, 1})));
}

TEST_CASE("ranking: percentile ranks and their denominators (§D2)") {
    const auto x = d1();
    CHECK(same(regind::rank(x, opts(rank_method::average, true, rank_na::keep, true)),
               vec({0.2, 0.6, 0.6, NaN, 1.0, 0.6})));
    CHECK(same(regind::rank(x, opts(rank_method::dense, true, rank_na::keep, true)),
               vec({1.0 / 3, 2.0 / 3, 2.0 / 3, NaN, 1.0, 2.0 / 3})));
    // bottom: the NaN is counted, n = 6.
    CHECK(same(regind::rank(x, opts(rank_method::min, true, rank_na::bottom, true)),
               vec({1.0 / 6, 2.0 / 6, 2.0 / 6, 1.0, 5.0 / 6, 2.0 / 6})));
    // dense with top: the NaN group is the first of 4 dense ranks.
    CHECK(same(regind::rank(x, opts(rank_method::dense, true, rank_na::top, true)),
               vec({0.5, 0.75, 0.75, 0.25, 1.0, 0.75})));
    CHECK(same(regind::rank(x, opts(rank_method::max, false, rank_na::keep, true)),
               vec({1.0, 0.8, 0.8, NaN, 0.2, 0.8})));
}

TEST_CASE("ranking: infinities, signed zeros and exact comparisons (§D5)") {
    CHECK(same(regind::rank(vec({inf, 1, -inf, 0})), vec({4, 3, 1, 2})));
    CHECK(same(regind::rank(vec({inf, 1, -inf, 0}), opts(rank_method::min, false)), vec({1, 2, 4, 3})));
    // +inf and a NaN placed at the bottom stay apart.
    CHECK(same(regind::rank(vec({inf, NaN, 1}), opts(rank_method::min, true, rank_na::bottom)), vec({2, 3, 1})));
    CHECK(same(regind::rank(vec({-inf, NaN, 1}), opts(rank_method::min, false, rank_na::bottom)), vec({2, 3, 1})));
    CHECK(same(regind::rank(vec({0.0, -0.0, 1.0}), opts(rank_method::min)), vec({1, 1, 3})));
    CHECK(same(regind::rank(vec({0.1 + 0.2, 0.3}), opts(rank_method::min)), vec({2, 1})));
    // Competition ranking of a league table: 1-2-2-4.
    CHECK(same(regind::rank(vec({9, 7, 7, 3}), opts(rank_method::min, false)), vec({1, 2, 2, 4})));
}

TEST_CASE("ranking: empty, all-NaN and single inputs") {
    CHECK(regind::rank(VectorXd(0)).size() == 0);
    CHECK(regind::rank(VectorXd(0), opts(rank_method::dense, true, rank_na::keep, true)).size() == 0);
    const auto nans = vec({NaN, NaN, NaN});
    CHECK(same(regind::rank(nans), vec({NaN, NaN, NaN})));
    CHECK(same(regind::rank(nans, opts(rank_method::average, true, rank_na::keep, true)), vec({NaN, NaN, NaN})));
    CHECK(same(regind::rank(nans, opts(rank_method::average, true, rank_na::top)), vec({2, 2, 2})));
    CHECK(same(regind::rank(nans, opts(rank_method::first, false, rank_na::bottom)), vec({1, 2, 3})));
    CHECK(same(regind::rank(nans, opts(rank_method::dense, true, rank_na::top, true)), vec({1, 1, 1})));
    CHECK(same(regind::rank(vec({5}), opts(rank_method::average, false, rank_na::keep, true)), vec({1})));
}

TEST_CASE("ranking: propagate and raise") {
    const auto x = d1();
    CHECK(same(regind::rank(x, opts(rank_method::min, true, rank_na::propagate)), vec({NaN, NaN, NaN, NaN, NaN, NaN})));
    CHECK(same(regind::rank(vec({3, 1, 2}), opts(rank_method::min, true, rank_na::propagate)), vec({3, 1, 2})));
    CHECK_THROWS_WITH_AS((void)regind::rank(x, opts(rank_method::min, true, rank_na::raise)),
                         doctest::Contains("[regind.invalid_input.nan] value 3 of 6 is NaN"), invalid_input);
    CHECK(same(regind::rank(vec({3, 1, 2}), opts(rank_method::min, true, rank_na::raise)), vec({3, 1, 2})));
}

TEST_CASE("ranking: rank_into writes in place and checks sizes") {
    VectorXd x = d1();
    regind::rank_into(x, x, opts(rank_method::dense, false));
    CHECK(same(x, vec({3, 2, 2, NaN, 1, 2})));
    VectorXd out(5);
    CHECK_THROWS_WITH_AS(regind::rank_into(d1(), out),
                         doctest::Contains("[regind.invalid_input.shape] rank_into: x has 6 values and out has 5"),
                         invalid_input);
}

TEST_CASE("ranking: every column or row of a panel independently") {
    regind::row_matrix panel(4, 3);
    // Columns: periods; rows: regions.
    panel << 10, 1, NaN,
             20, 1, NaN,
             20, 3, 5,
             30, NaN, 4;
    const auto by_col = regind::rank_columns(panel, opts(rank_method::min, false));
    CHECK(same(by_col.col(0), vec({4, 2, 2, 1})));
    CHECK(same(by_col.col(1), vec({2, 2, 1, NaN})));
    CHECK(same(by_col.col(2), vec({NaN, NaN, 1, 2})));
    const auto by_row = regind::rank_rows(panel, opts(rank_method::average, true, rank_na::bottom));
    CHECK(same(by_row.row(0).transpose(), vec({2, 1, 3})));
    CHECK(same(by_row.row(2).transpose(), vec({3, 1, 2})));
    CHECK(same(by_row.row(3).transpose(), vec({2, 3, 1})));
    // A strided view (every other row of a column-major matrix) is ranked the same.
    Eigen::MatrixXd colmajor = panel;
    const auto strided = regind::rank_columns(colmajor.topRows(3), opts(rank_method::min, false));
    CHECK(same(strided.col(0), vec({3, 1, 1})));
    CHECK(regind::rank_columns(regind::row_matrix(0, 2)).rows() == 0);
}

TEST_CASE("ranking: within groups (§D3)") {
    const auto x = d1();
    const auto g = ids({0, 1, 0, 0, 1, -1});
    // Group 0: 10, 20, NaN; group 1: 20, 30; no group: NaN rank.
    CHECK(same(regind::rank_within(x, g, opts(rank_method::min)), vec({1, 1, 2, NaN, 2, NaN})));
    CHECK(same(regind::rank_within(x, g, opts(rank_method::min, false)), vec({2, 2, 1, NaN, 1, NaN})));
    CHECK(same(regind::rank_within(x, g, opts(rank_method::min, false, rank_na::keep, true)),
               vec({1.0, 1.0, 0.5, NaN, 0.5, NaN})));
    CHECK(same(regind::rank_within(x, g, opts(rank_method::min, true, rank_na::bottom)), vec({1, 1, 2, 3, 2, NaN})));
    // Any non-negative ids, in any order; `first` keeps positions within the group.
    const auto codes = ids({330500, 330400, 330500, 330500, 330400, 330500});
    CHECK(same(regind::rank_within(vec({7, 7, 7, 1, 8, 7}), codes, opts(rank_method::first, false)),
               vec({1, 2, 2, 4, 1, 3})));
    CHECK_THROWS_WITH_AS((void)regind::rank_within(x, ids({0, 1}), {}),
                         doctest::Contains("[regind.invalid_input.shape] rank_within: x has 6 values and groups has 2"),
                         invalid_input);
    CHECK_THROWS_AS((void)regind::rank_within(x, ids({0, 0, 0, 0, 0, 0}), opts(rank_method::min, true, rank_na::raise)),
                    invalid_input);
}

TEST_CASE("ranking: rank change between periods (§D4)") {
    const auto before = vec({5, 3, NaN, 1});
    const auto after = vec({3, 3, 2, NaN});
    CHECK(same(regind::rank_change(before, after), vec({2, 0, NaN, NaN})));  // 5th → 3rd is +2
    CHECK(regind::ranked_set_changed(before, after));
    CHECK_FALSE(regind::ranked_set_changed(vec({1, NaN, 2}), vec({2, NaN, 1})));
    CHECK_THROWS_WITH_AS((void)regind::rank_change(before, vec({1, 2})),
                         doctest::Contains("[regind.invalid_input.shape] rank_change: before has 4 values and after has 2"),
                         invalid_input);
    CHECK_THROWS_AS((void)regind::ranked_set_changed(before, vec({1})), invalid_input);
}

TEST_CASE("ranking: option names and league-table defaults") {
    CHECK(regind::parse_rank_method(" Dense ") == rank_method::dense);
    CHECK(regind::parse_rank_method("ordinal") == rank_method::first);
    for (auto m : {rank_method::average, rank_method::min, rank_method::max, rank_method::first, rank_method::dense})
        CHECK(regind::parse_rank_method(regind::to_string(m)) == m);
    for (auto n : {rank_na::keep, rank_na::top, rank_na::bottom, rank_na::propagate, rank_na::raise})
        CHECK(regind::parse_rank_na(regind::to_string(n)) == n);
    CHECK_THROWS_WITH_AS((void)regind::parse_rank_method("competition"),
                         "[regind.invalid_input.rank_method] unknown rank method 'competition'; expected average, "
                         "min, max, first (or ordinal) or dense",
                         invalid_input);
    CHECK_THROWS_WITH_AS((void)regind::parse_rank_na("last"),
                         "[regind.invalid_input.na_option] unknown na_option 'last'; expected keep, top, bottom, "
                         "propagate or raise",
                         invalid_input);
    const auto higher = regind::league_options(regind::direction::higher);
    CHECK(higher.method == rank_method::min);
    CHECK_FALSE(higher.ascending);
    CHECK(higher.na_option == rank_na::keep);
    CHECK_FALSE(higher.pct);
    CHECK(regind::league_options(regind::direction::lower).ascending);
    CHECK_THROWS_WITH_AS((void)regind::league_options(regind::direction::neutral),
                         doctest::Contains("[regind.invalid_input.direction]"), invalid_input);
    // Energy per unit of value added: lower is better, so the smallest value ranks first.
    CHECK(same(regind::rank(vec({0.52, 0.41, 0.60, 0.41}), regind::league_options(regind::direction::lower)),
               vec({3, 1, 4, 1})));
}
