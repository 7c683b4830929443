# SPDX-License-Identifier: MIT
"""Project life cycle (REFERENCE-METHODS G5). Expected values are hand counts written here."""
from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import regind
from regind import projects

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    """The environment with PYTHONPATH made absolute (the examples run from tests/)."""
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep) if p)
    return env


@pytest.fixture()
def four() -> pd.DataFrame:
    return pd.DataFrame({
        # 0: signed, start planned 2022-03-01, not started → 未开工, 121 days, red.
        # 1: started, completion planned 2022-06-01 → 未竣工, 29 days, yellow.
        # 2: started, completion planned 2022-12-31 → 0 days, green; completed after as_of.
        # 3: every stage reached → 已达产.
        "actual_sign": ["2022-01-10", "2021-05-01", "2021-05-01", "2016-01-01"],
        "planned_start": ["2022-03-01", None, None, None],
        "actual_start": [None, "2021-08-01", "2021-08-01", "2017-01-01"],
        "planned_complete": [None, "2022-06-01", "2022-12-31", None],
        "actual_complete": [None, None, "2022-07-15", "2018-01-01"],
        "actual_production": [None, None, None, "2019-01-01"],
        "actual_above_size": [None, None, None, "2020-01-01"],
        "actual_full_output": [None, None, None, "2021-01-01"],
        "region": ["长兴", "长兴", "德清", "德清"],
    }, index=["P0", "P1", "P2", "P3"])


def test_status_by_hand(four):
    s = projects.status(four, as_of="2022-06-30")
    assert s["stage"].tolist() == ["sign", "start", "start", "full_output"]
    assert s["stage_zh"].tolist() == ["签约", "开工", "开工", "达产"]
    # March 31 + April 30 + May 31 + June 29 = 121; June 1 → 30 = 29.
    assert s["days_overdue"][:3].tolist() == [121, 29, 0]
    assert math.isnan(s["days_overdue"]["P3"])
    assert s["wuwei"].tolist()[:2] == ["未开工", "未竣工"]
    assert s["wuwei"].isna().tolist() == [False, False, True, True]
    assert s["light"].tolist() == ["严重滞后", "滞后", "正常", "已达产"]
    assert s["colour"].tolist() == ["red", "yellow", "green", "green"]
    assert list(s.index) == ["P0", "P1", "P2", "P3"]


def test_replaceable_rule_table(four):
    mine = regind.RuleTable("mine", [("overdue_start", ">", 100, "开工滞后", "red"),
                                     ("days_overdue", ">", 20, "滞后", "orange"),
                                     ("*", "*", 0, "ok", "green")])
    s = projects.status(four, as_of="2022-06-30", rules=mine)
    assert s["light"].tolist() == ["开工滞后", "滞后", "ok", "ok"]
    assert s["colour"].iloc[1] == "orange"


def test_rates_105_of_126_is_83_3_percent():
    n = 130
    frame = pd.DataFrame({
        "planned_start": ["2017-03-01"] * 126 + ["2017-09-01"] * 4,
        "actual_start": ["2017-04-01"] * 105 + [None] * 25,
        "planned_amount": [100.0] * 10 + [np.nan] * (n - 10),
        "invested": [50.0] * 6 + [40.0] * 4 + [np.nan] * (n - 10),
        "region": "湖州",
    })
    r = projects.rates(frame, as_of="2017-06-30")
    row = r.loc["湖州"]
    assert (row["planned_start"], row["started"]) == (126, 105)
    assert round(row["start_rate_pct"], 1) == 83.3
    assert math.isnan(row["complete_rate_pct"])
    # Time progress: 181 of 365 days = 49.59 %; 6 of 10 invested 50 % ≥ that; completion 460 / 1000.
    assert row["time_progress_pct"] == pytest.approx(100 * 181 / 365)
    assert row["investment_completion_pct"] == pytest.approx(46.0)
    assert row["ahead_of_time_progress"] == 6
    assert row["ahead_share_pct"] == pytest.approx(60.0)
    # The 21 not started are 121 days past their planned start: red.
    assert row["light_严重滞后"] == 21
    assert row[[c for c in r.columns if c.startswith("light_")]].sum() == 130
    whole = projects.rates(frame, as_of="2017-06-30", by=None)
    assert whole.index.tolist() == ["all"]
    # A window from 2017-04-01 leaves the March plans out.
    assert projects.rates(frame, as_of="2017-06-30", start="2017-04-01").loc["湖州", "planned_start"] == 0


def test_rates_by_region(four):
    r = projects.rates(four, as_of="2022-06-30", by="region")
    assert r.index.tolist() == ["德清", "长兴"]
    assert r.loc["长兴", "planned_start"] == 1 and r.loc["长兴", "started"] == 0
    assert r.loc["长兴", "planned_complete"] == 1 and r.loc["长兴", "completed"] == 0
    assert r.loc["长兴", "light_严重滞后"] == 1 and r.loc["德清", "light_已达产"] == 1


def test_project_errors(four):
    bad = four.copy()
    bad.loc["P1", "actual_start"] = "2021-04-01"
    with pytest.raises(regind.InvalidInput,
                       match="project 1: actual 开工 date 2021-04-01 is before actual 签约 date 2021-05-01"):
        projects.status(bad, as_of="2022-06-30")
    bad = four.assign(planned_production="2022-01-01")
    with pytest.raises(ValueError, match="project 0: planned 投产 date 2022-01-01 is before planned 开工 date 2022-03-01"):
        projects.status(bad, as_of="2022-06-30")
    with pytest.raises(ValueError, match="as_of 'soon' is not a date"):
        projects.status(four, as_of="soon")
    with pytest.raises(ValueError, match="as_of is missing"):
        projects.status(four, as_of=None)
    with pytest.raises(KeyError, match="no date column"):
        projects.status(pd.DataFrame({"region": ["x"]}), as_of="2022-06-30")
    with pytest.raises(ValueError, match=r"column 'actual_start', row 1 \(label 'P0'\): 'tomorrow-ish' is not a date"):
        projects.status(four.assign(actual_start="tomorrow-ish"), as_of="2022-06-30")
    with pytest.raises(ValueError, match="window start 2022-07-01"):
        projects.rates(four, as_of="2022-06-30", start="2022-07-01")
    with pytest.raises(KeyError, match="unknown group column 'county'"):
        projects.rates(four, as_of="2022-06-30", by="county")
    with pytest.raises(ValueError, match="column 'invested' is not numeric"):
        projects.rates(four.assign(invested="lots"), as_of="2022-06-30")


def test_project_warnings_example():
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "project_warnings.py")],
                          capture_output=True, text=True, check=True, cwd=ROOT / "tests", env=_env())
    out = done.stdout
    assert "SYNTHETIC project list: 60 projects" in out
    assert "lights: " in out and "五未: " in out
    assert "per county: 开工率" in out
    assert "开工率" in out and "时序进度" in out
