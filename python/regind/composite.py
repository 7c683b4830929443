# SPDX-License-Identifier: MIT
"""Composite indices at parity with COINr 1.1.14 (REFERENCE-METHODS.md §E).

A :class:`CompositeIndex` holds a framework (COINr's iMeta: indicators, aggregates, levels,
parents, directions and weights), the units and their data (COINr's iData), and one data set
per pipeline step::

    Raw → Denominated → Imputed → Screened → Treated → Normalised → Aggregated

Steps are methods named after COINr's functions; each returns the index, so they chain:

>>> ci = (CompositeIndex.from_coinr(iData, iMeta)              # doctest: +SKIP
...       .denominate()
...       .impute(method="i_mean_grp", group="EurAsia_group")
...       .screen(dat_thresh=0.9)
...       .treat()
...       .normalise(method="n_minmax", l_u=(0, 100))
...       .aggregate(method="a_amean"))
>>> ci.scores().loc["DEU", "Index"], ci.ranks().loc["DEU", "Index"]   # doctest: +SKIP

Steps always run in the order above and each reads the latest data set before it, so e.g.
``normalise()`` without ``treat()`` normalises the raw (or imputed, screened...) data. Calling a
step again with other settings recomputes that step and the recorded steps after it only.

Missing values are NaN. Indicator directions are applied once, inside the normalisers:
parameters on an indicator's scale (targets, goalposts, ``npara``) are given in its own units.

Weights (§E6) are named weight sets, as COINr's ``coin$Meta$Weights``: ``"Original"`` holds
iMeta's, :meth:`CompositeIndex.weights` computes others (equal, manual, PCA, entropy, CRITIC,
AHP, correlation-balancing optimisation) and ``aggregate(weights="entropy")`` uses one.
Aggregation (§E7) can differ per level and per group, Copeland's outranking method included:

>>> ci = (CompositeIndex.from_dataset(ds, period="2023", framework=fw)   # doctest: +SKIP
...       .normalise(method="n_minmax", l_u=(1, 100))
...       .weights("entropy", level=1)
...       .aggregate(weights="entropy", by_group={"Innovation": "a_copeland"}))
>>> ci.results(), ci.strengths_weaknesses("330100")                   # doctest: +SKIP
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

import numpy as np

from . import _core

#: The data sets of a pipeline, in order.
STAGES: tuple[str, ...] = ("Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated")
#: The normalisers (REFERENCE-METHODS.md §E5).
NORMALISERS: tuple[str, ...] = ("n_minmax", "n_scaled", "n_zscore", "n_dist2max", "n_dist2ref", "n_dist2targ",
                                "n_fracmax", "n_prank", "n_rank", "n_borda", "n_goalposts")
#: The aggregation methods (§E7).
AGGREGATORS: tuple[str, ...] = ("a_amean", "a_gmean", "a_hmean", "a_genmean", "a_median", "a_copeland")
#: The weighting methods of :meth:`CompositeIndex.weights` (§E6).
WEIGHT_METHODS: tuple[str, ...] = ("equal", "manual", "pca", "entropy", "critic", "ahp", "balance", "infomax")
#: The panel imputation methods of :func:`impute_panel` (§E3).
PANEL_IMPUTERS: tuple[str, ...] = ("latest", "constant", "linear", "linear-constant")
#: The imputation methods (§E3).
IMPUTERS: tuple[str, ...] = ("i_mean", "i_median", "i_mean_grp", "i_median_grp", "none")

_META_REQUIRED = ("Level", "iCode", "Parent", "Direction", "Weight", "Type")
_SPECIAL = ("uCode", "uName", "Time")
_TREAT_KEYS = ("winmax", "skew_thresh", "kurt_thresh", "force_win", "f2", "lambda_", "combine_treat")
_NORM_KEYS = ("method", "l_u", "m_sd", "npara", "scale_factor", "ties", "iref", "targ", "cap_max", "gposts",
              "trunc2posts")


def _invalid(msg_id: str, text: str) -> ValueError:
    return _core.InvalidInput(f"[regind.invalid_input.{msg_id}] {text}")


def _is_na(v: Any) -> bool:
    if v is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _numeric_column(frame: Any, col: str, what: str) -> np.ndarray:
    import pandas as pd

    raw = frame[col]
    conv = pd.to_numeric(raw, errors="coerce")
    bad = conv.isna() & raw.notna()
    if bool(bad.any()):
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise _invalid(what, f"column '{col}', row {pos + 1}: {raw.iloc[pos]!r} is not a number")
    return np.asarray(conv.to_numpy(dtype=float, na_value=np.nan), dtype=float)


def _text_column(frame: Any, col: str) -> list[Optional[str]]:
    return [None if _is_na(v) else str(v) for v in frame[col].tolist()]


def _pair(value: Any, name: str) -> tuple[float, float]:
    try:
        a, b = value
        return float(a), float(b)
    except (TypeError, ValueError):
        raise _invalid("normalise", f"{name} must be a pair of numbers, not {value!r}") from None


def _normalise_spec(method: str = "n_minmax", *, l_u: Sequence[float] = (0, 100), m_sd: Sequence[float] = (0, 1),
                    npara: Sequence[float] = (0, 100), scale_factor: float = 100, ties: str = "min",
                    iref: Optional[str] = None, targ: Optional[float] = None, cap_max: bool = False,
                    gposts: Optional[Sequence[float]] = None, trunc2posts: bool = True) -> Any:
    s = _core.NormaliseSpec()
    s.method = method
    s.l, s.u = _pair(l_u, "l_u")
    s.mean, s.sd = _pair(m_sd, "m_sd")
    s.p1, s.p2 = _pair(npara, "npara")
    s.scale_factor = float(scale_factor)
    s.ties = ties
    if iref is not None:
        s.ref_unit = str(iref)
    if targ is not None:
        s.target = float(targ)
    s.cap_max = bool(cap_max)
    if gposts is not None:
        g = list(gposts)
        if len(g) not in (2, 3):
            raise _invalid("normalise", f"gposts must be (lo, hi) or (lo, hi, scale), not {gposts!r}")
        s.lo, s.hi = float(g[0]), float(g[1])
        s.scale = float(g[2]) if len(g) == 3 else 1.0
    s.trunc2posts = bool(trunc2posts)
    return s


def _treat_spec(*, winmax: Optional[int] = 5, skew_thresh: float = 2.0, kurt_thresh: float = 3.5,
                force_win: bool = False, f2: Optional[str] = "log_CT", lambda_: float = 1.0,
                combine_treat: bool = False) -> Any:
    s = _core.TreatSpec()
    if winmax is not None and (isinstance(winmax, bool) or int(winmax) != winmax):
        raise _invalid("treat", f"winmax must be a whole number or None, not {winmax!r}")
    s.winmax = -1 if winmax is None else int(winmax)
    s.skew_thresh = float(skew_thresh)
    s.kurt_thresh = float(kurt_thresh)
    s.force_win = bool(force_win)
    s.f2 = "none" if f2 is None else f2
    s.lambda_ = float(lambda_)
    s.combine_treat = bool(combine_treat)
    return s


def _check_keys(given: Mapping[str, Any], allowed: Sequence[str], where: str, msg_id: str) -> None:
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise _invalid(msg_id, f"{where}: unknown setting(s) {', '.join(unknown)}; expected {', '.join(allowed)}")


def _unknown(what: str, key: Any, known: Sequence[str]) -> KeyError:
    """regind's UnknownKey (a KeyError) with the closest known names, as the C++ layer raises."""
    import difflib

    near = difflib.get_close_matches(str(key), [str(k) for k in known], n=3, cutoff=0.0)
    hint = f"; closest: {', '.join(near)}" if near else ""
    exc = _core.UnknownKey(f"[regind.key_error.composite] unknown {what} '{key}'{hint}")
    exc.key = str(key)  # type: ignore[attr-defined]  # extra fields for callers that want them
    exc.suggestions = near  # type: ignore[attr-defined]
    return exc


