// SPDX-License-Identifier: MIT
// A composite index under construction: COINr's "coin" (REFERENCE-METHODS.md §E0). It holds the
// framework, the units and their raw data, and one data set per step of the pipeline
//   Raw → Denominated → Imputed → Screened → Treated → Normalised → Aggregated.
//
// Design notes:
// - Steps are optional and always run in that order: each step reads the latest data set
//   before it that exists (Normalise after Treat reads Treated; without Treat it reads the
//   Screened, Imputed, Denominated or Raw set). That covers COINr's example pipelines.
// - Each call records the step's options and recomputes that step and every recorded step
//   after it; earlier data sets are untouched. generation(stage) changes on every
//   recomputation, so callers (and tests) can see what was recomputed.
// - Units are identified by their row in the raw data; Screen keeps a subset, so later data
//   sets carry their own unit list.
// - Options that name things (indicators, units, groups, denominators, weights) are checked
//   against the framework and the data and throw key_error with the closest known names.
// - Weight sets (COINr's coin$Meta$Weights): named vectors of node weights. "Original" is
//   iMeta's and cannot be replaced; compute_weights() adds or replaces the others (§E6), and
//   aggregate() uses one by name. Replacing the set the recorded aggregation uses recomputes
//   the Aggregated data set (and on error restores the previous set).
// - Aggregation methods can differ per level and per aggregate (aggregate_options::by_node).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/aggregate.hpp"
#include "regind/composite/analysis.hpp"
#include "regind/composite/denominate.hpp"
#include "regind/composite/framework.hpp"
#include "regind/composite/impute.hpp"
#include "regind/composite/normalise.hpp"
#include "regind/composite/rank.hpp"
#include "regind/composite/screen.hpp"
#include "regind/composite/treat.hpp"
#include "regind/composite/weights.hpp"

namespace regind::composite {

enum class stage { raw = 0, denominated, imputed, screened, treated, normalised, aggregated };
inline constexpr int n_stages = 7;

[[nodiscard]] inline std::string_view to_string(stage s) noexcept {
    static constexpr std::array<std::string_view, n_stages> names = {"Raw",     "Denominated", "Imputed",   "Screened",
                                                                     "Treated", "Normalised",  "Aggregated"};
    return names[static_cast<std::size_t>(s)];
}

[[nodiscard]] inline stage parse_stage(std::string_view s) {
    for (int i = 0; i < n_stages; ++i)
        if (s == to_string(static_cast<stage>(i))) return static_cast<stage>(i);
    throw invalid_input(fmt::format("[regind.invalid_input.stage] unknown data set '{}': expected Raw, Denominated, "
                                    "Imputed, Screened, Treated, Normalised or Aggregated",
                                    s));
}

/// The units and their iData columns: numeric columns (indicators, denominators) and group
/// columns (text; nullopt = NA).
struct unit_table {
    std::vector<std::string> codes;
    std::vector<std::string> names;  ///< empty, or one per unit
    std::map<std::string, Eigen::VectorXd> numeric;
    std::map<std::string, std::vector<std::optional<std::string>>> groups;
};

struct denominate_options {
    /// iCode → denominator iCode, added to or replacing iMeta's Denominator ("" removes one).
    std::map<std::string, std::string> denominators;
    /// iCode → scale factor (default 1): x / (d / scale).
    std::map<std::string, double> scale_factors;
};

struct impute_options {
    impute_method method = impute_method::mean;
    std::string group;  ///< group column for i_mean_grp / i_median_grp
};

struct screen_options {
    unit_screen how = unit_screen::by_na;
    double dat_thresh = 2.0 / 3.0;
    double nonzero_thresh = 0.05;
    std::map<std::string, bool> force;  ///< uCode → include (true) / exclude (false)
};

struct treat_options {
    treat_spec global;
    std::map<std::string, treat_spec> individual;  ///< iCode → its own spec
};

struct normalise_options {
    normalise_spec global;
    std::map<std::string, normalise_spec> individual;  ///< iCode → its own spec
};

struct aggregate_options {
    std::vector<aggregate_spec> levels{aggregate_spec{}};  ///< one for all levels, or one per level 2..L
    std::map<std::string, double> weights;                 ///< iCode → weight, replacing the weight set's
    std::string weight_set;                                ///< a named weight set; empty: "Original" (iMeta)
    std::map<std::string, aggregate_spec> by_node;         ///< aggregate iCode → its own method (per group)
};

/// A named set of node weights (COINr's coin$Meta$Weights entries).
struct weight_set {
    std::string name;
    std::string method;        ///< "iMeta", or the weight_method that computed it
    int level = 0;             ///< the level computed (0: several or none)
    Eigen::VectorXd weights;   ///< one per framework node
    /// Diagnostics by sibling group (the parent's iCode; "" for the top level or the whole
    /// level): AHP lambda_max, CI, RI, CR; PCA variance_explained, n_complete; optimisation
    /// objective_start, objective, evaluations and r.<iCode>.
    std::map<std::string, std::map<std::string, double>> details;
    std::string status;        ///< the optimiser's exit status (balance, infomax)
};

/// What compute_weights() computes (REFERENCE-METHODS.md §E6).
struct weight_options {
    weight_method method = weight_method::equal;
    std::string name;                       ///< empty: the method's name ("entropy", ...)
    std::string base;                       ///< the set the other nodes keep (and the start); empty: "Original"
    int level = 1;                          ///< the level whose weights are computed
    /// Data of pca, entropy and critic. Default: level 1 reads the data set aggregate() reads
    /// (e.g. Normalised), higher levels the Aggregated data set (the only one allowed there).
    std::optional<stage> dset;
    std::map<std::string, double> values;   ///< manual: iCode → weight (any level)
    critic_correlation critic = critic_correlation::one_minus_r;
    std::map<std::string, Eigen::MatrixXd> ahp;  ///< parent iCode ("" for the top level) → comparisons of its children
    std::vector<double> random_index;       ///< AHP RI(1..n); empty: Saaty's RI(1..10)
    std::map<std::string, double> itarg;    ///< balance: iCode → target share (empty: equal)
    corr_method cor = corr_method::pearson; ///< balance, infomax
    double toler = 0.1;                     ///< balance, infomax: NLopt ftol_rel (COINr's reltol)
    int maxiter = 500;                      ///< balance, infomax: NLopt maxeval
};

/// A unit grouping (a Group column): level names and each unit's level (-1 = NA).
struct grouping {
    std::vector<std::string> levels;
    std::vector<int> of_unit;
};

class composite_index {
public:
    composite_index(framework fw, unit_table units);

