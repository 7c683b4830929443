// SPDX-License-Identifier: MIT
// Consistency checks of published numbers: the relations a dataset implies between its facts
// (a share against the levels of the part and the whole, a difference from the province
// against the growth it implies for the province, a completion rate against level and target,
// parts against their total, contributions against 100 %, ranks against the number of units
// ranked and against the ranked values), each checked within the rounding of the numbers as
// published (REFERENCE-METHODS A6: published values are rounded, identities hold only to
// half a unit of the last digit).
//
// Rounding and its propagation.
// - A published number x written with d decimals stands for any value in x ± h, h = ½·10^−d.
//   d comes from the shortest text of the value, and from the span when the document wrote
//   trailing zeros (543.30 has a span of 6 code points, so d = 2, not 1). Ranks, targets
//   (target_level, target_growth_pct, target_share_pct: a goal is set, not measured) and whole
//   counts in a plain count unit (家, 个, 台 — not 万户次) are exact: h = 0.
// - A derived quantity f(x_1, …, x_n) gets the first-order worst case
//       δf = Σ_i |∂f/∂x_i| · h_i
//   so δ(a ± b) = h_a + h_b, δ(100·a/b) = 100·(h_a/|b| + |a|·h_b/b²),
//   δ(100·(1+g)/(1+g*)) = 100·h_g/(1+g*). (The second-order terms, products of two half
//   units, are below 10^−5 of the quantities checked here.)
// - A relation holds ("consistent") when |computed − published| ≤ tolerance, where
//   tolerance = δ(computed) + h(published) (+ an optional allowance per relation), up to
//   10^−9 relative for floating point. A published number qualified as a bound (以上 at_least,
//   超 more_than: computed ≥ published − tolerance; 以内/不到/近 at_most, less_than, nearly:
//   computed ≤ published + tolerance) is checked one-sidedly; 约 (about) and 预计 (estimated)
//   cannot be checked. An input of the computed side that is qualified makes the relation
//   not_checkable.
//
// Which indicator is the whole of a share, which parts add up to which total, which
// indicators hold contribution rates or pulls, and what a comparator code stands for (a
// region, an indicator of the fact's own region, a number of ranked units) is data: the two
// CSV tables below, which a user extends (relations_from_csv, comparators_from_csv).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "regind/dataset.hpp"
#include "regind/error.hpp"
#include "regind/fact.hpp"
#include "regind/growth.hpp"
#include "regind/indicator.hpp"
#include "regind/period.hpp"
#include "regind/region.hpp"
#include "regind/unit.hpp"
#include "regind/detail/csv.hpp"
#include "regind/detail/text.hpp"

namespace regind {

// ---- data: known relations and comparators ----------------------------------------------------

namespace detail::data {

/// kind,whole,part,note. Kinds: share (a share_pct of `part` with no comparator is a share of
/// `whole` of the same region), sum (the parts of `whole` add up to it), contribution (`part`
/// is an indicator whose level is a contribution rate, %, to the growth of `whole`; the
/// contributions of a whole add up to 100 %), pull (`part` holds a pull, pp, on the growth of
/// `whole`; the pulls add up to the whole's growth).
inline constexpr std::string_view consistency_relations_csv = R"regind(
kind,whole,part,note
share,va_industry,va_strategic_emerging,share in value added of industry above designated size
share,va_industry,va_high_tech_industries,share in value added of industry above designated size
share,va_industry,va_equipment_manufacturing,share in value added of industry above designated size
share,va_industry,va_digital_core_manufacturing,share in value added of industry above designated size
share,va_industry,va_high_tech_manufacturing,share in value added of industry above designated size
share,va_industry,va_high_end_equipment,share in value added of industry above designated size
share,va_industry,va_information_manufacturing,share in value added of industry above designated size
share,va_industry,va_textiles_building_materials,share in value added of industry above designated size
share,gdp,va_manufacturing,share of GDP
share,gdp,va_digital_core,share of GDP
share,gdp,va_industry,share of GDP
share,inv_industry,inv_manufacturing,share of industrial investment
share,inv_industry,inv_tech_renovation,share of industrial investment
share,inv_industry,inv_equipment_manufacturing,share of industrial investment
sum,inv_three_hundred_plan,inv_three_hundred_emerging,三百计划: 百项新兴产业项目
sum,inv_three_hundred_plan,inv_three_hundred_robot,三百计划: 百项机器换人项目
sum,inv_three_hundred_plan,inv_three_hundred_smart,三百计划: 百项智能制造项目
)regind";

/// code,region,indicator,units,note. region: a region code (the comparator is that region),
/// "self" (the fact's own region) or empty; indicator: the comparator's indicator when it is
/// not the fact's own; units: how many units a rank against this comparator is taken among.
inline constexpr std::string_view consistency_comparators_csv = R"regind(
code,region,indicator,units,note
zhejiang,330000,,,the province as a whole
zhejiang_cities,,,11,Zhejiang's 11 prefecture-level cities
zhejiang_counties,,,90,Zhejiang's 90 county-level divisions
zhejiang_industrial_strong_counties,,,90,"upper bound: the 工业强县 evaluation ranks county-level divisions of Zhejiang, at most 90"
national_top100_advanced_manufacturing_cities,,,100,national top-100 list
city_industrial_investment,self,inv_industry,,the region's own industrial investment
)regind";

}  // namespace detail::data

/// A known relation between two indicators (one row of the relation table).
struct indicator_relation {
    std::string kind;  ///< share, sum, contribution or pull
    std::string whole;
    std::string part;
    std::string note;
    friend bool operator==(const indicator_relation& a, const indicator_relation& b) noexcept {
        return a.kind == b.kind && a.whole == b.whole && a.part == b.part;
    }
};

/// What a comparator code stands for (one row of the comparator table).
struct comparator_info {
    std::string code;
    std::optional<std::int32_t> region;  ///< a fixed region (zhejiang → 330000)
    bool self = false;                   ///< the fact's own region
    std::string indicator;               ///< empty: the fact's own indicator
    std::optional<int> units;            ///< number of units ranked
    std::string note;
};

inline constexpr std::string_view relation_kinds[] = {"share", "sum", "contribution", "pull"};

