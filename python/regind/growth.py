# SPDX-License-Identifier: MIT
"""Growth arithmetic of regional statistics (REFERENCE-METHODS.md §A, and the amount and growth
parts of §B2–B3).

Conventions, for every function here:

- **Rates are fractions**, in and out: growth ``0.08`` is 8 %, a share ``0.25`` is 25 %, a pull
  ``0.0179`` is 1.79 percentage points, a contribution rate ``0.60`` is 60 %, a pp change
  ``0.015`` is 1.5 pp. Multiply by 100 for display only.
- **Vectorised like NumPy.** Array arguments broadcast against each other (scalars, lists,
  NumPy arrays, pandas Series; the result is a NumPy array of the broadcast shape). Arguments
  whose shapes do not broadcast raise :class:`regind.InvalidInput` (a ``ValueError``) naming
  every shape. With only scalar arguments the result is a Python ``float``.
- **Undefined is NaN, not an exception** (§0): growth on a base ≤ 0, a CAGR with a
  non-positive end, the share of a zero total, a division by a growth factor ``1 + g ≤ 0``.
  NaN inputs propagate to NaN outputs. Bad input raises :class:`regind.InvalidInput`: shapes
  that do not broadcast, ``years ≤ 0`` for a CAGR (``< 0`` for :func:`level_after`), more than
  11 year-to-date months, a month outside 2..12.
- **Outcomes are statuses.** :func:`contributions` and :func:`rest_of_year_growth` return a
  small result object whose ``status`` is a ``str`` (one case) or a NumPy array of ``str``
  (many), next to the raw values; see :data:`REST_STATUSES` and
  :data:`CONTRIBUTION_STATUSES`.
- **Year-to-date arrays** hold months along the last axis, starting with the 1–2月 block:
  column ``j`` is month ``j + 2`` (January is never released alone), up to 11 columns.

>>> from regind import growth as rg
>>> round(rg.required_growth(883.4, 970.0), 6)   # 工业投资 883.4 → 970 亿元
0.09803
>>> round(rg.level_after(2594.5, 0.08), 2)       # 规上工业增加值 2594.5 亿元 +8 %
2802.06
"""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import Any, Optional, Union

import numpy as np

from . import _core
from ._core import InvalidInput

_g = _core.growth

#: Statuses of :func:`rest_of_year_growth` and :func:`rest_of_year_growth_for_amount`.
REST_STATUSES: tuple[str, ...] = tuple(_g.REST_STATUSES)
#: Statuses of :func:`contributions`.
CONTRIBUTION_STATUSES: tuple[str, ...] = tuple(_g.CONTRIBUTION_STATUSES)
#: Year-to-date columns in a year: 1–2月, 3月, …, 12月.
MAX_YTD_MONTHS: int = int(_g.MAX_YTD_MONTHS)

FloatOrArray = Union[float, np.ndarray]
StrOrArray = Union[str, np.ndarray]

__all__ = [
    "CONTRIBUTION_STATUSES", "Contributions", "MAX_YTD_MONTHS", "REST_STATUSES", "RestOfYear", "YearToDate",
    "average_growth", "cagr", "cagr_by_group", "contributions", "growth_by_group", "growth", "implied_deflator", "level_after", "monthly_to_ytd",
    "nominal_growth", "pp_change", "prior_level", "pull_from_contribution", "pull_from_growth", "ratio_growth",
    "real_growth", "required_growth", "rest_of_year_growth", "rest_of_year_growth_for_amount", "share",
    "share_after", "two_year_average", "ytd_to_monthly",
]


# -- helpers -------------------------------------------------------------------------------------
def _shape_error(fn: str, names: list[str], arrays: list[np.ndarray], what: str = "do not broadcast") -> InvalidInput:
    shapes = ", ".join(f"{n} has shape {a.shape}" for n, a in zip(names, arrays))
    return InvalidInput(f"[regind.invalid_input.shape] {fn}: {shapes}; these shapes {what}")


def _numbers(fn: str, name: str, value: Any) -> np.ndarray:
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"[regind.invalid_input.values] {fn}: {name} must be numbers (NaN where missing): "
                           f"{exc}") from None


def _broadcast(fn: str, **args: Any) -> tuple[tuple[int, ...], list[np.ndarray]]:
    """The broadcast shape and each argument as a contiguous float64 array of that shape."""
    names = list(args)
    arrays = [_numbers(fn, name, v) for name, v in args.items()]
    try:
        views = np.broadcast_arrays(*arrays)
    except ValueError:
        raise _shape_error(fn, names, arrays) from None
    return views[0].shape, [np.ascontiguousarray(v) for v in views]


def _elementwise(fn: str, core: Any, **args: Any) -> FloatOrArray:
    shape, arrays = _broadcast(fn, **args)
    out = core(*(a.reshape(-1) for a in arrays))
    return float(out[0]) if shape == () else out.reshape(shape)


