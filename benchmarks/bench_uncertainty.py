# SPDX-License-Identifier: MIT
"""Uncertainty analysis (regind.uncertainty), reusing ua_benchmark.py's problems:

- ASEM (COINr's example pipeline, 51 units × 49 indicators): seconds per replication against
  COINr's PUBLISHED figure of about 0.1 s per replication (not measured here). Skipped when
  ../shared/oracles/coinr is absent.
- Synthetic 3,000 units × 100 indicators: 10,000 replications run for real on all cores and
  timed (wall clock, one call with the default pipeline cache, so each worker's warm-up of
  its pipeline copies is included). A smaller n_synthetic (run.py --quick) measures that many
  and PROJECTS 10,000 (seconds per replication × 10,000), saying so in the row.
"""
from __future__ import annotations

import time
from typing import Optional

import ua_benchmark as ua

from _common import Row

TARGET_REPLICATIONS = 10_000


def run(n_asem: int = 2000, n_synthetic: int = TARGET_REPLICATIONS) -> list[Row]:
    rows = []
    if (ua.COINR / "input_iData.csv").is_file():
        ci = ua.asem()
        one = ua.per_replication(ci, ua.ASEM_SPEC, n_asem, threads=1)
        both = ua.per_replication(ci, ua.ASEM_SPEC, n_asem, threads=0)
        peer = ua.COINR_SECONDS_PER_REPLICATION
        rows.append(Row("one UA replication, ASEM 51 × 49", "COINr (published)", peer, one, both, "≥ 1000×",
                        peer / one >= 1000, f"COINr's ~0.1 s is a published figure; regind mean of {n_asem} "
                                            f"replications, default pipeline cache"))
    else:
        rows.append(Row("one UA replication, ASEM 51 × 49", "COINr (published)", None, None, None,
                        "≥ 1000×", None, f"skipped: {ua.COINR} not found"))
    rows.append(synthetic_row(n_synthetic))
    return rows


def synthetic_row(n: int) -> Row:
    """The 3,000 × 100 row: n replications on all cores, measured; projected to 10,000 when n is smaller."""
    ci = ua.synthetic()
    start = time.perf_counter()
    ua.uncertainty(ci, n=n, seed=1, threads=0, **ua.SYNTHETIC_SPEC)
    seconds = time.perf_counter() - start
    if n >= TARGET_REPLICATIONS:
        return Row(f"{n:,} UA replications, 3000 × 100", "—", None, None, seconds, "< 60 s on 2 cores",
                   seconds < 60.0, f"measured: one call of {n:,} replications on all cores, "
                                   f"{seconds / n * 1e3:.2f} ms each (pipeline-cache warm-up included)")
    # Not judged: on a few replications the warm-up of the pipeline copies (a treat() and a
    # normalise() of 3,000 × 100 per combination and worker) outweighs the replications.
    projected = seconds / n * TARGET_REPLICATIONS
    return Row(f"{TARGET_REPLICATIONS:,} UA replications, 3000 × 100 (projected)", "—", None, None, projected,
               "< 60 s on 2 cores", None,
               f"PROJECTED, not judged: measured {n:,} replications on all cores, {seconds / n * 1e3:.2f} ms each, "
               f"×{TARGET_REPLICATIONS:,}; the pipeline-cache warm-up dominates so few replications")


def synthetic_seconds(rows: list[Row]) -> Optional[float]:
    """All-core seconds of the 3,000 × 100 row (measured, or projected on a quick run)."""
    return rows[-1].all_cores if rows else None
