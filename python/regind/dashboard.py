# SPDX-License-Identifier: MIT
"""The HTML dashboard: ``python -m regind report --html out.html``.

One self-contained page (inline CSS, charts as inline SVG, no script and no network access)
with Jiaxing's 2022 goals and their traffic lights, Huzhou's 2016 results against its targets,
Huzhou's ranks among Zhejiang's cities and the projection of its industrial value added. Every
number shows its source (document and code-point span) in a column, under it, or in a table
beside its chart; hovering gives the document's title.
"""
from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Optional

from . import _html as h
from .dataset import Dataset
from .datasets import seed_documents, seed_facts
from .targets import track

_PAGE_STYLE = """<style>
body{font-family:"Noto Sans CJK SC","Noto Sans CJK JP","Source Han Sans SC","Microsoft YaHei","PingFang SC",
sans-serif;margin:1.5em auto;max-width:1200px;color:#222;padding:0 1em}
h1{font-size:1.5em;margin-bottom:0.2em} h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
figure{margin:0.8em 0} figure svg{max-width:100%;height:auto} figcaption{font-size:0.85em;color:#555}
.charts{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start} .chart{flex:1 1 520px}
</style>"""

#: Huzhou's ranks among Zhejiang's 11 cities drawn in the bump chart: (indicator, measure).
HUZHOU_RANKS: tuple[tuple[str, str], ...] = (
    ("inv_industry", "growth_rank"), ("inv_tech_renovation", "growth_rank"),
    ("new_products_provincial_filed", "rank"),
)
_MEASURE_ZH = {"rank": "排名", "growth_rank": "增速排名"}


def _fact_rows(facts: list[Any], names: dict[str, str]) -> list[list[Any]]:
    return [[names.get(f.indicator, f.indicator), str(f.period), f.measure,
             h.Cell(f"{h.num(f.value, 4)} {f.unit}", cls="num"), h.source_cell(f.doc, h.fact_span(f))] for f in facts]


def _figure(svg: str, caption: str, data_table: str) -> str:
    return (f'<div class="chart"><figure>{svg}<figcaption>{h.esc(caption)}</figcaption></figure>'
            f"{data_table}</div>")


def _jiaxing_section(ds: Dataset) -> tuple[str, Any]:
    goals = ds.targets(region="嘉兴", period="2022")
    report = track(goals, ds, as_of="2022")
    rows = h.target_rows(report, ds, inline_sources=True)
    intro = h.paragraph(
        f"{len(report)} goals for 2022 from the documents, tracked as of {report.as_of} "
        f"(rules {report.rules}). The documents publish no 2022 outcome yet, so a goal without "
        "observations stays grey (no_data) rather than getting an invented status.")
    body = (f"<h2>1. Jiaxing (嘉兴市) 2022 goals</h2>{intro}<p>{h.status_counts(report)}</p>"
            + h.table(h.TARGET_HEADER, rows, cls="targets", attrs=' id="jiaxing-2022-targets"'))
    return body, report


def _huzhou_progress(ds: Dataset) -> str:
    from .plot import target_progress, to_svg

    report = track(ds.targets(region="湖州", period="2016"), ds, as_of="2016")
    svg = to_svg(target_progress(report, title="湖州 2016: 完成率 against 时序进度"))
    rows = h.target_rows(report, ds, inline_sources=True)
    table = h.table(h.TARGET_HEADER, rows, cls="targets", attrs=' id="huzhou-2016-targets"')
    return ("<h2>2. Huzhou (湖州市) 2016: results against targets</h2>"
            + _figure(svg, "Bars: completion (完成率) in the traffic-light colour of each status; black ticks: "
                           "time progress (时序进度, 100% for a whole year).", "")
            + h.paragraph(f"{len(report)} targets: ") + f"<p>{h.status_counts(report)}</p>" + table)


