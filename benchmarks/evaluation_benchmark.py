# SPDX-License-Identifier: MIT
"""Time to evaluate 1,000,000 synthetic firms (regind.evaluation, REFERENCE-METHODS G2–G4).

Not a test, and not run by CI. Run from the repository root with regind importable, e.g.

    scripts/dev-python.sh eval
    PYTHONPATH=build/dev-eval/stage .venv/bin/python benchmarks/evaluation_benchmark.py

The firms are SYNTHETIC (seeded log-normal data, 5 % missing emissions). Timed: the C++ engine
alone (the columns already NumPy arrays), regind.evaluation.evaluate on a DataFrame (column
extraction and the result DataFrame included), the roll-up per county, and the carbon grades
over 30 industries. Each is the best of --repeat runs.
"""
from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import regind
import regind.carbon
import regind.evaluation
from regind import _core


def synthetic(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    land = rng.uniform(5, 120, n)
    va = land * rng.lognormal(np.log(130), 0.5, n)
    return pd.DataFrame({
        "county": rng.integers(0, 90, n),
        "industry": rng.integers(0, 30, n),
        "land_mu": land,
        "tax": land * rng.lognormal(np.log(24), 0.6, n),
        "value_added": va,
        "energy_tce": va / rng.lognormal(np.log(2.7), 0.4, n),
        "emissions": np.where(rng.random(n) < 0.05, np.nan, va / rng.lognormal(np.log(4900), 0.5, n)),
        "employees": va / rng.lognormal(np.log(18), 0.3, n),
        "rd_expense": va * 3 * rng.uniform(0.0, 0.06, n),
        "revenue": va * 3,
        "electricity": va * rng.lognormal(np.log(0.12), 0.4, n),
    })


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--firms", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    frame = synthetic(args.firms)
    scheme = regind.evaluation.preset("huangyan_2022_above_size")
    cols = {c: frame[c].to_numpy(dtype=np.float64) for c in scheme.columns()}
    print(f"SYNTHETIC firms: {args.firms:,}; scheme {scheme.name}; best of {args.repeat}")
    t = best(lambda: _core.evaluation_evaluate(cols, scheme._d, 0), args.repeat)
    print(f"  C++ engine (NumPy columns in, arrays out) : {t:7.3f} s")
    t = best(lambda: regind.evaluation.evaluate(frame, scheme), args.repeat)
    print(f"  regind.evaluation.evaluate (DataFrame)    : {t:7.3f} s")
    t = best(lambda: regind.evaluation.rollup(frame, scheme, by="county"), args.repeat)
    print(f"  regind.evaluation.rollup by 90 counties   : {t:7.3f} s")
    t = best(lambda: regind.carbon.grades(frame, factors={"electricity": 5.703}), args.repeat)
    print(f"  regind.carbon.grades (30 industries)      : {t:7.3f} s")
    counts = regind.evaluation.evaluate(frame, scheme)["class"].value_counts()
    print("  classes: " + ", ".join(f"{c} {counts[c]:,}" for c in "ABCD"))


if __name__ == "__main__":
    main()