def _as_mapping(value: Any, what: str, msg_id: str) -> dict[str, Any]:
    """A Mapping or a pandas Series as a plain dict with str keys."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    try:
        import pandas as pd

        if isinstance(value, pd.Series):
            return {str(k): v for k, v in value.items()}
    except ImportError:  # pragma: no cover
        pass
    raise _invalid(msg_id, f"{what} must be a dict (or pandas Series) keyed by iCode, not {type(value).__name__}")


def _aggregate_spec(method: str, p: Optional[float], dat_thresh: Optional[float]) -> Any:
    s = _core.AggregateSpec()
    s.method = method
    if p is not None:
        s.p = float(p)
    if dat_thresh is not None:
        s.dat_thresh = float(dat_thresh)
    return s


def _matrix(x: Any, what: str, msg_id: str) -> tuple[np.ndarray, Optional[list[str]], Optional[list[str]]]:
    """A 2-D float array from an array-like or DataFrame, with the DataFrame's labels."""
    rows = cols = None
    try:
        import pandas as pd

        if isinstance(x, pd.DataFrame):
            rows, cols = [str(i) for i in x.index], [str(c) for c in x.columns]
            x = x.to_numpy(dtype=float, na_value=np.nan)
    except ImportError:  # pragma: no cover
        pass
    try:
        a = np.array(x, dtype=float)
    except (TypeError, ValueError):
        raise _invalid(msg_id, f"{what} must be a 2-D array of numbers") from None
    if a.ndim != 2:
        raise _invalid(msg_id, f"{what} must be a 2-D array, not {a.ndim}-D")
    return a, rows, cols


def _labelled(values: np.ndarray, labels: Optional[list[str]], name: Optional[str] = None) -> Any:
    if labels is None:
        return values
    import pandas as pd

    return pd.Series(values, index=pd.Index(labels), name=name)


