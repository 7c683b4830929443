# SPDX-License-Identifier: MIT
"""HTML renderers for notebooks (``_repr_html_``) and the dashboard.

Compact tables; traffic lights (亮灯) as coloured cells; each number's source (document and
code-point span) in a ``title=`` hover and, where it fits, a column. Every text goes through
:func:`html.escape`, so names and notes can never inject markup.
"""
from __future__ import annotations

import functools
import html
import math
import numbers
from collections.abc import Iterable, Sequence
from typing import Any, Optional

#: CSS colours of the rule-table colours (RuleTable ``colour``); unknown names show as grey.
LIGHT_COLOURS: dict[str, str] = {
    "green": "#2e7d32", "lightgreen": "#7cb342", "yellow": "#f9a825", "orange": "#ef6c00",
    "red": "#c62828", "grey": "#9e9e9e", "gray": "#9e9e9e", "blue": "#1565c0",
}
_DARK_TEXT = {"yellow", "lightgreen"}  # light backgrounds read better with dark text

#: The style of every regind table; scoped to ``.regind`` so a notebook's own tables keep theirs.
STYLE = """<style>
.regind table{border-collapse:collapse;font-size:0.85em;margin:0.3em 0}
.regind th,.regind td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
.regind th{background:#f3f3f3}
.regind td.num{text-align:right;font-variant-numeric:tabular-nums}
.regind .light{color:#fff;font-weight:600;border-radius:3px;padding:0 6px;white-space:nowrap}
.regind .src{color:#666;font-size:0.85em;white-space:nowrap}
.regind .muted{color:#888}
.regind caption{text-align:left;font-weight:600;padding:2px 0}
</style>"""


def esc(value: Any) -> str:
    """``value`` as escaped HTML text (``None`` → empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, pd.NA raises → not missing
    except (TypeError, ValueError):
        return True


def num(value: Any, digits: int = 2) -> str:
    """A number with thousands separators and at most ``digits`` decimals; "–" when missing."""
    if is_missing(value):
        return "–"
    v = float(value)
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    text = f"{v:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class Cell:
    """One table cell: text (escaped when rendered), an optional hover title, CSS class and
    inline style, or ``raw`` HTML built by this module."""

    __slots__ = ("text", "title", "cls", "style", "raw")

    def __init__(self, text: Any = "", *, title: Optional[str] = None, cls: str = "", style: str = "",
                 raw: Optional[str] = None) -> None:
        self.text, self.title, self.cls, self.style, self.raw = text, title, cls, style, raw

    def render(self, tag: str = "td") -> str:
        attrs = ""
        if self.cls:
            attrs += f' class="{esc(self.cls)}"'
        if self.style:
            attrs += f' style="{esc(self.style)}"'
        if self.title:
            attrs += f' title="{esc(self.title)}"'
        body = self.raw if self.raw is not None else esc(self.text)
        return f"<{tag}{attrs}>{body}</{tag}>"


def cell(value: Any) -> Cell:
    if isinstance(value, Cell):
        return value
    if isinstance(value, bool):
        return Cell(str(value))
    if is_missing(value):
        return Cell("–", cls="muted")
    if isinstance(value, numbers.Integral):
        return Cell(str(int(value)), cls="num")
    if isinstance(value, numbers.Real):
        return Cell(num(value), cls="num")
    return Cell(value)


def table(header: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: Optional[str] = None,
          cls: str = "", attrs: str = "") -> str:
    """An HTML table; cells are :class:`Cell` or plain values (numbers right-aligned)."""
    parts = [f'<table class="{esc(cls)}"{attrs}>' if cls else f"<table{attrs}>"]
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(cell(c).render() for c in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def wrap(body: str, *, style: bool = True) -> str:
    """Puts rendered parts in a ``.regind`` block (with the style, for notebooks)."""
    return f'<div class="regind">{STYLE if style else ""}{body}</div>'


def paragraph(text: str, cls: str = "") -> str:
    return f'<p class="{esc(cls)}">{esc(text)}</p>' if cls else f"<p>{esc(text)}</p>"


# -- sources ------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _document_titles() -> dict[str, str]:
    from . import _core

    return {str(d["doc"]): f"《{d['title_zh']}》 ({d['year']})" for d in _core.seed_documents()}


def source_short(doc: str, span: Optional[Sequence[int]]) -> str:
    """``002@227–232``: the document's 3-digit number and the code points of the number."""
    if not doc:
        return "–"
    short = doc.split("_", 1)[0]
    return f"{short}@{span[0]}–{span[1]}" if span else short


def source_title(doc: str, span: Optional[Sequence[int]]) -> str:
    """The full source for a hover: document id, title (seed documents) and span."""
    if not doc:
        return "no source recorded"
    title = _document_titles().get(doc)
    where = f", code points {span[0]}–{span[1]}" if span else ""
    return f"document {doc}{' ' + title if title else ''}{where}"


