// SPDX-License-Identifier: MIT
// The seed dataset from C++: counts per document, region and measure, then a few queries
// through the registry, a query and an Eigen panel.
#include <map>

#include <regind/regind.hpp>

int main() {
    using namespace regind;
    const auto& z = regions::zhejiang();
    const auto facts = datasets::seed_facts();
    fmt::print("regind {}: {} seed facts\n", version_string, facts.size());

    std::map<std::string, int> per_doc, per_measure;
    std::map<std::int32_t, int> per_region;
    for (const auto& f : facts.facts()) {
        ++per_doc[f.doc];
        ++per_measure[std::string(to_string(f.measure))];
        ++per_region[f.region_code];
    }
    fmt::print("\nfacts per document\n");
    for (const auto& [doc, n] : per_doc) fmt::print("  {:<24} {:>4}\n", doc, n);
    fmt::print("\nfacts per region\n");
    for (const auto& [code, n] : per_region) fmt::print("  {} {:<10} {:>4}\n", code, z.get(code).name_en, n);
    fmt::print("\nfacts per measure\n");
    for (const auto& [m, n] : per_measure) fmt::print("  {:<20} {:>4}\n", m, n);

    // A query: Jiaxing's value added of industry above designated size in 2021.
    const auto& jx = z.get("嘉兴");
    fact_filter q;
    q.regions = {jx.code};
    q.indicators = {"va_industry"};
    q.periods = {period::parse("2021")};
    q.measures = {measure::level};
    const auto found = facts.query(q);  // keep the result alive while iterating over it
    for (const auto& f : found.facts())
        fmt::print("\n{} {}: value added of industry above designated size {} {} (source {} [{}, {}))\n",
                   jx.name_en, f.period, f.value, f.unit, f.doc, f.span_start, f.span_end);

    // A panel: levels of value added of industry for every region and period that has one.
    const auto p = facts.panel("va_industry", measure::level);
    fmt::print("\npanel va_industry level ({}): {} regions x {} periods\n", p.unit, p.values.rows(), p.values.cols());
    for (Eigen::Index i = 0; i < p.values.rows(); ++i) {
        fmt::print("  {:<8}", z.get(p.regions[static_cast<std::size_t>(i)]).name_en);
        for (Eigen::Index j = 0; j < p.values.cols(); ++j)
            fmt::print(" {}={}", p.periods[static_cast<std::size_t>(j)], p.values(i, j));
        fmt::print("\n");
    }
    return 0;
}
