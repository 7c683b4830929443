// SPDX-License-Identifier: MIT
// Targets, rule tables, progress methods and tracking.
#include "bindings.hpp"

namespace regind::python {

namespace {

py::dict assessment_dict(const assessment& a) {
    py::dict d;
    d["method"] = a.method;
    d["statistic"] = a.statistic;
    d["category"] = a.category;
    d["score"] = a.score;
    d["target_achieved"] = a.target_achieved;
    d["inputs"] = a.inputs;
    d["notes"] = a.notes;
    return d;
}

progress_inputs make_inputs(double base, double current, std::optional<double> target, double t0, double t, double T,
                            int direction, std::optional<double> limit) {
    if (direction != 1 && direction != -1)
        throw invalid_input("[regind.invalid_input.progress] direction must be +1 (higher is better) or -1");
    progress_inputs in;
    in.base = base;
    in.current = current;
    in.target = target;
    in.t0 = t0;
    in.t = t;
    in.T = T;
    in.direction = direction;
    in.limit = limit;
    return in;
}

}  // namespace

void register_target(py::module_& m) {
    py::class_<target>(m, "Target", "A goal for a region's indicator in a period, with its base where known.")
        .def(py::init([](std::int32_t region, const std::string& indicator, const std::string& per, const std::string& kind,
                         double value, const std::string& unit_symbol, const std::string& qual, const std::string& pb,
                         std::optional<double> base_value, std::optional<std::string> base_period,
                         std::optional<std::string> base_unit, const std::string& comparator) {
                 target t;
                 t.region_code = region;
                 t.indicator = indicator;
                 t.period = period::parse(per);
                 t.kind = parse_target_kind(kind);
                 t.value = value;
                 if (!std::isfinite(value)) throw invalid_input("[regind.invalid_input.target] target value must be finite");
                 t.unit = unit::parse(unit_symbol);
                 const bool ratio_kind = t.kind == target_kind::growth_at_least || t.kind == target_kind::share_at_least ||
                                         t.kind == target_kind::reduce_by;
                 if (ratio_kind && t.unit.dimension() != "ratio")
                     throw unit_error(fmt::format("[regind.unit_error.incompatible] a {} target needs a ratio unit such as "
                                                  "'%', not '{}'",
                                                  to_string(t.kind), t.unit.symbol()));
                 if (t.kind == target_kind::rank_at_most && t.unit.dimension() != "rank")
                     throw unit_error("[regind.unit_error.incompatible] a rank_at_most target needs the unit '位'");
                 t.qualifier = parse_qualifier(qual);
                 t.price_basis = parse_price_basis(pb);
                 t.base_value = base_value;
                 if (base_period) t.base_period = period::parse(*base_period);
                 if (base_unit) t.base_unit = unit::parse(*base_unit);
                 t.comparator = comparator;
                 return t;
             }),
             py::arg("region"), py::arg("indicator"), py::arg("period"), py::arg("kind"), py::arg("value"),
             py::arg("unit"), py::arg("qualifier") = "", py::arg("price_basis") = "na", py::arg("base_value") = py::none(),
             py::arg("base_period") = py::none(), py::arg("base_unit") = py::none(), py::arg("comparator") = "")
        .def_readonly("region_code", &target::region_code)
        .def_readonly("indicator", &target::indicator)
        .def_readonly("period", &target::period)
        .def_property_readonly("kind", [](const target& t) { return std::string(to_string(t.kind)); })
        .def_readonly("value", &target::value)
        .def_readonly("unit", &target::unit)
        .def_property_readonly("qualifier", [](const target& t) { return std::string(to_string(t.qualifier)); })
        .def_property_readonly("price_basis", [](const target& t) { return std::string(to_string(t.price_basis)); })
        .def_readonly("comparator", &target::comparator)
        .def_readonly("base_value", &target::base_value)
        .def_readonly("base_period", &target::base_period)
        .def_readonly("base_unit", &target::base_unit)
        .def_readonly("doc", &target::doc)
        .def_property_readonly("span", [](const target& t) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
            if (t.span_start < 0) return std::nullopt;
            return std::make_pair(t.span_start, t.span_end);
        })
        .def("implied_level", &target::implied_level)
        .def("required_growth", &target::required_growth)
        .def("__repr__", [](const target& t) {
            return fmt::format("Target({} {} {} {} {} {}{})", t.region_code, t.period.to_string(), t.indicator,
                               to_string(t.kind), t.value, t.unit.symbol(),
                               t.base_value ? fmt::format(", base {} {} in {}", *t.base_value, t.base_unit.symbol(),
                                                          t.base_period->to_string())
                                            : std::string());
        });

