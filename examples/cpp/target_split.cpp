// SPDX-License-Identifier: MIT
// A city's target split among its counties (目标分解), with a monthly schedule, in C++.
//
// THE BASES ARE SYNTHETIC: five counties with made-up 2023 levels, not statistics of any
// real county. The city's 2024 goal: value added of industry +8 % on 1,000 亿元 = 1,080 亿元.
#include <fmt/format.h>

#include <regind/regind.hpp>

int main() {
    // Bases: 300 + 200 + 250 + 150 + 100 = 1000 亿元.
    Eigen::ArrayXd bases(5);
    bases << 300, 200, 250, 150, 100;
    const char* names[] = {"county A", "county B", "county C", "county D", "county E"};
    fmt::print("SYNTHETIC DATA: made-up county bases, not statistics of any real county.\n\n");

    regind::split_options opt;  // proportional to the bases, a level target
    const auto s = regind::decompose(1080.0, bases, opt);
    fmt::print("Proportional split of 1080 亿元 (the city's +8%):\n");
    for (Eigen::Index i = 0; i < bases.size(); ++i)
        fmt::print("  {}  base {:6.1f}  target {:7.2f}  needs {:+.2f}%\n", names[i], s.base[i], s.target[i],
                   100.0 * s.required_growth[i]);
    fmt::print("children sum {:.2f} = parent target {:.2f}\n", s.children_target, s.parent_target);

    // User weights: the two strongest counties carry more of the increment.
    Eigen::ArrayXd w(5);
    w << 3, 2, 2, 1, 1;
    opt.method = regind::split_method::weights;
    opt.weights = w;
    opt.decimals = 1;
    const auto sw = regind::decompose(1080.0, bases, opt);
    fmt::print("\nWeighted split (weights 3:2:2:1:1, rounded to 0.1 with the sum kept):\n");
    for (Eigen::Index i = 0; i < bases.size(); ++i)
        fmt::print("  {}  target {:7.1f}  needs {:+.2f}%\n", names[i], sw.target[i], 100.0 * sw.required_growth[i]);
    fmt::print("children sum {:.1f}\n", sw.children_target);

    // Monthly cumulative targets from two past years' cumulative shares (seasonal 时序进度).
    regind::growth::row_matrix past(2, 11);
    past << 0.14, 0.23, 0.31, 0.40, 0.49, 0.57, 0.65, 0.74, 0.82, 0.91, 1.0,
            0.12, 0.21, 0.30, 0.39, 0.48, 0.56, 0.65, 0.73, 0.82, 0.91, 1.0;
    const auto m = regind::monthly_schedule(s.target[0], past);
    fmt::print("\n{}: cumulative monthly targets (seasonal vs calendar time progress)\n", names[0]);
    for (Eigen::Index k = 0; k < m.month.size(); ++k)
        fmt::print("  1–{:>2}月  {:7.2f} 亿元  {:5.1f}% vs {:5.1f}%\n", m.month[k], m.cumulative_target[k],
                   100.0 * m.cumulative_share[k], 100.0 * m.time_progress[k]);
    return 0;
}
