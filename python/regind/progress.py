# SPDX-License-Identifier: MIT
"""Published progress methods (REFERENCE-METHODS B4–B6). Each returns a dict with the raw
``statistic``, the ``category``, the Open SDG ``score`` where defined, ``target_achieved``,
the ``inputs`` actually used and ``notes`` on substitutions."""
from __future__ import annotations

from typing import Any, Optional, Sequence

from . import _core


def eurostat_pace(base: float, current: float, target: float, *, t0: float, t: float, T: float,
                  direction: int = 1) -> dict[str, Any]:
    """Eurostat pace ratio CAGR_actual / CAGR_required: ≥ 0.95 significant progress, 0.60–0.95
    moderate, 0–0.60 insufficient, < 0 movement away."""
    return dict(_core.eurostat_pace(base, current, target, t0, t, T, direction))


def statcan_progress(base: float, current: float, target: Optional[float] = None, *, t0: float, t: float,
                     T: Optional[float] = None, direction: int = 1, limit: Optional[float] = None,
                     substitute_zero: bool = False) -> dict[str, Any]:
    """Statistics Canada / Open SDG progress measure and score (with or without a target; a
    natural ``limit`` scales the no-target thresholds). ``substitute_zero`` replaces a zero
    base or target by 0.001 as Open SDG does, and says so in the notes."""
    return dict(_core.statcan_progress(base, current, target, t0, t, T, direction, limit, substitute_zero))


def unsd_projected_endpoint(base: float, current: float, target: float, *, t0: float, t: float, T: float,
                            direction: int = 1) -> dict[str, Any]:
    """UNSD 2023 projected end point (as replicated by EUSTAT): (v̂_T − base)/(target − base)."""
    return dict(_core.unsd_projected_endpoint(base, current, target, t0, t, T, direction))


def escap_progress(years: Sequence[float], values: Sequence[float], target: float, *, T: float) -> dict[str, Any]:
    """ESCAP current status and anticipated progress gap from a weighted log-linear trend."""
    return dict(_core.escap_progress(list(map(float, years)), list(map(float, values)), target, T))


__all__ = ["escap_progress", "eurostat_pace", "statcan_progress", "unsd_projected_endpoint"]
