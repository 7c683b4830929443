// SPDX-License-Identifier: MIT
// Project life cycle (项目全生命周期管理, REFERENCE-METHODS G5): stages 签约 → 开工 → 竣工 → 投产 →
// 上规 → 达产, each with a planned and an actual date; a project's stage, days overdue at its
// next stage, its "五未" class and a traffic light from a replaceable rule table (B9); and the
// rates of a project list: 开工率, 竣工率, 投产率, investment completion against the annual plan
// and against time progress (超时序进度), and counts per light.
//
// Design notes:
// - Dates are day numbers (days since 1970-01-01, proleptic Gregorian), NaN when absent; the
//   Python layer converts pandas dates. days_from_civil / civil_from_days convert.
// - A project's stage is the furthest stage whose actual date is ≤ as_of (−1: not signed). The
//   overdue stage is the first stage after it whose planned date is before as_of (a project
//   with no signing date but a start planned in March is 未开工 in June): days_overdue =
//   as_of − that planned date; 0 when a later stage is planned but none is due yet; NaN when no
//   later stage has a planned date (or the project is at 达产). The overdue stage gives the 五未
//   class (未开工, 未竣工, 未投产, 未上规, 未达产; 未签约 for a signing past its date).
// - Lights: the rule table sees the metrics days_overdue, stage, next_stage (6 = done),
//   done (0/1), invest_ratio (invested / planned amount) and overdue_<code> (days overdue at
//   that stage only, codes sign, start, complete, production, above_size, full_output), so a
//   table can set per-stage thresholds. default_rules(): done → green, > 90 days red, > 0
//   days yellow, else green (illustrative local practice, not an official standard).
// - Rates over a window [start, as_of]: a stage's rate = projects whose planned date for it lies
//   in the window and that reached it by as_of / projects planned in the window (Huzhou 2017:
//   105 of 126 → 83.3 %). Time progress = elapsed days of as_of's year / days in the year,
//   as_of included. A project is ahead of time progress when invested / planned ≥ that.
// - Dates of a project out of stage order (planned or actual) throw invalid_input
//   [regind.invalid_input.project_dates] naming the row, stages and dates.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/evaluation.hpp"
#include "regind/progress.hpp"
#include "regind/ranking.hpp"

namespace regind::projects {

constexpr int n_stages = 6;
inline constexpr std::array<const char*, n_stages> stage_codes = {"sign", "start", "complete", "production",
                                                                  "above_size", "full_output"};
inline constexpr std::array<const char*, n_stages> stage_names_zh = {"签约", "开工", "竣工", "投产", "上规", "达产"};
/// "五未" classes by the overdue stage (未签约 is not one of the five, but has a name too).
inline constexpr std::array<const char*, n_stages> wuwei_names = {"未签约", "未开工", "未竣工", "未投产", "未上规", "未达产"};

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct civil_date {
    std::int64_t year;
    unsigned month, day;
};

[[nodiscard]] constexpr civil_date civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

[[nodiscard]] inline std::string format_day(double day) {
    if (std::isnan(day)) return "none";
    const auto c = civil_from_days(static_cast<std::int64_t>(day));
    return fmt::format("{:04d}-{:02d}-{:02d}", c.year, c.month, c.day);
}

/// A project list: n × 6 planned and actual dates (stage order of stage_codes), the annual
/// planned investment and the amount invested so far (same unit, e.g. 万元).
struct project_table {
    row_matrix planned, actual;
    Eigen::VectorXd planned_amount, invested;

    [[nodiscard]] Eigen::Index size() const { return planned.rows(); }

