# SPDX-License-Identifier: MIT
"""Plain-text forms for IPython's ``_repr_pretty_``: the precise ``repr`` followed by a short
table, so a terminal session shows as much as a notebook's HTML does."""
from __future__ import annotations

from typing import Any, Callable


def _frame_text(frame: Any, max_rows: int = 20) -> str:
    import pandas as pd

    with pd.option_context("display.max_rows", max_rows, "display.max_columns", 12, "display.width", 120):
        return str(frame.head(max_rows).to_string()) + (f"\n… and {len(frame) - max_rows} more rows"
                                                        if len(frame) > max_rows else "")


def region_text(region: Any) -> str:
    return repr(region)


def registry_text(registry: Any, max_rows: int = 15) -> str:
    regions = list(registry)
    lines = [repr(registry)] + [f"  {r.code}  {r.name_zh}  {r.level}" for r in regions[:max_rows]]
    if len(regions) > max_rows:
        lines.append(f"  … and {len(regions) - max_rows} more regions")
    return "\n".join(lines)


def dataset_text(dataset: Any, max_rows: int = 20) -> str:
    cols = ["region_zh", "period", "indicator", "measure", "value", "unit", "doc", "span_start"]
    return repr(dataset) + "\n" + _frame_text(dataset.to_pandas()[cols], max_rows)


def target_report_text(report: Any) -> str:
    return repr(report) + "\n" + str(report).rstrip()


def projection_text(projection: Any) -> str:
    return repr(projection) + "\n" + _frame_text(projection.to_pandas())


def composite_text(ci: Any) -> str:
    if not ci.has("Aggregated"):
        return repr(ci)
    return repr(ci) + "\n" + _frame_text(ci.results("Summ"), 15)


def uncertainty_text(result: Any) -> str:
    return repr(result) + "\n" + _frame_text(result.to_pandas())


def pretty(printer: Any, cycle: bool, obj: Any, text: Callable[[Any], str]) -> None:
    """Writes ``text(obj)`` to an IPython pretty printer (just the repr inside a cycle)."""
    printer.text(repr(obj) if cycle else text(obj))


__all__ = ["composite_text", "dataset_text", "pretty", "projection_text", "region_text", "registry_text",
           "target_report_text", "uncertainty_text"]
