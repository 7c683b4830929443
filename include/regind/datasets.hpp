// SPDX-License-Identifier: MIT
// Built-in data: Zhejiang's region tree, the indicator catalogue and the seed facts of the
// five municipal bureau reports the project grew from. Everything is compiled in; no file is
// read at run time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "regind/dataset.hpp"
#include "regind/indicator.hpp"
#include "regind/region.hpp"
#include "regind/detail/data/indicator_catalogue.hpp"
#include "regind/detail/data/indicator_catalogue_b.hpp"
#include "regind/detail/data/seed_documents.hpp"
#include "regind/detail/data/seed_facts_a.hpp"
#include "regind/detail/data/seed_facts_b.hpp"
#include "regind/detail/data/zhejiang_regions.hpp"

namespace regind {

namespace regions {
/// Zhejiang province, its 11 cities and its 90 county-level divisions (GB/T 2260 codes).
/// Built once, shared and immutable.
[[nodiscard]] inline std::shared_ptr<const region_registry> zhejiang_ptr() {
    static const auto reg = std::make_shared<const region_registry>(
        region_registry::from_csv_string(detail::data::zhejiang_regions_csv, "<builtin zhejiang_regions>"));
    return reg;
}
[[nodiscard]] inline const region_registry& zhejiang() { return *zhejiang_ptr(); }
}  // namespace regions

namespace indicators {
/// Every indicator that appears in the seed documents, and the common ones around them.
[[nodiscard]] inline std::shared_ptr<const indicator_catalogue> builtin_ptr() {
    static const auto cat = [] {
        auto c = indicator_catalogue::from_csv_string(detail::data::indicator_catalogue_csv, "<builtin indicators>");
        c.merge(indicator_catalogue::from_csv_string(detail::data::indicator_catalogue_b_csv, "<builtin indicators b>"));
        return std::make_shared<const indicator_catalogue>(std::move(c));
    }();
    return cat;
}
[[nodiscard]] inline const indicator_catalogue& builtin() { return *builtin_ptr(); }
}  // namespace indicators

namespace datasets {

/// A source document of the seed dataset.
struct document {
    std::string doc;  ///< id, the file stem (e.g. 002_0aa44b95e84d5610)
    std::int32_t region_code = 0;
    int year = 0;  ///< the year it was written
    std::string title_zh;
    std::string title_en;
    std::string kind;  ///< review, summary or news
};

/// The five seed documents.
[[nodiscard]] inline const std::vector<document>& seed_documents() {
    static const std::vector<document> docs = [] {
        const auto t = regind::detail::parse_csv(detail::data::seed_documents_csv, "<builtin seed_documents>");
        std::vector<document> out;
        for (const auto& row : t.rows) {
            document d;
            d.doc = row.fields[t.column("doc")];
            d.region_code = static_cast<std::int32_t>(*regind::detail::parse_int(row.fields[t.column("region_code")]));
            d.year = static_cast<int>(*regind::detail::parse_int(row.fields[t.column("year")]));
            d.title_zh = row.fields[t.column("title_zh")];
            d.title_en = row.fields[t.column("title_en")];
            d.kind = row.fields[t.column("kind")];
            out.push_back(std::move(d));
        }
        return out;
    }();
    return docs;
}

/// Every quantitative fact of the five seed documents, with document and span.
[[nodiscard]] inline dataset seed_facts() {
    static const dataset ds = [] {
        auto a = dataset::from_csv_string(detail::data::seed_facts_a_csv, regions::zhejiang_ptr(),
                                          indicators::builtin_ptr(), "<builtin seed_facts_a>");
        const auto b = dataset::from_csv_string(detail::data::seed_facts_b_csv, regions::zhejiang_ptr(),
                                                indicators::builtin_ptr(), "<builtin seed_facts_b>");
        for (const auto& f : b.facts()) a.add(f);
        return a;
    }();
    return ds;
}

}  // namespace datasets
}  // namespace regind
