# SPDX-License-Identifier: MIT
"""The embedded seed dataset against the five documents it was read from."""
from __future__ import annotations

import re

import pytest

import regind

_DIGITS = "〇一二三四五六七八九"


def _chinese_numeral(s: str) -> float | None:
    total = section = digit = 0.0
    if not s:
        return None
    for ch in s:
        if ch in _DIGITS:
            digit = float(_DIGITS.index(ch))
        elif ch == "两":
            digit = 2.0
        elif ch == "零":
            digit = 0.0
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            section += (1.0 if digit == 0 else digit) * unit  # 十二 = 12, 百余 = 100+
            digit = 0.0
        elif ch in "万亿":
            total += (section + digit) * (1e4 if ch == "万" else 1e8)
            section = digit = 0.0
        else:
            return None
    return total + section + digit


def _numeral_value(s: str) -> float | None:
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    return _chinese_numeral(s)


@pytest.fixture(scope="module")
def seed() -> regind.Dataset:
    return regind.datasets.seed_facts()


def test_every_span_holds_its_number(seed, seeds_dir):
    texts = {d["doc"]: (seeds_dir / f"{d['doc']}.txt").read_text(encoding="utf-8")
             for d in regind.datasets.seed_documents()}
    frame = seed.to_pandas()
    bad = []
    for row in frame.itertuples():
        written = texts[row.doc][row.span_start:row.span_end]
        if _numeral_value(written) != abs(row.value):
            bad.append((row.doc, row.span_start, row.span_end, written, row.value))
    assert not bad, bad[:10]
    assert len(frame) >= 300


def test_documents_are_not_in_the_repository(seeds_dir):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # A long sentence of each document must not appear in any tracked source file.
    samples = []
    for d in regind.datasets.seed_documents():
        text = (seeds_dir / f"{d['doc']}.txt").read_text(encoding="utf-8")
        sentences = [s for s in re.split(r"[。；\n]", text) if len(s) >= 40]
        samples.append(sentences[len(sentences) // 2][:40])
    for path in list(root.glob("include/**/*")) + list(root.glob("python/**/*.py")):
        if path.is_file():
            content = path.read_text(encoding="utf-8", errors="ignore")
            for s in samples:
                assert s not in content, (path, s)


def test_seed_shape(seed):
    frame = seed.to_pandas()
    assert set(frame["doc"]) == {d["doc"] for d in regind.datasets.seed_documents()}
    assert set(frame["region_code"]) >= {330400, 330500, 330502, 330503, 330521, 330522, 330523}
    assert frame["span_start"].notna().all()
    assert not frame.duplicated(["region_code", "period", "indicator", "measure", "comparator",
                                 "base_period"]).any()


def _one(seed, **kw):
    facts = seed.query(**kw).facts()
    assert len(facts) == 1, (kw, facts)
    return facts[0]


def test_jiaxing_2021_bases_and_2022_goals(seed):
    assert _one(seed, region="嘉兴", period="2021", indicator="va_industry", measure="level").value == 2594.5
    assert _one(seed, region="嘉兴", period="2021", indicator="inv_industry", measure="level").value == 883.4
    goal = _one(seed, region="嘉兴", period="2022", indicator="va_industry", measure="target_growth_pct")
    assert (goal.value, goal.qualifier) == (8.0, "at_least")
    goal = _one(seed, region="嘉兴", period="2022", indicator="inv_industry", measure="target_level")
    assert (goal.value, str(goal.unit), goal.qualifier) == (970.0, "亿元", "at_least")
    assert _one(seed, region="嘉兴", period="2022", indicator="inv_industry",
                measure="target_growth_pct").value == 10.0
    assert _one(seed, region="嘉兴", period="2022", indicator="inv_manufacturing", measure="target_level").value == 900
    assert _one(seed, region="嘉兴", period="2022", indicator="inv_tech_renovation",
                measure="target_level").value == 540
    goals = seed.query(region="嘉兴", period="2022",
                       measure=["target_level", "target_growth_pct", "target_share_pct"])
    assert len(goals) >= 25


def test_huzhou_series_and_county_ranks(seed):
    values, periods = seed.series("湖州", "va_industry")
    assert dict(zip(periods, values.tolist()))["2016"] == 828.3
    assert dict(zip(periods, values.tolist()))["2021"] == 1245.6
    ranks = seed.query(period="2015", measure="rank", comparator="zhejiang_industrial_strong_counties")
    got = {f.region_code: f.value for f in ranks}
    assert got == {330522: 19, 330521: 27, 330502: 44, 330503: 46, 330523: 52}


def test_summary_runs():
    from regind.summary import summary_text

    text = summary_text()
    assert "Facts per document" in text and "2594.5" in text
