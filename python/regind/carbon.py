# SPDX-License-Identifier: MIT
"""Industrial carbon-efficiency grades (工业碳效码, REFERENCE-METHODS G4).

``L = CO2 / value added`` (t per 万元) with CO2 = Σ factor × fuel use (factors are data; negative
factors net out zero-carbon power); level low (L ≤ 0.6), medium (≤ 2.0) or high; ``K = L /
mean L of the firm's industry`` (mean of ratios; ``ratio_of_sums=True`` for Σ CO2 / Σ value
added); grade 1 (K ≤ 0.6), 2 (≤ 0.8), 3 (≤ 1.2), 4 (≤ 2.0), 5 (> 2.0), the bounds inclusive.
The grading runs on the evaluation engine (the ``carbon_efficiency`` preset).

>>> import pandas as pd, regind
>>> firms = pd.DataFrame({"electricity": [12.0, 24.0], "value_added": [100.0, 100.0], "industry": ["C26", "C26"]})
>>> regind.carbon.grades(firms, factors={"electricity": 5.0})["grade"].tolist()
[2, 4]
"""
from __future__ import annotations

from typing import Any, Mapping, Optional, Union

import numpy as np

from . import _core
from .evaluation import _codes, _frame_columns

#: The carbon levels on L and the grades on K (G4), for reference.
LEVELS: tuple[str, ...] = ("low", "medium", "high")
GRADES: tuple[int, ...] = (1, 2, 3, 4, 5)


def factors(name: str = "illustrative") -> dict[str, float]:
    """A shipped set of emission factors (t CO2 per unit of each fuel column). ``illustrative``:
    electricity 5.703 t/万kWh, coal 1.9003 t/t, natural_gas 21.622 t/万m³, oil 3.0959 t/t,
    green_power −5.703 t/万kWh (netted). Unverified against the Huzhou 评价规范: pass your own."""
    return dict(_core.carbon_factor_preset(name)[3])


def _factor_list(f: Union[str, Mapping[str, float]]) -> list[tuple[str, float]]:
    if isinstance(f, str):
        f = factors(f)
    out = []
    for col, v in f.items():
        if isinstance(v, bool) or not isinstance(v, (int, float, np.floating, np.integer)):
            raise _core.InvalidInput(f"[regind.invalid_input.emission_factors] factor for '{col}' must be a number, "
                                     f"not {v!r}")
        out.append((str(col), float(v)))
    return out


def grades(frame: Any, factors: Union[str, Mapping[str, float]] = "illustrative", industry: str = "industry",
           value_added: str = "value_added", ratio_of_sums: bool = False, missing_fuel_is_zero: bool = False) -> Any:
    """Carbon-efficiency grades of every row of ``frame`` (one row per enterprise).

    Returns a DataFrame with the frame's index: ``co2_t``, ``L``, ``level``, ``industry_mean_L``,
    ``K``, ``grade`` (1–5, <NA> when unclassified: no value added or unknown fuel use) and
    ``rank`` (1 = most carbon-efficient)."""
    import pandas as pd

    fl = _factor_list(factors)
    cols = _frame_columns(frame, [c for c, _ in fl] + [value_added, industry], industry)
    r = _core.carbon_grades(cols, fl, industry, value_added, bool(ratio_of_sums), bool(missing_fuel_is_zero))
    level = np.asarray(r["level"])
    level_names = np.array([None, *LEVELS], dtype=object)[level + 1]
    grade = pd.array(np.asarray(r["grade"]), dtype="Int64")
    grade[np.asarray(r["grade"]) == 0] = pd.NA
    return pd.DataFrame({"co2_t": r["co2"], "L": r["L"],
                         "level": pd.Categorical(level_names, categories=list(LEVELS)),
                         "industry_mean_L": r["industry_mean"], "K": r["K"], "grade": grade, "rank": r["rank"]},
                        index=frame.index)


def rollup(frame: Any, graded: Any, by: str = "region", value_added: str = "value_added") -> Any:
    """Per group of ``by`` (e.g. ``"region"`` or ``"industry"``): enterprises, total CO2 and value
    added, the group's L as Σ CO2 / Σ value added, and the count of each level and grade."""
    import pandas as pd

    if by not in frame.columns:
        raise _core.UnknownKey(f"[regind.key_error.column] unknown group column '{by}'")
    codes, uniques = _codes(frame[by])
    G = len(uniques)
    valid = ~np.isnan(codes)
    gi = codes[valid].astype(np.int64)
    co2 = np.asarray(graded["co2_t"], dtype=float)[valid]
    va = np.asarray(frame[value_added], dtype=float)[valid]
    level = graded["level"].astype(object).to_numpy()[valid]
    grade = graded["grade"].to_numpy(dtype=float, na_value=np.nan)[valid]
    ok = ~(np.isnan(co2) | np.isnan(va))
    out = pd.DataFrame({"enterprises": np.bincount(gi, minlength=G)})
    out["co2_t"] = np.bincount(gi[ok], weights=co2[ok], minlength=G)
    out["value_added"] = np.bincount(gi[ok], weights=va[ok], minlength=G)
    out["L"] = out["co2_t"] / out["value_added"]
    for lv in LEVELS:
        out[lv] = np.bincount(gi[level == lv], minlength=G)
    for g in GRADES:
        out[f"grade_{g}"] = np.bincount(gi[grade == g], minlength=G)
    out.index = pd.Index(uniques, name=by)
    return out


__all__ = ["GRADES", "LEVELS", "factors", "grades", "rollup"]
