# SPDX-License-Identifier: MIT
"""Charts of regind results (matplotlib; install ``regind[plot]``).

Every function draws on ``ax`` (a new figure when not given) and returns the Axes. Chinese
labels use a CJK font found on the system (Debian: ``fonts-noto-cjk``), so no glyph is
missing; :func:`cjk_font` says which one.

>>> from regind import plot                                            # doctest: +SKIP
>>> ax = plot.fan_chart([100, 108, 117, 125, 136, 146], range(2016, 2022),
...                     horizon=4, target=190)                         # doctest: +SKIP
>>> ax.figure.savefig("fan.png")                                       # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
import functools
import io
import math
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Optional

import numpy as np

from ._html import LIGHT_COLOURS

#: CJK font families tried in order (the first installed one is used).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC", "Noto Serif CJK JP", "SimHei",
    "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN",
)
# File names of CJK fonts, for a matplotlib font cache built before the font was installed.
_CJK_FILES = ("notosanscjk", "notoserifcjk", "sourcehansans", "wqy-", "simhei", "msyh", "pingfang", "uming")


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("regind.plot needs matplotlib: pip install 'regind[plot]'") from exc
    return matplotlib


@functools.lru_cache(maxsize=1)
def cjk_font() -> Optional[str]:
    """The family name of an installed CJK font, or None when there is none."""
    _matplotlib()
    from matplotlib import font_manager

    def known() -> Optional[str]:
        names = {f.name for f in font_manager.fontManager.ttflist}
        for family in CJK_FAMILIES:
            if family in names:
                return family
        return next((n for n in sorted(names) if "CJK" in n), None)

    found = known()
    if found is None:
        for path in font_manager.findSystemFonts():
            if any(k in path.lower().replace(" ", "") for k in _CJK_FILES):
                font_manager.fontManager.addfont(path)
        found = known()
    return found


def _families() -> list[str]:
    cjk = cjk_font()
    if cjk is None:
        warnings.warn("regind.plot: no CJK font found, Chinese labels will be missing; install one "
                      "(Debian: apt-get install fonts-noto-cjk)", RuntimeWarning, stacklevel=3)
        return ["DejaVu Sans"]
    return [cjk, "DejaVu Sans"]


@contextlib.contextmanager
def _fonts() -> Iterator[list[str]]:
    """While drawing: the CJK font first, DejaVu Sans as fallback for other symbols."""
    families = _families()
    with _matplotlib().rc_context({"font.family": families, "axes.unicode_minus": False}):
        yield families


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    from matplotlib.figure import Figure

    # A Figure without pyplot: no global state, no GUI backend, closed by garbage collection.
    return Figure(figsize=size, layout="constrained").add_subplot()


def _finish(ax: Any, families: list[str]) -> Any:
    """Pins the font on every text of ``ax`` (tick labels included), so the chart renders the
    same outside the ``rc_context`` it was drawn in."""
    from matplotlib.text import Text

    for t in ax.findobj(Text):
        t.set_fontfamily(families)
    return ax


def _colour(name: str) -> str:
    return LIGHT_COLOURS.get(name, LIGHT_COLOURS["grey"])


def _pct(v: float) -> str:
    return f"{100 * v:.1f}%"


# -- projection fan chart ---------------------------------------------------------------------
def fan_chart(values: Any, periods: Optional[Sequence[Any]] = None, *, method: str = "loglinear", horizon: int = 3,
              levels: Sequence[float] = (0.5, 0.8, 0.95), target: Optional[float] = None,
              target_label: str = "target", unit: str = "", title: Optional[str] = None, ax: Any = None,
              **options: Any) -> Any:
    """The published series, its projection and prediction intervals at ``levels`` (one band
    each, widest lightest), and a target line with the probability of reaching it by the last
    projected period (REFERENCE-METHODS C6).

    ``values``, ``periods``, ``method``, ``horizon`` and ``options`` go to
    :func:`regind.projection.project`. Methods without a distribution (cagr, or a series too
    short for an interval) draw no band and say so in the legend.
    """
    from .projection import project

    levels = sorted({float(lv) for lv in levels}, reverse=True)
    if not levels:
        raise ValueError("[regind.invalid_input.plot] levels must name at least one interval level")
    projections = [project(values, periods, method=method, horizon=horizon, level=lv, **options) for lv in levels]
    main = projections[0]
    y = np.asarray(values, dtype=float)
    x = (np.asarray([float(str(p)) for p in periods], dtype=float) if periods is not None
         else np.arange(len(y), dtype=float))
    with _fonts() as families:
        ax = _axes(ax, (7.0, 4.0))
        ax.plot(x, y, "o-", color="#37474f", label="published")
        if main.ok:
            fx = np.concatenate([x[-1:], main.periods])
            for i, p in enumerate(projections):
                if np.all(np.isfinite(p.lower)):
                    ax.fill_between(fx, np.concatenate([y[-1:], p.lower]), np.concatenate([y[-1:], p.upper]),
                                    color="#1565c0", alpha=0.12 + 0.12 * i, linewidth=0,
                                    label=f"{p.level:.0%} interval")
            ax.plot(fx, np.concatenate([y[-1:], main.mean]), "--", color="#1565c0", marker=".",
                    label=f"projection ({main.method})")
            if not np.all(np.isfinite(main.lower)):
                ax.plot([], [], " ", label=f"no prediction interval ({main.method}, {main.n_used} points)")
        else:
            ax.plot([], [], " ", label=f"no projection: {main.status}")
        if target is not None:
            prob = main.prob_at_least(float(target)) if main.ok else math.nan
            last = int(main.periods[-1]) if main.ok and float(main.periods[-1]).is_integer() else None
            when = f" by {last}" if last is not None else ""
            chance = f"P(reach{when}) = {_pct(prob)}" if math.isfinite(prob) else f"P(reach{when}) not available"
            ax.axhline(float(target), color=_colour("red"), linestyle=":", linewidth=1.5,
                       label=f"{target_label} {float(target):,.6g}{(' ' + unit) if unit else ''}: {chance}")
        ax.set_ylabel(unit)
        if title:
            ax.set_title(title)
        ax.legend(loc="upper left", fontsize="small")
        ax.grid(alpha=0.3)
        return _finish(ax, families)


# -- target progress --------------------------------------------------------------------------
def target_progress(report: Any, *, ax: Any = None, title: Optional[str] = None) -> Any:
    """One bar per target with a completion rate (完成率, in the traffic-light colour of its
    status) and a black tick at the time progress (时序进度) it should have reached. Targets
    without a completion rate (growth targets, no data yet) are left out and counted in the
    x label."""
    frame = report.to_pandas()
    shown = frame[frame["completion_pct"].notna()].reset_index(drop=True)
    left_out = len(frame) - len(shown)
    with _fonts() as families:
        ax = _axes(ax, (7.0, 0.8 + 0.45 * max(len(shown), 2)))
        ypos = np.arange(len(shown))
        if len(shown):
            ax.barh(ypos, shown["completion_pct"], color=[_colour(c) for c in shown["colour"]], height=0.6)
            tp = shown["time_progress_pct"].to_numpy(dtype=float)
            ax.vlines(tp, ypos - 0.4, ypos + 0.4, colors="black", linewidth=2)
            for y, c, t, s in zip(ypos, shown["completion_pct"], tp, shown["status"]):
                ax.annotate(f"{c:.1f}% {s}", (max(c, t), y), xytext=(4, 0), textcoords="offset points",
                            va="center", fontsize="small")
            labels = [f"{z or i} ({p})" for z, i, p in zip(shown["indicator_zh"], shown["indicator"], shown["period"])]
            ax.set_yticks(ypos, labels)
            ax.invert_yaxis()
            ax.set_xlim(0, max(140.0, float(np.nanmax(shown["completion_pct"])) * 1.35))
        else:
            ax.text(0.5, 0.5, "no target has a completion rate yet (完成率)", ha="center", va="center",
                    transform=ax.transAxes)
            ax.set_yticks([])
        note = f"\n{left_out} target(s) without a completion rate are not shown" if left_out else ""
        ax.set_xlabel(f"完成率 % (bars) against 时序进度 (black ticks), as of {report.as_of}{note}")
        ax.set_title(title or f"Targets as of {report.as_of}")
        ax.grid(axis="x", alpha=0.3)
        return _finish(ax, families)


# -- rank bump chart --------------------------------------------------------------------------
def _rank_frame(ranks: Any, labels: Optional[Mapping[Any, str]]) -> Any:
    import pandas as pd

    from .dataset import Panel

    if isinstance(ranks, Panel):
        frame = ranks.to_pandas()
        if labels is None:
            from .regions import zhejiang

            reg = zhejiang()
            labels = {c: reg[c].name_zh for c in frame.index if c in reg}
    elif isinstance(ranks, pd.DataFrame):
        frame = ranks
    else:
        raise ValueError(f"[regind.invalid_input.plot] ranks must be a DataFrame (series × periods) or a Panel, "
                         f"not {type(ranks).__name__}")
    frame = frame.astype("float64")
    if labels:
        frame = frame.rename(index=lambda k: labels.get(k, k))
    return frame


def rank_bump(ranks: Any, *, labels: Optional[Mapping[Any, str]] = None, ax: Any = None,
              title: Optional[str] = None, ylabel: str = "rank (1 = best)") -> Any:
    """A bump chart: one line per row of ``ranks`` (regions, or indicators of one region)
    across its columns (periods, in order), rank 1 at the top. The line joins the ranks a
    series has, over missing ones (NaN); a series with one rank is a single marker. ``ranks`` may be a Panel of ranks
    (``regind.rank_panel``), whose region codes are labelled with their Chinese names."""
    frame = _rank_frame(ranks, labels)
    x = np.arange(frame.shape[1], dtype=float)
    with _fonts() as families:
        ax = _axes(ax, (7.0, 4.0))
        for name, row in frame.iterrows():
            y = row.to_numpy(dtype=float)
            valid = np.flatnonzero(np.isfinite(y))
            line, = ax.plot(x[valid], y[valid], "o-", linewidth=2, markersize=7, label=str(name))
            if valid.size:
                j = valid[-1]
                ax.annotate(f"{name} ({y[j]:.0f})", (x[j], y[j]), xytext=(6, 0), textcoords="offset points",
                            va="center", fontsize="small", color=line.get_color())
        ax.set_xticks(x, [str(c) for c in frame.columns])
        ax.set_xlim(-0.3, max(frame.shape[1] - 1, 1) + 0.9)
        finite = frame.to_numpy(dtype=float)
        finite = finite[np.isfinite(finite)]
        top = float(finite.max()) if finite.size else 1.0
        ax.set_ylim(top + 0.5, 0.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel(ylabel)
        if title:
            ax.set_title(title)
        ax.grid(alpha=0.3)
        return _finish(ax, families)


# -- composite scores -------------------------------------------------------------------------
def composite_scores(ci: Any, *, index: Optional[str] = None, ax: Any = None, top_n: int = 1,
                     title: Optional[str] = None) -> Any:
    """Bars of a composite index's scores, highest first, each annotated with the unit's
    ``top_n`` strengths (强) and weaknesses (弱) from
    :meth:`~regind.composite.CompositeIndex.strengths_weaknesses`."""
    if not ci.has("Aggregated"):
        raise ValueError("[regind.invalid_input.plot] the index is not aggregated yet: call aggregate() first")
    fw = ci.framework()
    code = index if index is not None else str(fw.index[int(np.argmax(fw["Level"].to_numpy(dtype=float)))])
    scores = ci.scores()
    if code not in scores.columns:
        raise KeyError(f"[regind.key_error.plot] {code!r} is not a column of the scores: {list(scores.columns)}")
    s = scores[code].sort_values(ascending=False, na_position="last")
    sw = ci.strengths_weaknesses(top_n=top_n, bottom_n=top_n)
    names = dict(zip(sw["uCode"], sw["uName"]))
    with _fonts() as families:
        ax = _axes(ax, (7.0, 0.8 + 0.45 * max(len(s), 2)))
        ypos = np.arange(len(s))
        ax.barh(ypos, s.to_numpy(dtype=float), color="#1565c0", height=0.6)
        for y, (u, v) in zip(ypos, s.items()):
            mine = sw[sw["uCode"] == u]
            strong = "、".join(mine[mine["kind"] == "strength"]["iName"])
            weak = "、".join(mine[mine["kind"] == "weakness"]["iName"])
            text = f"{v:.1f}  强: {strong or '–'}  弱: {weak or '–'}" if np.isfinite(v) else "no score"
            ax.annotate(text, (0 if not np.isfinite(v) else v, y), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize="small")
        ax.set_yticks(ypos, [names.get(u) or u for u in s.index])
        ax.invert_yaxis()
        finite = s.to_numpy(dtype=float)
        finite = finite[np.isfinite(finite)]
        ax.set_xlim(0, (float(finite.max()) if finite.size else 1.0) * 1.8)
        ax.set_xlabel(f"{code} score")
        ax.set_title(title or f"{code}: scores, strengths (强) and weaknesses (弱)")
        ax.grid(axis="x", alpha=0.3)
        return _finish(ax, families)


# -- rank intervals from the uncertainty analysis ---------------------------------------------
def rank_intervals(result: Any, *, target: Optional[str] = None, names: Optional[Mapping[str, str]] = None,
                   ax: Any = None, title: Optional[str] = None) -> Any:
    """Per unit, the 5–95% interval of its rank over the replications (line), the median
    (dot) and the nominal rank (diamond), ordered by nominal rank. ``result`` is an
    :class:`~regind.uncertainty.UncertaintyResult` or its ``to_pandas()`` frame (columns
    nominal, median, q05, q95; index uCode)."""
    frame = result.to_pandas(target) if hasattr(result, "rank_matrix") else result
    missing = {"nominal", "median", "q05", "q95"} - set(frame.columns)
    if missing:
        raise ValueError(f"[regind.invalid_input.plot] the rank frame lacks column(s) {sorted(missing)}")
    frame = frame.sort_values("nominal", kind="stable", na_position="last")
    with _fonts() as families:
        ax = _axes(ax, (6.0, 0.8 + 0.4 * max(len(frame), 2)))
        ypos = np.arange(len(frame))
        ax.hlines(ypos, frame["q05"], frame["q95"], color="#1565c0", linewidth=3, alpha=0.6,
                  label="5–95% of replications")
        ax.plot(frame["median"], ypos, "o", color="#1565c0", label="median")
        ax.plot(frame["nominal"], ypos, "D", color=_colour("red"), markersize=5, label="nominal")
        ax.set_yticks(ypos, [(names or {}).get(str(u), str(u)) for u in frame.index])
        ax.set_ylim(len(frame) - 0.5, -0.5)
        ax.set_xlabel("rank (1 = best)")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(title or "Rank uncertainty")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, frameon=False, fontsize="small")
        ax.grid(axis="x", alpha=0.3)
        return _finish(ax, families)


# -- output -----------------------------------------------------------------------------------
def to_svg(ax_or_fig: Any) -> str:
    """The figure as an inline ``<svg>`` element (text as paths, so no font is needed to show
    it; no XML prolog)."""
    fig = getattr(ax_or_fig, "figure", ax_or_fig)
    buf = io.StringIO()
    with _matplotlib().rc_context({"svg.fonttype": "path"}):
        fig.savefig(buf, format="svg")
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    # The RDF metadata block only names the creator; the page needs none of it.
    return re.sub(r"<metadata>.*?</metadata>\s*", "", text, count=1, flags=re.S)


__all__ = ["CJK_FAMILIES", "cjk_font", "composite_scores", "fan_chart", "rank_bump", "rank_intervals",
           "target_progress", "to_svg"]
