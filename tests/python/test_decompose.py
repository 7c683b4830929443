# SPDX-License-Identifier: MIT
"""regind.decompose: target decomposition and monthly schedules; the target_split example.
Expected values are hand arithmetic written here."""
from __future__ import annotations

import math
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import regind
from regind.decompose import COLUMNS, SCHEDULE_COLUMNS, decompose, monthly_schedule

ROOT = Path(__file__).resolve().parents[2]
HUZHOU = ["吴兴", "南浔", "德清", "长兴", "安吉"]


def test_proportional_level_split_adds_up():
    # 970 亿元 split among three children with bases 300, 200 and 383.4 (Σ 883.4).
    kids = ["吴兴", "南浔", "德清"]
    d = decompose(970.0, kids, [300.0, 200.0, 383.4])
    assert tuple(d.columns) == COLUMNS
    assert d.child.tolist() == kids
    assert d.region_code.tolist() == [330502, 330503, 330521]
    assert d.region_zh.tolist() == ["吴兴区", "南浔区", "德清县"]
    assert d.target.tolist() == pytest.approx([970 * 300 / 883.4, 970 * 200 / 883.4, 970 * 383.4 / 883.4], rel=1e-12)
    assert math.fsum(d.target) == pytest.approx(970.0, rel=1e-15)
    assert d.required_growth.tolist() == pytest.approx([970 / 883.4 - 1] * 3, rel=1e-12)
    assert d.base_share.tolist() == pytest.approx([300 / 883.4, 200 / 883.4, 383.4 / 883.4], rel=1e-12)
    assert d.increment.iloc[0] == pytest.approx(970 * 300 / 883.4 - 300, rel=1e-12)
    assert d.attrs["parent_target"] == 970.0
    assert d.attrs["parent_base"] == pytest.approx(883.4)
    assert d.attrs["children_growth"] == pytest.approx(970 / 883.4 - 1, rel=1e-12)
    assert d.attrs["method"] == "proportional" and d.attrs["kind"] == "level"
    # Equal growth is the same split for a level target.
    e = decompose(970.0, kids, [300.0, 200.0, 383.4], method="equal_growth")
    assert e.target.tolist() == pytest.approx(d.target.tolist(), rel=1e-12)


def test_equal_growth_reproduces_the_parent_growth():
    # +8 % on bases 1000, 500, 250: parent growth Σ s_i g_i = 8 % (A9).
    d = decompose(0.08, [330502, 330503, 330521], [1000, 500, 250], method="equal_growth", kind="growth")
    assert d.target.tolist() == pytest.approx([1080.0, 540.0, 270.0], rel=1e-12)
    assert d.required_growth.tolist() == pytest.approx([0.08] * 3, rel=1e-12)
    shares = np.array([1000, 500, 250]) / 1750
    assert d.attrs["children_growth"] == pytest.approx(float(shares @ np.full(3, 0.08)), rel=1e-12)
    assert d.attrs["children_target"] == pytest.approx(1750 * 1.08, rel=1e-12)
    # A parent base above the children's: proportional gives the children the whole target,
    # equal growth the parent's growth.
    p = decompose(0.08, HUZHOU[:3], [1000, 500, 250], kind="growth", parent_base=2000)
    assert p.attrs["parent_target"] == pytest.approx(2160.0)
    assert math.fsum(p.target) == pytest.approx(2160.0, rel=1e-15)
    assert p.required_growth.tolist() == pytest.approx([2160 / 1750 - 1] * 3, rel=1e-12)
    q = decompose(0.08, HUZHOU[:3], [1000, 500, 250], method="equal_growth", kind="growth", parent_base=2000)
    assert math.fsum(q.target) == pytest.approx(1890.0)
    assert q.attrs["parent_growth"] == pytest.approx(0.08)


def test_weights_split_the_increment():
    reg = regind.regions.zhejiang()
    d = decompose(1100.0, [reg["吴兴"], reg["南浔"]], [400.0, 600.0], method="weights", weights=[3, 1])
    assert d.child.tolist() == ["吴兴", "南浔"]
    assert d.target.tolist() == pytest.approx([475.0, 625.0], rel=1e-12)  # increment 100 → 75 / 25
    assert d.required_growth.tolist() == pytest.approx([75 / 400, 25 / 600], rel=1e-12)
    assert d.attrs["children_growth"] == pytest.approx(0.4 * 75 / 400 + 0.6 * 25 / 600, rel=1e-12)  # 0.1


