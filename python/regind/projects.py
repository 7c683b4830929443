# SPDX-License-Identifier: MIT
"""Project life cycle (项目全生命周期管理, REFERENCE-METHODS G5).

A project table has one row per project and, for each stage 签约 → 开工 → 竣工 → 投产 → 上规 →
达产 (codes ``sign``, ``start``, ``complete``, ``production``, ``above_size``, ``full_output``),
the columns ``planned_<code>`` and ``actual_<code>`` (dates; absent columns mean no dates), plus
``planned_amount`` (the annual investment plan) and ``invested`` (invested so far this year).

:func:`status` gives each project's stage, the stage it is overdue at, the days overdue, its
"五未" class and a traffic light from a replaceable :class:`regind.RuleTable` (metrics
``days_overdue``, ``stage``, ``next_stage``, ``done``, ``invest_ratio`` and ``overdue_<code>``).
:func:`rates` gives 开工率, 竣工率, 投产率, investment completion, time progress (超时序进度) and
the count of each light, per group.

>>> import pandas as pd, regind
>>> p = pd.DataFrame({"planned_start": ["2022-03-01"], "actual_start": [None]})
>>> regind.projects.status(p, as_of="2022-06-30")[["wuwei", "days_overdue", "light"]].iloc[0].tolist()
['未开工', 121.0, '严重滞后']
"""
from __future__ import annotations

import warnings
from typing import Any, Optional

import numpy as np

from . import _core
from .evaluation import _codes

#: Stage codes in order, and their Chinese names.
STAGES: tuple[str, ...] = ("sign", "start", "complete", "production", "above_size", "full_output")
STAGES_ZH: tuple[str, ...] = ("签约", "开工", "竣工", "投产", "上规", "达产")
#: "五未" classes by the stage a project is overdue at (未签约 is not one of the five).
WUWEI: tuple[str, ...] = ("未签约", "未开工", "未竣工", "未投产", "未上规", "未达产")

_EPOCH = np.datetime64("1970-01-01", "D")


def default_rules() -> Any:
    """The default warning table: 已达产 green, > 90 days overdue red (严重滞后), > 0 days yellow
    (滞后), otherwise green (正常). Illustrative local practice, not an official standard."""
    return _core.project_default_rules()


def _day(value: Any, what: str) -> float:
    import pandas as pd

    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise _core.InvalidInput(f"[regind.invalid_input.project_dates] {what} {value!r} is not a date") from exc
    if pd.isna(ts):
        raise _core.InvalidInput(f"[regind.invalid_input.project_dates] {what} is missing")
    return float((ts.normalize() - pd.Timestamp("1970-01-01")).days)


def _days(series: Any, name: str) -> np.ndarray:
    import pandas as pd

    try:
        with warnings.catch_warnings():
            # pandas warns when it cannot infer one format and parses element by element.
            warnings.simplefilter("ignore", UserWarning)
            ts = pd.to_datetime(series)
    except (TypeError, ValueError) as exc:
        where = _first_bad_date(series)  # pandas' own message names no row
        raise _core.InvalidInput(f"[regind.invalid_input.project_dates] column '{name}'{where or ' holds a value that'} "
                                 f"is not a date (expected e.g. 2022-06-30){'' if where else f': {exc}'}") from exc
    delta = ts.dt.normalize() - pd.Timestamp("1970-01-01")
    days: np.ndarray = delta.dt.days.to_numpy(dtype=np.float64, na_value=np.nan)
    return days


def _first_bad_date(series: Any) -> str:
    """", row R (label L): 'value'" for the first entry of the column that is not a date, or ""."""
    import pandas as pd

    values = pd.Series(series)
    for place, (label, value) in enumerate(values.items()):
        if pd.isna(value):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                pd.Timestamp(value)
        except (TypeError, ValueError):
            return f", row {place + 1} (label {label!r}): {value!r}"
    return ""