/// Parses a relation table (kind,whole,part[,note]). Throws parse_error naming the line for a
/// missing column, an unknown kind, an empty or repeated code, a part given two wholes for
/// its share.
[[nodiscard]] inline std::vector<indicator_relation> relations_from_csv(std::string_view text,
                                                                        const std::string& source = "<relations>") {
    const auto t = detail::parse_csv(text, source);
    detail::require_columns(t, {"kind", "whole", "part"}, {"note"});
    const auto ck = t.column("kind"), cw = t.column("whole"), cp = t.column("part"), cn = t.column("note");
    std::vector<indicator_relation> out;
    for (const auto& row : t.rows) {
        indicator_relation r;
        r.kind = std::string(detail::trim(row.fields[ck]));
        r.whole = std::string(detail::trim(row.fields[cw]));
        r.part = std::string(detail::trim(row.fields[cp]));
        if (cn != std::string_view::npos) r.note = row.fields[cn];
        if (std::find(std::begin(relation_kinds), std::end(relation_kinds), r.kind) == std::end(relation_kinds))
            detail::throw_cell_error(t, row, ck, "unknown relation kind; expected share, sum, contribution or pull");
        if (r.whole.empty()) detail::throw_cell_error(t, row, cw, "the whole must be an indicator code");
        if (r.part.empty()) detail::throw_cell_error(t, row, cp, "the part must be an indicator code");
        if (r.part == r.whole) detail::throw_cell_error(t, row, cp, "a part cannot be its own whole");
        for (const auto& o : out) {
            if (o == r) detail::throw_cell_error(t, row, cp, "repeats an earlier row");
            if (r.kind == "share" && o.kind == "share" && o.part == r.part)
                detail::throw_cell_error(t, row, cw,
                                         fmt::format("the share of '{}' already has the whole '{}'", r.part, o.whole));
        }
        out.push_back(std::move(r));
    }
    return out;
}

/// Parses a comparator table (code,region,indicator,units[,note]). Throws parse_error naming
/// the line for a missing column, an empty or repeated code, a region that is neither a code
/// nor "self", "self" without an indicator, units that are not a whole number ≥ 1.
[[nodiscard]] inline std::vector<comparator_info> comparators_from_csv(std::string_view text,
                                                                       const std::string& source = "<comparators>") {
    const auto t = detail::parse_csv(text, source);
    detail::require_columns(t, {"code", "region", "indicator", "units"}, {"note"});
    const auto cc = t.column("code"), cr = t.column("region"), ci = t.column("indicator"), cu = t.column("units"),
               cn = t.column("note");
    std::vector<comparator_info> out;
    for (const auto& row : t.rows) {
        comparator_info c;
        c.code = std::string(detail::trim(row.fields[cc]));
        if (c.code.empty()) detail::throw_cell_error(t, row, cc, "the comparator code must not be empty");
        for (const auto& o : out)
            if (o.code == c.code) detail::throw_cell_error(t, row, cc, "repeats an earlier comparator");
        const auto reg = detail::trim(row.fields[cr]);
        if (reg == "self") {
            c.self = true;
        } else if (!reg.empty()) {
            const auto code = detail::parse_int(reg);
            if (!code || *code <= 0 || *code > 999999)
                detail::throw_cell_error(t, row, cr, "expected a region code, 'self' or nothing");
            c.region = static_cast<std::int32_t>(*code);
        }
        c.indicator = std::string(detail::trim(row.fields[ci]));
        if (c.self && c.indicator.empty())
            detail::throw_cell_error(t, row, ci, "a comparator on the fact's own region ('self') needs an indicator");
        const auto u = detail::trim(row.fields[cu]);
        if (!u.empty()) {
            const auto n = detail::parse_int(u);
            if (!n || *n < 1 || *n > 1000000) detail::throw_cell_error(t, row, cu, "expected a whole number of units >= 1");
            c.units = static_cast<int>(*n);
        }
        if (cn != std::string_view::npos) c.note = row.fields[cn];
        out.push_back(std::move(c));
    }
    return out;
}

/// The built-in relation table (detail::data::consistency_relations_csv).
[[nodiscard]] inline const std::vector<indicator_relation>& builtin_relations() {
    static const auto r = relations_from_csv(detail::data::consistency_relations_csv, "<builtin relations>");
    return r;
}
/// The built-in comparator table (detail::data::consistency_comparators_csv).
[[nodiscard]] inline const std::vector<comparator_info>& builtin_comparators() {
    static const auto c = comparators_from_csv(detail::data::consistency_comparators_csv, "<builtin comparators>");
    return c;
}

/// `user` rows first, then the rows of `base` they do not replace (a share whose part the user
/// gives a whole; a row the user repeats).
[[nodiscard]] inline std::vector<indicator_relation> merge_relations(const std::vector<indicator_relation>& user,
                                                                     const std::vector<indicator_relation>& base) {
    auto out = user;
    for (const auto& b : base) {
        const bool replaced = std::any_of(user.begin(), user.end(), [&](const indicator_relation& u) {
            return u == b || (b.kind == "share" && u.kind == "share" && u.part == b.part);
        });
        if (!replaced) out.push_back(b);
    }
    return out;
}
/// `user` rows first, then the rows of `base` whose code the user does not define.
[[nodiscard]] inline std::vector<comparator_info> merge_comparators(const std::vector<comparator_info>& user,
                                                                    const std::vector<comparator_info>& base) {
    auto out = user;
    for (const auto& b : base)
        if (std::none_of(user.begin(), user.end(), [&](const comparator_info& u) { return u.code == b.code; }))
            out.push_back(b);
    return out;
}

/// Checks that every indicator a relation names is in the catalogue (key_error with the
/// closest codes otherwise) and every comparator region in the registry.
inline void validate_relations(const indicator_catalogue& indicators, const std::vector<indicator_relation>& relations) {
    for (const auto& r : relations) {
        (void)indicators.get(r.whole);
        (void)indicators.get(r.part);
    }
}
inline void validate_comparators(const region_registry& regions, const indicator_catalogue& indicators,
                                 const std::vector<comparator_info>& comparators) {
    for (const auto& c : comparators) {
        if (c.region) (void)regions.get(static_cast<std::int64_t>(*c.region));
        if (!c.indicator.empty()) (void)indicators.get(c.indicator);
    }
}

// ---- results ------------------------------------------------------------------------------------

enum class verdict : std::uint8_t { consistent, inconsistent, not_checkable };
inline constexpr std::string_view verdict_names[] = {"consistent", "inconsistent", "not_checkable"};
[[nodiscard]] inline std::string_view to_string(verdict v) noexcept { return verdict_names[static_cast<int>(v)]; }

/// The relations check_consistency() derives, in the order it reports them.
inline constexpr std::string_view consistency_relation_names[] = {
    "share",     "share_change", "comparator_growth", "completion", "completion_growth", "parts_sum",
    "roll_up",   "contribution_sum", "pull_sum",      "rank_bound", "rank_order",        "level_change"};

