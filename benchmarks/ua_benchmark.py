# SPDX-License-Identifier: MIT
"""Time per uncertainty-analysis replication (regind.uncertainty.uncertainty).

Not a test, and not run by CI. Run from the repository root with regind importable, e.g.

    scripts/dev-python.sh ua
    PYTHONPATH=build/dev-ua/stage .venv/bin/python benchmarks/ua_benchmark.py

Problems:
  * ASEM: COINr's full example pipeline (build_example_coin: denominate → impute by EurAsia
    group → screen at dat_thresh 0.9 → treat → min-max → arithmetic mean) on COINr's ASEM data
    (51 units × 49 indicators, 4 levels), read from ../shared/oracles/coinr/. Uncertain inputs
    in the spirit of COINr's sensitivity vignette: noisy weights at levels 2 and 3 (factor
    0.25), imputation (group mean / median), treatment (off / default), normalisation
    (min-max [1, 100] / z-score (10, 2)), aggregation (arithmetic / geometric mean).
  * synthetic: 3,000 units × 100 indicators (seeded log-normal data, 2 % missing) in a 3-level
    framework (100 indicators → 10 pillars → Index); imputation by the mean, default treatment,
    min-max [1, 100], arithmetic mean; uncertain: noisy weights at levels 1 and 2 (0.25),
    treatment (off / default), normalisation (min-max [1, 100] / rank), aggregation (arithmetic /
    geometric mean).

Each problem is timed on 1 thread and on all threads (threads=0), with the default cache of
pipeline copies (each worker only re-aggregates, in place, when the earlier choices repeat) and with
cache=1 (one copy per worker, so a change of imputation, treatment or normalisation re-runs the
pipeline from that step). COINr's figure of about 0.1 s per ASEM replication is a published
figure quoted for comparison, not measured here.
"""
from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

import regind
from regind.composite import CompositeIndex
from regind.uncertainty import uncertainty

ROOT = Path(__file__).resolve().parents[1]
COINR = Path(os.environ.get("REGIND_SHARED_DIR", ROOT.parent / "shared")) / "oracles" / "coinr"
COINR_SECONDS_PER_REPLICATION = 0.1  # published figure for COINr on ASEM, not measured here


def asem() -> CompositeIndex:
    data = pd.read_csv(COINR / "input_iData.csv")
    meta = pd.read_csv(COINR / "input_iMeta.csv")
    return (CompositeIndex.from_coinr(data, meta).denominate().impute(method="i_mean_grp", group="EurAsia_group")
            .screen(dat_thresh=0.9).treat().normalise(method="n_minmax", l_u=(0, 100)).aggregate(method="a_amean"))


ASEM_SPEC = dict(weights_noise={2: 0.25, 3: 0.25},
                 impute=[{"method": "i_mean_grp", "group": "EurAsia_group"},
                         {"method": "i_median_grp", "group": "EurAsia_group"}],
                 treat=[None, True],
                 normalisation=[{"method": "n_minmax", "l_u": (1, 100)}, {"method": "n_zscore", "m_sd": (10, 2)}],
                 aggregation=["a_amean", "a_gmean"])


def synthetic(units: int = 3000, indicators: int = 100, pillars: int = 10, seed: int = 1) -> CompositeIndex:
    rng = np.random.default_rng(seed)
    codes = [f"x{j:03d}" for j in range(indicators)]
    values = rng.lognormal(mean=2.0, sigma=rng.uniform(0.2, 1.2, indicators), size=(units, indicators))
    values[rng.random(values.shape) < 0.02] = np.nan
    data = pd.DataFrame(values, columns=codes)
    data.insert(0, "uCode", [f"U{i:04d}" for i in range(units)])
    per = indicators // pillars
    meta = pd.DataFrame({
        "Level": [1] * indicators + [2] * pillars + [3],
        "iCode": codes + [f"P{k}" for k in range(pillars)] + ["Index"],
        "Parent": [f"P{j // per}" for j in range(indicators)] + ["Index"] * pillars + [None],
        "Direction": list(rng.choice([1, -1], size=indicators, p=[0.8, 0.2])) + [1] * (pillars + 1),
        "Weight": list(rng.uniform(0.5, 1.5, indicators)) + [1.0] * (pillars + 1),
        "Type": ["Indicator"] * indicators + ["Aggregate"] * (pillars + 1),
    })
    return (CompositeIndex.from_coinr(data, meta).impute("i_mean").treat()
            .normalise(method="n_minmax", l_u=(1, 100)).aggregate(method="a_amean"))


SYNTHETIC_SPEC = dict(weights_noise={1: 0.25, 2: 0.25}, treat=[None, True],
                      normalisation=[{"method": "n_minmax", "l_u": (1, 100)}, "n_rank"],
                      aggregation=["a_amean", "a_gmean"])


def per_replication(ci: CompositeIndex, spec: dict, n: int, threads: int, cache: int = 0) -> float:
    start = time.perf_counter()
    uncertainty(ci, n=n, seed=1, threads=threads, cache=cache, **spec)
    return (time.perf_counter() - start) / n


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n-asem", type=int, default=5000, help="replications on ASEM (default 5000)")
    ap.add_argument("--n-synthetic", type=int, default=200, help="replications on the synthetic problem (default 200)")
    ap.add_argument("--skip-synthetic", action="store_true")
    args = ap.parse_args()

    print(f"regind {regind.__version__}; {os.cpu_count()} logical CPUs ({cpu_model()}); Python {platform.python_version()}")
    rows = []
    if (COINR / "input_iData.csv").is_file():
        t0 = time.perf_counter()
        ci = asem()
        build = time.perf_counter() - t0
        print(f"ASEM: one full pipeline run through the Python API (from_coinr + 6 steps): {build * 1e3:.1f} ms")
        for cache, label in ((0, "default cache"), (1, "cache=1")):
            for threads in (1, 0):
                s = per_replication(ci, ASEM_SPEC, args.n_asem, threads, cache)
                rows.append(("ASEM 51 × 49", label, threads, args.n_asem, s))
    else:
        print(f"ASEM input not found in {COINR}: skipped")
    if not args.skip_synthetic:
        t0 = time.perf_counter()
        ci = synthetic()
        print(f"synthetic: one full pipeline run (build + 4 steps): {(time.perf_counter() - t0) * 1e3:.0f} ms")
        for cache, label in ((0, "default cache"), (1, "cache=1")):
            for threads in (1, 0):
                s = per_replication(ci, SYNTHETIC_SPEC, args.n_synthetic, threads, cache)
                rows.append(("synthetic 3000 × 100", label, threads, args.n_synthetic, s))

    print()
    print(f"{'problem':<22}{'cache':<15}{'threads':>8}{'N':>7}{'ms / replication':>18}{'vs COINr 0.1 s':>17}")
    for problem, label, threads, n, s in rows:
        th = "all" if threads == 0 else str(threads)
        ratio = f"{COINR_SECONDS_PER_REPLICATION / s:,.0f}× faster" if problem.startswith("ASEM") else ""
        print(f"{problem:<22}{label:<15}{th:>8}{n:>7}{s * 1e3:>18.3f}{ratio:>17}")
    print()
    print("COINr: ~0.1 s per ASEM replication is a published figure, not measured on this machine.")


if __name__ == "__main__":
    main()
