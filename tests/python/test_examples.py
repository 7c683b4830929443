# SPDX-License-Identifier: MIT
"""The Python examples and the command line run and print what they promise."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True, cwd=ROOT / "tests")
    return done.stdout


def test_seed_queries_example():
    out = _run(str(ROOT / "examples" / "python" / "seed_queries.py"))
    assert "湖州市 (Huzhou, 330500) has 5 county-level divisions" in out
    assert "va_industry level (亿元)" in out


def test_python_m_regind_prints_the_summary():
    out = _run("-m", "regind")
    assert "regind seed dataset:" in out
    assert "Query: Jiaxing's 2022 goals" in out