/// A fact a check used: its key (fact_key), document and span.
struct fact_ref {
    std::string key;
    std::string doc;
    std::int64_t span_start = -1, span_end = -1;
};

/// One relation checked. computed ± tolerance is compared with published; both are in `unit`.
/// computed is NaN when an input is missing; published is NaN when there is no published
/// side (e.g. a comparator's growth implied by a single region).
struct consistency_row {
    std::string relation;
    std::vector<std::int32_t> regions;  ///< the regions of the facts used, in order
    regind::period period;
    std::vector<std::string> indicators;  ///< the indicators of the facts used, in order
    double computed = std::numeric_limits<double>::quiet_NaN();
    double published = std::numeric_limits<double>::quiet_NaN();
    double tolerance = std::numeric_limits<double>::quiet_NaN();
    std::string unit;
    regind::verdict verdict = verdict::not_checkable;
    std::string note;
    std::vector<fact_ref> facts;
};

struct consistency_options {
    std::vector<indicator_relation> relations = builtin_relations();
    std::vector<comparator_info> comparators = builtin_comparators();
    /// Extra tolerance per relation name, in the relation's unit (e.g. {"contribution_sum", 0.5}
    /// for chained comparable-price parts, which add up only to about 100 %, §A6).
    std::map<std::string, double> allowance;
    /// Also report relations that cannot be checked (an input missing, a bound, no whole known).
    bool include_not_checkable = true;
    /// Relation names to run (consistency_relation_names); empty: all.
    std::vector<std::string> only;
};

// ---- rounding -----------------------------------------------------------------------------------

/// Decimals as written: from the shortest text of |value|, plus trailing zeros the span shows
/// (a span longer than that text: 543.30, 14.0).
[[nodiscard]] inline int written_decimals(const fact& f) {
    const std::string s = fmt::format("{}", std::fabs(f.value));
    if (const auto e = s.find_first_of("eE"); e != std::string::npos) {
        const auto mant = s.substr(0, e);
        const auto dot = mant.find('.');
        const int md = dot == std::string::npos ? 0 : static_cast<int>(mant.size() - dot - 1);
        return std::max(0, md - std::stoi(s.substr(e + 1)));
    }
    const auto dot = s.find('.');
    int d = dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
    if (f.span_start >= 0 && f.span_end > f.span_start) {
        const auto written = f.span_end - f.span_start;
        const auto n = static_cast<std::int64_t>(s.size());
        if (written > n) d += static_cast<int>(dot == std::string::npos ? std::max<std::int64_t>(0, written - n - 1) : written - n);
    }
    return d;
}

/// Whether a fact's number is exact rather than rounded: ranks, targets, whole counts in a
/// plain count unit.
[[nodiscard]] inline bool exact_number(const fact& f) noexcept {
    switch (f.measure) {
        case measure::rank:
        case measure::rank_change:
        case measure::growth_rank:
        case measure::growth_rank_change:
        case measure::target_level:
        case measure::target_growth_pct:
        case measure::target_share_pct: return true;
        default: break;
    }
    return f.unit.dimension() == "count" && f.unit.exp10() == 0 && std::floor(f.value) == f.value;
}

/// Half a unit in the last written digit, in the fact's unit (0 for exact numbers).
[[nodiscard]] inline double half_unit(const fact& f) {
    if (exact_number(f)) return 0.0;
    return 0.5 * std::pow(10.0, -written_decimals(f));
}

// ---- the checker --------------------------------------------------------------------------------

