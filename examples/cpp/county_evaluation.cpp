// SPDX-License-Identifier: MIT
// A county's 亩均效益 evaluation with A/B/C/D classes and 碳效码 carbon grades, in C++.
//
// THE FIRMS ARE SYNTHETIC: 400 enterprises drawn from a seeded generator to show the workflow,
// not data of any real firm or county. The scheme is the Huangyan 2022 preset for firms above
// designated size (REFERENCE-METHODS G2–G3); carbon grades follow G4 with illustrative
// emission factors.
#include <cstdio>
#include <random>

#include <fmt/format.h>

#include <regind/regind.hpp>

namespace ev = regind::evaluation;

int main() {
    constexpr Eigen::Index n = 400;
    std::mt19937_64 rng(20221231);
    std::lognormal_distribution<double> size(0.0, 0.6);
    std::uniform_real_distribution<double> u(0.0, 1.0);

    // Columns named as the preset expects (万元, 亩, 吨标煤, 吨, 人, 万千瓦时, t).
    ev::columns firms;
    for (const char* c : {"tax", "land_mu", "value_added", "energy_tce", "emissions", "employees", "rd_expense",
                          "revenue", "electricity", "coal", "natural_gas", "oil", "green_power", "industry", "town"})
        firms[c] = Eigen::VectorXd(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double s = size(rng), land = 20.0 + 80.0 * u(rng);
        firms["land_mu"][i] = land;
        firms["tax"][i] = 24.0 * land * s * (0.5 + u(rng));
        firms["value_added"][i] = 136.0 * land * s * (0.5 + u(rng));
        firms["energy_tce"][i] = firms["value_added"][i] / (2.7 * (0.4 + 1.2 * u(rng)));
        // One firm in ten has no emission data: its term takes the average term (G2).
        firms["emissions"][i] = u(rng) < 0.1 ? std::nan("") : firms["value_added"][i] / (4900.0 * (0.4 + 1.2 * u(rng)));
        firms["employees"][i] = firms["value_added"][i] / (18.0 * (0.5 + u(rng)));
        firms["revenue"][i] = 4.0 * firms["value_added"][i];
        firms["rd_expense"][i] = firms["revenue"][i] * 0.03 * (0.2 + 1.6 * u(rng));
        firms["electricity"][i] = firms["energy_tce"][i] * 0.8;
        firms["coal"][i] = firms["energy_tce"][i] * 0.3 * u(rng);
        firms["natural_gas"][i] = firms["energy_tce"][i] * 0.01 * u(rng);
        firms["oil"][i] = firms["energy_tce"][i] * 0.02 * u(rng);
        firms["green_power"][i] = firms["electricity"][i] * 0.1 * u(rng);
        firms["industry"][i] = static_cast<double>(i % 4);  // four industries
        firms["town"][i] = static_cast<double>(i % 5);      // five towns (街道/乡镇)
    }

    fmt::print("SYNTHETIC DATA: {} generated firms, not statistics of any real enterprise.\n\n", n);
    const auto scheme = ev::preset("huangyan_2022_above_size");
    const auto r = ev::evaluate(firms, scheme);
    fmt::print("Scheme {} ({}), {} terms, {} firms ranked\n", scheme.name, scheme.year, scheme.terms.size(), r.n_ranked);

    // With 400 firms and floor rounding, the G3 cuts admit 100 / 280 / 380 / 400 ranks.
    std::map<std::string, int> counts;
    for (Eigen::Index i = 0; i < n; ++i) ++counts[r.class_of(i)];
    fmt::print("classes: A {} B {} C {} D {}\n", counts["A"], counts["B"], counts["C"], counts["D"]);

    fmt::print("\nTop five firms:\n");
    for (int k = 1; k <= 5; ++k)
        for (Eigen::Index i = 0; i < n; ++i)
            if (r.rank[i] == k)
                fmt::print("  firm {:>3}  score {:7.2f}  rank {}  class {}\n", i, r.score[i], k, r.class_of(i));

    const auto towns = ev::rollup(firms, scheme, r, firms["town"]);
    fmt::print("\nBy town: firms, A-class firms, 亩均税收 (Σ tax / Σ land, 万元/亩)\n");
    for (std::size_t g = 0; g < towns.groups.size(); ++g)
        fmt::print("  town {}  {:>3.0f}  {:>3.0f}  {:8.2f}\n", towns.groups[g], towns.count[static_cast<Eigen::Index>(g)],
                   towns.class_counts(static_cast<Eigen::Index>(g), 0), towns.ratio(static_cast<Eigen::Index>(g), 0));

    // 碳效码: L = t CO2 / 万元 value added, K = L / industry mean, grades 1–5.
    const auto factors = regind::carbon::emission_factors::preset("illustrative");
    const auto cg = regind::carbon::grades(firms, factors);
    std::array<int, 6> grades{};
    for (Eigen::Index i = 0; i < n; ++i) ++grades[static_cast<std::size_t>(cg.grade[i])];
    fmt::print("\nCarbon-efficiency grades (1 best … 5 worst): 1: {}  2: {}  3: {}  4: {}  5: {}  unclassified: {}\n",
               grades[1], grades[2], grades[3], grades[4], grades[5], grades[0]);
    fmt::print("\nReminder: SYNTHETIC DATA.\n");
    return 0;
}
