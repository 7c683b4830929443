# SPDX-License-Identifier: MIT
"""目标分解: Jiaxing's 2022 goal for value added of industry above designated size (规上工业增加值
增长 8 % 以上, from the seed data) split among its 7 county-level divisions.

THE COUNTY BASES AND WEIGHTS BELOW ARE SYNTHETIC: invented numbers that add up to the city's
published 2021 level (2594.5 亿元), for illustration only. They are not data of any county.
"""
from __future__ import annotations

import pandas as pd

import regind
from regind.decompose import decompose

# SYNTHETIC 2021 bases, 亿元 (invented; they add up to Jiaxing's published 2594.5).
SYNTHETIC_BASES = {"南湖": 250.0, "秀洲": 300.0, "嘉善": 330.0, "海盐": 260.0, "海宁": 480.0, "平湖": 420.0,
                   "桐乡": 554.5}
# SYNTHETIC weights for splitting the increment (e.g. a bureau's judgement of new capacity).
SYNTHETIC_WEIGHTS = {"南湖": 1.0, "秀洲": 1.0, "嘉善": 1.5, "海盐": 1.0, "海宁": 2.0, "平湖": 1.5, "桐乡": 2.0}


def width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def show(split: pd.DataFrame, title: str) -> None:
    print(f"\n{title}")
    header = ("county", "base 2021 (亿元)", "target 2022 (亿元)", "required growth")
    rows = [(str(r["child"]), f"{r['base']:.1f}", f"{r['target']:.1f}", f"{100 * r['required_growth']:.2f}%")
            for r in split.to_dict("records")]
    cols = [max(width(str(x[i])) for x in (header, *rows)) for i in range(len(header))]
    for i, line in enumerate((header, *rows)):
        print("  ".join(str(c) + " " * (w - width(str(c))) if j == 0 else " " * (w - width(str(c))) + str(c)
                        for j, (c, w) in enumerate(zip(line, cols))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in cols))
    a = split.attrs
    print(f"sum of county targets: {split['target'].sum():.1f} 亿元 "
          f"(city target {a['parent_base']:.1f} × {1 + a['parent_growth']:.2f} = {a['parent_target']:.2f}; "
          f"rounding residue {a['rounding_residue']:+.2f})")
    print(f"children's growth Σ s_i·g_i = {100 * a['children_growth']:.2f}% (city goal {100 * a['parent_growth']:.2f}%; "
          "from the rounded targets)")


def main() -> None:
    reg = regind.regions.zhejiang()
    facts = regind.datasets.seed_facts()
    goal = next(t for t in facts.targets(region="嘉兴", period="2022", indicator="va_industry")
                if t.kind == "growth_at_least")
    g = goal.unit.convert(goal.value, regind.Unit("倍"))  # 8 % → 0.08
    print(f"City goal (seed data, {goal.doc} at {goal.span}): {reg['嘉兴'].name_zh} {goal.period} "
          f"va_industry growth >= {goal.value:g}{goal.unit} on the {goal.base_period} base of "
          f"{goal.base_value} {goal.base_unit}")
    print("THE COUNTY BASES AND WEIGHTS ARE SYNTHETIC (invented, adding up to the city's 2021 level); "
          "not data.")

    counties = [r.short_name for r in reg.children("嘉兴")]
    bases = [SYNTHETIC_BASES[c] for c in counties]
    show(decompose(g, counties, bases, method="equal_growth", kind="growth", parent_base=goal.base_value,
                   decimals=1),
         "1. Equal growth: every county +8 % on its SYNTHETIC base (targets rounded to 0.1, sum kept)")
    show(decompose(g, counties, bases, method="weights", weights=[SYNTHETIC_WEIGHTS[c] for c in counties],
                   kind="growth", parent_base=goal.base_value, decimals=1),
         "2. Weights: the city's increment split by SYNTHETIC weights")


if __name__ == "__main__":
    main()
