// SPDX-License-Identifier: MIT
// Enterprise evaluation and carbon grades (REFERENCE-METHODS G2–G4). Expected values are hand
// arithmetic written here from the G2 formula, the G3 cut table and the G4 boundaries.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "regind/carbon.hpp"
#include "regind/evaluation.hpp"

namespace ev = regind::evaluation;
using Eigen::VectorXd;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

VectorXd vec(std::vector<double> v) { return Eigen::Map<VectorXd>(v.data(), static_cast<Eigen::Index>(v.size())); }

// Huangyan 2022 规上 benchmarks (G2).
constexpr double b_tax = 24.097, b_va = 136.16, b_energy = 2.694, b_emis = 4929.81, b_lab = 18.14, b_rd = 0.0302;

// A firm on 10 亩 whose 亩均税收 is m_tax × benchmark and every other indicator m × benchmark.
struct firm {
    double tax, land, va, energy, emissions, employees, rd, revenue;
};
firm make_firm(double m_tax, double m, bool emissions_missing = false) {
    firm f{};
    f.land = 10;
    f.tax = b_tax * 10 * m_tax;
    f.va = b_va * 10 * m;
    f.energy = f.va / (b_energy * m);
    f.emissions = emissions_missing ? NaN : f.va / (b_emis * m);
    f.employees = f.va / (b_lab * m);
    f.revenue = 1000;
    f.rd = b_rd * 1000 * m;
    return f;
}

ev::columns frame(const std::vector<firm>& fs) {
    std::vector<double> tax, land, va, energy, emis, emp, rd, rev;
    for (const auto& f : fs) {
        tax.push_back(f.tax), land.push_back(f.land), va.push_back(f.va), energy.push_back(f.energy);
        emis.push_back(f.emissions), emp.push_back(f.employees), rd.push_back(f.rd), rev.push_back(f.revenue);
    }
    return {{"tax", vec(tax)},       {"land_mu", vec(land)},    {"value_added", vec(va)}, {"energy_tce", vec(energy)},
            {"emissions", vec(emis)}, {"employees", vec(emp)}, {"rd_expense", vec(rd)},  {"revenue", vec(rev)}};
}

// A scheme of one term x = value / 1 with a fixed benchmark 1: the score is the value.
ev::scheme identity_scheme(ev::class_table classes) {
    ev::scheme s;
    s.name = "identity";
    ev::term t;
    t.name = "v";
    t.numerator = "v";
    t.benchmark = ev::benchmark_rule::fixed;
    t.benchmark_value = 1;
    s.terms = {t};
    s.classes = std::move(classes);
    return s;
}

std::vector<std::string> classes_of(const ev::result& r) {
    std::vector<std::string> out;
    for (Eigen::Index i = 0; i < r.size(); ++i) out.push_back(r.class_of(i));
    return out;
}

}  // namespace

