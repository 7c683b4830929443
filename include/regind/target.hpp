// SPDX-License-Identifier: MIT
// Targets (目标): what a region should reach for an indicator in a period — a growth rate, a
// level, a share, a count, a reduction or a rank — with the qualifier of its wording (以上, 左右)
// and, where the data have it, the base it starts from.
//
// Design notes: targets are derived from the dataset's target_* facts, so the published goal
// keeps its provenance (document and span). The base is the published level of the period
// before the target period; an implied level (growth targets) and a required growth (level
// targets) are computed from it only when the units agree, and are marked as derived.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "regind/dataset.hpp"
#include "regind/error.hpp"
#include "regind/fact.hpp"
#include "regind/growth.hpp"
#include "regind/indicator.hpp"
#include "regind/period.hpp"
#include "regind/unit.hpp"

namespace regind {

enum class target_kind { growth_at_least, level_at_least, share_at_least, reduce_by, count_at_least, rank_at_most };

inline constexpr std::string_view target_kind_names[] = {"growth_at_least", "level_at_least", "share_at_least",
                                                         "reduce_by",       "count_at_least", "rank_at_most"};

[[nodiscard]] inline std::string_view to_string(target_kind k) noexcept {
    return target_kind_names[static_cast<int>(k)];
}

[[nodiscard]] inline target_kind parse_target_kind(std::string_view s) {
    const auto t = detail::trim(s);
    for (int i = 0; i < 6; ++i)
        if (target_kind_names[i] == t) return static_cast<target_kind>(i);
    throw invalid_input(fmt::format("[regind.invalid_input.target_kind] unknown target kind '{}'; expected one of "
                                    "growth_at_least, level_at_least, share_at_least, reduce_by, count_at_least, "
                                    "rank_at_most",
                                    t));
}

struct target {
    std::int32_t region_code = 0;
    std::string indicator;
    regind::period period;  ///< the target period: a year, or a plan span
    target_kind kind = target_kind::level_at_least;
    double value = 0.0;     ///< in `unit`: % for growth, share and reduce_by; 位 for rank
    regind::unit unit;
    regind::qualifier qualifier = qualifier::none;
    regind::price_basis price_basis = price_basis::not_applicable;
    std::string comparator;  ///< who set it, when not the region itself (e.g. provincial_target)
    std::optional<double> base_value;  ///< the level the target starts from, in base_unit
    std::optional<regind::period> base_period;
    regind::unit base_unit;
    std::string doc;  ///< provenance of the goal
    std::int64_t span_start = -1, span_end = -1;

    /// Growth targets with a base: the level the goal implies, base·(1+g)^years, in base_unit.
    [[nodiscard]] std::optional<double> implied_level() const;
    /// Level and count targets with a base: the growth the goal requires, as a fraction
    /// ((target/base)^(1/years) − 1), after converting the target into the base's unit.
    [[nodiscard]] std::optional<double> required_growth() const;
    /// Years from the end of the base period to the end of the target period (1 for a yearly
    /// target on the previous year).
    [[nodiscard]] double years() const;
};

namespace detail {
/// A ratio value (%, ‰, 成, 倍) as a plain fraction: 8 % → 0.08.
inline double as_fraction(double value, const unit& u) {
    if (u.dimension() != "ratio")
        throw unit_error(fmt::format("[regind.unit_error.incompatible] '{}' is not a ratio unit", u.symbol()));
    return u.convert(value, unit::parse("倍"));
}
}  // namespace detail

inline double target::years() const {
    if (!base_period) return 1.0;
    return static_cast<double>(period.end_index() - base_period->end_index()) / 12.0;
}

inline std::optional<double> target::implied_level() const {
    if (!base_value || years() <= 0) return std::nullopt;
    if (kind == target_kind::growth_at_least)
        return growth::level_after(*base_value, detail::as_fraction(value, unit), years());
    if (kind == target_kind::reduce_by) return *base_value * (1.0 - detail::as_fraction(value, unit));
    return std::nullopt;
}

inline std::optional<double> target::required_growth() const {
    if (!base_value || *base_value <= 0 || years() <= 0) return std::nullopt;
    if (kind != target_kind::level_at_least && kind != target_kind::count_at_least) return std::nullopt;
    if (!unit.compatible(base_unit)) return std::nullopt;
    const double goal = unit.convert(value, base_unit);
    if (goal <= 0) return std::nullopt;
    return growth::required_growth(*base_value, goal, years());
}

/// Selects targets; empty lists mean any.
struct target_filter {
    std::vector<std::int32_t> regions;
    std::vector<period> periods;
    std::vector<std::string> indicators;
};

/// The targets stated in a dataset: every target_level, target_growth_pct and
/// target_share_pct fact becomes a target, with the published level of the period before as its
/// base where the dataset has one (same region and indicator, measure level or count).
/// Level targets on indicators whose direction is "lower" are not "at least" goals; they are
/// returned as level_at_least only when the direction is higher or neutral, else skipped with
/// the reason in `skipped`.
[[nodiscard]] inline std::vector<target> targets_from(const dataset& ds, const target_filter& filter = {},
                                                      std::vector<std::string>* skipped = nullptr) {
    auto in = [](const auto& v, const auto& x) { return v.empty() || std::find(v.begin(), v.end(), x) != v.end(); };
    std::vector<target> out;
    for (const auto& f : ds.facts()) {
        if (f.measure != measure::target_level && f.measure != measure::target_growth_pct &&
            f.measure != measure::target_share_pct)
            continue;
        if (!in(filter.regions, f.region_code) || !in(filter.periods, f.period) || !in(filter.indicators, f.indicator))
            continue;
        const auto& ind = ds.indicators().get(f.indicator);
        target t;
        t.region_code = f.region_code;
        t.indicator = f.indicator;
        t.period = f.period;
        t.value = f.value;
        t.unit = f.unit;
        t.qualifier = f.qualifier;
        t.price_basis = ind.price_basis;
        t.comparator = f.comparator;
        t.doc = f.doc;
        t.span_start = f.span_start;
        t.span_end = f.span_end;
        if (f.measure == measure::target_growth_pct) {
            t.kind = ind.direction == direction::lower && f.value < 0 ? target_kind::reduce_by : target_kind::growth_at_least;
            if (t.kind == target_kind::reduce_by) t.value = -t.value;
        } else if (f.measure == measure::target_share_pct) {
            t.kind = target_kind::share_at_least;
        } else {
            if (ind.direction == direction::lower) {
                if (skipped) skipped->push_back(fmt::format("{} {} {}: a level goal on a lower-is-better indicator",
                                                            f.region_code, f.period.to_string(), f.indicator));
                continue;
            }
            t.kind = f.unit.dimension() == "count" ? target_kind::count_at_least : target_kind::level_at_least;
        }
        // The base: the published level (or count) of the period just before the target period.
        const period base = f.period.kind() == period_kind::span ? period::year(f.period.first_year() - 1)
                                                                 : f.period.previous();
        for (const auto& b : ds.facts()) {
            if (b.region_code == f.region_code && b.indicator == f.indicator && b.period == base &&
                (b.measure == measure::level || b.measure == measure::count) && b.comparator.empty()) {
                t.base_value = b.value;
                t.base_period = base;
                t.base_unit = b.unit;
                break;
            }
        }
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace regind
