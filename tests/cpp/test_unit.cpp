// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include "regind/unit.hpp"

using regind::unit;

TEST_CASE("units parse with prefixes and quotients") {
    CHECK(unit::parse("亿元").dimension() == "money");
    CHECK(unit::parse("亿元").exp10() == 8);
    CHECK(unit::parse("万亩").exp10() == 4);
    CHECK(unit::parse("千瓦时").exp10() == 0);  // a base unit, not 千 × 瓦时
    CHECK(unit::parse("万千瓦时").exp10() == 4);
    CHECK(unit::parse("亿千瓦时").exp10() == 8);
    CHECK(unit::parse("万吨标煤").dimension() == "energy");
    CHECK(unit::parse("MW").exp10() == 3);
    CHECK(unit::parse("万元/亩").dimension() == "money/area");
    CHECK(unit::parse("万元/亩").exp10() == 4);
    CHECK(unit::parse("%").dimension() == "ratio");
    CHECK(unit::parse("pp").dimension() == "percentage_point");
    CHECK(unit::parse("个百分点").dimension() == "percentage_point");
    CHECK(unit::parse("位").dimension() == "rank");
}

TEST_CASE("conversions are exact decimal shifts") {
    // 1.9 万亩 = 19000 亩 exactly (a plain 1.9 * 1e4 product happens to round right; the
    // shift is exact by construction) and 0.1 亿元 = 1000 万元.
    CHECK(unit::parse("万亩").convert(1.9, unit::parse("亩")) == 19000.0);
    CHECK(unit::parse("亿元").convert(0.1, unit::parse("万元")) == 1000.0);
    CHECK(unit::parse("万元").convert(2594.5, unit::parse("亿元")) == 0.25945);
    CHECK(unit::parse("亿元").convert(2594.5, unit::parse("元")) == 259450000000.0);
    CHECK(unit::parse("亿千瓦时").convert(165.7, unit::parse("万千瓦时")) == 1657000.0);
    CHECK(unit::parse("MW").convert(350, unit::parse("kW")) == 350000.0);
    CHECK(unit::parse("万吨标煤").convert(25.2, unit::parse("吨标煤")) == 252000.0);
    // 1.1 * 3 is 3.3000000000000003 in binary arithmetic; the decimal shift path gives 3.3.
    CHECK(unit::parse("%").convert(0.07, unit::parse("‰")) == 0.7);
    CHECK(unit::parse("倍").convert(5.6, unit::parse("%")) == 560.0);
    CHECK(unit::parse("成").convert(9, unit::parse("%")) == 90.0);
    // Non-decimal factor: 1 亩 = 2000/3 m², so 3 亩 = 2000 m².
    CHECK(unit::parse("亩").convert(3, unit::parse("平方米")) == 2000.0);
    CHECK(unit::parse("平方米").convert(2000, unit::parse("亩")) == 3.0);
    CHECK(unit::parse("元/亩").convert(1, unit::parse("万元/亩")) == 0.0001);
}

TEST_CASE("unit errors name the problem") {
    CHECK_THROWS_WITH_AS((void)unit::parse("亿元").convert(1, unit::parse("亩")),
                         "[regind.unit_error.incompatible] cannot convert '亿元' (money) to '亩' (area)",
                         regind::unit_error);
    CHECK_THROWS_WITH_AS((void)unit::parse("%").convert(1, unit::parse("pp")),
                         "[regind.unit_error.incompatible] cannot convert '%' (ratio) to 'pp' (percentage_point)",
                         regind::unit_error);
    CHECK_THROWS_AS(unit::parse("furlong"), regind::unit_error);
    CHECK_THROWS_AS(unit::parse("万%"), regind::unit_error);
    CHECK_THROWS_AS(unit::parse(""), regind::unit_error);
    CHECK_THROWS_AS(unit::parse("亿元/"), regind::unit_error);
}
