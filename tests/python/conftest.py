# SPDX-License-Identifier: MIT
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from _shared import SHARED, coinr_oracle


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    d = SHARED / "seeds"
    if not d.is_dir():
        pytest.skip(f"the seed documents are not at {d} (../shared is absent)")
    return d


@pytest.fixture(scope="session")
def coinr_input() -> tuple[pd.DataFrame, pd.DataFrame]:
    """COINr's ASEM example: iData (51 units × 49 indicators) and iMeta."""
    return coinr_oracle("input_iData.csv"), coinr_oracle("input_iMeta.csv")