def test_decimals_keep_the_sum():
    d = decompose(100.0, HUZHOU[:3], [1.0, 1.0, 1.0], decimals=1)
    assert d.target.tolist() == pytest.approx([33.4, 33.3, 33.3], rel=1e-12)
    assert round(d.target.sum() * 10) == 1000
    assert d.target_unrounded.tolist() == pytest.approx([100 / 3] * 3, rel=1e-12)
    assert d.required_growth.iloc[0] == pytest.approx(32.4, rel=1e-12)  # 33.4 / 1 − 1
    # 100.04 kept to one decimal: the rounded targets add up to 100.0, residue −0.04.
    u = decompose(100.04, HUZHOU[:2], [1.0, 1.0], decimals=1)
    assert u.target.tolist() == pytest.approx([50.0, 50.0])
    assert u.attrs["rounding_residue"] == pytest.approx(-0.04, rel=1e-9)
    # 10 on 3 : 3 : 1 to whole numbers: 4.29, 4.29, 1.43 → 4, 4, 2 (largest remainder).
    w = decompose(10.0, HUZHOU[:3], [3.0, 3.0, 1.0], decimals=0)
    assert w.target.tolist() == [4.0, 4.0, 2.0]


def test_decompose_errors():
    with pytest.raises(ValueError, match=r"base 0 \(index 1\)"):
        decompose(10.0, HUZHOU[:2], [1.0, 0.0])
    with pytest.raises(ValueError, match="every base must be"):
        decompose(10.0, HUZHOU[:2], [1.0, -2.0])
    with pytest.raises(ValueError, match="sum to a positive number"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], method="weights", weights=[0, 0])
    with pytest.raises(ValueError, match=r"weight -1 \(index 0\)"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], method="weights", weights=[-1, 2])
    with pytest.raises(ValueError, match="bases has 2, weights has 3"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], method="weights", weights=[1, 1, 1])
    with pytest.raises(ValueError, match="children has 3 and bases has 2"):
        decompose(10.0, HUZHOU[:3], [1.0, 2.0])
    with pytest.raises(ValueError, match="needs weights"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], method="weights")
    with pytest.raises(ValueError, match="use method 'weights'"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], weights=[1, 1])
    with pytest.raises(ValueError, match="unknown method 'equal'"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], method="equal")
    with pytest.raises(ValueError, match="unknown kind 'amount'"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], kind="amount")
    with pytest.raises(ValueError, match="a growth target must be"):
        decompose(-1.5, HUZHOU[:2], [1.0, 2.0], kind="growth")
    with pytest.raises(ValueError, match="a level target must be > 0"):
        decompose(0.0, HUZHOU[:2], [1.0, 2.0])
    with pytest.raises(ValueError, match="parent_base must be > 0"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], parent_base=-5)
    with pytest.raises(ValueError, match="decimals must be 0..12"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], decimals=13)
    with pytest.raises(ValueError, match="decimals must be an int"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], decimals=True)
    with pytest.raises(ValueError, match="decimals must be an int"):
        decompose(10.0, HUZHOU[:2], [1.0, 2.0], decimals=1.5)
    with pytest.raises(ValueError, match="must be one-dimensional"):
        decompose(10.0, HUZHOU[:2], [[1.0, 2.0]])
    with pytest.raises(ValueError, match="is given twice"):
        decompose(10.0, ["吴兴", 330502], [1.0, 2.0])
    with pytest.raises(KeyError):
        decompose(10.0, ["吴兴", "Nowhere"], [1.0, 2.0])
    with pytest.raises(ValueError, match="needs at least one child"):
        decompose(10.0, [], [])


PAST = [[0.12, 0.20, 0.28, 0.36, 0.45, 0.53, 0.61, 0.70, 0.79, 0.89, 1.0],
        [0.14, 0.22, 0.30, 0.38, 0.47, 0.55, 0.63, 0.72, 0.81, 0.90, 1.0]]


