# SPDX-License-Identifier: MIT
"""Shared helpers of the benchmarks: timing, machine facts and the result table.

Timing rule: the peer (pandas, statsmodels) and regind are timed in the same process, one
after the other, and each figure is the best of ``repeat`` runs. The machine is shared, so
absolute times move with the load; ratios measured back to back move much less.
"""
from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional


def best(fn: Callable[[], Any], repeat: int = 3) -> float:
    """The shortest wall time of `repeat` calls of fn, in seconds."""
    return measure(fn, repeat)[0]


def measure(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, float]:
    """(shortest wall time, shortest CPU time of this process) of `repeat` calls, in seconds.
    For single-threaded code the CPU time leaves out the time other people's jobs took the
    core from us, so a ratio of CPU times is the steadier figure on a loaded machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def machine_facts() -> list[str]:
    import numpy
    import pandas

    import regind

    facts = [
        f"nproc {os.cpu_count()}; CPU {cpu_model()}",
        f"load average (1, 5, 15 min) at start: {load_average()}",
        f"Python {platform.python_version()}; regind {regind.__version__}; numpy {numpy.__version__}; "
        f"pandas {pandas.__version__}",
    ]
    try:
        import statsmodels

        facts[-1] += f"; statsmodels {statsmodels.__version__}"
    except ImportError:
        pass
    return facts


@dataclass
class Row:
    """One line of the result table. Times in seconds; `scale` notes how the peer was timed."""

    task: str
    peer_name: str
    peer: Optional[float]
    one: Optional[float]
    all_cores: Optional[float]
    target: str
    ok: Optional[bool]
    note: str = ""
    peer_cpu: Optional[float] = None  # CPU seconds of the peer and of regind on 1 thread
    one_cpu: Optional[float] = None

    @property
    def cpu_ratio(self) -> Optional[float]:
        return None if self.peer_cpu is None or not self.one_cpu else self.peer_cpu / self.one_cpu

    @property
    def ratio(self) -> Optional[float]:
        return None if self.peer is None or not self.one else self.peer / self.one


def fmt_s(t: Optional[float]) -> str:
    if t is None or t != t:
        return "—"
    return f"{t:.3f} s" if t >= 0.01 else f"{t * 1e3:.2f} ms"


def print_table(rows: list[Row]) -> None:
    head = ("task", "peer", "peer time", "regind 1 thr", "regind all", "ratio (1 thr)", "CPU ratio", "target", "met")
    lines = [head]
    for r in rows:
        ratio = "—" if r.ratio is None else f"{r.ratio:,.1f}×"
        cpu = "—" if r.cpu_ratio is None else f"{r.cpu_ratio:,.1f}×"
        met = "—" if r.ok is None else ("yes" if r.ok else "NO")
        lines.append((r.task, r.peer_name, fmt_s(r.peer), fmt_s(r.one), fmt_s(r.all_cores), ratio, cpu, r.target,
                      met))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for k, line in enumerate(lines):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)))
        if k == 0:
            print("  ".join("-" * w for w in widths))
    notes = [f"  [{r.task}] {r.note}" for r in rows if r.note]
    if notes:
        print("\nNotes:")
        print("\n".join(notes))
