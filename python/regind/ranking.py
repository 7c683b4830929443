# SPDX-License-Identifier: MIT
"""Rankings with the exact semantics of pandas' ``Series.rank``, ranks within groups and within
parent regions, rank changes, and league tables of a Dataset (REFERENCE-METHODS.md §D).

>>> from regind.ranking import rank
>>> rank([10, 20, 20, float("nan"), 30, 20], method="min", ascending=False)
array([ 5.,  2.,  2., nan,  1.,  2.])
"""
from __future__ import annotations

import math
import sys
from typing import Any, Optional

import numpy as np

from . import _core
from .dataset import Dataset, Panel

#: Tie methods: average, min (competition, 1-2-2-4), max, first (ties by position), dense.
#: "ordinal" (scipy's name for first) is accepted too.
METHODS: tuple[str, ...] = ("average", "min", "max", "first", "dense")
#: NaN policies: keep (NaN stays NaN, not counted), top / bottom (NaN ranked first / last
#: whatever the order), propagate (any NaN makes every rank NaN), raise.
NA_OPTIONS: tuple[str, ...] = ("keep", "top", "bottom", "propagate", "raise")

# Measures where a smaller number is better whatever the indicator's direction.
_SMALLER_IS_BETTER = frozenset({"rank", "growth_rank"})


def rank(values: Any, *, method: str = "average", ascending: bool = True, na_option: str = "keep",
         pct: bool = False, groups: Any = None, out: Optional[np.ndarray] = None, threads: int = 0) -> Any:
    """Ranks of a 1-D sequence, exactly as ``pandas.Series(values).rank(...)``.

    Parameters
    ----------
    values
        A list, a 1-D NumPy array or a pandas Series of numbers; None / NaN mark missing
        values, ±inf are ordinary values. A float64 contiguous array is read without a copy.
    method
        How ties are ranked: ``"average"`` (default), ``"min"`` (competition ranking, 1-2-2-4,
        as league tables use), ``"max"``, ``"first"`` (ties by position, also when
        descending) or ``"dense"`` (1-2-2-3).
    ascending
        True: the smallest value gets rank 1. False: the largest does.
    na_option
        ``"keep"`` (NaN rank, not counted), ``"top"`` / ``"bottom"`` (the NaN share one rank,
        first / last whatever ``ascending``), ``"propagate"`` (any NaN makes every rank NaN)
        or ``"raise"`` (a NaN is an error).
    pct
        Divide by the number of ranked values (NaN included for top/bottom); for ``"dense"``
        by the highest dense rank (§D2).
    groups
        Optional labels, one per value (any hashable: codes, names, tuples). Each value is
        ranked among the values with the same label, and percentiles use the group's size. A
        None / NaN label gives a NaN rank (as ``Series.groupby(labels).rank``).
    out
        Optional writeable C-contiguous float64 array of the same length to write the ranks
        into (it may be ``values`` itself); it is returned (inside a Series for a Series).
    threads
        With ``groups``: worker threads sharing the groups out (0, the default, = every core;
        small inputs use one). The GIL is released while ranking.

    Returns
    -------
    numpy.ndarray or pandas.Series
        float64 ranks; a Series with the index and name of ``values`` when given a Series.

    Raises
    ------
    ValueError
        Unknown ``method`` or ``na_option`` (the message lists the allowed values), values
        that are not 1-D or not numbers, ``groups`` or ``out`` of the wrong length, a NaN
        with ``na_option="raise"``.

    Examples
    --------
    >>> rank([10, 20, 20, 30], method="min", ascending=False)
    array([4., 2., 2., 1.])
    >>> rank([5.0, 7.0, 6.0, 9.0], groups=["a", "a", "b", "b"], ascending=False)
    array([2., 1., 2., 1.])
    """
    x = _as_vector(values, "values")
    opts = _options(method, ascending, na_option, pct)
    if out is not None:
        _check_out(out, x.shape[0])
    if groups is not None:
        if isinstance(threads, bool) or not isinstance(threads, (int, np.integer)) or threads < 0:
            raise _core.InvalidInput(f"[regind.invalid_input.threads] threads must be an int ≥ 0 (0 = every core), "
                             f"not {threads!r}")
        x = np.ascontiguousarray(x)
        # The ranks are written straight into `out` (which may be the values themselves).
        result = np.empty_like(x) if out is None else out
        # An integer array of groups goes to the kernel as codes; it reports codes it cannot use
        # (negative or too large), and only then are the labels numbered: in the usual case no
        # separate pass over the codes.
        codes = _integer_codes(groups, x.shape[0])
        if codes is None or not _core.try_rank_grouped(x, codes, result, *opts, int(threads)):
            codes = _group_codes(groups, x.shape[0], values)
            _core.rank_grouped(x, codes, result, *opts, int(threads))
    elif out is not None:
        _core.rank_into(x, out, *opts)
        result = out
    else:
        result = _core.rank(x, *opts)
    return _like(values, result)


