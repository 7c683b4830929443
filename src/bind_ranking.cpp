// SPDX-License-Identifier: MIT
// Rankings: rank, rank_into, rank_columns, rank_rows, rank_within, rank_change (regind/ranking.hpp).
// Inputs arrive as Eigen::Ref, so a float64 contiguous NumPy array is read in place; results are
// returned by value and moved into NumPy. The GIL is released once the arguments are cast.
#include "bindings.hpp"

#include "regind/ranking.hpp"
#include "regind/ranking_grouped.hpp"

namespace regind::python {

namespace {

using f64 = py::array_t<double, py::array::c_style>;
using i64 = py::array_t<std::int64_t, py::array::c_style>;

// rank_grouped's buffers as pointers, once they are checked to be 1-D and of one length.
struct grouped_columns {
    const double* x;
    const std::int64_t* codes;
    double* out;
    std::int64_t n;
};

grouped_columns grouped_columns_of(const f64& x, const i64& codes, f64& out) {
    const auto n = static_cast<std::int64_t>(x.size());
    if (x.ndim() != 1 || codes.ndim() != 1 || out.ndim() != 1 || codes.size() != n || out.size() != n)
        throw invalid_input(fmt::format("[regind.invalid_input.shape] rank_grouped: x, codes and out must be 1-D of one "
                                        "length; got {}, {} and {} values",
                                        x.size(), codes.size(), out.size()));
    return {x.data(), codes.data(), out.mutable_data(), n};
}

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
    // The long-table path: NumPy buffers in and out with no copy (noconvert: a wrong dtype or a
    // strided array is a TypeError, never a silent copy), the GIL released, groups in threads.
    m.def(
        "rank_grouped",
        [](const f64& x, const i64& codes, f64 out, const std::string& method, bool ascending,
           const std::string& na_option, bool pct, unsigned threads) {
            const auto o = options_from(method, ascending, na_option, pct);
            const auto c = grouped_columns_of(x, codes, out);  // out may be x: all of x is read first
            {
                py::gil_scoped_release release;
                rank_grouped(c.x, c.codes, c.n, c.out, o, threads);
            }
            return out;
        },
        py::arg("x").noconvert(), py::arg("codes").noconvert(), py::arg("out").noconvert(), py::arg("method"),
        py::arg("ascending"), py::arg("na_option"), py::arg("pct"), py::arg("threads"),
        "Ranks x within groups of int64 codes (negative: NaN) into out, in place; returns out.");
    m.def(
        "try_rank_grouped",
        [](const f64& x, const i64& codes, f64 out, const std::string& method, bool ascending,
           const std::string& na_option, bool pct, unsigned threads) {
            const auto o = options_from(method, ascending, na_option, pct);
            const auto c = grouped_columns_of(x, codes, out);
            py::gil_scoped_release release;
            return try_rank_grouped(c.x, c.codes, c.n, c.out, o, threads);
        },
        py::arg("x").noconvert(), py::arg("codes").noconvert(), py::arg("out").noconvert(), py::arg("method"),
        py::arg("ascending"), py::arg("na_option"), py::arg("pct"), py::arg("threads"),
        "rank_grouped for integer labels used as codes without a pass to check them first: False, with nothing "
        "written, when a code is negative or too large (then number the labels and call rank_grouped).");
    m.def("max_group_code", &max_group_code, py::arg("n"), "The largest code rank_grouped accepts for n rows.");
    m.def(
        "code_range",
        [](const i64& codes) {
            const std::int64_t* p = codes.data();
            const auto n = static_cast<std::int64_t>(codes.size());
            py::gil_scoped_release release;
            return code_range(p, n);
        },
        py::arg("codes").noconvert(), "(smallest, largest) of an int64 array in one pass; (0, -1) when empty.");
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