TEST_CASE("Huangyan 2022 规上: the G2 formula worked through four firms") {
    // F1 at every benchmark: 30 + 20 + 20 + 10 + 10 + 10 = 100.
    // F2 at twice every benchmark: 200.
    // F3 亩均税收 half the benchmark (30 × 0.5 = 15), emissions missing → the average emission
    //    term of F1, F2, F4 = (10 + 20 + 10) / 3 = 13.333…; 15 + 20 + 20 + 13.333… + 10 + 10 = 88.333….
    // F4 no tax: 0 + 20 + 20 + 10 + 10 + 10 = 70.
    const auto data = frame({make_firm(1, 1), make_firm(2, 2), make_firm(0.5, 1, true), make_firm(0, 1)});
    const auto s = ev::preset("huangyan_2022_above_size");
    const auto r = ev::evaluate(data, s);
    CHECK(r.score[0] == doctest::Approx(100).epsilon(1e-12));
    CHECK(r.score[1] == doctest::Approx(200).epsilon(1e-12));
    CHECK(r.score[2] == doctest::Approx(15 + 20 + 20 + 40.0 / 3 + 10 + 10).epsilon(1e-12));
    CHECK(r.score[3] == doctest::Approx(70).epsilon(1e-12));
    CHECK(r.terms(2, 3) == doctest::Approx(40.0 / 3));
    CHECK(r.terms(2, 0) == doctest::Approx(15));
    CHECK(std::isnan(r.values(2, 3)));
    CHECK(r.values(0, 0) == doctest::Approx(24.097));
    // Ranks 1 = best; percentile = rank / 4.
    CHECK(r.rank[1] == 1);
    CHECK(r.rank[0] == 2);
    CHECK(r.rank[2] == 3);
    CHECK(r.rank[3] == 4);
    CHECK(r.percentile[2] == 0.75);
    // floor(4 · 0.25) = 1 A, floor(2.8) = 2, floor(3.8) = 3, 4.
    CHECK(classes_of(r) == std::vector<std::string>{"B", "A", "C", "D"});
    auto ceil_s = s;
    ceil_s.classes.rounding = ev::cut_rounding::ceil;  // 1, 3, 4, 4: no D
    CHECK(classes_of(ev::evaluate(data, ceil_s)) == std::vector<std::string>{"B", "A", "B", "C"});
}

TEST_CASE("Huangyan 2022 规下 and the 2021 benchmarks") {
    // 亩均税收 23.1864 / 11.5932 = 2 → 100; 单位电耗税收 231.864 / 1000 = 0.231864, / 0.2352 × 50.
    ev::columns d{{"tax", vec({231.864})}, {"land_mu", vec({10})}, {"electricity", vec({1000})}};
    const auto r = ev::evaluate(d, ev::preset("huangyan_2022_below_size"));
    CHECK(r.score[0] == doctest::Approx(100 + 0.231864 / 0.2352 * 50));
    const auto r21 = ev::evaluate(d, ev::preset("huangyan_2021_below_size"));
    CHECK(r21.score[0] == doctest::Approx(23.1864 / 16.601058 * 50 + 0.231864 / 0.236565 * 50));
    const auto data = frame({make_firm(1, 1)});
    // At the 2022 benchmarks, scored against 2021's: 30 · 24.097/26.01 + 20 · 136.16/132.27 + ...
    const double expect = 30 * b_tax / 26.01 + 20 * b_va / 132.27 + 20 * b_energy / 2.54 + 10 * b_emis / 4861.08 +
                          10 * b_lab / 17.45 + 10 * b_rd / 0.0305;
    CHECK(ev::evaluate(data, ev::preset("huangyan_2021_above_size")).score[0] == doctest::Approx(expect));
    CHECK_THROWS_WITH_AS((void)ev::preset("huangyan_2030"), doctest::Contains("[regind.invalid_input.preset]"),
                         regind::invalid_input);
}

TEST_CASE("class boundaries under floor and ceil rounding") {
    // 10 firms with scores 10 … 1: floor → A 2 (2.5), B to 7, C to 9, D 1;
    // ceil → A 3, B 7 (10 · 0.7 is 7, not 7.000000000000001 → 8), C 10, D none.
    std::vector<double> v;
    for (int i = 10; i >= 1; --i) v.push_back(i);
    ev::columns d{{"v", vec(v)}};
    const auto r = ev::evaluate(d, identity_scheme(ev::class_table::abcd(ev::cut_rounding::floor)));
    CHECK(classes_of(r) == std::vector<std::string>{"A", "A", "B", "B", "B", "B", "B", "C", "C", "D"});
    const auto rc = ev::evaluate(d, identity_scheme(ev::class_table::abcd(ev::cut_rounding::ceil)));
    CHECK(classes_of(rc) == std::vector<std::string>{"A", "A", "A", "B", "B", "B", "B", "C", "C", "C"});
    const auto rr = ev::evaluate(d, identity_scheme(ev::class_table::abcd(ev::cut_rounding::round)));
    // round(2.5) = 3 (half up), round(9.5) = 10.
    CHECK(classes_of(rr) == std::vector<std::string>{"A", "A", "A", "B", "B", "B", "B", "C", "C", "C"});
    CHECK(ev::percentile_counts(ev::class_table::abcd(), 20) == std::vector<Eigen::Index>{5, 14, 19, 20});
    CHECK(ev::percentile_counts(ev::class_table::abcd(ev::cut_rounding::ceil), 21) ==
          std::vector<Eigen::Index>{6, 15, 20, 21});
    // Ties share the better rank (min): 10, 9, 9, 9 → ranks 1, 2, 2, 2.
    ev::columns t{{"v", vec({10, 9, 9, 9})}};
    const auto rt = ev::evaluate(t, identity_scheme(ev::class_table::abcd()));
    CHECK(rt.rank[3] == 2);
    CHECK(classes_of(rt) == std::vector<std::string>{"A", "B", "B", "B"});
}

