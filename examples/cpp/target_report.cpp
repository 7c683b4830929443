// SPDX-License-Identifier: MIT
// The Jiaxing 2022 target report from C++: targets from the seed data with their 2021 bases,
// what each goal implies, and the tracking table; then Huzhou's 2016 targets against results.
#include <regind/regind.hpp>

int main() {
    using namespace regind;
    const auto facts = datasets::seed_facts();
    const auto& z = regions::zhejiang();

    target_filter jx;
    jx.regions = {z.get("嘉兴").code};
    jx.periods = {period::year(2022)};
    const auto goals = targets_from(facts, jx);
    fmt::print("Jiaxing 2022: {} goals\n", goals.size());
    for (const auto& t : goals) {
        if (const auto lvl = t.implied_level())
            fmt::print("  {} {:+g}{}: implies {:.2f} {} (base {} {} in {})\n", t.indicator, t.value, t.unit, *lvl,
                       t.base_unit, *t.base_value, t.base_unit, *t.base_period);
        else if (const auto g = t.required_growth())
            fmt::print("  {} {}{}: needs {:.2f}% on {} {} ({})\n", t.indicator, t.value, t.unit, 100 * *g,
                       *t.base_value, t.base_unit, *t.base_period);
    }
    fmt::print("\n{}", to_text(track(goals, facts, period::year(2022)), z, facts.indicators()));

    target_filter hz;
    hz.regions = {z.get("湖州").code};
    hz.periods = {period::year(2016)};
    fmt::print("\n{}", to_text(track(targets_from(facts, hz), facts, period::year(2016)), z, facts.indicators()));

    // Huzhou's value added of industry above designated size, projected to 2025 from what the
    // documents publish (2016 and 2021 only: compound growth, no interval).
    const auto s = facts.series(z.get("湖州").code, "va_industry", measure::level);
    Eigen::VectorXd years(static_cast<Eigen::Index>(s.periods.size()));
    for (std::size_t i = 0; i < s.periods.size(); ++i) years(static_cast<Eigen::Index>(i)) = s.periods[i].year();
    projection_options opt;
    opt.method = projection_method::cagr;
    opt.horizon = 2025 - static_cast<int>(years(years.size() - 1));
    const auto p = project(s.values, years, opt);
    fmt::print("\nHuzhou va_industry: {} points, CAGR {:.2f}% a year, 2025 projection {:.2f} {} (no interval from {} points)\n",
               s.values.size(), 100 * p.param("cagr"), p.mean(p.mean.size() - 1), s.unit, s.values.size());
    return 0;
}