def rank_panel(data: Any, *, method: str = "average", ascending: bool = True, na_option: str = "keep",
               pct: bool = False, axis: Any = 0) -> Any:
    """Ranks every column (``axis=0``) or every row (``axis=1``) of a 2-D table independently,
    as ``pandas.DataFrame.rank``.

    Parameters
    ----------
    data
        A :class:`regind.dataset.Panel` (regions × periods, from ``Dataset.panel``), a
        DataFrame or a 2-D array. A C-contiguous float64 array is read without a copy.
    method, ascending, na_option, pct
        As in :func:`rank`.
    axis
        ``0`` / ``"index"``: rank down each column, so for a panel the rank of each region
        within each period. ``1`` / ``"columns"``: rank along each row.

    Returns
    -------
    Panel, pandas.DataFrame or numpy.ndarray
        The same kind as ``data``. A Panel keeps its regions and periods; its unit becomes
        ``"位"`` (or ``"1"`` for percentile ranks).
    """
    opts = _options(method, ascending, na_option, pct)
    if axis in (0, "index", "rows"):
        fn = _core.rank_columns
    elif axis in (1, "columns"):
        fn = _core.rank_rows
    else:
        raise _core.InvalidInput(f"[regind.invalid_input.axis] axis must be 0 ('index') or 1 ('columns'), not {axis!r}")
    if isinstance(data, Panel):
        ranks = fn(_as_matrix(data.values), *opts)
        return Panel(ranks, list(data.regions), list(data.periods), "1" if pct else "位")
    if _is_pandas(data, "DataFrame"):
        import pandas as pd

        ranks = fn(_as_matrix(data.to_numpy(dtype=np.float64, na_value=np.nan)), *opts)
        return pd.DataFrame(ranks, index=data.index, columns=data.columns, copy=False)
    return fn(_as_matrix(data), *opts)


def rank_change(before: Any, after: Any) -> Any:
    """Places gained between two periods: ``before - after`` (§D4), so moving from 5th to 3rd
    is +2. NaN where either rank is missing.

    Two Series are aligned on their index (the union: a unit present in one period only gets
    NaN); otherwise the two sequences are matched by position and must have one length.
    Returns a Series for Series input, else an array. See also :func:`ranked_set_changed`.
    """
    b, a, like = _pair(before, after)
    result = _core.rank_change(b, a)
    return _like(like, result, name="rank_change")


def ranked_set_changed(before: Any, after: Any) -> bool:
    """True when the ranked units (those with a rank) differ between the two periods, so that
    rank changes mix real moves with units entering or leaving (§D4). Input as in
    :func:`rank_change`."""
    b, a, _ = _pair(before, after)
    return bool(_core.ranked_set_changed(b, a))


