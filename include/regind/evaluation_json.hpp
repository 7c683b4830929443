// SPDX-License-Identifier: MIT
// Evaluation schemes as JSON (nlohmann::json), so that C++ programs read and write the same
// files as regind.evaluation.Scheme.from_json / to_json in Python.
//
// The layout (every key but name and terms optional; defaults in brackets):
//   {"name": "...", "year": 2022 [0], "description": "" , "higher_is_better": true,
//    "tie_method": "min", "group_by": "",
//    "terms": [{"name", "label" [name], "numerator", "denominator" [""], "weight" [1],
//               "benchmark": "mean" | 24.097 (fixed) | {"rule": "fixed", "value": x}
//                            | {"rule": "per_year", "values": {"2021": x, "2022": y}} ["mean"],
//               "floor" [-inf], "cap" [inf], "missing": "zero"}],
//    "bonuses" / "penalties": [{"name" [column], "column", "per_unit" [1], "max" [inf]}],
//    "exclusions": [{"column", "op", "value", "label" ["excluded"]}],
//    "classes": {"basis": "percentile", "cuts": [[0.25, "A"], ...], "rounding": "floor",
//                "side": "le", "tolerance": 0, "unclassified": "unclassified"} [A/B/C/D of G3]}
// JSON has no infinity: an unbounded floor, cap, max or cut bound is written as null.
//
// Errors: text that is not JSON throws parse_error (source, line, column); a structure that is
// not a scheme throws invalid_input "[regind.invalid_input.scheme] <where>: <what>", naming the
// term or key; the semantic checks are scheme::validate()'s.
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "regind/evaluation.hpp"

namespace regind::evaluation {

namespace detail::json {

using nlohmann::json;
inline constexpr double inf = std::numeric_limits<double>::infinity();

[[noreturn]] inline void fail(const std::string& where, const std::string& what) {
    throw invalid_input(fmt::format("[regind.invalid_input.scheme] {}: {}", where, what));
}

inline void check_keys(const json& j, std::string_view where, std::initializer_list<std::string_view> allowed) {
    if (!j.is_object()) fail(std::string(where), fmt::format("must be an object, not {}", j.dump()));
    for (const auto& item : j.items()) {
        bool known = false;
        for (auto a : allowed) known = known || item.key() == a;
        if (!known)
            fail(std::string(where), fmt::format("unknown key '{}'; expected {}", item.key(), fmt::join(allowed, ", ")));
    }
}

/// j[key] as a number; `fallback` when absent or null (NaN fallback: the key is required).
inline double number(const json& j, const char* key, const std::string& where,
                     double fallback = std::numeric_limits<double>::quiet_NaN()) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (std::isnan(fallback)) fail(where, fmt::format("'{}' is required", key));
        return fallback;
    }
    if (!it->is_number()) fail(where, fmt::format("'{}' must be a number, not {}", key, it->dump()));
    return it->get<double>();
}

/// j[key] as a string; `fallback` when absent (nullptr: the key is required).
inline std::string text(const json& j, const char* key, const std::string& where, const char* fallback = nullptr) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (fallback == nullptr) fail(where, fmt::format("'{}' is required", key));
        return fallback;
    }
    if (!it->is_string()) fail(where, fmt::format("'{}' must be a string, not {}", key, it->dump()));
    return it->get<std::string>();
}

inline const json& list(const json& j, const char* key, const std::string& where) {
    static const json empty = json::array();
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return empty;
    if (!it->is_array()) fail(where, fmt::format("'{}' must be a list, not {}", key, it->dump()));
    return *it;
}

inline void read_benchmark(const json& t, term& x, const std::string& where) {
    const auto it = t.find("benchmark");
    if (it == t.end() || it->is_null()) return;  // mean
    const auto& b = *it;
    if (b.is_number()) {
        x.benchmark = benchmark_rule::fixed;
        x.benchmark_value = b.get<double>();
        return;
    }
    if (b.is_string()) {
        x.benchmark = parse_benchmark_rule(b.get<std::string>());
        if (x.benchmark == benchmark_rule::fixed || x.benchmark == benchmark_rule::per_year)
            fail(where, fmt::format("a {} benchmark needs its value(s): {{\"rule\": \"{}\", ...}}", b.get<std::string>(),
                                    b.get<std::string>()));
        return;
    }
    const std::string bw = where + " benchmark";
    check_keys(b, bw, {"rule", "value", "values"});
    x.benchmark = parse_benchmark_rule(text(b, "rule", bw));
    if (x.benchmark == benchmark_rule::fixed) {
        x.benchmark_value = number(b, "value", bw);
    } else if (x.benchmark == benchmark_rule::per_year) {
        const auto v = b.find("values");
        if (v == b.end() || !v->is_object() || v->empty()) fail(bw, "'values' must map years to benchmarks");
        for (const auto& item : v->items()) {
            int year = 0;
            std::size_t used = 0;
            try {
                year = std::stoi(item.key(), &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || used != item.key().size()) fail(bw, fmt::format("'{}' is not a year", item.key()));
            if (!item.value().is_number())
                fail(bw, fmt::format("the benchmark of {} must be a number, not {}", item.key(), item.value().dump()));
            x.benchmark_by_year[year] = item.value().get<double>();
        }
    } else if (b.contains("value") || b.contains("values")) {
        fail(bw, fmt::format("a {} benchmark takes no value", to_string(x.benchmark)));
    }
}

/// Line and column (from 1) of byte `offset` in `text`.
inline std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count code points, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

inline json bound(double x) { return std::isinf(x) ? json(nullptr) : json(x); }

}  // namespace detail::json