TEST_CASE("score cuts, exclusions, missing rules, bonus, penalty, caps, benchmarks") {
    ev::class_table cuts;
    cuts.basis = ev::class_basis::value;
    cuts.side = ev::cut_side::ge;
    cuts.cuts = {{90, "excellent"}, {60, "pass"}};
    auto s = identity_scheme(cuts);
    ev::columns d{{"v", vec({95, 90, 60, 59.9, NaN})}, {"age", vec({5, 5, 1, 5, 5})}};
    auto r = ev::evaluate(d, s);
    CHECK(classes_of(r) == std::vector<std::string>{"excellent", "excellent", "pass", "unclassified", "unclassified"});
    s.exclusions = regind::rule_table("ex", {{"age", "<", 2, "不定等级", ""}});
    r = ev::evaluate(d, s);
    CHECK(r.class_of(2) == "不定等级");
    CHECK(std::isnan(r.rank[2]));
    CHECK(r.score[4] == 0);  // missing rule zero: a NaN value scores 0 (ranked, below every cut)
    CHECK(r.n_ranked == 4);
    CHECK(r.rank[3] == 3);

    // Two terms x/mean: reweight a missing term; cap at 1.5; floor at 0.
    ev::scheme m;
    m.name = "m";
    ev::term a, b;
    a.name = "a", a.numerator = "a", a.weight = 60, a.cap = 1.5;
    b.name = "b", b.numerator = "b", b.weight = 40, b.missing = ev::missing_rule::reweight, b.floor = 0;
    m.terms = {a, b};
    m.classes = ev::class_table::abcd();
    m.bonuses = {{"patents", "patents", 2, 5}};
    m.penalties = {{"violations", "violations", 10, 100}};
    // mean a = (1 + 3 + 2) / 3 = 2; mean b over the firms that have it: (4 + 0) / 2 = 2.
    ev::columns dm{{"a", vec({1, 3, 2})}, {"b", vec({4, NaN, 0})}, {"patents", vec({0, 4, NaN})},
                   {"violations", vec({0, 0, 1})}};
    const auto rm = ev::evaluate(dm, m);
    CHECK(rm.benchmarks(0, 0) == 2);
    CHECK(rm.benchmarks(0, 1) == 2);
    // firm 0: 60 · 0.5 + 40 · 2 = 110. firm 1: a 3/2 = 1.5 (cap) → 90, b missing → reweighted
    // 90 · 100/60 = 150, bonus min(2 · 4, 5) = 5 → 155. firm 2: 60 + 0 − 10 = 50.
    CHECK(rm.score[0] == doctest::Approx(110));
    CHECK(rm.score[1] == doctest::Approx(155));
    CHECK(rm.score[2] == doctest::Approx(50));
    CHECK(rm.bonus[1] == 5);
    CHECK(rm.penalty[2] == 10);
    // median and ratio of sums
    m.terms[0].benchmark = ev::benchmark_rule::median;
    m.terms[1].benchmark = ev::benchmark_rule::ratio_of_sums;
    m.terms[1].denominator = "a";
    const auto rb = ev::evaluate(dm, m);
    CHECK(rb.benchmarks(0, 0) == 2);
    CHECK(rb.benchmarks(0, 1) == doctest::Approx(4.0 / 3));  // (4 + 0) / (1 + 2)
    // per year
    m.terms[0].benchmark = ev::benchmark_rule::per_year;
    m.terms[0].benchmark_by_year = {{2021, 4}, {2022, 8}};
    m.year = 2021;
    CHECK(ev::evaluate(dm, m).benchmarks(0, 0) == 4);
    ev::evaluate_options o;
    o.year = 2022;
    CHECK(ev::evaluate(dm, m, o).benchmarks(0, 0) == 8);
    o.year = 2023;
    CHECK_THROWS_WITH_AS((void)ev::evaluate(dm, m, o), doctest::Contains("no benchmark for the scheme year 2023"),
                         regind::invalid_input);
}

