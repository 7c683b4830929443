// SPDX-License-Identifier: MIT
// What the fuzz targets share: a check that aborts (so libFuzzer saves the input) with a
// message saying which property broke.
#pragma once

#include <cstdio>
#include <cstdlib>

#define REGIND_FUZZ_CHECK(cond)                                                              \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                    \
        }                                                                                    \
    } while (0)
