// SPDX-License-Identifier: MIT
// Fuzzes period::parse on arbitrary bytes.
// Properties: only parse_error escapes; a parsed period has 1..12 months per year of its
// span, reads back equal from its canonical text, and covers the same months when read back
// from its Chinese text (2022年1月 is a month, the same months as year-to-date January).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "regind/period.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    regind::period p;
    try {
        p = regind::period::parse(text);
    } catch (const regind::parse_error&) {
        return 0;
    }
    REGIND_FUZZ_CHECK(p.first_month() >= 1 && p.last_month() <= 12);
    REGIND_FUZZ_CHECK(p.months() >= 1 && p.months() <= 12 * (p.last_year() - p.first_year() + 1));
    REGIND_FUZZ_CHECK(regind::period::parse(p.to_string()) == p);
    for (bool plan_names : {false, true}) {
        const auto zh = regind::period::parse(p.to_chinese(plan_names));
        REGIND_FUZZ_CHECK(zh.start_index() == p.start_index() && zh.end_index() == p.end_index());
    }
    const double f = p.elapsed_fraction();
    REGIND_FUZZ_CHECK(f > 0.0 && f <= 1.0);
    try {
        // Year 1 has no previous year; that is bad input, not a crash.
        REGIND_FUZZ_CHECK(p.previous() < p);
        REGIND_FUZZ_CHECK(p.same_period_last_year().months() == p.months());
    } catch (const regind::invalid_input&) {
    }
    return 0;
}
