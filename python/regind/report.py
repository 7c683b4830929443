# SPDX-License-Identifier: MIT
"""The main job: the Jiaxing 2022 target report and the Huzhou projection, from the seed data.

Everything printed comes from published numbers (with their document and span) or from
arithmetic on them that the report shows; where the documents do not give what a statement
would need, the report says so instead of inventing data."""
from __future__ import annotations

import math
from typing import Any, Optional

from ._text import table as _table
from .dataset import Dataset
from .datasets import seed_documents, seed_facts
from .targets import track

_BEFORE = {"more_than": "超", "nearly": "近", "about": "约", "less_than": "不到", "estimated": "预计"}
_AFTER = {"at_least": "以上", "at_most": "以内"}


def _num(v: float, digits: int = 2) -> str:
    text = f"{v:,.{digits}f}".rstrip("0").rstrip(".")
    return text


def goal_text(t: Any) -> str:
    """A target as the documents word it, e.g. ``+8%以上`` or ``超10%``."""
    sign = "+" if t.kind == "growth_at_least" else "-" if t.kind == "reduce_by" else ""
    return f"{_BEFORE.get(t.qualifier, '')}{sign}{_num(t.value)}{t.unit}{_AFTER.get(t.qualifier, '')}"


def _source(doc: str, span: Optional[tuple[int, int]]) -> str:
    return f"{doc[:3]}@{span[0]}" if span else "-"


def jiaxing_2022(ds: Dataset) -> str:
    """Every 2022 goal of Jiaxing with its 2021 base, what it implies, and its status."""
    goals = ds.targets(region="嘉兴", period="2022")
    report = track(goals, ds, as_of="2022")
    indicators = ds.indicators
    rows: list[list[str]] = []
    said: list[str] = []
    by_indicator: dict[str, dict[str, Any]] = {}
    for row in report.rows:
        t = row["target"]
        by_indicator.setdefault(t.indicator, {})[t.kind] = t
    for row in report.rows:
        t = row["target"]
        name = indicators[t.indicator].name_zh
        base = f"{_num(t.base_value)} {t.base_unit} ({t.base_period})" if t.base_value is not None else "not published"
        implied = t.implied_level()
        needed = t.required_growth()
        if implied is not None:
            means = f">= {_num(implied)} {t.base_unit} in 2022"
        elif needed is not None:
            means = f"needs {100 * needed:+.2f}% on 2021"
        elif t.kind in ("growth_at_least", "level_at_least", "count_at_least"):
            means = "no 2021 base published"
        else:
            means = "-"
        rows.append([name, goal_text(t), base, means, row["status"], _source(t.doc, t.span)])
    text = [_table(["indicator", "goal", "2021 base", "what it means", "status", "source"], rows)]

    # What can honestly be said, goal by goal where the documents allow it.
    inv = by_indicator.get("inv_industry", {})
    if "level_at_least" in inv and "growth_at_least" in inv:
        lvl, gr = inv["level_at_least"], inv["growth_at_least"]
        if lvl.base_value is not None:
            implied = gr.implied_level()
            said.append(
                f"- 工业投资: the level goal {_num(lvl.value)} 亿元 needs {100 * lvl.required_growth():.2f}% growth on "
                f"{_num(lvl.base_value)} 亿元 (2021); the growth goal of {_num(gr.value)}% gives {_num(implied)} 亿元, "
                f"so the two goals agree to within {_num(abs(implied - lvl.value))} 亿元.")
    va = by_indicator.get("va_industry", {}).get("growth_at_least")
    if va is not None and va.base_value is not None:
        growth21 = ds.query(region="嘉兴", period="2021", indicator="va_industry", measure="growth_pct").facts()
        past = f"; 2021 grew {_num(growth21[0].value)}%" if growth21 else ""
        said.append(
            f"- 规上工业增加值: +8% or more on {_num(va.base_value)} 亿元 implies at least {_num(va.implied_level())} 亿元"
            f"{past}. The growth goal is at comparable prices while levels are published at current prices "
            f"(REFERENCE-METHODS A2), so the implied level is a guide, not a check.")
    no_base = [indicators[r["target"].indicator].name_zh for r in report.rows
               if r["target"].base_value is None and r["target"].kind != "share_at_least"]
    if no_base:
        said.append(f"- {len(no_base)} goals have no 2021 level in the documents (e.g. {', '.join(no_base[:3])}): "
                    "their implied level cannot be stated.")
    said.append("- The documents publish no 2022 outcome, so every goal is 'no_data' as of 2022: progress "
                "cannot be assessed until year-to-date figures are added (regind.track).")
    return "\n".join(text + ["", "What can honestly be said:"] + said)


def huzhou_projection(ds: Dataset, target_year: int = 2025) -> str:
    """Huzhou's value added of industry above designated size 2016 → 2021 → 2024, projected."""
    from .projection import project

    values, periods = ds.series("湖州", "va_industry", "level")
    lines = ["Published levels (亿元): " + ", ".join(f"{p}: {_num(v)}" for p, v in zip(periods, values))]
    wanted = ["2016", "2021", "2024"]
    missing = [p for p in wanted if p not in periods]
    if missing:
        lines.append(f"Not in the documents: {', '.join(missing)} (for 2024 they give only shares and ranks), "
                     "so the projection uses the published years only.")
    years = [float(p) for p in periods]
    last = int(max(years))
    horizon = target_year - last
    proj = project(values, periods=years, method="cagr", horizon=horizon)
    growth = proj.params.get("cagr", math.nan)
    lines.append(f"Projection to {target_year} by compound growth {periods[0]}–{periods[-1]} "
                 f"({100 * growth:.2f}% a year): {_num(proj.mean[-1])} 亿元.")
    if all(math.isnan(x) for x in proj.lower):
        lines.append(f"No interval: {len(values)} points give no estimate of the spread (an OLS trend with an "
                     "interval needs at least 3; REFERENCE-METHODS C7).")
    else:
        lines.append(f"Interval ({proj.level:.0%}): {_num(proj.lower[-1])} – {_num(proj.upper[-1])} 亿元.")
    for note in proj.notes:
        lines.append(f"Note: {note}")
    return "\n".join(lines)


def huzhou_2016(ds: Dataset) -> str:
    """Huzhou's 2016 targets against its 2016 results."""
    report = track(ds.targets(region="湖州", period="2016"), ds, as_of="2016")
    return str(report).rstrip()


def report_text(ds: Optional[Dataset] = None) -> str:
    """The whole report as text."""
    ds = seed_facts() if ds is None else ds
    docs = {d["doc"][:3]: d for d in seed_documents()}
    parts = [
        "regind target report (embedded seed data)",
        "=" * 42,
        "",
        "1. Jiaxing (嘉兴市) 2022 goals (主要预期目标 and plan figures)",
        jiaxing_2022(ds),
        "",
        "2. Huzhou (湖州市) value added of industry above designated size",
        huzhou_projection(ds),
        "",
        "3. Huzhou's 2016 targets against its 2016 results",
        huzhou_2016(ds),
        "",
        "Sources: " + "; ".join(f"{k} = {v['title_zh']} ({v['year']})" for k, v in sorted(docs.items())),
        "A source 002@233 is document 002, code point 233: see Dataset.to_pandas() for every span.",
    ]
    return "\n".join(parts)


__all__ = ["goal_text", "huzhou_2016", "huzhou_projection", "jiaxing_2022", "report_text"]