def _statuses(codes: np.ndarray, names: tuple[str, ...], shape: tuple[int, ...]) -> StrOrArray:
    labels = np.asarray(names)[codes]
    return str(labels[0]) if shape == () else labels.reshape(shape)


def _scalar_or(a: np.ndarray, shape: tuple[int, ...]) -> FloatOrArray:
    return float(a[0]) if shape == () else a.reshape(shape)


def _month(month: Optional[int]) -> Optional[int]:
    if month is None:
        return None
    if isinstance(month, bool):
        raise TypeError("month must be an int (2 for 1–2月, …, 12), not bool")
    return operator.index(month)


def _parts_frame(fields: dict[str, Any], labels: Optional[Any], label_name: str, outer_name: str) -> Any:
    """A DataFrame of arrays that share their shape, the last axis labelled by ``labels``."""
    import pandas as pd

    arrays = {k: np.asarray(v) for k, v in fields.items()}
    k = next(iter(arrays.values())).shape[-1]
    names = list(range(k)) if labels is None else list(labels)
    if len(names) != k:
        raise InvalidInput(f"[regind.invalid_input.labels] {len(names)} labels for {k} {label_name}s")
    n = math.prod(next(iter(arrays.values())).shape[:-1])
    index = (pd.Index(names, name=label_name) if next(iter(arrays.values())).ndim == 1 else
             pd.MultiIndex.from_product([range(n), names], names=[outer_name, label_name]))
    return pd.DataFrame({key: a.reshape(-1) for key, a in arrays.items()}, index=index)


# -- A1 basic quantities -------------------------------------------------------------------------
def growth(current: Any, previous: Any) -> FloatOrArray:
    """Year-on-year growth as a fraction.

    Parameters
    ----------
    current, previous
        Levels this period and in the comparison period (array-like, broadcast together).

    Returns
    -------
    float or numpy.ndarray
        ``current / previous − 1`` as a fraction (0.08 = 8 %). NaN where ``previous ≤ 0`` or
        either input is NaN: growth on such a base is undefined and never raises.

    Notes
    -----
    REFERENCE-METHODS.md §A1: ``g_t = y_t / y_{t−1} − 1``. Published growth rates (同口径, §A3)
    are data in their own right; growth implied by published levels is a derived series.

    Examples
    --------
    >>> growth(6341, 4888)  # doctest: +ELLIPSIS
    0.29725859...
    """
    return _elementwise("growth", _g.growth, current=current, previous=previous)


def cagr(first: Any, last: Any, years: Any) -> FloatOrArray:
    """Compound annual growth rate.

    Parameters
    ----------
    first, last
        Levels at the start and at the end (array-like, broadcast together with ``years``).
    years
        Years between them, > 0 (need not be whole).

    Returns
    -------
    float or numpy.ndarray
        ``(last / first)^(1 / years) − 1``; NaN where ``first ≤ 0`` or ``last ≤ 0`` or an input
        is NaN.

    Raises
    ------
    regind.InvalidInput
        When any ``years ≤ 0``, or the shapes do not broadcast.

    Notes
    -----
    REFERENCE-METHODS.md §A1. Never take the CAGR of a growth rate; use :func:`pp_change`.

    Examples
    --------
    >>> round(cagr(100, 121, 2), 12)
    0.1
    """
    return _elementwise("cagr", _g.cagr, first=first, last=last, years=years)


def required_growth(current: Any, target: Any, years: Any = 1) -> FloatOrArray:
    """The constant yearly growth that takes ``current`` to ``target`` in ``years``.

    Parameters
    ----------
    current
        The level now (the base).
    target
        The level to reach (an amount target, §B1–B2).
    years
        Years left, > 0; 1 by default.

    Returns
    -------
    float or numpy.ndarray
        ``(target / current)^(1 / years) − 1``; NaN where ``current ≤ 0`` or ``target ≤ 0``.

    Raises
    ------
    regind.InvalidInput
        When any ``years ≤ 0``, or the shapes do not broadcast.

    Notes
    -----
    A CAGR (REFERENCE-METHODS.md §A1) read forwards. Within a year, use
    :func:`rest_of_year_growth_for_amount` (§A5).

    Examples
    --------
    工业投资 883.4 亿元 reaching 970 亿元 needs 970 / 883.4 − 1 = 9.80 %:

    >>> round(required_growth(883.4, 970), 6)
    0.09803
    """
    return _elementwise("required_growth", _g.required_growth, current=current, target=target, years=years)


def level_after(current: Any, growth: Any, years: Any = 1) -> FloatOrArray:
    """The level reached after growing by ``growth`` a year for ``years`` years.

    Parameters
    ----------
    current
        The level now.
    growth
        Yearly growth as a fraction (a growth target, §B1).
    years
        Years, ≥ 0; 1 by default.

    Returns
    -------
    float or numpy.ndarray
        ``current · (1 + growth)^years``; NaN where ``1 + growth < 0`` or an input is NaN.

    Raises
    ------
    regind.InvalidInput
        When any ``years < 0``, or the shapes do not broadcast.

    Notes
    -----
    REFERENCE-METHODS.md §A1, §B1 (the level a growth target implies).

    Examples
    --------
    >>> round(level_after(883.4, 0.10), 2), round(level_after(2594.5, 0.08), 2)
    (971.74, 2802.06)
    """
    return _elementwise("level_after", _g.level_after, current=current, growth=growth, years=years)


