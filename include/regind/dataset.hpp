// SPDX-License-Identifier: MIT
// A Dataset: facts checked against a region registry and an indicator catalogue, with
// queries, Eigen panels (regions × periods) and lossless CSV round trips.
//
// Design notes: facts are stored in insertion order with a hash index on their key. Every
// mutation validates before it changes anything, and the CSV reader builds a fresh dataset
// that is returned only when every row is good, so a failed load leaves nothing half-loaded.
// Values are written as the shortest text that reads back as the same double, so CSV round
// trips are bit-exact.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/error.hpp"
#include "regind/fact.hpp"
#include "regind/indicator.hpp"
#include "regind/period.hpp"
#include "regind/region.hpp"
#include "regind/detail/csv.hpp"

namespace regind {

using row_matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Selects facts; an empty list means "any".
struct fact_filter {
    std::vector<std::int32_t> regions;
    std::vector<std::string> indicators;
    std::vector<period> periods;
    std::vector<measure> measures;
    std::vector<std::string> comparators;
    std::vector<std::string> docs;
};

/// A regions × periods panel of one indicator and measure. Missing cells are NaN.
struct panel {
    row_matrix values;
    std::vector<std::int32_t> regions;
    std::vector<period> periods;
    regind::unit unit;
};

/// One region's values of one indicator and measure over time.
struct series {
    Eigen::VectorXd values;
    std::vector<period> periods;
    regind::unit unit;
};

class dataset {
public:
    using registry_ptr = std::shared_ptr<const region_registry>;
    using catalogue_ptr = std::shared_ptr<const indicator_catalogue>;

    /// An empty dataset whose facts must name regions of `regions` and indicators of
    /// `indicators`. Throws invalid_input on a null pointer.
    dataset(registry_ptr regions, catalogue_ptr indicators);

    /// Adds a fact after checking it (see check()). Throws invalid_input, key_error or
    /// unit_error naming the problem; the dataset is unchanged on error.
    void add(fact f);
    /// Checks a fact against the registry, the catalogue and the units rules without adding it.
    void check(const fact& f) const;

    [[nodiscard]] const std::vector<fact>& facts() const noexcept { return facts_; }
    [[nodiscard]] std::size_t size() const noexcept { return facts_.size(); }
    [[nodiscard]] bool empty() const noexcept { return facts_.empty(); }
    [[nodiscard]] const region_registry& regions() const noexcept { return *regions_; }
    [[nodiscard]] const indicator_catalogue& indicators() const noexcept { return *indicators_; }
    [[nodiscard]] const registry_ptr& regions_ptr() const noexcept { return regions_; }
    [[nodiscard]] const catalogue_ptr& indicators_ptr() const noexcept { return indicators_; }
    /// The fact with this key, or nullptr.
    [[nodiscard]] const fact* find(const fact& key_of) const noexcept;

    /// The facts matching every non-empty criterion, in dataset order.
    [[nodiscard]] dataset query(const fact_filter& filter) const;

    /// A regions × periods panel. Values are converted to the measure's panel unit (the
    /// indicator's unit for amounts, % for rates, pp for differences, 位 for ranks).
    /// `regions` / `periods` empty: every region / period that has such a fact, sorted.
    /// `comparator` empty: any, but a cell holding two facts (e.g. two rank comparators) is an
    /// error naming them.
    [[nodiscard]] regind::panel panel(std::string_view indicator, measure m, std::vector<std::int32_t> regions = {},
                                      std::vector<period> periods = {}, std::string_view comparator = {}) const;
    [[nodiscard]] regind::series series(std::int32_t region, std::string_view indicator, measure m,
                                        std::string_view comparator = {}) const;