    [[nodiscard]] const framework& meta() const noexcept { return fw_; }
    [[nodiscard]] const std::vector<std::string>& unit_codes() const noexcept { return codes_; }
    [[nodiscard]] const std::vector<std::string>& unit_names() const noexcept { return names_; }

    // Each step checks its options, records them and recomputes from its stage on. On an
    // error nothing changes (the previous options and data sets are restored).
    void denominate(denominate_options opt = {}) {
        (void)denominator_choice(opt);
        step(den_, std::move(opt), stage::denominated);
    }
    void impute(impute_options opt = {}) {
        if (by_group(opt.method)) (void)group_of(opt.group);
        step(imp_, std::move(opt), stage::imputed);
    }
    void screen(screen_options opt = {}) {
        (void)screen_spec_of(opt, true);
        step(scr_, std::move(opt), stage::screened);
    }
    void treat(treat_options opt = {}) {
        detail::check_treat_spec(opt.global, {});
        for (const auto& kv : opt.individual) {
            (void)indicator_index(kv.first);
            detail::check_treat_spec(kv.second, kv.first);
        }
        step(trt_, std::move(opt), stage::treated);
    }
    void normalise(normalise_options opt = {}) {
        for (const auto& kv : opt.individual) (void)indicator_index(kv.first);
        step(nrm_, std::move(opt), stage::normalised);
    }
    void aggregate(aggregate_options opt = {}) {
        (void)aggregate_weights(opt);
        (void)aggregate_node_specs(opt);
        step(agg_, std::move(opt), stage::aggregated);
    }

    /// Computes a weight set, stores it under its name (replacing one of that name) and
    /// returns it. On an error nothing changes.
    const weight_set& compute_weights(const weight_options& opt);
    /// A weight set by name ("Original": iMeta's weights); key_error naming the known sets.
    [[nodiscard]] const weight_set& weights_named(std::string_view name) const {
        const auto it = weight_sets_.find(std::string(name));
        if (it == weight_sets_.end()) detail::unknown_code("weight set", name, weight_set_names());
        return it->second;
    }
    /// Names of the weight sets, "Original" included, sorted.
    [[nodiscard]] std::vector<std::string> weight_set_names() const {
        std::vector<std::string> out;
        for (const auto& kv : weight_sets_) out.push_back(kv.first);
        return out;
    }
    /// The options of the recorded aggregate() step (nullopt before the first one).
    [[nodiscard]] const std::optional<aggregate_options>& aggregation_options() const noexcept { return agg_; }
    /// The weights the recorded aggregation used (every node).
    [[nodiscard]] Eigen::VectorXd aggregation_weights() const {
        if (!agg_) (void)need(stage::aggregated);
        return aggregate_weights(*agg_);
    }
    /// The weight of every node that aggregate(o) would use (weight set, then o.weights).
    [[nodiscard]] Eigen::VectorXd weights_for(const aggregate_options& o) const { return aggregate_weights(o); }
    /// The per-node aggregation specs that aggregate(o) would use (levels, then o.by_node).
    [[nodiscard]] std::vector<aggregate_spec> node_specs_for(const aggregate_options& o) const {
        return aggregate_node_specs(o);
    }
    /// Names the rows of a stage's data set in errors (their uCodes). It refers to this index:
    /// use it while the index lives (and is not moved).
    [[nodiscard]] unit_namer unit_namer_of(stage s) const { return unit_namer_of(need(s)); }
    /// The per-node aggregation specs of the recorded aggregation.
    [[nodiscard]] std::vector<aggregate_spec> aggregation_specs() const {
        if (!agg_) (void)need(stage::aggregated);
        return aggregate_node_specs(*agg_);
    }

