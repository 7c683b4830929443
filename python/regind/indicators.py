# SPDX-License-Identifier: MIT
"""Indicators, units and periods."""
from __future__ import annotations

from ._core import Indicator, IndicatorCatalogue, Period, Unit, builtin_indicators


def builtin() -> IndicatorCatalogue:
    """A copy of the built-in catalogue: every indicator of the seed documents."""
    return builtin_indicators()


def read_csv(path: str) -> IndicatorCatalogue:
    """Reads ``code,name_zh,name_en,unit,direction,price_basis`` CSV."""
    return IndicatorCatalogue.read_csv(str(path))


__all__ = ["Indicator", "IndicatorCatalogue", "Period", "Unit", "builtin", "read_csv"]
