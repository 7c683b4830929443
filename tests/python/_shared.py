# SPDX-License-Identifier: MIT
"""Where the tests find ../shared (seed documents and peer-tool oracles), and the reader of
COINr's oracle tables. A test needing a file that is absent skips, naming the path."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("REGIND_SHARED_DIR", ROOT.parent / "shared"))
COINR_ORACLES = SHARED / "oracles" / "coinr"


def coinr_oracle(name: str, **kw: object) -> pd.DataFrame:
    """One of COINr's result tables (../shared/oracles/coinr/NAME) as a DataFrame."""
    path = COINR_ORACLES / name
    if not path.is_file():
        pytest.skip(f"the COINr oracle {path} is absent (../shared/oracles/coinr is not checked out beside the repo)")
    return pd.read_csv(path, **kw)