TEST_CASE("roll-ups per region") {
    // Region 1: firms 0, 1; region 2: firm 2. 亩均税收 of region 1 = (10 + 30) / (1 + 3) = 10.
    ev::scheme s = identity_scheme(ev::class_table::abcd());
    s.terms[0].numerator = "tax";
    s.terms[0].denominator = "land";
    ev::columns d{{"tax", vec({10, 30, 5})}, {"land", vec({1, 3, 1})}};
    const auto r = ev::evaluate(d, s);
    const auto u = ev::rollup(d, s, r, vec({1, 1, 2}));
    CHECK(u.groups == std::vector<std::int64_t>{1, 2});
    CHECK(u.count[0] == 2);
    CHECK(u.ratio(0, 0) == 10);
    CHECK(u.ratio(1, 0) == 5);
    CHECK(u.class_counts.row(0).sum() == 2);
    // n = 3, floor: A 0, B 2, C 2, D 3 → firms 0 and 1 (tied, rank 1) B, firm 2 (rank 3) D.
    CHECK(u.class_counts(0, 1) == 2);
    CHECK(u.class_counts(1, 3) == 1);
}

TEST_CASE("scheme errors") {
    auto s = ev::preset("huangyan_2022_above_size");
    const auto data = frame({make_firm(1, 1)});
    auto bad = s;
    bad.terms[0].numerator = "taxes";
    CHECK_THROWS_WITH_AS((void)ev::evaluate(data, bad), doctest::Contains("[regind.key_error.column] unknown indicator column 'taxes'; did you mean tax"),
                         regind::key_error);
    bad = s;
    bad.terms[1].weight = NaN;
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("weight nan must be a finite number"), regind::invalid_input);
    bad = s;
    for (auto& t : bad.terms) t.weight = 0;
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("the weights sum to 0"), regind::invalid_input);
    bad = s;
    bad.terms[1].name = bad.terms[0].name;
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("appears twice"), regind::invalid_input);
    bad = s;
    bad.terms.clear();
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("at least one term"), regind::invalid_input);
    bad = s;
    bad.terms[0].benchmark_value = 0;
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("fixed benchmark must be a positive number"), regind::invalid_input);
    bad = s;
    bad.terms[0].floor = 2, bad.terms[0].cap = 1;
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("floor 2 is above cap 1"), regind::invalid_input);
    bad = s;
    bad.classes.cuts = {{0.7, "B"}, {0.25, "A"}, {1.0, "D"}};
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("[regind.invalid_input.class_table] cut table out of order"),
                         regind::invalid_input);
    bad.classes.cuts = {{0.25, "A"}, {0.9, "B"}};
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("must be 1"), regind::invalid_input);
    bad.classes.cuts = {{0.25, "A"}, {1.0, "A"}};
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("label 'A' appears twice"), regind::invalid_input);
    bad.classes.cuts = {};
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("at least one cut"), regind::invalid_input);
    bad.classes.basis = ev::class_basis::value;
    bad.classes.side = ev::cut_side::ge;
    bad.classes.cuts = {{60, "pass"}, {90, "excellent"}};
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("strictly decreasing"), regind::invalid_input);
    bad = s;
    bad.exclusions = regind::rule_table("x", {{"age", "<", 2, "A", ""}});
    CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("exclusion label 'A' is also a class"), regind::invalid_input);
    ev::columns uneven{{"v", vec({1, 2})}, {"w", vec({1})}};
    auto two = identity_scheme(ev::class_table::abcd());
    two.bonuses = {{"w", "w", 1, 1}};
    CHECK_THROWS_WITH_AS((void)ev::evaluate(uneven, two), doctest::Contains("[regind.invalid_input.shape]"),
                         regind::invalid_input);
    CHECK_THROWS_AS((void)ev::parse_benchmark_rule("average"), regind::invalid_input);
    CHECK_THROWS_AS((void)ev::parse_missing_rule("drop"), regind::invalid_input);
    CHECK_THROWS_AS((void)ev::parse_cut_rounding("up"), regind::invalid_input);
    ev::columns g{{"v", vec({1, 2})}, {"grp", vec({1.5, 2})}};
    auto gs = identity_scheme(ev::class_table::abcd());
    gs.group_by = "grp";
    CHECK_THROWS_WITH_AS((void)ev::evaluate(g, gs), doctest::Contains("not an integer"), regind::invalid_input);
}

