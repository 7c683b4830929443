# SPDX-License-Identifier: MIT
"""Projection benchmarks: many short series at once (regind.projection.project_batch).

- Holt with estimated parameters (α, β*, l0, b0 by least squares, as statsmodels Holt) on
  10,000 series of 20 years, against statsmodels' Holt(...).fit() in a Python loop. The loop
  is timed on a SUBSET of the series (200 by default) and scaled to 10,000 linearly: each
  statsmodels fit is independent, so the scaling is exact up to noise.
- Log-linear OLS trend with 95 % prediction intervals on 1,000,000 series of 10 years (target:
  under a second), against statsmodels OLS + get_prediction on a subset, scaled the same way.

Series are seeded random walks in the log (growth 5 % ± 3 % a year).
"""
from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from regind.projection import project_batch

from _common import Row, best, measure


def series(rows: int, years: int, seed: int = 2) -> np.ndarray:
    rng = np.random.default_rng(seed)
    steps = rng.normal(0.05, 0.03, size=(rows, years))
    return 100.0 * np.exp(np.cumsum(steps, axis=1))


def statsmodels_holt(m: np.ndarray) -> None:
    from statsmodels.tsa.holtwinters import Holt

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter of short series
        for y in m:
            Holt(y, initialization_method="estimated").fit().forecast(1)


def statsmodels_loglinear(m: np.ndarray) -> None:
    import statsmodels.api as sm

    t = np.arange(m.shape[1], dtype=float)
    x = sm.add_constant(t)
    x_new = np.array([[1.0, float(m.shape[1])]])
    for y in m:
        fit = sm.OLS(np.log(y), x).fit()
        frame = fit.get_prediction(x_new).summary_frame(alpha=0.05)
        np.exp(frame[["obs_ci_lower", "obs_ci_upper"]].to_numpy())


def bench_holt(rows: int, subset: int, repeat: int) -> Row:
    m = series(rows, 20)
    sub = m[:subset]
    peer, peer_cpu = (t * rows / subset for t in measure(lambda: statsmodels_holt(sub), 1))
    one, one_cpu = measure(lambda: project_batch(m, method="holt", threads=1), repeat)
    both = best(lambda: project_batch(m, method="holt", threads=0), repeat)
    return Row(f"Holt, estimated parameters, {rows:,} series × 20", "statsmodels Holt loop", peer, one, both,
               "≥ 100×", peer / one >= 100,
               f"statsmodels timed on {subset} series and scaled ×{rows / subset:g}", peer_cpu, one_cpu)


def bench_loglinear(rows: int, subset: int, repeat: int) -> Row:
    m = series(rows, 10)
    peer, peer_cpu = (t * rows / subset for t in measure(lambda: statsmodels_loglinear(m[:subset]), 1))
    one, one_cpu = measure(lambda: project_batch(m, method="loglinear", threads=1), repeat)
    both = best(lambda: project_batch(m, method="loglinear", threads=0), repeat)
    return Row(f"log-linear OLS + 95 % interval, {rows:,} series × 10", "statsmodels OLS loop", peer, one, both,
               "< 1 s (all cores)", both < 1.0,
               f"statsmodels timed on {subset} series and scaled ×{rows / subset:g}; the time is the whole "
               f"project_batch call (NumPy in, result object out)", peer_cpu, one_cpu)


def run(holt_rows: int = 10_000, ols_rows: int = 1_000_000, subset: int = 200, repeat: int = 2) -> list[Row]:
    return [bench_holt(holt_rows, subset, repeat), bench_loglinear(ols_rows, subset, repeat)]


def check_agreement() -> dict[str, Any]:
    """regind's Holt forecasts against statsmodels' on a few series (both least squares)."""
    from statsmodels.tsa.holtwinters import Holt

    m = series(20, 20)
    b = project_batch(m, method="holt", threads=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm = np.array([Holt(y, initialization_method="estimated").fit().forecast(1)[0] for y in m])
    rel = np.abs(b.mean[:, 0] / sm - 1.0)
    return {"max_rel_diff": float(rel.max()), "median_rel_diff": float(np.median(rel))}
