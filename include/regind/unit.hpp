// SPDX-License-Identifier: MIT
// Units with a dimension and exact conversion: 元/万元/亿元, 亩/万亩, 吨标煤/万吨标煤,
// 千瓦时/万千瓦时/亿千瓦时, kW/MW, counts, percent and percentage points, ranks, and
// quotients such as 万元/亩.
//
// Design notes: a unit is a magnitude prefix (十 百 千 万 十万 百万 千万 亿 万亿) on a base
// unit, or "A/B" of two such units. Its scale to the dimension's base unit is 10^exp10 · num/den,
// so that conversions between decimal multiples are done by shifting the decimal point of the
// shortest text of the value (exact: 1.9 万亩 is 19000 亩, not 18999.999...), and only a
// non-decimal factor (亩 ↔ 平方米) costs a correctly rounded multiply and divide.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/detail/text.hpp"

namespace regind {

/// A unit of measurement. Construct with unit::parse("亿元").
class unit {
public:
    /// The dimensionless unit "1".
    unit() : symbol_("1"), dimension_("dimensionless") {}

    /// Parses a unit symbol. Throws unit_error naming the symbol when it is not known.
    static unit parse(std::string_view symbol);

    [[nodiscard]] const std::string& symbol() const noexcept { return symbol_; }
    /// The dimension, e.g. "money", "area", "money/area", "ratio", "percentage_point".
    [[nodiscard]] const std::string& dimension() const noexcept { return dimension_; }
    [[nodiscard]] int exp10() const noexcept { return exp10_; }
    [[nodiscard]] std::int64_t num() const noexcept { return num_; }
    [[nodiscard]] std::int64_t den() const noexcept { return den_; }
    [[nodiscard]] bool compatible(const unit& other) const noexcept { return dimension_ == other.dimension_; }

    /// Converts `value` from this unit into `to`. Throws unit_error across dimensions.
    [[nodiscard]] double convert(double value, const unit& to) const;

