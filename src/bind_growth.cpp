// SPDX-License-Identifier: MIT
// regind._core.growth: growth arithmetic (regind/growth.hpp). The Python layer (regind.growth)
// broadcasts its arguments and passes contiguous float64 vectors, or C-contiguous matrices with
// one row per case for the year-to-date tables, contributions and average growth, so the
// Eigen::Ref arguments below bind without a copy. Results are Eigen arrays returned by value,
// which pybind11 moves into NumPy. Statuses come back as uint8 codes indexing the *_STATUSES
// tuples.
#include "bindings.hpp"

#include <optional>
#include <vector>

#include "regind/growth.hpp"
#include "regind/growth_grouped.hpp"

namespace regind::python {

namespace {

namespace gr = regind::growth;
using vec = Eigen::Ref<const Eigen::ArrayXd>;
using mat = Eigen::Ref<const gr::row_matrix>;
using codes = Eigen::Array<std::uint8_t, Eigen::Dynamic, 1>;

using f64 = py::array_t<double, py::array::c_style>;
using i64 = py::array_t<std::int64_t, py::array::c_style>;

// The long-table kernels' buffers as pointers, once they are checked to be 1-D and of one length.
struct series_columns {
    const double* x;
    const double* periods;  // null: places in the series
    const std::int64_t* codes;
    double* out;  // growth only
    std::int64_t n;
};

series_columns growth_columns_of(const f64& x, const i64& groups, f64& out) {
    const auto n = static_cast<std::int64_t>(x.size());
    if (x.ndim() != 1 || groups.ndim() != 1 || out.ndim() != 1 || groups.size() != n || out.size() != n)
        throw invalid_input(fmt::format("[regind.invalid_input.shape] growth_grouped: values, groups and out must be 1-D "
                                        "of one length; got {}, {} and {}",
                                        x.size(), groups.size(), out.size()));
    return {x.data(), nullptr, groups.data(), out.mutable_data(), n};
}

series_columns cagr_columns_of(const f64& x, const std::optional<f64>& periods, const i64& groups) {
    const auto n = static_cast<std::int64_t>(x.size());
    if (x.ndim() != 1 || groups.ndim() != 1 || groups.size() != n || (periods && (periods->ndim() != 1 || periods->size() != n)))
        throw invalid_input(fmt::format("[regind.invalid_input.shape] cagr_grouped: values, periods and groups must be "
                                        "1-D of one length; got {}, {} and {}",
                                        x.size(), periods ? periods->size() : n, groups.size()));
    return {x.data(), periods ? periods->data() : nullptr, groups.data(), nullptr, n};
}

// Zero copy out: the vector moves to the heap and NumPy views it, a capsule owning it.
py::array_t<double> owned_array(std::vector<double>&& values) {
    auto* owned = new std::vector<double>(std::move(values));
    py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<double>*>(p); });
    return py::array_t<double>(static_cast<py::ssize_t>(owned->size()), owned->data(), owner);
}

template <class Status>
codes status_codes(const std::vector<Status>& s) {
    codes out(static_cast<Eigen::Index>(s.size()));
    for (std::size_t i = 0; i < s.size(); ++i) out[static_cast<Eigen::Index>(i)] = static_cast<std::uint8_t>(s[i]);
    return out;
}

// f(x, y) element-wise, with the GIL released around the loop.
template <class F>
void def2(py::module_& m, const char* name, const char* a, const char* b, F f, const char* doc) {
    m.def(
        name,
        [f](const vec& x, const vec& y) -> Eigen::ArrayXd {
            py::gil_scoped_release release;
            return f(x, y);
        },
        py::arg(a), py::arg(b), doc);
}

template <class F>
void def3(py::module_& m, const char* name, const char* a, const char* b, const char* c, F f, const char* doc) {
    m.def(
        name,
        [f](const vec& x, const vec& y, const vec& z) -> Eigen::ArrayXd {
            py::gil_scoped_release release;
            return f(x, y, z);
        },
        py::arg(a), py::arg(b), py::arg(c), doc);
}

py::tuple ytd_tuple(gr::ytd_table&& t) {
    return py::make_tuple(py::cast(std::move(t.cumulative)), py::cast(std::move(t.cumulative_growth)),
                          py::cast(std::move(t.cumulative_base)), py::cast(std::move(t.monthly)),
                          py::cast(std::move(t.monthly_growth)), py::cast(std::move(t.monthly_base)));
}

py::tuple rest_tuple(gr::rest_of_year_array&& r, codes&& status) {
    return py::make_tuple(py::cast(std::move(r.value)), py::cast(std::move(r.needed)),
                          py::cast(std::move(r.remaining_base)), py::cast(std::move(status)));
}

template <std::size_t N>
py::tuple names_of(const std::string_view (&names)[N]) {
    py::tuple out(N);
    for (std::size_t i = 0; i < N; ++i) out[i] = py::str(std::string(names[i]));
    return out;
}

}  // namespace

