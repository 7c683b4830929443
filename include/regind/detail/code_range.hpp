// SPDX-License-Identifier: MIT
// The range of a column of integer codes, shared by the long-table kernels (ranking_grouped.hpp,
// growth_grouped.hpp) and bound to Python.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>

namespace regind {

/// The smallest and largest of n codes ({0, −1} when n is 0), in one pass.
[[nodiscard]] inline std::pair<std::int64_t, std::int64_t> code_range(const std::int64_t* codes, std::int64_t n) noexcept {
    if (n <= 0) return {0, -1};
    std::int64_t lo = codes[0], hi = codes[0];
    for (std::int64_t i = 1; i < n; ++i) {
        lo = std::min(lo, codes[i]);
        hi = std::max(hi, codes[i]);
    }
    return {lo, hi};
}

}  // namespace regind
