// SPDX-License-Identifier: MIT
// Included first by every binding file: pybind11, the NumPy/Eigen casters, regind, and the
// small helpers the bindings share.
#pragma once

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <string>

#include "regind/regind.hpp"

namespace py = pybind11;

namespace regind::python {

void register_region(py::module_& m);
void register_indicator(py::module_& m);
void register_dataset(py::module_& m);
void register_growth(py::module_& m);
void register_projection(py::module_& m);
void register_target(py::module_& m);
void register_ranking(py::module_& m);
void register_composite(py::module_& m);
void register_uncertainty(py::module_& m);
void register_bureau(py::module_& m);
void register_evaluation(py::module_& m);

/// A region key from Python: an int code, a str (code or any name), or a Region.
inline const region& region_from(const region_registry& reg, const py::handle& key) {
    if (py::isinstance<region>(key)) return reg.get(static_cast<std::int64_t>(key.cast<const region&>().code));
    if (py::isinstance<py::bool_>(key))
        throw invalid_input("[regind.invalid_input.region_key] a region key must be an int code, a str or a Region, not bool");
    if (py::isinstance<py::int_>(key)) return reg.get(key.cast<std::int64_t>());
    if (py::isinstance<py::str>(key)) return reg.get(key.cast<std::string>());
    throw invalid_input("[regind.invalid_input.region_key] a region key must be an int code, a str or a Region, not " +
                        std::string(py::str(py::type::of(key).attr("__name__"))));
}

}  // namespace regind::python