def prior_level(level: Any, growth: Any) -> FloatOrArray:
    """The prior-year level implied by a level and its published growth.

    Returns ``level / (1 + growth)``; NaN where ``1 + growth ≤ 0``. REFERENCE-METHODS.md §A6
    ("prior-year level from published growth"): the base to use in :func:`contributions` for
    parts known by level and growth rate.

    >>> round(prior_level(110, 0.1), 12)
    100.0
    """
    return _elementwise("prior_level", _g.prior_level, level=level, growth=growth)


def pp_change(rate_now: Any, rate_before: Any) -> FloatOrArray:
    """Change of a rate or share in percentage points, as a fraction.

    Returns ``rate_now − rate_before`` (0.015 = 1.5 pp). Also the gap to a reference region
    (``g_city − g_prov``, 比全省高 X 个百分点) and to a growth target (§B3).
    REFERENCE-METHODS.md §A1: a rate gets a pp difference, never a "% change".

    >>> round(pp_change(0.08, 0.065), 12)
    0.015
    """
    return _elementwise("pp_change", _g.pp_change, rate_now=rate_now, rate_before=rate_before)


def share(part: Any, total: Any) -> FloatOrArray:
    """Share of a part in its total, as a fraction: ``part / total``; NaN where ``total == 0``.

    >>> share(1, 4)
    0.25
    """
    return _elementwise("share", _g.share, part=part, total=total)


def average_growth(rates: Any, *, axis: int = -1) -> FloatOrArray:
    """Average growth over k periods, chaining the rates.

    Parameters
    ----------
    rates
        Growth rates (fractions), the periods along ``axis``.
    axis
        The axis of the periods; the last by default.

    Returns
    -------
    float or numpy.ndarray
        ``(Π (1 + g_k))^(1/k) − 1`` over ``axis``; NaN where a factor ``1 + g_k < 0`` or a
        rate is NaN.

    Raises
    ------
    regind.InvalidInput
        When ``rates`` is a scalar or has no periods.

    Notes
    -----
    REFERENCE-METHODS.md §A1 (k-period average growth) and §A7: chain *published* rates rather
    than dividing levels (§A3).

    Examples
    --------
    >>> round(average_growth([0.0, 0.21]), 12)
    0.1
    """
    a = _numbers("average_growth", "rates", rates)
    if a.ndim == 0:
        raise InvalidInput("[regind.invalid_input.shape] average_growth: rates needs at least one dimension (the "
                           "periods)")
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)) or not -a.ndim <= axis < a.ndim:
        raise InvalidInput(f"[regind.invalid_input.axis] average_growth: axis {axis!r} is out of range for rates of "
                           f"shape {a.shape}")
    a = np.moveaxis(a, axis, -1)
    lead = a.shape[:-1]
    out = _g.average_growth_rows(np.ascontiguousarray(a.reshape(math.prod(lead), a.shape[-1])))
    return _scalar_or(out, lead)


# -- A7 two-year average, A8 ratios, A2 real vs nominal ------------------------------------------
def two_year_average(g_prev: Any, g_now: Any) -> FloatOrArray:
    """Two-year average growth (两年平均增长).

    Returns ``sqrt((1 + g_prev)(1 + g_now)) − 1``; NaN where a factor ``1 + g < 0``.

    Notes
    -----
    REFERENCE-METHODS.md §A7: the geometric mean used in 2021 to strip the 2020 base effect,
    chained from published rates. NBS 2021 Q1: 10.3 % above 2019 Q1, two-year average 5.0 %.

    Examples
    --------
    >>> round(two_year_average(0.0, 0.103), 4)
    0.0502
    """
    return _elementwise("two_year_average", _g.two_year_average, g_prev=g_prev, g_now=g_now)


def ratio_growth(num_growth: Any, den_growth: Any) -> FloatOrArray:
    """Growth of a ratio ``R = N / D`` from the growth of ``N`` and ``D``.

    Returns ``(1 + num_growth) / (1 + den_growth) − 1`` (not ``num_growth − den_growth``, which
    only approximates it); NaN where ``1 + den_growth ≤ 0``. REFERENCE-METHODS.md §A8
    (全员劳动生产率, 亩均增加值).

    >>> round(ratio_growth(0.08, 0.0), 12)
    0.08
    """
    return _elementwise("ratio_growth", _g.ratio_growth, num_growth=num_growth, den_growth=den_growth)


def implied_deflator(nominal_growth: Any, real_growth: Any) -> FloatOrArray:
    """Price change implied by nominal (现价) and real (可比价) growth.

    Returns ``(1 + nominal_growth) / (1 + real_growth) − 1``; NaN where ``1 + real_growth ≤ 0``.
    REFERENCE-METHODS.md §A2.
    """
    return _elementwise("implied_deflator", _g.implied_deflator, nominal_growth=nominal_growth,
                        real_growth=real_growth)