    friend bool operator==(const unit& a, const unit& b) noexcept { return a.symbol_ == b.symbol_; }
    friend bool operator!=(const unit& a, const unit& b) noexcept { return !(a == b); }

private:
    std::string symbol_;
    std::string dimension_;
    int exp10_ = 0;
    std::int64_t num_ = 1, den_ = 1;
};

namespace detail {

struct base_unit {
    std::string_view symbol;
    std::string_view dimension;
    int exp10;
    std::int64_t num, den;
};

// 1 亩 = 2000/3 平方米, so 1 平方米 = 3/2000 亩; 1 公顷 = 15 亩.
inline constexpr base_unit base_units[] = {
    {"元", "money", 0, 1, 1},
    {"亩", "area", 0, 1, 1},         {"平方米", "area", 0, 3, 2000},  {"公顷", "area", 0, 15, 1},
    {"吨标煤", "energy", 0, 1, 1},    {"吨标准煤", "energy", 0, 1, 1},
    {"千瓦时", "electricity", 0, 1, 1}, {"kWh", "electricity", 0, 1, 1}, {"度", "electricity", 0, 1, 1},
    {"千瓦", "power", 0, 1, 1},       {"kW", "power", 0, 1, 1},        {"W", "power", -3, 1, 1},
    {"MW", "power", 3, 1, 1},         {"GW", "power", 6, 1, 1},
    {"吨", "mass", 0, 1, 1},
    {"立方米", "volume", 0, 1, 1},
    {"个", "count", 0, 1, 1},         {"家", "count", 0, 1, 1},        {"项", "count", 0, 1, 1},
    {"台", "count", 0, 1, 1},         {"座", "count", 0, 1, 1},        {"人", "count", 0, 1, 1},
    {"户次", "count", 0, 1, 1},       {"人次", "count", 0, 1, 1},      {"家次", "count", 0, 1, 1},
    {"户", "count", 0, 1, 1},         {"册", "count", 0, 1, 1},        {"条", "count", 0, 1, 1},
    {"场", "count", 0, 1, 1},         {"期", "count", 0, 1, 1},        {"名", "count", 0, 1, 1},
    {"批", "count", 0, 1, 1},         {"次", "count", 0, 1, 1},        {"辆", "count", 0, 1, 1},
    {"套", "count", 0, 1, 1},         {"件", "count", 0, 1, 1},        {"位次", "rank", 0, 1, 1},
    {"%", "ratio", -2, 1, 1},         {"‰", "ratio", -3, 1, 1},        {"成", "ratio", -1, 1, 1},
    {"倍", "ratio", 0, 1, 1},
    {"pp", "percentage_point", 0, 1, 1}, {"个百分点", "percentage_point", 0, 1, 1},
    {"百分点", "percentage_point", 0, 1, 1},
    {"位", "rank", 0, 1, 1},
    {"1", "dimensionless", 0, 1, 1},
};

struct unit_prefix {
    std::string_view symbol;
    int exp10;
};
// Longest first, so that 十万 wins over 十.
inline constexpr unit_prefix unit_prefixes[] = {
    {"万亿", 12}, {"十万", 5}, {"百万", 6}, {"千万", 7}, {"十", 1}, {"百", 2}, {"千", 3}, {"万", 4}, {"亿", 8},
};

inline const base_unit* find_base_unit(std::string_view s) noexcept {
    for (const auto& b : base_units)
        if (b.symbol == s) return &b;
    return nullptr;
}

inline std::int64_t gcd64(std::int64_t a, std::int64_t b) noexcept {
    while (b != 0) {
        const auto t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

/// value · 10^k, exact to the decimal: shifts the exponent of the value's shortest text.
inline double shift_decimal(double value, int k) {
    if (k == 0 || value == 0.0 || !std::isfinite(value)) return value;
    const std::string s = fmt::format("{}", value);  // shortest round-trip text
    std::string mantissa = s;
    long long e = 0;
    if (const auto pos = s.find_first_of("eE"); pos != std::string::npos) {
        mantissa = s.substr(0, pos);
        e = std::stoll(s.substr(pos + 1));
    }
    const std::string shifted = fmt::format("{}e{}", mantissa, e + k);
    return std::strtod(shifted.c_str(), nullptr);
}

}  // namespace detail

inline unit unit::parse(std::string_view symbol) {
    const std::string_view s = detail::trim(symbol);
    if (s.empty()) throw unit_error("[regind.unit_error.unknown] empty unit; expected e.g. '亿元', '%', '1'");
    unit u;
    u.symbol_ = std::string(s);
    auto parse_simple = [&](std::string_view part, std::string& dim, int& e, std::int64_t& nu,
                            std::int64_t& de) -> bool {
        if (const auto* b = detail::find_base_unit(part)) {
            dim = std::string(b->dimension);
            e = b->exp10;
            nu = b->num;
            de = b->den;
            return true;
        }
        for (const auto& p : detail::unit_prefixes) {
            if (part.size() > p.symbol.size() && part.substr(0, p.symbol.size()) == p.symbol) {
                if (const auto* b = detail::find_base_unit(part.substr(p.symbol.size()))) {
                    // A prefix on a ratio, a rank or a point makes no sense (万% ...).
                    if (b->dimension == "ratio" || b->dimension == "percentage_point" ||
                        b->dimension == "rank" || b->dimension == "dimensionless")
                        return false;
                    dim = std::string(b->dimension);
                    e = b->exp10 + p.exp10;
                    nu = b->num;
                    de = b->den;
                    return true;
                }
            }
        }
        return false;
    };
    const auto slash = s.find('/');
    if (slash == std::string_view::npos) {
        if (!parse_simple(s, u.dimension_, u.exp10_, u.num_, u.den_))
            throw unit_error(fmt::format(
                "[regind.unit_error.unknown] unknown unit '{}'; expected a base unit such as 元, 亩, 吨标煤, "
                "千瓦时, kW, 吨, 个, 家, %, pp, 位 or 1, optionally with a prefix 万/亿/..., or A/B",
                s));
        return u;
    }
    std::string d1, d2;
    int e1 = 0, e2 = 0;
    std::int64_t n1 = 1, q1 = 1, n2 = 1, q2 = 1;
    if (!parse_simple(s.substr(0, slash), d1, e1, n1, q1) || !parse_simple(s.substr(slash + 1), d2, e2, n2, q2))
        throw unit_error(fmt::format("[regind.unit_error.unknown] unknown unit '{}'; both sides of A/B must be units", s));
    u.dimension_ = d1 + "/" + d2;
    u.exp10_ = e1 - e2;
    u.num_ = n1 * q2;
    u.den_ = q1 * n2;
    const auto g = detail::gcd64(u.num_, u.den_);
    u.num_ /= g;
    u.den_ /= g;
    return u;
}

inline double unit::convert(double value, const unit& to) const {
    if (!compatible(to))
        throw unit_error(fmt::format("[regind.unit_error.incompatible] cannot convert '{}' ({}) to '{}' ({})",
                                     symbol_, dimension_, to.symbol_, to.dimension_));
    // value · 10^(e_from − e_to) · (num_from · den_to) / (den_from · num_to)
    const double shifted = detail::shift_decimal(value, exp10_ - to.exp10_);
    std::int64_t n = num_ * to.den_, d = den_ * to.num_;
    const auto g = detail::gcd64(n, d);
    n /= g;
    d /= g;
    if (n == 1 && d == 1) return shifted;
    return shifted * static_cast<double>(n) / static_cast<double>(d);
}

}  // namespace regind
