// SPDX-License-Identifier: MIT
// Evaluation schemes read from and written to JSON in C++ (evaluation_json.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "regind/evaluation_json.hpp"

namespace ev = regind::evaluation;

TEST_CASE("every preset survives a JSON round trip unchanged") {
    for (const auto& name : ev::preset_names()) {
        CAPTURE(name);
        const auto s = ev::preset(name);
        const auto text = ev::scheme_to_json(s);
        const auto back = ev::scheme_from_json(text);
        CHECK(ev::scheme_to_json(back) == text);
        REQUIRE(back.terms.size() == s.terms.size());
        for (std::size_t k = 0; k < s.terms.size(); ++k) {
            CHECK(back.terms[k].numerator == s.terms[k].numerator);
            CHECK(back.terms[k].weight == s.terms[k].weight);
            CHECK(back.terms[k].benchmark == s.terms[k].benchmark);
            // Both NaN (no fixed value) or the same number, bit for bit.
            CHECK((std::isnan(back.terms[k].benchmark_value) ? std::isnan(s.terms[k].benchmark_value)
                                                             : back.terms[k].benchmark_value == s.terms[k].benchmark_value));
            CHECK(back.terms[k].cap == s.terms[k].cap);  // +inf written as null and read back
        }
        CHECK(back.classes.cuts.size() == s.classes.cuts.size());
        CHECK(back.classes.cuts.back().bound == s.classes.cuts.back().bound);
    }
}

TEST_CASE("a short scheme takes the documented defaults and evaluates by hand") {
    const auto s = ev::scheme_from_json(R"({
        "name": "tax only", "year": 2023,
        "terms": [{"name": "tax_per_mu", "numerator": "tax", "denominator": "land", "weight": 100, "benchmark": 20}]
    })");
    CHECK(s.terms[0].label == "tax_per_mu");
    CHECK(s.terms[0].benchmark == ev::benchmark_rule::fixed);
    CHECK(s.terms[0].missing == ev::missing_rule::zero);
    CHECK(s.classes.cuts.size() == 4);  // A/B/C/D of G3
    CHECK(s.classes.rounding == ev::cut_rounding::floor);
    // Two firms: 30/1 → 100 · 30/20 = 150; 10/1 → 100 · 10/20 = 50.
    ev::columns d;
    d["tax"] = Eigen::Vector2d(30, 10);
    d["land"] = Eigen::Vector2d(1, 1);
    const auto r = ev::evaluate(d, s);
    CHECK(r.score[0] == doctest::Approx(150.0));
    CHECK(r.score[1] == doctest::Approx(50.0));
}

TEST_CASE("per-year benchmarks and unbounded cuts") {
    const auto s = ev::scheme_from_json(R"({
        "name": "by year", "year": 2022,
        "terms": [{"name": "x", "numerator": "a", "benchmark": {"rule": "per_year", "values": {"2021": 2.0, "2022": 4.0}}}],
        "classes": {"basis": "value", "side": "le", "cuts": [[0.5, "low"], [null, "high"]]}
    })");
    CHECK(s.terms[0].benchmark_by_year.at(2021) == 2.0);
    CHECK(s.terms[0].benchmark_by_year.at(2022) == 4.0);
    CHECK(std::isinf(s.classes.cuts[1].bound));
}

TEST_CASE("schemes with mistakes give errors that name them") {
    using doctest::Contains;
    const auto bad = [](const char* text) { return ev::scheme_from_json(text, "scheme.json"); };
    // Not JSON: a parse_error with the line and column of the fault (a missing comma on line 2).
    try {
        (void)bad("{\"name\": \"x\",\n \"year\": 2022 \"terms\": []}");
        FAIL("no error");
    } catch (const regind::parse_error& e) {
        CHECK(e.source() == "scheme.json");
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("[regind.parse_error.json] scheme.json:2:") != std::string::npos);
    }
    CHECK_THROWS_WITH_AS((void)bad(R"({"name": "x", "terms": [{"name": "t", "numerator": "a", "weight": "heavy"}]})"),
                         Contains("scheme 'x' term 't': 'weight' must be a number, not \"heavy\""), regind::invalid_input);
    CHECK_THROWS_WITH_AS((void)bad(R"({"name": "x", "terms": [{"name": "t", "numerator": "a", "wieght": 1}]})"),
                         Contains("unknown key 'wieght'"), regind::invalid_input);
    CHECK_THROWS_WITH_AS((void)bad(R"({"name": "x", "terms": []})"), Contains("'terms' must be a non-empty list"),
                         regind::invalid_input);
    CHECK_THROWS_WITH_AS((void)bad(R"({"name": "x", "terms": [{"name": "t"}]})"),
                         Contains("scheme 'x' term 't': 'numerator' is required"), regind::invalid_input);
    CHECK_THROWS_WITH_AS(
        (void)bad(R"({"name": "x", "terms": [{"name": "t", "numerator": "a"}],
                      "classes": {"cuts": [[0.7, "B"], [0.25, "A"], [1.0, "D"]]}})"),
        Contains("[regind.invalid_input.class_table] cut table out of order"), regind::invalid_input);
    CHECK_THROWS_WITH_AS(
        (void)bad(R"({"name": "x", "terms": [{"name": "t", "numerator": "a",
                      "benchmark": {"rule": "per_year", "values": {"twenty": 1}}}]})"),
        Contains("'twenty' is not a year"), regind::invalid_input);
    CHECK_THROWS_WITH_AS((void)bad(R"({"name": "x", "terms": [{"name": "t", "numerator": "a", "benchmark": "fixed"}]})"),
                         Contains("a fixed benchmark needs its value(s)"), regind::invalid_input);
    CHECK_THROWS_WITH_AS((void)ev::read_scheme("/nonexistent/scheme.json"), Contains("cannot open scheme file"),
                         regind::invalid_input);
}

TEST_CASE("write_scheme and read_scheme through a file") {
    const auto path = std::filesystem::temp_directory_path() / "regind_test_scheme.json";
    ev::write_scheme(ev::preset("huangyan_2022_below_size"), path);
    const auto back = ev::read_scheme(path);
    std::filesystem::remove(path);
    CHECK(back.name == "huangyan_2022_below_size");
    CHECK(back.terms[1].benchmark_value == 0.2352);
}
