# SPDX-License-Identifier: MIT
"""Long-table benchmarks: ranking within (indicator, period) and growth within (region,
indicator), regind against pandas, on 3,000 regions × 200 indicators × 30 periods (18 million
values) by default.

The table is in the usual order of a long statistical table (region, indicator, period), so
rows of one (indicator, period) are 6,000 rows apart and every group interleaves with every
other: neither library gets sorted groups for free. Values are seeded log-normal numbers rounded
to 0.01 (so there are ties), with 1 % missing.

pandas is given the same integer group codes as regind (`Series.groupby(codes)`), its fastest
grouping; the results are checked to be equal before timing.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

import regind.growth
import regind.ranking

from _common import Row, best, measure


def long_table(regions: int, indicators: int, periods: int, seed: int = 1) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    n = regions * indicators * periods
    values = np.round(rng.lognormal(3.0, 1.0, n), 2)
    values[rng.random(n) < 0.01] = np.nan
    row = np.arange(n, dtype=np.int64)
    period = row % periods
    indicator = (row // periods) % indicators
    region = row // (periods * indicators)
    return {
        "values": values,
        "periods": period.astype(np.float64) + 1995.0,
        "by_indicator_period": indicator * periods + period,  # rank within (indicator, period)
        "by_series": region * indicators + indicator,  # one series per (region, indicator)
        "n": n,
    }


def same(a: np.ndarray, b: np.ndarray, rtol: float = 0.0, atol: float = 0.0) -> bool:
    return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True))


def bench_rank(t: dict[str, Any], repeat: int) -> Row:
    x, codes = t["values"], t["by_indicator_period"]
    series = pd.Series(x)
    ours = regind.ranking.rank(x, method="min", groups=codes, threads=1)
    theirs = series.groupby(codes).rank(method="min").to_numpy()
    assert same(ours, theirs), "regind and pandas ranks differ"
    out = np.empty_like(x)
    peer, peer_cpu = measure(lambda: series.groupby(codes).rank(method="min"), repeat)
    one, one_cpu = measure(lambda: regind.ranking.rank(x, method="min", groups=codes, threads=1, out=out), repeat)
    both = best(lambda: regind.ranking.rank(x, method="min", groups=codes, threads=0, out=out), repeat)
    return Row(f"rank min within (indicator, period), {t['n'] / 1e6:.0f}M values", "pandas groupby().rank",
               peer, one, both, "≥ 20×", peer / one >= 20, peer_cpu=peer_cpu, one_cpu=one_cpu)


def bench_growth(t: dict[str, Any], repeat: int) -> Row:
    x, codes = t["values"], t["by_series"]
    series = pd.Series(x)
    ours = regind.growth.growth_by_group(x, codes, threads=1)
    theirs = series.groupby(codes).pct_change().to_numpy()
    # regind gives NaN on a base ≤ 0; the values here are positive, so the two agree.
    assert same(ours, theirs, atol=1e-14), "regind and pandas growth differ"
    out = np.empty_like(x)
    peer, peer_cpu = measure(lambda: series.groupby(codes).pct_change(), repeat)
    one, one_cpu = measure(lambda: regind.growth.growth_by_group(x, codes, threads=1, out=out), repeat)
    both = best(lambda: regind.growth.growth_by_group(x, codes, threads=0, out=out), repeat)
    return Row(f"year-on-year growth per (region, indicator), {t['n'] / 1e6:.0f}M values",
               "pandas groupby().pct_change", peer, one, both, "≥ 10×", peer / one >= 10, peer_cpu=peer_cpu,
               one_cpu=one_cpu)


def pandas_cagr(x: np.ndarray, periods: np.ndarray, codes: np.ndarray) -> np.ndarray:
    frame = pd.DataFrame({"v": x, "t": periods, "g": codes}).dropna(subset=["v"])
    ends = frame.groupby("g").agg(v0=("v", "first"), v1=("v", "last"), t0=("t", "first"), t1=("t", "last"))
    years = ends["t1"] - ends["t0"]
    out = (ends["v1"] / ends["v0"]) ** (1.0 / years.where(years > 0)) - 1.0
    return out.reindex(np.arange(codes.max() + 1)).to_numpy()


def bench_cagr(t: dict[str, Any], repeat: int) -> Row:
    x, periods, codes = t["values"], t["periods"], t["by_series"]
    ours = regind.growth.cagr_by_group(x, codes, periods, threads=1)
    # A rate is r − 1 with r near 1, so compare absolutely: 1e-14 is about 50 ulp of r.
    assert same(ours, pandas_cagr(x, periods, codes), atol=1e-14), "regind and pandas CAGR differ"
    peer, peer_cpu = measure(lambda: pandas_cagr(x, periods, codes), repeat)
    one, one_cpu = measure(lambda: regind.growth.cagr_by_group(x, codes, periods, threads=1), repeat)
    both = best(lambda: regind.growth.cagr_by_group(x, codes, periods, threads=0), repeat)
    return Row(f"CAGR first→last per (region, indicator), {t['n'] / 1e6:.0f}M values",
               "pandas dropna+groupby first/last", peer, one, both, "≥ 10×", peer / one >= 10, peer_cpu=peer_cpu,
               one_cpu=one_cpu)


def run(regions: int = 3000, indicators: int = 200, periods: int = 30, repeat: int = 2) -> list[Row]:
    t = long_table(regions, indicators, periods)
    return [bench_rank(t, repeat), bench_growth(t, repeat), bench_cagr(t, repeat)]