def league_table(dataset: Dataset, indicator: str, period: Any, *, measure: str = "level",
                 level: str = "city", within: Optional[str] = None, method: str = "min",
                 ascending: Optional[bool] = None, comparator: Optional[str] = None) -> Any:
    """The league table of one indicator and period: every region of a level, ranked in the
    indicator's own direction.

    Parameters
    ----------
    dataset
        The :class:`regind.Dataset` holding the values.
    indicator
        Indicator code or name; its ``direction`` sets the order (``"higher"``: the largest
        value is 1st; ``"lower"``: the smallest is).
    period
        The period to rank, e.g. ``"2021"`` or ``regind.Period("2022年1-6月")``.
    measure
        Which measure to rank (``"level"``, ``"growth_pct"``, ...). For ``"rank"`` and
        ``"growth_rank"`` the smallest number is best.
    level
        ``"city"`` (default), ``"county"`` or ``"province"``: which regions of the dataset's
        registry are ranked. Regions without a value are listed with a NaN rank.
    within
        ``None``, or ``"parent"`` to add the rank among the regions sharing the same parent
        (the counties of each city: "3rd among Huzhou's 5 counties").
    method
        Tie method, by default ``"min"`` (competition ranking, 1-2-2-4).
    ascending
        Overrides the order taken from the indicator's direction. Required for an indicator
        of direction ``"neutral"``, which has no best value.
    comparator
        Restricts the facts to one comparator (needed when a cell holds several).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``region_code``, sorted by rank (regions without a value last), with the
        columns ``region_zh``, ``region_en``, ``value`` (in the panel's unit), ``rank``,
        ``n_ranked`` (regions with a value), ``n_tied`` (regions sharing the value) and, with
        ``within="parent"``, ``parent_code``, ``parent_zh``, ``rank_within`` and
        ``n_within``. ``attrs`` records indicator, measure, period, unit, level, method,
        ascending and direction.

    Raises
    ------
    ValueError
        A neutral indicator without ``ascending``, an unknown ``within``, ``level``,
        ``measure`` or ``method``, a period that does not parse.
    KeyError
        An unknown indicator.
    """
    import pandas as pd

    if within not in (None, "parent"):
        raise _core.InvalidInput(f"[regind.invalid_input.within] within must be None or 'parent', not {within!r}")
    registry = dataset.regions
    ind = dataset.indicators[indicator]
    if ascending is None:
        ascending = _default_ascending(ind, measure)
    regions = registry.at_level(level)
    codes = [r.code for r in regions]
    if codes:
        panel = dataset.panel(ind.code, measure, codes, [str(period)], comparator=comparator)
        values, unit = np.ascontiguousarray(panel.values[:, 0]), panel.unit
    else:  # an empty level: Dataset.panel would read an empty list as "every region"
        values, unit = np.empty(0), ""
    has_value = ~np.isnan(values)
    frame = pd.DataFrame(
        {
            "region_zh": [r.name_zh for r in regions],
            "region_en": [r.name_en for r in regions],
            "value": values,
            "rank": rank(values, method=method, ascending=ascending),
            "n_ranked": np.full(len(codes), int(has_value.sum()), dtype=np.int64),
            "n_tied": _tie_counts(values),
        },
        index=pd.Index(codes, name="region_code", dtype=np.int64),
    )
    if within == "parent":
        parents = [r.parent for r in regions]
        frame["parent_code"] = pd.array(parents, dtype="Int64")
        frame["parent_zh"] = [registry[p].name_zh if p is not None else "" for p in parents]
        frame["rank_within"] = rank(values, method=method, ascending=ascending, groups=parents)
        counts: dict[Any, int] = {}
        for p, ok in zip(parents, has_value):
            counts[p] = counts.get(p, 0) + int(ok)
        frame["n_within"] = pd.array([counts[p] if p is not None else pd.NA for p in parents], dtype="Int64")
    frame = frame.sort_values("rank", kind="stable", na_position="last")
    frame.attrs.update(indicator=ind.code, measure=measure, period=str(period), unit=unit, level=level,
                       method=method, ascending=bool(ascending), direction=ind.direction)
    return frame