class CompositeIndex:
    """A composite index pipeline: framework, units, and every data set from Raw to
    Aggregated (COINr's "coin").

    Build one with :meth:`from_coinr`, then call the steps. Each step returns ``self``.
    """

    __slots__ = ("_impl", "_steps")

    def __init__(self, impl: Any) -> None:
        self._impl = impl
        self._steps: dict[str, dict[str, Any]] = {}

    # -- construction --------------------------------------------------------------------
    @classmethod
    def from_coinr(cls, iData: Any, iMeta: Any) -> "CompositeIndex":
        """Builds an index from COINr's two tables.

        Parameters
        ----------
        iData : pandas.DataFrame
            One row per unit: ``uCode`` (required, unique), optionally ``uName`` and ``Time``
            (a single time point), then one column per iMeta code of Type Indicator,
            Denominator, Group or Other.
        iMeta : pandas.DataFrame
            One row per code with ``Level``, ``iCode``, ``Parent``, ``Direction``, ``Weight``,
            ``Type`` (Indicator, Aggregate, Group, Denominator, Other) and optionally
            ``iName``, ``Denominator`` (the denominator of an indicator) and ``Target``.

        Raises
        ------
        ValueError
            When a table breaks COINr's rules (REFERENCE-METHODS.md §E0); the message names
            the row or column.
        """
        import pandas as pd

        if not isinstance(iMeta, pd.DataFrame) or not isinstance(iData, pd.DataFrame):
            raise _invalid("framework", "iData and iMeta must be pandas DataFrames")
        missing = [c for c in _META_REQUIRED if c not in iMeta.columns]
        if missing:
            raise _invalid("framework", f"iMeta lacks the required column(s) {', '.join(missing)}")
        n = len(iMeta)
        codes = _text_column(iMeta, "iCode")
        for i, c in enumerate(codes):
            if c is None:
                raise _invalid("framework", f"iMeta row {i + 1}: iCode must not be NA")
        level = _numeric_column(iMeta, "Level", "framework")
        direction = _numeric_column(iMeta, "Direction", "framework")
        weight = _numeric_column(iMeta, "Weight", "framework")
        target = _numeric_column(iMeta, "Target", "framework") if "Target" in iMeta.columns else np.full(n, np.nan)
        names = _text_column(iMeta, "iName") if "iName" in iMeta.columns else [None] * n
        parents = _text_column(iMeta, "Parent")
        types = _text_column(iMeta, "Type")
        denoms = _text_column(iMeta, "Denominator") if "Denominator" in iMeta.columns else [None] * n
        meta = ([float(v) for v in level], [str(c) for c in codes], [x or "" for x in names],
                [x or "" for x in parents], [float(v) for v in direction], [float(v) for v in weight],
                [x or "" for x in types], [x or "" for x in denoms], [float(v) for v in target])
        _core.CompositeIndex.check_meta(*meta)  # iMeta errors first: they explain iData errors
        type_of = {c: (t or "") for c, t in zip(codes, types)}

        if "uCode" not in iData.columns:
            raise _invalid("idata", "iData lacks the required column uCode")
        if iData.columns.duplicated().any():
            dup = sorted({str(c) for c in iData.columns[iData.columns.duplicated()]})
            raise _invalid("idata", f"duplicate iData column(s) {', '.join(dup)}")
        units = _text_column(iData, "uCode")
        for i, u in enumerate(units):
            if u is None:
                raise _invalid("idata", f"row {i + 1}: uCode must not be NA")
        unames = _text_column(iData, "uName") if "uName" in iData.columns else []
        if "Time" in iData.columns and iData["Time"].nunique(dropna=True) > 1:
            raise _invalid("idata", "iData holds several time points (panel data); build one CompositeIndex per Time")
        numeric: dict[str, np.ndarray] = {}
        groups: dict[str, list[Optional[str]]] = {}
        for col in iData.columns:
            col = str(col)
            if col in _SPECIAL:
                continue
            if col not in type_of:
                raise _invalid("idata", f"iData column '{col}' is not an iCode of iMeta (only uCode, uName and Time "
                                        "need no iMeta row)")
            t = type_of[col]
            if t == "Group":
                groups[col] = _text_column(iData, col)
            elif t != "Other":
                numeric[col] = _numeric_column(iData, col, "idata")
        impl = _core.CompositeIndex(*meta, [str(u) for u in units], [x or "" for x in unames], numeric, groups)
        return cls(impl)

    @classmethod
    def from_dataset(cls, dataset: Any, indicators: Optional[Sequence[str]] = None, period: Any = None, *,
                     regions: Optional[Sequence[Any]] = None, level: str = "city", framework: Any = None,
                     measure: str = "level", group: str = "parent_region", impute_panel: Optional[str] = None,
                     max_time: Optional[int] = None) -> "CompositeIndex":
        """Builds an index from a regind :class:`~regind.Dataset`: one unit per region, one
        indicator per catalogue code, the values of ``measure`` in ``period``.

        Parameters
        ----------
        dataset
            The regind Dataset holding the facts.
        indicators
            Indicator codes of the dataset's catalogue; default: the Level-1 rows of
            ``framework``. With a framework too, both must name the same indicators.
        period
            The period of the cross-section (e.g. ``"2023"``), required.
        regions
            Region keys (codes, names or Regions); default: every region of the dataset's
            registry at ``level`` (``"city"``, ``"county"``, ...).
        framework
            A DataFrame with ``iCode``, ``Parent``, ``Level`` and ``Weight`` (and optionally
            ``Direction`` and ``iName``) for the indicators and aggregates. Default: every
            indicator directly under one aggregate ``Index`` with weight 1.
        measure
            The measure read (``"level"``, ``"growth_pct"``, ...).
        group
            The name of the Group column holding each unit's parent region code, so that
            ``group_ranks(group)`` ranks the cities within their province, the counties
            within their city.
        impute_panel, max_time
            Fill missing values of ``period`` from the region's own other periods of the
            same kind (see :func:`impute_panel`: ``"latest"`` with at most ``max_time``
            periods back, ``"constant"``, ``"linear"``, ``"linear-constant"``).

        Units are the region codes as text (``uCode``) with their Chinese names (``uName``).
        Directions come from the framework's ``Direction`` column where given, otherwise from
        the catalogue (higher → 1, lower → −1; a neutral indicator needs a Direction).
        """
        import pandas as pd

        from .dataset import Dataset
        from ._core import Period

        if not isinstance(dataset, Dataset):
            raise _invalid("from_dataset", f"dataset must be a regind.Dataset, not {type(dataset).__name__}")
        if period is None:
            raise _invalid("from_dataset", "give the period of the cross-section, e.g. period='2023'")
        period = str(period)
        catalogue = dataset.indicators
        registry = dataset.regions

        # Framework rows.
        if framework is None:
            if not indicators:
                raise _invalid("from_dataset", "give indicators=[codes] or a framework")
            codes = [str(c) for c in indicators]
            frame = pd.DataFrame({"iCode": codes + ["Index"], "Parent": ["Index"] * len(codes) + [None],
                                  "Level": [1] * len(codes) + [2], "Weight": [1.0] * (len(codes) + 1)})
        else:
            if not isinstance(framework, pd.DataFrame):
                raise _invalid("from_dataset", "framework must be a pandas DataFrame")
            missing = [c for c in ("iCode", "Parent", "Level", "Weight") if c not in framework.columns]
            if missing:
                raise _invalid("from_dataset", f"framework lacks the column(s) {', '.join(missing)}")
            frame = framework.reset_index(drop=True)
            level_1 = [str(c) for c, lv in zip(frame["iCode"], _numeric_column(frame, "Level", "from_dataset"))
                       if lv == 1]
            if indicators is not None and sorted(str(c) for c in indicators) != sorted(level_1):
                raise _invalid("from_dataset", f"indicators {list(indicators)} differ from the framework's Level 1 "
                                               f"rows {level_1}")
            codes = level_1
        if len(set(codes)) != len(codes):
            raise _invalid("from_dataset", f"duplicate indicator codes in {codes}")
        levels = _numeric_column(frame, "Level", "from_dataset")
        directions = (_numeric_column(frame, "Direction", "from_dataset") if "Direction" in frame.columns
                      else np.full(len(frame), np.nan))
        inames = _text_column(frame, "iName") if "iName" in frame.columns else [None] * len(frame)
        meta_dir, meta_name = [], []
        for code, lv, d, nm in zip(frame["iCode"], levels, directions, inames):
            code = str(code)
            if lv == 1:
                ind = catalogue[code]  # UnknownKey with the closest codes
                if math.isnan(d):
                    cat_dir = str(ind.direction)
                    if cat_dir == "neutral":
                        raise _invalid("from_dataset", f"indicator '{code}' is neutral in the catalogue: give its "
                                                       "Direction (1 or -1) in the framework")
                    d = 1.0 if cat_dir == "higher" else -1.0
                meta_name.append(nm or ind.name_zh or code)
            else:
                d = 1.0 if math.isnan(d) else d
                meta_name.append(nm or code)
            meta_dir.append(d)
        if group in set(str(c) for c in frame["iCode"]):
            raise _invalid("from_dataset", f"the group column '{group}' is also an iCode of the framework")
        iMeta = pd.DataFrame({
            "Level": list(levels) + [np.nan],
            "iCode": [str(c) for c in frame["iCode"]] + [group],
            "iName": meta_name + [group],
            "Parent": [None if _is_na(p) or p == "" else str(p) for p in frame["Parent"]] + [None],
            "Direction": meta_dir + [np.nan],
            "Weight": list(_numeric_column(frame, "Weight", "from_dataset")) + [np.nan],
            "Type": ["Indicator" if lv == 1 else "Aggregate" for lv in levels] + ["Group"],
        })

        # Units.
        if regions is None:
            units = list(registry.at_level(level))
            if not units:
                raise _invalid("from_dataset", f"the dataset's registry has no region at level '{level}'")
        else:
            units = [registry[k] for k in (regions if isinstance(regions, (list, tuple)) else list(regions))]
            if not units:
                raise _invalid("from_dataset", "regions is empty")
        region_codes = [u.code for u in units]
        if len(set(region_codes)) != len(region_codes):
            raise _invalid("from_dataset", "a region is listed twice")
        if impute_panel is not None and impute_panel not in PANEL_IMPUTERS:
            raise _invalid("impute_panel", f"unknown panel imputation '{impute_panel}': expected latest, constant, "
                                           "linear or linear-constant")
        if max_time is not None and impute_panel is None:
            raise _invalid("from_dataset", "max_time is used with impute_panel='latest' only")
        target = Period(period)
        data: dict[str, Any] = {
            "uCode": [str(c) for c in region_codes],
            "uName": [u.name_zh for u in units],
            group: [None if u.parent is None else str(u.parent) for u in units],
        }
        for code in codes:
            if impute_panel is None:
                values, _rows, _cols = dataset.panel(code, measure, regions=region_codes, periods=[period])
                data[code] = np.asarray(values, dtype=float)[:, 0]
                continue
            _v, _r, every = dataset.panel(code, measure)
            same_kind = {Period(p) for p in every if Period(p).kind == target.kind} | {target}
            ordered = sorted(same_kind)
            texts = [str(p) for p in ordered]
            values, _rows, _cols = dataset.panel(code, measure, regions=region_codes, periods=texts)
            times = [p.first_year + (p.first_month - 1) / 12 for p in ordered]
            filled = _core.composite_impute_panel(np.asarray(values, dtype=float), impute_panel,
                                                  [float(t) for t in times], -1 if max_time is None else int(max_time))
            data[code] = np.asarray(filled)[:, texts.index(str(target))]
        iData = pd.DataFrame(data)
        return cls.from_coinr(iData, iMeta)

    # -- steps ---------------------------------------------------------------------------
    def _record(self, step: str, settings: dict[str, Any]) -> "CompositeIndex":
        self._steps[step] = settings
        return self

    def denominate(self, denominators: Optional[Mapping[str, Optional[str]]] = None, *,
                   scale_factors: Optional[Mapping[str, float]] = None) -> "CompositeIndex":
        """Divides indicators by denominators: x / (d / scale_factor) (COINr ``Denominate``).

        Parameters
        ----------
        denominators
            ``{iCode: denominator iCode}`` added to, or replacing, iMeta's ``Denominator``
            column; ``None`` as a value removes an indicator's denominator.
        scale_factors
            ``{iCode: factor}`` (default 1 for every indicator).
        """
        d = {str(k): ("" if v is None else str(v)) for k, v in (denominators or {}).items()}
        s = {str(k): float(v) for k, v in (scale_factors or {}).items()}
        self._impl.denominate(d, s)
        return self._record("denominate", {"denominators": dict(d), "scale_factors": dict(s)})

    def impute(self, method: str = "i_mean", group: Optional[str] = None) -> "CompositeIndex":
        """Fills missing values column by column (COINr ``Impute``).

        Parameters
        ----------
        method
            ``"i_mean"``, ``"i_median"``, ``"i_mean_grp"``, ``"i_median_grp"`` or ``"none"``.
            The group methods use the mean/median of the unit's group (e.g. COINr's
            ``build_example_coin`` uses ``"i_mean_grp"`` with ``group="EurAsia_group"``).
        group
            A Group column of iData; required by the group methods.

        Cells stay NaN where nothing can be imputed (an all-missing group or column, a unit
        without a group). Non-missing values never change.
        """
        if method in ("i_mean_grp", "i_median_grp") and group is None:
            raise _invalid("impute", f"{method} needs group=<a Group column of iData>")
        self._impl.impute(method, "" if group is None else str(group))
        return self._record("impute", {"method": method, "group": group})

    def screen(self, dat_thresh: float = 2 / 3, *, unit_screen: str = "byNA", nonzero_thresh: float = 0.05,
               force: Optional[Mapping[str, bool]] = None) -> "CompositeIndex":
        """Drops units with too little data or too many zeros (COINr ``Screen``).

        Parameters
        ----------
        dat_thresh
            Units with a fraction of available indicator values below it (strictly) are
            dropped by ``"byNA"``.
        unit_screen
            ``"byNA"``, ``"byzeros"``, ``"byNAandzeros"`` or ``"none"``.
        nonzero_thresh
            Threshold of the fraction of non-zero values (of those available) for ``"byzeros"``.
        force
            ``{uCode: True/False}`` includes or excludes units regardless of the rule.
        """
        f = {str(k): bool(v) for k, v in (force or {}).items()}
        self._impl.screen(unit_screen, float(dat_thresh), float(nonzero_thresh), f)
        return self._record("screen", {"dat_thresh": dat_thresh, "unit_screen": unit_screen,
                                       "nonzero_thresh": nonzero_thresh, "force": dict(f)})

    def treat(self, *, winmax: Optional[int] = 5, skew_thresh: float = 2.0, kurt_thresh: float = 3.5,
              force_win: bool = False, f2: Optional[str] = "log_CT", lambda_: float = 1.0,
              combine_treat: bool = False,
              individual: Optional[Mapping[str, Union[str, Mapping[str, Any]]]] = None) -> "CompositeIndex":
        """Treats outliers as COINr's default ``Treat`` (REFERENCE-METHODS.md §E4).

        An indicator passes if ``|skew| < skew_thresh`` or ``kurtosis < kurt_thresh``. A failing
        one is winsorised on the side of its skew, tied points together, while it fails and
        fewer than ``winmax`` points are winsorised; if it still fails, ``f2`` (``"log_CT"``:
        log(x − min + 0.01(max − min)); also ``"log_CT_plus"``, ``"log_CT_orig"``,
        ``"boxcox"`` with ``lambda_``, or None) is applied to the original column (to the
        winsorised one with ``combine_treat=True``).

        Parameters
        ----------
        individual
            ``{iCode: "none"}`` leaves an indicator untreated; ``{iCode: {setting: value}}``
            overrides settings (the keywords above) for that indicator.

        See :meth:`treat_details` and :meth:`treated_points` for what was done.
        """
        base: dict[str, Any] = dict(winmax=winmax, skew_thresh=skew_thresh, kurt_thresh=kurt_thresh,
                                    force_win=force_win, f2=f2, lambda_=lambda_, combine_treat=combine_treat)
        glob = _treat_spec(**base)
        indiv = {}
        for code, spec in (individual or {}).items():
            if isinstance(spec, str):
                if spec != "none":
                    raise _invalid("treat", f"{code}: an individual spec is 'none' or a dict, not {spec!r}")
                s = _treat_spec(**base)
                s.enabled = False
            else:
                _check_keys(spec, _TREAT_KEYS, str(code), "treat")
                s = _treat_spec(**{**base, **dict(spec)})
            indiv[str(code)] = s
        self._impl.treat(glob, indiv)
        return self._record("treat", {**base, "individual": dict(individual or {})})

    def normalise(self, method: str = "n_minmax", *, l_u: Sequence[float] = (0, 100),
                  m_sd: Sequence[float] = (0, 1), npara: Sequence[float] = (0, 100), scale_factor: float = 100,
                  ties: str = "min", iref: Optional[str] = None, targ: Optional[float] = None,
                  cap_max: bool = False, gposts: Optional[Sequence[float]] = None, trunc2posts: bool = True,
                  individual: Optional[Mapping[str, Mapping[str, Any]]] = None) -> "CompositeIndex":
        """Brings indicators onto a common scale (COINr ``Normalise``, REFERENCE-METHODS.md §E5).

        The iMeta ``Direction`` is applied once: with direction −1 higher values score lower.

        Parameters
        ----------
        method
            One of :data:`NORMALISERS`.
        l_u
            ``n_minmax`` output range (l, u).
        m_sd
            ``n_zscore`` output mean and standard deviation (sample SD, n − 1).
        npara, scale_factor
            ``n_scaled``: (x − p1)/(p2 − p1)·scale_factor, in the indicator's units.
        ties
            ``n_rank``, ``n_prank``, ``n_borda``: ``"min"``, ``"max"``, ``"average"``, ``"first"``.
        iref
            ``n_dist2ref``: the uCode of the reference unit.
        targ
            ``n_dist2targ``: the target in the indicator's units (default: iMeta ``Target``).
        cap_max
            ``n_dist2ref``, ``n_dist2targ``: cap scores at 1.
        gposts, trunc2posts
            ``n_goalposts``: (lo, hi[, scale]) in the indicator's units; clamp to [0, 1].
        individual
            ``{iCode: {setting: value}}``: settings (these keywords) for single indicators.
        """
        base: dict[str, Any] = dict(method=method, l_u=l_u, m_sd=m_sd, npara=npara, scale_factor=scale_factor,
                                    ties=ties, iref=iref, targ=targ, cap_max=cap_max, gposts=gposts,
                                    trunc2posts=trunc2posts)
        glob = _normalise_spec(**base)
        indiv = {}
        for code, spec in (individual or {}).items():
            if not isinstance(spec, Mapping):
                raise _invalid("normalise", f"{code}: an individual spec is a dict of settings, not {spec!r}")
            _check_keys(spec, _NORM_KEYS, str(code), "normalise")
            indiv[str(code)] = _normalise_spec(**{**base, **dict(spec)})
        self._impl.normalise(glob, indiv)
        return self._record("normalise", {**base, "individual": dict(individual or {})})

    def aggregate(self, method: Union[str, Sequence[str]] = "a_amean", *, p: Optional[float] = None,
                  dat_thresh: Optional[float] = None,
                  weights: Union[str, Mapping[str, float], Any, None] = None,
                  by_group: Optional[Mapping[str, Union[str, Mapping[str, Any]]]] = None) -> "CompositeIndex":
        """Aggregates level by level along the framework (COINr ``Aggregate``, §E7).

        Parameters
        ----------
        method
            One of :data:`AGGREGATORS`, or a list with one per level above the indicators.
            Missing children are dropped with their weights; the others' weights are rescaled
            to sum to 1. ``"a_copeland"`` scores each unit by Copeland's rule on the weighted
            outranking matrix of its group's children (see :func:`outrank`): it compares
            units, so its scores are counts of wins minus losses, in [−(n − 1), n − 1].
        p
            ``a_genmean``'s exponent.
        dat_thresh
            A unit's aggregate is NaN when the fraction of its children with data is below it
            (for ``a_copeland``, such a unit is also left out of the comparisons).
        weights
            The name of a weight set (see :meth:`weights`; ``"Original"`` is iMeta's), or
            ``{iCode: weight}`` replacing iMeta weights (weights are relative within a parent).
        by_group
            A method for single aggregates (groups of the framework), overriding ``method``:
            ``{aggregate iCode: "a_gmean"}`` or ``{iCode: {"method": ..., "p": ..., "dat_thresh": ...}}``.
        """
        methods = [method] if isinstance(method, str) else list(method)
        levels = [_aggregate_spec(m, p, dat_thresh) for m in methods]
        weight_set = ""
        w: dict[str, float] = {}
        if isinstance(weights, str):
            weight_set = weights
        else:
            w = {k: float(v) for k, v in _as_mapping(weights, "weights", "aggregate").items()}
        groups = {}
        for code, spec in (by_group or {}).items():
            if isinstance(spec, str):
                groups[str(code)] = _aggregate_spec(spec, p, dat_thresh)
            elif isinstance(spec, Mapping):
                _check_keys(spec, ("method", "p", "dat_thresh"), str(code), "aggregate")
                groups[str(code)] = _aggregate_spec(spec.get("method", "a_amean"), spec.get("p", p),
                                                    spec.get("dat_thresh", dat_thresh))
            else:
                raise _invalid("aggregate", f"{code}: a by_group spec is a method name or a dict, not {spec!r}")
        self._impl.aggregate(levels, w, weight_set, groups)
        return self._record("aggregate", {"method": method, "p": p, "dat_thresh": dat_thresh,
                                          "weights": weight_set if weight_set else dict(w),
                                          "by_group": dict(by_group or {})})

    # -- weights -------------------------------------------------------------------------
    def weights(self, method: str = "equal", *, level: int = 1, name: Optional[str] = None,
                base: Optional[str] = None, dset: Optional[str] = None,
                values: Optional[Mapping[str, float]] = None, abs_r: bool = False,
                matrices: Any = None, random_index: Optional[Sequence[float]] = None,
                itarg: Optional[Mapping[str, float]] = None, cor_method: str = "pearson",
                toler: float = 0.1, maxiter: int = 500) -> "CompositeIndex":
        """Computes a weight set and stores it as ``name`` (default: the method's name),
        replacing one of that name; use it with ``aggregate(weights=name)`` (REFERENCE-METHODS.md
        §E6). Only the weights of ``level`` change; every other node keeps the weight of the
        set ``base`` (default ``"Original"``, iMeta's). Data methods work per group of
        siblings (the children of one parent); a group of one gets weight 1.

        Parameters
        ----------
        method
            ``"equal"`` (1 each), ``"manual"`` (``values={iCode: weight}``, any level),
            ``"pca"`` (PC1 loadings of the standardised complete cases; their sign is fixed
            so they sum to a positive number, and a negative loading makes aggregation fail,
            naming the node), ``"entropy"`` (values must be >= 0; 0·ln 0 = 0), ``"critic"``
            (1 − r; ``abs_r=True`` for 1 − |r|), ``"ahp"`` (``matrices``), or the
            correlation-balancing optimisers ``"balance"`` (correlations of the level's nodes
            with the index as close as possible to the shares ``itarg``, default equal) and
            ``"infomax"`` (their sum as large as possible), which re-aggregate the index with
            the recorded ``aggregate()`` settings on every evaluation (NLopt Nelder–Mead,
            ``toler`` = relative tolerance, ``maxiter`` = evaluations; COINr's 0.1 and 500).
        level
            The framework level whose weights are computed (1 = indicators).
        dset
            The data of pca, entropy and critic: by default the data set ``aggregate()``
            reads for level 1 (e.g. ``"Normalised"``) and ``"Aggregated"`` above. On data
            sets before ``"Normalised"``, CRITIC applies the iMeta directions itself.
        matrices
            AHP pairwise comparisons ``{parent iCode: square matrix}`` in the framework order
            of the parent's children (a DataFrame labelled with the children's codes may be
            in any order); a single matrix when the level has one group of several nodes.
            Entries must be positive and reciprocal (a_ji = 1/a_ij).
        random_index
            AHP RI(1), RI(2), ...: default Saaty's RI(1..10).

        See :meth:`weight_set` and :meth:`weight_details` for the results (AHP's λ_max, CI
        and CR; PCA's variance explained; the optimiser's objective and correlations).
        """
        fw = self._impl.framework()
        matrices_in: dict[str, np.ndarray] = {}
        if matrices is not None:
            parents = {c: p for c, p in zip(fw["iCode"], fw["Parent"])}
            at_level = [c for c, lv in zip(fw["iCode"], fw["Level"]) if lv == level]
            children: dict[str, list[str]] = {}
            for c in at_level:
                children.setdefault(parents[c], []).append(c)
            if not isinstance(matrices, Mapping):
                several = [k for k, v in children.items() if len(v) > 1]
                if len(several) != 1:
                    raise _invalid("weights", f"ahp: level {level} has {len(several)} groups of several nodes; give "
                                              "matrices as {parent iCode: matrix}")
                matrices = {several[0]: matrices}
            for key, m in matrices.items():
                k = "" if key is None else str(key)
                a, rows, cols = _matrix(m, f"the comparison matrix of '{k}'", "weights")
                if rows is not None and k in children:
                    kids = children[k]
                    if sorted(rows) != sorted(kids) or sorted(cols or []) != sorted(kids):
                        raise _invalid("weights", f"ahp: the matrix of '{k}' is labelled {rows} × {cols}; its "
                                                  f"children are {kids}")
                    a = np.asarray(m.loc[kids, kids].to_numpy(dtype=float))
                matrices_in[k] = a
        vals = {k: float(v) for k, v in _as_mapping(values, "values", "weights").items()}
        targ = {k: float(v) for k, v in _as_mapping(itarg, "itarg", "weights").items()}
        if isinstance(level, bool) or int(level) != level:
            raise _invalid("weights", f"level must be a whole number, not {level!r}")
        if isinstance(maxiter, bool) or int(maxiter) != maxiter:
            raise _invalid("weights", f"maxiter must be a whole number, not {maxiter!r}")
        self._impl.compute_weights(method, "" if name is None else str(name), "" if base is None else str(base),
                                   int(level), dset, vals, bool(abs_r), matrices_in,
                                   [float(v) for v in (random_index or [])], targ, cor_method, float(toler),
                                   int(maxiter))
        return self

    def weight_sets(self) -> list[str]:
        """Names of the weight sets (``"Original"`` is iMeta's), sorted."""
        return list(self._impl.weight_set_names())

    def weight_set(self, name: str = "Original") -> Any:
        """A weight set as a Series (iCode → weight, every node; relative within parent)."""
        import pandas as pd

        d = self._impl.weight_set(str(name))
        return pd.Series(np.asarray(d["weights"]), index=pd.Index(d["iCode"], name="iCode"), name=d["name"])

    def weight_details(self, name: str) -> Any:
        """Diagnostics of a weight set, one row per group (the parent's iCode; ``""`` for the
        top level or the whole level): AHP ``lambda_max``, ``CI``, ``RI``, ``CR``; PCA
        ``variance_explained``, ``n_complete``; balance/infomax ``objective_start``,
        ``objective``, ``evaluations``, ``r.<iCode>`` and the optimiser's ``status``.
        Columns ``method`` and ``level`` say how the set was computed."""
        import pandas as pd

        d = self._impl.weight_set(str(name))
        rows = d["details"]
        out = pd.DataFrame.from_dict({k: dict(v) for k, v in rows.items()}, orient="index")
        out.index.name = "group"
        if d["status"]:
            out["status"] = d["status"]
        out["method"] = d["method"]
        out["level"] = d["level"]
        return out

    def effective_weights(self, weights: Union[str, Mapping[str, float], Any] = "Original") -> Any:
        """Effective weights (§E6): each node's share among its siblings times its parent's
        effective weight, so every level sums to 1. ``weights`` names a weight set, or gives
        ``{iCode: weight}`` changes to iMeta's."""
        import pandas as pd

        if isinstance(weights, str):
            d = self._impl.weight_set(weights)
            eff, codes = np.asarray(d["effective"]), list(d["iCode"])
        else:
            base = self.weight_set("Original")
            for k, v in _as_mapping(weights, "weights", "weights").items():
                if k not in base.index:
                    raise _unknown("iCode", k, list(base.index))
                base[k] = float(v)
            eff, codes = np.asarray(_core.composite_effective_weights(self._impl, base.to_numpy())), list(base.index)
        return pd.Series(eff, index=pd.Index(codes, name="iCode"), name="EffWeight")

    # -- uncertainty and sensitivity -----------------------------------------------------
    def uncertainty(self, n: int = 1000, *, seed: int = 0, **options: Any) -> Any:
        """Seeded Monte Carlo uncertainty analysis of this index (REFERENCE-METHODS.md §E9):
        ``n`` replications over the uncertain choices given as keyword arguments
        (``weights_noise={level: factor}``, ``normalisation=[...]``, ``aggregation=[...]``,
        ``impute=[...]``, ``treat=[..., None]``, ``targets``, ``threads``, ``progress``);
        see :func:`regind.uncertainty.uncertainty`. Returns an ``UncertaintyResult`` whose
        ``to_pandas()`` gives per unit the nominal, mean, median, 5 % and 95 % rank."""
        from .uncertainty import uncertainty

        return uncertainty(self, n=n, seed=seed, **options)

    def sensitivity(self, n: int = 100, *, seed: int = 0, **options: Any) -> Any:
        """Sobol' first-order and total indices (Saltelli / Jansen estimators, bootstrap
        intervals) of the rank changes caused by each uncertain choice, and per-unit
        sensitivity; the same keyword arguments as :meth:`uncertainty` plus ``target``,
        ``n_boot``, ``level``; see :func:`regind.uncertainty.sensitivity`."""
        from .uncertainty import sensitivity

        return sensitivity(self, n=n, seed=seed, **options)

    # -- results -------------------------------------------------------------------------
    def steps(self) -> list[tuple[str, dict[str, Any]]]:
        """The recorded steps with their settings, in pipeline order."""
        order = ("denominate", "impute", "screen", "treat", "normalise", "aggregate")
        return [(s, dict(self._steps[s])) for s in order if s in self._steps]

    def has(self, stage: str) -> bool:
        """Whether the data set ``stage`` (one of :data:`STAGES`) exists."""
        return bool(self._impl.has(stage))

    def generation(self, stage: str) -> int:
        """An id of the data set ``stage`` that changes whenever it is recomputed (0: absent)."""
        return int(self._impl.generation(stage))

    def data(self, stage: Optional[str] = None) -> Any:
        """A data set as a DataFrame (index ``uCode``, one column per indicator, and per
        aggregate for ``"Aggregated"``). Default: the latest data set."""
        import pandas as pd

        values, units, cols = self._impl.data(self._impl.latest() if stage is None else stage)
        return pd.DataFrame(values, index=pd.Index(units, name="uCode"), columns=list(cols))

    def to_pandas(self) -> Any:
        """The results table: :meth:`results` with ``tab_type="Aggs"`` (uCode, uName, Rank and
        every aggregate, highest index first)."""
        return self.results("Aggs")

    def scores(self) -> Any:
        """The Aggregated data set: indicators as aggregated (normalised) and every aggregate."""
        return self.data("Aggregated")

    def ranks(self) -> Any:
        """Ranks of :meth:`scores`, 1 = highest, ties share the lowest rank, missing stays
        ``<NA>`` (COINr: ``rank(-x, ties.method = "min", na.last = "keep")``)."""
        import pandas as pd

        values, units, cols = self._impl.ranks()
        return pd.DataFrame(values, index=pd.Index(units, name="uCode"), columns=list(cols)).astype("Int64")

    def group_ranks(self, group: str) -> Any:
        """:meth:`ranks` within the groups of a Group column (first column: the group).
        Units without a group get ``<NA>``."""
        import pandas as pd

        values, units, cols, labels = self._impl.group_ranks(group)
        out = pd.DataFrame(values, index=pd.Index(units, name="uCode"), columns=list(cols)).astype("Int64")
        out.insert(0, group, pd.Series(labels, index=out.index, dtype=object))
        return out

    def treat_details(self) -> Any:
        """Per indicator, COINr's ``Dets_Table``: the check before treatment
        (``check_SkewKurt0.*``), the number of winsorised points (``winsorise.nwin``), the
        check after winsorisation (``check_SkewKurt1.*``) and, when a transformation was
        applied to any indicator, ``transform`` and the check after it (``check_SkewKurt2.*``).
        Steps not run are ``<NA>``."""
        import pandas as pd

        d, _points, _units, cols = self._impl.treat_details()

        def verdict(a: np.ndarray) -> Any:
            return pd.array([pd.NA if math.isnan(v) else bool(v) for v in a], dtype="boolean")

        out = pd.DataFrame({
            "check_SkewKurt0.Pass": verdict(d["pass0"]),
            "check_SkewKurt0.Skew": d["skew0"],
            "check_SkewKurt0.Kurt": d["kurt0"],
            "winsorise.nwin": pd.array([pd.NA if math.isnan(v) else int(v) for v in d["nwin"]], dtype="Int64"),
            "check_SkewKurt1.Pass": verdict(d["pass1"]),
            "check_SkewKurt1.Skew": d["skew1"],
            "check_SkewKurt1.Kurt": d["kurt1"],
        }, index=pd.Index(list(cols), name="iCode"))
        if any(d["f2"]):
            out["transform"] = pd.Series([f or None for f in d["f2"]], index=out.index, dtype=object)
            out["check_SkewKurt2.Pass"] = verdict(d["pass2"])
            out["check_SkewKurt2.Skew"] = d["skew2"]
            out["check_SkewKurt2.Kurt"] = d["kurt2"]
        return out

    def treated_points(self) -> Any:
        """Which cells treatment changed, as COINr's ``Treated_Points``: ``"winhi"`` /
        ``"winlo"`` for winsorised cells, ``""`` otherwise; in a transformed column every
        cell reads the transformation (``"log_CT"``), after ``"winhi+"`` / ``"winlo+"`` when
        winsorisation had marked it first."""
        import pandas as pd

        d, points, units, cols = self._impl.treat_details()
        marks = np.array(["", "winhi", "winlo"], dtype=object)[points.astype(np.intp)]
        for j, f in enumerate(d["f2"]):
            if f:
                marks[:, j] = [f if m == "" else f"{m}+{f}" for m in marks[:, j]]
        return pd.DataFrame(marks, index=pd.Index(units, name="uCode"), columns=list(cols))

    def screen_summary(self) -> Any:
        """COINr's screening summary (``N_missing``, ``N_zero``, ``N_miss_or_zero``,
        ``Dat_Avail``, ``Non_Zero``, ``LowData``, ``LowNonZero``, ``LowDatOrZeroFlag``,
        ``Included``), one row per unit of the data set that was screened."""
        import pandas as pd

        d, units = self._impl.screen_summary()
        return pd.DataFrame({k: np.asarray(v) for k, v in d.items()}, index=pd.Index(units, name="uCode"))

    def stats(self, stage: Optional[str] = None, *, t_skew: float = 2.0, t_kurt: float = 3.5,
              t_avail: float = 0.65, t_zero: float = 0.5, t_unq: float = 0.5) -> Any:
        """COINr's ``get_stats`` of a data set's indicator columns (default: the latest data
        set): Min, Max, Mean, Median, Std (n − 1), Skew, Kurt, counts and fractions of
        available, non-zero, unique and most-repeated values, and the flags ``Flag.Avail``
        (``Frc.Avail < t_avail``), ``Flag.NonZero`` and ``Flag.Unique`` (non-zero / unique
        values per unit below ``t_zero`` / ``t_unq``), ``Flag.SkewKurt`` (``|Skew| > t_skew``
        and ``Kurt > t_kurt``)."""
        import pandas as pd

        st = self._impl.latest() if stage is None else stage
        d, cols = self._impl.stats(st, float(t_skew), float(t_kurt), float(t_avail), float(t_zero), float(t_unq))
        out = pd.DataFrame({k: np.asarray(v) for k, v in d.items() if not k.startswith(("low_", "outlier"))},
                           index=pd.Index(list(cols), name="iCode"))
        out["Flag.Avail"] = np.where(d["low_avail"], "LOW", "ok")
        out["Flag.NonZero"] = np.where(d["low_nonzero"], "LOW", "ok")
        out["Flag.Unique"] = np.where(d["low_unique"], "LOW", "ok")
        out["Flag.SkewKurt"] = np.where(d["outlier"], "OUT", "ok")
        return out

    def results(self, tab_type: str = "Aggs", *, use: str = "scores", use_group: Optional[str] = None,
                order_by: Optional[str] = None, nround: Optional[int] = None) -> Any:
        """COINr's results table (``get_results``) of the Aggregated data set, sorted by the
        index (or ``order_by``), highest first, missing last.

        Parameters
        ----------
        tab_type
            ``"Summ"``: uCode, uName, the index and Rank; ``"Aggs"``: uCode, uName, Rank and
            every aggregate from the top level down; ``"Full"``: also every indicator.
        use
            ``"scores"``, ``"ranks"`` (every column as ranks; no Rank column) or
            ``"groupranks"`` (ranks within ``use_group``; rows sorted by group).
        use_group
            A Group column to show after uName (required by ``"groupranks"``).
        nround
            Decimals to round scores to (COINr rounds to 2 by default; regind does not).
        """
        import pandas as pd

        if use not in ("scores", "ranks", "groupranks"):
            raise _invalid("results", f"unknown use '{use}': expected scores, ranks or groupranks")
        if use == "groupranks" and use_group is None:
            raise _invalid("results", "use='groupranks' needs use_group=<a Group column>")
        rows, cols, sort_code, rank = self._impl.results(tab_type, "" if order_by is None else str(order_by))
        units = self.scores().index
        names = dict(zip(self._impl.unit_codes, self._impl.unit_names))
        out = pd.DataFrame({"uCode": list(units), "uName": [names[u] for u in units]})
        if use_group is not None:
            g = self.group_ranks(use_group)
            out[use_group] = pd.Series(list(g[use_group]), dtype=object)
        if use == "scores":
            values = self.scores()
            rank_col = pd.array([pd.NA if math.isnan(r) else int(r) for r in rank], dtype="Int64")
            if tab_type == "Summ":
                out[sort_code] = values[sort_code].to_numpy()
                out["Rank"] = rank_col
            else:
                out["Rank"] = rank_col
                for c in cols:
                    out[c] = values[c].to_numpy()
            if nround is not None:
                num = [c for c in cols if c in out.columns]
                out[num] = out[num].round(int(nround))
        else:
            values = self.ranks() if use == "ranks" else self.group_ranks(str(use_group))  # checked above
            for c in cols:
                out[c] = values[c].array
        out = out.iloc[list(rows)]
        if use == "groupranks":
            out = out.sort_values(str(use_group), kind="stable", na_position="last")
        return out.reset_index(drop=True)

    def strengths_weaknesses(self, unit: Optional[str] = None, *, top_n: int = 5, bottom_n: int = 5,
                             dset: str = "Raw", min_discard: bool = True) -> Any:
        """Strengths and weaknesses of every unit, or of one (COINr ``get_str_weak``): the
        ``top_n`` indicators where the unit ranks best and the ``bottom_n`` where it ranks
        worst (weaknesses worst first), by ``rank(−d·x, ties="min")`` on ``dset`` — the raw
        data by default, with the directions d applied for data sets before Normalised.
        With ``min_discard`` an indicator where the unit shares the lowest rank of all is
        never a strength (e.g. a zero shared by many units).

        Returns a DataFrame with one row per (unit, kind, position): uCode, uName, kind
        (``"strength"`` / ``"weakness"``), position (1 = best strength / worst weakness),
        iCode, iName, Rank and Value (the unit's value in ``dset``).
        """
        import pandas as pd

        for v, nm in ((top_n, "top_n"), (bottom_n, "bottom_n")):
            if isinstance(v, bool) or int(v) != v:
                raise _invalid("str_weak", f"{nm} must be a whole number, not {v!r}")
        ranks, strengths, weaknesses, units, icodes = self._impl.strengths_weaknesses(dset, int(top_n),
                                                                                       int(bottom_n),
                                                                                       bool(min_discard))
        if unit is not None and str(unit) not in units:
            raise _unknown("uCode", unit, units)
        values, _u, _c = self._impl.data(dset)
        names = dict(zip(self._impl.unit_codes, self._impl.unit_names))
        inames = dict(zip(self._impl.framework()["iCode"], self._impl.names()))
        records = []
        for i, u in enumerate(units):
            if unit is not None and u != str(unit):
                continue
            for kind, cols in (("strength", strengths[i]), ("weakness", weaknesses[i])):
                for pos, j in enumerate(cols, start=1):
                    records.append((u, names[u], kind, pos, icodes[j], inames[icodes[j]], int(ranks[i, j]),
                                    float(values[i, j])))
        out = pd.DataFrame.from_records(records, columns=["uCode", "uName", "kind", "position", "iCode", "iName",
                                                          "Rank", "Value"])
        out["Rank"] = out["Rank"].astype("Int64")
        out["position"] = out["position"].astype("int64")
        return out

    def _columns(self, dset: Optional[str], level: Optional[int], codes: Optional[Sequence[str]],
                 parent: Optional[str] = None) -> Any:
        fw = self.framework()
        if parent is not None:
            if str(parent) not in fw.index:
                raise _unknown("iCode", parent, list(fw.index))
            codes = [c for c in fw.index if fw.at[c, "Parent"] == str(parent)]
            if not codes:
                raise _invalid("analysis", f"'{parent}' is an Indicator: it has no children")
        elif level is not None:
            codes = [c for c in fw.index if fw.at[c, "Level"] == level]
            if not codes:
                raise _invalid("analysis", f"level must be between 1 and {int(fw['Level'].max())}, not {level}")
        if dset is None:
            needs_aggregates = codes is not None and any(fw.at[c, "Level"] > 1 for c in codes if c in fw.index)
            dset = "Aggregated" if needs_aggregates else self._impl.latest()
        data = self.data(dset)
        if codes is None:
            return data
        for c in codes:
            if c not in data.columns:
                if c in fw.index:
                    raise _invalid("analysis", f"'{c}' is an aggregate: use dset='Aggregated'")
                raise _unknown("iCode", c, list(data.columns))
        return data[list(codes)]

    def correlations(self, dset: Optional[str] = None, *, level: Optional[int] = None,
                     codes: Optional[Sequence[str]] = None, method: str = "pearson") -> Any:
        """Correlation matrix (``"pearson"`` or ``"spearman"``, pairwise-complete rows) of
        the columns of a data set: ``codes``, the nodes of ``level``, or every column.
        Default data set: Aggregated when aggregates are asked for, else the latest.
        Undefined correlations (fewer than 2 pairs, a constant column) are NaN."""
        import pandas as pd

        x = self._columns(dset, level, codes)
        r = _core.composite_correlations(x.to_numpy(dtype=float), method)
        return pd.DataFrame(r, index=pd.Index(list(x.columns), name="iCode"), columns=list(x.columns))

    def cronbach(self, dset: Optional[str] = None, *, parent: Optional[str] = None, level: Optional[int] = None,
                 codes: Optional[Sequence[str]] = None) -> float:
        """Cronbach's alpha (§E8) of the children of ``parent``, the nodes of ``level``, or
        ``codes``, over complete cases: k/(k − 1)·(1 − Σ var_i / var(Σ x_i)). NaN with fewer
        than 2 complete cases."""
        x = self._columns(dset, level, codes, parent)
        return float(_core.composite_cronbach(x.to_numpy(dtype=float)))

    def framework(self) -> Any:
        """The framework as a DataFrame: iCode, Level, Parent (``""`` at the top), Direction,
        Weight and the effective weight of each node (REFERENCE-METHODS.md §E6)."""
        import pandas as pd

        return pd.DataFrame(self._impl.framework()).set_index("iCode")

    @property
    def units(self) -> list[str]:
        """The uCodes of the raw data, in iData order."""
        return list(self._impl.unit_codes)

    @property
    def groups(self) -> list[str]:
        """The Group columns of iData."""
        return list(self._impl.group_codes)

    def __repr__(self) -> str:
        steps = " → ".join(s for s, _ in self.steps()) or "no steps"
        return f"<CompositeIndex: {len(self.units)} units; {steps}; latest data set {self._impl.latest()}>"

    def _repr_html_(self) -> str:
        from ._html import composite_html

        return composite_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from ._pretty import composite_text, pretty

        pretty(printer, cycle, self, composite_text)


