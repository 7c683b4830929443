# SPDX-License-Identifier: MIT
from __future__ import annotations

import numpy as np
import pytest

import regind
from regind import Period, Unit


def test_units_convert_exactly():
    assert Unit("万亩").convert(1.9, Unit("亩")) == 19000.0
    assert Unit("亿元").convert(0.1, Unit("万元")) == 1000.0
    assert Unit("亿千瓦时").convert(165.7, Unit("万千瓦时")) == 1657000.0
    assert Unit("MW").convert(350, Unit("kW")) == 350000.0
    assert Unit("倍").convert(5.6, Unit("%")) == 560.0
    assert Unit("亩").convert(3, Unit("平方米")) == 2000.0
    assert Unit("万元/亩").dimension == "money/area"
    out = Unit("万亩").convert_array(np.array([1.9, 2.2, 0.1]), Unit("亩"))
    assert out.tolist() == [19000.0, 22000.0, 1000.0]


def test_unit_errors():
    with pytest.raises(regind.UnitError, match="cannot convert '亿元' \\(money\\) to '亩' \\(area\\)"):
        Unit("亿元").convert(1, Unit("亩"))
    with pytest.raises(ValueError, match="unknown unit 'furlong'"):
        Unit("furlong")
    with pytest.raises(regind.UnitError):
        Unit("%").convert_array(np.array([1.0]), Unit("pp"))


@pytest.mark.parametrize("text,canonical", [
    ("2022", "2022"), ("2022-H1", "2022-H1"), ("2022-Q3", "2022-Q3"), ("2022-06", "2022-06"),
    ("2022-01..06", "2022-01..06"), ("2016..2020", "2016..2020"), ("2022年1-6月", "2022-01..06"),
    ("2022年上半年", "2022-H1"), ("2022年三季度", "2022-Q3"), ("2022年前三季度", "2022-01..09"),
    ("2022年1-2月", "2022-01..02"), ("十四五", "2021..2025"), ("十三五", "2016..2020"),
])
def test_period_forms(text, canonical):
    assert str(Period(text)) == canonical


def test_period_arithmetic():
    assert Period("2022").previous() == Period("2021")
    assert Period("2022-06").same_period_last_year() == Period("2021-06")
    assert Period("2022-01..06").elapsed_fraction() == 0.5
    assert Period("2021..2025").elapsed_fraction(Period("2022")) == 0.4
    assert Period("2022-Q1").previous() == Period("2021-Q4")
    assert sorted([Period("2022"), Period("2021-06"), Period("2021")]) == [
        Period("2021"), Period("2021-06"), Period("2022")]
    assert Period("2021..2025").to_chinese() == "十四五"
    assert Period("2022-01..06").kind == "ytd" and Period("2022-01..06").months == 6


@pytest.mark.parametrize("bad", ["", "2022-13", "2022-Q5", "2022-03..06", "2020..2016", "twenty"])
def test_period_errors(bad):
    with pytest.raises(regind.ParseError, match="cannot read period"):
        Period(bad)


def test_period_factories_and_pickles():
    import pickle

    assert Period.year_of(2022) == Period("2022")
    assert Period.half_of(2022, 2) == Period("2022-H2")
    assert Period.quarter_of(2022, 3) == Period("2022-Q3")
    assert Period.month_of(2022, 6) == Period("2022-06")
    assert Period.ytd(2022, 2) == Period("2022年1-2月")
    assert Period.span(2021, 2025) == Period.five_year_plan(14)
    p = Period("2022-01..06")
    assert (p.year, p.first_year, p.last_year, p.first_month, p.last_month) == (2022, 2022, 2022, 1, 6)
    assert Period("2022").contains(Period("2022-Q2")) and not Period("2022-Q2").contains(Period("2022"))
    assert repr(p) == "Period('2022-01..06')" and hash(p) == hash(Period("2022年1-6月"))
    assert pickle.loads(pickle.dumps(p)) == p
    u = Unit("万元/亩")
    assert pickle.loads(pickle.dumps(u)) == u and hash(u) == hash(Unit("万元/亩"))
    assert repr(u) == "Unit('万元/亩', dimension='money/area')" and str(u) == "万元/亩"
    assert Unit("亿元").compatible(Unit("元")) and not Unit("亿元").compatible(Unit("亩"))
    with pytest.raises(ValueError, match="month 13"):
        Period.month_of(2022, 13)