# -- helpers ---------------------------------------------------------------------------------

def _options(method: Any, ascending: Any, na_option: Any, pct: Any) -> tuple[str, bool, str, bool]:
    # Value checks (unknown names) are done in C++, whose message lists the allowed values.
    if not isinstance(method, str):
        raise TypeError(f"[regind.invalid_input.rank_method] method must be a str, one of {', '.join(METHODS)}; "
                        f"got {type(method).__name__}")
    if not isinstance(na_option, str):
        raise TypeError(f"[regind.invalid_input.na_option] na_option must be a str, one of "
                        f"{', '.join(NA_OPTIONS)}; got {type(na_option).__name__}")
    for name, flag in (("ascending", ascending), ("pct", pct)):
        if not isinstance(flag, (bool, np.bool_)):
            raise TypeError(f"[regind.invalid_input.{name}] {name} must be True or False, not {flag!r}")
    return method, bool(ascending), na_option, bool(pct)


def _is_pandas(obj: Any, cls: str) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, getattr(pd, cls))


def _to_float(values: Any, what: str) -> np.ndarray:
    if _is_pandas(values, "Series") or _is_pandas(values, "DataFrame"):
        return values.to_numpy(dtype=np.float64, na_value=np.nan)  # type: ignore[no-any-return]
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        kind = _core.InvalidInput if isinstance(exc, ValueError) else TypeError
        raise kind(f"[regind.invalid_input.values] {what} must be numbers (None or NaN where missing): "
                   f"{exc}") from exc


def _as_vector(values: Any, what: str) -> np.ndarray:
    x = _to_float(values, what)
    if x.ndim != 1:
        raise _core.InvalidInput(f"[regind.invalid_input.shape] {what} must be 1-D, got shape {x.shape}; use rank_panel "
                         f"for a table")
    return x


def _as_matrix(values: Any) -> np.ndarray:
    x = _to_float(values, "data")
    if x.ndim != 2:
        raise _core.InvalidInput(f"[regind.invalid_input.shape] data must be 2-D, got shape {x.shape}; use rank for a "
                         f"1-D sequence")
    return x


def _check_out(out: Any, n: int) -> None:
    ok = (isinstance(out, np.ndarray) and out.dtype == np.float64 and out.ndim == 1 and out.shape[0] == n
          and out.flags.c_contiguous and out.flags.writeable)
    if not ok:
        got = (f"{out.dtype} array of shape {out.shape}" if isinstance(out, np.ndarray) else type(out).__name__)
        raise _core.InvalidInput(f"[regind.invalid_input.out] out must be a writeable C-contiguous 1-D float64 array of "
                         f"length {n}; got {got}")


def _is_missing_label(label: Any) -> bool:
    if label is None:
        return True
    if isinstance(label, (float, np.floating)):
        return math.isnan(label)
    if isinstance(label, (np.datetime64, np.timedelta64)):
        return bool(np.isnat(label))
    pd = sys.modules.get("pandas")
    return pd is not None and (label is pd.NA or label is pd.NaT)


def _integer_codes(groups: Any, n: int) -> Optional[np.ndarray]:
    """A 1-D integer array of n groups as contiguous int64 (no copy for int64), else None."""
    if isinstance(groups, np.ndarray) and groups.ndim == 1 and groups.dtype.kind in "biu" and groups.shape[0] == n > 0:
        return np.ascontiguousarray(groups, dtype=np.int64)
    return None


