// SPDX-License-Identifier: MIT
// Projections: project(), project_batch() and the projection result (python/regind/projection.py
// is the public Python API over these).
#include "bindings.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "regind/projection.hpp"

namespace regind::python {

namespace {

double param_number(const std::string& name, const py::handle& v) {
    // bool is an int in Python; alpha=True is a mistake, not 1.0.
    if (py::isinstance<py::bool_>(v) || !(py::isinstance<py::float_>(v) || py::isinstance<py::int_>(v) ||
                                          py::hasattr(v, "__float__")))
        throw invalid_input(fmt::format("[regind.invalid_input.projection_param] {} must be a number, not {}", name,
                                        std::string(py::str(py::type::of(v).attr("__name__")))));
    return v.cast<double>();
}

std::string param_text(const std::string& name, const py::handle& v) {
    if (!py::isinstance<py::str>(v))
        throw invalid_input(fmt::format("[regind.invalid_input.projection_param] {} must be a str, not {}", name,
                                        std::string(py::str(py::type::of(v).attr("__name__")))));
    return v.cast<std::string>();
}

// The options from Python's keywords; unknown names are an error, never ignored.
projection_options options_from(const std::string& method, int horizon, double level, const std::string& missing,
                                double step, const py::dict& params) {
    projection_options o;
    o.method = parse_projection_method(method);
    o.horizon = horizon;
    o.level = level;
    o.missing = parse_missing_policy(missing);
    o.step = step;
    for (const auto& [key, value] : params) {
        const auto name = py::str(key).cast<std::string>();
        if (value.is_none()) continue;  // None = not given (estimated)
        if (name == "model") o.model = parse_ets_model(param_text(name, value));
        else if (name == "initialization") o.initialization = parse_smoothing_init(param_text(name, value));
        else if (name == "alpha") o.alpha = param_number(name, value);
        else if (name == "beta") o.beta = param_number(name, value);
        else if (name == "beta_star") o.beta_star = param_number(name, value);
        else if (name == "beta_r") o.beta_r = param_number(name, value);
        else if (name == "phi") o.phi = param_number(name, value);
        else if (name == "initial_level") o.initial_level = param_number(name, value);
        else if (name == "initial_trend") o.initial_trend = param_number(name, value);
        else
            throw invalid_input(fmt::format("[regind.invalid_input.projection_param] unknown parameter '{}'; known: "
                                            "model, alpha, beta, beta_star, beta_r, phi, initial_level, initial_trend, "
                                            "initialization",
                                            name));
    }
    return o;
}

// A list of the enum values' names, one py::str per distinct value.
// Per-series enums as categories: a uint8 code per series, and one str per code (names[code]).
// The codes are counted without the GIL; Python turns them into an object array in one NumPy
// call (1,000,000 series: a few ms, where a list of str took ~0.1 s with the GIL held).
template <class Enum>
py::tuple categories(const std::vector<Enum>& values) {
    Eigen::Array<std::uint8_t, Eigen::Dynamic, 1> codes(static_cast<Eigen::Index>(values.size()));
    std::size_t top = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        codes[static_cast<Eigen::Index>(i)] = static_cast<std::uint8_t>(values[i]);
        top = std::max(top, static_cast<std::size_t>(values[i]));
    }
    py::list names;
    for (std::size_t k = 0; k <= top && !values.empty(); ++k) names.append(py::str(std::string(to_string(static_cast<Enum>(k)))));
    return py::make_tuple(py::cast(std::move(codes)), names);
}

// Notes as categories too: the distinct note lists (usually one or a few) and a code per series,
// found without the GIL. Python builds one fresh list per series only when .notes is read.
struct note_groups {
    std::vector<std::int32_t> codes;
    std::vector<const std::vector<std::string>*> distinct;
};

note_groups group_notes(const std::vector<std::vector<std::string>>& notes) {
    note_groups g;
    g.codes.resize(notes.size());
    std::map<std::vector<std::string>, std::int32_t> seen;
    const std::vector<std::string>* previous = nullptr;
    std::int32_t code = -1;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (previous == nullptr || *previous != notes[i]) {  // rows usually repeat the row before
            const auto [at, fresh] = seen.emplace(notes[i], static_cast<std::int32_t>(g.distinct.size()));
            if (fresh) g.distinct.push_back(&notes[i]);
            code = at->second;
            previous = &notes[i];
        }
        g.codes[i] = code;
    }
    return g;
}

py::dict params_of(const projection& p) {
    py::dict d;
    for (const auto& [k, v] : p.params) d[py::str(k)] = v;
    return d;
}

}  // namespace