def _table(frame: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = len(frame)
    planned = np.full((n, 6), np.nan)
    actual = np.full((n, 6), np.nan)
    found = 0
    for s, code in enumerate(STAGES):
        for m, prefix in ((planned, "planned_"), (actual, "actual_")):
            col = prefix + code
            if col in frame.columns:
                m[:, s] = _days(frame[col], col)
                found += 1
    if found == 0:
        raise _core.UnknownKey("[regind.key_error.column] the project table has no date column; expected "
                               "planned_<stage> / actual_<stage> with stages " + ", ".join(STAGES))
    amounts = []
    for col in ("planned_amount", "invested"):
        if col in frame.columns:
            try:
                amounts.append(np.asarray(frame[col], dtype=np.float64))
            except (TypeError, ValueError) as exc:
                raise _core.InvalidInput(f"[regind.invalid_input.column] column '{col}' is not numeric") from exc
        else:
            amounts.append(np.full(n, np.nan))
    return planned, actual, amounts[0], amounts[1]


def status(frame: Any, as_of: Any, rules: Optional[Any] = None) -> Any:
    """Each project's ``stage`` (code, or ``not_signed``), ``stage_zh``, ``overdue_stage``,
    ``days_overdue`` (NaN when no later stage has a planned date), ``wuwei`` (五未 class or None),
    ``light`` and ``colour`` as of the date ``as_of``. Dates out of stage order raise
    :class:`regind.InvalidInput`."""
    import pandas as pd

    day = _day(as_of, "as_of")
    planned, actual, plan_amt, invested = _table(frame)
    r = _core.project_status(planned, actual, plan_amt, invested, day, rules if rules is not None else default_rules())
    stage = np.asarray(r["stage"])
    over = np.asarray(r["overdue_stage"])
    codes = np.array(["not_signed", *STAGES], dtype=object)
    zh = np.array(["未签约", *STAGES_ZH], dtype=object)
    wuwei = np.array([None, *WUWEI], dtype=object)
    light = np.asarray(r["light"])
    labels = np.array([None, *r["labels"]], dtype=object)
    colours = np.array([None, *r["colours"]], dtype=object)
    return pd.DataFrame({"stage": codes[stage + 1], "stage_zh": zh[stage + 1],
                         "overdue_stage": np.array([None, *STAGES], dtype=object)[over + 1],
                         "days_overdue": r["days_overdue"], "wuwei": wuwei[over + 1],
                         "light": labels[light + 1], "colour": colours[light + 1]}, index=frame.index)


def rates(frame: Any, as_of: Any, by: Optional[str] = "region", start: Any = None, rules: Optional[Any] = None) -> Any:
    """Rates per group of ``by`` (None: one row ``all``) over the window [``start``, ``as_of``]
    (``start`` defaults to 1 January of as_of's year).

    Columns: ``projects``; for 开工, 竣工, 投产 the number planned in the window, the number of
    those reached by as_of and the rate in percent (``start_rate_pct`` = 开工率 …);
    ``planned_amount``, ``invested``, ``investment_completion_pct`` (against the annual plan),
    ``time_progress_pct``, ``ahead_of_time_progress`` (projects with invested / plan ≥ time
    progress: 超时序进度), ``ahead_share_pct``, and ``light_<label>`` counts."""
    import pandas as pd

    day = _day(as_of, "as_of")
    first = _day(pd.Timestamp(as_of).replace(month=1, day=1) if start is None else start, "start")
    planned, actual, plan_amt, invested = _table(frame)
    if by is None:
        codes, uniques = np.zeros(len(frame)), ["all"]
    else:
        if by not in frame.columns:
            raise _core.UnknownKey(f"[regind.key_error.column] unknown group column '{by}'")
        codes, uniques = _codes(frame[by])
    r = _core.project_rates(planned, actual, plan_amt, invested, day, first,
                            rules if rules is not None else default_rules(), codes)
    out: dict[str, Any] = {"projects": r["projects"].astype(np.int64)}
    for s, name in ((1, "start"), (2, "complete"), (3, "production")):
        past = {"start": "started", "complete": "completed", "production": "in_production"}[name]
        out[f"planned_{name}"] = r["planned"][:, s].astype(np.int64)
        out[past] = r["reached"][:, s].astype(np.int64)
        out[f"{name}_rate_pct"] = 100 * r["rate"][:, s]
    out["planned_amount"] = r["planned_amount"]
    out["invested"] = r["invested"]
    out["investment_completion_pct"] = 100 * r["investment_completion"]
    out["time_progress_pct"] = np.full(len(r["groups"]), 100 * r["time_progress"])
    out["ahead_of_time_progress"] = r["ahead_of_time_progress"].astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["ahead_share_pct"] = 100 * r["ahead_of_time_progress"] / r["with_plan"]
    for k, label in enumerate(r["labels"]):
        out[f"light_{label}"] = r["light_counts"][:, k].astype(np.int64)
    index = pd.Index([uniques[int(g)] for g in r["groups"]], name=by or "group")
    return pd.DataFrame(out, index=index)


__all__ = ["STAGES", "STAGES_ZH", "WUWEI", "default_rules", "rates", "status"]
