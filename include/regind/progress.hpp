// SPDX-License-Identifier: MIT
// Progress against targets: completion (完成率), time progress (时序进度) and the gap between
// them, traffic lights (亮灯) from replaceable rule tables, and the published progress methods
// (REFERENCE-METHODS B2–B6): the Eurostat / Statistics Canada (Open SDG) pace ratio, the UNSD
// projected end point as replicated by EUSTAT, and ESCAP's current status and anticipated
// progress.
//
// Design notes: every method returns an `assessment`: the raw statistic, the category, the
// inputs it actually used and notes on substitutions, so a reader can redo the arithmetic.
// Thresholds live in data (rule tables), not in code.
#pragma once

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/detail/csv.hpp"
#include "regind/detail/text.hpp"

namespace regind {

/// The result of a progress method.
struct assessment {
    std::string method;
    double statistic = std::numeric_limits<double>::quiet_NaN();  ///< the raw value the category is read from
    std::string category;                                          ///< e.g. "substantial", "on_track"
    double score = std::numeric_limits<double>::quiet_NaN();       ///< Open SDG score in [−5, 5] where defined
    bool target_achieved = false;
    std::map<std::string, double> inputs;  ///< what was actually used (base, current, years, CAGRs, ...)
    std::vector<std::string> notes;
};

// ---------------------------------------------------------------------------------------------
// Rule tables (B9)

/// One rule: when `metric` compares to `threshold` as `op` says, the result is `label`/`colour`.
/// op is one of >=, >, <=, <, ==, != or * (always matches: a fallback).
struct rule {
    std::string metric;
    std::string op;
    double threshold = 0.0;
    std::string label;
    std::string colour;
};

/// Rules evaluated top-down; the first whose metric is present and whose comparison holds wins.
class rule_table {
public:
    rule_table() = default;
    rule_table(std::string name, std::vector<rule> rules) : name_(std::move(name)), rules_(std::move(rules)) {
        for (const auto& r : rules_) check(r);
    }

    /// Presets: "cn_time_progress" (gap to time progress: green ≥ 0, yellow ≥ −5 pp, red; an
    /// illustrative local practice, not an official standard), "eurostat", "statcan_opensdg",
    /// "unsd2023_eustat", "escap".
    static rule_table preset(std::string_view name);
    /// `metric,op,threshold,label,colour` CSV.
    static rule_table from_csv_string(std::string_view text, const std::string& source = "<string>");
    [[nodiscard]] std::string to_csv_string() const;

    /// The first matching rule, or nullptr when none matches.
    [[nodiscard]] const rule* evaluate(const std::map<std::string, double>& metrics) const;

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] const std::vector<rule>& rules() const noexcept { return rules_; }

private:
    static void check(const rule& r) {
        static const std::vector<std::string> ops = {">=", ">", "<=", "<", "==", "!=", "*"};
        if (std::find(ops.begin(), ops.end(), r.op) == ops.end())
            throw invalid_input(fmt::format("[regind.invalid_input.rule] unknown comparison '{}' in rule for '{}'; "
                                            "expected one of >=, >, <=, <, ==, != or *",
                                            r.op, r.metric));
        if (r.label.empty()) throw invalid_input("[regind.invalid_input.rule] a rule needs a label");
        if (r.op != "*" && !std::isfinite(r.threshold))
            throw invalid_input(fmt::format("[regind.invalid_input.rule] rule for '{}' needs a finite threshold", r.metric));
    }
    std::string name_;
    std::vector<rule> rules_;
};

inline const rule* rule_table::evaluate(const std::map<std::string, double>& metrics) const {
    for (const auto& r : rules_) {
        if (r.op == "*") return &r;
        const auto it = metrics.find(r.metric);
        if (it == metrics.end() || std::isnan(it->second)) continue;
        const double v = it->second;
        const bool hit = (r.op == ">=" && v >= r.threshold) || (r.op == ">" && v > r.threshold) ||
                         (r.op == "<=" && v <= r.threshold) || (r.op == "<" && v < r.threshold) ||
                         (r.op == "==" && v == r.threshold) || (r.op == "!=" && v != r.threshold);
        if (hit) return &r;
    }
    return nullptr;
}