def real_growth(nominal_growth: Any, deflator: Any) -> FloatOrArray:
    """Real growth from nominal growth and the price change (deflator, previous year = 0).

    Returns ``(1 + nominal_growth) / (1 + deflator) − 1``; NaN where ``1 + deflator ≤ 0``.
    REFERENCE-METHODS.md §A2 (price deflation, 单缩法).
    """
    return _elementwise("real_growth", _g.real_growth, nominal_growth=nominal_growth, deflator=deflator)


def nominal_growth(real_growth: Any, deflator: Any) -> FloatOrArray:
    """Nominal growth from real growth and the price change: ``(1 + real_growth)(1 + deflator) − 1``.
    REFERENCE-METHODS.md §A2."""
    return _elementwise("nominal_growth", _g.nominal_growth, real_growth=real_growth, deflator=deflator)


# -- A6 pull and contribution --------------------------------------------------------------------
def pull_from_growth(share_before: Any, growth: Any) -> FloatOrArray:
    """Pull (拉动) of a part: its prior-year share of the total times its growth, ``s · g``.

    The result is a fraction of the prior-year total (0.0179 = 1.79 pp).
    REFERENCE-METHODS.md §A6: ``pull_i = ΔX_i / T_{t−1} = s_{i,t−1} · g_i``.
    """
    return _elementwise("pull_from_growth", _g.pull_from_growth, share_before=share_before, growth=growth)


def pull_from_contribution(contribution: Any, total_growth: Any) -> FloatOrArray:
    """Pull (拉动) from a contribution rate and the growth of the total: ``contribution · g_T``.

    REFERENCE-METHODS.md §A6. Fujian 1980: a contribution of 25.1 % to GDP growth of 18.4 % is a
    pull of 4.62 pp:

    >>> round(pull_from_contribution(0.251, 0.184), 6)
    0.046184
    """
    return _elementwise("pull_from_contribution", _g.pull_from_contribution, contribution=contribution,
                        total_growth=total_growth)


def share_after(share_before: Any, growth: Any, total_growth: Any) -> FloatOrArray:
    """A part's share after a year: ``s_{t−1} (1 + g_i) / (1 + g_T)``; NaN where ``1 + g_T ≤ 0``.

    REFERENCE-METHODS.md §A6 (the change of share is ``share_after − share_before``, in pp).
    """
    return _elementwise("share_after", _g.share_after, share_before=share_before, growth=growth,
                        total_growth=total_growth)


@dataclass(frozen=True, eq=False)
class Contributions:
    """Pulls and contribution rates of the parts of a total (:func:`contributions`).

    All values are fractions. ``pull`` and ``contribution`` have the parts on their last axis;
    the other fields have one value per total (a ``float``/``str`` for a single total).

    Attributes
    ----------
    pull
        ``ΔX_i / T_{t−1}`` (拉动; 0.17942 = 17.942 pp).
    contribution
        ``ΔX_i / ΔT`` (贡献率; 0.60358 = 60.358 %).
    total_growth
        ``T_t / T_{t−1} − 1``.
    pull_sum, pull_residual
        ``Σ pull_i`` and ``Σ pull_i − total_growth``.
    contribution_sum, contribution_residual
        ``Σ contribution_i`` and ``Σ contribution_i − 1``.
    status
        One of :data:`CONTRIBUTION_STATUSES`: ``ok``; ``undefined_base`` (prior-year total
        ≤ 0: growth and pulls NaN); ``no_total_change`` (ΔT = 0: contributions NaN);
        ``missing`` (a NaN input). Precedence: missing, undefined_base, no_total_change, ok.
    """

    pull: np.ndarray
    contribution: np.ndarray
    total_growth: FloatOrArray
    pull_sum: FloatOrArray
    pull_residual: FloatOrArray
    contribution_sum: FloatOrArray
    contribution_residual: FloatOrArray
    status: StrOrArray

    def to_pandas(self, parts: Optional[Any] = None) -> Any:
        """``pull`` and ``contribution`` per part (columns), one row per part, labelled by
        ``parts`` (default 0, 1, …); with many totals the index is (``total``, ``part``), the
        totals numbered in C order. The per-total fields stay attributes."""
        return _parts_frame({"pull": self.pull, "contribution": self.contribution}, parts, "part", "total")


