# SPDX-License-Identifier: MIT
from __future__ import annotations

import copy
import pickle

import pandas as pd
import pytest

import regind


@pytest.fixture(scope="module")
def zj() -> regind.RegionRegistry:
    return regind.regions.zhejiang()


def test_builtin_counts(zj):
    assert len(zj) == 102
    assert len(zj.at_level("city")) == 11
    assert len(zj.at_level("county")) == 90
    # Counties per city, from the Ministry of Civil Affairs code list.
    expected = {"杭州": 13, "宁波": 10, "温州": 12, "嘉兴": 7, "湖州": 5, "绍兴": 6, "金华": 9,
                "衢州": 6, "舟山": 4, "台州": 9, "丽水": 9}
    assert {c: len(zj.children(c)) for c in expected} == expected


def test_lookup_forms(zj):
    jx = zj["嘉兴"]
    assert (jx.code, jx.name_zh, jx.short_name, jx.name_en, jx.level, jx.parent) == (
        330400, "嘉兴市", "嘉兴", "Jiaxing", "city", 330000)
    assert zj.get(330400) == jx
    assert zj["330400"] == jx
    assert zj["嘉兴市"] == jx
    assert zj["jiaxing"] == jx
    assert zj[jx] == jx
    assert zj["Changxing County"].code == 330522
    assert zj["changxing"].code == 330522
    assert zj["临平区"].code == 330113  # created in 2021
    assert zj["龙港"].code == 330383  # county-level city since 2019
    assert "嘉兴" in zj and 330400 in zj and "Atlantis" not in zj and 1.5 not in zj


def test_tree_walks(zj):
    assert [r.code for r in zj.children("浙江")][:3] == [330100, 330200, 330300]
    assert len(zj.children("浙江")) == 11
    assert [r.code for r in zj.children("湖州")] == [330502, 330503, 330521, 330522, 330523]
    assert zj.parent("长兴").code == 330500
    assert zj.parent("浙江") is None
    assert [r.code for r in zj.ancestors("长兴")] == [330500, 330000]
    peers = zj.peers("湖州")
    assert len(peers) == 10 and all(p.level == "city" for p in peers) and 330500 not in [p.code for p in peers]
    assert len(zj.peers("长兴")) == 4
    assert len(zj.descendants("浙江")) == 101


def test_unknown_key_suggests(zj):
    with pytest.raises(KeyError) as info:
        zj["嘉兴县"]
    assert isinstance(info.value, regind.UnknownKey)
    assert "did you mean '嘉兴市'" in str(info.value)
    assert "嘉兴市" in info.value.suggestions
    with pytest.raises(KeyError, match="Huzhou"):
        zj["Huzou"]
    with pytest.raises(KeyError):
        zj.get(999999)
    with pytest.raises(ValueError, match="region_key"):
        zj[3.5]
    with pytest.raises(ValueError, match="region_key"):
        zj[True]


def test_user_registry_from_code_csv_and_dataframe(tmp_path):
    reg = regind.RegionRegistry()
    reg.add(regind.Region(110000, "北京市", "北京", "Beijing", level="province"))
    reg.add(regind.Region(110101, "东城区", "东城", "Dongcheng District", level="county", parent=110000))
    assert reg["Dongcheng"].parent == 110000
    with pytest.raises(ValueError, match="already"):
        reg.add(regind.Region(110101, "东城区", level="county", parent=110000))
    with pytest.raises(ValueError, match="parent 120000"):
        reg.add(regind.Region(120101, "和平区", level="county", parent=120000))

    path = tmp_path / "regions.csv"
    path.write_text(reg.to_csv_string(), encoding="utf-8")
    assert regind.regions.read_csv(path) == reg

    frame = pd.DataFrame({"code": [110000, 110101], "name_zh": ["北京市", "东城区"],
                          "short_name": ["北京", "东城"], "name_en": ["Beijing", "Dongcheng District"],
                          "level": ["province", "county"], "parent_code": [None, 110000]})
    assert regind.regions.from_pandas(frame) == reg
    bad = frame.assign(level=["province", "village"])
    with pytest.raises(ValueError, match="DataFrame row 1"):
        regind.regions.from_pandas(bad)
    with pytest.raises(ValueError, match="lacks column"):
        regind.regions.from_pandas(frame.drop(columns=["level"]))


def test_registry_csv_errors(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("code,name_zh,level\n330100,杭州市,town\n", encoding="utf-8")
    with pytest.raises(regind.ParseError) as info:
        regind.regions.read_csv(path)
    assert str(path) in str(info.value) and info.value.line == 2 and info.value.text == "town"


def test_pickle_and_copy(zj):
    assert pickle.loads(pickle.dumps(zj)) == zj
    r = zj["嘉兴"]
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(r, protocol=protocol)) == r
    assert copy.deepcopy(r) == r
    # zhejiang() hands out copies: changing one leaves the built-in tree alone.
    mine = regind.regions.zhejiang()
    mine.add(regind.Region(330599, "新区", level="county", parent=330500))
    assert len(mine) == 103 and len(regind.regions.zhejiang()) == 102
    assert repr(r) == "Region(330400, '嘉兴市', 'Jiaxing', city)"
