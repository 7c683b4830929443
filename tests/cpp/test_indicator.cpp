// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include "regind/datasets.hpp"
#include "regind/format.hpp"
#include "regind/indicator.hpp"

using namespace regind;

TEST_CASE("the built-in catalogue") {
    const auto& cat = indicators::builtin();
    CHECK(cat.size() >= 150);
    const auto& va = cat.get("va_industry");
    CHECK(va.name_zh == "规模以上工业增加值");
    CHECK(va.unit.symbol() == "亿元");
    CHECK(va.direction == direction::higher);
    CHECK(va.price_basis == price_basis::comparable);
    CHECK(cat.get("inv_industry").price_basis == price_basis::current);
    CHECK(cat.get("energy_per_va_industry").direction == direction::lower);
    CHECK(cat.get("规模以上工业增加值").code == "va_industry");
    CHECK(cat.get("value added of industry above designated size").code == "va_industry");
    // Every catalogue indicator has both names and a parsable unit.
    for (const auto& i : cat.all()) {
        CAPTURE(i.code);
        CHECK_FALSE(i.name_zh.empty());
        CHECK_FALSE(i.name_en.empty());
    }
}

TEST_CASE("user indicators and errors") {
    indicator_catalogue cat;
    indicator i;
    i.code = "my_index";
    i.name_zh = "我的指数";
    i.name_en = "My index";
    cat.add(i);
    CHECK(cat.get("我的指数").code == "my_index");
    CHECK_THROWS_AS(cat.add(i), invalid_input);
    indicator bad = i;
    bad.code = "My Index";
    CHECK_THROWS_AS(cat.add(bad), invalid_input);
    try {
        (void)indicators::builtin().get("va_industri");
        FAIL("expected key_error");
    } catch (const key_error& e) {
        CHECK(std::string(e.what()).find("did you mean 'va_industry'") != std::string::npos);
    }
    const auto round = indicator_catalogue::from_csv_string(indicators::builtin().to_csv_string());
    REQUIRE(round.size() == indicators::builtin().size());
    for (std::size_t k = 0; k < round.size(); ++k) CHECK(round.all()[k] == indicators::builtin().all()[k]);
    CHECK_THROWS_AS(indicator_catalogue::from_csv_string("code,unit\nx,furlong\n"), parse_error);
    CHECK_THROWS_AS(indicator_catalogue::from_csv_string("code,unit,direction\nx,亿元,up\n"), parse_error);
    CHECK(fmt::format("{}", indicators::builtin().get("va_industry")).find("Indicator('va_industry'") == 0);
}