    /// Strengths and weaknesses of every unit of a data set (its indicator columns), with the
    /// directions applied for data sets before Normalised (COINr's adjust_direction default).
    [[nodiscard]] strengths_weaknesses_result strengths_weaknesses(stage s = stage::raw, Index top_n = 5,
                                                                   Index bottom_n = 5, bool min_discard = true) const {
        const auto& d = need(s).data;
        std::vector<int> dirs;
        if (static_cast<int>(s) < static_cast<int>(stage::normalised))
            for (Index j = 0; j < fw_.n_indicators(); ++j) dirs.push_back(fw_.at(j).direction);
        return composite::strengths_weaknesses(d.leftCols(fw_.n_indicators()), dirs, top_n, bottom_n, min_discard);
    }
    /// The layout of COINr's results table of the Aggregated data set.
    [[nodiscard]] results_layout results(results_type type = results_type::aggregates, std::string_view order_by = {}) const {
        return layout_results(fw_, data(stage::aggregated), type, order_by.empty() ? -1 : fw_.index_of(order_by));
    }

    [[nodiscard]] bool has(stage s) const noexcept { return slot(s).present; }
    /// 0 when the data set does not exist; otherwise an id that changes on every recomputation.
    [[nodiscard]] std::uint64_t generation(stage s) const noexcept { return slot(s).present ? slot(s).generation : 0; }
    /// The data set of a stage: units × indicators (× every node for Aggregated).
    [[nodiscard]] const matrix& data(stage s) const { return need(s).data; }
    /// Rows of the raw data that a stage holds, in order.
    [[nodiscard]] const std::vector<Index>& units_of(stage s) const { return need(s).units; }
    [[nodiscard]] std::vector<std::string> unit_codes(stage s) const {
        std::vector<std::string> out;
        for (Index r : need(s).units) out.push_back(codes_[static_cast<std::size_t>(r)]);
        return out;
    }
    /// Column codes of a stage's data set.
    [[nodiscard]] std::vector<std::string> columns(stage s) const {
        (void)need(s);
        return s == stage::aggregated ? fw_.codes() : fw_.indicator_codes();
    }
    /// The latest data set that exists.
    [[nodiscard]] stage latest() const noexcept {
        for (int i = n_stages - 1; i > 0; --i)
            if (slots_[static_cast<std::size_t>(i)].present) return static_cast<stage>(i);
        return stage::raw;
    }

    /// The screening summary, one entry per unit of the data set that was screened
    /// (screened_from() lists those units as raw rows).
    [[nodiscard]] const screen_result& screen_summary() const { return need(stage::screened).screen; }
    [[nodiscard]] const std::vector<Index>& screened_from() const { return need(stage::screened).screened_from; }
    /// The treatment record: one entry per indicator, and the winsorised cells (rows are the
    /// units of the Treated data set).
    [[nodiscard]] const std::vector<treat_details>& treatment_details() const { return need(stage::treated).details; }
    [[nodiscard]] const point_matrix& treated_points() const {
        return need(stage::treated).points;
    }

    /// COINr's ranks of the aggregated data: rank(−x, ties "min"), NaN kept.
    [[nodiscard]] matrix ranks() const { return rank_columns(data(stage::aggregated)); }
    /// The same within the groups of a Group column (units without a group: NaN).
    [[nodiscard]] matrix group_ranks(std::string_view group) const {
        const auto& g = group_of(group);
        std::vector<int> of;
        for (Index r : units_of(stage::aggregated)) of.push_back(g.of_unit[static_cast<std::size_t>(r)]);
        return rank_columns_within(data(stage::aggregated), of);
    }
    [[nodiscard]] const grouping& group_of(std::string_view code) const {
        const auto it = groups_.find(std::string(code));
        if (it == groups_.end()) {
            std::vector<std::string> known;
            for (const auto& kv : groups_) known.push_back(kv.first);
            detail::unknown_code("group column", code, known);
        }
        return it->second;
    }
    /// Group columns available, in iMeta order.
    [[nodiscard]] const std::vector<std::string>& group_codes() const noexcept { return fw_.group_codes(); }

private:
    struct stage_slot {
        bool present = false;
        matrix data;
        std::vector<Index> units;
        std::uint64_t generation = 0;
        screen_result screen;               // Screened only
        std::vector<Index> screened_from;   // Screened only
        std::vector<treat_details> details; // Treated only
        point_matrix points;  // Treated only
    };

    template <class Options>
    void step(std::optional<Options>& recorded, Options opt, stage s) {
        auto previous = std::move(recorded);
        recorded = std::move(opt);
        std::array<stage_slot, n_stages> backup;
        for (int i = static_cast<int>(s); i < n_stages; ++i) {
            backup[static_cast<std::size_t>(i)] = std::move(slots_[static_cast<std::size_t>(i)]);
            slots_[static_cast<std::size_t>(i)] = stage_slot{};
        }
        try {
            run_from(s);
        } catch (...) {
            recorded = std::move(previous);
            for (int i = static_cast<int>(s); i < n_stages; ++i)
                slots_[static_cast<std::size_t>(i)] = std::move(backup[static_cast<std::size_t>(i)]);
            throw;
        }
    }

