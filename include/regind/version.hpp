// SPDX-License-Identifier: MIT
// The single version source: CMake and pyproject read these three numbers.
#pragma once

#define REGIND_VERSION_MAJOR 0
#define REGIND_VERSION_MINOR 1
#define REGIND_VERSION_PATCH 0

namespace regind {
/// The library version as "major.minor.patch".
inline constexpr const char* version_string = "0.1.0";
}  // namespace regind
