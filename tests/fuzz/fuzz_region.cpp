// SPDX-License-Identifier: MIT
// Fuzzes the region lookup (find/get by any key on the built-in Zhejiang registry) and the
// region CSV reader on arbitrary bytes.
// Properties: find never throws; get throws only key_error and returns what find found; a
// registry read from CSV writes a CSV that reads back equal; only parse_error escapes it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "regind/datasets.hpp"
#include "regind/region.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& zj = regind::regions::zhejiang();
    const regind::region* found = zj.find(text);
    try {
        const auto& r = zj.get(text);
        REGIND_FUZZ_CHECK(found == &r);
    } catch (const regind::key_error& e) {
        REGIND_FUZZ_CHECK(found == nullptr);
        REGIND_FUZZ_CHECK(e.suggestions().size() <= 3);
    }
    try {
        const auto reg = regind::region_registry::from_csv_string(text, "fuzz.csv");
        const auto back = regind::region_registry::from_csv_string(reg.to_csv_string(), "back.csv");
        REGIND_FUZZ_CHECK(back == reg);
        for (const auto& r : reg.all()) REGIND_FUZZ_CHECK(reg.find(static_cast<std::int64_t>(r.code)) == &r);
    } catch (const regind::parse_error&) {
    }
    return 0;
}