def contributions(parts_now: Any, parts_before: Any, total_now: Any = None,
                  total_before: Any = None) -> Contributions:
    """Pull (拉动) and contribution rate (贡献率) of each part of a total, with the additivity check.

    Parameters
    ----------
    parts_now, parts_before
        Levels of the parts this year and last year, parts along the last axis (broadcast
        together; leading axes are separate totals, e.g. regions or years). For parts known by
        their level and published growth, last year's level is :func:`prior_level`.
    total_now, total_before
        The totals, one per leading index (broadcast to the leading shape). Each defaults to
        the sum of the parts.

    Returns
    -------
    Contributions
        ``pull_i = ΔX_i / T_{t−1}``, ``contribution_i = ΔX_i / ΔT``, ``total_growth``, and the
        residuals ``Σ pull_i − g_T`` and ``Σ contribution_i − 1``, which are 0 for additive parts
        on one price basis. They need not be 0 otherwise (chained comparable-price parts,
        overlapping groups such as 高技术制造业 and 数字经济核心制造业, published values rounded
        to 0.1), so they are returned as data, not checked.

    Raises
    ------
    regind.InvalidInput
        When the parts are scalars, or the shapes do not broadcast.

    Notes
    -----
    REFERENCE-METHODS.md §A6; ``pull_i = contribution_i · g_T``.

    Examples
    --------
    Total 4888 → 6341 with a part 2556 → 3433:

    >>> c = contributions([3433], [2556], total_now=6341, total_before=4888)
    >>> round(c.total_growth, 5), round(float(c.pull[0]), 5), round(float(c.contribution[0]), 5)
    (0.29726, 0.17942, 0.60358)
    """
    fn = "contributions"
    shape, (now, before) = _broadcast(fn, parts_now=parts_now, parts_before=parts_before)
    if len(shape) == 0:
        raise InvalidInput(f"[regind.invalid_input.shape] {fn}: the parts need at least one dimension (the parts, "
                           f"on the last axis)")
    lead, k = shape[:-1], shape[-1]
    totals: list[Optional[np.ndarray]] = []
    for name, t in (("total_now", total_now), ("total_before", total_before)):
        if t is None:
            totals.append(None)
            continue
        a = np.asarray(t, dtype=np.float64)
        try:
            totals.append(np.ascontiguousarray(np.broadcast_to(a, lead)).reshape(-1))
        except ValueError:
            raise InvalidInput(f"[regind.invalid_input.shape] {fn}: {name} has shape {a.shape} and the parts have "
                               f"shape {shape}; a total needs one value per leading index, shape {lead}") from None
    n = math.prod(lead)
    out = _g.contributions_rows(now.reshape(n, k), before.reshape(n, k), totals[0], totals[1])
    pull, contrib = out[0].reshape(shape), out[1].reshape(shape)
    growth_, pull_sum, pull_res, contrib_sum, contrib_res = (_scalar_or(a, lead) for a in out[2:7])
    return Contributions(pull, contrib, growth_, pull_sum, pull_res, contrib_sum, contrib_res,
                         _statuses(out[7], CONTRIBUTION_STATUSES, lead))


# -- A4 year to date ↔ single month --------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class YearToDate:
    """One year of monthly data in both forms (:func:`ytd_to_monthly`, :func:`monthly_to_ytd`).

    Every array has the months on its last axis, column ``j`` being month ``months[j] = j + 2``
    (column 0 is the 1–2月 block).

    Attributes
    ----------
    cumulative, cumulative_growth, cumulative_base
        ``C_m`` (累计), ``G_m`` and last year's year-to-date base ``P_m = C_m / (1 + G_m)``.
    monthly, monthly_growth, monthly_base
        ``x_m = C_m − C_{m−1}`` (当月), ``g_m = x_m / p_m − 1`` and ``p_m = P_m − P_{m−1}``;
        for the 1–2月 block ``x_2 = C_2``, ``p_2 = P_2``, ``g_2 = G_2``.
    months
        The month numbers of the columns: 2, 3, …
    """

    cumulative: np.ndarray
    cumulative_growth: np.ndarray
    cumulative_base: np.ndarray
    monthly: np.ndarray
    monthly_growth: np.ndarray
    monthly_base: np.ndarray
    months: np.ndarray

    def to_pandas(self) -> Any:
        """One row per month (index ``month``: 2 for 1–2月, …), a column per field; with many
        series the index is (``series``, ``month``), the series numbered in C order."""
        fields = {k: getattr(self, k) for k in ("cumulative", "cumulative_growth", "cumulative_base", "monthly",
                                                 "monthly_growth", "monthly_base")}
        return _parts_frame(fields, self.months, "month", "series")


def _ytd(fn: str, core: Any, **args: Any) -> YearToDate:
    shape, (a, b) = _broadcast(fn, **args)
    if len(shape) == 0:
        raise InvalidInput(f"[regind.invalid_input.shape] {fn}: needs at least one dimension (the months, on the "
                           f"last axis)")
    n, k = math.prod(shape[:-1]), shape[-1]
    out = core(a.reshape(n, k), b.reshape(n, k))
    c, cg, cb, m, mg, mb = (o.reshape(shape) for o in out)
    return YearToDate(c, cg, cb, m, mg, mb, months=np.arange(2, 2 + k))