void register_growth(py::module_& parent) {
    auto m = parent.def_submodule("growth", "Growth arithmetic over float64 vectors (use regind.growth).");
    m.attr("REST_STATUSES") = names_of(gr::rest_status_names);
    m.attr("CONTRIBUTION_STATUSES") = names_of(gr::contribution_status_names);
    m.attr("MAX_YTD_MONTHS") = static_cast<int>(gr::max_ytd_months);

    def2(m, "growth", "current", "previous", [](const vec& a, const vec& b) { return gr::growth(a, b); },
         "current / previous - 1; NaN when previous <= 0.");
    def3(m, "cagr", "first", "last", "years",
         [](const vec& a, const vec& b, const vec& c) { return gr::cagr(a, b, c); },
         "(last / first)^(1 / years) - 1; NaN when first or last <= 0.");
    def3(m, "required_growth", "current", "target", "years",
         [](const vec& a, const vec& b, const vec& c) { return gr::required_growth(a, b, c); },
         "(target / current)^(1 / years) - 1.");
    def3(m, "level_after", "current", "growth", "years",
         [](const vec& a, const vec& b, const vec& c) { return gr::level_after(a, b, c); },
         "current * (1 + growth)^years.");
    def2(m, "prior_level", "level", "growth", [](const vec& a, const vec& b) { return gr::prior_level(a, b); },
         "level / (1 + growth).");
    def2(m, "pp_change", "rate_now", "rate_before", [](const vec& a, const vec& b) { return gr::pp_change(a, b); },
         "rate_now - rate_before.");
    def2(m, "share", "part", "total", [](const vec& a, const vec& b) { return gr::share(a, b); },
         "part / total; NaN when total == 0.");
    def3(m, "share_after", "share_before", "growth", "total_growth",
         [](const vec& a, const vec& b, const vec& c) { return gr::share_after(a, b, c); },
         "share_before * (1 + growth) / (1 + total_growth).");
    def2(m, "pull_from_growth", "share_before", "growth",
         [](const vec& a, const vec& b) { return gr::pull_from_growth(a, b); }, "share_before * growth.");
    def2(m, "pull_from_contribution", "contribution", "total_growth",
         [](const vec& a, const vec& b) { return gr::pull_from_contribution(a, b); }, "contribution * total_growth.");
    def2(m, "ratio_growth", "num_growth", "den_growth", [](const vec& a, const vec& b) { return gr::ratio_growth(a, b); },
         "(1 + num_growth) / (1 + den_growth) - 1.");
    def2(m, "two_year_average", "g_prev", "g_now",
         [](const vec& a, const vec& b) { return gr::two_year_average(a, b); },
         "sqrt((1 + g_prev)(1 + g_now)) - 1.");
    def2(m, "implied_deflator", "nominal_growth", "real_growth",
         [](const vec& a, const vec& b) { return gr::implied_deflator(a, b); },
         "(1 + nominal_growth) / (1 + real_growth) - 1.");
    def2(m, "real_growth", "nominal_growth", "deflator", [](const vec& a, const vec& b) { return gr::real_growth(a, b); },
         "(1 + nominal_growth) / (1 + deflator) - 1.");
    def2(m, "nominal_growth", "real_growth", "deflator",
         [](const vec& a, const vec& b) { return gr::nominal_growth(a, b); }, "(1 + real_growth)(1 + deflator) - 1.");

    // Long tables: NumPy buffers in and out without copies (noconvert: a wrong dtype or a strided
    // array is a TypeError, never a silent copy), the GIL released, rows split between threads.
    m.def(
        "growth_grouped",
        [](const f64& x, const i64& codes, f64 out, unsigned threads, std::size_t series) {
            const auto c = growth_columns_of(x, codes, out);
            {
                py::gil_scoped_release release;
                gr::growth_grouped(c.x, c.codes, c.n, c.out, threads, series);
            }
            return out;
        },
        py::arg("x").noconvert(), py::arg("codes").noconvert(), py::arg("out").noconvert(), py::arg("threads"),
        py::arg("series") = 0,
        "Growth on the previous row of the same series code, written into out (may be x); returns out. series: the "
        "largest code + 1 when known (0: the tables grow as codes appear).");
    m.def(
        "try_growth_grouped",
        [](const f64& x, const i64& codes, f64 out, unsigned threads) {
            const auto c = growth_columns_of(x, codes, out);
            py::gil_scoped_release release;
            return gr::try_growth_grouped(c.x, c.codes, c.n, c.out, threads);
        },
        py::arg("x").noconvert(), py::arg("codes").noconvert(), py::arg("out").noconvert(), py::arg("threads"),
        "growth_grouped for codes used as they are, without a pass to check them first: False (out holds nothing "
        "useful) when a code is negative or too large, so that the caller numbers its labels and calls again.");
    m.def(
        "cagr_grouped",
        [](const f64& x, const std::optional<f64>& periods, const i64& codes, unsigned threads, std::size_t series) {
            const auto c = cagr_columns_of(x, periods, codes);
            std::vector<double> result;
            {
                py::gil_scoped_release release;
                result = gr::cagr_grouped(c.x, c.periods, c.codes, c.n, threads, series);
            }
            return owned_array(std::move(result));
        },
        py::arg("x").noconvert(), py::arg("periods").noconvert(), py::arg("codes").noconvert(), py::arg("threads"),
        py::arg("series") = 0, "CAGR of each series code between its first and last non-NaN values (index = code).");
    m.def(
        "try_cagr_grouped",
        [](const f64& x, const std::optional<f64>& periods, const i64& codes, unsigned threads) -> py::object {
            const auto c = cagr_columns_of(x, periods, codes);
            std::optional<std::vector<double>> result;
            {
                py::gil_scoped_release release;
                result = gr::try_cagr_grouped(c.x, c.periods, c.codes, c.n, threads);
            }
            if (!result) return py::none();
            return owned_array(std::move(*result));
        },
        py::arg("x").noconvert(), py::arg("periods").noconvert(), py::arg("codes").noconvert(), py::arg("threads"),
        "cagr_grouped for codes used as they are: None when a code is negative or too large (number the labels and "
        "call cagr_grouped).");
    m.def("max_series_code", &gr::max_series_code, py::arg("n"));

    m.def(
        "average_growth_rows",
        [](const mat& rates) -> Eigen::ArrayXd {
            py::gil_scoped_release release;
            return gr::average_growth_rows(rates);
        },
        py::arg("rates"), "(prod(1 + g))^(1/k) - 1 of every row.");

    m.def(
        "contributions_rows",
        [](const mat& now, const mat& before, const std::optional<Eigen::ArrayXd>& total_now,
           const std::optional<Eigen::ArrayXd>& total_before) {
            gr::contribution_table t;
            codes status;
            {
                py::gil_scoped_release release;
                t = gr::contributions_rows(now, before, total_now, total_before);
                status = status_codes(t.status);
            }
            return py::make_tuple(py::cast(std::move(t.pull)), py::cast(std::move(t.contribution)),
                                  py::cast(std::move(t.total_growth)), py::cast(std::move(t.pull_sum)),
                                  py::cast(std::move(t.pull_residual)), py::cast(std::move(t.contribution_sum)),
                                  py::cast(std::move(t.contribution_residual)), py::cast(std::move(status)));
        },
        py::arg("parts_now"), py::arg("parts_before"), py::arg("total_now") = py::none(),
        py::arg("total_before") = py::none(),
        "(pull, contribution, total_growth, pull_sum, pull_residual, contribution_sum, contribution_residual, "
        "status codes); rows are totals, columns parts.");

    m.def(
        "ytd_to_monthly_rows",
        [](const mat& cumulative, const mat& cumulative_growth) {
            gr::ytd_table t;
            {
                py::gil_scoped_release release;
                t = gr::ytd_to_monthly_rows(cumulative, cumulative_growth);
            }
            return ytd_tuple(std::move(t));
        },
        py::arg("cumulative"), py::arg("cumulative_growth"),
        "(C, G, P, x, g, p) from year-to-date levels and growth; column 0 is the 1-2 block.");
    m.def(
        "monthly_to_ytd_rows",
        [](const mat& monthly, const mat& monthly_growth) {
            gr::ytd_table t;
            {
                py::gil_scoped_release release;
                t = gr::monthly_to_ytd_rows(monthly, monthly_growth);
            }
            return ytd_tuple(std::move(t));
        },
        py::arg("monthly"), py::arg("monthly_growth"),
        "(C, G, P, x, g, p) from single-month levels and growth; column 0 is the 1-2 block.");

    m.def(
        "rest_of_year_growth",
        [](const vec& target_growth, const vec& base, const vec& ytd_level, const vec& ytd_base,
           std::optional<int> month) {
            gr::rest_of_year_array r;
            codes status;
            {
                py::gil_scoped_release release;
                r = gr::rest_of_year_growth(target_growth, base, ytd_level, ytd_base, month);
                status = status_codes(r.status);
            }
            return rest_tuple(std::move(r), std::move(status));
        },
        py::arg("target_growth"), py::arg("full_year_base"), py::arg("ytd_level"), py::arg("ytd_base"),
        py::arg("month") = py::none(), "(value, needed, remaining_base, status codes) for a growth target.");
    m.def(
        "rest_of_year_growth_for_amount",
        [](const vec& target_amount, const vec& base, const vec& ytd_level, const vec& ytd_base,
           std::optional<int> month) {
            gr::rest_of_year_array r;
            codes status;
            {
                py::gil_scoped_release release;
                r = gr::rest_of_year_growth_for_amount(target_amount, base, ytd_level, ytd_base, month);
                status = status_codes(r.status);
            }
            return rest_tuple(std::move(r), std::move(status));
        },
        py::arg("target_amount"), py::arg("full_year_base"), py::arg("ytd_level"), py::arg("ytd_base"),
        py::arg("month") = py::none(), "(value, needed, remaining_base, status codes) for an amount target.");
}

}  // namespace regind::python
