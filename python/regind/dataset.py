# SPDX-License-Identifier: MIT
"""The Dataset: facts with provenance, queries, panels and lossless CSV/pandas round trips."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

import numpy as np

from . import _core
from ._core import Fact, IndicatorCatalogue, Period, Region, RegionRegistry

RegionKey = Union[int, str, Region]
PeriodKey = Union[str, Period]

#: The columns of :meth:`Dataset.to_pandas`, in order.
PANDAS_COLUMNS: tuple[str, ...] = (
    "region_code", "region_zh", "region_en", "period", "indicator", "indicator_zh",
    "indicator_en", "measure", "value", "unit", "qualifier", "comparator", "base_period", "doc",
    "span_start", "span_end", "note",
)
#: The columns of :meth:`Dataset.to_csv`, in order.
CSV_COLUMNS: tuple[str, ...] = tuple(_core.CSV_COLUMNS)


class Panel(tuple):  # type: ignore[type-arg]
    """``(values, regions, periods)``: a regions × periods float array (NaN where missing),
    the region codes of its rows and the period texts of its columns; ``.unit`` says what unit
    the values are in."""

    def __new__(cls, values: np.ndarray, regions: list[int], periods: list[str], unit: str) -> "Panel":
        self = super().__new__(cls, (values, regions, periods))
        self.unit = unit
        return self

    unit: str

    @property
    def values(self) -> np.ndarray:
        return self[0]  # type: ignore[no-any-return]

    @property
    def regions(self) -> list[int]:
        return self[1]  # type: ignore[no-any-return]

    @property
    def periods(self) -> list[str]:
        return self[2]  # type: ignore[no-any-return]

    def to_pandas(self) -> Any:
        """The panel as a DataFrame (rows: region codes, columns: periods)."""
        import pandas as pd

        return pd.DataFrame(self.values, index=pd.Index(self.regions, name="region_code"),
                            columns=pd.Index(self.periods, name="period"))


def _as_list(x: Any) -> list[Any]:
    if x is None:
        return []
    if isinstance(x, (str, bytes, int, Region, Period)) or not isinstance(x, Iterable):
        return [x]
    return list(x)


_FRAME_SOURCE = "<DataFrame row>"


def _name_frame_row(exc: Exception, frame: Any) -> Exception:
    """The same error with "<DataFrame row>:K" spelt as "DataFrame row K (index label L)"."""
    message = str(exc.args[0]) if exc.args else str(exc)
    found = re.search(re.escape(_FRAME_SOURCE) + r":(\d+)", message)
    if found is None:
        return exc
    position = int(found.group(1))
    label = ""
    if 0 <= position < len(frame.index):
        value = frame.index[position]
        label = f" (index label {(value.item() if isinstance(value, np.generic) else value)!r})"
    named = message.replace(found.group(0), f"DataFrame row {position}{label}", 1)
    return type(exc)(named)


class Dataset:
    """Facts checked against a region registry and an indicator catalogue.

    Parameters
    ----------
    regions, indicators
        The registry and catalogue facts must refer to; by default the built-in Zhejiang
        registry and indicator catalogue.
    """

    __slots__ = ("_impl",)

    def __init__(self, regions: Optional[RegionRegistry] = None,
                 indicators: Optional[IndicatorCatalogue] = None) -> None:
        self._impl = _core.Dataset(_default_regions(regions), _default_indicators(indicators))

    @classmethod
    def _wrap(cls, impl: Any) -> "Dataset":
        self = cls.__new__(cls)
        self._impl = impl
        return self

    # -- building ------------------------------------------------------------------------
    def add(self, region: RegionKey, period: PeriodKey, indicator: str, measure: str, value: float, *,
            unit: Optional[str] = None, qualifier: str = "", comparator: str = "",
            base_period: Optional[PeriodKey] = None, doc: str = "", span_start: Optional[int] = None,
            span_end: Optional[int] = None, note: str = "") -> None:
        """Adds one fact after checking it; raises ValueError/KeyError naming the problem and
        leaves the dataset unchanged on error. ``unit`` defaults to the indicator's unit for
        amounts, ``%`` for rates, ``pp`` for differences and ``位`` for ranks."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise _core.InvalidInput(f"[regind.invalid_input.fact] value must be a number, not {value!r}") from None
        self._impl.add(region, str(period), indicator, measure, number, unit, qualifier, comparator,
                       None if base_period is None else str(base_period), doc, span_start, span_end, note)

    # -- reading -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._impl)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self._impl.facts())

    def facts(self) -> list[Fact]:
        return list(self._impl.facts())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Dataset) and bool(self._impl == other._impl)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._impl)

    def _repr_html_(self) -> str:
        from ._html import dataset_html

        return dataset_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from ._pretty import dataset_text, pretty

        pretty(printer, cycle, self, dataset_text)

    # Pickles carry the registry, the catalogue and the facts as CSV text, with a version.
    def __getstate__(self) -> tuple[int, str, str, str]:
        return (1, self.regions.to_csv_string(), self.indicators.to_csv_string(), self.to_csv_string())

    def __setstate__(self, state: tuple[int, str, str, str]) -> None:
        if not isinstance(state, tuple) or len(state) != 4 or state[0] != 1:
            raise _core.InvalidInput("[regind.invalid_input.pickle] unsupported Dataset pickle version")
        regions = RegionRegistry.from_csv_string(state[1], "<pickle>")
        indicators = IndicatorCatalogue.from_csv_string(state[2], "<pickle>")
        self._impl = _core.Dataset.from_csv_string(state[3], regions, indicators, "<pickle>")

    @property
    def regions(self) -> RegionRegistry:
        """A copy of the dataset's region registry."""
        return self._impl.regions

    @property
    def indicators(self) -> IndicatorCatalogue:
        """A copy of the dataset's indicator catalogue."""
        return self._impl.indicators

    def query(self, region: Any = None, indicator: Any = None, period: Any = None, measure: Any = None, *,
              comparator: Any = None, doc: Any = None) -> "Dataset":
        """The facts matching every given criterion. Each criterion is one value or a list;
        regions may be given by code, any name, or Region."""
        regions = self.regions
        codes = [regions[k].code for k in _as_list(region)]
        return Dataset._wrap(self._impl.query(
            codes,
            [str(i) for i in _as_list(indicator)],
            [str(p) for p in _as_list(period)],
            [str(m) for m in _as_list(measure)],
            [str(c) for c in _as_list(comparator)],
            [str(d) for d in _as_list(doc)],
        ))

    def panel(self, indicator: str, measure: str = "level", regions: Any = None, periods: Any = None, *,
              comparator: Optional[str] = None) -> Panel:
        """``(values, region codes, periods)``: regions × periods, NaN where missing.

        Values are in the indicator's unit for amounts (facts in 万亩 are converted to the
        indicator's 亩, say), in % for rates, pp for differences and 位 for ranks. Without
        ``regions``/``periods``, every region/period holding such a fact is used, sorted."""
        registry = self.regions
        codes = [registry[k].code for k in _as_list(regions)]
        values, rows, cols, unit = self._impl.panel(indicator, measure, codes,
                                                    [str(p) for p in _as_list(periods)], comparator or "")
        return Panel(values, list(rows), list(cols), unit)

    def to_xarray(self, indicator: str, measure: str = "level", regions: Any = None, periods: Any = None, *,
                  comparator: Optional[str] = None) -> Any:
        """:meth:`panel` as an ``xarray.DataArray`` with dims ``("region", "period")``.

        The ``region`` coordinate holds the region codes; ``region_zh``, ``region_short`` and
        ``region_en`` (along ``region``) hold their names. ``attrs`` record the indicator, the
        measure and the unit. Needs xarray (``pip install xarray``)."""
        try:
            import xarray as xr
        except ImportError as exc:
            raise ImportError("Dataset.to_xarray needs xarray, which is not installed; install it with "
                              "'pip install xarray'") from exc
        p = self.panel(indicator, measure, regions, periods, comparator=comparator)
        registry = self.regions
        names = [registry[code] for code in p.regions]
        return xr.DataArray(
            p.values, dims=("region", "period"),
            coords={"region": list(p.regions), "period": list(p.periods),
                    "region_zh": ("region", [r.name_zh for r in names]),
                    "region_short": ("region", [r.short_name for r in names]),
                    "region_en": ("region", [r.name_en for r in names])},
            name=indicator, attrs={"indicator": indicator, "measure": measure, "unit": p.unit})

    def series(self, region: RegionKey, indicator: str, measure: str = "level", *,
               comparator: Optional[str] = None) -> tuple[np.ndarray, list[str]]:
        """One region's values over the periods where it has them: ``(values, periods)``."""
        p = self.panel(indicator, measure, [region], comparator=comparator)
        row = p.values[0]
        keep = ~np.isnan(row)
        return row[keep], [per for per, k in zip(p.periods, keep) if k]

    def targets(self, region: Any = None, period: Any = None, indicator: Any = None) -> list[Any]:
        """The targets stated in this dataset (its ``target_*`` facts) as :class:`regind.Target`,
        each with the published level of the period before as its base where there is one."""
        from .targets import targets

        return targets(self, region=region, period=period, indicator=indicator)

    def check_consistency(self, **options: Any) -> Any:
        """The relations this dataset implies (shares, differences from a comparator, completion,
        parts and totals, ranks), each checked within the rounding of the published numbers:
        see :func:`regind.consistency.check`."""
        from .consistency import check

        return check(self, **options)

    # -- pandas --------------------------------------------------------------------------
    def to_pandas(self) -> Any:
        """One row per fact with the columns :data:`PANDAS_COLUMNS`. Spans are nullable
        integers (``<NA>`` where unknown); text fields are empty strings when not given."""
        import pandas as pd

        cols = self._impl.columns()
        frame = pd.DataFrame({name: cols[name] for name in PANDAS_COLUMNS})
        for name in ("span_start", "span_end"):
            frame[name] = pd.array(np.where(cols[name] < 0, 0, cols[name]), dtype="Int64")
            frame.loc[cols[name] < 0, name] = pd.NA
        return frame

    @classmethod
    def from_pandas(cls, frame: Any, regions: Optional[RegionRegistry] = None,
                    indicators: Optional[IndicatorCatalogue] = None) -> "Dataset":
        """Builds a dataset from a DataFrame such as :meth:`to_pandas` returns (the columns
        region_zh, region_en, indicator_zh and indicator_en are ignored). Every value is
        checked as in :meth:`read_csv`; errors name the DataFrame row and column. The round
        trip ``Dataset.from_pandas(ds.to_pandas()) == ds`` is exact."""
        if not hasattr(frame, "columns") or not hasattr(frame, "itertuples"):
            raise _core.InvalidInput(f"[regind.invalid_input.frame] from_pandas needs a pandas DataFrame, not "
                                     f"{type(frame).__name__}")
        header = [str(c) for c in frame.columns]
        rows = [[_cell_text(name, v) for name, v in zip(header, row)]
                for row in frame.itertuples(index=False, name=None)]
        try:
            return cls._wrap(_core.Dataset.from_rows(header, rows, _default_regions(regions),
                                                     _default_indicators(indicators), _FRAME_SOURCE, 0))
        except (_core.ParseError, _core.InvalidInput, _core.UnknownKey, _core.UnitError) as exc:
            raise _name_frame_row(exc, frame) from None

    # -- CSV -----------------------------------------------------------------------------
    @classmethod
    def read_csv(cls, path: Any, regions: Optional[RegionRegistry] = None,
                 indicators: Optional[IndicatorCatalogue] = None) -> "Dataset":
        """Reads facts CSV (see docs/data-format.md). A bad row raises ParseError (a
        ValueError) naming file, line, column and text; nothing is half-loaded."""
        return cls._wrap(_core.Dataset.read_csv(str(path), _default_regions(regions),
                                                _default_indicators(indicators)))

    @classmethod
    def from_csv_string(cls, text: str, regions: Optional[RegionRegistry] = None,
                        indicators: Optional[IndicatorCatalogue] = None, source: str = "<string>") -> "Dataset":
        return cls._wrap(_core.Dataset.from_csv_string(text, _default_regions(regions),
                                                       _default_indicators(indicators), source))

    def to_csv(self, path: Any) -> None:
        """Writes every field; values as the shortest text that reads back bit for bit."""
        self._impl.to_csv(str(path))

    def to_csv_string(self) -> str:
        return self._impl.to_csv_string()


def _cell_text(column: str, value: Any) -> str:
    if value is None:
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v) and column != "value":
            return ""
        return repr(v)  # shortest text that reads back as the same double
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return str(int(value))
    return str(value)


def _default_regions(regions: Optional[RegionRegistry]) -> RegionRegistry:
    return _core.zhejiang_regions() if regions is None else regions


def _default_indicators(indicators: Optional[IndicatorCatalogue]) -> IndicatorCatalogue:
    return _core.builtin_indicators() if indicators is None else indicators


__all__ = ["CSV_COLUMNS", "PANDAS_COLUMNS", "Dataset", "Panel"]