def ytd_to_monthly(cumulative: Any, cumulative_growth: Any) -> YearToDate:
    """Single months from year-to-date releases (累计 → 当月).

    Parameters
    ----------
    cumulative
        ``C_m``, year-to-date levels for m = 2 (1–2月), 3, …; months on the last axis, at most
        11 columns (a year may stop before December).
    cumulative_growth
        ``G_m``, year-to-date growth (fractions), broadcast with ``cumulative``.

    Returns
    -------
    YearToDate
        ``P_m = C_m / (1 + G_m)``, ``x_m = C_m − C_{m−1}``, ``p_m = P_m − P_{m−1}``,
        ``g_m = x_m / p_m − 1`` (and the inputs). NaN where a value depends on a NaN input, on
        ``1 + G_m ≤ 0`` or on a base ``p_m ≤ 0``.

    Raises
    ------
    regind.InvalidInput
        When there are more than 11 months, the inputs are scalars, or the shapes do not
        broadcast.

    Notes
    -----
    REFERENCE-METHODS.md §A4. The identities hold only when consecutive releases share the
    enterprise panel (§A3); a published single-month growth takes precedence over the derived
    one, which should be flagged as derived.

    Examples
    --------
    §A4: ``C_6 = 511.2`` (``P_6 = 480``), ``C_7 = 600``, ``G_7 = 6.8 %``:

    >>> y = ytd_to_monthly([511.2, 600], [0.065, 0.068])  # as if June were the first column
    >>> round(float(y.monthly[1]), 4), round(float(y.monthly_base[1]), 4), round(float(y.monthly_growth[1]), 6)
    (88.8, 81.7978, 0.085604)
    """
    return _ytd("ytd_to_monthly", _g.ytd_to_monthly_rows, cumulative=cumulative, cumulative_growth=cumulative_growth)


def monthly_to_ytd(monthly: Any, monthly_growth: Any) -> YearToDate:
    """Year to date from single months (当月 → 累计), the inverse of :func:`ytd_to_monthly`.

    Parameters
    ----------
    monthly
        ``x_m``, single-month levels for m = 2 (the 1–2月 block), 3, …; months on the last axis,
        at most 11 columns.
    monthly_growth
        ``g_m``, single-month growth (fractions), broadcast with ``monthly``.

    Returns
    -------
    YearToDate
        ``p_m = x_m / (1 + g_m)``, ``C_m = Σ_{k≤m} x_k``, ``P_m = Σ_{k≤m} p_k``,
        ``G_m = C_m / P_m − 1`` (and the inputs). A NaN month makes every later cumulative value
        NaN.

    Raises
    ------
    regind.InvalidInput
        When there are more than 11 months, the inputs are scalars, or the shapes do not
        broadcast.

    Notes
    -----
    REFERENCE-METHODS.md §A4: ``G_m = Σ_{k≤m} (p_k / P_m) · g_k``, the base-weighted mean of
    the monthly growth rates.
    """
    return _ytd("monthly_to_ytd", _g.monthly_to_ytd_rows, monthly=monthly, monthly_growth=monthly_growth)


# -- A5 growth needed for the rest of the year ---------------------------------------------------
@dataclass(frozen=True, eq=False)
class RestOfYear:
    """The growth the rest of the year needs (:func:`rest_of_year_growth`).

    Each field is a ``float``/``str`` for scalar inputs, else an array of the broadcast shape.

    Attributes
    ----------
    value
        ``g_rest = needed / remaining_base − 1`` (a fraction). NaN unless the status is ``ok``
        or ``already_secured``.
    needed
        The amount the remaining months must produce: ``(1 + G*)·B − C_m`` or ``A* − C_m``
        (≤ 0 once the target is secured; at the close of the year, > 0 is the shortfall).
    remaining_base
        ``B − P_m``: last year's level of the remaining months.
    status
        One of :data:`REST_STATUSES`: ``ok``; ``already_secured`` (``C_m`` already reaches the
        target; ``value`` is the raw figure, ≤ −100 %); ``period_closed`` (month 12, or
        ``B − P_m`` is 0 up to rounding: no months left); ``undefined`` (``B − P_m < 0``);
        ``missing`` (a NaN input). Precedence: missing, period_closed, undefined,
        already_secured, ok.
    """

    value: FloatOrArray
    needed: FloatOrArray
    remaining_base: FloatOrArray
    status: StrOrArray

    def to_pandas(self) -> Any:
        """One row per case (a single row for scalar inputs; many in C order) with the columns
        ``value``, ``needed``, ``remaining_base``, ``status``."""
        import pandas as pd

        return pd.DataFrame({k: np.asarray(getattr(self, k)).reshape(-1)
                             for k in ("value", "needed", "remaining_base", "status")})


def _rest(fn: str, core: Any, month: Optional[int], **args: Any) -> RestOfYear:
    shape, arrays = _broadcast(fn, **args)
    value, needed, base, codes = core(*(a.reshape(-1) for a in arrays), _month(month))
    return RestOfYear(_scalar_or(value, shape), _scalar_or(needed, shape), _scalar_or(base, shape),
                      _statuses(codes, REST_STATUSES, shape))


