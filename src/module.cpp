// SPDX-License-Identifier: MIT
// The extension module regind._core: exceptions, then one registration function per area.
#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "regind C++ core (use the regind package, not this module directly)";
    m.attr("__version__") = regind::version_string;

    // The exception classes live as long as the interpreter: keep raw handles (a static
    // py::object would be released after the interpreter is gone).
    static PyObject* invalid_input = py::exception<regind::invalid_input>(m, "InvalidInput", PyExc_ValueError).release().ptr();
    static PyObject* unknown_key = py::exception<regind::key_error>(m, "UnknownKey", PyExc_KeyError).release().ptr();
    static PyObject* parse_error = py::exception<regind::parse_error>(m, "ParseError", invalid_input).release().ptr();
    static PyObject* unit_error = py::exception<regind::unit_error>(m, "UnitError", invalid_input).release().ptr();
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const regind::parse_error& e) {
            py::object exc = py::handle(parse_error)(e.what());
            exc.attr("source") = e.source();
            exc.attr("line") = e.line();
            exc.attr("column") = e.column();
            exc.attr("text") = e.text();
            PyErr_SetObject(parse_error, exc.ptr());
        } catch (const regind::unit_error& e) {
            PyErr_SetString(unit_error, e.what());
        } catch (const regind::invalid_input& e) {
            PyErr_SetString(invalid_input, e.what());
        } catch (const regind::key_error& e) {
            py::object exc = py::handle(unknown_key)(e.what());
            exc.attr("key") = e.key();
            exc.attr("suggestions") = e.suggestions();
            PyErr_SetObject(unknown_key, exc.ptr());
        }
    });

    regind::python::register_region(m);
    regind::python::register_indicator(m);
    regind::python::register_dataset(m);
    regind::python::register_growth(m);
    regind::python::register_projection(m);
    regind::python::register_target(m);
    regind::python::register_ranking(m);
    regind::python::register_composite(m);
    regind::python::register_uncertainty(m);
    regind::python::register_bureau(m);
    regind::python::register_evaluation(m);
}