TEST_CASE("carbon grades: the G4 boundaries exactly") {
    // Industry 1: L = 0.6, 1.2, 2.0, 0.2 (mean 1) → K = L → grades 1, 3, 4, 1.
    // Industry 2: L = 0.8, 2.1, 0.1, 1.0 (mean 1) → grades 2, 5, 1, 3.
    // Value added 100 万元 each, so CO2 = 100 L; electricity factor 5 → electricity = 20 L.
    std::vector<double> L = {0.6, 1.2, 2.0, 0.2, 0.8, 2.1, 0.1, 1.0};
    std::vector<double> elec;
    for (double l : L) elec.push_back(20 * l);
    regind::evaluation::columns d{{"electricity", vec(elec)},
                                  {"value_added", vec(std::vector<double>(8, 100))},
                                  {"industry", vec({1, 1, 1, 1, 2, 2, 2, 2})}};
    regind::carbon::emission_factors f{"test", 2022, "", {{"electricity", 5}}};
    const auto g = regind::carbon::grades(d, f);
    CHECK(g.grade == (Eigen::VectorXi(8) << 1, 3, 4, 1, 2, 5, 1, 3).finished());
    CHECK(g.industry_mean[0] == doctest::Approx(1.0));
    CHECK(g.L[5] == doctest::Approx(2.1));
    // Levels on L: 0.6 low, 1.2 and 2.0 medium, 2.1 high.
    CHECK(g.level == (Eigen::VectorXi(8) << 0, 1, 1, 0, 1, 2, 0, 1).finished());
    // Netted green power and the NaN rule.
    regind::carbon::emission_factors net{"n", 2022, "", {{"electricity", 5}, {"green", -5}}};
    regind::evaluation::columns d2{{"electricity", vec({10, 10})}, {"green", vec({4, NaN})},
                                   {"value_added", vec({10, 10})}, {"industry", vec({1, 1})}};
    const auto g2 = regind::carbon::grades(d2, net);
    CHECK(g2.co2[0] == 30);
    CHECK(std::isnan(g2.co2[1]));
    CHECK(g2.grade[1] == 0);
    CHECK(g2.grade[0] == 3);  // alone in its industry: K = 1
    regind::carbon::grade_options o;
    o.missing_fuel_is_zero = true;
    CHECK(regind::carbon::grades(d2, net, o).co2[1] == 50);
    CHECK_THROWS_WITH_AS((void)regind::carbon::grades(d2, {"x", 0, "", {{"electricity", NaN}}}),
                         doctest::Contains("[regind.invalid_input.emission_factors]"), regind::invalid_input);
    CHECK_THROWS_AS((void)regind::carbon::emission_factors::preset("ipcc"), regind::invalid_input);
}
