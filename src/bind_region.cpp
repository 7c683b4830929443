// SPDX-License-Identifier: MIT
// Region and RegionRegistry.
#include "bindings.hpp"

namespace regind::python {

namespace {
py::tuple region_state(const region& r) {
    return py::make_tuple(1, r.code, r.name_zh, r.short_name, r.name_en, std::string(to_string(r.level)), r.parent_code);
}
region region_from_state(const py::tuple& t) {
    if (t.size() != 7 || t[0].cast<int>() != 1)
        throw invalid_input("[regind.invalid_input.pickle] unsupported Region pickle version");
    region r;
    r.code = t[1].cast<std::int32_t>();
    r.name_zh = t[2].cast<std::string>();
    r.short_name = t[3].cast<std::string>();
    r.name_en = t[4].cast<std::string>();
    r.level = parse_region_level(t[5].cast<std::string>());
    r.parent_code = t[6].cast<std::int32_t>();
    return r;
}
}  // namespace

void register_region(py::module_& m) {
    py::class_<region>(m, "Region", "An administrative division (GB/T 2260 code, names, level, parent).")
        .def(py::init([](std::int32_t code, std::string name_zh, std::string short_name, std::string name_en,
                         const std::string& level, std::optional<std::int32_t> parent) {
                 region r;
                 r.code = code;
                 r.name_zh = std::move(name_zh);
                 r.short_name = short_name.empty() ? r.name_zh : std::move(short_name);
                 r.name_en = std::move(name_en);
                 r.level = parse_region_level(level);
                 r.parent_code = parent.value_or(0);
                 return r;
             }),
             py::arg("code"), py::arg("name_zh"), py::arg("short_name") = "", py::arg("name_en") = "",
             py::arg("level") = "county", py::arg("parent") = py::none())
        .def_readonly("code", &region::code)
        .def_readonly("name_zh", &region::name_zh)
        .def_readonly("short_name", &region::short_name)
        .def_readonly("name_en", &region::name_en)
        .def_property_readonly("level", [](const region& r) { return std::string(to_string(r.level)); })
        .def_property_readonly("parent", [](const region& r) -> std::optional<std::int32_t> {
            if (r.parent_code == 0) return std::nullopt;
            return r.parent_code;
        })
        .def("__repr__", [](const region& r) { return describe(r); })
        .def("__eq__", [](const region& a, const region& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const region& r) { return std::hash<std::int32_t>()(r.code); })
        .def(py::pickle(&region_state, &region_from_state));

    py::class_<region_registry, std::shared_ptr<region_registry>>(
        m, "RegionRegistry", "Regions found by code, Chinese or English name, with tree walks.")
        .def(py::init<>())
        .def("add", &region_registry::add, py::arg("region"))
        .def_static("from_csv_string", &region_registry::from_csv_string, py::arg("text"), py::arg("source") = "<string>")
        .def_static("read_csv", &region_registry::read_csv, py::arg("path"), py::call_guard<py::gil_scoped_release>())
        .def("to_csv_string", &region_registry::to_csv_string)
        .def("get", [](const region_registry& r, const py::handle& k) { return region_from(r, k); }, py::arg("key"))
        .def("__getitem__", [](const region_registry& r, const py::handle& k) { return region_from(r, k); })
        .def("__contains__", [](const region_registry& r, const py::handle& k) {
            if (py::isinstance<py::int_>(k) && !py::isinstance<py::bool_>(k)) return r.contains(k.cast<std::int64_t>());
            if (py::isinstance<py::str>(k)) return r.contains(k.cast<std::string>());
            if (py::isinstance<region>(k)) return r.contains(static_cast<std::int64_t>(k.cast<const region&>().code));
            return false;
        })
        .def("__len__", &region_registry::size)
        .def("__iter__", [](const region_registry& r) { return py::iter(py::cast(r.all())); })
        .def("regions", [](const region_registry& r) { return r.all(); })
        .def("parent", [](const region_registry& r, const py::handle& k) { return r.parent(region_from(r, k)); }, py::arg("key"))
        .def("children", [](const region_registry& r, const py::handle& k) { return r.children(region_from(r, k)); }, py::arg("key"))
        .def("ancestors", [](const region_registry& r, const py::handle& k) { return r.ancestors(region_from(r, k)); }, py::arg("key"))
        .def("peers", [](const region_registry& r, const py::handle& k) { return r.peers(region_from(r, k)); }, py::arg("key"))
        .def("descendants", [](const region_registry& r, const py::handle& k) { return r.descendants(region_from(r, k)); }, py::arg("key"))
        .def("at_level", [](const region_registry& r, const std::string& level) { return r.at_level(parse_region_level(level)); }, py::arg("level"))
        .def("__eq__", [](const region_registry& a, const region_registry& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const region_registry& r) {
            std::size_t counts[4] = {0, 0, 0, 0};
            for (const auto& x : r.all()) ++counts[static_cast<int>(x.level)];
            return fmt::format("RegionRegistry(regions={}, provinces={}, cities={}, counties={})", r.size(), counts[1],
                               counts[2], counts[3]);
        })
        .def(py::pickle([](const region_registry& r) { return py::make_tuple(1, r.to_csv_string()); },
                        [](const py::tuple& t) {
                            if (t.size() != 2 || t[0].cast<int>() != 1)
                                throw invalid_input("[regind.invalid_input.pickle] unsupported RegionRegistry pickle version");
                            return std::make_shared<region_registry>(
                                region_registry::from_csv_string(t[1].cast<std::string>(), "<pickle>"));
                        }));

    m.def("zhejiang_regions", [] { return std::make_shared<region_registry>(regions::zhejiang()); },
          "A copy of the built-in Zhejiang registry (province, 11 cities, 90 county-level divisions).");
}

}  // namespace regind::python