    [[nodiscard]] const stage_slot& slot(stage s) const noexcept { return slots_[static_cast<std::size_t>(s)]; }
    [[nodiscard]] stage_slot& slot(stage s) noexcept { return slots_[static_cast<std::size_t>(s)]; }
    [[nodiscard]] const stage_slot& need(stage s) const {
        const auto& sl = slot(s);
        if (!sl.present) {
            static constexpr std::array<std::string_view, n_stages> step = {
                "", "denominate()", "impute()", "screen()", "treat()", "normalise()", "aggregate()"};
            throw invalid_input(fmt::format("[regind.invalid_input.stage] the {} data set does not exist yet: call {} "
                                            "first",
                                            to_string(s), step[static_cast<std::size_t>(s)]));
        }
        return sl;
    }
    /// The data set a step reads: the latest existing one before it.
    [[nodiscard]] const stage_slot& input_of(stage s) const {
        for (int i = static_cast<int>(s) - 1; i > 0; --i)
            if (slots_[static_cast<std::size_t>(i)].present) return slots_[static_cast<std::size_t>(i)];
        return slots_[0];
    }

    [[nodiscard]] unit_namer unit_namer_of(const stage_slot& sl) const {
        return [this, &sl](Index i) { return codes_[static_cast<std::size_t>(sl.units[static_cast<std::size_t>(i)])]; };
    }
    [[nodiscard]] std::pair<std::vector<Index>, std::vector<double>> denominator_choice(const denominate_options& o) const;
    [[nodiscard]] screen_spec screen_spec_of(const screen_options& o, bool check_only) const;
    [[nodiscard]] Index indicator_index(std::string_view code) const {
        const Index j = fw_.index_of(code);
        if (j >= fw_.n_indicators())
            throw invalid_input(fmt::format("[regind.invalid_input.composite] '{}' is an Aggregate, not an Indicator", code));
        return j;
    }
    [[nodiscard]] Eigen::VectorXd aggregate_weights(const aggregate_options& o) const;
    [[nodiscard]] std::vector<aggregate_spec> aggregate_node_specs(const aggregate_options& o) const;
    [[nodiscard]] matrix level_data(const weight_options& o, std::vector<int>& directions) const;
    [[nodiscard]] Index unit_row(std::string_view code) const {
        const auto it = unit_index_.find(std::string(code));
        if (it == unit_index_.end()) detail::unknown_code("uCode", code, codes_);
        return it->second;
    }

    void run_from(stage first);
    void compute(stage s);

    framework fw_;
    std::vector<std::string> codes_, names_;
    std::unordered_map<std::string, Index> unit_index_;
    matrix denoms_;  // raw units × fw_.denominator_codes()
    std::map<std::string, grouping> groups_;
    std::array<stage_slot, n_stages> slots_;
    std::uint64_t counter_ = 0;

