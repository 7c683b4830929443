// SPDX-License-Identifier: MIT
// project_batch's progress callback: called on the calling thread only, with strictly increasing
// counts ending at (rows, rows), at most about 100 times; an exception from it stops the run.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "regind/projection.hpp"

namespace {

regind::row_matrix growing_rows(Eigen::Index rows) {
    regind::row_matrix m(rows, 6);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < 6; ++c)
            m(r, c) = 100.0 * std::pow(1.0 + static_cast<double>(r) / 10000.0, static_cast<double>(c));
    return m;
}

regind::projection_options cagr() {
    regind::projection_options o;
    o.method = regind::projection_method::cagr;
    o.horizon = 2;
    return o;
}

}  // namespace

TEST_CASE("project_batch reports progress on the calling thread") {
    const auto m = growing_rows(1000);
    for (unsigned threads : {1u, 2u}) {
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        std::vector<std::thread::id> ids;
        const auto b = regind::project_batch(m, cagr(), threads, [&](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
            ids.push_back(std::this_thread::get_id());
        });
        REQUIRE_FALSE(calls.empty());
        CHECK(calls.back() == std::make_pair(std::size_t{1000}, std::size_t{1000}));
        CHECK(calls.size() <= 101);
        for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i - 1].first < calls[i].first);
        for (const auto& id : ids) CHECK(id == std::this_thread::get_id());
        if (threads == 1) CHECK(calls.size() == 100);  // every 10 rows (1 %) on one thread
        // Progress changes nothing in the results.
        const auto plain = regind::project_batch(m, cagr(), threads);
        CHECK(b.mean.isApprox(plain.mean));
    }
}

TEST_CASE("an exception from the progress callback stops project_batch") {
    const auto m = growing_rows(1000);
    for (unsigned threads : {1u, 2u}) {
        std::size_t seen = 0;
        CHECK_THROWS_AS(regind::project_batch(m, cagr(), threads,
                                              [&](std::size_t done, std::size_t) {
                                                  seen = done;
                                                  throw std::runtime_error("stop");
                                              }),
                        std::runtime_error);
        CHECK(seen > 0);
    }
}