/// A scheme from JSON text; `source` names it in errors (a file name, say). Validated.
[[nodiscard]] inline scheme scheme_from_json(std::string_view text, const std::string& source = "<json>") {
    namespace dj = detail::json;
    dj::json j;
    try {
        j = dj::json::parse(text.begin(), text.end());
    } catch (const dj::json::parse_error& e) {
        const auto [line, column] = dj::line_column(text, e.byte > 0 ? e.byte - 1 : 0);
        throw parse_error(fmt::format("[regind.parse_error.json] {}:{}:{}: not valid JSON ({})", source, line, column,
                                      e.what()),
                          source, line, column, std::string(text.substr(0, std::min<std::size_t>(text.size(), 80))));
    }
    dj::check_keys(j, "scheme", {"name", "year", "description", "higher_is_better", "tie_method", "group_by", "terms",
                                 "bonuses", "penalties", "exclusions", "classes"});
    scheme s;
    s.name = dj::text(j, "name", "scheme");
    const std::string where = fmt::format("scheme '{}'", s.name);
    if (const auto y = j.find("year"); y != j.end() && !y->is_null()) {
        if (!y->is_number_integer()) dj::fail(where, fmt::format("'year' must be an integer, not {}", y->dump()));
        s.year = y->get<int>();
    }
    s.description = dj::text(j, "description", where, "");
    if (const auto h = j.find("higher_is_better"); h != j.end() && !h->is_null()) {
        if (!h->is_boolean()) dj::fail(where, fmt::format("'higher_is_better' must be true or false, not {}", h->dump()));
        s.higher_is_better = h->get<bool>();
    }
    s.tie_method = parse_rank_method(dj::text(j, "tie_method", where, "min"));
    s.group_by = dj::text(j, "group_by", where, "");

    const auto& terms = dj::list(j, "terms", where);
    if (terms.empty()) dj::fail(where, "'terms' must be a non-empty list");
    for (std::size_t k = 0; k < terms.size(); ++k) {
        const auto& t = terms[k];
        dj::check_keys(t, fmt::format("{} term {}", where, k + 1),
                       {"name", "label", "numerator", "denominator", "weight", "benchmark", "floor", "cap", "missing"});
        term x;
        x.name = dj::text(t, "name", fmt::format("{} term {}", where, k + 1));
        const std::string tw = fmt::format("{} term '{}'", where, x.name);
        x.label = dj::text(t, "label", tw, x.name.c_str());
        x.numerator = dj::text(t, "numerator", tw);
        x.denominator = dj::text(t, "denominator", tw, "");
        x.weight = dj::number(t, "weight", tw, 1.0);
        dj::read_benchmark(t, x, tw);
        x.floor = dj::number(t, "floor", tw, -dj::inf);
        x.cap = dj::number(t, "cap", tw, dj::inf);
        x.missing = parse_missing_rule(dj::text(t, "missing", tw, "zero"));
        s.terms.push_back(std::move(x));
    }
    for (const char* key : {"bonuses", "penalties"}) {
        for (const auto& a : dj::list(j, key, where)) {
            const std::string aw = fmt::format("{} {}", where, key);
            dj::check_keys(a, aw, {"name", "column", "per_unit", "max"});
            adjustment x;
            x.column = dj::text(a, "column", aw);
            x.name = dj::text(a, "name", aw, x.column.c_str());
            x.per_unit = dj::number(a, "per_unit", aw, 1.0);
            x.max = dj::number(a, "max", aw, dj::inf);
            (std::string_view(key) == "bonuses" ? s.bonuses : s.penalties).push_back(std::move(x));
        }
    }
    std::vector<rule> exclusions;
    for (const auto& e : dj::list(j, "exclusions", where)) {
        const std::string ew = where + " exclusion";
        dj::check_keys(e, ew, {"column", "op", "value", "label"});
        exclusions.push_back({dj::text(e, "column", ew), dj::text(e, "op", ew), dj::number(e, "value", ew),
                              dj::text(e, "label", ew, "excluded"), ""});
    }
    s.exclusions = rule_table("exclusions", std::move(exclusions));

    s.classes = class_table::abcd();
    if (const auto c = j.find("classes"); c != j.end() && !c->is_null()) {
        const std::string cw = where + " classes";
        dj::check_keys(*c, cw, {"basis", "cuts", "rounding", "side", "tolerance", "unclassified"});
        s.classes.basis = parse_class_basis(dj::text(*c, "basis", cw, "percentile"));
        s.classes.rounding = parse_cut_rounding(dj::text(*c, "rounding", cw, "floor"));
        s.classes.side = parse_cut_side(dj::text(*c, "side", cw, "le"));
        s.classes.tolerance = dj::number(*c, "tolerance", cw, 0.0);
        s.classes.unclassified_label = dj::text(*c, "unclassified", cw, "unclassified");
        const auto cuts = c->find("cuts");
        if (cuts == c->end() || !cuts->is_array()) dj::fail(cw, "'cuts' must be a list of [bound, label]");
        s.classes.cuts.clear();
        const double unbounded = s.classes.side == cut_side::le ? dj::inf : -dj::inf;
        for (const auto& cut : *cuts) {
            if (!cut.is_array() || cut.size() != 2 || !cut[1].is_string() || !(cut[0].is_number() || cut[0].is_null()))
                dj::fail(cw, fmt::format("a cut must be [bound, label], not {}", cut.dump()));
            s.classes.cuts.push_back({cut[0].is_null() ? unbounded : cut[0].get<double>(), cut[1].get<std::string>()});
        }
    }
    s.validate();
    return s;
}

