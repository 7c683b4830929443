# SPDX-License-Identifier: MIT
"""The seed-dataset summary that ``python -m regind`` prints (the demo's main job until the
target report exists)."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ._text import table
from .dataset import Dataset
from .datasets import seed_documents, seed_facts

# How a qualifier reads in Chinese: (before the number, after the unit).
_QUALIFIER_ZH = {"at_least": ("", "以上"), "more_than": ("超", ""), "nearly": ("近", ""),
                 "about": ("约", ""), "at_most": ("", "以内"), "less_than": ("不到", ""),
                 "estimated": ("预计", ""), "": ("", "")}


def _titled(title: str, rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    return title + "\n" + table(header, rows, indent="  ")


def _number(value: float) -> str:
    return f"{value:g}"


def _qualified(value: float, unit: str, qualifier: str) -> str:
    before, after = _QUALIFIER_ZH.get(qualifier, ("", ""))
    return f"{before}{_number(value)} {unit}{after}"


def summary_text(ds: Optional[Dataset] = None) -> str:
    """The summary of a dataset (by default the seed facts) as text."""
    ds = seed_facts() if ds is None else ds
    frame = ds.to_pandas()
    parts = [f"regind seed dataset: {len(ds)} facts, {frame['region_code'].nunique()} regions, "
             f"{frame['indicator'].nunique()} indicators, {frame['doc'].nunique()} documents"]

    docs = {d["doc"]: d for d in seed_documents()}
    per_doc = Counter(frame["doc"])
    parts.append(_titled("\nFacts per document", [
        (doc, str(docs[doc]["year"]) if doc in docs else "", docs[doc]["title_zh"] if doc in docs else "", str(n))
        for doc, n in sorted(per_doc.items())], ("doc", "year", "title", "facts")))

    per_region = frame.groupby(["region_code", "region_zh", "region_en"]).size()
    parts.append(_titled("\nFacts per region", [
        (str(code), zh, en, str(n)) for (code, zh, en), n in per_region.items()],
        ("code", "region", "English", "facts")))

    per_measure = Counter(frame["measure"])
    parts.append(_titled("\nFacts per measure", [(m, str(n)) for m, n in per_measure.most_common()],
                        ("measure", "facts")))

    # A few queries.
    jx = ds.query(region="嘉兴", period="2021", indicator="va_industry")
    parts.append(_titled("\nQuery: Jiaxing, value added of industry above designated size, 2021", [
        (f.measure, _number(f.value), str(f.unit), f.comparator, f"{f.doc}[{f.span[0]}:{f.span[1]}]" if f.span else "")
        for f in jx], ("measure", "value", "unit", "comparator", "source")))

    goals = ds.query(region="嘉兴", period="2022",
                     measure=["target_level", "target_growth_pct", "target_share_pct"])
    parts.append(_titled("\nQuery: Jiaxing's 2022 goals", [
        (f.indicator, ds.indicators[f.indicator].name_zh, f.measure,
         _qualified(f.value, str(f.unit), f.qualifier))
        for f in goals], ("indicator", "名称", "measure", "goal")))

    values, periods = ds.series("湖州", "va_industry", "level")
    parts.append(_titled("\nQuery: Huzhou, value added of industry above designated size (亿元)",
                        [(p, _number(v)) for p, v in zip(periods, values)], ("period", "level")))

    ranks = ds.query(period="2015", measure="rank", comparator="zhejiang_industrial_strong_counties")
    reg = ds.regions
    parts.append(_titled("\nQuery: Huzhou's counties in the 2015 provincial 工业强县 evaluation", [
        (reg[f.region_code].name_zh, _number(f.value)) for f in ranks], ("county", "rank")))
    return "\n".join(parts)


__all__ = ["summary_text"]
