// SPDX-License-Identifier: MIT
// Composite indices: the pipeline object (regind.composite.CompositeIndex wraps it) and the
// specification classes of its steps. Method names are COINr's; enums travel as COINr's
// strings and are parsed in C++, so their errors carry regind's stable ids.
#include "bindings.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "regind/composite.hpp"

namespace regind::python {

namespace {

namespace rc = regind::composite;

// A verdict as a float column: 1 pass, 0 fail, NaN unknown or not run.
double verdict_value(const rc::skew_kurt_check& c, bool ran) {
    if (!ran || c.result == rc::verdict::undetermined) return rc::nan;
    return c.result == rc::verdict::pass ? 1.0 : 0.0;
}

py::dict details_of(const std::vector<rc::treat_details>& d) {
    const auto n = static_cast<Eigen::Index>(d.size());
    Eigen::VectorXd p0(n), s0(n), k0(n), nwin(n), p1(n), s1(n), k1(n), p2(n), s2(n), k2(n);
    std::vector<std::string> f2;
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto& t = d[static_cast<std::size_t>(i)];
        p0[i] = verdict_value(t.check0, true);
        s0[i] = t.check0.skew;
        k0[i] = t.check0.kurt;
        nwin[i] = t.winsorised ? t.nwin : rc::nan;
        p1[i] = verdict_value(t.check1, t.winsorised);
        s1[i] = t.winsorised ? t.check1.skew : rc::nan;
        k1[i] = t.winsorised ? t.check1.kurt : rc::nan;
        p2[i] = verdict_value(t.check2, t.transformed);
        s2[i] = t.transformed ? t.check2.skew : rc::nan;
        k2[i] = t.transformed ? t.check2.kurt : rc::nan;
        f2.emplace_back(t.transformed ? rc::to_string(t.f2) : std::string_view());
    }
    py::dict out;
    out["pass0"] = p0;
    out["skew0"] = s0;
    out["kurt0"] = k0;
    out["nwin"] = nwin;
    out["pass1"] = p1;
    out["skew1"] = s1;
    out["kurt1"] = k1;
    out["f2"] = f2;
    out["pass2"] = p2;
    out["skew2"] = s2;
    out["kurt2"] = k2;
    return out;
}

// iMeta columns (as from_coinr extracts them) → rows; Type is checked here to name the row.
std::vector<rc::meta_row> meta_rows(const std::vector<double>& level, const std::vector<std::string>& code,
                                    const std::vector<std::string>& name, const std::vector<std::string>& parent,
                                    const std::vector<double>& direction, const std::vector<double>& weight,
                                    const std::vector<std::string>& type, const std::vector<std::string>& denominator,
                                    const std::vector<double>& target) {
    const auto n = code.size();
    for (const auto* v : {&level, &direction, &weight, &target})
        if (v->size() != n) throw invalid_input("[regind.invalid_input.framework] iMeta columns have different lengths");
    for (const auto* v : {&name, &parent, &type, &denominator})
        if (v->size() != n) throw invalid_input("[regind.invalid_input.framework] iMeta columns have different lengths");
    std::vector<rc::meta_row> rows(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& r = rows[i];
        r.level = level[i];
        r.code = code[i];
        r.name = name[i];
        r.parent = parent[i];
        r.direction = direction[i];
        r.weight = weight[i];
        const auto& t = type[i];
        if (t != "Indicator" && t != "Aggregate" && t != "Group" && t != "Denominator" && t != "Other")
            throw invalid_input(fmt::format("[regind.invalid_input.framework] iMeta row {} (iCode '{}'): unknown Type "
                                            "'{}': expected Indicator, Aggregate, Group, Denominator or Other",
                                            i + 1, code[i], t));
        r.type = rc::parse_element_type(t);
        r.denominator = denominator[i];
        r.target = target[i];
    }
    return rows;
}

std::vector<std::string> codes_of(const rc::composite_index& ci, const std::vector<Eigen::Index>& rows) {
    std::vector<std::string> out;
    out.reserve(rows.size());
    for (auto r : rows) out.push_back(ci.unit_codes()[static_cast<std::size_t>(r)]);
    return out;
}

// A weight set as a dict: weights (every node), iCode, method, level, details, status.
py::dict weight_set_dict(const rc::composite_index& ci, const rc::weight_set& ws) {
    py::dict out;
    out["name"] = ws.name;
    out["method"] = ws.method;
    out["level"] = ws.level;
    out["weights"] = ws.weights;
    out["iCode"] = ci.meta().codes();
    out["effective"] = rc::effective_weights(ci.meta(), ws.weights);
    out["details"] = ws.details;
    out["status"] = ws.status;
    return out;
}

py::list index_lists(const std::vector<std::vector<Eigen::Index>>& v) {
    py::list out;
    for (const auto& row : v) out.append(py::cast(row));
    return out;
}

}  // namespace

