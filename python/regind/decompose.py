# SPDX-License-Identifier: MIT
"""Target decomposition (目标分解): a parent region's target split among its children, and the
cumulative monthly targets of an annual target (时序进度 by month, REFERENCE-METHODS B2).

>>> from regind.decompose import decompose
>>> split = decompose(0.08, ["南湖", "秀洲"], [1000.0, 500.0], method="equal_growth", kind="growth")
>>> split["target"].round(2).tolist(), round(split.attrs["children_growth"], 12)
([1080.0, 540.0], 0.08)

Rates are fractions (0.08 = 8 %), as in :mod:`regind.growth`.

Methods, with bases bᵢ (B = Σ bᵢ, sᵢ = bᵢ/B), the parent's base P (``parent_base``, default B) and
the parent's level target T (``target_value`` for ``kind="level"``, P·(1 + g) for
``kind="growth"`` with g = ``target_value``):

- ``proportional``: tᵢ = T·sᵢ; the targets add up to T.
- ``equal_growth``: every child grows by the same rate. For a level target that rate is T/B − 1
  (the same split as proportional); for a growth target it is g, so tᵢ = bᵢ(1 + g) and the
  children's growth Σ sᵢgᵢ (A9) reproduces g; the targets add up to B(1 + g), which is T when
  P = B.
- ``weights``: the increment T − B is split by the weights, tᵢ = bᵢ + (T − B)·wᵢ/Σw; the
  targets add up to T.

``decimals=d`` rounds the targets by the largest-remainder method: each is rounded down to d
decimals and the units of 10⁻ᵈ left over go one each to the children with the largest remainders
(ties: larger base, then the earlier child), so the rounded targets add up, exactly in units of
10⁻ᵈ, to the unrounded sum rounded to d decimals (T rounded to d decimals when the sum is
constrained). The difference is ``attrs["rounding_residue"]``; ``required_growth`` is computed
from the rounded targets and ``target_unrounded`` keeps the exact split.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

import numpy as np

from . import _core

_b = _core.bureau

METHODS: tuple[str, ...] = ("proportional", "equal_growth", "weights")
KINDS: tuple[str, ...] = ("level", "growth")
#: The columns of :func:`decompose`'s DataFrame, in order.
COLUMNS: tuple[str, ...] = ("child", "region_code", "region_zh", "base", "base_share", "target", "target_unrounded",
                            "increment", "required_growth")
#: The columns of :func:`monthly_schedule`'s DataFrame, in order (``period`` only with ``year``).
SCHEDULE_COLUMNS: tuple[str, ...] = ("month", "label", "period", "cumulative_share", "time_progress",
                                     "cumulative_target", "monthly_target")


def _vector(name: str, x: Any) -> np.ndarray:
    a = np.asarray(x, dtype=np.float64)
    if a.ndim != 1:
        raise _core.InvalidInput(f"[regind.invalid_input.shape] decompose: {name} must be one-dimensional, got shape {a.shape}")
    return np.ascontiguousarray(a)


def decompose(target_value: float, children: Iterable[Any], bases: Any, method: str = "proportional",
              weights: Any = None, kind: str = "level", parent_base: Optional[float] = None,
              decimals: Optional[int] = None, *, regions: Any = None) -> Any:
    """Splits a parent's target among ``children`` (region keys: codes, names or Regions).

    Parameters
    ----------
    target_value
        The parent's target: a level (``kind="level"``) or a growth rate as a fraction
        (``kind="growth"``; 0.08 = 8 %).
    children, bases
        The children and their base-period levels (one each, all > 0).
    method
        ``"proportional"``, ``"equal_growth"`` or ``"weights"`` (see the module docstring).
    weights
        For ``method="weights"``: one weight ≥ 0 per child, summing to a positive number.
    parent_base
        The parent's base level, when it is not the sum of the children's bases.
    decimals
        Round the targets to this many decimals (0..12), keeping their sum.
    regions
        The registry the children are looked up in; default :func:`regind.regions.zhejiang`.

    Returns
    -------
    pandas.DataFrame
        One row per child with the columns :data:`COLUMNS` (``child`` the short name,
        ``region_zh`` the full name; ``required_growth`` a fraction);
        ``attrs`` holds ``method``, ``kind``, ``parent_base``, ``parent_target``,
        ``parent_growth``, ``children_base``, ``children_target``, ``children_growth``
        (Σ sᵢgᵢ) and ``rounding_residue``.

    Raises ``ValueError`` for bases ≤ 0, weights that do not sum to a positive number or are
    negative, children, bases and weights of different lengths, repeated children, an unknown
    method or kind, bad decimals; ``KeyError`` for an unknown child.
    """
    import pandas as pd

    if regions is None:
        regions = _core.zhejiang_regions()
    kids = [children] if isinstance(children, (str, int)) else list(children)
    found = [regions[k] for k in kids]
    codes = [r.code for r in found]
    if len(set(codes)) != len(codes):
        dup = next(r for r in found if codes.count(r.code) > 1)
        raise _core.InvalidInput(f"[regind.invalid_input.children] decompose: {dup.name_zh} ({dup.code}) is given twice")
    b = _vector("bases", bases)
    if len(kids) != b.size:
        raise _core.InvalidInput(f"[regind.invalid_input.shape] decompose: children has {len(kids)} and bases has {b.size} "
                         "values; give one base per child")
    w = None if weights is None else _vector("weights", weights)
    if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, (int, np.integer))):
        raise _core.InvalidInput(f"[regind.invalid_input.decimals] decompose: decimals must be an int, got {decimals!r}")
    r = _b.decompose(float(target_value), b, str(method), str(kind), w,
                     None if parent_base is None else float(parent_base),
                     None if decimals is None else int(decimals))
    frame = pd.DataFrame({
        "child": [x.short_name for x in found],
        "region_code": codes,
        "region_zh": [x.name_zh for x in found],
        "base": r["base"],
        "base_share": r["base_share"],
        "target": r["target"],
        "target_unrounded": r["target_unrounded"],
        "increment": r["increment"],
        "required_growth": r["required_growth"],
    }, columns=list(COLUMNS))
    frame.attrs.update({
        "method": str(method), "kind": str(kind),
        **{k: float(r[k]) for k in ("parent_base", "parent_target", "parent_growth", "children_base",
                                    "children_target", "children_growth", "rounding_residue")},
    })
    return frame


def _month_label(m: int) -> str:
    return f"1–{m}月"


def monthly_schedule(annual_target: float, past_cumulative_shares: Any, *, year: Optional[int] = None) -> Any:
    """Cumulative monthly targets of an annual amount target from past cumulative shares.

    ``past_cumulative_shares`` holds, for one past year (a sequence of 11) or several (rows of
    11), the share of the year's total reached by the end of 1–2月, 1–3月, …, 1–12月 (fractions,
    strictly increasing, the last 1). The seasonal time progress τ(m) is their mean over the
    years (§B2); the cumulative target of month m is ``annual_target · τ(m)`` and the December
    target is the annual target. ``year`` adds the year-to-date ``period`` of each row.

    Returns a DataFrame with the columns :data:`SCHEDULE_COLUMNS`: ``month`` (2 = the 1–2月
    block, …, 12), ``label`` (1–2月 …), ``cumulative_share`` (τ), ``time_progress`` (m/12, the
    calendar 时序进度), ``cumulative_target`` and ``monthly_target`` (the 1–2月 block first).
    Raises ``ValueError`` for shares that do not increase, do not end at 1, are ≤ 0, or are not
    11 per year."""
    import pandas as pd

    a = np.asarray(past_cumulative_shares, dtype=np.float64)
    if a.ndim == 1:
        a = a.reshape(1, -1)
    if a.ndim != 2:
        raise _core.InvalidInput(f"[regind.invalid_input.shape] monthly_schedule: past_cumulative_shares must be one year "
                         f"(11 values) or rows of years, got shape {a.shape}")
    r = _b.monthly_schedule(float(annual_target), np.ascontiguousarray(a))
    months = [int(m) for m in r["month"]]
    periods = [str(_core.Period(f"{int(year)}-01..{m:02d}")) for m in months] if year is not None else [None] * len(months)
    frame = pd.DataFrame({
        "month": months,
        "label": [_month_label(m) for m in months],
        "period": periods,
        "cumulative_share": r["cumulative_share"],
        "time_progress": r["time_progress"],
        "cumulative_target": r["cumulative_target"],
        "monthly_target": r["monthly_target"],
    }, columns=list(SCHEDULE_COLUMNS))
    if year is None:
        frame = frame.drop(columns=["period"])
    return frame


__all__ = ["COLUMNS", "KINDS", "METHODS", "SCHEDULE_COLUMNS", "decompose", "monthly_schedule"]
