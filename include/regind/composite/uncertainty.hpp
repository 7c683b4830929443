// SPDX-License-Identifier: MIT
// Uncertainty analysis of a composite index (REFERENCE-METHODS.md §E9 steps 1, 2 and 4; noisy
// weights of §E6): a declarative spec of the uncertain choices of the pipeline, N seeded
// replications of the pipeline run in parallel, and per unit the nominal rank and the mean,
// median, 5 % and 95 % quantiles of its rank over the replications.
//
// Design notes:
// - The uncertain inputs are the imputation, treatment, normalisation and aggregation options
//   (each a list of alternatives that replace the step's options entirely, as calling the step
//   again would) and multiplicative weight noise per framework level, w' = w + U(−1, 1)·f·w
//   (COINr get_noisy_weights). A u ∈ [0, 1) picks alternative min(⌊u·n⌋, n − 1) of n.
// - Randomness: std::mt19937_64 streams seeded through std::seed_seq from (seed, purpose,
//   index), and u = (64-bit draw >> 11)·2⁻⁵³ (not std::uniform_real_distribution, whose output
//   is implementation-defined). Replication r reads only its own stream, so results do not
//   depend on the number of threads or on the order in which workers pick replications.
//   Replication r draws, in this order: one u per discrete input (impute, treat, normalise,
//   aggregate, those declared), then one U(−1, 1) per node of each noisy level (levels
//   ascending, nodes in framework order).
// - Work: std::thread workers (threads = 0: the hardware's concurrency) take replications
//   from an atomic counter. Each worker keeps its own copies of the pipeline, one per
//   combination of the imputation / treatment / normalisation alternatives it has met (a
//   bounded cache, least recently used copy evicted), and only re-aggregates when the
//   earlier choices are those of a cached copy: in place, the aggregate columns of the copy's
//   Aggregated data set rewritten with the draw's methods and weights (what aggregate() would
//   compute, without its per-call costs). The calling thread only waits and reports
//   progress: the callback is called there, at most ~100 times, with (done, total).
// - Ranks are COINr's: rank(−score, ties "min"), NaN kept, over the units of each replication's
//   Aggregated data set, reported for the units of the nominal one (a unit that a replication
//   does not hold, e.g. screened out after another imputation, gets NaN there). Statistics skip
//   NaN; quantiles are type 7 (R's default, NumPy's "linear").
// - Weight noise and aggregation alternatives start from uncertainty_spec::nominal_aggregate
//   (default: the options of the index's last aggregate() call, weight set included); they are
//   checked to reproduce the nominal Aggregated data set exactly.
// - Errors: a bad spec throws before any replication runs (invalid_input
//   "[regind.invalid_input.uncertainty] ...", or the pipeline's own key_error / invalid_input for
//   an unknown group, indicator or bad step parameter). A replication that fails (e.g. a_gmean
//   meeting a zero) throws the error of the lowest failing replication, with its choices:
//   "[regind.invalid_input.uncertainty] replication 3 (normalisation = n_zscore(0, 1), ...): ...".
//
// Example (ci: an aggregated composite_index):
//   rc::uncertainty_spec spec;
//   spec.weight_noise = {{2, 0.25}, {3, 0.25}};
//   spec.aggregate = {{rc::aggregate_spec{}}, {rc::aggregate_spec{rc::aggregator::gmean}}};
//   spec.treat = {rc::treatment_off(), rc::treat_options{}};
//   rc::uncertainty_options opt;
//   opt.n = 1000;
//   opt.seed = 42;
//   const auto ua = rc::uncertainty(ci, spec, opt);   // ua.summary[0].q95, ua.ranks[0] ...
//   const auto sa = rc::sensitivity(ci, spec);        // sensitivity.hpp: sa.indices.first, .total
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <fmt/format.h>

#include "regind/composite/pipeline.hpp"

