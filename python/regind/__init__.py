# SPDX-License-Identifier: MIT
"""regind: regional economic indicators with provenance.

Regions (province › city › county), indicators with units, periods of Chinese statistics,
and a Dataset of facts, each with the document and span it was read from.

>>> import regind
>>> reg = regind.regions.zhejiang()
>>> reg["嘉兴"].code
330400
>>> facts = regind.datasets.seed_facts()
"""
from __future__ import annotations

try:
    from . import _core
except ImportError as exc:  # pragma: no cover - only when the extension was not built
    raise ImportError(
        "regind's compiled extension regind._core is missing; install the package with "
        "'pip install .' (or run 'make demo') rather than importing it from the source tree"
    ) from exc

from ._core import (
    Fact,
    Indicator,
    IndicatorCatalogue,
    InvalidInput,
    ParseError,
    Period,
    Region,
    RegionRegistry,
    Unit,
    UnitError,
    UnknownKey,
)
from . import (
    carbon,
    composite,
    consistency,
    datasets,
    evaluation,
    growth,
    indicators,
    progress,
    projection,
    projects,
    ranking,
    regions,
    uncertainty,
)
from . import _display_core  # noqa: F401  (notebook display of Region and RegionRegistry)
from .composite import CompositeIndex
from .dataset import Dataset
from .decompose import decompose, monthly_schedule
from .projection import BatchProjection, Projection, project, project_batch
from .ranking import league_table, rank, rank_change, rank_panel
from .targets import RuleTable, Target, TargetReport, track

__version__: str = _core.__version__

MEASURES: tuple[str, ...] = (
    "level", "count", "change", "growth_pct", "growth_diff_pp", "share_pct", "share_change_pp",
    "rank", "rank_change", "growth_rank", "growth_rank_change", "completion_pct", "ratio", "index",
    "target_level", "target_growth_pct", "target_share_pct",
)

__all__ = [
    "BatchProjection",
    "CompositeIndex",
    "Dataset",
    "Projection",
    "RuleTable",
    "Target",
    "TargetReport",
    "Fact",
    "Indicator",
    "IndicatorCatalogue",
    "InvalidInput",
    "MEASURES",
    "ParseError",
    "Period",
    "Region",
    "RegionRegistry",
    "Unit",
    "UnitError",
    "UnknownKey",
    "__version__",
    "carbon",
    "composite",
    "consistency",
    "datasets",
    "decompose",
    "evaluation",
    "growth",
    "league_table",
    "monthly_schedule",
    "project",
    "project_batch",
    "projection",
    "rank",
    "rank_change",
    "rank_panel",
    "ranking",
    "indicators",
    "progress",
    "projects",
    "regions",
    "track",
    "uncertainty",
]
