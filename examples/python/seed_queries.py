# SPDX-License-Identifier: MIT
"""The seed dataset from Python: the registry, queries with provenance, and a panel."""
from __future__ import annotations

import regind


def main() -> None:
    reg = regind.regions.zhejiang()
    facts = regind.datasets.seed_facts()
    print(f"regind {regind.__version__}: {len(facts)} seed facts")

    huzhou = reg["湖州"]
    print(f"{huzhou.name_zh} ({huzhou.name_en}, {huzhou.code}) has {len(reg.children(huzhou))} county-level "
          f"divisions: {', '.join(r.short_name for r in reg.children(huzhou))}")

    # Every 2021 rank of Huzhou among Zhejiang's 11 cities, with where it was written.
    ranks = facts.query(region="湖州", period="2021", measure=["rank", "growth_rank"],
                        comparator="zhejiang_cities").to_pandas()
    print(f"\nHuzhou 2021: {len(ranks)} ranks among Zhejiang's cities, e.g.")
    print(ranks[["indicator_zh", "measure", "value", "doc", "span_start", "span_end"]].head(8).to_string(index=False))

    # Value added of industry above designated size, regions × periods.
    panel = facts.panel("va_industry", "level")
    print(f"\nva_industry level ({panel.unit}):")
    print(panel.to_pandas().rename(index=lambda c: reg[c].name_en).to_string())


if __name__ == "__main__":
    main()
