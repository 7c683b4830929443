// SPDX-License-Identifier: MIT
// A project list with its life-cycle warnings (项目全生命周期管理, 亮灯预警, REFERENCE-METHODS G5).
//
// THE PROJECTS ARE SYNTHETIC: 150 projects built by a seeded generator, not any real list.
// 126 of them were planned to start (开工) in the first half of 2024 and 105 of those did,
// so the 开工率 is 105 / 126 = 83.3 %.
#include <algorithm>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include <regind/regind.hpp>

namespace rp = regind::projects;

int main() {
    constexpr Eigen::Index n = 150;
    const auto day = [](int y, unsigned m, unsigned d) { return static_cast<double>(rp::days_from_civil(y, m, d)); };
    const double nan = std::nan("");
    std::mt19937_64 rng(2024);
    std::uniform_int_distribution<int> offset(0, 170);

    rp::project_table t;
    t.planned = decltype(t.planned)::Constant(n, rp::n_stages, nan);
    t.actual = t.planned;
    t.planned_amount.resize(n);
    t.invested.resize(n);
    Eigen::VectorXd county(n);
    // Which of the 126 planned starts happened: 105 chosen at random.
    std::vector<int> order(126);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<bool> started(126, false);
    for (int k = 0; k < 105; ++k) started[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])] = true;

    for (Eigen::Index i = 0; i < n; ++i) {
        county(i) = static_cast<double>(i % 5);
        const double sign = day(2023, 10, 1) + offset(rng);
        t.planned(i, 0) = sign;
        t.actual(i, 0) = sign;
        // Projects 0..125 plan to start in 2024-01-01 .. 2024-06-19; the rest later in the year.
        const double start = i < 126 ? day(2024, 1, 1) + offset(rng) : day(2024, 8, 1) + offset(rng) / 2;
        t.planned(i, 1) = std::max(start, sign);
        t.planned(i, 2) = t.planned(i, 1) + 365;
        if (i < 126 && started[static_cast<std::size_t>(i)]) t.actual(i, 1) = t.planned(i, 1) + offset(rng) / 20;
        t.planned_amount(i) = 5000.0 + 100.0 * offset(rng);
        t.invested(i) = std::isnan(t.actual(i, 1)) ? 0.0 : t.planned_amount(i) * (0.2 + offset(rng) / 340.0);
    }

    const double as_of = day(2024, 6, 30);
    fmt::print("SYNTHETIC DATA: {} generated projects, not any real project list.\n\n", n);
    const auto st = rp::status(t, as_of);
    std::map<std::string, int> lights;
    for (Eigen::Index i = 0; i < n; ++i) ++lights[st.light[i] < 0 ? "none" : st.labels[static_cast<std::size_t>(st.light[i])]];
    fmt::print("Lights on {}:", rp::format_day(as_of));
    for (const auto& [label, count] : lights) fmt::print("  {} {}", label, count);
    fmt::print("\n");

    const auto all = rp::rates(t, as_of, day(2024, 1, 1), rp::default_rules(), Eigen::VectorXd::Zero(n));
    fmt::print("开工率 (started / planned to start by {}): {:.0f} of {:.0f} = {:.1f}%\n", rp::format_day(as_of),
               all.reached(0, 1), all.planned(0, 1), 100.0 * all.rate(0, 1));
    fmt::print("investment completion {:.1f}% against time progress {:.1f}%\n", 100.0 * all.investment_completion(0),
               100.0 * all.time_progress);

    const auto by_county = rp::rates(t, as_of, day(2024, 1, 1), rp::default_rules(), county);
    fmt::print("\nBy county (synthetic codes): planned starts, started, 开工率\n");
    for (std::size_t g = 0; g < by_county.groups.size(); ++g) {
        const auto k = static_cast<Eigen::Index>(g);
        fmt::print("  county {}  {:>3.0f}  {:>3.0f}  {:5.1f}%\n", by_county.groups[g], by_county.planned(k, 1),
                   by_county.reached(k, 1), 100.0 * by_county.rate(k, 1));
    }
    fmt::print("\nMost overdue projects:\n");
    std::vector<Eigen::Index> idx(static_cast<std::size_t>(n));
    std::iota(idx.begin(), idx.end(), Eigen::Index{0});
    std::sort(idx.begin(), idx.end(), [&](Eigen::Index a, Eigen::Index b) {
        const double x = std::isnan(st.days_overdue[a]) ? -1 : st.days_overdue[a];
        const double y = std::isnan(st.days_overdue[b]) ? -1 : st.days_overdue[b];
        return x > y || (x == y && a < b);
    });
    for (std::size_t k = 0; k < 3; ++k) {
        const auto i = idx[k];
        const int s = st.overdue_stage[i];
        fmt::print("  project {:>3}: {} {:.0f} days overdue ({})\n", i,
                   s >= 0 ? rp::wuwei_names[static_cast<std::size_t>(s)] : "—", st.days_overdue[i],
                   st.light[i] >= 0 ? st.labels[static_cast<std::size_t>(st.light[i])] : "none");
    }
    return 0;
}