def _group_codes(groups: Any, n: int, values: Any) -> np.ndarray:
    """int64 ids, one per value, −1 for a missing label."""
    if isinstance(groups, (str, bytes)):
        raise _core.InvalidInput("[regind.invalid_input.groups] groups must give one label per value, not a single string")
    if _is_pandas(groups, "Series") and _is_pandas(values, "Series") and not groups.index.equals(values.index):
        raise _core.InvalidInput("[regind.invalid_input.groups] the index of groups differs from the index of values; "
                         "align them first (groups.reindex(values.index))")
    if isinstance(groups, np.ndarray) and groups.ndim == 1 and groups.dtype.kind in "biu" and groups.shape[0] == n > 0:
        # Small non-negative integer codes (a long table's group numbers) are used as they are:
        # the kernel buckets by code, and no sort or copy is needed for int64 input.
        codes = np.ascontiguousarray(groups, dtype=np.int64)
        low, high = _core.code_range(codes)
        if low >= 0 and high <= _core.max_group_code(n):
            return codes
    if isinstance(groups, np.ndarray) and groups.ndim == 1 and groups.dtype.kind in "biuf":
        labels = groups
    elif _is_pandas(groups, "Series") and groups.dtype.kind in "biuf":
        labels = groups.to_numpy()
    else:
        labels = None
    size = len(labels) if labels is not None else None
    if labels is not None:
        if size != n:
            raise _core.InvalidInput(f"[regind.invalid_input.shape] groups has {size} labels for {n} values")
        missing = np.isnan(labels) if labels.dtype.kind == "f" else np.zeros(n, dtype=bool)
        codes = np.full(n, -1, dtype=np.int64)
        if (~missing).any():
            codes[~missing] = np.unique(labels[~missing], return_inverse=True)[1].reshape(-1)
        return codes
    try:
        items = list(groups)
    except TypeError as exc:
        raise TypeError(f"[regind.invalid_input.groups] groups must be a sequence of labels, not "
                        f"{type(groups).__name__}") from exc
    if len(items) != n:
        raise _core.InvalidInput(f"[regind.invalid_input.shape] groups has {len(items)} labels for {n} values")
    ids: dict[Any, int] = {}
    codes = np.empty(n, dtype=np.int64)
    try:
        for i, label in enumerate(items):
            codes[i] = -1 if _is_missing_label(label) else ids.setdefault(label, len(ids))
    except TypeError as exc:
        raise TypeError(f"[regind.invalid_input.groups] group labels must be hashable: {exc}") from exc
    return codes


def _like(template: Any, result: np.ndarray, name: Any = None) -> Any:
    if _is_pandas(template, "Series"):
        import pandas as pd

        # copy=False: pandas ≥ 3 would otherwise copy the array (and break `out=`).
        return pd.Series(result, index=template.index, name=template.name if name is None else name, copy=False)
    return result


def _pair(before: Any, after: Any) -> tuple[np.ndarray, np.ndarray, Any]:
    if _is_pandas(before, "Series") and _is_pandas(after, "Series"):
        before, after = before.align(after)
    b = _as_vector(before, "before")
    a = _as_vector(after, "after")
    like = before if _is_pandas(before, "Series") else after
    return b, a, like


def _tie_counts(values: np.ndarray) -> Any:
    import pandas as pd

    ok = ~np.isnan(values)
    counts = np.zeros(values.shape[0], dtype=np.int64)
    if ok.any():
        # np.unique compares with ==, so 0.0 and -0.0 count as one value, as in the ranks.
        _, inverse, per_value = np.unique(values[ok], return_inverse=True, return_counts=True)
        counts[ok] = per_value[inverse.reshape(-1)]
    out = pd.array(counts, dtype="Int64")
    out[~ok] = pd.NA
    return out


def _default_ascending(ind: Any, measure: str) -> bool:
    if measure in _SMALLER_IS_BETTER:
        return True
    if ind.direction == "higher":
        return False
    if ind.direction == "lower":
        return True
    raise _core.InvalidInput(f"[regind.invalid_input.direction] indicator '{ind.code}' has direction {ind.direction}, so no "
                     f"value is best; pass ascending=False (largest first) or ascending=True (smallest first)")


__all__ = ["METHODS", "NA_OPTIONS", "league_table", "rank", "rank_change", "rank_panel", "ranked_set_changed"]