namespace regind::composite {

/// Progress of a long computation: called with (done, total) on the calling thread.
using progress_function = std::function<void(std::size_t done, std::size_t total)>;

/// Integer matrix (replications or runs × inputs) of the alternatives chosen.
using index_matrix = Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// The uncertain inputs of a composite index (§E9 step 1). An empty list is not uncertain.
struct uncertainty_spec {
    /// Framework level → noise factor f in [0, 1]: every weight w of that level's nodes becomes
    /// w + U(−1, 1)·f·w. Levels 1 (indicators) to L − 1 (the top level's weights are unused).
    std::map<int, double> weight_noise;
    std::vector<impute_options> impute;              ///< alternatives of impute()
    std::vector<treat_options> treat;                ///< alternatives of treat(); see treatment_off()
    std::vector<normalise_options> normalise;        ///< alternatives of normalise()
    std::vector<std::vector<aggregate_spec>> aggregate;  ///< alternatives of the aggregation methods
    /// The aggregate() options of the nominal index, the base of weight noise and of the
    /// aggregation alternatives (they keep its weights). Default: aggregate_options{}.
    std::optional<aggregate_options> nominal_aggregate;
    /// Sensitivity analysis only: a noisy level is one input picking one of this many noisy
    /// weight sets drawn from the seed (COINr draws its noisy weight sets the same way).
    int weight_sets = 100;
};

/// treat() options that leave every indicator untreated: "treatment off".
[[nodiscard]] inline treat_options treatment_off() {
    treat_options o;
    o.global.enabled = false;
    return o;
}

/// The alternative that u ∈ [0, 1] picks among n: min(⌊u·n⌋, n − 1) (§E9 step 4).
[[nodiscard]] inline std::size_t alternative_index(double u, std::size_t n) {
    if (!(u >= 0.0 && u <= 1.0))
        throw invalid_input(fmt::format("[regind.invalid_input.uncertainty] u must be in [0, 1], not {}", u));
    if (n == 0) throw invalid_input("[regind.invalid_input.uncertainty] there are no alternatives to pick from");
    const auto k = static_cast<std::size_t>(std::floor(u * static_cast<double>(n)));
    return std::min(k, n - 1);
}

struct uncertainty_options {
    std::size_t n = 1000;              ///< replications
    std::uint64_t seed = 0;
    unsigned threads = 0;              ///< 0: the hardware's concurrency
    std::vector<std::string> targets;  ///< iCodes to rank; empty: the nodes of the top level
    std::size_t cache = 0;             ///< pipeline copies per worker; 0: as many as fit in 512 MiB
};

/// Rank statistics of each unit over replications (NaN skipped; NaN when no value).
struct rank_summary {
    Eigen::VectorXd nominal, mean, median, q05, q95;
};

struct uncertainty_result {
    std::vector<std::string> units;    ///< uCodes of the nominal Aggregated data set
    std::vector<std::string> targets;  ///< iCodes ranked
    std::vector<matrix> ranks;         ///< per target: replications × units
    std::vector<rank_summary> summary; ///< per target
    std::vector<std::string> inputs;   ///< discrete inputs declared: impute, treat, normalisation, aggregation
    std::vector<std::vector<std::string>> alternatives;  ///< per input, a label per alternative
    index_matrix choices;              ///< replications × inputs: the alternative used
    std::size_t n = 0;
    std::uint64_t seed = 0;
    unsigned threads = 0;              ///< worker threads used
};

namespace detail {

// Purposes of the random streams, so that no two uses of one seed share a stream.
inline constexpr std::uint32_t stream_replication = 1;
inline constexpr std::uint32_t stream_design = 2;
inline constexpr std::uint32_t stream_bootstrap = 3;
inline constexpr std::uint32_t stream_weight_sets = 4;  // + 1000·level

/// The random stream of (seed, purpose, index): portable, since std::seed_seq and
/// std::mt19937_64 are specified exactly by the standard.
[[nodiscard]] inline std::mt19937_64 random_stream(std::uint64_t seed, std::uint32_t purpose, std::uint64_t index) {
    std::seed_seq seq{static_cast<std::uint32_t>(seed & 0xffffffffu), static_cast<std::uint32_t>(seed >> 32), purpose,
                      static_cast<std::uint32_t>(index & 0xffffffffu), static_cast<std::uint32_t>(index >> 32)};
    return std::mt19937_64(seq);
}

/// U[0, 1) with 53 random bits.
[[nodiscard]] inline double uniform01(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

/// Type-7 quantile (R's default) of sorted values; NaN for none.
[[nodiscard]] inline double quantile7_sorted(const std::vector<double>& v, double p) {
    if (v.empty()) return nan;
    const double h = (static_cast<double>(v.size()) - 1.0) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

[[noreturn]] inline void bad_uncertainty(const std::string& what) {
    throw invalid_input("[regind.invalid_input.uncertainty] " + what);
}

/// Workers for `tasks` tasks: threads (0 → hardware concurrency), at most one per task.
[[nodiscard]] inline unsigned worker_count(unsigned threads, std::size_t tasks) {
    unsigned n = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    if (tasks < n) n = static_cast<unsigned>(std::max<std::size_t>(tasks, 1));
    return n;
}

/// Runs task(worker, i) for i in [0, total) on `workers` threads while the calling thread
/// reports progress (at each 1 % step of total, and at the end). The error of the lowest
/// failing task is rethrown (tasks are handed out in increasing order and no new task starts
/// after a failure, so that task is the same whatever the number of workers). An exception
/// from the progress callback stops the run and is rethrown.
template <class Task>
void run_parallel(std::size_t total, unsigned workers, const Task& task, const progress_function& progress) {
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable wake;
    unsigned finished = 0;
    std::size_t error_index = total;
    std::exception_ptr error;
    const std::size_t step = std::max<std::size_t>(1, (total + 99) / 100);

    auto work = [&](unsigned w) {
        while (!stop.load()) {
            const std::size_t i = next++;
            if (i >= total) break;
            try {
                task(w, i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(mutex);
                if (i < error_index) {
                    error_index = i;
                    error = std::current_exception();
                }
                stop = true;
            }
            const std::size_t d = ++done;
            if (d % step == 0 || d == total) {
                const std::lock_guard<std::mutex> lock(mutex);
                wake.notify_all();
            }
        }
        const std::lock_guard<std::mutex> lock(mutex);
        ++finished;
        wake.notify_all();
    };

    std::vector<std::thread> pool;
    pool.reserve(workers);
    try {
        for (unsigned w = 0; w < workers; ++w) pool.emplace_back(work, w);
    } catch (...) {
        stop = true;
        for (auto& t : pool) t.join();
        throw;
    }
    std::exception_ptr callback_error;
    std::size_t reported = 0;
    for (;;) {
        bool all_finished = false;
        std::size_t d = 0;
        {
            std::unique_lock<std::mutex> lock(mutex);
            wake.wait_for(lock, std::chrono::milliseconds(250), [&] {
                return finished == workers || done.load() >= reported + step;
            });
            all_finished = finished == workers;
            d = done.load();
        }
        // `reported` moves on without a callback (or after a stop) too, else the wait above
        // would return at once from then on: a busy loop taking a core from the workers.
        if (d > reported && (d >= reported + step || d == total)) {
            if (progress && !callback_error && !stop.load()) {
                try {
                    progress(d, total);
                } catch (...) {
                    callback_error = std::current_exception();
                    stop = true;
                }
            }
            reported = d;
        }
        if (all_finished) break;
    }
    for (auto& t : pool) t.join();
    if (callback_error) std::rethrow_exception(callback_error);
    if (error) std::rethrow_exception(error);
}

/// One draw of the uncertain inputs: the alternative of impute, treat, normalise and
/// aggregate (-1: the nominal options) and, with weight noise, every node's weight.
struct pipeline_draw {
    std::array<int, 4> choice{{-1, -1, -1, -1}};
    Eigen::VectorXd weights;  ///< empty without weight noise
};

/// One pipeline of a worker's cache: the index after one combination of the impute / treat /
/// normalise alternatives, and the Aggregated data set of the latest replication run on it.
/// Replications re-aggregate `scores` in place: its indicator columns never change.
struct pipeline_copy {
    explicit pipeline_copy(composite_index index)
        : ci(std::move(index)), scores(ci.data(stage::aggregated)), name_of(ci.unit_namer_of(stage::aggregated)) {}
    pipeline_copy(const pipeline_copy&) = delete;  // name_of refers into ci
    pipeline_copy& operator=(const pipeline_copy&) = delete;

    composite_index ci;
    matrix scores;
    unit_namer name_of;
    matrix logs;  ///< log of the indicator columns, for a_gmean; empty until a replication needs it

    [[nodiscard]] const std::vector<Index>& units() const { return ci.units_of(stage::aggregated); }
};

/// A worker's copies of the pipeline, keyed by the impute / treat / normalise alternatives.
struct pipeline_cache {
    std::vector<std::array<int, 3>> keys;
    std::vector<std::unique_ptr<pipeline_copy>> copies;
    std::vector<std::uint64_t> used;
    std::uint64_t clock = 0;
};

/// Checks a spec against an index and turns draws into pipelines (shared, read-only, by the
/// workers of uncertainty() and sensitivity()).
class pipeline_sampler {
public:
    static constexpr std::size_t cache_budget_bytes = std::size_t{512} << 20;

    pipeline_sampler(const composite_index& nominal, uncertainty_spec spec, std::vector<std::string> targets,
                     unsigned workers, std::size_t cache = 0)
        : nominal_(nominal), spec_(std::move(spec)) {
        const auto& fw = nominal_.meta();
        (void)nominal_.data(stage::aggregated);  // throws when the index is not aggregated yet
        // Inputs, in the order of the pipeline.
        static constexpr std::array<const char*, 4> names = {"impute", "treat", "normalisation", "aggregation"};
        const std::array<std::size_t, 4> sizes = {spec_.impute.size(), spec_.treat.size(), spec_.normalise.size(),
                                                  spec_.aggregate.size()};
        for (std::size_t k = 0; k < 4; ++k)
            if (sizes[k] > 0) {
                slot_[k] = static_cast<int>(inputs_.size());
                discrete_.push_back(k);
                inputs_.emplace_back(names[k]);
                alternatives_.push_back(sizes[k]);
            }
        for (const auto& kv : spec_.weight_noise) {
            if (kv.first < 1 || kv.first >= fw.n_levels())
                bad_uncertainty(fmt::format("weight noise of level {}: the levels with weights that matter are 1 to {} "
                                            "(the top level's weights are not used)",
                                            kv.first, fw.n_levels() - 1));
            if (!(kv.second >= 0.0 && kv.second <= 1.0))
                bad_uncertainty(fmt::format("the noise factor of level {} must be in [0, 1], not {}", kv.first,
                                            kv.second));
            noise_levels_.push_back(kv.first);
            noise_factors_.push_back(kv.second);
            inputs_.push_back(fmt::format("weights_L{}", kv.first));
        }
        if (inputs_.empty())
            bad_uncertainty("no uncertain input: give weight noise or alternatives of impute, treat, normalise or "
                            "aggregate");
        check_alternatives();

        // Targets.
        if (targets.empty())
            for (Index i = fw.level_begin(fw.n_levels()); i < fw.level_end(fw.n_levels()); ++i)
                targets.push_back(fw.at(i).code);
        for (const auto& t : targets) target_nodes_.push_back(fw.index_of(t));
        targets_ = std::move(targets);

        // Units: the nominal Aggregated data set's, by raw row.
        const auto& rows = nominal_.units_of(stage::aggregated);
        position_of_row_.assign(nominal_.unit_codes().size(), -1);
        for (std::size_t k = 0; k < rows.size(); ++k)
            position_of_row_[static_cast<std::size_t>(rows[k])] = static_cast<Index>(k);
        units_ = nominal_.unit_codes(stage::aggregated);

        // The aggregation to vary, checked against the nominal data set.
        reaggregate_ = !noise_levels_.empty() || !spec_.aggregate.empty();
        // Default: the options of the index's own last aggregate() call.
        nominal_aggregate_ = spec_.nominal_aggregate.value_or(
            nominal_.aggregation_options().value_or(aggregate_options{}));
        base_weights_ = nominal_.weights_for(nominal_aggregate_);
        if (reaggregate_) {
            check_nominal_aggregate();
            resolve_node_specs();
        }

        // Cache size: copies per worker within the memory budget, at most one per combination.
        std::size_t combinations = 1;
        for (std::size_t k = 0; k < 3; ++k) combinations *= std::max<std::size_t>(sizes[k], 1);
        std::size_t bytes = 1;
        for (int s = 0; s < n_stages; ++s)
            if (nominal_.has(static_cast<stage>(s)))
                bytes += static_cast<std::size_t>(nominal_.data(static_cast<stage>(s)).size()) * 9 +
                         nominal_.units_of(static_cast<stage>(s)).size() * sizeof(Index);
        // A copy's own scores and log(indicator), at most the size of the Aggregated set each.
        if (reaggregate_) bytes += static_cast<std::size_t>(nominal_.data(stage::aggregated).size()) * 16;
        const std::size_t fit = cache_budget_bytes / (bytes * std::max(1u, workers));
        capacity_ = cache > 0 ? std::min(cache, combinations) : std::clamp<std::size_t>(fit, 1, combinations);
    }

    [[nodiscard]] const std::vector<std::string>& inputs() const noexcept { return inputs_; }
    [[nodiscard]] std::size_t n_discrete() const noexcept { return discrete_.size(); }
    [[nodiscard]] const std::vector<std::string>& units() const noexcept { return units_; }
    [[nodiscard]] const std::vector<std::string>& targets() const noexcept { return targets_; }
    [[nodiscard]] std::size_t n_targets() const noexcept { return target_nodes_.size(); }
    /// The alternative of discrete input k chosen by a draw.
    [[nodiscard]] int choice_of(const pipeline_draw& d, std::size_t k) const { return d.choice[discrete_[k]]; }

    /// Labels of each input's alternatives (weight inputs: none).
    [[nodiscard]] std::vector<std::vector<std::string>> alternative_labels() const {
        std::vector<std::vector<std::string>> out;
        for (std::size_t k : discrete_) {
            std::vector<std::string> labels;
            for (std::size_t a = 0; a < alternatives_[out.size()]; ++a) labels.push_back(label(k, a));
            out.push_back(std::move(labels));
        }
        for (std::size_t k = 0; k < noise_levels_.size(); ++k) out.emplace_back();
        return out;
    }

    /// The draw of uncertainty-analysis replication r.
    [[nodiscard]] pipeline_draw draw_replication(std::uint64_t seed, std::size_t r) const {
        auto g = random_stream(seed, stream_replication, r);
        pipeline_draw d;
        for (std::size_t k = 0; k < discrete_.size(); ++k)
            d.choice[discrete_[k]] = static_cast<int>(alternative_index(uniform01(g), alternatives_[k]));
        if (!noise_levels_.empty()) {
            const auto& fw = nominal_.meta();
            d.weights = base_weights_;
            for (std::size_t k = 0; k < noise_levels_.size(); ++k)
                for (Index i = fw.level_begin(noise_levels_[k]); i < fw.level_end(noise_levels_[k]); ++i)
                    d.weights[i] = base_weights_[i] + (2.0 * uniform01(g) - 1.0) * noise_factors_[k] * base_weights_[i];
        }
        return d;
    }

    /// Prepares the catalogues of noisy weight sets for draws from u (sensitivity analysis).
    void make_weight_sets(std::uint64_t seed) {
        if (spec_.weight_sets < 1)
            bad_uncertainty(fmt::format("weight_sets must be at least 1, not {}", spec_.weight_sets));
        const auto& fw = nominal_.meta();
        weight_sets_.clear();
        for (int level : noise_levels_) {
            const Index width = fw.level_end(level) - fw.level_begin(level);
            matrix e(spec_.weight_sets, width);
            for (Index s = 0; s < e.rows(); ++s) {
                auto g = random_stream(seed, stream_weight_sets + 1000u * static_cast<std::uint32_t>(level),
                                       static_cast<std::uint64_t>(s));
                for (Index j = 0; j < width; ++j) e(s, j) = 2.0 * uniform01(g) - 1.0;
            }
            weight_sets_.push_back(std::move(e));
        }
    }

    /// The draw of a design row u (one value per input, inputs() order); `picked` receives
    /// the alternative (or weight set) of each input.
    [[nodiscard]] pipeline_draw draw_from(const double* u, int* picked) const {
        pipeline_draw d;
        for (std::size_t k = 0; k < discrete_.size(); ++k) {
            const auto a = static_cast<int>(alternative_index(u[k], alternatives_[k]));
            d.choice[discrete_[k]] = a;
            picked[k] = a;
        }
        if (!noise_levels_.empty()) {
            const auto& fw = nominal_.meta();
            d.weights = base_weights_;
            for (std::size_t k = 0; k < noise_levels_.size(); ++k) {
                const auto& e = weight_sets_.at(k);
                const auto s = static_cast<Index>(
                    alternative_index(u[discrete_.size() + k], static_cast<std::size_t>(e.rows())));
                picked[discrete_.size() + k] = static_cast<int>(s);
                const Index first = fw.level_begin(noise_levels_[k]);
                for (Index i = first; i < fw.level_end(noise_levels_[k]); ++i)
                    d.weights[i] = base_weights_[i] + e(s, i - first) * noise_factors_[k] * base_weights_[i];
            }
        }
        return d;
    }

    /// The pipeline of a draw, on one of the worker's copies. Errors name `what` (e.g.
    /// "replication 3") and the choices.
    const pipeline_copy& run(pipeline_cache& c, const pipeline_draw& d, const std::string& what) const {
        try {
            return run_unchecked(c, d);
        } catch (const invalid_input& e) {
            bad_uncertainty(fmt::format("{} ({}): {}", what, describe(d), e.what()));
        }
    }

    /// Ranks of target t in a pipeline, written for the nominal units (NaN where absent).
    void ranks_into(const pipeline_copy& copy, std::size_t t, double* out) const {
        const auto& data = copy.scores;
        Eigen::VectorXd r(data.rows());
        std::vector<std::pair<double, Index>> pairs;
        pairs.reserve(static_cast<std::size_t>(data.rows()));
        rank_descending_min(data.col(target_nodes_[t]), r.data(), pairs);
        std::fill(out, out + units_.size(), nan);
        const auto& rows = copy.units();
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const Index p = position_of_row_[static_cast<std::size_t>(rows[k])];
            if (p >= 0) out[p] = r[static_cast<Index>(k)];
        }
    }

    /// The nominal ranks of target t: the index's own ranks().
    [[nodiscard]] Eigen::VectorXd nominal_ranks(std::size_t t) const {
        return nominal_.ranks().col(target_nodes_[t]);
    }

private:
    const composite_index& nominal_;
    uncertainty_spec spec_;
    std::array<int, 4> slot_{{-1, -1, -1, -1}};
    std::vector<std::size_t> discrete_;      // step (0 impute … 3 aggregate) of each discrete input
    std::vector<std::size_t> alternatives_;  // number of alternatives of each discrete input
    std::vector<std::string> inputs_;
    std::vector<int> noise_levels_;
    std::vector<double> noise_factors_;
    std::vector<matrix> weight_sets_;
    std::vector<std::string> targets_, units_;
    std::vector<Index> target_nodes_;
    std::vector<Index> position_of_row_;
    bool reaggregate_ = false;
    aggregate_options nominal_aggregate_;
    Eigen::VectorXd base_weights_;
    // Per-node specs of the nominal aggregation (entry 0) and of each aggregation alternative
    // (entry a + 1), resolved once; and whether each reads log(indicator) (a_gmean above indicators).
    std::vector<std::vector<aggregate_spec>> node_specs_;
    std::vector<bool> reads_logs_;
    std::size_t capacity_ = 1;

    const pipeline_copy& run_unchecked(pipeline_cache& c, const pipeline_draw& d) const {
        auto& p = cached_copy(c, {{d.choice[0], d.choice[1], d.choice[2]}});
        if (reaggregate_) reaggregate(p, d);
        return p;
    }

    // The worker's copy for an impute / treat / normalise combination, made (and the least
    // recently used one evicted when the cache is full) on a miss.
    pipeline_copy& cached_copy(pipeline_cache& c, const std::array<int, 3>& key) const {
        std::size_t k = 0;
        while (k < c.keys.size() && c.keys[k] != key) ++k;
        if (k == c.keys.size()) {
            composite_index ci = nominal_;
            if (key[0] >= 0) ci.impute(spec_.impute[static_cast<std::size_t>(key[0])]);
            if (key[1] >= 0) ci.treat(spec_.treat[static_cast<std::size_t>(key[1])]);
            if (key[2] >= 0) ci.normalise(spec_.normalise[static_cast<std::size_t>(key[2])]);
            auto p = std::make_unique<pipeline_copy>(std::move(ci));
            if (c.keys.size() < capacity_) {
                c.keys.push_back(key);
                c.copies.push_back(std::move(p));
                c.used.push_back(0);
            } else {
                k = static_cast<std::size_t>(std::min_element(c.used.begin(), c.used.end()) - c.used.begin());
                c.keys[k] = key;
                c.copies[k] = std::move(p);
            }
        }
        c.used[k] = ++c.clock;
        return *c.copies[k];
    }

    // What ci.aggregate() with the draw's methods and weights computes, without its per-call
    // costs (options by name, validation, a new data set): the aggregate columns of p.scores
    // are overwritten from its (unchanged) indicator columns.
    void reaggregate(pipeline_copy& p, const pipeline_draw& d) const {
        const auto& fw = p.ci.meta();
        const auto alt = static_cast<std::size_t>(d.choice[3] + 1);
        const Eigen::VectorXd& w = d.weights.size() > 0 ? d.weights : base_weights_;
        detail::check_aggregate_weights(fw, w);
        if (reads_logs_[alt] && p.logs.size() == 0)
            p.logs = p.scores.leftCols(fw.n_indicators()).unaryExpr([](double x) { return std::log(x); });
        aggregate_levels(fw, node_specs_[alt], w, p.scores, reads_logs_[alt] ? &p.logs : nullptr, p.name_of);
    }

    // The specs of the aggregation alternatives, and whether they read log(indicator).
    void resolve_node_specs() {
        const auto& fw = nominal_.meta();
        node_specs_.push_back(nominal_.node_specs_for(nominal_aggregate_));
        for (const auto& levels : spec_.aggregate) {
            aggregate_options o = nominal_aggregate_;
            o.levels = levels;
            node_specs_.push_back(nominal_.node_specs_for(o));
        }
        for (const auto& specs : node_specs_) {
            bool logs = false;
            for (Index a = fw.n_indicators(); a < fw.size(); ++a) {
                const bool gmean = specs[static_cast<std::size_t>(a)].method == aggregator::gmean;
                for (Index c : fw.at(a).children) logs = logs || (gmean && c < fw.n_indicators());
            }
            reads_logs_.push_back(logs);
        }
    }

    [[nodiscard]] std::string label(std::size_t step, std::size_t a) const {
        switch (step) {
            case 0: {
                const auto& o = spec_.impute[a];
                return by_group(o.method) ? fmt::format("{}({})", to_string(o.method), o.group)
                                          : std::string(to_string(o.method));
            }
            case 1: {
                const auto& o = spec_.treat[a];
                if (!o.global.enabled)
                    return o.individual.empty() ? "none" : fmt::format("none (+{} individual)", o.individual.size());
                std::string s = o.global.winmax < 0 ? std::string("winmax=none")
                                                    : fmt::format("winmax={}", o.global.winmax);
                if (o.global.f2 != transform::log_ct) s += fmt::format(", f2={}", to_string(o.global.f2));
                if (!o.individual.empty()) s += fmt::format(" (+{} individual)", o.individual.size());
                return s;
            }
            case 2: {
                const auto& g = spec_.normalise[a].global;
                std::string s(to_string(g.method));
                if (g.method == normaliser::minmax) s += fmt::format("({}, {})", g.l, g.u);
                if (g.method == normaliser::zscore) s += fmt::format("({}, {})", g.mean, g.sd);
                if (!spec_.normalise[a].individual.empty())
                    s += fmt::format(" (+{} individual)", spec_.normalise[a].individual.size());
                return s;
            }
            default: {
                std::string s;
                for (const auto& l : spec_.aggregate[a]) {
                    if (!s.empty()) s += "/";
                    s += to_string(l.method);
                    if (l.method == aggregator::genmean) s += fmt::format("(p={})", l.p);
                }
                return s;
            }
        }
    }

    [[nodiscard]] std::string describe(const pipeline_draw& d) const {
        std::string s;
        for (std::size_t k = 0; k < discrete_.size(); ++k) {
            if (!s.empty()) s += ", ";
            s += fmt::format("{} = {}", inputs_[k], label(discrete_[k], static_cast<std::size_t>(d.choice[discrete_[k]])));
        }
        if (!noise_levels_.empty()) s += s.empty() ? "noisy weights" : ", noisy weights";
        return s;
    }

    void check_alternatives() const {
        const auto& fw = nominal_.meta();
        auto indicator = [&](const std::string& code) {
            if (fw.index_of(code) >= fw.n_indicators())
                bad_uncertainty(fmt::format("'{}' is an Aggregate, not an Indicator", code));
        };
        for (const auto& o : spec_.impute)
            if (by_group(o.method)) (void)nominal_.group_of(o.group);
        for (const auto& o : spec_.treat) {
            check_treat_spec(o.global, {});
            for (const auto& kv : o.individual) {
                indicator(kv.first);
                check_treat_spec(kv.second, kv.first);
            }
        }
        auto check_norm = [&](const normalise_spec& s, const std::string& where) {
            if (s.method == normaliser::dist2targ && std::isnan(s.target)) return;  // iMeta Target, checked on use
            if (s.method == normaliser::dist2ref) {
                const auto& codes = nominal_.unit_codes();
                if (std::find(codes.begin(), codes.end(), s.ref_unit) == codes.end())
                    detail::unknown_code("uCode (n_dist2ref reference unit)", s.ref_unit, codes);
                return;
            }
            check_spec(s, 1, where);
        };
        for (const auto& o : spec_.normalise) {
            check_norm(o.global, {});
            for (const auto& kv : o.individual) {
                indicator(kv.first);
                check_norm(kv.second, kv.first);
            }
        }
        const auto levels = static_cast<std::size_t>(std::max(fw.n_levels() - 1, 0));
        for (const auto& a : spec_.aggregate) {
            if (a.size() != 1 && a.size() != levels)
                bad_uncertainty(fmt::format("an aggregation alternative has {} methods: give one for all levels or one "
                                            "per level above the indicators ({})",
                                            a.size(), levels));
            for (const auto& s : a) check_aggregate_spec(s);
        }
    }

    // Aggregating the nominal index again must give its Aggregated data set; with weight noise,
    // also when every node's weight is given explicitly (the base of the noise).
    void check_nominal_aggregate() const {
        composite_index copy = nominal_;
        aggregate_options o = nominal_aggregate_;
        if (!noise_levels_.empty())
            for (Index i = 0; i < base_weights_.size(); ++i) o.weights[nominal_.meta().at(i).code] = base_weights_[i];
        copy.aggregate(std::move(o));
        const auto& a = copy.data(stage::aggregated);
        const auto& b = nominal_.data(stage::aggregated);
        bool same = a.rows() == b.rows() && a.cols() == b.cols();
        for (Index i = 0; same && i < a.size(); ++i) {
            const double x = a.data()[i], y = b.data()[i];
            same = (std::isnan(x) && std::isnan(y)) || x == y;
        }
        if (!same)
            bad_uncertainty("the nominal aggregation options do not reproduce the index's Aggregated data set: give "
                            "nominal_aggregate, the options of the index's last aggregate() call");
    }
};

/// Type-7 quantile of unsorted values (reordered): the order statistics quantile7_sorted()
/// reads, found by selection (O(n)) rather than by sorting; the same value.
[[nodiscard]] inline double quantile7_select(std::vector<double>& v, double p) {
    if (v.empty()) return nan;
    const double h = (static_cast<double>(v.size()) - 1.0) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto at = v.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(v.begin(), at, v.end());
    const double a = *at;
    const double b = lo + 1 < v.size() ? *std::min_element(at + 1, v.end()) : a;
    return a + (h - static_cast<double>(lo)) * (b - a);
}

/// Rank statistics of the units [first, last) of `ranks` into s. A unit's ranks are a strided
/// column of the row-major matrix, so a block of units is first copied out row by row.
inline void summarise_units(const matrix& ranks, Index first, Index last, rank_summary& s) {
    const Index reps = ranks.rows();
    std::vector<double> block(static_cast<std::size_t>((last - first) * reps));
    for (Index r = 0; r < reps; ++r)
        for (Index u = first; u < last; ++u) block[static_cast<std::size_t>((u - first) * reps + r)] = ranks(r, u);
    std::vector<double> v;
    for (Index u = first; u < last; ++u) {
        v.clear();
        long double sum = 0;
        for (Index r = 0; r < reps; ++r) {
            const double x = block[static_cast<std::size_t>((u - first) * reps + r)];
            if (std::isnan(x)) continue;
            v.push_back(x);
            sum += x;
        }
        s.mean[u] = v.empty() ? nan : static_cast<double>(sum / static_cast<long double>(v.size()));
        s.q05[u] = quantile7_select(v, 0.05);
        s.median[u] = quantile7_select(v, 0.5);
        s.q95[u] = quantile7_select(v, 0.95);
    }
}

/// Rank statistics of each column of `ranks` (replications × units), blocks of units spread
/// over `workers` threads.
[[nodiscard]] inline rank_summary summarise_ranks(const matrix& ranks, Eigen::VectorXd nominal, unsigned workers = 1) {
    constexpr Index block = 32;
    const Index units = ranks.cols();
    rank_summary s;
    s.nominal = std::move(nominal);
    s.mean.resize(units);
    s.median.resize(units);
    s.q05.resize(units);
    s.q95.resize(units);
    const auto blocks = static_cast<std::size_t>((units + block - 1) / block);
    run_parallel(
        blocks, worker_count(workers, blocks),
        [&](unsigned, std::size_t b) {
            const auto first = static_cast<Index>(b) * block;
            summarise_units(ranks, first, std::min(first + block, units), s);
        },
        {});
    return s;
}

}  // namespace detail

/// Uncertainty analysis (§E9 step 2): opt.n replications of the pipeline with the inputs of
/// `spec` drawn at random; per target and unit, the nominal rank (ci.ranks()) and the mean,
/// median, Q5 and Q95 of the rank. See the notes at the top of this file.
[[nodiscard]] inline uncertainty_result uncertainty(const composite_index& ci, const uncertainty_spec& spec,
                                                    const uncertainty_options& opt = {},
                                                    const progress_function& progress = {}) {
    if (opt.n < 1) detail::bad_uncertainty("the number of replications n must be at least 1");
    const unsigned workers = detail::worker_count(opt.threads, opt.n);
    const detail::pipeline_sampler sampler(ci, spec, opt.targets, workers, opt.cache);

    uncertainty_result res;
    res.units = sampler.units();
    res.targets = sampler.targets();
    res.inputs.assign(sampler.inputs().begin(),
                      sampler.inputs().begin() + static_cast<std::ptrdiff_t>(sampler.n_discrete()));
    res.alternatives = sampler.alternative_labels();
    res.alternatives.resize(sampler.n_discrete());
    res.n = opt.n;
    res.seed = opt.seed;
    res.threads = workers;
    const auto n = static_cast<Index>(opt.n);
    const auto n_units = static_cast<Index>(res.units.size());
    res.ranks.assign(sampler.n_targets(), matrix::Constant(n, n_units, nan));
    res.choices = index_matrix::Constant(n, static_cast<Index>(sampler.n_discrete()), -1);

    std::vector<detail::pipeline_cache> caches(workers);
    detail::run_parallel(
        opt.n, workers,
        [&](unsigned w, std::size_t r) {
            const auto d = sampler.draw_replication(opt.seed, r);
            const auto& out = sampler.run(caches[w], d, fmt::format("replication {}", r));
            for (std::size_t k = 0; k < sampler.n_discrete(); ++k)
                res.choices(static_cast<Index>(r), static_cast<Index>(k)) = sampler.choice_of(d, k);
            for (std::size_t t = 0; t < sampler.n_targets(); ++t)
                sampler.ranks_into(out, t, res.ranks[t].row(static_cast<Index>(r)).data());
        },
        progress);
    for (std::size_t t = 0; t < sampler.n_targets(); ++t)
        res.summary.push_back(detail::summarise_ranks(res.ranks[t], sampler.nominal_ranks(t), workers));
    return res;
}

}  // namespace regind::composite