# -- kernels on any matrix ------------------------------------------------------------------
def outrank(x: Any, weights: Optional[Sequence[float]] = None) -> dict[str, Any]:
    """The weighted outranking matrix and Copeland scores of the rows of ``x`` (units ×
    criteria, higher is better; §E7).

    ``O[p, q]`` is the weight share of the criteria where p beats q, plus half the share where
    they tie, over the criteria both have a value for (so ``O[p, q] + O[q, p] = 1``; NaN on the
    diagonal and for pairs with nothing to compare). Copeland's score of p is
    Σ_q sign(O[p, q] − ½). Returns ``{"outranking", "copeland", "dominance_pairs",
    "frac_dominant"}``; with a DataFrame, the first two are labelled by its index.
    """
    import pandas as pd

    a, rows, cols = _matrix(x, "x", "outranking")
    w = np.ones(a.shape[1]) if weights is None else np.asarray(weights, dtype=float)
    o, cop, pairs, frac = _core.composite_outrank(a, w)
    out: dict[str, Any] = {"outranking": o, "copeland": np.asarray(cop), "dominance_pairs": int(pairs),
                           "frac_dominant": float(frac)}
    if rows is not None:
        out["outranking"] = pd.DataFrame(o, index=pd.Index(rows), columns=rows)
        out["copeland"] = pd.Series(np.asarray(cop), index=pd.Index(rows), name="Copeland")
    return out