def rest_of_year_growth(target_growth: Any, full_year_base: Any, ytd_level: Any, ytd_base: Any, *,
                        month: Optional[int] = None) -> RestOfYear:
    """The growth the remaining months need for the year to grow by ``target_growth``.

    Parameters
    ----------
    target_growth
        ``G*``, the full-year growth target (a fraction; 0.08 for 增长8%).
    full_year_base
        ``B``, last year's full-year level, on the current panel and price basis.
    ytd_level
        ``C_m``, this year's year-to-date level.
    ytd_base
        ``P_m``, last year's year-to-date level (``C_m / (1 + G_m)``).
    month
        ``m`` (2 = 1–2月, …, 12) when known, the same for all cases. Month 12 closes the period
        even when ``B − P_m`` is not exactly 0 (a revised base).

    Returns
    -------
    RestOfYear
        ``value = ((1 + G*)·B − C_m) / (B − P_m) − 1`` with ``needed``, ``remaining_base`` and
        ``status`` (see :class:`RestOfYear`). Vectorised: NaN values with a status array of
        ``str``.

    Raises
    ------
    regind.InvalidInput
        When ``month`` is outside 2..12, or the shapes do not broadcast.

    Notes
    -----
    REFERENCE-METHODS.md §A5 and §B3 (report it with the gap ``G_m − G*``, :func:`pp_change`).
    If ``B`` is unknown it can be estimated from prior years' cumulative shares; flag that.

    Examples
    --------
    ``B = 1000``, ``P_6 = 480``, ``C_6 = 511.2``, ``G* = 8 %``: 568.8 are needed on a base of
    520, so the remaining months must grow 9.3846 %:

    >>> r = rest_of_year_growth(0.08, 1000, 511.2, 480, month=6)
    >>> round(r.value, 6), r.status
    (0.093846, 'ok')
    """
    return _rest("rest_of_year_growth", _g.rest_of_year_growth, month, target_growth=target_growth,
                 full_year_base=full_year_base, ytd_level=ytd_level, ytd_base=ytd_base)


def rest_of_year_growth_for_amount(target_amount: Any, full_year_base: Any, ytd_level: Any, ytd_base: Any, *,
                                   month: Optional[int] = None) -> RestOfYear:
    """The growth the remaining months need for the year to reach the amount ``target_amount``.

    Parameters and result as :func:`rest_of_year_growth`, with ``A*`` (e.g. 工业投资达到970亿元)
    in place of ``G*``: ``value = (A* − C_m) / (B − P_m) − 1``. REFERENCE-METHODS.md §A5, §B2.

    Raises
    ------
    regind.InvalidInput
        When ``month`` is outside 2..12, or the shapes do not broadcast.
    """
    return _rest("rest_of_year_growth_for_amount", _g.rest_of_year_growth_for_amount, month,
                 target_amount=target_amount, full_year_base=full_year_base, ytd_level=ytd_level, ytd_base=ytd_base)


# -- long tables ---------------------------------------------------------------------------------
def _integer_codes(fn: str, groups: Any, n: int) -> Optional[np.ndarray]:
    """The groups as contiguous int64 codes when they are a 1-D integer array (no copy for
    int64), else None. Their range is not checked here: the try_ kernels report codes they
    cannot use as they are."""
    g = groups.to_numpy() if hasattr(groups, "to_numpy") and not isinstance(groups, np.ndarray) else groups
    if isinstance(g, np.ndarray) and g.ndim == 1 and g.dtype.kind in "biu":
        if g.shape[0] != n:
            raise InvalidInput(f"[regind.invalid_input.shape] {fn}: groups has {g.shape[0]} labels for {n} values")
        return np.ascontiguousarray(g, dtype=np.int64)
    return None


def _series_codes(fn: str, groups: Any, n: int) -> tuple[np.ndarray, Any, int]:
    """int64 codes (−1 for a missing label), the labels of codes 0, 1, … (None when the
    groups were already small non-negative integers, used as they are) and the number of
    series (largest code + 1), which spares the kernel a pass over the codes."""
    codes = _integer_codes(fn, groups, n)
    if codes is not None:
        low, high = _core.code_range(codes)  # one pass, GIL released
        if low >= 0 and high <= _g.max_series_code(n):
            return codes, None, int(high) + 1
    g = groups.to_numpy() if hasattr(groups, "to_numpy") and not isinstance(groups, np.ndarray) else groups
    import pandas as pd

    try:
        codes, labels = pd.factorize(np.asarray(g) if not isinstance(g, (list, tuple)) else pd.Series(list(g)))
    except TypeError as exc:
        raise InvalidInput(f"[regind.invalid_input.groups] {fn}: group labels must be hashable: {exc}") from exc
    if len(codes) != n:
        raise InvalidInput(f"[regind.invalid_input.shape] {fn}: groups has {len(codes)} labels for {n} values")
    return codes.astype(np.int64, copy=False), labels, len(labels)


