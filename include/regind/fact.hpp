// SPDX-License-Identifier: MIT
// One published number with its meaning and provenance: which region, indicator, period and
// measure it is, its value and unit, how the text qualified it (以上, 近, 约 ...), what it is
// compared against, and where in which source document it is written.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/period.hpp"
#include "regind/unit.hpp"
#include "regind/detail/text.hpp"

namespace regind {

/// What a number measures. Published growth rates are data in their own right and are never
/// recomputed from levels (levels are at current prices, growth at comparable prices and on
/// the current year's enterprise panel: REFERENCE-METHODS A2–A3).
enum class measure {
    level,               ///< an amount in the indicator's unit
    count,               ///< a number of things
    change,              ///< absolute change of the level since base_period
    growth_pct,          ///< growth rate, %
    growth_diff_pp,      ///< growth minus the comparator's growth, percentage points
    share_pct,           ///< share of a whole, %
    share_change_pp,     ///< change of a share, percentage points
    rank,                ///< rank of the level among the comparator's units (1 = best)
    rank_change,         ///< places gained: old rank − new rank
    growth_rank,         ///< rank of the growth rate
    growth_rank_change,  ///< places gained by the growth rank
    completion_pct,      ///< 完成率: achieved / planned, %
    ratio,               ///< any other ratio in its own unit
    index,               ///< an index value
    target_level,        ///< a goal for the level
    target_growth_pct,   ///< a goal for the growth rate, %
    target_share_pct,    ///< a goal for a share, %
};

inline constexpr std::array<std::string_view, 17> measure_names = {
    "level",        "count",          "change",      "growth_pct",         "growth_diff_pp", "share_pct",
    "share_change_pp", "rank",        "rank_change", "growth_rank",        "growth_rank_change",
    "completion_pct", "ratio",        "index",       "target_level",       "target_growth_pct",
    "target_share_pct"};

[[nodiscard]] inline std::string_view to_string(measure m) noexcept {
    return measure_names[static_cast<std::size_t>(m)];
}

[[nodiscard]] inline measure parse_measure(std::string_view s) {
    const auto t = detail::trim(s);
    for (std::size_t i = 0; i < measure_names.size(); ++i)
        if (measure_names[i] == t) return static_cast<measure>(i);
    throw invalid_input(fmt::format("[regind.invalid_input.measure] unknown measure '{}'; expected one of {}", t,
                                    fmt::join(measure_names, ", ")));
}

/// How the source qualified a number.
enum class qualifier {
    none,       ///< exact
    at_least,   ///< 以上, 不低于
    more_than,  ///< 超, 超过, 突破, 余
    nearly,     ///< 近, 接近
    about,      ///< 约, 左右
    at_most,    ///< 以内, 以下
    less_than,  ///< 不到
    estimated,  ///< 预计
};

inline constexpr std::array<std::string_view, 8> qualifier_names = {
    "", "at_least", "more_than", "nearly", "about", "at_most", "less_than", "estimated"};

[[nodiscard]] inline std::string_view to_string(qualifier q) noexcept {
    return qualifier_names[static_cast<std::size_t>(q)];
}

[[nodiscard]] inline qualifier parse_qualifier(std::string_view s) {
    const auto t = detail::trim(s);
    if (t == "none") return qualifier::none;
    for (std::size_t i = 0; i < qualifier_names.size(); ++i)
        if (qualifier_names[i] == t) return static_cast<qualifier>(i);
    struct zh {
        std::string_view text;
        qualifier q;
    };
    static constexpr zh zh_forms[] = {{"以上", qualifier::at_least}, {"不低于", qualifier::at_least},
                                      {"超", qualifier::more_than},  {"超过", qualifier::more_than},
                                      {"突破", qualifier::more_than}, {"余", qualifier::more_than},
                                      {"近", qualifier::nearly},     {"接近", qualifier::nearly},
                                      {"约", qualifier::about},      {"左右", qualifier::about},
                                      {"以内", qualifier::at_most},  {"以下", qualifier::at_most},
                                      {"不到", qualifier::less_than}, {"预计", qualifier::estimated}};
    for (const auto& z : zh_forms)
        if (z.text == t) return z.q;
    throw invalid_input(fmt::format("[regind.invalid_input.qualifier] unknown qualifier '{}'; expected nothing or one "
                                    "of at_least, more_than, nearly, about, at_most, less_than, estimated",
                                    t));
}

/// The dimension a measure's unit must have; empty when it follows the indicator's unit,
/// "*" when any unit is allowed.
[[nodiscard]] inline std::string_view measure_dimension(measure m) noexcept {
    switch (m) {
        case measure::growth_pct:
        case measure::share_pct:
        case measure::completion_pct:
        case measure::target_growth_pct:
        case measure::target_share_pct: return "ratio";
        case measure::growth_diff_pp:
        case measure::share_change_pp: return "percentage_point";
        case measure::rank:
        case measure::rank_change:
        case measure::growth_rank:
        case measure::growth_rank_change: return "rank";
        case measure::ratio:
        case measure::index: return "*";
        default: return "";
    }
}

/// The unit a panel of this measure is expressed in ("" = the indicator's unit, "*" = the
/// facts' own unit, which must then agree).
[[nodiscard]] inline std::string_view measure_panel_unit(measure m) noexcept {
    const auto d = measure_dimension(m);
    if (d == "ratio") return "%";
    if (d == "percentage_point") return "pp";
    if (d == "rank") return "位";
    return d;
}

struct fact {
    std::int32_t region_code = 0;
    regind::period period;
    std::string indicator;
    regind::measure measure = measure::level;
    double value = 0.0;
    regind::unit unit;
    regind::qualifier qualifier = qualifier::none;
    std::string comparator;
    std::optional<regind::period> base_period;
    std::string doc;               ///< source document id; empty when unknown
    std::int64_t span_start = -1;  ///< code-point offsets of the number in the document; -1 when unknown
    std::int64_t span_end = -1;
    std::string note;

    [[nodiscard]] bool has_span() const noexcept { return span_start >= 0; }

    /// Bit-for-bit equality of every field.
    friend bool operator==(const fact& a, const fact& b) noexcept {
        return a.region_code == b.region_code && a.period == b.period && a.indicator == b.indicator &&
               a.measure == b.measure && std::memcmp(&a.value, &b.value, sizeof(double)) == 0 && a.unit == b.unit &&
               a.qualifier == b.qualifier && a.comparator == b.comparator && a.base_period == b.base_period &&
               a.doc == b.doc && a.span_start == b.span_start && a.span_end == b.span_end && a.note == b.note;
    }
    friend bool operator!=(const fact& a, const fact& b) noexcept { return !(a == b); }
};

/// The identity of a fact: two facts with the same key state the same thing.
[[nodiscard]] inline std::string fact_key(const fact& f) {
    return fmt::format("{}|{}|{}|{}|{}|{}", f.region_code, f.period.to_string(), f.indicator, to_string(f.measure),
                       f.comparator, f.base_period ? f.base_period->to_string() : std::string());
}

}  // namespace regind