def source_cell(doc: str, span: Optional[Sequence[int]]) -> Cell:
    return Cell(source_short(doc, span), title=source_title(doc, span), cls="src")


def fact_span(fact: Any) -> Optional[tuple[int, int]]:
    span = getattr(fact, "span", None)
    return (int(span[0]), int(span[1])) if span else None


def sourced(text: str, doc: str, span: Optional[Sequence[int]], *, cls: str = "", inline: bool = False) -> Cell:
    """A value whose hover names its source; ``inline`` also shows the short source under it."""
    title = source_title(doc, span) if doc else None
    if inline and doc:
        return Cell(raw=f'{esc(text)}<br><span class="src">{esc(source_short(doc, span))}</span>', title=title,
                    cls=cls)
    return Cell(text, title=title, cls=cls)


def light(status: str, colour: str) -> Cell:
    """A traffic-light cell: the status on its rule-table colour."""
    bg = LIGHT_COLOURS.get(colour, LIGHT_COLOURS["grey"])
    fg = "#222" if colour in _DARK_TEXT else "#fff"
    label = f'<span class="light" style="background:{bg};color:{fg}">{esc(status)}</span>'
    return Cell(raw=label, title=f"status {status} (colour {colour or 'none'})")


def _frame_rows(frame: Any, max_rows: int) -> tuple[list[list[Any]], int]:
    rows = [list(r) for r in frame.head(max_rows).itertuples(index=False, name=None)]
    return rows, max(0, len(frame) - max_rows)


def _more(n: int, what: str) -> str:
    return paragraph(f"… and {n} more {what}", "muted") if n else ""


# -- regions ------------------------------------------------------------------------------
def region_html(region: Any) -> str:
    rows = [["code", region.code], ["name", region.name_zh], ["short name", region.short_name or "–"],
            ["English", region.name_en or "–"], ["level", region.level],
            ["parent", "–" if region.parent is None else str(region.parent)]]
    return wrap(table(["Region", ""], [[Cell(k), Cell(str(v))] for k, v in rows]))


def registry_html(registry: Any, max_rows: int = 15) -> str:
    regions = list(registry)
    rows = [[Cell(str(r.code)), r.name_zh, r.name_en or "–", r.level, "–" if r.parent is None else str(r.parent)]
            for r in regions[:max_rows]]
    body = paragraph(repr(registry)) + table(["code", "name", "English", "level", "parent"], rows)
    return wrap(body + _more(len(regions) - max_rows, "regions"))


# -- datasets -----------------------------------------------------------------------------
def dataset_html(dataset: Any, max_rows: int = 20) -> str:
    frame = dataset.to_pandas()
    rows = []
    for r in frame.head(max_rows).itertuples(index=False):
        span = None if is_missing(r.span_start) else (int(r.span_start), int(r.span_end))
        value = f"{num(r.value, 4)} {r.unit}".strip()
        rows.append([r.region_zh or str(r.region_code), r.period,
                     Cell(r.indicator_zh or r.indicator, title=r.indicator), r.measure,
                     Cell(value, cls="num", title=source_title(r.doc, span)), r.qualifier or "", r.comparator or "",
                     source_cell(r.doc, span)])
    body = paragraph(repr(dataset)) + table(
        ["region", "period", "indicator", "measure", "value", "qualifier", "comparator", "source"], rows)
    return wrap(body + _more(len(frame) - max_rows, "facts (Dataset.to_pandas() has them all)"))


# -- targets ------------------------------------------------------------------------------
def base_fact(dataset: Any, target: Any) -> Optional[Any]:
    """The published fact a target's base was taken from (same region, indicator and base
    period, an amount with the base's value), or None."""
    if dataset is None or target.base_value is None or target.base_period is None:
        return None
    facts = dataset.query(region=target.region_code, indicator=target.indicator,
                          period=str(target.base_period)).facts()
    for f in facts:
        if f.measure in ("level", "count") and not f.comparator and abs(f.value - target.base_value) < 1e-9 * max(
                1.0, abs(f.value)):
            return f
    return None