inline rule_table rule_table::preset(std::string_view name) {
    if (name == "cn_time_progress")
        return {"cn_time_progress",
                {{"achieved", "==", 1, "achieved", "green"},
                 {"achieved", "==", 0, "missed", "red"},
                 {"gap_pp", ">=", 0, "on_track", "green"},
                 {"gap_pp", ">=", -5, "behind", "yellow"},
                 {"gap_pp", "<", -5, "far_behind", "red"}}};
    if (name == "eurostat")
        return {"eurostat",
                {{"ratio", ">=", 0.95, "significant_progress", "green"},
                 {"ratio", ">=", 0.60, "moderate_progress", "lightgreen"},
                 {"ratio", ">=", 0, "insufficient_progress", "orange"},
                 {"ratio", "<", 0, "movement_away", "red"}}};
    if (name == "statcan_opensdg")
        return {"statcan_opensdg",
                {{"ratio", ">=", 0.95, "substantial", "green"},
                 {"ratio", ">=", 0.60, "moderate", "lightgreen"},
                 {"ratio", ">=", 0, "limited", "orange"},
                 {"ratio", "<", 0, "deterioration", "red"}}};
    if (name == "unsd2023_eustat")
        return {"unsd2023_eustat",
                {{"ratio", ">=", 0.95, "on_track", "green"},
                 {"ratio", ">=", 0.10, "moderate", "yellow"},
                 {"ratio", "<", 0.10, "off_track", "red"}}};
    if (name == "escap")
        return {"escap",
                {{"gap", "<=", 0, "maintain", "green"},
                 {"gap", "<=", 1, "accelerate", "yellow"},
                 {"gap", ">", 1, "reverse_trend", "red"}}};
    throw invalid_input(fmt::format("[regind.invalid_input.rule_table] unknown rule table preset '{}'; expected "
                                    "cn_time_progress, eurostat, statcan_opensdg, unsd2023_eustat or escap",
                                    name));
}

inline rule_table rule_table::from_csv_string(std::string_view text, const std::string& source) {
    const auto t = detail::parse_csv(text, source);
    detail::require_columns(t, {"metric", "op", "threshold", "label"}, {"colour"});
    std::vector<rule> rules;
    for (const auto& row : t.rows) {
        rule r;
        r.metric = std::string(detail::trim(row.fields[t.column("metric")]));
        r.op = std::string(detail::trim(row.fields[t.column("op")]));
        const auto th = detail::trim(row.fields[t.column("threshold")]);
        if (r.op != "*") {
            const auto v = detail::parse_double(th);
            if (!v) detail::throw_cell_error(t, row, t.column("threshold"), "expected a finite number");
            r.threshold = *v;
        }
        r.label = std::string(detail::trim(row.fields[t.column("label")]));
        if (t.column("colour") != std::string_view::npos) r.colour = std::string(detail::trim(row.fields[t.column("colour")]));
        try {
            check(r);
        } catch (const invalid_input& e) {
            throw parse_error(fmt::format("[regind.parse_error.csv] {}:{}: {}", t.source, row.line, e.what()), t.source,
                              row.line, 1, r.op);
        }
        rules.push_back(std::move(r));
    }
    return rule_table(source, std::move(rules));
}

