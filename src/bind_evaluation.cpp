// SPDX-License-Identifier: MIT
// Enterprise evaluation (G1–G3), carbon grades (G4) and project life cycle (G5).
// Schemes cross the boundary as plain dicts: the Python layer reads JSON with Python's json
// module and checks the types (regind/evaluation.py); these bindings convert the checked dict
// to regind::evaluation::scheme, whose validate() checks the semantics.
#include "bindings.hpp"

#include "regind/carbon.hpp"
#include "regind/evaluation.hpp"
#include "regind/evaluation_json.hpp"
#include "regind/projects.hpp"

namespace regind::python {

namespace {

namespace ev = regind::evaluation;

template <typename T>
T get(const py::dict& d, const char* key) {
    if (!d.contains(key)) throw invalid_input(fmt::format("[regind.invalid_input.scheme] missing key '{}'", key));
    return d[key].cast<T>();
}

ev::scheme scheme_from(const py::dict& d) {
    ev::scheme s;
    s.name = get<std::string>(d, "name");
    s.year = get<int>(d, "year");
    s.description = get<std::string>(d, "description");
    s.higher_is_better = get<bool>(d, "higher_is_better");
    s.tie_method = parse_rank_method(get<std::string>(d, "tie_method"));
    s.group_by = get<std::string>(d, "group_by");
    for (const auto& h : get<py::list>(d, "terms")) {
        const auto t = h.cast<py::dict>();
        ev::term x;
        x.name = get<std::string>(t, "name");
        x.label = get<std::string>(t, "label");
        x.numerator = get<std::string>(t, "numerator");
        x.denominator = get<std::string>(t, "denominator");
        x.weight = get<double>(t, "weight");
        const auto b = get<py::dict>(t, "benchmark");
        x.benchmark = ev::parse_benchmark_rule(get<std::string>(b, "rule"));
        if (b.contains("value")) x.benchmark_value = b["value"].cast<double>();
        if (b.contains("values")) x.benchmark_by_year = b["values"].cast<std::map<int, double>>();
        x.floor = get<double>(t, "floor");
        x.cap = get<double>(t, "cap");
        x.missing = ev::parse_missing_rule(get<std::string>(t, "missing"));
        s.terms.push_back(std::move(x));
    }
    for (const char* key : {"bonuses", "penalties"})
        for (const auto& h : get<py::list>(d, key)) {
            const auto a = h.cast<py::dict>();
            ev::adjustment x{get<std::string>(a, "name"), get<std::string>(a, "column"), get<double>(a, "per_unit"),
                             get<double>(a, "max")};
            (std::string(key) == "bonuses" ? s.bonuses : s.penalties).push_back(std::move(x));
        }
    std::vector<rule> ex;
    for (const auto& h : get<py::list>(d, "exclusions")) {
        const auto e = h.cast<py::dict>();
        ex.push_back({get<std::string>(e, "column"), get<std::string>(e, "op"), get<double>(e, "value"),
                      get<std::string>(e, "label"), ""});
    }
    s.exclusions = rule_table("exclusions", std::move(ex));
    const auto c = get<py::dict>(d, "classes");
    s.classes.basis = ev::parse_class_basis(get<std::string>(c, "basis"));
    s.classes.rounding = ev::parse_cut_rounding(get<std::string>(c, "rounding"));
    s.classes.side = ev::parse_cut_side(get<std::string>(c, "side"));
    s.classes.tolerance = get<double>(c, "tolerance");
    s.classes.unclassified_label = get<std::string>(c, "unclassified");
    for (const auto& h : get<py::list>(c, "cuts")) {
        const auto p = h.cast<py::tuple>();
        s.classes.cuts.push_back({p[0].cast<double>(), p[1].cast<std::string>()});
    }
    s.validate();
    return s;
}

py::dict scheme_dict(const ev::scheme& s) {
    py::dict d;
    d["name"] = s.name;
    d["year"] = s.year;
    d["description"] = s.description;
    d["higher_is_better"] = s.higher_is_better;
    d["tie_method"] = std::string(to_string(s.tie_method));
    d["group_by"] = s.group_by;
    py::list terms;
    for (const auto& t : s.terms) {
        py::dict x, b;
        x["name"] = t.name;
        x["label"] = t.label;
        x["numerator"] = t.numerator;
        x["denominator"] = t.denominator;
        x["weight"] = t.weight;
        b["rule"] = std::string(ev::to_string(t.benchmark));
        if (t.benchmark == ev::benchmark_rule::fixed) b["value"] = t.benchmark_value;
        if (t.benchmark == ev::benchmark_rule::per_year) b["values"] = t.benchmark_by_year;
        x["benchmark"] = b;
        x["floor"] = t.floor;
        x["cap"] = t.cap;
        x["missing"] = std::string(ev::to_string(t.missing));
        terms.append(x);
    }
    d["terms"] = terms;
    for (const auto& [key, list] : {std::make_pair("bonuses", &s.bonuses), std::make_pair("penalties", &s.penalties)}) {
        py::list out;
        for (const auto& a : *list) {
            py::dict x;
            x["name"] = a.name;
            x["column"] = a.column;
            x["per_unit"] = a.per_unit;
            x["max"] = a.max;
            out.append(x);
        }
        d[key] = out;
    }
    py::list ex;
    for (const auto& r : s.exclusions.rules()) {
        py::dict x;
        x["column"] = r.metric;
        x["op"] = r.op;
        x["value"] = r.threshold;
        x["label"] = r.label;
        ex.append(x);
    }
    d["exclusions"] = ex;
    py::dict c;
    c["basis"] = s.classes.basis == ev::class_basis::percentile ? "percentile" : "value";
    c["rounding"] = s.classes.rounding == ev::cut_rounding::floor  ? "floor"
                    : s.classes.rounding == ev::cut_rounding::ceil ? "ceil"
                                                                   : "round";
    c["side"] = s.classes.side == ev::cut_side::le ? "le" : "ge";
    c["tolerance"] = s.classes.tolerance;
    c["unclassified"] = s.classes.unclassified_label;
    py::list cuts;
    for (const auto& k : s.classes.cuts) cuts.append(py::make_tuple(k.bound, k.label));
    c["cuts"] = cuts;
    d["classes"] = c;
    return d;
}

py::dict result_dict(const ev::result& r) {
    py::dict d;
    d["term_names"] = r.term_names;
    d["values"] = r.values;
    d["terms"] = r.terms;
    d["bonus"] = r.bonus;
    d["penalty"] = r.penalty;
    d["score"] = r.score;
    d["rank"] = r.rank;
    d["percentile"] = r.percentile;
    d["labels"] = r.labels;
    d["class_index"] = r.class_index;
    d["excluded"] = r.excluded;
    d["groups"] = r.groups;
    d["benchmarks"] = r.benchmarks;
    d["n_ranked"] = r.n_ranked;
    return d;
}

projects::project_table project_table_from(const row_matrix& planned, const row_matrix& actual,
                                           const Eigen::VectorXd& planned_amount, const Eigen::VectorXd& invested) {
    projects::project_table t;
    t.planned = planned;
    t.actual = actual;
    t.planned_amount = planned_amount;
    t.invested = invested;
    return t;
}

}  // namespace

void register_evaluation(py::module_& m) {
    m.def("evaluation_preset", [](const std::string& name) { return scheme_dict(ev::preset(name)); }, py::arg("name"));
    m.def("evaluation_preset_names", &ev::preset_names);
    m.def("evaluation_validate", [](const py::dict& d) { return scheme_dict(scheme_from(d)); }, py::arg("scheme"));
    // The C++ JSON reader and writer, so Python can check that both languages read the same files.
    m.def("evaluation_scheme_from_json", [](const std::string& text, const std::string& source) {
        return scheme_dict(ev::scheme_from_json(text, source));
    }, py::arg("text"), py::arg("source") = "<json>");
    m.def("evaluation_scheme_to_json", [](const py::dict& d) { return ev::scheme_to_json(scheme_from(d)); },
          py::arg("scheme"));
    m.def("evaluation_evaluate", [](const ev::columns& cols, const py::dict& d, int year) {
        const auto s = scheme_from(d);
        ev::result r;
        {
            py::gil_scoped_release release;
            ev::evaluate_options o;
            o.year = year;
            r = ev::evaluate(cols, s, o);
        }
        return result_dict(r);
    }, py::arg("columns"), py::arg("scheme"), py::arg("year") = 0);
    m.def("evaluation_evaluate_rollup", [](const ev::columns& cols, const py::dict& d, int year,
                                           const Eigen::VectorXd& group) {
        const auto s = scheme_from(d);
        ev::result r;
        ev::rollup_result u;
        {
            py::gil_scoped_release release;
            ev::evaluate_options o;
            o.year = year;
            r = ev::evaluate(cols, s, o);
            u = ev::rollup(cols, s, r, group);
        }
        py::dict out;
        out["labels"] = r.labels;
        out["term_names"] = r.term_names;
        out["groups"] = u.groups;
        out["count"] = u.count;
        out["class_counts"] = u.class_counts;
        out["numerator_sum"] = u.numerator_sum;
        out["denominator_sum"] = u.denominator_sum;
        out["ratio"] = u.ratio;
        out["mean_score"] = u.mean_score;
        return out;
    }, py::arg("columns"), py::arg("scheme"), py::arg("year"), py::arg("group"));

    m.def("carbon_factor_preset", [](const std::string& name) {
        const auto f = carbon::emission_factors::preset(name);
        return py::make_tuple(f.name, f.year, f.description, f.factors);
    }, py::arg("name"));
    m.def("carbon_grades", [](const ev::columns& cols, const std::vector<std::pair<std::string, double>>& factors,
                              const std::string& industry, const std::string& value_added, bool ratio_of_sums,
                              bool missing_fuel_is_zero) {
        carbon::emission_factors f{"custom", 0, "", factors};
        carbon::grade_options o;
        o.industry = industry;
        o.value_added = value_added;
        o.ratio_of_sums = ratio_of_sums;
        o.missing_fuel_is_zero = missing_fuel_is_zero;
        carbon::grade_result g;
        {
            py::gil_scoped_release release;
            g = carbon::grades(cols, f, o);
        }
        py::dict d;
        d["co2"] = g.co2;
        d["L"] = g.L;
        d["industry_mean"] = g.industry_mean;
        d["K"] = g.K;
        d["level"] = g.level;
        d["grade"] = g.grade;
        d["rank"] = g.evaluation.rank;
        return d;
    }, py::arg("columns"), py::arg("factors"), py::arg("industry"), py::arg("value_added"), py::arg("ratio_of_sums"),
       py::arg("missing_fuel_is_zero"));

    m.def("project_status", [](const row_matrix& planned, const row_matrix& actual, const Eigen::VectorXd& planned_amount,
                               const Eigen::VectorXd& invested, double as_of, const rule_table& rules) {
        const auto t = project_table_from(planned, actual, planned_amount, invested);
        projects::status_result s;
        {
            py::gil_scoped_release release;
            s = projects::status(t, as_of, rules);
        }
        py::dict d;
        d["stage"] = s.stage;
        d["next_stage"] = s.next_stage;
        d["days_overdue"] = s.days_overdue;
        d["overdue_stage"] = s.overdue_stage;
        d["light"] = s.light;
        d["labels"] = s.labels;
        d["colours"] = s.colours;
        return d;
    }, py::arg("planned"), py::arg("actual"), py::arg("planned_amount"), py::arg("invested"), py::arg("as_of"),
       py::arg("rules"));
    m.def("project_rates", [](const row_matrix& planned, const row_matrix& actual, const Eigen::VectorXd& planned_amount,
                              const Eigen::VectorXd& invested, double as_of, double start, const rule_table& rules,
                              const Eigen::VectorXd& group) {
        const auto t = project_table_from(planned, actual, planned_amount, invested);
        projects::rates_result r;
        {
            py::gil_scoped_release release;
            r = projects::rates(t, as_of, start, rules, group);
        }
        py::dict d;
        d["groups"] = r.groups;
        d["planned"] = r.planned;
        d["reached"] = r.reached;
        d["rate"] = r.rate;
        d["projects"] = r.projects;
        d["planned_amount"] = r.planned_amount;
        d["invested"] = r.invested;
        d["investment_completion"] = r.investment_completion;
        d["time_progress"] = r.time_progress;
        d["ahead_of_time_progress"] = r.ahead_of_time_progress;
        d["with_plan"] = r.with_plan;
        d["light_counts"] = r.light_counts;
        d["labels"] = r.labels;
        d["colours"] = r.colours;
        return d;
    }, py::arg("planned"), py::arg("actual"), py::arg("planned_amount"), py::arg("invested"), py::arg("as_of"),
       py::arg("start"), py::arg("rules"), py::arg("group"));
    m.def("project_default_rules", &projects::default_rules);
    m.def("civil_to_days", &projects::days_from_civil, py::arg("year"), py::arg("month"), py::arg("day"));
}

}  // namespace regind::python
