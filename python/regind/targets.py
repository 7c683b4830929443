# SPDX-License-Identifier: MIT
"""Targets and tracking: which goals are on track, and what they still need.

>>> import regind
>>> seed = regind.datasets.seed_facts()
>>> goals = seed.targets(region="嘉兴", period="2022")
>>> report = regind.track(goals, seed, as_of="2022")
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional, Union

from . import _core
from ._core import RuleTable, Target

#: Rule-table presets shipped with regind.
RULE_PRESETS: tuple[str, ...] = ("cn_time_progress", "eurostat", "statcan_opensdg", "unsd2023_eustat", "escap")

_COLUMNS = ("region_code", "region_zh", "indicator", "indicator_zh", "period", "kind", "value", "unit", "qualifier",
            "comparator", "base_value", "base_unit", "base_period", "implied_level", "required_growth_pct",
            "observed_period", "observed_value", "observed_unit", "time_progress_pct", "completion_pct", "gap_pp",
            "required_rest_growth_pct", "achieved", "status", "colour", "notes", "doc", "span_start", "span_end")


class TargetReport:
    """The result of :func:`track`: one row per target with its metrics and status.

    ``str(report)`` is a plain-text table; :meth:`to_pandas` a DataFrame with a ``status``
    column (and ``colour``, the traffic light)."""

    def __init__(self, rows: list[dict[str, Any]], text: str, as_of: str, rules: str,
                 regions: Any, indicators: Any) -> None:
        self.rows = rows
        self.as_of = as_of
        self.rules = rules
        self._text = text
        self._regions = regions
        self._indicators = indicators

    def __len__(self) -> int:
        return len(self.rows)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for r in self.rows:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        return f"TargetReport(as_of='{self.as_of}', targets={len(self.rows)}, {summary})"

    def _repr_html_(self) -> str:
        from ._html import target_report_html

        return target_report_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from ._pretty import pretty, target_report_text

        pretty(printer, cycle, self, target_report_text)

    @property
    def status(self) -> list[str]:
        return [r["status"] for r in self.rows]

    def to_pandas(self) -> Any:
        import pandas as pd

        records = []
        for r in self.rows:
            t = r["target"]
            obs = r["observation"]
            m = r["metrics"]
            region = self._regions.get(t.region_code) if t.region_code in self._regions else None
            ind = self._indicators[t.indicator] if t.indicator in self._indicators else None
            span = t.span
            records.append({
                "region_code": t.region_code,
                "region_zh": region.name_zh if region else "",
                "indicator": t.indicator,
                "indicator_zh": ind.name_zh if ind else "",
                "period": str(t.period),
                "kind": t.kind,
                "value": t.value,
                "unit": str(t.unit),
                "qualifier": t.qualifier,
                "comparator": t.comparator,
                "base_value": t.base_value,
                "base_unit": str(t.base_unit) if t.base_value is not None else None,
                "base_period": str(t.base_period) if t.base_period is not None else None,
                "implied_level": m.get("implied_level"),
                "required_growth_pct": m.get("required_growth_pct"),
                "observed_period": str(obs.period) if obs is not None else None,
                "observed_value": obs.value if obs is not None else None,
                "observed_unit": str(obs.unit) if obs is not None else None,
                "time_progress_pct": m.get("time_progress_pct"),
                "completion_pct": m.get("completion_pct"),
                "gap_pp": m.get("gap_pp"),
                "required_rest_growth_pct": m.get("required_rest_growth_pct"),
                "achieved": None if "achieved" not in m else bool(m["achieved"]),
                "status": r["status"],
                "colour": r["colour"],
                "notes": "; ".join(r["notes"]),
                "doc": t.doc,
                "span_start": span[0] if span else None,
                "span_end": span[1] if span else None,
            })
        frame = pd.DataFrame.from_records(records, columns=list(_COLUMNS))
        for col in ("base_value", "implied_level", "required_growth_pct", "observed_value", "time_progress_pct",
                    "completion_pct", "gap_pp", "required_rest_growth_pct"):
            frame[col] = frame[col].astype("float64")
        for col in ("span_start", "span_end"):
            frame[col] = frame[col].astype("Int64")
        return frame


def _as_list(x: Any) -> list[Any]:
    if x is None:
        return []
    if isinstance(x, (str, int, _core.Period)) or not isinstance(x, Iterable):
        return [x]
    return list(x)


def targets(dataset: Any, region: Any = None, period: Any = None, indicator: Any = None) -> list[Target]:
    """The targets stated in ``dataset`` (its ``target_*`` facts), each with the published level
    of the period before as its base where the dataset has one."""
    regions = dataset.regions
    codes = [regions[k].code for k in _as_list(region)]
    return list(_core.targets_from(dataset._impl, codes, [str(p) for p in _as_list(period)],
                                   [str(i) for i in _as_list(indicator)]))


def rule_table(rules: Union[str, RuleTable, Any]) -> RuleTable:
    """A rule table from a preset name, a RuleTable, a DataFrame with columns
    ``metric, op, threshold, label, colour`` or a list of such tuples."""
    if isinstance(rules, RuleTable):
        return rules
    if isinstance(rules, str):
        return RuleTable.preset(rules)
    if hasattr(rules, "itertuples"):
        missing = {"metric", "op", "threshold", "label"} - set(rules.columns)
        if missing:
            raise _core.InvalidInput(f"[regind.invalid_input.rule] rule DataFrame lacks column(s) {sorted(missing)}")
        rows = [(str(r.metric), str(r.op), float(r.threshold), str(r.label), str(getattr(r, "colour", "")))
                for r in rules.itertuples(index=False)]
        return RuleTable("<DataFrame>", rows)
    return RuleTable("<rules>", [tuple(r) for r in rules])


def track(targets: Iterable[Target], observations: Any, as_of: Any, *,
          rules: Union[str, RuleTable, Any] = "cn_time_progress") -> TargetReport:
    """Tracks targets against the observations of a Dataset as of a period.

    For each target, the latest cumulative observation of its year up to ``as_of`` (1–m月,
    first half, first quarter or the whole year) gives completion (完成率), time progress
    (时序进度), the gap in percentage points, the growth needed in the rest of the year
    (REFERENCE-METHODS A5) and a status and colour from the rule table (first match wins).
    Targets without observations get status ``no_data`` with a note; none is invented."""
    table = rule_table(rules)
    rows, text = _core.track(list(targets), observations._impl, str(as_of), table)
    return TargetReport(list(rows), text, str(_core.Period(str(as_of))), table.name, observations.regions,
                        observations.indicators)


__all__ = ["RULE_PRESETS", "RuleTable", "Target", "TargetReport", "rule_table", "targets", "track"]