void register_projection(py::module_& top) {
    auto m = top.def_submodule("projection", "Projections (use regind.projection, not this module directly)");
    py::class_<projection>(m, "ProjectionResult", "The result of project() (see regind.projection.Projection).")
        .def_property_readonly("method", [](const projection& p) { return std::string(to_string(p.method)); })
        .def_property_readonly("status", [](const projection& p) { return std::string(to_string(p.status)); })
        .def_readonly("horizon", &projection::horizon)
        .def_readonly("level", &projection::level)
        .def_property_readonly("model", [](const projection& p) -> std::optional<std::string> {
            if (!p.model) return std::nullopt;
            return std::string(to_string(*p.model));
        })
        .def_readonly("periods", &projection::periods)
        .def_readonly("mean", &projection::mean)
        .def_readonly("median", &projection::median)
        .def_readonly("mean_taylor", &projection::mean_taylor)
        .def_readonly("lower", &projection::lower)
        .def_readonly("upper", &projection::upper)
        .def_readonly("fitted", &projection::fitted)
        .def_readonly("residuals", &projection::residuals)
        .def_readonly("states", &projection::states)
        .def_readonly("loc", &projection::loc)
        .def_readonly("scale", &projection::scale)
        .def_readonly("df", &projection::df)
        .def_property_readonly("distribution",
                               [](const projection& p) { return std::string(to_string(p.distribution)); })
        .def_property_readonly("params", &params_of)
        .def_readonly("notes", &projection::notes)
        .def_readonly("n_used", &projection::n_used)
        .def_readonly("first_used", &projection::first_used)
        .def_readonly("last_used", &projection::last_used)
        .def("prob_at_least", &projection::prob_at_least, py::arg("threshold"), py::arg("step") = -1)
        .def("simulate", &projection::simulate, py::arg("repetitions"), py::arg("seed"),
             py::call_guard<py::gil_scoped_release>())
        .def("simulate_with",
             [](const projection& p, const Eigen::Ref<const row_matrix>& innovations) {
                 py::gil_scoped_release release;
                 return p.simulate_with(innovations);
             },
             py::arg("innovations"));

    m.def("project",
          [](const Eigen::Ref<const Eigen::VectorXd>& values, const std::optional<Eigen::VectorXd>& periods,
             const std::string& method, int horizon, double level, const std::string& missing, double step,
             const py::dict& params) {
              const auto o = options_from(method, horizon, level, missing, step, params);
              py::gil_scoped_release release;
              return periods ? project(values, *periods, o) : project(values, o);
          },
          py::arg("values"), py::arg("periods"), py::arg("method"), py::arg("horizon"), py::arg("level"),
          py::arg("missing"), py::arg("step"), py::arg("params"));

    m.def("project_batch",
          [](const Eigen::Ref<const row_matrix>& values, const std::optional<Eigen::VectorXd>& periods,
             const std::string& method, int horizon, double level, const std::string& missing, double step,
             const py::dict& params, unsigned threads, const py::object& progress) {
              const auto o = options_from(method, horizon, level, missing, step, params);
              // project_batch calls `report` on this thread only: it takes the GIL back just for
              // the Python callback (borrowed: the caller keeps it alive) and lets Ctrl-C stop a run.
              batch_progress report;
              if (!progress.is_none()) {
                  PyObject* cb = progress.ptr();
                  report = [cb](std::size_t done, std::size_t total) {
                      py::gil_scoped_acquire gil;
                      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
                      const py::handle callback(cb);
                      callback(done, total);
                  };
              }
              batch_projection b;
              note_groups notes;
              {
                  py::gil_scoped_release release;
                  b = periods ? project_batch(values, *periods, o, threads, report)
                              : project_batch(values, o, threads, report);
                  notes = group_notes(b.notes);
              }
              py::dict out;
              // The matrices are moved into the NumPy arrays: no copy.
              out["mean"] = py::cast(std::move(b.mean));
              out["median"] = py::cast(std::move(b.median));
              out["lower"] = py::cast(std::move(b.lower));
              out["upper"] = py::cast(std::move(b.upper));
              out["periods"] = py::cast(std::move(b.periods));
              out["status"] = categories(b.status);
              out["methods"] = categories(b.methods);
              py::list distinct;
              for (const auto* d : notes.distinct) {
                  py::list texts;
                  for (const auto& t : *d) texts.append(py::str(t));
                  distinct.append(texts);
              }
              out["notes"] = py::make_tuple(py::array_t<std::int32_t>(static_cast<py::ssize_t>(notes.codes.size()),
                                                                      notes.codes.data()),
                                            distinct);
              return out;
          },
          py::arg("values"), py::arg("periods"), py::arg("method"), py::arg("horizon"), py::arg("level"),
          py::arg("missing"), py::arg("step"), py::arg("params"), py::arg("threads"), py::arg("progress") = py::none());

    m.def("ets_relative_variance",
          [](const std::string& model, double alpha, double beta, double phi, int h) {
              return ets_relative_variance(parse_ets_model(model), alpha, beta, phi, h);
          },
          py::arg("model"), py::arg("alpha"), py::arg("beta"), py::arg("phi"), py::arg("h"));
    m.def("beta_r_from_star", &beta_r_from_star, py::arg("alpha"), py::arg("beta_star"));
    m.def("beta_star_from_r", &beta_star_from_r, py::arg("alpha"), py::arg("beta_r"));
}

}  // namespace regind::python