def target_rows(report: Any, dataset: Any = None, *, inline_sources: bool = False) -> list[list[Any]]:
    """The rows of a targets table (:data:`TARGET_HEADER`): indicator, period, goal, base, what
    the goal implies, observed, completion, time progress, gap, status light, source. With the
    ``dataset`` the report was tracked on, each base's hover names its source too;
    ``inline_sources`` shows the sources of bases and observations under them as well."""
    from .report import goal_text

    frame = report.to_pandas()
    rows = []
    for row, r in zip(report.rows, frame.itertuples(index=False)):
        t = row["target"]
        span = t.span
        goal = sourced(goal_text(t), t.doc, span)
        if t.base_value is not None:
            fact = base_fact(dataset, t)
            text = f"{num(t.base_value)} {t.base_unit} ({t.base_period})"
            base = (sourced(text, fact.doc, fact_span(fact), cls="num", inline=inline_sources) if fact is not None
                    else Cell(text, cls="num", title=f"the published level of {t.base_period}"))
        else:
            base = Cell("–", cls="muted")
        if not is_missing(r.implied_level):
            implies = Cell(f"≥ {num(r.implied_level)} {t.base_unit}", cls="num", title="goal applied to the base")
        elif not is_missing(r.required_growth_pct):
            implies = Cell(f"needs {r.required_growth_pct:+.2f}%", cls="num", title="goal ÷ base − 1")
        else:
            implies = Cell("–", cls="muted")
        obs = row["observation"]
        if obs is not None:
            observed = sourced(f"{num(obs.value)} {obs.unit} ({obs.period})", obs.doc, fact_span(obs), cls="num",
                               inline=inline_sources)
        else:
            observed = Cell("–", cls="muted")
        notes = "; ".join(row["notes"])
        status = light(row["status"], row["colour"])
        if notes:
            status.title = f"{status.title}: {notes}"
        rows.append([Cell(r.indicator_zh or r.indicator, title=r.indicator), r.period, goal, base, implies, observed,
                     Cell(num(r.completion_pct, 1), cls="num"), Cell(num(r.time_progress_pct, 1), cls="num"),
                     Cell(num(r.gap_pp, 1), cls="num"), status, source_cell(t.doc, span)])
    return rows


TARGET_HEADER = ("indicator", "period", "goal", "base", "implies", "observed", "completion %", "时序进度 %",
                 "gap pp", "status", "source")


def status_counts(report: Any) -> str:
    counts: dict[tuple[str, str], int] = {}
    for row in report.rows:
        key = (row["status"], row["colour"])
        counts[key] = counts.get(key, 0) + 1
    return " ".join(light(f"{s} {n}", c).render("span") for (s, c), n in sorted(counts.items()))


def target_report_html(report: Any) -> str:
    head = (f"<p>Targets as of {esc(report.as_of)} (rules {esc(report.rules)}), {len(report)} targets: "
            f"{status_counts(report)}</p>")
    return wrap(head + table(TARGET_HEADER, target_rows(report), cls="targets"))


# -- projections ----------------------------------------------------------------------------
def _period(v: Any) -> str:
    """A projected period: a year as ``2025``, other steps with their decimals."""
    if is_missing(v):
        return "–"
    f = float(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def projection_html(projection: Any) -> str:
    p = projection
    frame = p.to_pandas()
    cols = [c for c in ("period", "mean", "median", "lower", "upper") if c in frame.columns]
    rows = [[Cell(_period(r[0]), cls="num")] + [Cell(num(v, 4), cls="num") for v in r[1:]]
            for r in frame[cols].itertuples(index=False, name=None)]
    params = ", ".join(f"{k} = {num(v, 6)}" for k, v in p.params.items())
    head = (f"<p>Projection by <b>{esc(p.method)}</b>{' (' + esc(p.model) + ')' if p.model else ''}: status "
            f"<b>{esc(p.status)}</b>, {p.n_used} points used, interval level {num(100 * p.level, 1)}%"
            f"{'; ' + esc(params) if params else ''}</p>")
    notes = "".join(paragraph(f"Note: {n}", "muted") for n in p.notes)
    return wrap(head + table(cols, rows) + notes)


# -- composite indices ----------------------------------------------------------------------
def composite_html(ci: Any, max_rows: int = 15) -> str:
    steps = ci.steps()
    head = paragraph(repr(ci))
    if steps:
        head += table(["step", "settings"], [[s, ", ".join(f"{k}={v!r}" for k, v in cfg.items()) or "defaults"]
                                            for s, cfg in steps])
    if not ci.has("Aggregated"):
        return wrap(head + paragraph("Not aggregated yet: call aggregate() for scores and ranks.", "muted"))
    res = ci.results("Summ")
    rows, more = _frame_rows(res, max_rows)
    return wrap(head + table([str(c) for c in res.columns], rows) + _more(more, "units"))


# -- uncertainty ----------------------------------------------------------------------------
def uncertainty_html(result: Any, max_rows: int = 20) -> str:
    frame = result.to_pandas().reset_index()
    cols = [c for c in frame.columns if c in ("uCode", "uName", "target", "nominal", "mean", "median", "q05", "q95")]
    frame = frame[cols]
    if "nominal" in frame.columns:
        frame = frame.sort_values("nominal", kind="stable", na_position="last")
    rows, more = _frame_rows(frame, max_rows)
    return wrap(paragraph(repr(result)) + table(cols, rows) + _more(more, "rows"))


__all__ = ["Cell", "LIGHT_COLOURS", "STYLE", "TARGET_HEADER", "composite_html", "dataset_html", "esc", "light", "num",
           "projection_html", "region_html", "registry_html", "source_cell", "source_short", "source_title",
           "status_counts", "table", "target_report_html", "target_rows", "uncertainty_html", "wrap"]