inline std::string rule_table::to_csv_string() const {
    std::string out = "metric,op,threshold,label,colour\n";
    for (const auto& r : rules_) out += fmt::format("{},{},{},{},{}\n", r.metric, r.op, r.threshold, r.label, r.colour);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Published methods (B4–B6)

namespace detail {
inline double cagr_between(double y0, double y1, double years) { return std::pow(y1 / y0, 1.0 / years) - 1.0; }

inline void classify(assessment& a, const rule_table& table, const char* metric) {
    const auto* r = table.evaluate({{metric, a.statistic}});
    a.category = r ? r->label : "not_available";
}
}  // namespace detail

/// Options shared by the pace and end-point methods.
struct progress_inputs {
    double base = 0;      ///< y0 at year t0
    double current = 0;   ///< y_t at year t
    std::optional<double> target;  ///< y* at year T (none: the no-target variant where defined)
    double t0 = 0, t = 0, T = 0;
    int direction = +1;   ///< +1 higher is better, −1 lower is better
    std::optional<double> limit;  ///< natural limit (Open SDG method 1 only)
};

/// Eurostat pace ratio RR = CAGR_a / CAGR_r with a target (B4): ≥ 0.95 significant progress,
/// 0.60–0.95 moderate, 0–0.60 insufficient, < 0 movement away. Undefined (zero or negative
/// base, opposite signs, target equal to base) → category "not_available" with a note.
[[nodiscard]] inline assessment eurostat_pace(const progress_inputs& in) {
    assessment a;
    a.method = "eurostat";
    a.inputs = {{"base", in.base}, {"current", in.current}, {"t0", in.t0}, {"t", in.t}, {"T", in.T}};
    if (!in.target) throw invalid_input("[regind.invalid_input.progress] the Eurostat pace ratio needs a target");
    a.inputs["target"] = *in.target;
    if (in.t - in.t0 < 1 || in.T - in.t0 <= 0) {
        a.category = "insufficient_data";
        a.notes.push_back("needs t − t0 ≥ 1 and T > t0");
        return a;
    }
    if (in.base <= 0 || in.current <= 0 || *in.target <= 0) {
        a.category = "not_available";
        a.notes.push_back("CAGR undefined: base, current and target must be positive");
        return a;
    }
    const double ca = detail::cagr_between(in.base, in.current, in.t - in.t0);
    const double cr = detail::cagr_between(in.base, *in.target, in.T - in.t0);
    a.inputs["cagr_actual"] = ca;
    a.inputs["cagr_required"] = cr;
    a.target_achieved = in.direction > 0 ? in.current >= *in.target : in.current <= *in.target;
    if (cr == 0) {
        a.category = a.target_achieved ? "target_achieved" : "not_available";
        a.notes.push_back("required CAGR is zero (target equals base)");
        return a;
    }
    a.statistic = ca / cr;
    detail::classify(a, rule_table::preset("eurostat"), "ratio");
    if (a.target_achieved) a.notes.push_back("target already achieved");
    return a;
}

/// Statistics Canada / Open SDG progress measure (B4), with the Open SDG score.
/// With a target: v = sign·d·CAGR_a/|CAGR_r| against 0.95 / 0.60 / 0; without: v = sign·d·CAGR_a
/// against 0.015 / 0.005 / 0, scaled by the natural-limit factor C when a limit is given.
/// `substitute_zero`: Open SDG replaces a zero base or target by 0.001 (recorded in notes);
/// otherwise a zero base is "not_available".
[[nodiscard]] inline assessment statcan_progress(const progress_inputs& in, bool substitute_zero = false) {
    assessment a;
    a.method = "statcan_opensdg";
    double base = in.base, current = in.current;
    std::optional<double> target = in.target;
    a.inputs = {{"base", base}, {"current", current}, {"t0", in.t0}, {"t", in.t}, {"direction", in.direction}};
    if (target) a.inputs["target"] = *target;
    if (in.t - in.t0 < 1) {
        a.category = "insufficient_data";
        a.notes.push_back("needs current year − base year ≥ 1");
        return a;
    }
    auto zero_fix = [&](double& v, const char* what) {
        if (v == 0 && substitute_zero) {
            v = 0.001;
            a.notes.push_back(fmt::format("{} 0 replaced by 0.001 (Open SDG)", what));
        }
    };
    zero_fix(base, "base");
    if (target) zero_fix(*target, "target");
    if (base == 0 || (base < 0) != (current < 0) || current == 0) {
        a.category = "not_available";
        a.notes.push_back("base and current must be non-zero and of the same sign");
        return a;
    }
    const double sign = base < 0 ? -1.0 : 1.0;
    const double ca = detail::cagr_between(base, current, in.t - in.t0);
    a.inputs["cagr_actual"] = ca;
    const int d = in.direction;
    if (target) {
        if ((*target < 0) != (base < 0)) {
            a.category = "not_available";
            a.notes.push_back("target and base of opposite signs");
            return a;
        }
        const double cr = detail::cagr_between(base, *target, in.T - in.t0);
        a.inputs["cagr_required"] = cr;
        a.inputs["T"] = in.T;
        a.target_achieved = d > 0 ? current >= *target : current <= *target;
        if (cr == 0) {
            a.category = a.target_achieved ? "target_achieved" : "not_available";
            a.notes.push_back("required CAGR is zero (target equals base)");
            if (a.target_achieved) a.score = 5;
            return a;
        }
        const double v = sign * d * ca / std::fabs(cr);
        a.statistic = v;
        detail::classify(a, rule_table::preset("statcan_opensdg"), "ratio");
        a.score = v >= 0.6 ? std::min(7.1429 * v - 4.2857, 5.0) : std::max(4.1667 * v - 2.5, -5.0);
    } else {
        const double v = sign * d * ca;
        a.statistic = v;
        double c = 1.0;
        if (in.limit) {
            const double y0 = std::fabs(base), lim = std::fabs(*in.limit);
            const double ae = 4.44;
            c = y0 >= 2 * lim ? 1.0 : y0 <= lim ? 1.0 - std::pow(y0 / lim, ae) : 1.0 - std::pow((2 * lim - y0) / lim, ae);
            a.inputs["limit"] = *in.limit;
            a.inputs["limit_factor"] = c;
        }
        const double high = 0.015 * c, med = 0.005 * c, low = 0.0;
        a.inputs["threshold_high"] = high;
        a.inputs["threshold_med"] = med;
        if (c == 0 && v >= 0) {
            a.category = "substantial";
            a.score = 5;
        } else {
            a.category = v >= high ? "substantial" : v >= med ? "moderate" : v >= low ? "limited" : "deterioration";
            if (v < low) a.score = std::max(125 * v - 2.5, -5.0);
            else if (v < med) a.score = 500 * v / c - 2.5;
            else if (v < high) a.score = 250 * v / c - 1.25;
            else a.score = std::min(500 * v / c - 5, 5.0);
        }
    }
    a.score = std::clamp(a.score, -5.0, 5.0);
    if (a.target_achieved) {
        a.score = 5;
        a.notes.push_back("target achieved: overrides the status");
        a.category = "target_achieved";
    }
    return a;
}

/// UNSD 2023 projected end point as replicated by EUSTAT (B5): v̂_T = y_t(1 + CAGR_a)^(T − t),
/// ratio = (v̂_T − y0)/(y* − y0): ≥ 0.95 on track, 0.10–0.95 moderate, < 0.10 off track.
/// A latest value that already meets the target is "target_achieved".
[[nodiscard]] inline assessment unsd_projected_endpoint(const progress_inputs& in) {
    assessment a;
    a.method = "unsd2023_eustat";
    if (!in.target) throw invalid_input("[regind.invalid_input.progress] the UNSD projected end point needs a target");
    a.inputs = {{"base", in.base}, {"current", in.current}, {"target", *in.target}, {"t0", in.t0}, {"t", in.t}, {"T", in.T}};
    a.target_achieved = in.direction > 0 ? in.current >= *in.target : in.current <= *in.target;
    if (a.target_achieved) {
        a.category = "target_achieved";
        a.notes.push_back("the latest value already meets the target");
        return a;
    }
    if (in.t - in.t0 < 1 || in.base <= 0 || in.current <= 0) {
        a.category = "not_available";
        a.notes.push_back("needs two positive values at least a year apart");
        return a;
    }
    if (*in.target == in.base) {
        a.category = "not_available";
        a.notes.push_back("target equals base: required progress is zero");
        return a;
    }
    const double ca = detail::cagr_between(in.base, in.current, in.t - in.t0);
    const double projected = in.current * std::pow(1 + ca, in.T - in.t);
    a.inputs["cagr_actual"] = ca;
    a.inputs["projected"] = projected;
    a.statistic = (projected - in.base) / (*in.target - in.base);
    detail::classify(a, rule_table::preset("unsd2023_eustat"), "ratio");
    return a;
}

/// ESCAP current status (CS) and anticipated progress (B6). CS = min((I_cur − I_0)/(I* − I_0), 1);
/// the anticipated value Î_T comes from weighted least squares of ln I on t with weights
/// t − t_0 + 1 (recent years count more; ESCAP's own weights are not published in a checked
/// source, so this choice is regind's and is recorded in the notes); gap = (I* − Î_T)/(I* − I_0):
/// ≤ 0 maintain, (0, 1] accelerate, > 1 reverse the trend.
[[nodiscard]] inline assessment escap_progress(const std::vector<double>& years, const std::vector<double>& values,
                                               double target, double target_year) {
    assessment a;
    a.method = "escap";
    if (years.size() != values.size())
        throw invalid_input(fmt::format("[regind.invalid_input.progress] {} years but {} values", years.size(), values.size()));
    std::vector<double> t, y;
    for (std::size_t i = 0; i < years.size(); ++i)
        if (!std::isnan(values[i])) {
            t.push_back(years[i]);
            y.push_back(values[i]);
        }
    a.inputs["target"] = target;
    a.inputs["T"] = target_year;
    if (t.size() < 2) {
        a.category = "insufficient_data";
        a.notes.push_back("needs at least two observations");
        return a;
    }
    for (double v : y)
        if (v <= 0) {
            a.category = "not_available";
            a.notes.push_back("the log-linear trend needs positive values");
            return a;
        }
    const double i0 = y.front(), icur = y.back();
    a.inputs["base"] = i0;
    a.inputs["current"] = icur;
    a.inputs["t0"] = t.front();
    a.inputs["t"] = t.back();
    if (target == i0) {
        a.category = "not_available";
        a.notes.push_back("target equals base");
        return a;
    }
    a.inputs["current_status"] = std::min((icur - i0) / (target - i0), 1.0);
    double sw = 0, st = 0, sy = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double w = t[i] - t.front() + 1;
        sw += w;
        st += w * t[i];
        sy += w * std::log(y[i]);
    }
    const double tbar = st / sw, ybar = sy / sw;
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double w = t[i] - t.front() + 1;
        sxx += w * (t[i] - tbar) * (t[i] - tbar);
        sxy += w * (t[i] - tbar) * (std::log(y[i]) - ybar);
    }
    const double b = sxy / sxx, intercept = ybar - b * tbar;
    const double projected = std::exp(intercept + b * target_year);
    a.inputs["slope"] = b;
    a.inputs["projected"] = projected;
    a.statistic = (target - projected) / (target - i0);
    detail::classify(a, rule_table::preset("escap"), "gap");
    a.notes.push_back("WLS weights t − t0 + 1 (regind's choice; ESCAP's constants unverified)");
    return a;
}

}  // namespace regind