    std::optional<denominate_options> den_;
    std::optional<impute_options> imp_;
    std::optional<screen_options> scr_;
    std::optional<treat_options> trt_;
    std::optional<normalise_options> nrm_;
    std::optional<aggregate_options> agg_;
    std::map<std::string, weight_set> weight_sets_;
};

inline composite_index::composite_index(framework fw, unit_table units) : fw_(std::move(fw)) {
    auto bad = [](const std::string& what) { throw invalid_input("[regind.invalid_input.idata] " + what); };
    const auto n = units.codes.size();
    if (n == 0) bad("iData has no units");
    if (!units.names.empty() && units.names.size() != n)
        bad(fmt::format("{} unit names for {} unit codes", units.names.size(), n));
    for (std::size_t i = 0; i < n; ++i) {
        const auto& c = units.codes[i];
        if (c.empty()) bad(fmt::format("row {}: uCode must not be empty", i + 1));
        if (!unit_index_.emplace(c, static_cast<Index>(i)).second)
            bad(fmt::format("row {}: duplicate uCode '{}' (also on row {})", i + 1, c, unit_index_[c] + 1));
        if (fw_.find(c) >= 0) bad(fmt::format("row {}: uCode '{}' is also an iCode", i + 1, c));
    }
    codes_ = std::move(units.codes);
    names_ = units.names.empty() ? codes_ : std::move(units.names);

    auto numeric = [&](const std::string& code, std::string_view type) -> const Eigen::VectorXd& {
        const auto it = units.numeric.find(code);
        if (it == units.numeric.end())
            bad(fmt::format("iData has no numeric column '{}' (iMeta Type {})", code, type));
        if (static_cast<std::size_t>(it->second.size()) != n)
            bad(fmt::format("column '{}' has {} values for {} units", code, it->second.size(), n));
        return it->second;
    };
    for (const auto& kv : units.numeric) {
        const auto i = fw_.find(kv.first);
        const bool denom = std::find(fw_.denominator_codes().begin(), fw_.denominator_codes().end(), kv.first) !=
                           fw_.denominator_codes().end();
        if (i >= 0 && i >= fw_.n_indicators())
            bad(fmt::format("'{}' is an Aggregate: aggregates are computed and must not be iData columns", kv.first));
        if (i < 0 && !denom)
            bad(fmt::format("numeric column '{}' is not an Indicator or Denominator of iMeta", kv.first));
    }
    auto& raw = slot(stage::raw);
    raw.data.resize(static_cast<Index>(n), fw_.n_indicators());
    for (Index j = 0; j < fw_.n_indicators(); ++j) raw.data.col(j) = numeric(fw_.at(j).code, "Indicator");
    denoms_.resize(static_cast<Index>(n), static_cast<Index>(fw_.denominator_codes().size()));
    for (std::size_t j = 0; j < fw_.denominator_codes().size(); ++j)
        denoms_.col(static_cast<Index>(j)) = numeric(fw_.denominator_codes()[j], "Denominator");
    for (const auto& kv : units.groups)
        if (std::find(fw_.group_codes().begin(), fw_.group_codes().end(), kv.first) == fw_.group_codes().end())
            bad(fmt::format("group column '{}' is not a Group of iMeta", kv.first));
    for (const auto& code : fw_.group_codes()) {
        const auto it = units.groups.find(code);
        if (it == units.groups.end()) bad(fmt::format("iData has no group column '{}' (iMeta Type Group)", code));
        if (it->second.size() != n) bad(fmt::format("column '{}' has {} values for {} units", code, it->second.size(), n));
        grouping g;
        std::map<std::string, int> level_of;
        for (const auto& v : it->second) {
            if (!v) {
                g.of_unit.push_back(-1);
                continue;
            }
            const auto ins = level_of.emplace(*v, static_cast<int>(g.levels.size()));
            if (ins.second) g.levels.push_back(*v);
            g.of_unit.push_back(ins.first->second);
        }
        groups_.emplace(code, std::move(g));
    }
    raw.units.resize(n);
    for (std::size_t i = 0; i < n; ++i) raw.units[i] = static_cast<Index>(i);
    raw.present = true;
    raw.generation = ++counter_;
    weight_set original;
    original.name = "Original";
    original.method = "iMeta";
    original.weights = fw_.weights();
    weight_sets_.emplace("Original", std::move(original));
}

inline std::pair<std::vector<Index>, std::vector<double>> composite_index::denominator_choice(
    const denominate_options& o) const {
    const auto& dc = fw_.denominator_codes();
    auto denom_col = [&](const std::string& code) -> Index {
        const auto it = std::find(dc.begin(), dc.end(), code);
        if (it == dc.end()) detail::unknown_code("denominator", code, dc);
        return static_cast<Index>(it - dc.begin());
    };
    std::vector<Index> which(static_cast<std::size_t>(fw_.n_indicators()), -1);
    std::vector<double> scale(which.size(), 1.0);
    for (Index j = 0; j < fw_.n_indicators(); ++j)
        if (!fw_.at(j).denominator.empty()) which[static_cast<std::size_t>(j)] = denom_col(fw_.at(j).denominator);
    auto indicator = [&](const std::string& code) { return static_cast<std::size_t>(indicator_index(code)); };
    for (const auto& kv : o.denominators) which[indicator(kv.first)] = kv.second.empty() ? -1 : denom_col(kv.second);
    for (const auto& kv : o.scale_factors) {
        if (!std::isfinite(kv.second) || kv.second == 0)
            throw invalid_input(fmt::format("[regind.invalid_input.denominate] {}: the scale factor must be finite and "
                                            "non-zero, not {}",
                                            kv.first, kv.second));
        scale[indicator(kv.first)] = kv.second;
    }
    return {which, scale};
}

inline screen_spec composite_index::screen_spec_of(const screen_options& o, bool check_only) const {
    screen_spec s;
    s.how = o.how;
    s.dat_thresh = o.dat_thresh;
    s.nonzero_thresh = o.nonzero_thresh;
    // The steps before Screen keep every unit, so a unit's row in the screened data set is its raw row.
    for (const auto& kv : o.force) s.force.emplace_back(unit_row(kv.first), kv.second);
    if (check_only) {
        screen_spec thresholds = s;
        thresholds.force.clear();
        (void)composite::screen(matrix(0, 0), thresholds);  // throws on bad thresholds
    }
    return s;
}

inline Eigen::VectorXd composite_index::aggregate_weights(const aggregate_options& o) const {
    Eigen::VectorXd w = weights_named(o.weight_set.empty() ? "Original" : o.weight_set).weights;
    for (const auto& kv : o.weights) w[fw_.index_of(kv.first)] = kv.second;
    if (o.levels.size() != 1 && o.levels.size() != static_cast<std::size_t>(std::max(fw_.n_levels() - 1, 0)))
        detail::bad_aggregate(fmt::format("{} aggregation specs: give one for all levels or one per level above the "
                                          "indicators ({})",
                                          o.levels.size(), fw_.n_levels() - 1));
    for (const auto& s : o.levels) detail::check_aggregate_spec(s);
    for (Index i = 0; i < w.size(); ++i)
        if (!std::isfinite(w[i]) || w[i] < 0)
            detail::bad_aggregate(fmt::format("the weight of '{}' must be a finite number >= 0, not {}", fw_.at(i).code, w[i]));
    return w;
}

inline void composite_index::run_from(stage first) {
    for (int i = static_cast<int>(first); i < n_stages; ++i) {
        const auto s = static_cast<stage>(i);
        const bool recorded = (s == stage::denominated && den_) || (s == stage::imputed && imp_) ||
                              (s == stage::screened && scr_) || (s == stage::treated && trt_) ||
                              (s == stage::normalised && nrm_) || (s == stage::aggregated && agg_);
        if (recorded) {
            compute(s);
        } else {
            slot(s) = stage_slot{};
        }
    }
}

inline void composite_index::compute(stage s) {
    const auto& in = input_of(s);
    stage_slot out;
    out.units = in.units;
    const auto n_ind = static_cast<std::size_t>(fw_.n_indicators());
    const auto names = fw_.indicator_codes();
    switch (s) {
        case stage::raw: return;
        case stage::denominated: {
            const auto choice = denominator_choice(*den_);
            matrix d(static_cast<Index>(in.units.size()), denoms_.cols());
            for (std::size_t k = 0; k < in.units.size(); ++k) d.row(static_cast<Index>(k)) = denoms_.row(in.units[k]);
            out.data = composite::denominate(in.data, d, choice.first, choice.second);
            break;
        }
        case stage::imputed: {
            std::vector<int> group;
            if (by_group(imp_->method)) {
                const auto& g = group_of(imp_->group);
                for (Index r : in.units) group.push_back(g.of_unit[static_cast<std::size_t>(r)]);
            }
            out.data = composite::impute(in.data, imp_->method, group);
            break;
        }
        case stage::screened: {
            const auto spec = screen_spec_of(*scr_, false);
            auto res = composite::screen(in.data, spec);
            out.data.resize(static_cast<Index>(res.kept.size()), in.data.cols());
            out.units.clear();
            for (std::size_t k = 0; k < res.kept.size(); ++k) {
                out.data.row(static_cast<Index>(k)) = in.data.row(res.kept[k]);
                out.units.push_back(in.units[static_cast<std::size_t>(res.kept[k])]);
            }
            out.screened_from = in.units;
            out.screen = std::move(res);
            break;
        }
        case stage::treated: {
            std::vector<treat_spec> specs(n_ind, trt_->global);
            for (const auto& kv : trt_->individual) specs[static_cast<std::size_t>(indicator_index(kv.first))] = kv.second;
            auto res = composite::treat(in.data, specs, names);
            out.data = std::move(res.data);
            out.details = std::move(res.details);
            out.points = std::move(res.points);
            break;
        }
        case stage::normalised: {
            std::vector<normalise_spec> specs(n_ind, nrm_->global);
            for (const auto& kv : nrm_->individual) specs[static_cast<std::size_t>(indicator_index(kv.first))] = kv.second;
            std::vector<int> dirs(n_ind);
            for (std::size_t j = 0; j < n_ind; ++j) {
                auto& sp = specs[j];
                const auto& nd = fw_.at(static_cast<Index>(j));
                dirs[j] = nd.direction;
                if (sp.method == normaliser::dist2targ && std::isnan(sp.target)) sp.target = nd.target;
                if (sp.method == normaliser::dist2ref) {
                    if (sp.ref_unit.empty())
                        throw invalid_input(fmt::format("[regind.invalid_input.normalise] {}: n_dist2ref needs the "
                                                        "reference unit (iref)",
                                                        nd.code));
                    const Index r = unit_row(sp.ref_unit);
                    const auto it = std::find(in.units.begin(), in.units.end(), r);
                    if (it == in.units.end())
                        throw invalid_input(fmt::format("[regind.invalid_input.normalise] {}: the reference unit '{}' "
                                                        "is not in the data set being normalised",
                                                        nd.code, sp.ref_unit));
                    sp.ref = static_cast<Index>(it - in.units.begin());
                }
            }
            out.data = composite::normalise(in.data, dirs, specs, names);
            break;
        }
        case stage::aggregated: {
            const auto w = aggregate_weights(*agg_);
            out.data = composite::aggregate_nodes(fw_, in.data, aggregate_node_specs(*agg_), w, unit_namer_of(in));
            break;
        }
    }
    out.present = true;
    out.generation = ++counter_;
    slot(s) = std::move(out);
}

inline std::vector<aggregate_spec> composite_index::aggregate_node_specs(const aggregate_options& o) const {
    auto specs = node_specs(fw_, o.levels);
    for (const auto& kv : o.by_node) {
        const Index a = fw_.index_of(kv.first);
        if (a < fw_.n_indicators())
            detail::bad_aggregate(fmt::format("'{}' is an Indicator: a method per group is given for an Aggregate "
                                              "(the group of its children)",
                                              kv.first));
        detail::check_aggregate_spec(kv.second);
        specs[static_cast<std::size_t>(a)] = kv.second;
    }
    return specs;
}

inline matrix composite_index::level_data(const weight_options& o, std::vector<int>& directions) const {
    const auto method = to_string(o.method);
    stage s;
    if (o.dset) {
        s = *o.dset;
        if (o.level > 1 && s != stage::aggregated)
            detail::bad_weights(fmt::format("{}: the data of level {} are aggregates, in the Aggregated data set, not "
                                            "{}",
                                            method, o.level, to_string(s)));
        (void)need(s);
    } else if (o.level > 1) {
        s = stage::aggregated;
        (void)need(s);
    } else {
        s = stage::raw;
        for (int i = static_cast<int>(stage::aggregated) - 1; i > 0; --i)
            if (slots_[static_cast<std::size_t>(i)].present) {
                s = static_cast<stage>(i);
                break;
            }
    }
    const auto& d = slot(s).data;
    const Index b = fw_.level_begin(o.level), e = fw_.level_end(o.level);
    directions.clear();
    for (Index i = b; i < e; ++i)
        directions.push_back(static_cast<int>(s) < static_cast<int>(stage::normalised) ? fw_.at(i).direction : 1);
    return d.middleCols(b, e - b);
}

inline const weight_set& composite_index::compute_weights(const weight_options& o) {
    const auto method = std::string(to_string(o.method));
    weight_set ws;
    ws.name = o.name.empty() ? method : o.name;
    ws.method = method;
    if (ws.name == "Original")
        detail::bad_weights("the weight set 'Original' holds the iMeta weights and cannot be replaced; choose another "
                            "name");
    if (o.level < 1 || o.level > fw_.n_levels())
        detail::bad_weights(fmt::format("{}: level must be between 1 and {}, not {}", method, fw_.n_levels(), o.level));
    // Options of other methods are mistakes: say so rather than ignore them.
    auto unused = [&](bool given, std::string_view option, std::string_view users) {
        if (given)
            detail::bad_weights(fmt::format("{}: the option {} is only used by {}", method, option, users));
    };
    const bool data_method =
        o.method == weight_method::pca || o.method == weight_method::entropy || o.method == weight_method::critic;
    const bool optimiser = o.method == weight_method::balance || o.method == weight_method::infomax;
    unused(!o.values.empty() && o.method != weight_method::manual, "values", "manual");
    unused(o.dset.has_value() && !data_method, "dset", "pca, entropy and critic");
    unused(o.critic != critic_correlation::one_minus_r && o.method != weight_method::critic, "abs_r", "critic");
    unused(!o.ahp.empty() && o.method != weight_method::ahp, "matrices", "ahp");
    unused(!o.random_index.empty() && o.method != weight_method::ahp, "random_index", "ahp");
    unused(!o.itarg.empty() && o.method != weight_method::balance, "itarg", "balance");
    unused(o.cor != corr_method::pearson && !optimiser, "cor_method", "balance and infomax");
    unused((o.toler != 0.1 || o.maxiter != 500) && !optimiser, "toler/maxiter", "balance and infomax");

    const Eigen::VectorXd base = weights_named(o.base.empty() ? "Original" : o.base).weights;
    ws.weights = base;
    ws.level = o.method == weight_method::manual ? 0 : o.level;
    auto group_key = [&](const sibling_group& g) { return g.parent < 0 ? std::string() : fw_.at(g.parent).code; };
    auto codes_of = [&](const std::vector<Index>& nodes) {
        std::vector<std::string> out;
        for (Index i : nodes) out.push_back(fw_.at(i).code);
        return out;
    };
    switch (o.method) {
        case weight_method::manual: {
            if (o.values.empty()) detail::bad_weights("manual: give values = {iCode: weight}");
            for (const auto& kv : o.values) {
                const Index i = fw_.index_of(kv.first);
                if (!std::isfinite(kv.second) || kv.second < 0)
                    detail::bad_weights(fmt::format("manual: the weight of '{}' must be a finite number >= 0, not {}",
                                                    kv.first, kv.second));
                ws.weights[i] = kv.second;
            }
            break;
        }
        case weight_method::equal:
            for (Index i = fw_.level_begin(o.level); i < fw_.level_end(o.level); ++i) ws.weights[i] = 1.0;
            break;
        case weight_method::pca:
        case weight_method::entropy:
        case weight_method::critic: {
            std::vector<int> dirs;
            const matrix x = level_data(o, dirs);
            const Index b = fw_.level_begin(o.level);
            for (const auto& g : sibling_groups(fw_, o.level)) {
                if (g.nodes.size() == 1) {
                    ws.weights[g.nodes.front()] = 1.0;
                    continue;
                }
                matrix sub(x.rows(), static_cast<Index>(g.nodes.size()));
                std::vector<int> sub_dirs;
                for (std::size_t j = 0; j < g.nodes.size(); ++j) {
                    sub.col(static_cast<Index>(j)) = x.col(g.nodes[j] - b);
                    sub_dirs.push_back(dirs[static_cast<std::size_t>(g.nodes[j] - b)]);
                }
                const auto names = codes_of(g.nodes);
                Eigen::VectorXd w;
                if (o.method == weight_method::entropy) {
                    w = entropy_weights(sub, names);
                } else if (o.method == weight_method::critic) {
                    w = critic_weights(sub, sub_dirs, o.critic, names);
                } else {
                    const auto p = pca_weights(sub, names);
                    w = p.loadings;
                    ws.details[group_key(g)] = {{"variance_explained", p.variance_explained},
                                                {"n_complete", static_cast<double>(p.n_complete)}};
                }
                for (std::size_t j = 0; j < g.nodes.size(); ++j) ws.weights[g.nodes[j]] = w[static_cast<Index>(j)];
            }
            break;
        }
        case weight_method::ahp: {
            const auto groups = sibling_groups(fw_, o.level);
            std::vector<std::string> keys;
            for (const auto& g : groups)
                if (g.nodes.size() > 1) keys.push_back(group_key(g));
            for (const auto& kv : o.ahp)
                if (std::find(keys.begin(), keys.end(), kv.first) == keys.end())
                    detail::unknown_code(fmt::format("group of level {} for ahp", o.level), kv.first, keys);
            for (const auto& g : groups) {
                if (g.nodes.size() == 1) {
                    ws.weights[g.nodes.front()] = 1.0;
                    continue;
                }
                const auto key = group_key(g);
                const auto it = o.ahp.find(key);
                const auto names = codes_of(g.nodes);
                if (it == o.ahp.end())
                    detail::bad_weights(fmt::format("ahp: no comparison matrix for the group '{}' (its children {})", key,
                                                    fmt::join(names, ", ")));
                if (it->second.rows() != static_cast<Index>(g.nodes.size()) || it->second.cols() != it->second.rows())
                    detail::bad_weights(fmt::format("ahp: the matrix of '{}' is {} × {}, but the group has {} children "
                                                    "({})",
                                                    key, it->second.rows(), it->second.cols(), g.nodes.size(),
                                                    fmt::join(names, ", ")));
                ahp_result r;
                try {
                    r = ahp_weights(it->second, o.random_index.empty() ? saaty_random_index() : o.random_index);
                } catch (const invalid_input& e) {
                    // Name the group: "[regind.invalid_input.weights] ahp: ..." → "... ahp (group 'P'): ..."
                    std::string m = e.what();
                    const auto pos = m.find("ahp:");
                    if (pos != std::string::npos) m.replace(pos, 4, fmt::format("ahp (group '{}'):", key));
                    throw invalid_input(m);
                }
                for (std::size_t j = 0; j < g.nodes.size(); ++j) ws.weights[g.nodes[j]] = r.weights[static_cast<Index>(j)];
                ws.details[key] = {{"lambda_max", r.lambda_max}, {"CI", r.ci}, {"RI", r.ri}, {"CR", r.cr}};
            }
            break;
        }
        case weight_method::balance:
        case weight_method::infomax: {
            const auto& in = input_of(stage::aggregated);
            if (!agg_) (void)need(stage::aggregated);
            optimise_options oo;
            oo.infomax = o.method == weight_method::infomax;
            oo.cor = o.cor;
            oo.toler = o.toler;
            oo.maxiter = o.maxiter;
            const Index b = fw_.level_begin(std::clamp(o.level, 1, fw_.n_levels()));
            if (!o.itarg.empty()) {
                oo.itarg = Eigen::VectorXd::Zero(fw_.level_end(o.level) - b);
                for (const auto& kv : o.itarg) {
                    const Index i = fw_.index_of(kv.first);
                    if (fw_.at(i).level != o.level)
                        detail::bad_weights(fmt::format("balance: '{}' is at level {}, not at the level optimised ({})",
                                                        kv.first, fw_.at(i).level, o.level));
                    oo.itarg[i - b] = kv.second;
                }
            }
            std::vector<std::string> units;
            for (Index r : in.units) units.push_back(codes_[static_cast<std::size_t>(r)]);
            const auto res = optimise_weights(fw_, in.data, aggregate_node_specs(*agg_), base, o.level, oo, units);
            ws.weights = res.weights;
            auto& d = ws.details[""];
            d["objective_start"] = res.objective_start;
            d["objective"] = res.objective;
            d["evaluations"] = res.evaluations;
            for (Index j = 0; j < res.correlations.size(); ++j) d["r." + fw_.at(b + j).code] = res.correlations[j];
            ws.status = res.status;
            break;
        }
    }
    // Store; when the recorded aggregation uses this set, recompute it (restoring on error).
    std::optional<weight_set> previous;
    if (const auto it = weight_sets_.find(ws.name); it != weight_sets_.end()) previous = it->second;
    const std::string name = ws.name;
    weight_sets_[name] = std::move(ws);
    if (agg_ && agg_->weight_set == name) {
        try {
            step(agg_, aggregate_options(*agg_), stage::aggregated);
        } catch (...) {
            if (previous)
                weight_sets_[name] = std::move(*previous);
            else
                weight_sets_.erase(name);
            throw;
        }
    }
    return weight_sets_.at(name);
}

}  // namespace regind::composite
