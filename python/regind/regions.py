# SPDX-License-Identifier: MIT
"""Regions and registries: the built-in Zhejiang tree, and registries of your own."""
from __future__ import annotations

from typing import Any

from ._core import InvalidInput, Region, RegionRegistry, zhejiang_regions

REGION_COLUMNS = ("code", "name_zh", "short_name", "name_en", "level", "parent_code")


def zhejiang() -> RegionRegistry:
    """Zhejiang province (330000), its 11 cities and its 90 county-level divisions.

    Returns a fresh copy, so adding regions to it never changes the built-in tree.
    """
    return zhejiang_regions()


def read_csv(path: str) -> RegionRegistry:
    """Reads ``code,name_zh,short_name,name_en,level,parent_code`` CSV (parents first)."""
    return RegionRegistry.read_csv(str(path))


def from_pandas(frame: Any) -> RegionRegistry:
    """Builds a registry from a DataFrame with the columns of :data:`REGION_COLUMNS`
    (``short_name``, ``name_en`` and ``parent_code`` optional). Rows must list parents first.
    Errors name the DataFrame row."""
    missing = [c for c in ("code", "name_zh", "level") if c not in frame.columns]
    if missing:
        raise ValueError(
            f"[regind.invalid_input.table] DataFrame lacks column(s) {missing}; "
            f"expected {list(REGION_COLUMNS)}"
        )
    registry = RegionRegistry()
    for position, row in enumerate(frame.itertuples(index=False)):
        values = row._asdict()
        parent = values.get("parent_code")
        try:
            parent_code = None if parent is None or _is_missing(parent) or parent == "" else int(parent)
            registry.add(
                Region(
                    int(values["code"]),
                    str(values["name_zh"]),
                    short_name=str(values.get("short_name") or ""),
                    name_en=str(values.get("name_en") or ""),
                    level=str(values["level"]),
                    parent=parent_code,
                )
            )
        except (ValueError, TypeError) as exc:
            raise InvalidInput(f"[regind.invalid_input.table] DataFrame row {position}: {exc}") from exc
    return registry


def _is_missing(value: Any) -> bool:
    try:
        return bool(value != value)  # NaN
    except Exception:  # pragma: no cover - exotic objects
        return False


__all__ = ["REGION_COLUMNS", "Region", "RegionRegistry", "from_pandas", "read_csv", "zhejiang"]
