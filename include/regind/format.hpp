// SPDX-License-Identifier: MIT
// fmt formatters for the public types, so that fmt::format("{}", x) prints them.
// The same text is what Python's repr() shows.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "regind/dataset.hpp"
#include "regind/fact.hpp"
#include "regind/indicator.hpp"
#include "regind/period.hpp"
#include "regind/region.hpp"
#include "regind/unit.hpp"

namespace regind {

[[nodiscard]] inline std::string describe(const region& r) {
    return fmt::format("Region({}, '{}', '{}', {})", r.code, r.name_zh, r.name_en, to_string(r.level));
}
[[nodiscard]] inline std::string describe(const indicator& i) {
    return fmt::format("Indicator('{}', '{}', unit='{}', direction={}, price_basis={})", i.code, i.name_zh,
                       i.unit.symbol(), to_string(i.direction), to_string(i.price_basis));
}
[[nodiscard]] inline std::string describe(const fact& f) {
    std::string s = fmt::format("Fact({} {} {} {}={} {}", f.region_code, f.period.to_string(), f.indicator,
                                to_string(f.measure), f.value, f.unit.symbol());
    if (f.qualifier != qualifier::none) s += fmt::format(" {}", to_string(f.qualifier));
    if (!f.comparator.empty()) s += fmt::format(" vs {}", f.comparator);
    if (f.base_period) s += fmt::format(" since {}", f.base_period->to_string());
    if (f.has_span()) s += fmt::format(" @{}[{}:{}]", f.doc, f.span_start, f.span_end);
    return s + ")";
}
[[nodiscard]] inline std::string describe(const dataset& d) {
    std::set<std::int32_t> regions;
    std::set<std::string> indicators;
    std::set<period> periods;
    for (const auto& f : d.facts()) {
        regions.insert(f.region_code);
        indicators.insert(f.indicator);
        periods.insert(f.period);
    }
    if (periods.empty()) return "Dataset(facts=0)";
    return fmt::format("Dataset(facts={}, regions={}, indicators={}, periods={}..{})", d.size(), regions.size(),
                       indicators.size(), periods.begin()->to_string(), periods.rbegin()->to_string());
}

}  // namespace regind

template <>
struct fmt::formatter<regind::period> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(const regind::period& p, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(p.to_string(), ctx);
    }
};
template <>
struct fmt::formatter<regind::unit> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(const regind::unit& u, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(u.symbol(), ctx);
    }
};
template <>
struct fmt::formatter<regind::measure> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(regind::measure m, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(regind::to_string(m), ctx);
    }
};
template <>
struct fmt::formatter<regind::region_level> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(regind::region_level l, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(regind::to_string(l), ctx);
    }
};
template <>
struct fmt::formatter<regind::region> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(const regind::region& r, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(regind::describe(r), ctx);
    }
};
template <>
struct fmt::formatter<regind::indicator> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(const regind::indicator& i, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(regind::describe(i), ctx);
    }
};
template <>
struct fmt::formatter<regind::fact> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(const regind::fact& f, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(regind::describe(f), ctx);
    }
};
template <>
struct fmt::formatter<regind::dataset> : fmt::formatter<std::string_view> {
    template <typename Ctx>
    auto format(const regind::dataset& d, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(regind::describe(d), ctx);
    }
};