void register_composite(py::module_& m) {
    py::class_<rc::normalise_spec>(m, "NormaliseSpec", "A normaliser and its parameters (see regind.composite).")
        .def(py::init<>())
        .def_property(
            "method", [](const rc::normalise_spec& s) { return std::string(rc::to_string(s.method)); },
            [](rc::normalise_spec& s, const std::string& v) { s.method = rc::parse_normaliser(v); })
        .def_readwrite("l", &rc::normalise_spec::l)
        .def_readwrite("u", &rc::normalise_spec::u)
        .def_readwrite("mean", &rc::normalise_spec::mean)
        .def_readwrite("sd", &rc::normalise_spec::sd)
        .def_readwrite("p1", &rc::normalise_spec::p1)
        .def_readwrite("p2", &rc::normalise_spec::p2)
        .def_readwrite("scale_factor", &rc::normalise_spec::scale_factor)
        .def_property(
            "ties", [](const rc::normalise_spec& s) { return std::string(rc::to_string(s.ties)); },
            [](rc::normalise_spec& s, const std::string& v) { s.ties = rc::parse_ties(v); })
        .def_readwrite("ref_unit", &rc::normalise_spec::ref_unit)
        .def_readwrite("target", &rc::normalise_spec::target)
        .def_readwrite("cap_max", &rc::normalise_spec::cap_max)
        .def_readwrite("lo", &rc::normalise_spec::lo)
        .def_readwrite("hi", &rc::normalise_spec::hi)
        .def_readwrite("scale", &rc::normalise_spec::scale)
        .def_readwrite("trunc2posts", &rc::normalise_spec::trunc2posts);

    py::class_<rc::treat_spec>(m, "TreatSpec", "Outlier treatment settings of one indicator (see regind.composite).")
        .def(py::init<>())
        .def_readwrite("enabled", &rc::treat_spec::enabled)
        .def_readwrite("winmax", &rc::treat_spec::winmax)
        .def_readwrite("skew_thresh", &rc::treat_spec::skew_thresh)
        .def_readwrite("kurt_thresh", &rc::treat_spec::kurt_thresh)
        .def_readwrite("force_win", &rc::treat_spec::force_win)
        .def_property(
            "f2", [](const rc::treat_spec& s) { return std::string(rc::to_string(s.f2)); },
            [](rc::treat_spec& s, const std::string& v) { s.f2 = rc::parse_transform(v); })
        .def_readwrite("lambda_", &rc::treat_spec::lambda)
        .def_readwrite("combine_treat", &rc::treat_spec::combine_treat);

    py::class_<rc::aggregate_spec>(m, "AggregateSpec", "An aggregation method and its parameters.")
        .def(py::init<>())
        .def_property(
            "method", [](const rc::aggregate_spec& s) { return std::string(rc::to_string(s.method)); },
            [](rc::aggregate_spec& s, const std::string& v) { s.method = rc::parse_aggregator(v); })
        .def_readwrite("p", &rc::aggregate_spec::p)
        .def_readwrite("dat_thresh", &rc::aggregate_spec::dat_thresh);

    py::class_<rc::composite_index>(m, "CompositeIndex", "A composite index pipeline (COINr's coin).")
        .def(py::init([](const std::vector<double>& level, const std::vector<std::string>& code,
                         const std::vector<std::string>& name, const std::vector<std::string>& parent,
                         const std::vector<double>& direction, const std::vector<double>& weight,
                         const std::vector<std::string>& type, const std::vector<std::string>& denominator,
                         const std::vector<double>& target, std::vector<std::string> unit_codes,
                         std::vector<std::string> unit_names, std::map<std::string, Eigen::VectorXd> numeric,
                         std::map<std::string, std::vector<std::optional<std::string>>> groups) {
                 const auto rows = meta_rows(level, code, name, parent, direction, weight, type, denominator, target);
                 rc::unit_table units;
                 units.codes = std::move(unit_codes);
                 units.names = std::move(unit_names);
                 units.numeric = std::move(numeric);
                 units.groups = std::move(groups);
                 py::gil_scoped_release release;
                 return rc::composite_index(rc::framework::from_meta(rows), std::move(units));
             }),
             py::arg("level"), py::arg("code"), py::arg("name"), py::arg("parent"), py::arg("direction"),
             py::arg("weight"), py::arg("type"), py::arg("denominator"), py::arg("target"), py::arg("unit_codes"),
             py::arg("unit_names"), py::arg("numeric"), py::arg("groups"))
        .def_static(
            "check_meta",
            [](const std::vector<double>& level, const std::vector<std::string>& code,
               const std::vector<std::string>& name, const std::vector<std::string>& parent,
               const std::vector<double>& direction, const std::vector<double>& weight,
               const std::vector<std::string>& type, const std::vector<std::string>& denominator,
               const std::vector<double>& target) {
                (void)rc::framework::from_meta(
                    meta_rows(level, code, name, parent, direction, weight, type, denominator, target));
            },
            py::arg("level"), py::arg("code"), py::arg("name"), py::arg("parent"), py::arg("direction"),
            py::arg("weight"), py::arg("type"), py::arg("denominator"), py::arg("target"),
            "Checks iMeta columns (REFERENCE-METHODS.md §E0); raises InvalidInput naming the row.")
        .def("denominate",
             [](rc::composite_index& ci, std::map<std::string, std::string> denominators,
                std::map<std::string, double> scale_factors) {
                 rc::denominate_options o;
                 o.denominators = std::move(denominators);
                 o.scale_factors = std::move(scale_factors);
                 py::gil_scoped_release release;
                 ci.denominate(std::move(o));
             },
             py::arg("denominators"), py::arg("scale_factors"))
        .def("impute",
             [](rc::composite_index& ci, const std::string& method, const std::string& group) {
                 rc::impute_options o;
                 o.method = rc::parse_impute_method(method);
                 o.group = group;
                 py::gil_scoped_release release;
                 ci.impute(std::move(o));
             },
             py::arg("method"), py::arg("group"))
        .def("screen",
             [](rc::composite_index& ci, const std::string& unit_screen, double dat_thresh, double nonzero_thresh,
                std::map<std::string, bool> force) {
                 rc::screen_options o;
                 o.how = rc::parse_unit_screen(unit_screen);
                 o.dat_thresh = dat_thresh;
                 o.nonzero_thresh = nonzero_thresh;
                 o.force = std::move(force);
                 py::gil_scoped_release release;
                 ci.screen(std::move(o));
             },
             py::arg("unit_screen"), py::arg("dat_thresh"), py::arg("nonzero_thresh"), py::arg("force"))
        .def("treat",
             [](rc::composite_index& ci, const rc::treat_spec& global, std::map<std::string, rc::treat_spec> individual) {
                 rc::treat_options o;
                 o.global = global;
                 o.individual = std::move(individual);
                 py::gil_scoped_release release;
                 ci.treat(std::move(o));
             },
             py::arg("spec"), py::arg("individual"))
        .def("normalise",
             [](rc::composite_index& ci, const rc::normalise_spec& global,
                std::map<std::string, rc::normalise_spec> individual) {
                 rc::normalise_options o;
                 o.global = global;
                 o.individual = std::move(individual);
                 py::gil_scoped_release release;
                 ci.normalise(std::move(o));
             },
             py::arg("spec"), py::arg("individual"))
        .def("aggregate",
             [](rc::composite_index& ci, std::vector<rc::aggregate_spec> levels, std::map<std::string, double> weights,
                std::string weight_set, std::map<std::string, rc::aggregate_spec> by_node) {
                 rc::aggregate_options o;
                 o.levels = std::move(levels);
                 o.weights = std::move(weights);
                 o.weight_set = std::move(weight_set);
                 o.by_node = std::move(by_node);
                 py::gil_scoped_release release;
                 ci.aggregate(std::move(o));
             },
             py::arg("levels"), py::arg("weights"), py::arg("weight_set") = std::string(),
             py::arg("by_node") = std::map<std::string, rc::aggregate_spec>())
        .def("compute_weights",
             [](rc::composite_index& ci, const std::string& method, const std::string& name, const std::string& base,
                int level, const std::optional<std::string>& dset, std::map<std::string, double> values, bool abs_r,
                std::map<std::string, Eigen::MatrixXd> matrices, std::vector<double> random_index,
                std::map<std::string, double> itarg, const std::string& cor_method, double toler, int maxiter) {
                 rc::weight_options o;
                 o.method = rc::parse_weight_method(method);
                 o.name = name;
                 o.base = base;
                 o.level = level;
                 if (dset) o.dset = rc::parse_stage(*dset);
                 o.values = std::move(values);
                 o.critic = abs_r ? rc::critic_correlation::one_minus_abs_r : rc::critic_correlation::one_minus_r;
                 o.ahp = std::move(matrices);
                 o.random_index = std::move(random_index);
                 o.itarg = std::move(itarg);
                 o.cor = rc::parse_corr_method(cor_method);
                 o.toler = toler;
                 o.maxiter = maxiter;
                 const rc::weight_set* ws = nullptr;
                 {
                     py::gil_scoped_release release;
                     ws = &ci.compute_weights(o);
                 }
                 return weight_set_dict(ci, *ws);
             },
             py::arg("method"), py::arg("name"), py::arg("base"), py::arg("level"), py::arg("dset"), py::arg("values"),
             py::arg("abs_r"), py::arg("matrices"), py::arg("random_index"), py::arg("itarg"), py::arg("cor_method"),
             py::arg("toler"), py::arg("maxiter"))
        .def("weight_set",
             [](const rc::composite_index& ci, const std::string& name) {
                 return weight_set_dict(ci, ci.weights_named(name));
             },
             py::arg("name"))
        .def("weight_set_names", &rc::composite_index::weight_set_names)
        .def("aggregation_weights", &rc::composite_index::aggregation_weights)
        .def("strengths_weaknesses",
             [](const rc::composite_index& ci, const std::string& s, Eigen::Index top_n, Eigen::Index bottom_n,
                bool min_discard) {
                 const auto st = rc::parse_stage(s);
                 rc::strengths_weaknesses_result r;
                 {
                     py::gil_scoped_release release;
                     r = ci.strengths_weaknesses(st, top_n, bottom_n, min_discard);
                 }
                 return py::make_tuple(py::cast(std::move(r.ranks)), index_lists(r.strengths), index_lists(r.weaknesses),
                                       ci.unit_codes(st), ci.meta().indicator_codes());
             },
             py::arg("stage"), py::arg("top_n"), py::arg("bottom_n"), py::arg("min_discard"))
        .def("results",
             [](const rc::composite_index& ci, const std::string& tab_type, const std::string& order_by) {
                 const auto t = rc::parse_results_type(tab_type);
                 const auto r = ci.results(t, order_by);
                 std::vector<std::string> cols;
                 for (auto c : r.columns) cols.push_back(ci.meta().at(c).code);
                 return py::make_tuple(r.rows, cols, ci.meta().at(r.sort_column).code, r.rank);
             },
             py::arg("tab_type"), py::arg("order_by"))
        .def("has", [](const rc::composite_index& ci, const std::string& s) { return ci.has(rc::parse_stage(s)); })
        .def("generation",
             [](const rc::composite_index& ci, const std::string& s) { return ci.generation(rc::parse_stage(s)); })
        .def("latest", [](const rc::composite_index& ci) { return std::string(rc::to_string(ci.latest())); })
        .def("data",
             [](const rc::composite_index& ci, const std::string& s) {
                 const auto st = rc::parse_stage(s);
                 rc::matrix copy = ci.data(st);
                 return py::make_tuple(py::cast(std::move(copy)), ci.unit_codes(st), ci.columns(st));
             })
        .def("ranks",
             [](const rc::composite_index& ci) {
                 rc::matrix r;
                 {
                     py::gil_scoped_release release;
                     r = ci.ranks();
                 }
                 return py::make_tuple(py::cast(std::move(r)), ci.unit_codes(rc::stage::aggregated),
                                       ci.columns(rc::stage::aggregated));
             })
        .def("group_ranks",
             [](const rc::composite_index& ci, const std::string& group) {
                 rc::matrix r;
                 {
                     py::gil_scoped_release release;
                     r = ci.group_ranks(group);
                 }
                 const auto& g = ci.group_of(group);
                 std::vector<std::optional<std::string>> labels;
                 for (auto row : ci.units_of(rc::stage::aggregated)) {
                     const int k = g.of_unit[static_cast<std::size_t>(row)];
                     labels.push_back(k < 0 ? std::nullopt : std::optional<std::string>(g.levels[static_cast<std::size_t>(k)]));
                 }
                 return py::make_tuple(py::cast(std::move(r)), ci.unit_codes(rc::stage::aggregated),
                                       ci.columns(rc::stage::aggregated), labels);
             })
        .def("treat_details",
             [](const rc::composite_index& ci) {
                 const auto& d = ci.treatment_details();
                 rc::point_matrix p = ci.treated_points();
                 return py::make_tuple(details_of(d), py::cast(std::move(p)), ci.unit_codes(rc::stage::treated),
                                       ci.columns(rc::stage::treated));
             })
        .def("screen_summary",
             [](const rc::composite_index& ci) {
                 const auto& s = ci.screen_summary();
                 py::dict out;
                 out["N_missing"] = s.n_missing;
                 out["N_zero"] = s.n_zero;
                 out["N_miss_or_zero"] = s.n_miss_or_zero;
                 out["Dat_Avail"] = s.dat_avail;
                 out["Non_Zero"] = s.non_zero;
                 out["LowData"] = s.low_data;
                 out["LowNonZero"] = s.low_nonzero;
                 out["LowDatOrZeroFlag"] = s.low_data_or_zero;
                 out["Included"] = s.included;
                 return py::make_tuple(out, codes_of(ci, ci.screened_from()));
             })
        .def("stats",
             [](const rc::composite_index& ci, const std::string& s, double t_skew, double t_kurt, double t_avail,
                double t_zero, double t_unq) {
                 const auto st = rc::parse_stage(s);
                 rc::stats_thresholds t{t_skew, t_kurt, t_avail, t_zero, t_unq};
                 rc::column_stats cs;
                 {
                     py::gil_scoped_release release;
                     cs = rc::get_stats(ci.data(st), t);
                 }
                 py::dict out;
                 out["Min"] = cs.min;
                 out["Max"] = cs.max;
                 out["Mean"] = cs.mean;
                 out["Median"] = cs.median;
                 out["Std"] = cs.sd;
                 out["Skew"] = cs.skew;
                 out["Kurt"] = cs.kurt;
                 out["N.Avail"] = cs.n_avail;
                 out["N.NonZero"] = cs.n_nonzero;
                 out["N.Unique"] = cs.n_unique;
                 out["N.Same"] = cs.n_same;
                 out["Frc.Avail"] = cs.frc_avail;
                 out["Frc.NonZero"] = cs.frc_nonzero;
                 out["Frc.Unique"] = cs.frc_unique;
                 out["Frc.Same"] = cs.frc_same;
                 out["low_avail"] = cs.low_avail;
                 out["low_nonzero"] = cs.low_nonzero;
                 out["low_unique"] = cs.low_unique;
                 out["outlier"] = cs.outlier;
                 return py::make_tuple(out, ci.columns(st));
             },
             py::arg("stage"), py::arg("t_skew"), py::arg("t_kurt"), py::arg("t_avail"), py::arg("t_zero"),
             py::arg("t_unq"))
        .def("names",
             [](const rc::composite_index& ci) {
                 std::vector<std::string> out;
                 for (const auto& nd : ci.meta().nodes()) out.push_back(nd.name);
                 return out;
             })
        .def("framework",
             [](const rc::composite_index& ci) {
                 const auto& fw = ci.meta();
                 std::vector<std::string> code, parent;
                 std::vector<int> level, direction;
                 std::vector<double> weight;
                 for (const auto& nd : fw.nodes()) {
                     code.push_back(nd.code);
                     parent.push_back(nd.parent < 0 ? std::string() : fw.at(nd.parent).code);
                     level.push_back(nd.level);
                     direction.push_back(nd.direction);
                     weight.push_back(nd.weight);
                 }
                 py::dict out;
                 out["iCode"] = code;
                 out["Level"] = level;
                 out["Parent"] = parent;
                 out["Direction"] = direction;
                 out["Weight"] = weight;
                 out["EffWeight"] = fw.effective_weights();
                 return out;
             })
        .def_property_readonly("group_codes", [](const rc::composite_index& ci) { return ci.group_codes(); })
        .def_property_readonly("unit_codes", [](const rc::composite_index& ci) { return ci.unit_codes(); })
        .def_property_readonly("unit_names", [](const rc::composite_index& ci) { return ci.unit_names(); });

    // Kernels usable on any matrix (regind.composite's module-level functions).
    m.def("composite_outrank",
          [](const rc::matrix& x, const Eigen::VectorXd& w) {
              rc::outranking_result r;
              {
                  py::gil_scoped_release release;
                  r = rc::outrank(x, w);
              }
              return py::make_tuple(py::cast(std::move(r.outranking)), r.copeland, r.dominance_pairs, r.frac_dominant);
          },
          py::arg("x"), py::arg("w"));
    m.def("composite_entropy_weights",
          [](const rc::matrix& x, const std::vector<std::string>& names) {
              py::gil_scoped_release release;
              return rc::entropy_weights(x, names);
          },
          py::arg("x"), py::arg("names"));
    m.def("composite_critic_weights",
          [](const rc::matrix& x, const std::vector<int>& directions, bool abs_r, const std::vector<std::string>& names) {
              py::gil_scoped_release release;
              return rc::critic_weights(
                  x, directions, abs_r ? rc::critic_correlation::one_minus_abs_r : rc::critic_correlation::one_minus_r,
                  names);
          },
          py::arg("x"), py::arg("directions"), py::arg("abs_r"), py::arg("names"));
    m.def("composite_pca_weights",
          [](const rc::matrix& x, const std::vector<std::string>& names) {
              rc::pca_result r;
              {
                  py::gil_scoped_release release;
                  r = rc::pca_weights(x, names);
              }
              return py::make_tuple(r.loadings, r.variance_explained, r.n_complete);
          },
          py::arg("x"), py::arg("names"));
    m.def("composite_ahp_weights",
          [](const Eigen::MatrixXd& a, const std::optional<std::vector<double>>& random_index) {
              rc::ahp_result r;
              {
                  py::gil_scoped_release release;
                  r = rc::ahp_weights(a, random_index ? *random_index : rc::saaty_random_index());
              }
              py::dict out;
              out["weights"] = r.weights;
              out["lambda_max"] = r.lambda_max;
              out["CI"] = r.ci;
              out["RI"] = r.ri;
              out["CR"] = r.cr;
              return out;
          },
          py::arg("a"), py::arg("random_index"));
    m.def("composite_correlations",
          [](const rc::matrix& x, const std::string& method) {
              const auto cm = rc::parse_corr_method(method);
              py::gil_scoped_release release;
              return rc::correlations(x, cm);
          },
          py::arg("x"), py::arg("method"));
    m.def("composite_cronbach",
          [](const rc::matrix& x) {
              py::gil_scoped_release release;
              return rc::cronbach_alpha(x);
          },
          py::arg("x"));
    m.def("composite_impute_panel",
          [](const rc::matrix& x, const std::string& method, const std::vector<double>& times, Eigen::Index max_time) {
              const auto pm = rc::parse_panel_imputer(method);
              py::gil_scoped_release release;
              return rc::impute_panel(x, pm, times, max_time);
          },
          py::arg("x"), py::arg("method"), py::arg("times"), py::arg("max_time"));
    m.def("composite_effective_weights",
          [](const rc::composite_index& ci, const Eigen::VectorXd& w) { return rc::effective_weights(ci.meta(), w); },
          py::arg("index"), py::arg("weights"));
}

}  // namespace regind::python
