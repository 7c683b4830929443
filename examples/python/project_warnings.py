# SPDX-License-Identifier: MIT
"""Project warnings (亮灯预警) for a SYNTHETIC project list (REFERENCE-METHODS G5).

Sixty made-up projects (seeded random numbers, not real projects) in three counties, each with
planned and actual dates for 签约, 开工, 竣工, 投产 and an annual investment plan, assessed as of
2022-06-30: stage, 五未 class, days overdue and a light from a replaceable rule table, then the
rates per county.

Run: python examples/python/project_warnings.py
"""
from __future__ import annotations

import numpy as np
import pandas as pd

import regind
import regind.projects


def synthetic_projects(n: int = 60, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    signed = pd.Timestamp("2021-06-01") + pd.to_timedelta(rng.integers(0, 240, n), unit="D")
    start_plan = signed + pd.to_timedelta(rng.integers(60, 200, n), unit="D")
    start_late = pd.to_timedelta(rng.integers(-20, 160, n), unit="D")
    actual_start = start_plan + start_late
    complete_plan = start_plan + pd.to_timedelta(rng.integers(200, 400, n), unit="D")
    as_of = pd.Timestamp("2022-06-30")
    actual_start = pd.DatetimeIndex(actual_start.where(actual_start <= as_of))
    plan = rng.uniform(2000, 20000, n).round(0)
    return pd.DataFrame({
        "project": [f"SYN-P{i:02d}" for i in range(n)],
        "region": rng.choice(["长兴县", "德清县", "安吉县"], n),
        "industry": rng.choice(["新能源", "生物医药", "高端装备"], n),
        "planned_sign": signed,
        "actual_sign": signed,
        "planned_start": start_plan,
        "actual_start": actual_start,
        "planned_complete": complete_plan,
        "planned_amount": plan,
        "invested": (plan * rng.uniform(0.1, 0.9, n)).round(0),
    }).set_index("project")


def main() -> None:
    projects = synthetic_projects()
    print("SYNTHETIC project list: 60 projects (seeded random numbers, not real projects)")
    status = regind.projects.status(projects, as_of="2022-06-30")
    print("lights: " + ", ".join(f"{k} {v}" for k, v in status["light"].value_counts().sort_index().items()))
    print("五未: " + ", ".join(f"{k} {v}" for k, v in status["wuwei"].value_counts().sort_index().items()))
    worst = status.sort_values("days_overdue", ascending=False).head(3)
    for name, row in worst.iterrows():
        print(f"  {name}  {projects.loc[name, 'region']}  {row['wuwei']}  {row['days_overdue']:.0f} days  {row['light']}")
    # A stricter, replaceable rule table: starts overdue more than 60 days are red.
    strict = regind.RuleTable("strict", [("overdue_start", ">", 60, "开工滞后", "red"),
                                         ("days_overdue", ">", 0, "滞后", "yellow"),
                                         ("*", "*", 0, "正常", "green")])
    strict_status = regind.projects.status(projects, as_of="2022-06-30", rules=strict)
    print(f"strict table: 开工滞后 {int((strict_status['light'] == '开工滞后').sum())}")
    rates = regind.projects.rates(projects, as_of="2022-06-30", by="region")
    print("per county: 开工率, investment completion, time progress, 超时序进度")
    for region, row in rates.iterrows():
        print(f"  {region}  开工率 {row['start_rate_pct']:.1f}% ({int(row['started'])}/{int(row['planned_start'])})  "
              f"投资完成 {row['investment_completion_pct']:.1f}%  时序进度 {row['time_progress_pct']:.1f}%  "
              f"超时序 {int(row['ahead_of_time_progress'])}/{int(row['projects'])}")


if __name__ == "__main__":
    main()
