// SPDX-License-Identifier: MIT
// Rankings: rank, rank_into, rank_columns, rank_rows, rank_within, rank_change (regind/ranking.hpp).
// Inputs arrive as Eigen::Ref, so a float64 contiguous NumPy array is read in place; results are
// returned by value and moved into NumPy. The GIL is released once the arguments are cast.
#include "bindings.hpp"

#include "regind/ranking.hpp"

namespace regind::python {

namespace {

using vector_in = Eigen::Ref<const Eigen::VectorXd>;
using matrix_in = Eigen::Ref<const row_matrix>;

rank_options options_from(const std::string& method, bool ascending, const std::string& na_option, bool pct) {
    rank_options o;
    o.method = parse_rank_method(method);
    o.ascending = ascending;
    o.na_option = parse_rank_na(na_option);
    o.pct = pct;
    return o;
}

}  // namespace

void register_ranking(py::module_& m) {
    m.def(
        "rank",
        [](vector_in x, const std::string& method, bool ascending, const std::string& na_option, bool pct) {
            const auto o = options_from(method, ascending, na_option, pct);
            py::gil_scoped_release release;
            return regind::rank(x, o);
        },
        py::arg("x"), py::arg("method"), py::arg("ascending"), py::arg("na_option"), py::arg("pct"),
        "Ranks of a 1-D float64 array, as pandas' Series.rank.");
    m.def(
        "rank_into",
        [](vector_in x, Eigen::Ref<Eigen::VectorXd> out, const std::string& method, bool ascending,
           const std::string& na_option, bool pct) {
            const auto o = options_from(method, ascending, na_option, pct);
            py::gil_scoped_release release;
            regind::rank_into(x, out, o);
        },
        py::arg("x"), py::arg("out").noconvert(), py::arg("method"), py::arg("ascending"), py::arg("na_option"),
        py::arg("pct"), "Writes the ranks of x into out (a writeable contiguous float64 array; may be x).");
    m.def(
        "rank_columns",
        [](matrix_in x, const std::string& method, bool ascending, const std::string& na_option, bool pct) {
            const auto o = options_from(method, ascending, na_option, pct);
            py::gil_scoped_release release;
            return regind::rank_columns(x, o);
        },
        py::arg("x"), py::arg("method"), py::arg("ascending"), py::arg("na_option"), py::arg("pct"),
        "Ranks every column of a 2-D array independently.");
    m.def(
        "rank_rows",
        [](matrix_in x, const std::string& method, bool ascending, const std::string& na_option, bool pct) {
            const auto o = options_from(method, ascending, na_option, pct);
            py::gil_scoped_release release;
            return regind::rank_rows(x, o);
        },
        py::arg("x"), py::arg("method"), py::arg("ascending"), py::arg("na_option"), py::arg("pct"),
        "Ranks every row of a 2-D array independently.");
    m.def(
        "rank_within",
        [](vector_in x, Eigen::Ref<const group_ids> groups, const std::string& method, bool ascending,
           const std::string& na_option, bool pct) {
            const auto o = options_from(method, ascending, na_option, pct);
            py::gil_scoped_release release;
            return regind::rank_within(x, groups, o);
        },
        py::arg("x"), py::arg("groups"), py::arg("method"), py::arg("ascending"), py::arg("na_option"),
        py::arg("pct"), "Ranks within groups given by int64 ids; a negative id gives NaN.");
    m.def(
        "rank_change",
        [](vector_in before, vector_in after) {
            py::gil_scoped_release release;
            return regind::rank_change(before, after);
        },
        py::arg("before"), py::arg("after"), "Places gained: before - after; NaN where either is NaN.");
    m.def(
        "ranked_set_changed",
        [](vector_in before, vector_in after) {
            py::gil_scoped_release release;
            return regind::ranked_set_changed(before, after);
        },
        py::arg("before"), py::arg("after"), "True when the non-NaN positions differ.");
}

}  // namespace regind::python
