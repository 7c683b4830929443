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


def test_python_m_regind_summary():
    out = _run("-m", "regind", "summary")
    assert "regind seed dataset:" in out
    assert "Query: Jiaxing's 2022 goals" in out


def test_python_m_regind_report_is_the_default():
    out = _run("-m", "regind")
    assert out == _run("-m", "regind", "report")
    assert "1. Jiaxing (嘉兴市) 2022 goals" in out
    # The document's own arithmetic: 883.4 → 970 亿元 needs 970/883.4 − 1 = 9.80 %; 10 % gives
    # 971.74; 2594.5 growing 8 % gives 2802.06.
    assert "needs +9.80% on 2021" in out
    assert "971.74 亿元" in out
    assert ">= 2,802.06 亿元 in 2022" in out
    assert "No interval: 2 points" in out