def test_monthly_schedule_from_past_shares():
    s = monthly_schedule(970.0, PAST, year=2022)
    assert tuple(s.columns) == SCHEDULE_COLUMNS
    assert s.month.tolist() == list(range(2, 13))
    assert s.label.iloc[0] == "1–2月" and s.label.iloc[-1] == "1–12月"
    assert s.period.iloc[0] == "2022-01..02" and s.period.iloc[-1] == "2022-01..12"
    mean = [0.13, 0.21, 0.29, 0.37, 0.46, 0.54, 0.62, 0.71, 0.80, 0.895, 1.0]
    assert s.cumulative_share.tolist() == pytest.approx(mean, rel=1e-12)
    assert s.cumulative_target.tolist() == pytest.approx([970 * m for m in mean], rel=1e-12)
    assert s.cumulative_target.iloc[-1] == 970.0
    assert s.monthly_target.iloc[0] == pytest.approx(126.1, rel=1e-12)  # the 1–2月 block, 970 · 0.13
    assert s.monthly_target.iloc[1] == pytest.approx(203.7 - 126.1, rel=1e-9)
    assert s.monthly_target.iloc[-1] == pytest.approx(970 - 868.15, rel=1e-9)
    assert s.time_progress.tolist() == pytest.approx([m / 12 for m in range(2, 13)], rel=1e-12)
    one_year = monthly_schedule(100.0, PAST[0])
    assert "period" not in one_year.columns
    assert one_year.cumulative_target.tolist() == pytest.approx([100 * x for x in PAST[0]], rel=1e-12)


def test_monthly_schedule_errors():
    bad = list(PAST[0])
    bad[3] = 0.27
    with pytest.raises(ValueError, match="must increase month by month, but month 5"):
        monthly_schedule(1.0, bad)
    end = list(PAST[0])
    end[-1] = 0.98
    with pytest.raises(ValueError, match="must be 1"):
        monthly_schedule(1.0, end)
    with pytest.raises(ValueError, match="needs 11 cumulative shares"):
        monthly_schedule(1.0, PAST[0][:10])
    with pytest.raises(ValueError, match="finite number > 0"):
        monthly_schedule(1.0, [0.0] + PAST[0][1:])
    with pytest.raises(ValueError, match="got shape"):
        monthly_schedule(1.0, [PAST])
    with pytest.raises(ValueError, match="annual target must be a finite"):
        monthly_schedule(float("nan"), PAST)


def test_target_split_example_adds_up():
    # The subprocess imports the regind this test imports (a relative PYTHONPATH would not
    # survive the change of directory).
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(regind.__file__).resolve().parents[1]),
                                         *filter(None, [env.get("PYTHONPATH")])])
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "target_split.py")],
                          capture_output=True, text=True, check=True, cwd=ROOT / "tests", env=env)
    out = done.stdout
    assert "SYNTHETIC" in out
    assert "va_industry growth >= 8% on the 2021 base of 2594.5 亿元" in out
    counties = [r.short_name for r in regind.regions.zhejiang().children("嘉兴")]
    assert len(counties) == 7
    for block in out.split("\n\n")[1:]:
        rows = [line.split() for line in block.splitlines() if line.split() and line.split()[0] in counties]
        assert [r[0] for r in rows] == counties
        bases = [float(r[1]) for r in rows]
        targets = [float(r[2]) for r in rows]
        assert math.fsum(bases) == pytest.approx(2594.5)
        # The county targets, to 0.1, add up to 2594.5 × 1.08 = 2802.06 rounded to 0.1.
        assert round(math.fsum(targets), 1) == 2802.1
        stated = re.search(r"sum of county targets: ([\d.]+) 亿元", block)
        assert stated and float(stated.group(1)) == 2802.1
        assert "Σ s_i·g_i = 8.00%" in block  # (2802.1 − 2594.5) / 2594.5 = 8.0015 %
    equal = out.split("\n\n")[1]
    assert [line.split()[3] for line in equal.splitlines() if line.split() and line.split()[0] in counties] == \
        ["8.00%"] * 6 + ["8.01%"]  # 桐乡: 554.5 × 1.08 = 598.86, rounded up to 598.9: 598.9 / 554.5 − 1
