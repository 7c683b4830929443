// SPDX-License-Identifier: MIT
// Fact, Dataset (the core object behind regind.Dataset) and the seed documents.
#include "bindings.hpp"

namespace regind::python {

namespace {

using registry_sp = std::shared_ptr<region_registry>;
using catalogue_sp = std::shared_ptr<indicator_catalogue>;

// Datasets keep immutable snapshots, so later changes to a Python registry cannot break them.
dataset::registry_ptr snapshot(const registry_sp& r) {
    if (!r) throw invalid_input("[regind.invalid_input.dataset] regions must not be None");
    return std::make_shared<const region_registry>(*r);
}
dataset::catalogue_ptr snapshot(const catalogue_sp& c) {
    if (!c) throw invalid_input("[regind.invalid_input.dataset] indicators must not be None");
    return std::make_shared<const indicator_catalogue>(*c);
}

std::vector<period> parse_periods(const std::vector<std::string>& texts) {
    std::vector<period> out;
    out.reserve(texts.size());
    for (const auto& t : texts) out.push_back(period::parse(t));
    return out;
}

py::dict columns_of(const dataset& d) {
    const auto n = static_cast<py::ssize_t>(d.size());
    py::array_t<std::int32_t> region_code(n);
    py::array_t<double> value(n);
    py::array_t<std::int64_t> span_start(n), span_end(n);
    py::list period_col(n), indicator(n), measure_col(n), unit_col(n), qualifier_col(n), comparator(n),
        base_period(n), doc(n), note(n), region_zh(n), region_en(n), indicator_zh(n), indicator_en(n);
    auto* rc = region_code.mutable_data();
    auto* v = value.mutable_data();
    auto* ss = span_start.mutable_data();
    auto* se = span_end.mutable_data();
    py::ssize_t i = 0;
    for (const auto& f : d.facts()) {
        const auto& r = d.regions().get(static_cast<std::int64_t>(f.region_code));
        const auto& ind = d.indicators().get(f.indicator);
        rc[i] = f.region_code;
        v[i] = f.value;
        ss[i] = f.span_start;
        se[i] = f.span_end;
        period_col[i] = f.period.to_string();
        indicator[i] = f.indicator;
        measure_col[i] = std::string(to_string(f.measure));
        unit_col[i] = f.unit.symbol();
        qualifier_col[i] = std::string(to_string(f.qualifier));
        comparator[i] = f.comparator;
        base_period[i] = f.base_period ? f.base_period->to_string() : std::string();
        doc[i] = f.doc;
        note[i] = f.note;
        region_zh[i] = r.name_zh;
        region_en[i] = r.name_en;
        indicator_zh[i] = ind.name_zh;
        indicator_en[i] = ind.name_en;
        ++i;
    }
    py::dict out;
    out["region_code"] = region_code;
    out["region_zh"] = region_zh;
    out["region_en"] = region_en;
    out["period"] = period_col;
    out["indicator"] = indicator;
    out["indicator_zh"] = indicator_zh;
    out["indicator_en"] = indicator_en;
    out["measure"] = measure_col;
    out["value"] = value;
    out["unit"] = unit_col;
    out["qualifier"] = qualifier_col;
    out["comparator"] = comparator;
    out["base_period"] = base_period;
    out["doc"] = doc;
    out["span_start"] = span_start;
    out["span_end"] = span_end;
    out["note"] = note;
    return out;
}

}  // namespace

void register_dataset(py::module_& m) {
    py::class_<fact>(m, "Fact", "One published number with its meaning and provenance.")
        .def_readonly("region_code", &fact::region_code)
        .def_readonly("period", &fact::period)
        .def_readonly("indicator", &fact::indicator)
        .def_property_readonly("measure", [](const fact& f) { return std::string(to_string(f.measure)); })
        .def_readonly("value", &fact::value)
        .def_readonly("unit", &fact::unit)
        .def_property_readonly("qualifier", [](const fact& f) { return std::string(to_string(f.qualifier)); })
        .def_readonly("comparator", &fact::comparator)
        .def_readonly("base_period", &fact::base_period)
        .def_readonly("doc", &fact::doc)
        .def_property_readonly("span", [](const fact& f) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
            if (!f.has_span()) return std::nullopt;
            return std::make_pair(f.span_start, f.span_end);
        })
        .def_readonly("note", &fact::note)
        .def("__repr__", [](const fact& f) { return describe(f); })
        .def("__eq__", [](const fact& a, const fact& b) { return a == b; }, py::is_operator());