def entropy_weights(x: Any) -> Any:
    """Entropy weights of the columns of ``x`` (values >= 0, NaN skipped per column,
    0·ln 0 = 0; §E6). A Series for a DataFrame, else an array; they sum to 1."""
    a, _rows, cols = _matrix(x, "x", "weights")
    return _labelled(np.asarray(_core.composite_entropy_weights(a, cols or [])), cols, "entropy")


def critic_weights(x: Any, directions: Optional[Sequence[int]] = None, *, abs_r: bool = False) -> Any:
    """CRITIC weights of the columns of ``x`` (§E6): min-max with ``directions`` (±1 per
    column, default all 1) over the complete rows, C_j = σ_j Σ_k (1 − r_jk) (1 − |r_jk| with
    ``abs_r``), normalised to sum 1."""
    a, _rows, cols = _matrix(x, "x", "weights")
    dirs = [1] * a.shape[1] if directions is None else [int(d) for d in directions]
    return _labelled(np.asarray(_core.composite_critic_weights(a, dirs, bool(abs_r), cols or [])), cols, "critic")


def pca_weights(x: Any) -> dict[str, Any]:
    """PC1 loadings of the standardised complete rows of ``x`` (§E6), signed so that they
    sum to a positive number: ``{"loadings", "variance_explained", "n_complete"}``."""
    a, _rows, cols = _matrix(x, "x", "weights")
    load, var, n = _core.composite_pca_weights(a, cols or [])
    return {"loadings": _labelled(np.asarray(load), cols, "pca"), "variance_explained": float(var),
            "n_complete": int(n)}