def _huzhou_ranks(ds: Dataset) -> tuple[str, str]:
    import pandas as pd

    from .plot import rank_bump, to_svg

    names = {i.code: i.name_zh for i in ds.indicators}
    facts = []
    series: dict[str, dict[str, float]] = {}
    for indicator, measure in HUZHOU_RANKS:
        found = ds.query(region="湖州", indicator=indicator, measure=measure, comparator="zhejiang_cities").facts()
        for f in found:
            series.setdefault(f"{names.get(indicator, indicator)} {_MEASURE_ZH[measure]}", {})[str(f.period)] = f.value
        facts.extend(found)
    if not series:
        return "", h.paragraph("No ranks of Huzhou among Zhejiang's cities in the dataset.", "muted")
    frame = pd.DataFrame(series).T
    frame = frame[sorted(frame.columns)]
    svg = to_svg(rank_bump(frame, title="湖州: ranks among Zhejiang's 11 cities"))
    table = h.table(["indicator", "period", "measure", "value", "source"], _fact_rows(facts, names))
    return svg, table


def _huzhou_projection(ds: Dataset, target_year: int = 2025) -> tuple[str, str]:
    from .plot import fan_chart, to_svg
    from .projection import project

    values, periods = ds.series("湖州", "va_industry", "level")
    facts = ds.query(region="湖州", indicator="va_industry", measure="level").facts()
    names = {i.code: i.name_zh for i in ds.indicators}
    horizon = target_year - int(max(float(p) for p in periods))
    method = "loglinear" if len(values) >= 3 else "cagr"
    svg = to_svg(fan_chart(values, periods, method=method, horizon=horizon, unit="亿元",
                           title=f"湖州 规上工业增加值, projected to {target_year}"))
    table = h.table(["indicator", "period", "measure", "value", "source"], _fact_rows(facts, names))
    proj = project(values, periods, method=method, horizon=horizon)
    how = (f"compound growth {periods[0]}–{periods[-1]} of {100 * proj.params['cagr']:.2f}% a year"
           if method == "cagr" else f"{method} trend")
    derived = h.paragraph(f"Projected {target_year}: {h.num(proj.mean[-1])} 亿元, computed from the published "
                          f"levels above by {how}; not a published number.", "muted")
    notes = "".join(h.paragraph(f"Note: {n}", "muted") for n in proj.notes)
    return svg, table + derived + notes


def _documents_section() -> str:
    rows = [[h.Cell(d["doc"]), d["title_zh"], d["year"] if isinstance(d["year"], str) else str(d["year"]), d["kind"]]
            for d in seed_documents()]
    return ("<h2>Sources</h2>" + h.paragraph(
        "A source such as 002@227–232 is document 002 of this list, code points 227 to 232 of its text "
        "(Dataset.to_pandas() lists the span of every fact).") + h.table(["document", "title", "year", "kind"], rows))


def dashboard_html(ds: Optional[Dataset] = None, *, generated: Optional[str] = None) -> str:
    """The dashboard page as one HTML string (UTF-8, self-contained)."""
    ds = seed_facts() if ds is None else ds
    jiaxing, _ = _jiaxing_section(ds)
    progress = _huzhou_progress(ds)
    bump_svg, bump_table = _huzhou_ranks(ds)
    fan_svg, fan_table = _huzhou_projection(ds)
    charts = ('<h2>3. Huzhou: ranks and projection</h2><div class="charts">'
              + (_figure(bump_svg, "Each line joins the ranks a series has (1 = best).", bump_table) if bump_svg
                 else bump_table)
              + _figure(fan_svg, "Published levels and their projection; two points give no interval "
                                 "(REFERENCE-METHODS C7).", fan_table)
              + "</div>")
    when = generated or datetime.date.today().isoformat()
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>regind dashboard: 嘉兴 2022 goals, 湖州 progress</title>"
            + _PAGE_STYLE + h.STYLE + "</head><body><div class=\"regind\">"
            + "<h1>regind dashboard</h1>"
            + h.paragraph(f"From the embedded seed data ({len(ds)} facts, each with its document and span); "
                          f"generated {when}. Hover over a number for its document's title.", "muted")
            + jiaxing + progress + charts + _documents_section()
            + "</div></body></html>\n")


def write_dashboard(path: Any, ds: Optional[Dataset] = None) -> Path:
    """Writes :func:`dashboard_html` to ``path`` (UTF-8) and returns the path."""
    out = Path(path)
    out.write_text(dashboard_html(ds), encoding="utf-8")
    return out


__all__ = ["HUZHOU_RANKS", "dashboard_html", "write_dashboard"]
