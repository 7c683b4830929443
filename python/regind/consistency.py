# SPDX-License-Identifier: MIT
"""Consistency checks of published numbers: the relations a dataset implies between its facts,
each checked within the rounding of the numbers as published (REFERENCE-METHODS A6).

>>> import regind
>>> from regind import consistency
>>> report = consistency.check(regind.datasets.seed_facts())
>>> row = report[(report.relation == "comparator_growth") & (report.period == "2021")].iloc[0]
>>> row.regions, round(float(row.computed), 1), round(float(row.published), 1), row.verdict
('湖州, 嘉兴', 12.9, 12.9, 'consistent')

Relations (:data:`RELATIONS`, in the order reported):

- ``share``: a ``share_pct`` against 100 · part level / whole level. The whole of a share with
  no comparator comes from the relation table (kind ``share``: the share of
  ``va_strategic_emerging`` is a share of ``va_industry``); a share "of the province"
  (comparator ``zhejiang``) has the province's level of the same indicator as its whole.
- ``share_change``: a ``share_change_pp`` against the difference of two published shares.
- ``comparator_growth``: growth − ``growth_diff_pp`` is the comparator's growth. Checked against
  the comparator's published growth, or, when it is not published, the growths that different
  regions and documents imply for one period and indicator against each other (Zhejiang's 2021
  growth of value added of industry: Huzhou 13.3 − 0.4, Jiaxing 14.0 − 1.1, both 12.9 %).
- ``completion``: a ``completion_pct`` against 100 · level / ``target_level``;
  ``completion_growth``: against 100 · (1 + growth) / (1 + growth target) when only a growth
  target is known (the plan's base may differ from the published growth's, §A3).
- ``parts_sum``: parts against their total, for the part → total rows of the relation table
  (kind ``sum``: 三百计划 = 百项新兴 + 百项机器换人 + 百项智能制造).
- ``roll_up``: the amounts of all children of a region against the region's (A9).
- ``contribution_sum``: contribution rates of a whole's parts against 100 %; ``pull_sum``:
  pulls against the whole's growth (relation table kinds ``contribution`` and ``pull``: indicators
  whose level is a contribution rate in % or a pull in pp).
- ``rank_bound``: 1 ≤ rank ≤ the number of units of the comparator (11 for
  ``zhejiang_cities``), for ranks and for the earlier ranks that rank changes imply.
- ``rank_order``: two regions ranked against one comparator in one period: the better rank needs
  the better value (level; share when the rank's note says so; growth for a growth rank) within
  rounding, and a tie equal values.
- ``level_change``: a ``change`` since ``base_period`` against the difference of the two levels.

Rounding. A number written with d decimals stands for x ± h, h = ½·10⁻ᵈ (d from the value, and
from the span when the document wrote trailing zeros: ``543.30``). Ranks, targets and whole
counts in a plain count unit are exact. A derived quantity f gets the first-order worst case
δf = Σ |∂f/∂xᵢ|·hᵢ (δ(a ± b) = hₐ + h_b; δ(100·a/b) = 100·(hₐ/|b| + |a|·h_b/b²)), and a relation
is ``consistent`` when |computed − published| ≤ tolerance = δ(computed) + h(published) (+ the
``allowance`` of the relation). A published bound (以上/超: ``at_least``, ``more_than``; 以内/不到/近:
``at_most``, ``less_than``, ``nearly``) is checked one-sidedly; 约 and 预计 (``about``,
``estimated``) and qualified inputs make a relation ``not_checkable``, as do missing inputs.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from typing import Any, Optional, Union

import numpy as np

from . import _core

_b = _core.bureau

#: The relations :func:`check` derives, in the order it reports them.
RELATIONS: tuple[str, ...] = tuple(_b.RELATIONS)
#: The verdicts of a checked relation.
VERDICTS: tuple[str, ...] = tuple(_b.VERDICTS)
#: The columns of :func:`check`'s DataFrame, in order.
COLUMNS: tuple[str, ...] = ("relation", "regions", "period", "indicators", "computed", "published", "tolerance",
                            "unit", "verdict", "note", "docs", "spans", "facts", "region_codes")

RELATION_COLUMNS: tuple[str, ...] = ("kind", "whole", "part", "note")
COMPARATOR_COLUMNS: tuple[str, ...] = ("code", "region", "indicator", "units", "note")

TableLike = Union[str, "os.PathLike[str]", Iterable[Any], Any]


def relation_table() -> Any:
    """The built-in relation table as a DataFrame (columns :data:`RELATION_COLUMNS`): which
    indicator is the whole of a share, which parts add up to which total, which indicators hold
    contribution rates or pulls. Extend it by passing ``relations=`` to :func:`check`."""
    import pandas as pd

    return pd.DataFrame(list(_b.builtin_relations()), columns=list(RELATION_COLUMNS))


def comparator_table() -> Any:
    """The built-in comparator table as a DataFrame (columns :data:`COMPARATOR_COLUMNS`): a
    comparator code stands for a region (``zhejiang`` → 330000), for an indicator of the fact's
    own region (``region`` = ``"self"``), and/or for a number of ranked units."""
    import pandas as pd

    frame = pd.DataFrame(list(_b.builtin_comparators()), columns=list(COMPARATOR_COLUMNS))
    frame["units"] = frame["units"].astype("Int64")
    return frame


def _table_csv(table: TableLike, columns: tuple[str, ...], what: str) -> str:
    """CSV text of a table given as CSV text, a path, a DataFrame or rows of tuples."""
    if isinstance(table, os.PathLike):
        with open(table, encoding="utf-8") as fh:
            return fh.read()
    if isinstance(table, str):
        if "\n" not in table:
            raise ValueError(f"[regind.invalid_input.table] {what} as a str must be CSV text with a header line "
                             f"({','.join(columns)}); pass a pathlib.Path to read a file")
        return table
    if hasattr(table, "columns") and hasattr(table, "itertuples"):
        header = [str(c) for c in table.columns]
        rows: list[list[Any]] = [list(r) for r in table.itertuples(index=False, name=None)]
    else:
        rows = []
        for r in table:
            if isinstance(r, (str, bytes)) or not isinstance(r, Iterable):
                raise ValueError(f"[regind.invalid_input.table] each row of {what} must be a tuple "
                                 f"({', '.join(columns)}), got {r!r}")
            rows.append(list(r))
        header = list(columns)
        if any(len(r) > len(columns) for r in rows):
            raise ValueError(f"[regind.invalid_input.table] a row of {what} has more than {len(columns)} fields "
                             f"({', '.join(columns)})")
        if rows:
            width = max(len(r) for r in rows)
            header = header[:max(width, 1)]
            rows = [r + [""] * (width - len(r)) for r in rows]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for r in rows:
        writer.writerow(["" if v is None or (isinstance(v, float) and np.isnan(v)) else _cell(v) for v in r])
    return out.getvalue()


def _cell(v: Any) -> str:
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def check(dataset: Any, *, relations: Optional[TableLike] = None, comparators: Optional[TableLike] = None,
          builtin: bool = True, allowance: Optional[Mapping[str, float]] = None,
          include_not_checkable: bool = True, only: Optional[Iterable[str]] = None) -> Any:
    """Checks the relations ``dataset`` implies; one row per relation checked.

    Parameters
    ----------
    dataset
        A :class:`regind.Dataset`.
    relations, comparators
        Extra rows for the relation table (``kind, whole, part[, note]``) and the comparator
        table (``code, region, indicator, units[, note]``): a DataFrame, rows of tuples, CSV text
        or a ``pathlib.Path``. They come before the built-in rows and replace a built-in share's
        whole or a built-in comparator of the same code. Codes are checked against the
        dataset's catalogue and registry (``KeyError``).
    builtin
        False: use only the given tables (none when not given).
    allowance
        Extra tolerance per relation, in the relation's unit, e.g. ``{"contribution_sum": 0.5}``
        for chained comparable-price parts that add up only to about 100 % (§A6).
    include_not_checkable
        False: leave out the relations that cannot be checked.
    only
        Relation names (:data:`RELATIONS`) to run; default all.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``relation``; ``regions`` (short names, comma separated) and
        ``region_codes`` (tuple); ``period``; ``indicators`` (comma separated); ``computed``,
        ``published`` and ``tolerance`` (floats in ``unit``; ``computed`` is NaN when an input
        is missing); ``verdict`` (:data:`VERDICTS`); ``note`` (the arithmetic, or why it cannot be
        checked); ``docs`` (the documents of the facts used), ``spans`` (``(doc, start, end)``
        of each fact used that has a span) and ``facts`` (the keys of the facts used).
    """
    import pandas as pd

    impl = getattr(dataset, "_impl", None)
    if not isinstance(impl, _core.Dataset):
        raise TypeError(f"check() needs a regind.Dataset, not {type(dataset).__name__}")
    if allowance is None:
        allowance = {}
    if not isinstance(allowance, Mapping):
        raise ValueError("[regind.invalid_input.allowance] allowance must be a mapping of relation name to a number")
    only_list = [] if only is None else ([only] if isinstance(only, str) else [str(o) for o in only])
    rel_csv = None if relations is None else _table_csv(relations, RELATION_COLUMNS, "relations")
    cmp_csv = None if comparators is None else _table_csv(comparators, COMPARATOR_COLUMNS, "comparators")
    cols = _b.check_consistency(impl, rel_csv, cmp_csv, bool(builtin),
                                {str(k): float(v) for k, v in allowance.items()}, bool(include_not_checkable),
                                only_list)
    registry = dataset.regions

    def name(code: int) -> str:
        return registry.get(code).short_name if code in registry else str(code)

    facts = [tuple(f) for f in cols["facts"]]
    frame = pd.DataFrame({
        "relation": cols["relation"],
        "regions": [", ".join(name(c) for c in codes) for codes in cols["region_codes"]],
        "period": cols["period"],
        "indicators": [", ".join(i) for i in cols["indicators"]],
        "computed": np.asarray(cols["computed"], dtype=float),
        "published": np.asarray(cols["published"], dtype=float),
        "tolerance": np.asarray(cols["tolerance"], dtype=float),
        "unit": cols["unit"],
        "verdict": cols["verdict"],
        "note": cols["note"],
        "docs": [tuple(dict.fromkeys(doc for _, doc, _, _ in fs if doc)) for fs in facts],
        "spans": [tuple((doc, s, e) for _, doc, s, e in fs if s is not None) for fs in facts],
        "facts": [tuple(key for key, _, _, _ in fs) for fs in facts],
        "region_codes": [tuple(c) for c in cols["region_codes"]],
    }, columns=list(COLUMNS))
    return frame


def summary(frame: Any) -> Any:
    """Counts of :func:`check`'s rows by relation and verdict (a DataFrame, relations as rows,
    verdicts as columns, with totals)."""
    import pandas as pd

    counts: dict[tuple[str, str], int] = {}
    for rel, verdict in zip(frame["relation"], frame["verdict"]):
        counts[(rel, verdict)] = counts.get((rel, verdict), 0) + 1
    rels = [r for r in RELATIONS if any((r, v) in counts for v in VERDICTS)]
    table = pd.DataFrame([[counts.get((r, v), 0) for v in VERDICTS] for r in rels],
                         index=pd.Index(rels, name="relation"), columns=pd.Index(list(VERDICTS), name="verdict"),
                         dtype="int64")
    table.loc["total"] = table.sum(axis=0)
    return table


__all__ = ["COLUMNS", "COMPARATOR_COLUMNS", "RELATIONS", "RELATION_COLUMNS", "VERDICTS", "check",
           "comparator_table", "relation_table", "summary"]