    py::class_<rule_table>(m, "RuleTable", "Traffic-light rules, evaluated top-down; the first match wins.")
        .def(py::init([](const std::string& name, const std::vector<std::tuple<std::string, std::string, double, std::string, std::string>>& rows) {
                 std::vector<rule> rules;
                 for (const auto& [metric, op, threshold, label, colour] : rows) rules.push_back({metric, op, threshold, label, colour});
                 return rule_table(name, std::move(rules));
             }),
             py::arg("name"), py::arg("rules"))
        .def_static("preset", &rule_table::preset, py::arg("name"))
        .def_static("from_csv_string", &rule_table::from_csv_string, py::arg("text"), py::arg("source") = "<string>")
        .def("to_csv_string", &rule_table::to_csv_string)
        .def_property_readonly("name", &rule_table::name)
        .def("rules", [](const rule_table& t) {
            std::vector<std::tuple<std::string, std::string, double, std::string, std::string>> out;
            for (const auto& r : t.rules()) out.emplace_back(r.metric, r.op, r.threshold, r.label, r.colour);
            return out;
        })
        .def("evaluate", [](const rule_table& t, const std::map<std::string, double>& metrics) -> std::optional<std::pair<std::string, std::string>> {
            const rule* r = t.evaluate(metrics);
            if (!r) return std::nullopt;
            return std::make_pair(r->label, r->colour);
        }, py::arg("metrics"))
        .def("__repr__", [](const rule_table& t) { return fmt::format("RuleTable('{}', rules={})", t.name(), t.rules().size()); });

    m.def("targets_from", [](const dataset& d, const std::vector<std::int32_t>& regions, const std::vector<std::string>& periods,
                             const std::vector<std::string>& indicators) {
        target_filter f;
        f.regions = regions;
        for (const auto& p : periods) f.periods.push_back(period::parse(p));
        for (const auto& i : indicators) f.indicators.push_back(d.indicators().get(i).code);
        return targets_from(d, f);
    }, py::arg("dataset"), py::arg("regions"), py::arg("periods"), py::arg("indicators"));

    m.def("track", [](const std::vector<target>& targets, const dataset& observations, const std::string& as_of,
                      const rule_table& rules) {
        const auto p = period::parse(as_of);
        target_report r;
        {
            py::gil_scoped_release release;
            r = track(targets, observations, p, rules);
        }
        py::list rows;
        for (const auto& s : r.rows) {
            py::dict d;
            d["target"] = s.goal;
            d["observation"] = s.observation;
            d["observed_growth"] = s.observed_growth;
            d["observed_level"] = s.observed_level;
            d["metrics"] = s.metrics;
            d["status"] = s.status;
            d["colour"] = s.colour;
            d["notes"] = s.notes;
            rows.append(d);
        }
        return py::make_tuple(rows, to_text(r, observations.regions(), observations.indicators()));
    }, py::arg("targets"), py::arg("observations"), py::arg("as_of"), py::arg("rules"));

    m.def("eurostat_pace", [](double base, double current, double target, double t0, double t, double T, int direction) {
        return assessment_dict(eurostat_pace(make_inputs(base, current, target, t0, t, T, direction, std::nullopt)));
    }, py::arg("base"), py::arg("current"), py::arg("target"), py::arg("t0"), py::arg("t"), py::arg("T"), py::arg("direction"));
    m.def("statcan_progress", [](double base, double current, std::optional<double> target, double t0, double t,
                                 std::optional<double> T, int direction, std::optional<double> limit, bool substitute_zero) {
        if (target && !T) throw invalid_input("[regind.invalid_input.progress] a target needs its year T");
        return assessment_dict(statcan_progress(make_inputs(base, current, target, t0, t, T.value_or(t), direction, limit),
                                                substitute_zero));
    }, py::arg("base"), py::arg("current"), py::arg("target"), py::arg("t0"), py::arg("t"), py::arg("T"),
       py::arg("direction"), py::arg("limit"), py::arg("substitute_zero"));
    m.def("unsd_projected_endpoint", [](double base, double current, double target, double t0, double t, double T, int direction) {
        return assessment_dict(unsd_projected_endpoint(make_inputs(base, current, target, t0, t, T, direction, std::nullopt)));
    }, py::arg("base"), py::arg("current"), py::arg("target"), py::arg("t0"), py::arg("t"), py::arg("T"), py::arg("direction"));
    m.def("escap_progress", [](const std::vector<double>& years, const std::vector<double>& values, double target, double T) {
        return assessment_dict(escap_progress(years, values, target, T));
    }, py::arg("years"), py::arg("values"), py::arg("target"), py::arg("T"));
}

}  // namespace regind::python