/// The scheme as JSON text (the layout above, every key written; infinite bounds as null).
[[nodiscard]] inline std::string scheme_to_json(const scheme& s, int indent = 2) {
    namespace dj = detail::json;
    dj::json j;
    j["name"] = s.name;
    j["year"] = s.year;
    j["description"] = s.description;
    j["higher_is_better"] = s.higher_is_better;
    j["tie_method"] = std::string(to_string(s.tie_method));
    j["group_by"] = s.group_by;
    j["terms"] = dj::json::array();
    for (const auto& t : s.terms) {
        dj::json b{{"rule", std::string(to_string(t.benchmark))}};
        if (t.benchmark == benchmark_rule::fixed) b["value"] = t.benchmark_value;
        if (t.benchmark == benchmark_rule::per_year) {
            b["values"] = dj::json::object();
            for (const auto& [year, v] : t.benchmark_by_year) b["values"][std::to_string(year)] = v;
        }
        j["terms"].push_back({{"name", t.name}, {"label", t.label}, {"numerator", t.numerator},
                              {"denominator", t.denominator}, {"weight", t.weight}, {"benchmark", b},
                              {"floor", dj::bound(t.floor)}, {"cap", dj::bound(t.cap)},
                              {"missing", std::string(to_string(t.missing))}});
    }
    for (const auto& [key, list] : {std::make_pair("bonuses", &s.bonuses), std::make_pair("penalties", &s.penalties)}) {
        j[key] = dj::json::array();
        for (const auto& a : *list)
            j[key].push_back({{"name", a.name}, {"column", a.column}, {"per_unit", a.per_unit}, {"max", dj::bound(a.max)}});
    }
    j["exclusions"] = dj::json::array();
    for (const auto& r : s.exclusions.rules())
        j["exclusions"].push_back({{"column", r.metric}, {"op", r.op}, {"value", r.threshold}, {"label", r.label}});
    const char* basis = s.classes.basis == class_basis::percentile ? "percentile" : "value";
    const char* rounding = s.classes.rounding == cut_rounding::floor ? "floor"
                           : s.classes.rounding == cut_rounding::ceil ? "ceil"
                                                                      : "round";
    dj::json cuts = dj::json::array();
    for (const auto& c : s.classes.cuts) cuts.push_back({dj::bound(c.bound), c.label});
    j["classes"] = {{"basis", basis}, {"cuts", cuts}, {"rounding", rounding},
                    {"side", s.classes.side == cut_side::le ? "le" : "ge"}, {"tolerance", s.classes.tolerance},
                    {"unclassified", s.classes.unclassified_label}};
    return j.dump(indent, ' ', false);
}

/// Reads a scheme from a JSON file (UTF-8).
[[nodiscard]] inline scheme read_scheme(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw invalid_input(fmt::format("[regind.invalid_input.file] cannot open scheme file '{}'", path.string()));
    std::ostringstream buf;
    buf << in.rdbuf();
    return scheme_from_json(buf.str(), path.string());
}

/// Writes a scheme to a JSON file (UTF-8, indented, a final newline).
inline void write_scheme(const scheme& s, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw invalid_input(fmt::format("[regind.invalid_input.file] cannot write scheme file '{}'", path.string()));
    out << scheme_to_json(s) << '\n';
}

}  // namespace regind::evaluation
