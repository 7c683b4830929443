# SPDX-License-Identifier: MIT
from __future__ import annotations

import pickle

import pytest

import regind
from regind import Indicator, IndicatorCatalogue


def test_builtin_catalogue():
    cat = regind.indicators.builtin()
    assert len(cat) >= 150
    va = cat["va_industry"]
    assert (va.name_zh, str(va.unit), va.direction, va.price_basis) == (
        "规模以上工业增加值", "亿元", "higher", "comparable")
    assert cat.get("规模以上工业增加值") == va
    assert cat["Value added of industry above designated size"] == va
    assert cat["inv_industry"].price_basis == "current"
    assert cat["energy_per_va_industry"].direction == "lower"
    assert "va_industry" in cat and "nothing_like_this" not in cat
    assert all(i.name_zh and i.name_en for i in cat)
    with pytest.raises(KeyError, match="did you mean 'va_industry'"):
        cat["va_industri"]


def test_user_catalogue(tmp_path):
    cat = IndicatorCatalogue()
    cat.add(Indicator("my_index", "我的指数", "My index", unit="1", direction="higher"))
    cat.add(Indicator("my_cost", "我的成本", "My cost", unit="万元", direction="lower", price_basis="current"))
    with pytest.raises(ValueError, match="already in the catalogue"):
        cat.add(Indicator("my_index"))
    with pytest.raises(ValueError, match="snake_case"):
        cat.add(Indicator("My Index"))
    with pytest.raises(ValueError, match="unknown direction"):
        Indicator("x", direction="up")
    with pytest.raises(regind.UnitError):
        Indicator("x", unit="furlong")
    path = tmp_path / "indicators.csv"
    path.write_text(cat.to_csv_string(), encoding="utf-8")
    again = regind.indicators.read_csv(path)
    assert list(again) == list(cat)
    assert list(pickle.loads(pickle.dumps(cat))) == list(cat)
    merged = regind.indicators.builtin()
    merged.merge(cat)
    assert merged["my_cost"].unit == regind.Unit("万元")


def test_dataset_with_user_registry_and_catalogue():
    reg = regind.RegionRegistry()
    reg.add(regind.Region(110000, "北京市", "北京", "Beijing", level="province"))
    cat = IndicatorCatalogue()
    cat.add(Indicator("my_index", "我的指数", "My index", unit="1"))
    ds = regind.Dataset(reg, cat)
    ds.add("Beijing", "2023", "my_index", "index", 101.5)
    assert ds.to_pandas().loc[0, "region_zh"] == "北京市"
    assert len(ds.regions) == 1 and len(ds.indicators) == 1
    with pytest.raises(KeyError):
        ds.add("嘉兴", "2023", "my_index", "index", 1.0)
    text = ds.to_csv_string()
    assert regind.Dataset.from_csv_string(text, reg, cat) == ds
    with pytest.raises(regind.ParseError, match="column 'region_code' \\(1\\): unknown region"):
        regind.Dataset.from_csv_string(text)  # the Zhejiang registry knows no Beijing
