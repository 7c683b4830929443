// SPDX-License-Identifier: MIT
// Tracking targets against observations: `track(targets, observations, as_of)` finds, for each
// target, the latest cumulative observation of its year up to `as_of` (year-to-date 1–m月,
// first half, first quarter or the full year), computes completion (完成率), time progress
// (时序进度), the gap between them or to the growth goal in percentage points, the growth
// needed in the rest of the year (REFERENCE-METHODS A5, B2, B3), and reads a traffic light
// (亮灯) from a rule table.
#pragma once

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "regind/dataset.hpp"
#include "regind/progress.hpp"
#include "regind/target.hpp"

namespace regind {

struct target_status {
    target goal;
    std::optional<fact> observation;  ///< the observation the status is based on
    std::optional<fact> observed_growth;  ///< for level targets: the growth published with it
    std::optional<fact> observed_level;   ///< for growth targets: the level published with it
    period as_of;
    /// completion_pct, time_progress_pct, gap_pp, achieved (0/1, only when the period is
    /// complete), required_rest_growth_pct, implied_level, required_growth_pct — each present
    /// only when it can be computed from published numbers.
    std::map<std::string, double> metrics;
    std::string status;  ///< the rule's label, or no_data / not_started / unclassified
    std::string colour;
    std::vector<std::string> notes;
};

struct target_report {
    std::vector<target_status> rows;
    period as_of;
    std::string rules;  ///< name of the rule table used
};

namespace detail {

/// Cumulative periods of a year that end by `as_of`: the year itself, 1–m月, H1, Q1.
inline bool cumulative_within(const period& p, int year, const period& as_of) {
    if (p.first_year() != year || p.last_year() != year || p.end_index() > as_of.end_index()) return false;
    return p.first_month() == 1 && (p.kind() == period_kind::year || p.kind() == period_kind::ytd ||
                                    p.kind() == period_kind::half || p.kind() == period_kind::quarter ||
                                    (p.kind() == period_kind::month && p.last_month() == 1));
}

inline const fact* latest_observation(const dataset& obs, const target& t, measure m, const period& as_of) {
    const fact* best = nullptr;
    for (const auto& f : obs.facts()) {
        if (f.region_code != t.region_code || f.indicator != t.indicator || f.measure != m || !f.comparator.empty())
            continue;
        if (!cumulative_within(f.period, t.period.last_year(), as_of)) continue;
        if (best == nullptr || best->period.end_index() < f.period.end_index()) best = &f;
    }
    return best;
}

inline const fact* same_period(const dataset& obs, const fact& at, std::initializer_list<measure> ms) {
    for (const auto& f : obs.facts())
        if (f.region_code == at.region_code && f.indicator == at.indicator && f.period == at.period &&
            f.comparator.empty() && std::find(ms.begin(), ms.end(), f.measure) != ms.end())
            return &f;
    return nullptr;
}

}  // namespace detail

/// Tracks targets against observations as of a period (see the header note). Targets on a
/// multi-year plan are tracked on their last year. Throws nothing for missing data: a target
/// without an observation gets status "no_data" with a note saying what is missing.
[[nodiscard]] inline target_report track(const std::vector<target>& targets, const dataset& observations,
                                         const period& as_of,
                                         const rule_table& rules = rule_table::preset("cn_time_progress")) {
    target_report report;
    report.as_of = as_of;
    report.rules = rules.name();
    for (const auto& t : targets) {
        target_status s;
        s.goal = t;
        s.as_of = as_of;
        auto& m = s.metrics;
        if (const auto lvl = t.implied_level()) m["implied_level"] = *lvl;
        if (const auto g = t.required_growth()) m["required_growth_pct"] = 100 * *g;
        const int year = t.period.last_year();
        if (as_of.end_index() < year * 12) {
            s.status = "not_started";
            s.colour = "grey";
            s.notes.push_back(fmt::format("as of {} the target year {} has not begun", as_of.to_string(), year));
            report.rows.push_back(std::move(s));
            continue;
        }
        measure wanted = measure::level;
        switch (t.kind) {
            case target_kind::growth_at_least:
            case target_kind::reduce_by: wanted = measure::growth_pct; break;
            case target_kind::share_at_least: wanted = measure::share_pct; break;
            case target_kind::rank_at_most: wanted = measure::rank; break;
            case target_kind::count_at_least: wanted = measure::count; break;
            case target_kind::level_at_least: wanted = measure::level; break;
        }
        const fact* obs = detail::latest_observation(observations, t, wanted, as_of);
        if (obs == nullptr && t.kind == target_kind::count_at_least)
            obs = detail::latest_observation(observations, t, measure::level, as_of);
        if (obs == nullptr) {
            s.status = "no_data";
            s.colour = "grey";
            s.notes.push_back(fmt::format("no {} of {} for {} published up to {}", to_string(wanted), t.indicator, year,
                                          as_of.to_string()));
            report.rows.push_back(std::move(s));
            continue;
        }
        s.observation = *obs;
        const bool complete = obs->period.kind() == period_kind::year || obs->period.last_month() == 12;
        const double tau = complete ? 1.0 : obs->period.last_month() / 12.0;
        m["time_progress_pct"] = 100 * tau;
        switch (t.kind) {
            case target_kind::level_at_least:
            case target_kind::count_at_least: {
                if (!obs->unit.compatible(t.unit)) {
                    s.notes.push_back(fmt::format("observation in '{}' cannot be compared with a goal in '{}'",
                                                  obs->unit.symbol(), t.unit.symbol()));
                    break;
                }
                const double c = obs->unit.convert(obs->value, t.unit);
                m["completion_pct"] = 100 * c / t.value;
                m["gap_pp"] = m["completion_pct"] - m["time_progress_pct"];
                if (complete) m["achieved"] = c >= t.value ? 1 : 0;
                // Growth needed in the rest of the year (A5): needs B (last year's level) and the
                // prior-year YTD base P_m = C_m / (1 + G_m) from the published YTD growth.
                if (const fact* g = detail::same_period(observations, *obs, {measure::growth_pct}); g && !complete) {
                    s.observed_growth = *g;
                    if (t.base_value && t.base_unit.compatible(t.unit)) {
                        const double big_b = t.base_unit.convert(*t.base_value, t.unit);
                        const double pm = c / (1 + detail::as_fraction(g->value, g->unit));
                        if (big_b - pm > 0) m["required_rest_growth_pct"] = 100 * ((t.value - c) / (big_b - pm) - 1);
                    }
                }
                break;
            }
            case target_kind::growth_at_least: {
                const double g = detail::as_fraction(obs->value, obs->unit), goal = detail::as_fraction(t.value, t.unit);
                m["gap_pp"] = 100 * (g - goal);
                if (complete) m["achieved"] = g >= goal ? 1 : 0;
                if (const fact* c = detail::same_period(observations, *obs, {measure::level}); c && !complete) {
                    s.observed_level = *c;
                    if (t.base_value && t.base_unit.compatible(c->unit)) {
                        const double cm = c->unit.convert(c->value, t.base_unit);
                        const double pm = cm / (1 + g);
                        const double big_b = *t.base_value;
                        if (big_b - pm > 0) m["required_rest_growth_pct"] = 100 * (((1 + goal) * big_b - cm) / (big_b - pm) - 1);
                    }
                }
                break;
            }
            case target_kind::reduce_by: {
                const double cut = -detail::as_fraction(obs->value, obs->unit), goal = detail::as_fraction(t.value, t.unit);
                m["gap_pp"] = 100 * (cut - goal);
                if (complete) m["achieved"] = cut >= goal ? 1 : 0;
                break;
            }
            case target_kind::share_at_least: {
                const double sh = detail::as_fraction(obs->value, obs->unit), goal = detail::as_fraction(t.value, t.unit);
                m["gap_pp"] = 100 * (sh - goal);
                if (complete) m["achieved"] = sh >= goal ? 1 : 0;
                break;
            }
            case target_kind::rank_at_most: {
                m["gap_pp"] = t.value - obs->value;  // places ahead of the goal
                if (complete) m["achieved"] = obs->value <= t.value ? 1 : 0;
                break;
            }
        }
        if (!complete && m.count("required_rest_growth_pct") == 0 && t.kind != target_kind::rank_at_most)
            s.notes.push_back("rest-of-year growth needs last year's level and the published YTD growth and level");
        if (const rule* r = rules.evaluate(m)) {
            s.status = r->label;
            s.colour = r->colour;
        } else {
            s.status = "unclassified";
            s.colour = "grey";
        }
        report.rows.push_back(std::move(s));
    }
    return report;
}

/// The report as a plain-text table (one line per target): region, indicator, period, goal,
/// base, what the goal implies or requires, the observation, the gap and the status.
[[nodiscard]] inline std::string to_text(const target_report& report, const region_registry& regions,
                                         const indicator_catalogue& indicators) {
    static constexpr const char* qual_before[] = {"", "", "超", "近", "约", "", "不到", "预计"};
    static constexpr const char* qual_after[] = {"", "以上", "", "", "", "以内", "", ""};
    auto num = [](double v) { return fmt::format("{:.6g}", v); };
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"region", "indicator", "period", "goal", "base", "implies", "observed", "gap", "status"});
    for (const auto& s : report.rows) {
        const auto& t = s.goal;
        const region* r = regions.find(static_cast<std::int64_t>(t.region_code));
        const indicator* ind = indicators.find(t.indicator);
        const auto qi = static_cast<std::size_t>(t.qualifier);
        std::string goal = fmt::format("{}{}{}{}{}", qual_before[qi],
                                       t.kind == target_kind::growth_at_least ? "+" :
                                       t.kind == target_kind::reduce_by       ? "-" : "",
                                       num(t.value), t.unit.symbol(), qual_after[qi]);
        std::string base = t.base_value ? fmt::format("{} {} ({})", num(*t.base_value), t.base_unit.symbol(),
                                                      t.base_period->to_string())
                                        : "-";
        std::string implies = "-";
        if (const auto it = s.metrics.find("implied_level"); it != s.metrics.end())
            implies = fmt::format("{} {}", num(it->second), t.base_unit.symbol());
        else if (const auto it2 = s.metrics.find("required_growth_pct"); it2 != s.metrics.end())
            implies = fmt::format("needs {:+.2f}%", it2->second);
        std::string observed = s.observation ? fmt::format("{} {} ({})", num(s.observation->value),
                                                           s.observation->unit.symbol(), s.observation->period.to_string())
                                             : "-";
        std::string gap = "-";
        if (const auto it = s.metrics.find("gap_pp"); it != s.metrics.end()) gap = fmt::format("{:+.1f} pp", it->second);
        rows.push_back({r ? r->name_zh : std::to_string(t.region_code), ind ? ind->name_zh : t.indicator,
                        t.period.to_string(), goal, base, implies, observed, gap, s.status});
    }
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], detail::display_width(row[c]));
    std::string out = fmt::format("Targets as of {} (rules: {})\n", report.as_of.to_string(), report.rules);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string line;
        for (std::size_t c = 0; c < rows[i].size(); ++c) {
            if (c) line += "  ";
            line += detail::pad_display(rows[i][c], widths[c]);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        if (i == 0) {
            std::string rule_line;
            for (std::size_t c = 0; c < widths.size(); ++c) rule_line += (c ? "  " : "") + std::string(widths[c], '-');
            out += rule_line + "\n";
        }
    }
    return out;
}

}  // namespace regind