def ahp_weights(a: Any, random_index: Optional[Sequence[float]] = None) -> dict[str, Any]:
    """AHP weights of a pairwise comparison matrix (§E6): the principal right eigenvector
    (sum 1), ``lambda_max``, ``CI`` = (λ_max − n)/(n − 1), ``RI`` and ``CR`` = CI/RI
    (acceptable below 0.1). ``random_index`` is RI(1), RI(2), ... (default Saaty's 1..10)."""
    m, _rows, cols = _matrix(a, "the comparison matrix", "weights")
    d = dict(_core.composite_ahp_weights(m, None if random_index is None else [float(v) for v in random_index]))
    d["weights"] = _labelled(np.asarray(d["weights"]), cols, "ahp")
    return d


def impute_panel(values: Any, method: str = "latest", *, times: Optional[Sequence[float]] = None,
                 max_time: Optional[int] = None) -> Any:
    """Fills missing values of a units × times panel from each unit's own series (COINr
    ``impute_panel``, §E3).

    ``"latest"`` carries the last observation forward, at most ``max_time`` time points;
    ``"constant"`` and ``"linear"`` are R's ``approx(rule = 2)`` (the nearest observation
    outside the observed span); ``"linear-constant"`` is linear, and constant for a series with
    a single observation (``"linear"`` leaves those NaN). ``times`` place the columns for
    ``"linear"`` (default 0, 1, 2, ...). Observed values never change. A DataFrame comes back
    as a DataFrame with the same labels."""
    import pandas as pd

    a, rows, cols = _matrix(values, "values", "impute_panel")
    if max_time is not None and (isinstance(max_time, bool) or int(max_time) != max_time or max_time < 0):
        raise _invalid("impute_panel", f"max_time must be a whole number >= 0 or None, not {max_time!r}")
    t = [] if times is None else [float(v) for v in times]
    out = np.asarray(_core.composite_impute_panel(a, method, t, -1 if max_time is None else int(max_time)))
    if rows is None:
        return out
    return pd.DataFrame(out, index=values.index, columns=values.columns)


def correlations(x: Any, method: str = "pearson") -> Any:
    """Correlation matrix of the columns of ``x`` (``"pearson"`` or ``"spearman"``,
    pairwise-complete rows, NaN where undefined)."""
    import pandas as pd

    a, _rows, cols = _matrix(x, "x", "correlation")
    r = np.asarray(_core.composite_correlations(a, method))
    return r if cols is None else pd.DataFrame(r, index=pd.Index(cols), columns=cols)


def cronbach_alpha(x: Any) -> float:
    """Cronbach's alpha of the columns of ``x`` over its complete rows (§E8)."""
    a, _rows, _cols = _matrix(x, "x", "cronbach")
    return float(_core.composite_cronbach(a))


__all__ = ["AGGREGATORS", "CompositeIndex", "IMPUTERS", "NORMALISERS", "PANEL_IMPUTERS", "STAGES", "WEIGHT_METHODS",
           "ahp_weights", "correlations", "critic_weights", "cronbach_alpha", "entropy_weights", "impute_panel",
           "outrank", "pca_weights"]