    /// Shapes, whole-day dates, and stage order of each row's planned and actual dates.
    void validate() const {
        const Eigen::Index n = planned.rows();
        if (planned.cols() != n_stages || actual.cols() != n_stages || actual.rows() != n || planned_amount.size() != n ||
            invested.size() != n)
            throw invalid_input(fmt::format("[regind.invalid_input.shape] a project table needs n × 6 planned and actual "
                                            "dates and n amounts; got {}×{}, {}×{}, {} and {}",
                                            planned.rows(), planned.cols(), actual.rows(), actual.cols(),
                                            planned_amount.size(), invested.size()));
        for (const auto* m : {&planned, &actual}) {
            const char* what = m == &planned ? "planned" : "actual";
            for (Eigen::Index i = 0; i < n; ++i) {
                int prev = -1;
                for (int s = 0; s < n_stages; ++s) {
                    const double v = (*m)(i, s);
                    if (std::isnan(v)) continue;
                    if (!std::isfinite(v) || v != std::floor(v))
                        throw invalid_input(fmt::format("[regind.invalid_input.project_dates] project {}: {} {} date {} "
                                                        "is not a whole day", i, what, stage_names_zh[static_cast<std::size_t>(s)], v));
                    if (prev >= 0 && v < (*m)(i, prev))
                        throw invalid_input(fmt::format(
                            "[regind.invalid_input.project_dates] project {}: {} {} date {} is before {} {} date {}; dates "
                            "must follow the stage order 签约 → 开工 → 竣工 → 投产 → 上规 → 达产",
                            i, what, stage_names_zh[static_cast<std::size_t>(s)], format_day(v), what,
                            stage_names_zh[static_cast<std::size_t>(prev)], format_day((*m)(i, prev))));
                    prev = s;
                }
            }
        }
    }
};

/// The default warning table (illustrative, not an official standard).
[[nodiscard]] inline rule_table default_rules() {
    return {"project_default",
            {{"done", "==", 1, "已达产", "green"},
             {"days_overdue", ">", 90, "严重滞后", "red"},
             {"days_overdue", ">", 0, "滞后", "yellow"},
             {"*", "*", 0, "正常", "green"}}};
}

struct status_result {
    Eigen::VectorXi stage;          ///< furthest stage reached by as_of, −1 not signed
    Eigen::VectorXi next_stage;     ///< stage + 1 (6: done)
    Eigen::VectorXd days_overdue;   ///< see the notes
    Eigen::VectorXi overdue_stage;  ///< −1 none, else the stage (its 五未 class)
    Eigen::VectorXi light;          ///< index into labels, −1 when no rule matched
    std::vector<std::string> labels, colours;
};

namespace detail {
inline void light_labels(const rule_table& rules, std::vector<std::string>& labels, std::vector<std::string>& colours,
                         std::vector<int>& rule_to_label) {
    for (const auto& r : rules.rules()) {
        auto it = std::find(labels.begin(), labels.end(), r.label);
        if (it == labels.end()) {
            labels.push_back(r.label);
            colours.push_back(r.colour);
            it = labels.end() - 1;
        }
        rule_to_label.push_back(static_cast<int>(it - labels.begin()));
    }
}
inline void check_as_of(double as_of) {
    if (!std::isfinite(as_of) || as_of != std::floor(as_of))
        throw invalid_input(fmt::format("[regind.invalid_input.project_dates] as_of must be a whole day number, not {}", as_of));
}
}  // namespace detail

/// Each project's stage, days overdue, 五未 class and light as of day `as_of`.
[[nodiscard]] inline status_result status(const project_table& t, double as_of, const rule_table& rules = default_rules()) {
    t.validate();
    detail::check_as_of(as_of);
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const Eigen::Index n = t.size();
    status_result r;
    std::vector<int> rule_to_label;
    detail::light_labels(rules, r.labels, r.colours, rule_to_label);
    r.stage.resize(n);
    r.next_stage.resize(n);
    r.days_overdue.resize(n);
    r.overdue_stage.resize(n);
    r.light.resize(n);
    std::map<std::string, double> m;
    for (Eigen::Index i = 0; i < n; ++i) {
        int stage = -1;
        for (int s = 0; s < n_stages; ++s)
            if (!std::isnan(t.actual(i, s)) && t.actual(i, s) <= as_of) stage = s;
        const int next = stage + 1;
        double days = nan;
        int overdue = -1;
        for (int s = next; s < n_stages; ++s) {
            const double p = t.planned(i, s);
            if (std::isnan(p)) continue;
            if (std::isnan(days)) days = 0.0;
            if (p < as_of) {
                days = as_of - p;
                overdue = s;
                break;
            }
        }
        r.stage[i] = stage;
        r.next_stage[i] = next;
        r.days_overdue[i] = days;
        r.overdue_stage[i] = overdue;
        m.clear();
        m["days_overdue"] = days;
        m["stage"] = stage;
        m["next_stage"] = next;
        m["done"] = next == n_stages ? 1.0 : 0.0;
        m["invest_ratio"] = t.planned_amount[i] > 0 ? t.invested[i] / t.planned_amount[i] : nan;
        if (overdue >= 0) m[std::string("overdue_") + stage_codes[static_cast<std::size_t>(overdue)]] = days;
        const rule* hit = rules.evaluate(m);
        r.light[i] = hit ? rule_to_label[static_cast<std::size_t>(hit - rules.rules().data())] : -1;
    }
    return r;
}

struct rates_result {
    std::vector<std::int64_t> groups;
    row_matrix planned, reached, rate;  ///< groups × 6 stages
    Eigen::VectorXd projects, planned_amount, invested, investment_completion, ahead_of_time_progress, with_plan;
    double time_progress = 0;
    row_matrix light_counts;  ///< groups × labels
    std::vector<std::string> labels, colours;
};

/// Rates per group (integer codes; NaN or negative: left out) over the window [start, as_of].
[[nodiscard]] inline rates_result rates(const project_table& t, double as_of, double start, const rule_table& rules,
                                        Eigen::Ref<const Eigen::VectorXd> group) {
    const auto st = status(t, as_of, rules);
    if (!std::isfinite(start) || start != std::floor(start) || start > as_of)
        throw invalid_input(fmt::format("[regind.invalid_input.project_dates] the window start {} must be a whole day "
                                        "on or before as_of {}", format_day(start), format_day(as_of)));
    const Eigen::Index n = t.size();
    regind::detail::check_same_size("rates", "group", group.size(), "projects", n);
    rates_result r;
    r.labels = st.labels;
    r.colours = st.colours;
    Eigen::VectorXd g = group;
    const auto gi = evaluation::detail::group_index(&g, n, r.groups);
    const auto G = static_cast<Eigen::Index>(r.groups.size());
    r.planned.setZero(G, n_stages);
    r.reached.setZero(G, n_stages);
    r.projects.setZero(G);
    r.planned_amount.setZero(G);
    r.invested.setZero(G);
    r.ahead_of_time_progress.setZero(G);
    r.with_plan.setZero(G);
    r.light_counts.setZero(G, static_cast<Eigen::Index>(r.labels.size()));
    const auto y = civil_from_days(static_cast<std::int64_t>(as_of)).year;
    const auto jan1 = static_cast<double>(days_from_civil(y, 1, 1));
    const auto len = static_cast<double>(days_from_civil(y + 1, 1, 1)) - jan1;
    r.time_progress = (as_of - jan1 + 1) / len;
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto k = gi[static_cast<std::size_t>(i)];
        if (k < 0) continue;
        r.projects[k] += 1;
        for (int s = 0; s < n_stages; ++s) {
            const double p = t.planned(i, s);
            if (std::isnan(p) || p < start || p > as_of) continue;
            r.planned(k, s) += 1;
            if (!std::isnan(t.actual(i, s)) && t.actual(i, s) <= as_of) r.reached(k, s) += 1;
        }
        const double plan = t.planned_amount[i], inv = t.invested[i];
        if (plan > 0 && !std::isnan(inv)) {
            r.planned_amount[k] += plan;
            r.invested[k] += inv;
            r.with_plan[k] += 1;
            if (inv / plan >= r.time_progress) r.ahead_of_time_progress[k] += 1;
        }
        if (st.light[i] >= 0) r.light_counts(k, st.light[i]) += 1;
    }
    r.rate = r.reached.cwiseQuotient(r.planned);  // 0 / 0 → NaN: nothing planned
    r.investment_completion = r.invested.cwiseQuotient(r.planned_amount);
    return r;
}

}  // namespace regind::projects