namespace detail::consistency {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// A number and its half unit, in some unit.
struct qty {
    double v = nan, h = nan;
};

inline qty as_qty(const fact& f, const unit& to) {
    return {f.unit.convert(f.value, to), f.unit.convert(half_unit(f), to)};
}

inline std::string num(double x) {
    if (std::isnan(x)) return "NaN";
    if (std::fabs(x) < 1e15 && std::floor(x) == x) return fmt::format("{:.0f}", x);
    std::string s = fmt::format("{:.4f}", x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

inline bool is_bound_above(qualifier q) {  // published is a lower bound of the truth
    return q == qualifier::at_least || q == qualifier::more_than;
}
inline bool is_bound_below(qualifier q) {  // published is an upper bound of the truth
    return q == qualifier::at_most || q == qualifier::less_than || q == qualifier::nearly;
}

class checker {
public:
    checker(const dataset& ds, const consistency_options& opt) : ds_(ds), opt_(opt) {
        for (const auto& n : opt.only)
            if (std::find(std::begin(consistency_relation_names), std::end(consistency_relation_names), n) ==
                std::end(consistency_relation_names))
                throw invalid_input(fmt::format("[regind.invalid_input.relation] unknown relation '{}' in only; expected "
                                                "some of {}",
                                                n, fmt::join(consistency_relation_names, ", ")));
        for (const auto& [name, a] : opt.allowance) {
            if (std::find(std::begin(consistency_relation_names), std::end(consistency_relation_names), name) ==
                std::end(consistency_relation_names))
                throw invalid_input(fmt::format("[regind.invalid_input.relation] unknown relation '{}' in allowance; "
                                                "expected some of {}",
                                                name, fmt::join(consistency_relation_names, ", ")));
            if (!(a >= 0.0) || !std::isfinite(a))
                throw invalid_input(fmt::format("[regind.invalid_input.allowance] the allowance of '{}' must be a finite "
                                                "number >= 0, got {}",
                                                name, a));
        }
    }

    std::vector<consistency_row> run() {
        shares();
        share_changes();
        comparator_growth();
        completion();
        parts_sum();
        roll_up();
        contributions();
        rank_bounds();
        rank_order();
        level_changes();
        return std::move(out_);
    }

private:
    const dataset& ds_;
    const consistency_options& opt_;
    std::vector<consistency_row> out_;

    // -- lookups --
    const fact* find(std::int32_t region, const period& p, const std::string& ind, measure m,
                     const std::string& comparator = {}, const std::optional<period>& base = std::nullopt) const {
        fact k;
        k.region_code = region;
        k.period = p;
        k.indicator = ind;
        k.measure = m;
        k.comparator = comparator;
        k.base_period = base;
        return ds_.find(k);
    }
    const fact* level_of(std::int32_t region, const period& p, const std::string& ind) const {
        if (const auto* f = find(region, p, ind, measure::level)) return f;
        return find(region, p, ind, measure::count);
    }
    const comparator_info* comparator(const std::string& code) const {
        for (const auto& c : opt_.comparators)
            if (c.code == code) return &c;
        return nullptr;
    }
    std::string region_name(std::int32_t code) const {
        const auto* r = ds_.regions().find(static_cast<std::int64_t>(code));
        return r ? r->short_name : std::to_string(code);
    }
    bool enabled(std::string_view relation) const {
        return opt_.only.empty() || std::find(opt_.only.begin(), opt_.only.end(), relation) != opt_.only.end();
    }
    double allowance(const std::string& relation) const {
        const auto it = opt_.allowance.find(relation);
        return it == opt_.allowance.end() ? 0.0 : it->second;
    }

    // -- rows --
    static consistency_row make(std::string relation, const period& p, std::string unit_symbol) {
        consistency_row r;
        r.relation = std::move(relation);
        r.period = p;
        r.unit = std::move(unit_symbol);
        return r;
    }
    static void use(consistency_row& r, const fact* f) {
        if (f == nullptr) return;
        if (std::find(r.regions.begin(), r.regions.end(), f->region_code) == r.regions.end())
            r.regions.push_back(f->region_code);
        if (std::find(r.indicators.begin(), r.indicators.end(), f->indicator) == r.indicators.end())
            r.indicators.push_back(f->indicator);
        r.facts.push_back({fact_key(*f), f->doc, f->span_start, f->span_end});
    }
    void emit(consistency_row&& r) {
        if (!enabled(r.relation)) return;
        if (r.verdict == verdict::not_checkable && !opt_.include_not_checkable) return;
        out_.push_back(std::move(r));
    }
    /// A row that cannot be checked, with the facts it would use and why.
    void not_checkable(consistency_row&& r, std::string why) {
        r.verdict = verdict::not_checkable;
        r.note = std::move(why);
        emit(std::move(r));
    }
    /// Judges computed (± tc) against a published number (± hp) with its qualifier.
    void judge(consistency_row&& r, double computed, double tc, double published, double hp, qualifier q,
               std::string note) {
        r.computed = computed;
        r.published = published;
        r.tolerance = tc + hp + allowance(r.relation);
        const double eps = 1e-9 * std::max({1.0, std::fabs(computed), std::fabs(published)});
        const double t = r.tolerance + eps;
        if (q == qualifier::about || q == qualifier::estimated) {
            r.verdict = verdict::not_checkable;
            note += fmt::format("; the published number is approximate ({})", to_string(q));
        } else if (is_bound_above(q)) {
            r.verdict = computed >= published - t ? verdict::consistent : verdict::inconsistent;
            note += fmt::format("; published is a lower bound ({})", to_string(q));
        } else if (is_bound_below(q)) {
            r.verdict = computed <= published + t ? verdict::consistent : verdict::inconsistent;
            note += fmt::format("; published is an upper bound ({})", to_string(q));
        } else {
            r.verdict = std::fabs(computed - published) <= t ? verdict::consistent : verdict::inconsistent;
        }
        r.note = std::move(note);
        emit(std::move(r));
    }
    /// The first input that is qualified (a bound or approximate), or nullptr.
    static const fact* qualified(std::initializer_list<const fact*> inputs) {
        for (const auto* f : inputs)
            if (f != nullptr && f->qualifier != qualifier::none) return f;
        return nullptr;
    }
    static std::string bound_note(const fact& f) {
        return fmt::format("input {} {} is qualified ({}): only a bound is known", f.indicator, to_string(f.measure),
                           to_string(f.qualifier));
    }

    // -- share: share_pct of a part vs 100 · part level / whole level --
    void shares() {
        const auto pct = unit::parse("%");
        for (const auto& f : ds_.facts()) {
            if (f.measure != measure::share_pct) continue;
            auto r = make("share", f.period, "%");
            const double pub = f.unit.convert(f.value, pct);
            r.published = pub;
            std::optional<std::int32_t> whole_region;
            std::string whole_ind;
            if (f.comparator.empty()) {
                for (const auto& rel : opt_.relations)
                    if (rel.kind == "share" && rel.part == f.indicator) {
                        whole_region = f.region_code;
                        whole_ind = rel.whole;
                        break;
                    }
                if (!whole_region) {
                    use(r, &f);
                    not_checkable(std::move(r), fmt::format("no known whole for the share of {} (add a 'share' row to "
                                                            "the relation table)",
                                                            f.indicator));
                    continue;
                }
            } else {
                const auto* c = comparator(f.comparator);
                if (c == nullptr || (!c->region && !c->self)) {
                    use(r, &f);
                    not_checkable(std::move(r), fmt::format("comparator '{}' is not a region or an indicator of the "
                                                            "comparator table",
                                                            f.comparator));
                    continue;
                }
                whole_region = c->self ? f.region_code : *c->region;
                whole_ind = c->indicator.empty() ? f.indicator : c->indicator;
            }
            // Part first, then the whole, whichever facts exist.
            r.regions = {f.region_code};
            if (*whole_region != f.region_code) r.regions.push_back(*whole_region);
            r.indicators = {f.indicator};
            if (whole_ind != f.indicator) r.indicators.push_back(whole_ind);
            const auto* part = level_of(f.region_code, f.period, f.indicator);
            const auto* whole = level_of(*whole_region, f.period, whole_ind);
            use(r, part);
            use(r, whole);
            use(r, &f);
            if (part == nullptr || whole == nullptr) {
                std::vector<std::string> missing;
                if (!part) missing.push_back(fmt::format("{} level of {}", f.indicator, region_name(f.region_code)));
                if (!whole) missing.push_back(fmt::format("{} level of {}", whole_ind, region_name(*whole_region)));
                not_checkable(std::move(r), fmt::format("missing {}", fmt::join(missing, " and ")));
                continue;
            }
            if (!part->unit.compatible(whole->unit)) {
                not_checkable(std::move(r), fmt::format("the part's unit '{}' and the whole's unit '{}' differ in "
                                                        "dimension",
                                                        part->unit.symbol(), whole->unit.symbol()));
                continue;
            }
            if (const auto* q = qualified({part, whole})) {
                not_checkable(std::move(r), bound_note(*q));
                continue;
            }
            const auto a = as_qty(*part, whole->unit);
            const auto b = as_qty(*whole, whole->unit);
            if (!(b.v > 0.0)) {
                not_checkable(std::move(r), "the whole is not positive");
                continue;
            }
            const double c = 100.0 * growth::share(a.v, b.v);
            const double tc = 100.0 * (a.h / b.v + std::fabs(a.v) * b.h / (b.v * b.v));
            const auto hp = f.unit.convert(half_unit(f), pct);
            judge(std::move(r), c, tc, pub, hp, f.qualifier,
                  fmt::format("100 · {} / {} = {} % (share of {} in {})", num(a.v), num(b.v), num(c), f.indicator,
                              whole_ind));
        }
    }

    // -- share_change: share_change_pp vs share_t − share_before --
    void share_changes() {
        const auto pct = unit::parse("%"), pp = unit::parse("pp");
        for (const auto& f : ds_.facts()) {
            if (f.measure != measure::share_change_pp) continue;
            const period before = f.base_period ? *f.base_period : f.period.same_period_last_year();
            auto r = make("share_change", f.period, "pp");
            r.published = f.unit.convert(f.value, pp);
            const auto* now = find(f.region_code, f.period, f.indicator, measure::share_pct, f.comparator);
            const auto* old = find(f.region_code, before, f.indicator, measure::share_pct, f.comparator);
            use(r, now);
            use(r, old);
            use(r, &f);
            if (!now || !old) {
                not_checkable(std::move(r), fmt::format("missing the share of {} in {}", f.indicator,
                                                        !now ? f.period.to_string() : before.to_string()));
                continue;
            }
            if (const auto* q = qualified({now, old})) {
                not_checkable(std::move(r), bound_note(*q));
                continue;
            }
            const auto a = as_qty(*now, pct), b = as_qty(*old, pct);
            const double c = growth::pp_change(a.v, b.v);
            judge(std::move(r), c, a.h + b.h, r.published, f.unit.convert(half_unit(f), pp), f.qualifier,
                  fmt::format("{} − {} = {} pp (share in {} minus share in {})", num(a.v), num(b.v), num(c),
                              f.period.to_string(), before.to_string()));
        }
    }

    // -- comparator_growth: growth − growth_diff_pp is the comparator's growth --
    struct implied {
        const fact* growth;
        const fact* diff;
        double value, tol;
    };
    void comparator_growth() {
        const auto pct = unit::parse("%"), pp = unit::parse("pp");
        // (comparator region, comparator indicator, period, base) → implied growths, in order.
        std::map<std::tuple<std::int32_t, std::string, period, std::string>, std::vector<implied>> groups;
        std::vector<std::tuple<std::int32_t, std::string, period, std::string>> order;
        for (const auto& f : ds_.facts()) {
            if (f.measure != measure::growth_diff_pp || f.comparator.empty()) continue;
            const auto* c = comparator(f.comparator);
            auto r = make("comparator_growth", f.period, "%");
            if (c == nullptr || (!c->region && !c->self)) {
                use(r, &f);
                not_checkable(std::move(r), fmt::format("comparator '{}' is not a region or an indicator of the "
                                                        "comparator table",
                                                        f.comparator));
                continue;
            }
            const auto* g = find(f.region_code, f.period, f.indicator, measure::growth_pct, {}, f.base_period);
            use(r, g);
            use(r, &f);
            if (!g) {
                not_checkable(std::move(r), fmt::format("missing the growth of {} of {}", f.indicator,
                                                        region_name(f.region_code)));
                continue;
            }
            if (const auto* q = qualified({g, &f})) {
                not_checkable(std::move(r), bound_note(*q));
                continue;
            }
            const auto gq = as_qty(*g, pct), dq = as_qty(f, pp);
            const std::int32_t creg = c->self ? f.region_code : *c->region;
            const std::string cind = c->indicator.empty() ? f.indicator : c->indicator;
            const auto key = std::make_tuple(creg, cind, f.period, f.base_period ? f.base_period->to_string() : "");
            if (groups.find(key) == groups.end()) order.push_back(key);
            groups[key].push_back({g, &f, growth::pp_change(gq.v, dq.v), gq.h + dq.h});
        }
        for (const auto& key : order) {
            const auto& [creg, cind, per, base] = key;
            const auto& v = groups[key];
            const std::optional<period> base_p = base.empty() ? std::nullopt : std::optional<period>(period::parse(base));
            const auto* pub = find(creg, per, cind, measure::growth_pct, {}, base_p);
            auto describe = [&](const implied& x) {
                return fmt::format("{} − {} = {} % implied by {}", num(as_qty(*x.growth, pct).v),
                                   num(as_qty(*x.diff, pp).v), num(x.value), region_name(x.growth->region_code));
            };
            const std::string what = fmt::format("growth of {} of {}", cind, region_name(creg));
            if (pub != nullptr) {
                for (const auto& x : v) {
                    auto r = make("comparator_growth", per, "%");
                    use(r, x.growth);
                    use(r, x.diff);
                    use(r, pub);
                    const auto p = as_qty(*pub, pct);
                    judge(std::move(r), x.value, x.tol, p.v, p.h, pub->qualifier,
                          fmt::format("{}: {} vs published {} %", what, describe(x), num(p.v)));
                }
            } else if (v.size() >= 2) {
                for (std::size_t i = 1; i < v.size(); ++i) {
                    auto r = make("comparator_growth", per, "%");
                    use(r, v[0].growth);
                    use(r, v[0].diff);
                    use(r, v[i].growth);
                    use(r, v[i].diff);
                    judge(std::move(r), v[i].value, v[i].tol, v[0].value, v[0].tol, qualifier::none,
                          fmt::format("{} (not published): {} vs {}", what, describe(v[i]), describe(v[0])));
                }
            } else {
                auto r = make("comparator_growth", per, "%");
                use(r, v[0].growth);
                use(r, v[0].diff);
                r.computed = v[0].value;
                r.tolerance = v[0].tol;
                not_checkable(std::move(r), fmt::format("{}: {}; nothing else implies or publishes it", what,
                                                        describe(v[0])));
            }
        }
    }

    // -- completion: completion_pct vs 100 · achieved / target --
    const fact* target_for(const fact& f, measure m) const {
        if (f.comparator.empty() || f.comparator == "annual_plan") {
            if (const auto* t = find(f.region_code, f.period, f.indicator, m)) return t;
            return find(f.region_code, f.period, f.indicator, m, "annual_plan");
        }
        return find(f.region_code, f.period, f.indicator, m, f.comparator);
    }
    void completion() {
        const auto pct = unit::parse("%");
        for (const auto& f : ds_.facts()) {
            if (f.measure != measure::completion_pct) continue;
            const double pub = f.unit.convert(f.value, pct);
            const double hp = f.unit.convert(half_unit(f), pct);
            const auto* achieved = level_of(f.region_code, f.period, f.indicator);
            const auto* tl = target_for(f, measure::target_level);
            if (tl != nullptr) {
                auto r = make("completion", f.period, "%");
                r.published = pub;
                use(r, achieved);
                use(r, tl);
                use(r, &f);
                if (!achieved) {
                    not_checkable(std::move(r), fmt::format("missing the level of {} in {}", f.indicator,
                                                            f.period.to_string()));
                    continue;
                }
                if (!achieved->unit.compatible(tl->unit)) {
                    not_checkable(std::move(r), "the level's and the target's units differ in dimension");
                    continue;
                }
                if (const auto* q = qualified({achieved})) {
                    not_checkable(std::move(r), bound_note(*q));
                    continue;
                }
                const auto a = as_qty(*achieved, tl->unit);
                const double T = tl->value;
                if (!(T > 0.0)) {
                    not_checkable(std::move(r), "the target is not positive");
                    continue;
                }
                const double c = 100.0 * a.v / T;
                judge(std::move(r), c, 100.0 * a.h / T, pub, hp, f.qualifier,
                      fmt::format("100 · {} / {} = {} % (level / target level)", num(a.v), num(T), num(c)));
                continue;
            }
            const auto* tg = target_for(f, measure::target_growth_pct);
            const auto* g = find(f.region_code, f.period, f.indicator, measure::growth_pct);
            if (tg != nullptr && g != nullptr) {
                auto r = make("completion_growth", f.period, "%");
                r.published = pub;
                use(r, g);
                use(r, tg);
                use(r, &f);
                if (const auto* q = qualified({g})) {
                    not_checkable(std::move(r), bound_note(*q));
                    continue;
                }
                const auto gq = as_qty(*g, unit::parse("倍"));
                const double gs = tg->unit.convert(tg->value, unit::parse("倍"));
                if (!(1.0 + gs > 0.0)) {
                    not_checkable(std::move(r), "the growth target is −100 % or less");
                    continue;
                }
                const double c = 100.0 * (1.0 + gq.v) / (1.0 + gs);
                judge(std::move(r), c, 100.0 * gq.h / (1.0 + gs), pub, hp, f.qualifier,
                      fmt::format("100 · (1 + {}) / (1 + {}) = {} % (growth achieved / growth planned, on the base of "
                                  "the published growth; the plan's base may differ, §A3)",
                                  num(gq.v), num(gs), num(c)));
                continue;
            }
            auto r = make("completion", f.period, "%");
            r.published = pub;
            use(r, achieved);
            use(r, &f);
            not_checkable(std::move(r), fmt::format("no target level for {} ({}) in {}{}", f.indicator,
                                                    f.comparator.empty() ? "annual_plan" : f.comparator,
                                                    f.period.to_string(),
                                                    tg ? ", and no published growth to set against the growth target"
                                                       : ""));
        }
    }

    // -- parts_sum: Σ parts vs the total, for the known part → total relations --
    void parts_sum() {
        std::vector<std::string> wholes;
        for (const auto& rel : opt_.relations)
            if (rel.kind == "sum" && std::find(wholes.begin(), wholes.end(), rel.whole) == wholes.end())
                wholes.push_back(rel.whole);
        for (const auto& f : ds_.facts()) {
            if (std::find(wholes.begin(), wholes.end(), f.indicator) == wholes.end()) continue;
            if (f.measure != measure::level && f.measure != measure::count && f.measure != measure::target_level)
                continue;
            if (!f.comparator.empty() || f.base_period) continue;
            std::vector<const fact*> parts;
            std::vector<std::string> missing;
            for (const auto& rel : opt_.relations) {
                if (rel.kind != "sum" || rel.whole != f.indicator) continue;
                const auto* p = find(f.region_code, f.period, rel.part, f.measure);
                if (!p && f.measure != measure::target_level)
                    p = find(f.region_code, f.period, rel.part, f.measure == measure::level ? measure::count : measure::level);
                if (p) parts.push_back(p);
                else missing.push_back(rel.part);
            }
            if (parts.empty()) continue;
            auto r = make("parts_sum", f.period, f.unit.symbol());
            r.published = f.value;
            r.indicators = {f.indicator};  // the total first, then its parts
            for (const auto* p : parts) use(r, p);
            use(r, &f);
            if (!missing.empty()) {
                not_checkable(std::move(r), fmt::format("missing part(s) {}", fmt::join(missing, ", ")));
                continue;
            }
            sum_against(std::move(r), parts, f, "parts");
        }
    }
    /// Σ parts (in the total's unit) against the total.
    void sum_against(consistency_row&& r, const std::vector<const fact*>& parts, const fact& total, std::string_view what) {
        double s = 0.0, h = 0.0;
        std::vector<std::string> terms;
        for (const auto* p : parts) {
            if (!p->unit.compatible(total.unit)) {
                not_checkable(std::move(r), fmt::format("unit '{}' of {} does not fit the total's unit '{}'",
                                                        p->unit.symbol(), p->indicator, total.unit.symbol()));
                return;
            }
            if (p->qualifier != qualifier::none) {
                not_checkable(std::move(r), bound_note(*p));
                return;
            }
            const auto q = as_qty(*p, total.unit);
            s += q.v;
            h += q.h;
            terms.push_back(num(q.v));
        }
        judge(std::move(r), s, h, total.value, half_unit(total), total.qualifier,
              fmt::format("{} = {} {} (sum of the {})", fmt::join(terms, " + "), num(s), total.unit.symbol(), what));
    }

    // -- roll_up: Σ children vs the parent (A9), amounts only --
    static bool additive(const unit& u) {
        const auto& d = u.dimension();
        return d != "ratio" && d != "percentage_point" && d != "rank" && d != "dimensionless" &&
               d.find('/') == std::string::npos;
    }
    void roll_up() {
        for (const auto& f : ds_.facts()) {
            if (f.measure != measure::level && f.measure != measure::count) continue;
            if (!f.comparator.empty() || f.base_period || !additive(f.unit)) continue;
            const auto* reg = ds_.regions().find(static_cast<std::int64_t>(f.region_code));
            if (reg == nullptr) continue;
            const auto kids = ds_.regions().children(*reg);
            if (kids.empty()) continue;
            std::vector<const fact*> parts;
            std::vector<std::string> missing;
            for (const auto& k : kids) {
                const auto* p = find(k.code, f.period, f.indicator, f.measure);
                if (p) parts.push_back(p);
                else missing.push_back(k.short_name);
            }
            if (parts.empty()) continue;
            auto r = make("roll_up", f.period, f.unit.symbol());
            r.published = f.value;
            for (const auto* p : parts) use(r, p);
            use(r, &f);
            if (!missing.empty()) {
                not_checkable(std::move(r), fmt::format("{} of {} children have no {} {}: {}", missing.size(),
                                                        kids.size(), f.indicator, to_string(f.measure),
                                                        fmt::join(missing, ", ")));
                continue;
            }
            sum_against(std::move(r), parts, f, fmt::format("children of {}", reg->short_name));
        }
    }

    // -- contribution_sum / pull_sum (A6) --
    void contributions() {
        const auto pct = unit::parse("%"), pp = unit::parse("pp");
        for (const std::string kind : {"contribution", "pull"}) {
            std::vector<std::string> wholes;
            for (const auto& rel : opt_.relations)
                if (rel.kind == kind && std::find(wholes.begin(), wholes.end(), rel.whole) == wholes.end())
                    wholes.push_back(rel.whole);
            for (const auto& whole : wholes) {
                std::vector<std::string> parts;
                for (const auto& rel : opt_.relations)
                    if (rel.kind == kind && rel.whole == whole) parts.push_back(rel.part);
                // Every (region, period) where a part is published, in dataset order.
                std::vector<std::pair<std::int32_t, period>> cells;
                for (const auto& f : ds_.facts())
                    if (f.measure == measure::level && f.comparator.empty() && !f.base_period &&
                        std::find(parts.begin(), parts.end(), f.indicator) != parts.end() &&
                        std::find(cells.begin(), cells.end(), std::make_pair(f.region_code, f.period)) == cells.end())
                        cells.emplace_back(f.region_code, f.period);
                for (const auto& [region, per] : cells) {
                    const std::string rel_name = kind == "contribution" ? "contribution_sum" : "pull_sum";
                    auto r = make(rel_name, per, kind == "contribution" ? "%" : "pp");
                    std::vector<const fact*> found;
                    std::vector<std::string> missing;
                    for (const auto& p : parts) {
                        const auto* f = find(region, per, p, measure::level);
                        if (f) found.push_back(f);
                        else missing.push_back(p);
                    }
                    for (const auto* f : found) use(r, f);
                    const fact* g = kind == "pull" ? find(region, per, whole, measure::growth_pct) : nullptr;
                    use(r, g);
                    if (!missing.empty()) {
                        not_checkable(std::move(r), fmt::format("missing {} of {}", fmt::join(missing, ", "), whole));
                        continue;
                    }
                    if (kind == "pull" && g == nullptr) {
                        not_checkable(std::move(r), fmt::format("missing the growth of {}", whole));
                        continue;
                    }
                    double s = 0.0, h = 0.0;
                    std::vector<std::string> terms;
                    bool ok = true;
                    for (const auto* f : found) {
                        const auto& to = kind == "contribution" ? pct : pp;
                        const auto d = f->unit.dimension();
                        if (d != "ratio" && d != "percentage_point") {
                            not_checkable(std::move(r), fmt::format("{} is not in % or pp", f->indicator));
                            ok = false;
                            break;
                        }
                        if (f->qualifier != qualifier::none) {
                            not_checkable(std::move(r), bound_note(*f));
                            ok = false;
                            break;
                        }
                        // % and pp are read as the same number of percentage points.
                        const auto q = d == to.dimension() ? as_qty(*f, to)
                                                           : as_qty(*f, unit::parse(d == "ratio" ? "%" : "pp"));
                        s += q.v;
                        h += q.h;
                        terms.push_back(num(q.v));
                    }
                    if (!ok) continue;
                    if (kind == "contribution") {
                        judge(std::move(r), s, h, 100.0, 0.0, qualifier::none,
                              fmt::format("{} = {} % (contributions to the growth of {} add up to 100 %; chained "
                                          "comparable-price parts only to about 100 %, §A6)",
                                          fmt::join(terms, " + "), num(s), whole));
                    } else {
                        if (g->qualifier != qualifier::none) {
                            not_checkable(std::move(r), bound_note(*g));
                            continue;
                        }
                        const auto gq = as_qty(*g, pct);
                        judge(std::move(r), s, h, gq.v, gq.h, qualifier::none,
                              fmt::format("{} = {} pp (pulls add up to the growth of {})", fmt::join(terms, " + "),
                                          num(s), whole));
                    }
                }
            }
        }
    }

    // -- rank_bound: 1 ≤ rank ≤ units of the comparator; also the earlier rank of a change --
    void rank_bounds() {
        for (const auto& f : ds_.facts()) {
            const bool is_rank = f.measure == measure::rank || f.measure == measure::growth_rank;
            const bool is_change = f.measure == measure::rank_change || f.measure == measure::growth_rank_change;
            if (!is_rank && !is_change) continue;
            auto r = make("rank_bound", f.period, "位");
            const auto* c = comparator(f.comparator);
            const fact* now = nullptr;
            if (is_change) {
                now = find(f.region_code, f.period, f.indicator,
                           f.measure == measure::rank_change ? measure::rank : measure::growth_rank, f.comparator);
                use(r, now);
            }
            use(r, &f);
            if (c == nullptr || !c->units) {
                not_checkable(std::move(r), fmt::format("the number of units of comparator '{}' is unknown (add it to "
                                                        "the comparator table)",
                                                        f.comparator));
                continue;
            }
            const double n = *c->units;
            double rank = f.value;
            std::string what = fmt::format("rank {} among {} {}", num(f.value), *c->units, f.comparator);
            if (is_change) {
                if (now == nullptr) {
                    not_checkable(std::move(r), fmt::format("missing the {} the change is taken from",
                                                            f.measure == measure::rank_change ? "rank" : "growth rank"));
                    continue;
                }
                if (now->qualifier != qualifier::none) {
                    not_checkable(std::move(r), bound_note(*now));
                    continue;
                }
                rank = now->value + f.value;
                what = fmt::format("earlier rank {} + {} = {} among {} {}", num(now->value), num(f.value), num(rank),
                                   *c->units, f.comparator);
            }
            r.computed = n;
            r.published = rank;
            r.tolerance = 0.0;
            const bool whole = std::floor(rank) == rank;
            r.verdict = whole && rank >= 1.0 && rank <= n ? verdict::consistent : verdict::inconsistent;
            r.note = what + (whole ? "" : "; a rank must be a whole number") +
                     (rank > n ? fmt::format("; beyond the {} units", *c->units) : "") + (rank < 1 ? "; below 1" : "");
            emit(std::move(r));
        }
    }

    // -- rank_order: ranks of one comparator and period ordered as the ranked values --
    const fact* ranked_value(const fact& rank) const {
        if (rank.measure == measure::growth_rank)
            return find(rank.region_code, rank.period, rank.indicator, measure::growth_pct);
        if (rank.note.find("share") != std::string::npos)
            return find(rank.region_code, rank.period, rank.indicator, measure::share_pct);
        return level_of(rank.region_code, rank.period, rank.indicator);
    }
    void rank_order() {
        std::vector<std::tuple<std::string, period, std::string, measure>> keys;
        for (const auto& f : ds_.facts())
            if ((f.measure == measure::rank || f.measure == measure::growth_rank) && !f.base_period) {
                const auto k = std::make_tuple(f.indicator, f.period, f.comparator, f.measure);
                if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
            }
        for (const auto& [ind, per, cmp, m] : keys) {
            std::vector<std::pair<const fact*, const fact*>> ranked;  // (rank, value)
            for (const auto& f : ds_.facts())
                if (f.indicator == ind && f.period == per && f.comparator == cmp && f.measure == m && !f.base_period)
                    if (const auto* v = ranked_value(f)) ranked.emplace_back(&f, v);
            if (ranked.size() < 2) continue;
            const auto dir = ds_.indicators().get(ind).direction == direction::lower ? -1.0 : 1.0;
            for (std::size_t i = 0; i < ranked.size(); ++i)
                for (std::size_t j = 0; j < ranked.size(); ++j) {
                    auto [ra, va] = ranked[i];
                    auto [rb, vb] = ranked[j];
                    if (i == j || ra->value > rb->value || (ra->value == rb->value && i > j)) continue;
                    auto r = make("rank_order", per, va->unit.symbol());
                    use(r, ra);
                    use(r, va);
                    use(r, rb);
                    use(r, vb);
                    if (const auto* q = qualified({ra, rb, va, vb})) {
                        not_checkable(std::move(r), bound_note(*q));
                        continue;
                    }
                    if (!va->unit.compatible(vb->unit)) {
                        not_checkable(std::move(r), "the ranked values' units differ in dimension");
                        continue;
                    }
                    const auto a = as_qty(*va, va->unit), b = as_qty(*vb, va->unit);
                    const double d = a.v - b.v;
                    r.computed = d;
                    r.published = rb->value - ra->value;
                    r.tolerance = a.h + b.h + allowance("rank_order");
                    const double eps = 1e-9 * std::max({1.0, std::fabs(a.v), std::fabs(b.v)});
                    const bool tie = ra->value == rb->value;
                    const bool ok = tie ? std::fabs(d) <= r.tolerance + eps : dir * d >= -(r.tolerance + eps);
                    r.verdict = ok ? verdict::consistent : verdict::inconsistent;
                    r.note = fmt::format("{} ranks {} and {} ranks {} ({}); values {} and {}: {}",
                                         region_name(ra->region_code), num(ra->value), region_name(rb->region_code),
                                         num(rb->value), dir > 0 ? "higher is better" : "lower is better", num(a.v),
                                         num(b.v),
                                         tie ? "a tie needs equal values within rounding"
                                             : "the better rank needs the better value within rounding");
                    emit(std::move(r));
                }
        }
    }

    // -- level_change: change since base_period vs level_t − level_base --
    void level_changes() {
        for (const auto& f : ds_.facts()) {
            if (f.measure != measure::change || !f.base_period) continue;
            auto r = make("level_change", f.period, f.unit.symbol());
            r.published = f.value;
            const auto* now = level_of(f.region_code, f.period, f.indicator);
            const auto* old = level_of(f.region_code, *f.base_period, f.indicator);
            use(r, now);
            use(r, old);
            use(r, &f);
            if (!now || !old) {
                not_checkable(std::move(r), fmt::format("missing the level of {} in {}", f.indicator,
                                                        !now ? f.period.to_string() : f.base_period->to_string()));
                continue;
            }
            if (const auto* q = qualified({now, old})) {
                not_checkable(std::move(r), bound_note(*q));
                continue;
            }
            // A change of a rate is in pp: read the levels in % then.
            const unit to = f.unit.dimension() == "percentage_point" ? unit::parse("%") : f.unit;
            if (!now->unit.compatible(to) || !old->unit.compatible(to)) {
                not_checkable(std::move(r), "the levels' unit does not fit the change's unit");
                continue;
            }
            const auto a = as_qty(*now, to), b = as_qty(*old, to);
            const double c = a.v - b.v;
            judge(std::move(r), c, a.h + b.h, f.value, half_unit(f), f.qualifier,
                  fmt::format("{} − {} = {} {} (level in {} minus level in {})", num(a.v), num(b.v), num(c),
                              f.unit.symbol(), f.period.to_string(), f.base_period->to_string()));
        }
    }
};

}  // namespace detail::consistency

/// Derives the relations `ds` implies and checks each within the rounding of the published
/// numbers (see the top of this header for the rules). Relations, in the order reported:
/// - share: a share_pct against 100 · part level / whole level (the whole from the relation
///   table, or the comparator's region for a share "of the province");
/// - share_change: share_change_pp against the difference of two published shares;
/// - comparator_growth: growth_pct − growth_diff_pp is the comparator's growth; checked against
///   its published growth, or, when it is not published, the growths implied by different
///   regions and documents for one period and indicator against each other;
/// - completion: completion_pct against 100 · level / target_level; completion_growth: against
///   100 · (1 + growth) / (1 + growth target) when only a growth target is known;
/// - parts_sum: parts against their total (relation table, kind sum);
/// - roll_up: the children's amounts against the parent's (A9), when every child has one;
/// - contribution_sum: contribution rates of a whole's parts against 100 %; pull_sum: pulls
///   against the whole's growth (relation table, kinds contribution and pull);
/// - rank_bound: 1 ≤ rank ≤ the comparator's number of units, for ranks and the earlier ranks
///   that rank changes imply;
/// - rank_order: two regions ranked against one comparator in one period: the better rank
///   needs the better value (level, share or growth) within rounding, a tie equal values;
/// - level_change: a change since base_period against the difference of the two levels.
/// A relation whose inputs are missing is reported as not_checkable (unless
/// options.include_not_checkable is false).
/// @throws invalid_input for an unknown relation name in options.only or options.allowance, or
///         an allowance that is negative or not finite.
[[nodiscard]] inline std::vector<consistency_row> check_consistency(const dataset& ds,
                                                                    const consistency_options& options = {}) {
    return detail::consistency::checker(ds, options).run();
}

}  // namespace regind
