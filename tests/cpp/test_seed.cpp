// SPDX-License-Identifier: MIT
// The embedded seed dataset against the documents it was read from.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "regind/datasets.hpp"

using namespace regind;

namespace {
// A Chinese numeral such as 六, 十二, 一百零五, 两万 → its value; -1 when not one.
double chinese_numeral(const std::u32string& s) {
    const std::u32string digits = U"〇一二三四五六七八九";
    double total = 0, section = 0, digit = 0;
    bool any = false;
    for (char32_t c : s) {
        const auto d = digits.find(c);
        if (d != std::u32string::npos) {
            digit = static_cast<double>(d);
        } else if (c == U'两') {
            digit = 2;
        } else if (c == U'零') {
            digit = 0;
        } else if (c == U'十' || c == U'百' || c == U'千') {
            const double unit = c == U'十' ? 10 : c == U'百' ? 100 : 1000;
            section += (digit == 0 ? 1 : digit) * unit;  // 十二 = 12, 百余 = 100+
            digit = 0;
        } else if (c == U'万' || c == U'亿') {
            total += (section + digit) * (c == U'万' ? 1e4 : 1e8);
            section = digit = 0;
        } else {
            return -1;
        }
        any = true;
    }
    return any ? total + section + digit : -1;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}
}  // namespace

TEST_CASE("seed dataset: size, coverage and the Jiaxing 2022 goals") {
    const auto ds = datasets::seed_facts();
    CHECK(ds.size() >= 300);
    CHECK(datasets::seed_documents().size() == 5);
    auto one = [&](std::int32_t region, const char* per, const char* ind, measure m) -> const fact* {
        fact key;
        key.region_code = region;
        key.period = period::parse(per);
        key.indicator = ind;
        key.measure = m;
        return ds.find(key);
    };
    const auto* va21 = one(330400, "2021", "va_industry", measure::level);
    REQUIRE(va21 != nullptr);
    CHECK(va21->value == 2594.5);
    CHECK(va21->unit.symbol() == "亿元");
    const auto* inv21 = one(330400, "2021", "inv_industry", measure::level);
    REQUIRE(inv21 != nullptr);
    CHECK(inv21->value == 883.4);
    const auto* goal_va = one(330400, "2022", "va_industry", measure::target_growth_pct);
    REQUIRE(goal_va != nullptr);
    CHECK(goal_va->value == 8);
    CHECK(goal_va->qualifier == qualifier::at_least);
    const auto* goal_inv = one(330400, "2022", "inv_industry", measure::target_level);
    REQUIRE(goal_inv != nullptr);
    CHECK(goal_inv->value == 970);
    CHECK(goal_inv->qualifier == qualifier::at_least);
    const auto* hz16 = one(330500, "2016", "va_industry", measure::level);
    REQUIRE(hz16 != nullptr);
    CHECK(hz16->value == 828.3);
    const auto* hz21 = one(330500, "2021", "va_industry", measure::level);
    REQUIRE(hz21 != nullptr);
    CHECK(hz21->value == 1245.6);
    // Every fact carries its document and span.
    for (const auto& f : ds.facts()) {
        CAPTURE(fact_key(f));
        CHECK(f.has_span());
        CHECK_FALSE(f.doc.empty());
    }
}

TEST_CASE("seed dataset: every span holds its number in the source document") {
    const std::string dir = std::string(REGIND_SHARED_DIR) + "/seeds";
    const auto ds = datasets::seed_facts();
    std::size_t checked = 0;
    for (const auto& doc : datasets::seed_documents()) {
        std::ifstream in(dir + "/" + doc.doc + ".txt", std::ios::binary);
        if (!in) {
            MESSAGE("skipped: the seed documents are not at " << dir << " (../shared is absent)");
            return;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        const auto text = detail::decode_utf8(ss.str());
        for (const auto& f : ds.facts()) {
            if (f.doc != doc.doc) continue;
            CAPTURE(fact_key(f));
            REQUIRE(f.span_end <= static_cast<std::int64_t>(text.size()));
            const auto numeral = text.substr(static_cast<std::size_t>(f.span_start),
                                             static_cast<std::size_t>(f.span_end - f.span_start));
            const auto utf8 = encode(numeral);
            CAPTURE(utf8);
            double written = -1;
            if (const auto v = detail::parse_double(utf8)) written = *v;
            else written = chinese_numeral(numeral);
            CHECK(written == std::fabs(f.value));
            ++checked;
        }
    }
    CHECK(checked == ds.size());
}