def _threads(fn: str, threads: Any) -> int:
    if isinstance(threads, bool) or not isinstance(threads, (int, np.integer)) or threads < 0:
        raise InvalidInput(f"[regind.invalid_input.threads] {fn}: threads must be an int ≥ 0 (0 = every core), "
                           f"not {threads!r}")
    return int(threads)


def _column(fn: str, name: str, values: Any) -> np.ndarray:
    x = values.to_numpy(dtype=np.float64, na_value=np.nan) if hasattr(values, "to_numpy") else values
    x = np.ascontiguousarray(x, dtype=np.float64)  # no copy for a contiguous float64 array
    if x.ndim != 1:
        raise InvalidInput(f"[regind.invalid_input.shape] {fn}: {name} must be 1-D, got shape {x.shape}")
    return x


def growth_by_group(values: Any, groups: Any, *, out: Optional[np.ndarray] = None, threads: int = 0) -> np.ndarray:
    """Year-on-year growth down a long table: each row against the previous row of its series.

    Parameters
    ----------
    values
        1-D levels, one per row (a float64 array is read in place).
    groups
        The series of each row, one label per value (e.g. ``region * n_indicators + indicator``).
        Small non-negative integers are used as they are; other labels (negative integers
        included) are numbered first, and a None / NaN label has no series (NaN growth). Rows
        of a series must be in period order; the series may interleave, but a series at a time
        is quickest.
    out
        Optional writeable C-contiguous float64 array of the same length for the result (it
        may be ``values`` itself). It is returned.
    threads
        Worker threads (0 = every core; small tables use one). The GIL is released.

    Returns
    -------
    numpy.ndarray
        ``values[i] / values[p] − 1`` with ``p`` the previous row of the same series; NaN for a
        series' first row, a NaN on either side and a base ≤ 0 (as :func:`growth`; pandas'
        ``groupby().pct_change()`` divides by any base).

    Examples
    --------
    >>> growth_by_group([100.0, 50.0, 110.0, 60.0], np.array([0, 1, 0, 1]))
    array([nan, nan, 0.1, 0.2])
    """
    fn = "growth_by_group"
    x = _column(fn, "values", values)
    n_threads = _threads(fn, threads)
    if out is None:
        out = np.empty_like(x)
    elif not (isinstance(out, np.ndarray) and out.dtype == np.float64 and out.shape == x.shape
              and out.flags.c_contiguous and out.flags.writeable):
        raise InvalidInput(f"[regind.invalid_input.out] {fn}: out must be a writeable C-contiguous float64 array of "
                           f"length {x.shape[0]}")
    # Integer groups go straight to the kernel, which reports codes it cannot use (then the
    # labels are numbered): no separate pass over the codes in the usual case.
    codes = _integer_codes(fn, groups, x.shape[0])
    if codes is not None and _g.try_growth_grouped(x, codes, out, n_threads):
        return out
    codes, _, series = _series_codes(fn, groups, x.shape[0])
    return _g.growth_grouped(x, codes, out, n_threads, series)


def cagr_by_group(values: Any, groups: Any, periods: Any = None, *, threads: int = 0) -> Any:
    """The CAGR of every series of a long table, between its first and last non-NaN values.

    Parameters
    ----------
    values, groups
        As :func:`growth_by_group`.
    periods
        Optional period of each row (e.g. the year, float or int); the CAGR spans
        ``t_last − t_first`` years. By default each row's place in its series (0, 1, …), so
        rows must then be consecutive periods.
    threads
        Worker threads (0 = every core). The GIL is released.

    Returns
    -------
    numpy.ndarray or pandas.Series
        ``(last / first)^(1 / years) − 1`` per series: an array indexed by the integer code
        when ``groups`` were small non-negative integers, else a Series indexed by label (in
        order of first appearance). NaN for fewer than two values or a non-positive end.

    Examples
    --------
    >>> cagr_by_group([100.0, 8.0, 121.0, 12.5], np.array([0, 1, 0, 1]), [2019, 2019, 2021, 2021])
    array([ 0.1 , 0.25])
    """
    fn = "cagr_by_group"
    x = _column(fn, "values", values)
    n_threads = _threads(fn, threads)
    t = None if periods is None else _column(fn, "periods", periods)
    if t is not None and t.shape != x.shape:
        raise InvalidInput(f"[regind.invalid_input.shape] {fn}: periods has {t.shape[0]} values for {x.shape[0]} rows")
    codes = _integer_codes(fn, groups, x.shape[0])
    if codes is not None:  # as in growth_by_group: the kernel reports codes it cannot use
        result = _g.try_cagr_grouped(x, t, codes, n_threads)
        if result is not None:
            return result
    codes, labels, series = _series_codes(fn, groups, x.shape[0])
    result = _g.cagr_grouped(x, t, codes, n_threads, series)
    if labels is None:
        return result
    import pandas as pd

    full = np.full(len(labels), np.nan)
    full[: result.shape[0]] = result  # series with no row at all get NaN
    return pd.Series(full, index=pd.Index(labels), name="cagr")
