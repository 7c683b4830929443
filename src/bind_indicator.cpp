// SPDX-License-Identifier: MIT
// Unit, Period, Indicator and IndicatorCatalogue.
#include "bindings.hpp"

namespace regind::python {

void register_indicator(py::module_& m) {
    py::class_<unit>(m, "Unit", "A unit with a dimension and exact conversion (亿元, 万亩, %, pp, 万元/亩 ...).")
        .def(py::init(&unit::parse), py::arg("symbol"))
        .def_property_readonly("symbol", &unit::symbol)
        .def_property_readonly("dimension", &unit::dimension)
        .def("compatible", &unit::compatible, py::arg("other"))
        .def("convert", [](const unit& u, double v, const unit& to) { return u.convert(v, to); }, py::arg("value"), py::arg("to"))
        .def("convert_array",
             [](const unit& u, const py::array_t<double, py::array::c_style | py::array::forcecast>& values, const unit& to) {
                 py::array_t<double> out(values.request().shape);
                 const auto n = static_cast<std::size_t>(values.size());
                 const double* in = values.data();
                 double* o = out.mutable_data();
                 {
                     py::gil_scoped_release release;
                     if (!u.compatible(to)) (void)u.convert(0.0, to);  // throws the unit_error
                     for (std::size_t i = 0; i < n; ++i) o[i] = u.convert(in[i], to);
                 }
                 return out;
             },
             py::arg("values"), py::arg("to"))
        .def("__eq__", [](const unit& a, const unit& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const unit& u) { return std::hash<std::string>()(u.symbol()); })
        .def("__str__", &unit::symbol)
        .def("__repr__", [](const unit& u) { return fmt::format("Unit('{}', dimension='{}')", u.symbol(), u.dimension()); })
        .def(py::pickle([](const unit& u) { return py::make_tuple(1, u.symbol()); },
                        [](const py::tuple& t) { return unit::parse(t[1].cast<std::string>()); }));

    py::class_<period>(m, "Period", "A reporting period: year, half, quarter, month, year-to-date (1–m月) or span.")
        .def(py::init(&period::parse), py::arg("text"))
        .def_static("year_of", [](int y) { return period::year(y); }, py::arg("year"))
        .def_static("half_of", &period::half, py::arg("year"), py::arg("half"))
        .def_static("quarter_of", &period::quarter, py::arg("year"), py::arg("quarter"))
        .def_static("month_of", &period::month, py::arg("year"), py::arg("month"))
        .def_static("ytd", &period::ytd, py::arg("year"), py::arg("last_month"))
        .def_static("span", &period::span, py::arg("first_year"), py::arg("last_year"))
        .def_static("five_year_plan", &period::five_year_plan, py::arg("n"))
        .def_property_readonly("kind", [](const period& p) { return std::string(to_string(p.kind())); })
        .def_property_readonly("year", [](const period& p) { return p.year(); })
        .def_property_readonly("first_year", &period::first_year)
        .def_property_readonly("last_year", &period::last_year)
        .def_property_readonly("first_month", &period::first_month)
        .def_property_readonly("last_month", &period::last_month)
        .def_property_readonly("months", &period::months)
        .def("previous", &period::previous)
        .def("same_period_last_year", &period::same_period_last_year)
        .def("elapsed_fraction", [](const period& p, std::optional<period> as_of) {
                 return as_of ? p.elapsed_fraction(*as_of) : p.elapsed_fraction();
             },
             py::arg("as_of") = py::none())
        .def("contains", &period::contains, py::arg("other"))
        .def("to_chinese", &period::to_chinese, py::arg("plan_names") = true)
        .def("__str__", &period::to_string)
        .def("__repr__", [](const period& p) { return fmt::format("Period('{}')", p.to_string()); })
        .def("__eq__", [](const period& a, const period& b) { return a == b; }, py::is_operator())
        .def("__lt__", [](const period& a, const period& b) { return a < b; }, py::is_operator())
        .def("__le__", [](const period& a, const period& b) { return a <= b; }, py::is_operator())
        .def("__gt__", [](const period& a, const period& b) { return a > b; }, py::is_operator())
        .def("__ge__", [](const period& a, const period& b) { return a >= b; }, py::is_operator())
        .def("__hash__", [](const period& p) { return std::hash<std::string>()(p.to_string()); })
        .def(py::pickle([](const period& p) { return py::make_tuple(1, p.to_string()); },
                        [](const py::tuple& t) { return period::parse(t[1].cast<std::string>()); }));

    py::class_<indicator>(m, "Indicator", "An indicator: code, names, unit, direction and price basis.")
        .def(py::init([](std::string code, std::string name_zh, std::string name_en, const std::string& unit_symbol,
                         const std::string& dir, const std::string& pb) {
                 indicator i;
                 i.code = std::move(code);
                 i.name_zh = std::move(name_zh);
                 i.name_en = std::move(name_en);
                 i.unit = unit::parse(unit_symbol);
                 i.direction = parse_direction(dir);
                 i.price_basis = parse_price_basis(pb);
                 return i;
             }),
             py::arg("code"), py::arg("name_zh") = "", py::arg("name_en") = "", py::arg("unit") = "1",
             py::arg("direction") = "higher", py::arg("price_basis") = "na")
        .def_readonly("code", &indicator::code)
        .def_readonly("name_zh", &indicator::name_zh)
        .def_readonly("name_en", &indicator::name_en)
        .def_readonly("unit", &indicator::unit)
        .def_property_readonly("direction", [](const indicator& i) { return std::string(to_string(i.direction)); })
        .def_property_readonly("price_basis", [](const indicator& i) { return std::string(to_string(i.price_basis)); })
        .def("__repr__", [](const indicator& i) { return describe(i); })
        .def("__eq__", [](const indicator& a, const indicator& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const indicator& i) { return std::hash<std::string>()(i.code); });

    py::class_<indicator_catalogue, std::shared_ptr<indicator_catalogue>>(m, "IndicatorCatalogue",
                                                                          "Indicators found by code or name.")
        .def(py::init<>())
        .def("add", &indicator_catalogue::add, py::arg("indicator"))
        .def("merge", &indicator_catalogue::merge, py::arg("other"))
        .def_static("from_csv_string", &indicator_catalogue::from_csv_string, py::arg("text"), py::arg("source") = "<string>")
        .def_static("read_csv", &indicator_catalogue::read_csv, py::arg("path"))
        .def("to_csv_string", &indicator_catalogue::to_csv_string)
        .def("get", &indicator_catalogue::get, py::arg("key"), py::return_value_policy::copy)
        .def("__getitem__", &indicator_catalogue::get, py::return_value_policy::copy)
        .def("__contains__", &indicator_catalogue::contains)
        .def("__len__", &indicator_catalogue::size)
        .def("__iter__", [](const indicator_catalogue& c) { return py::iter(py::cast(c.all())); })
        .def("indicators", [](const indicator_catalogue& c) { return c.all(); })
        .def("__repr__", [](const indicator_catalogue& c) { return fmt::format("IndicatorCatalogue(indicators={})", c.size()); })
        .def(py::pickle([](const indicator_catalogue& c) { return py::make_tuple(1, c.to_csv_string()); },
                        [](const py::tuple& t) {
                            return std::make_shared<indicator_catalogue>(
                                indicator_catalogue::from_csv_string(t[1].cast<std::string>(), "<pickle>"));
                        }));

    m.def("builtin_indicators", [] { return std::make_shared<indicator_catalogue>(indicators::builtin()); },
          "A copy of the built-in indicator catalogue.");
}

}  // namespace regind::python
