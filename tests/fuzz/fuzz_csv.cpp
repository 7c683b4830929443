// SPDX-License-Identifier: MIT
// Fuzzes the CSV reader and Dataset::from_csv_string on arbitrary bytes.
// Properties: only parse_error escapes; every parsed row has the header's field count; a
// parsed table written back field by field reads back the same; a dataset that loads writes a
// CSV that loads back equal (the bit-exact round trip).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "regind/datasets.hpp"
#include "regind/detail/csv.hpp"

#include "fuzz_check.hpp"

namespace {

// Writes a table back as CSV. A lone empty field is quoted (an empty line would be skipped as
// blank) and so is a field that starts with a byte-order mark (the reader strips one at the
// start of the text).
std::string write_table(const regind::detail::csv_table& t) {
    std::string out;
    auto put_row = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) out += ',';
            const auto& f = fields[i];
            if ((fields.size() == 1 && f.empty()) || f.rfind("\xEF\xBB\xBF", 0) == 0) {
                out += '"';
                for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
                out += '"';
            } else {
                regind::detail::append_csv_field(out, f);
            }
        }
        out += '\n';
    };
    put_row(t.header);
    for (const auto& r : t.rows) put_row(r.fields);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto t = regind::detail::parse_csv(text, "fuzz.csv");
        for (const auto& r : t.rows) REGIND_FUZZ_CHECK(r.fields.size() == t.header.size());
        const auto again = regind::detail::parse_csv(write_table(t), "again.csv");
        REGIND_FUZZ_CHECK(again.header == t.header);
        REGIND_FUZZ_CHECK(again.rows.size() == t.rows.size());
        for (std::size_t i = 0; i < t.rows.size(); ++i) REGIND_FUZZ_CHECK(again.rows[i].fields == t.rows[i].fields);
    } catch (const regind::parse_error&) {
    }
    try {
        const auto ds = regind::dataset::from_csv_string(text, regind::regions::zhejiang_ptr(),
                                                         regind::indicators::builtin_ptr(), "fuzz.csv");
        const auto back = regind::dataset::from_csv_string(ds.to_csv_string(), ds.regions_ptr(), ds.indicators_ptr(),
                                                           "back.csv");
        REGIND_FUZZ_CHECK(back == ds);
    } catch (const regind::parse_error&) {
    }
    return 0;
}