    py::class_<dataset>(m, "Dataset", "Facts checked against a region registry and an indicator catalogue.")
        .def(py::init([](const registry_sp& r, const catalogue_sp& c) { return dataset(snapshot(r), snapshot(c)); }),
             py::arg("regions"), py::arg("indicators"))
        .def("add",
             [](dataset& d, const py::handle& region_key, const std::string& period_text, const std::string& indicator_key,
                const std::string& measure_text, double value, const std::optional<std::string>& unit_text,
                const std::string& qualifier_text, const std::string& comparator, const std::optional<std::string>& base,
                const std::string& doc, std::optional<std::int64_t> span_start, std::optional<std::int64_t> span_end,
                const std::string& note) {
                 fact f;
                 f.region_code = region_from(d.regions(), region_key).code;
                 f.period = period::parse(period_text);
                 f.indicator = d.indicators().get(indicator_key).code;
                 f.measure = parse_measure(measure_text);
                 f.value = value;
                 if (unit_text && !unit_text->empty()) {
                     f.unit = unit::parse(*unit_text);
                 } else {
                     const auto pu = measure_panel_unit(f.measure);
                     f.unit = (pu.empty() || pu == "*") ? d.indicators().get(f.indicator).unit : unit::parse(pu);
                 }
                 f.qualifier = parse_qualifier(qualifier_text);
                 f.comparator = comparator;
                 if (base && !base->empty()) f.base_period = period::parse(*base);
                 f.doc = doc;
                 f.span_start = span_start.value_or(-1);
                 f.span_end = span_end.value_or(-1);
                 f.note = note;
                 d.add(std::move(f));
             },
             py::arg("region"), py::arg("period"), py::arg("indicator"), py::arg("measure"), py::arg("value"),
             py::arg("unit") = py::none(), py::arg("qualifier") = "", py::arg("comparator") = "",
             py::arg("base_period") = py::none(), py::arg("doc") = "", py::arg("span_start") = py::none(),
             py::arg("span_end") = py::none(), py::arg("note") = "")
        .def("__len__", &dataset::size)
        .def("facts", [](const dataset& d) { return d.facts(); })
        .def_property_readonly("regions", [](const dataset& d) { return std::make_shared<region_registry>(d.regions()); })
        .def_property_readonly("indicators",
                               [](const dataset& d) { return std::make_shared<indicator_catalogue>(d.indicators()); })
        .def("query",
             [](const dataset& d, const std::vector<std::int32_t>& regions, const std::vector<std::string>& indicators,
                const std::vector<std::string>& periods, const std::vector<std::string>& measures,
                const std::vector<std::string>& comparators, const std::vector<std::string>& docs) {
                 fact_filter q;
                 q.regions = regions;
                 for (const auto& i : indicators) q.indicators.push_back(d.indicators().get(i).code);
                 q.periods = parse_periods(periods);
                 for (const auto& s : measures) q.measures.push_back(parse_measure(s));
                 q.comparators = comparators;
                 q.docs = docs;
                 py::gil_scoped_release release;
                 return d.query(q);
             },
             py::arg("regions"), py::arg("indicators"), py::arg("periods"), py::arg("measures"), py::arg("comparators"),
             py::arg("docs"))
        .def("panel",
             [](const dataset& d, const std::string& indicator_key, const std::string& measure_text,
                const std::vector<std::int32_t>& regions, const std::vector<std::string>& periods,
                const std::string& comparator) {
                 const auto which = parse_measure(measure_text);
                 auto ps = parse_periods(periods);
                 regind::panel p;
                 {
                     py::gil_scoped_release release;
                     p = d.panel(indicator_key, which, regions, std::move(ps), comparator);
                 }
                 std::vector<std::string> period_text;
                 for (const auto& x : p.periods) period_text.push_back(x.to_string());
                 // The matrix is moved into the NumPy array's capsule: no copy.
                 return py::make_tuple(py::cast(std::move(p.values)), p.regions, period_text, p.unit.symbol());
             },
             py::arg("indicator"), py::arg("measure"), py::arg("regions"), py::arg("periods"), py::arg("comparator"))
        .def("columns", &columns_of)
        .def_static("from_rows",
                    [](const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const registry_sp& r, const catalogue_sp& c, const std::string& source, std::size_t first_line) {
                        detail::csv_table t;
                        t.source = source;
                        t.header = header;
                        for (std::size_t i = 0; i < rows.size(); ++i) {
                            if (rows[i].size() != header.size())
                                throw invalid_input(fmt::format("[regind.invalid_input.table] {} row {}: {} fields for {} columns",
                                                                source, first_line + i, rows[i].size(), header.size()));
                            t.rows.push_back(detail::csv_row{first_line + i, rows[i]});
                        }
                        auto rs = snapshot(r);
                        auto cs = snapshot(c);
                        py::gil_scoped_release release;
                        return dataset::from_table(t, rs, cs);
                    },
                    py::arg("header"), py::arg("rows"), py::arg("regions"), py::arg("indicators"), py::arg("source"),
                    py::arg("first_line"))
        .def_static("from_csv_string",
                    [](const std::string& text, const registry_sp& r, const catalogue_sp& c, const std::string& source) {
                        auto rs = snapshot(r);
                        auto cs = snapshot(c);
                        py::gil_scoped_release release;
                        return dataset::from_csv_string(text, rs, cs, source);
                    },
                    py::arg("text"), py::arg("regions"), py::arg("indicators"), py::arg("source") = "<string>")
        .def_static("read_csv",
                    [](const std::string& path, const registry_sp& r, const catalogue_sp& c) {
                        auto rs = snapshot(r);
                        auto cs = snapshot(c);
                        py::gil_scoped_release release;
                        return dataset::read_csv(path, rs, cs);
                    },
                    py::arg("path"), py::arg("regions"), py::arg("indicators"))
        .def("to_csv_string", &dataset::to_csv_string, py::call_guard<py::gil_scoped_release>())
        .def("to_csv", &dataset::to_csv, py::arg("path"), py::call_guard<py::gil_scoped_release>())
        .def("__eq__", [](const dataset& a, const dataset& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const dataset& d) { return describe(d); });

    m.attr("CSV_COLUMNS") = dataset::csv_columns();

    m.def("seed_facts", [] { return datasets::seed_facts(); },
          "Every quantitative fact of the five seed documents, with document and span.");
    m.def("seed_documents", [] {
        py::list out;
        for (const auto& d : datasets::seed_documents()) {
            py::dict row;
            row["doc"] = d.doc;
            row["region_code"] = d.region_code;
            row["year"] = d.year;
            row["title_zh"] = d.title_zh;
            row["title_en"] = d.title_en;
            row["kind"] = d.kind;
            out.append(row);
        }
        return out;
    });
}

}  // namespace regind::python
