// SPDX-License-Identifier: MIT
// Uncertainty and Sobol' sensitivity analysis of composite indices (python/regind/uncertainty.py
// is the public Python API over these). The analyses run with the GIL released; the progress
// callback takes it back only for its own call (on the calling thread), and also lets Ctrl-C
// stop a run.
#include "bindings.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "regind/composite/sensitivity.hpp"
#include "regind/composite/uncertainty.hpp"

namespace regind::python {

namespace {

namespace rc = regind::composite;

// The callback is borrowed: the Python caller keeps it alive for the whole call.
rc::progress_function progress_of(const py::object& callback) {
    PyObject* cb = callback.is_none() ? nullptr : callback.ptr();
    return [cb](std::size_t done, std::size_t total) {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
        if (cb != nullptr) {
            const py::handle callback_handle(cb);
            callback_handle(done, total);
        }
    };
}

py::dict summary_dict(const rc::rank_summary& s) {
    py::dict d;
    d["nominal"] = s.nominal;
    d["mean"] = s.mean;
    d["median"] = s.median;
    d["q05"] = s.q05;
    d["q95"] = s.q95;
    return d;
}

py::dict sobol_dict(const rc::sobol_estimate& e) {
    py::dict d;
    d["S"] = e.first;
    d["S_lo"] = e.first_lo;
    d["S_hi"] = e.first_hi;
    d["ST"] = e.total;
    d["ST_lo"] = e.total_lo;
    d["ST_hi"] = e.total_hi;
    d["variance"] = e.variance;
    d["mean"] = e.mean;
    d["n"] = e.n;
    return d;
}

rc::sobol_options sobol_options_of(int ddof, bool center, std::size_t n_boot, double level) {
    rc::sobol_options o;
    o.ddof = ddof;
    o.center = center;
    o.n_boot = n_boot;
    o.level = level;
    return o;
}

}  // namespace

void register_uncertainty(py::module_& m) {
    py::class_<rc::uncertainty_spec>(m, "UncertaintySpec",
                                     "The uncertain inputs of a composite index (see regind.uncertainty).")
        .def(py::init<>())
        .def_readwrite("weight_noise", &rc::uncertainty_spec::weight_noise)
        .def_readwrite("weight_sets", &rc::uncertainty_spec::weight_sets)
        .def("add_impute",
             [](rc::uncertainty_spec& s, const std::string& method, const std::string& group) {
                 s.impute.push_back({rc::parse_impute_method(method), group});
             },
             py::arg("method"), py::arg("group"))
        .def("add_treat",
             [](rc::uncertainty_spec& s, const rc::treat_spec& global, std::map<std::string, rc::treat_spec> individual) {
                 rc::treat_options o;
                 o.global = global;
                 o.individual = std::move(individual);
                 s.treat.push_back(std::move(o));
             },
             py::arg("spec"), py::arg("individual"))
        .def("add_normalise",
             [](rc::uncertainty_spec& s, const rc::normalise_spec& global,
                std::map<std::string, rc::normalise_spec> individual) {
                 rc::normalise_options o;
                 o.global = global;
                 o.individual = std::move(individual);
                 s.normalise.push_back(std::move(o));
             },
             py::arg("spec"), py::arg("individual"))
        .def("add_aggregate",
             [](rc::uncertainty_spec& s, std::vector<rc::aggregate_spec> levels) {
                 s.aggregate.push_back(std::move(levels));
             },
             py::arg("levels"))
        .def("set_nominal_aggregate",
             [](rc::uncertainty_spec& s, std::vector<rc::aggregate_spec> levels, std::map<std::string, double> weights) {
                 rc::aggregate_options o;
                 o.levels = std::move(levels);
                 o.weights = std::move(weights);
                 s.nominal_aggregate = std::move(o);
             },
             py::arg("levels"), py::arg("weights"));

    m.def(
        "uncertainty",
        [](const rc::composite_index& ci, const rc::uncertainty_spec& spec, std::size_t n, std::uint64_t seed,
           unsigned threads, std::vector<std::string> targets, std::size_t cache, const py::object& progress) {
            rc::uncertainty_options o;
            o.n = n;
            o.seed = seed;
            o.threads = threads;
            o.targets = std::move(targets);
            o.cache = cache;
            const rc::composite_index nominal = ci;  // under the GIL: Python cannot change it meanwhile
            const auto report = progress_of(progress);
            rc::uncertainty_result r;
            {
                py::gil_scoped_release release;
                r = rc::uncertainty(nominal, spec, o, report);
            }
            py::dict d;
            py::list ranks, summary;
            for (auto& x : r.ranks) ranks.append(py::cast(std::move(x)));
            for (const auto& s : r.summary) summary.append(summary_dict(s));
            d["units"] = r.units;
            d["targets"] = r.targets;
            d["ranks"] = ranks;
            d["summary"] = summary;
            d["inputs"] = r.inputs;
            d["alternatives"] = r.alternatives;
            d["choices"] = py::cast(std::move(r.choices));
            d["threads"] = r.threads;
            return d;
        },
        py::arg("ci"), py::arg("spec"), py::arg("n"), py::arg("seed"), py::arg("threads"), py::arg("targets"),
        py::arg("cache"), py::arg("progress"));

    m.def(
        "sensitivity",
        [](const rc::composite_index& ci, const rc::uncertainty_spec& spec, std::size_t n, std::uint64_t seed,
           unsigned threads, const std::string& target, std::size_t cache, int ddof, bool center, std::size_t n_boot,
           double level, const py::object& progress) {
            rc::sensitivity_options o;
            o.n = n;
            o.seed = seed;
            o.threads = threads;
            o.target = target;
            o.cache = cache;
            o.sobol = sobol_options_of(ddof, center, n_boot, level);
            const rc::composite_index nominal = ci;
            const auto report = progress_of(progress);
            rc::sensitivity_result r;
            {
                py::gil_scoped_release release;
                r = rc::sensitivity(nominal, spec, o, report);
            }
            py::dict d;
            d["inputs"] = r.inputs;
            d["alternatives"] = r.alternatives;
            d["units"] = r.units;
            d["target"] = r.target;
            d["design"] = py::cast(std::move(r.design));
            d["choices"] = py::cast(std::move(r.choices));
            d["ranks"] = py::cast(std::move(r.ranks));
            d["output"] = py::cast(std::move(r.output));
            d["indices"] = sobol_dict(r.indices);
            d["unit_first"] = py::cast(std::move(r.unit_first));
            d["unit_total"] = py::cast(std::move(r.unit_total));
            d["summary"] = summary_dict(r.summary);
            d["threads"] = r.threads;
            return d;
        },
        py::arg("ci"), py::arg("spec"), py::arg("n"), py::arg("seed"), py::arg("threads"), py::arg("target"),
        py::arg("cache"), py::arg("ddof"), py::arg("center"), py::arg("n_boot"), py::arg("level"), py::arg("progress"));

    m.def(
        "sobol_design",
        [](Eigen::Index n, Eigen::Index d, std::uint64_t seed) { return rc::sobol_design(n, d, seed); },
        py::arg("n"), py::arg("d"), py::arg("seed"), py::call_guard<py::gil_scoped_release>(),
        "The N(d + 2) × d design in [0, 1): rows A, B, AB_1 … AB_d.");

    m.def(
        "sobol_estimate",
        [](const Eigen::VectorXd& y_a, const Eigen::VectorXd& y_b, const rc::matrix& y_ab, int ddof, bool center,
           std::size_t n_boot, double level, std::uint64_t seed) {
            rc::sobol_estimate e;
            {
                py::gil_scoped_release release;
                e = rc::estimate_sobol(y_a, y_b, y_ab, sobol_options_of(ddof, center, n_boot, level), seed);
            }
            return sobol_dict(e);
        },
        py::arg("y_a"), py::arg("y_b"), py::arg("y_ab"), py::arg("ddof"), py::arg("center"), py::arg("n_boot"),
        py::arg("level"), py::arg("seed"));

    m.def("alternative_index", &rc::alternative_index, py::arg("u"), py::arg("n"),
          "The alternative that u in [0, 1] picks among n: min(floor(u n), n - 1).");
}

}  // namespace regind::python
