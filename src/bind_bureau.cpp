// SPDX-License-Identifier: MIT
// regind._core.bureau: the bureau instruments — consistency checks of published numbers
// (regind/consistency.hpp) and target decomposition with monthly schedules
// (regind/decompose.hpp). Thin: the Python layer (regind.consistency, regind.decompose)
// converts tables and builds the DataFrames; the GIL is released around the C++ work.
#include "bindings.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "regind/consistency.hpp"
#include "regind/decompose.hpp"

namespace regind::python {

namespace {

using vec = Eigen::Ref<const Eigen::ArrayXd>;
using mat = Eigen::Ref<const growth::row_matrix>;

py::dict rows_to_columns(const std::vector<consistency_row>& rows) {
    const auto n = static_cast<Eigen::Index>(rows.size());
    Eigen::ArrayXd computed(n), published(n), tolerance(n);
    py::list relation, regions, period_text, indicators, unit_text, verdict_text, note, facts;
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto& r = rows[static_cast<std::size_t>(i)];
        relation.append(r.relation);
        regions.append(py::cast(r.regions));
        period_text.append(r.period.to_string());
        indicators.append(py::cast(r.indicators));
        computed[i] = r.computed;
        published[i] = r.published;
        tolerance[i] = r.tolerance;
        unit_text.append(r.unit);
        verdict_text.append(std::string(to_string(r.verdict)));
        note.append(r.note);
        py::list fs;
        for (const auto& f : r.facts)
            fs.append(py::make_tuple(f.key, f.doc, f.span_start < 0 ? py::object(py::none()) : py::int_(f.span_start),
                                     f.span_end < 0 ? py::object(py::none()) : py::int_(f.span_end)));
        facts.append(fs);
    }
    py::dict d;
    d["relation"] = relation;
    d["region_codes"] = regions;
    d["period"] = period_text;
    d["indicators"] = indicators;
    d["computed"] = py::cast(std::move(computed));
    d["published"] = py::cast(std::move(published));
    d["tolerance"] = py::cast(std::move(tolerance));
    d["unit"] = unit_text;
    d["verdict"] = verdict_text;
    d["note"] = note;
    d["facts"] = facts;
    return d;
}

py::list relation_rows(const std::vector<indicator_relation>& rels) {
    py::list out;
    for (const auto& r : rels) out.append(py::make_tuple(r.kind, r.whole, r.part, r.note));
    return out;
}

py::list comparator_rows(const std::vector<comparator_info>& cs) {
    py::list out;
    for (const auto& c : cs)
        out.append(py::make_tuple(c.code, c.self ? py::object(py::str("self")) : c.region ? py::object(py::int_(*c.region)) : py::object(py::none()),
                                  c.indicator, c.units ? py::object(py::int_(*c.units)) : py::object(py::none()), c.note));
    return out;
}

}  // namespace

void register_bureau(py::module_& top) {
    auto m = top.def_submodule("bureau", "Consistency checks and target decomposition (use regind.consistency and "
                                         "regind.decompose).");

    py::list names;
    for (const auto& n : consistency_relation_names) names.append(std::string(n));
    m.attr("RELATIONS") = py::tuple(names);
    py::list verdicts;
    for (const auto& v : verdict_names) verdicts.append(std::string(v));
    m.attr("VERDICTS") = py::tuple(verdicts);

    m.def("builtin_relations", [] { return relation_rows(builtin_relations()); });
    m.def("builtin_comparators", [] { return comparator_rows(builtin_comparators()); });
    m.def("relations_from_csv", [](const std::string& text, const std::string& source) {
        return relation_rows(relations_from_csv(text, source));
    }, py::arg("text"), py::arg("source") = "<relations>");
    m.def("comparators_from_csv", [](const std::string& text, const std::string& source) {
        return comparator_rows(comparators_from_csv(text, source));
    }, py::arg("text"), py::arg("source") = "<comparators>");

    m.def(
        "check_consistency",
        [](const dataset& d, const std::optional<std::string>& relations_csv,
           const std::optional<std::string>& comparators_csv, bool builtin, const std::map<std::string, double>& allowance,
           bool include_not_checkable, const std::vector<std::string>& only) {
            consistency_options opt;
            opt.allowance = allowance;
            opt.include_not_checkable = include_not_checkable;
            opt.only = only;
            std::vector<consistency_row> rows;
            {
                py::gil_scoped_release release;
                if (relations_csv) {
                    const auto user = relations_from_csv(*relations_csv, "<relations>");
                    validate_relations(d.indicators(), user);
                    opt.relations = builtin ? merge_relations(user, builtin_relations()) : user;
                } else if (!builtin) {
                    opt.relations.clear();
                }
                if (comparators_csv) {
                    const auto user = comparators_from_csv(*comparators_csv, "<comparators>");
                    validate_comparators(d.regions(), d.indicators(), user);
                    opt.comparators = builtin ? merge_comparators(user, builtin_comparators()) : user;
                } else if (!builtin) {
                    opt.comparators.clear();
                }
                rows = check_consistency(d, opt);
            }
            return rows_to_columns(rows);
        },
        py::arg("dataset"), py::arg("relations_csv"), py::arg("comparators_csv"), py::arg("builtin"),
        py::arg("allowance"), py::arg("include_not_checkable"), py::arg("only"));

    m.def(
        "decompose",
        [](double target_value, const vec& bases, const std::string& method, const std::string& kind,
           std::optional<Eigen::ArrayXd> weights, std::optional<double> parent_base, std::optional<int> decimals) {
            split_options opt;
            opt.method = parse_split_method(method);
            opt.kind = parse_split_kind(kind);
            opt.weights = std::move(weights);
            opt.parent_base = parent_base;
            opt.decimals = decimals;
            target_split r;
            {
                py::gil_scoped_release release;
                r = decompose(target_value, bases, opt);
            }
            py::dict d;
            d["base"] = py::cast(std::move(r.base));
            d["base_share"] = py::cast(std::move(r.base_share));
            d["target"] = py::cast(std::move(r.target));
            d["target_unrounded"] = py::cast(std::move(r.target_unrounded));
            d["increment"] = py::cast(std::move(r.increment));
            d["required_growth"] = py::cast(std::move(r.required_growth));
            d["parent_base"] = r.parent_base;
            d["parent_target"] = r.parent_target;
            d["parent_growth"] = r.parent_growth;
            d["children_base"] = r.children_base;
            d["children_target"] = r.children_target;
            d["children_growth"] = r.children_growth;
            d["rounding_residue"] = r.rounding_residue;
            return d;
        },
        py::arg("target_value"), py::arg("bases"), py::arg("method"), py::arg("kind"), py::arg("weights"),
        py::arg("parent_base"), py::arg("decimals"));

    m.def(
        "monthly_schedule",
        [](double annual_target, const mat& shares) {
            monthly_schedule_result r;
            {
                py::gil_scoped_release release;
                r = monthly_schedule(annual_target, shares);
            }
            py::dict d;
            d["month"] = py::cast(std::move(r.month));
            d["cumulative_share"] = py::cast(std::move(r.cumulative_share));
            d["cumulative_target"] = py::cast(std::move(r.cumulative_target));
            d["monthly_target"] = py::cast(std::move(r.monthly_target));
            d["time_progress"] = py::cast(std::move(r.time_progress));
            return d;
        },
        py::arg("annual_target"), py::arg("past_cumulative_shares"));
}

}  // namespace regind::python
