# SPDX-License-Identifier: MIT
"""Uncertainty analysis (regind.uncertainty), reusing ua_benchmark.py's problems:

- ASEM (COINr's example pipeline, 51 units × 49 indicators): seconds per replication against
  COINr's PUBLISHED figure of about 0.1 s per replication (not measured here). Skipped when
  ../shared/oracles/coinr is absent.
- Synthetic 3,000 units × 100 indicators: a measured number of replications on all cores,
  and the time PROJECTED for 10,000 replications (measured seconds per replication × 10,000;
  replications are independent, so the projection is linear).
"""
from __future__ import annotations

from typing import Optional

import ua_benchmark as ua

from _common import Row

TARGET_REPLICATIONS = 10_000


def run(n_asem: int = 2000, n_synthetic: int = 40) -> list[Row]:
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
    ci = ua.synthetic()
    both = ua.per_replication(ci, ua.SYNTHETIC_SPEC, n_synthetic, threads=0)
    projected = both * TARGET_REPLICATIONS
    rows.append(Row(f"{TARGET_REPLICATIONS:,} UA replications, 3000 × 100 (projected)", "—", None,
                    None, projected, "< 60 s on 2 cores", projected < 60.0,
                    f"measured {n_synthetic} replications on all cores: {both * 1e3:.2f} ms each; ×{TARGET_REPLICATIONS:,} "
                    f"(the all-core column is that projection)"))
    return rows


def projected_seconds(rows: list[Row]) -> Optional[float]:
    return rows[-1].all_cores if rows else None