    /// Reads facts CSV (docs/data-format.md); throws parse_error naming source, line, column and
    /// text for the first bad row, and returns nothing in that case.
    static dataset from_csv_string(std::string_view text, registry_ptr regions, catalogue_ptr indicators,
                                   const std::string& source = "<string>") {
        return from_table(detail::parse_csv(text, source), std::move(regions), std::move(indicators));
    }
    /// Builds a dataset from a parsed table (header + rows of text), as read from CSV or
    /// converted from a DataFrame; same rules and errors as from_csv_string.
    static dataset from_table(const detail::csv_table& table, registry_ptr regions, catalogue_ptr indicators);
    static dataset read_csv(const std::string& path, registry_ptr regions, catalogue_ptr indicators) {
        return from_csv_string(detail::read_file(path), std::move(regions), std::move(indicators), path);
    }
    [[nodiscard]] std::string to_csv_string() const;
    void to_csv(const std::string& path) const { detail::write_file(path, to_csv_string()); }

    /// The CSV columns, in order.
    static const std::vector<std::string>& csv_columns();

    friend bool operator==(const dataset& a, const dataset& b) noexcept { return a.facts_ == b.facts_; }
    friend bool operator!=(const dataset& a, const dataset& b) noexcept { return !(a == b); }

private:
    registry_ptr regions_;
    catalogue_ptr indicators_;
    std::vector<fact> facts_;
    std::unordered_map<std::string, std::size_t> index_;
};

inline dataset::dataset(registry_ptr regions, catalogue_ptr indicators)
    : regions_(std::move(regions)), indicators_(std::move(indicators)) {
    if (!regions_ || !indicators_)
        throw invalid_input("[regind.invalid_input.dataset] a dataset needs a region registry and an indicator catalogue");
}

inline const std::vector<std::string>& dataset::csv_columns() {
    static const std::vector<std::string> cols = {"region_code", "period",     "indicator",  "measure",    "value",
                                                  "unit",        "qualifier",  "comparator", "base_period", "doc",
                                                  "span_start",  "span_end",   "note"};
    return cols;
}

inline void dataset::check(const fact& f) const {
    auto fail = [&](const std::string& what) {
        throw invalid_input(fmt::format("[regind.invalid_input.fact] fact {} {} {} {}: {}", f.region_code,
                                        f.period.to_string(), f.indicator, to_string(f.measure), what));
    };
    (void)regions_->get(static_cast<std::int64_t>(f.region_code));  // key_error when unknown
    const auto& ind = indicators_->get(f.indicator);                 // key_error when unknown
    if (ind.code != f.indicator) fail(fmt::format("indicator must be given by its code '{}'", ind.code));
    if (!std::isfinite(f.value)) fail("value must be a finite number (missing data is no fact)");
    const auto need = measure_dimension(f.measure);
    if (need.empty()) {
        const bool rate_change = f.measure == measure::change && ind.unit.dimension() == "ratio" &&
                                 f.unit.dimension() == "percentage_point";
        if (!f.unit.compatible(ind.unit) && !rate_change)
            throw unit_error(fmt::format("[regind.unit_error.incompatible] fact {} {} {} {}: unit '{}' ({}) does not fit "
                                         "the indicator's unit '{}' ({})",
                                         f.region_code, f.period.to_string(), f.indicator, to_string(f.measure),
                                         f.unit.symbol(), f.unit.dimension(), ind.unit.symbol(), ind.unit.dimension()));
    } else if (need != "*" && f.unit.dimension() != need) {
        throw unit_error(fmt::format("[regind.unit_error.incompatible] fact {} {} {} {}: unit '{}' ({}) does not fit the "
                                     "measure, which needs a {} unit such as '{}'",
                                     f.region_code, f.period.to_string(), f.indicator, to_string(f.measure),
                                     f.unit.symbol(), f.unit.dimension(), need, measure_panel_unit(f.measure)));
    }
    if ((f.span_start < 0) != (f.span_end < 0)) fail("span_start and span_end must both be given or both be empty");
    if (f.span_start >= 0 && f.span_end <= f.span_start) fail("span_end must be greater than span_start");
    if (f.span_start >= 0 && f.doc.empty()) fail("a span needs the document it points into (doc)");
    for (char c : f.comparator)
        if (c == ',' || c == '\n' || c == '|') fail("comparator must not contain ',', '|' or a line break");
    // The CSV reader trims these fields, so edge whitespace would not survive a round trip.
    auto no_edge_space = [&](const char* name, const std::string& text) {
        if (detail::trim(text).size() != text.size())
            fail(fmt::format("{} '{}' must not start or end with whitespace", name, text));
    };
    no_edge_space("comparator", f.comparator);
    no_edge_space("doc", f.doc);
}

inline void dataset::add(fact f) {
    check(f);
    auto key = fact_key(f);
    if (const auto it = index_.find(key); it != index_.end()) {
        const auto& old = facts_[it->second];
        if (old == f) return;  // the very same fact again: idempotent
        throw invalid_input(fmt::format("[regind.invalid_input.duplicate] a fact with key {} already exists with value {} {}"
                                        " (new value {} {})",
                                        key, old.value, old.unit.symbol(), f.value, f.unit.symbol()));
    }
    index_.emplace(std::move(key), facts_.size());
    facts_.push_back(std::move(f));
}

inline const fact* dataset::find(const fact& key_of) const noexcept {
    const auto it = index_.find(fact_key(key_of));
    return it == index_.end() ? nullptr : &facts_[it->second];
}

inline dataset dataset::query(const fact_filter& q) const {
    auto in = [](const auto& v, const auto& x) { return v.empty() || std::find(v.begin(), v.end(), x) != v.end(); };
    dataset out(regions_, indicators_);
    for (const auto& f : facts_) {
        if (in(q.regions, f.region_code) && in(q.indicators, f.indicator) && in(q.periods, f.period) &&
            in(q.measures, f.measure) && in(q.comparators, f.comparator) && in(q.docs, f.doc)) {
            out.index_.emplace(fact_key(f), out.facts_.size());
            out.facts_.push_back(f);
        }
    }
    return out;
}

inline panel dataset::panel(std::string_view indicator_key, measure m, std::vector<std::int32_t> regions,
                            std::vector<period> periods, std::string_view comparator) const {
    const auto& ind = indicators_->get(indicator_key);
    for (auto r : regions) (void)regions_->get(static_cast<std::int64_t>(r));
    std::vector<const fact*> sel;
    for (const auto& f : facts_)
        if (f.indicator == ind.code && f.measure == m && (comparator.empty() || f.comparator == comparator))
            sel.push_back(&f);
    regind::panel p;
    const auto pu = measure_panel_unit(m);
    if (pu.empty()) {
        p.unit = ind.unit;
    } else if (pu == "*") {
        p.unit = sel.empty() ? unit() : sel.front()->unit;
        for (const auto* f : sel)
            if (!f->unit.compatible(p.unit))
                throw unit_error(fmt::format("[regind.unit_error.incompatible] panel {} {}: facts mix units '{}' and '{}'",
                                             ind.code, to_string(m), p.unit.symbol(), f->unit.symbol()));
    } else {
        p.unit = unit::parse(pu);
    }
    if (regions.empty()) {
        std::set<std::int32_t> s;
        for (const auto* f : sel) s.insert(f->region_code);
        regions.assign(s.begin(), s.end());
    }
    if (periods.empty()) {
        std::set<period> s;
        for (const auto* f : sel) s.insert(f->period);
        periods.assign(s.begin(), s.end());
    }
    std::unordered_map<std::int32_t, Eigen::Index> row_of;
    for (std::size_t i = 0; i < regions.size(); ++i) row_of.emplace(regions[i], static_cast<Eigen::Index>(i));
    std::map<period, Eigen::Index> col_of;
    for (std::size_t j = 0; j < periods.size(); ++j) col_of.emplace(periods[j], static_cast<Eigen::Index>(j));
    p.values = row_matrix::Constant(static_cast<Eigen::Index>(regions.size()),
                                    static_cast<Eigen::Index>(periods.size()), std::nan(""));
    std::vector<const fact*> owner(regions.size() * periods.size(), nullptr);
    for (const auto* f : sel) {
        const auto r = row_of.find(f->region_code);
        const auto c = col_of.find(f->period);
        if (r == row_of.end() || c == col_of.end()) continue;
        auto& slot = owner[static_cast<std::size_t>(r->second) * periods.size() + static_cast<std::size_t>(c->second)];
        if (slot != nullptr)
            throw invalid_input(fmt::format(
                "[regind.invalid_input.panel_conflict] panel {} {}: region {} period {} has two facts "
                "(comparator '{}' base '{}' and comparator '{}' base '{}'); pass a comparator",
                ind.code, to_string(m), f->region_code, f->period.to_string(), slot->comparator,
                slot->base_period ? slot->base_period->to_string() : "", f->comparator,
                f->base_period ? f->base_period->to_string() : ""));
        slot = f;
        double v = f->value;
        if (f->unit.compatible(p.unit)) v = f->unit.convert(v, p.unit);
        p.values(r->second, c->second) = v;
    }
    p.regions = std::move(regions);
    p.periods = std::move(periods);
    return p;
}

inline series dataset::series(std::int32_t region, std::string_view indicator_key, measure m,
                              std::string_view comparator) const {
    auto p = panel(indicator_key, m, {region}, {}, comparator);
    // Keep only the periods where this region has a value.
    regind::series s;
    s.unit = p.unit;
    std::vector<double> vals;
    for (Eigen::Index j = 0; j < p.values.cols(); ++j) {
        if (std::isnan(p.values(0, j))) continue;
        vals.push_back(p.values(0, j));
        s.periods.push_back(p.periods[static_cast<std::size_t>(j)]);
    }
    s.values = Eigen::Map<Eigen::VectorXd>(vals.data(), static_cast<Eigen::Index>(vals.size()));
    return s;
}

inline dataset dataset::from_table(const detail::csv_table& t, registry_ptr regions, catalogue_ptr indicators) {
    detail::require_columns(t, {"region_code", "period", "indicator", "measure", "value"},
                            {"unit", "qualifier", "comparator", "base_period", "doc", "span_start", "span_end", "note"},
                            {"region_zh", "region_en", "indicator_zh", "indicator_en"});
    std::vector<std::size_t> col;
    for (const auto& c : csv_columns()) col.push_back(t.column(c));
    enum { REG, PER, IND, MEA, VAL, UNI, QUA, CMP, BAS, DOC, SPS, SPE, NOTE };
    dataset ds(std::move(regions), std::move(indicators));
    std::unordered_map<std::string, std::size_t> line_of;
    auto field = [&](const detail::csv_row& row, int c) -> std::string_view {
        return col[static_cast<std::size_t>(c)] == std::string_view::npos ? std::string_view()
                                                                           : detail::trim(row.fields[col[static_cast<std::size_t>(c)]]);
    };
    for (const auto& row : t.rows) {
        const auto bad = [&](int c, const std::string& what) { detail::throw_cell_error(t, row, col[static_cast<std::size_t>(c)], what); };
        fact f;
        // Region: a code, or any key the registry knows.
        {
            const auto key = field(row, REG);
            const region* r = ds.regions_->find(key);
            if (r == nullptr) {
                std::string hint;
                try {
                    (void)ds.regions_->get(key);
                } catch (const key_error& e) {
                    hint = e.suggestions().empty() ? "" : fmt::format("; did you mean {}?", detail::join_or(e.suggestions()));
                }
                bad(REG, "unknown region" + hint);
            }
            f.region_code = r->code;
        }
        try {
            f.period = period::parse(field(row, PER));
        } catch (const parse_error&) {
            bad(PER, "unrecognised period; expected e.g. 2022, 2022-H1, 2022-Q3, 2022-06, 2022-01..06, 2016..2020");
        }
        {
            const indicator* ind = ds.indicators_->find(field(row, IND));
            if (ind == nullptr) {
                std::string hint;
                try {
                    (void)ds.indicators_->get(field(row, IND));
                } catch (const key_error& e) {
                    hint = e.suggestions().empty() ? "" : fmt::format("; did you mean {}?", detail::join_or(e.suggestions()));
                }
                bad(IND, "unknown indicator" + hint);
            }
            f.indicator = ind->code;
        }
        try {
            f.measure = parse_measure(field(row, MEA));
        } catch (const invalid_input&) {
            bad(MEA, fmt::format("unknown measure; expected one of {}", fmt::join(measure_names, ", ")));
        }
        {
            const auto v = detail::parse_double(field(row, VAL));
            if (!v) bad(VAL, "expected a finite decimal number");
            f.value = *v;
        }
        const auto unit_text = field(row, UNI);
        if (unit_text.empty()) {
            const auto pu = measure_panel_unit(f.measure);
            f.unit = (pu.empty() || pu == "*") ? ds.indicators_->get(f.indicator).unit : unit::parse(pu);
        } else {
            try {
                f.unit = unit::parse(unit_text);
            } catch (const unit_error&) {
                bad(UNI, "unknown unit; expected e.g. 亿元, 万亩, %, pp, 位, 家 (see docs/data-format.md)");
            }
        }
        try {
            f.qualifier = parse_qualifier(field(row, QUA));
        } catch (const invalid_input&) {
            bad(QUA, "unknown qualifier; expected nothing or at_least, more_than, nearly, about, at_most, less_than, estimated");
        }
        f.comparator = std::string(field(row, CMP));
        if (!field(row, BAS).empty()) {
            try {
                f.base_period = period::parse(field(row, BAS));
            } catch (const parse_error&) {
                bad(BAS, "unrecognised base period");
            }
        }
        f.doc = std::string(field(row, DOC));
        for (int c : {SPS, SPE}) {
            const auto s = field(row, c);
            if (s.empty()) continue;
            const auto v = detail::parse_int(s);
            if (!v || *v < 0) bad(c, "expected a non-negative whole number of code points");
            (c == SPS ? f.span_start : f.span_end) = *v;
        }
        if (col[NOTE] != std::string_view::npos) f.note = row.fields[col[NOTE]];
        try {
            const auto key = fact_key(f);
            if (const auto* old = ds.find(f); old != nullptr && *old != f)
                throw invalid_input(fmt::format("[regind.invalid_input.duplicate] duplicate key {} with a different value "
                                                "({} here, {} on line {})",
                                                key, f.value, old->value, line_of[key]));
            ds.add(f);
            line_of.emplace(key, row.line);
        } catch (const parse_error&) {
            throw;
        } catch (const std::exception& e) {
            throw parse_error(fmt::format("[regind.parse_error.csv] {}:{}: {}", t.source, row.line, e.what()), t.source,
                              row.line, 1, fmt::format("{}", fmt::join(row.fields, ",")));
        }
    }
    return ds;
}

inline std::string dataset::to_csv_string() const {
    std::string out = fmt::format("{}\n", fmt::join(csv_columns(), ","));
    for (const auto& f : facts_) {
        out += std::to_string(f.region_code);
        auto put = [&](std::string_view s) {
            out += ',';
            detail::append_csv_field(out, s);
        };
        put(f.period.to_string());
        put(f.indicator);
        put(to_string(f.measure));
        put(fmt::format("{}", f.value));
        put(f.unit.symbol());
        put(to_string(f.qualifier));
        put(f.comparator);
        put(f.base_period ? f.base_period->to_string() : std::string());
        put(f.doc);
        put(f.span_start >= 0 ? std::to_string(f.span_start) : std::string());
        put(f.span_end >= 0 ? std::to_string(f.span_end) : std::string());
        put(f.note);
        out += '\n';
    }
    return out;
}

}  // namespace regind
