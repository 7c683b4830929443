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
AGGREGATORS: tuple[str, ...] = ("a_amean", "a_gmean", "a_hmean", "a_genmean", "a_median")
#: The imputation methods (§E3).
IMPUTERS: tuple[str, ...] = ("i_mean", "i_median", "i_mean_grp", "i_median_grp", "none")

_META_REQUIRED = ("Level", "iCode", "Parent", "Direction", "Weight", "Type")
_SPECIAL = ("uCode", "uName", "Time")
_TREAT_KEYS = ("winmax", "skew_thresh", "kurt_thresh", "force_win", "f2", "lambda_", "combine_treat")
_NORM_KEYS = ("method", "l_u", "m_sd", "npara", "scale_factor", "ties", "iref", "targ", "cap_max", "gposts",
              "trunc2posts")


def _invalid(msg_id: str, text: str) -> ValueError:
    return ValueError(f"[regind.invalid_input.{msg_id}] {text}")


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
        base = dict(winmax=winmax, skew_thresh=skew_thresh, kurt_thresh=kurt_thresh, force_win=force_win, f2=f2,
                    lambda_=lambda_, combine_treat=combine_treat)
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
        base = dict(method=method, l_u=l_u, m_sd=m_sd, npara=npara, scale_factor=scale_factor, ties=ties, iref=iref,
                    targ=targ, cap_max=cap_max, gposts=gposts, trunc2posts=trunc2posts)
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
                  weights: Optional[Mapping[str, float]] = None) -> "CompositeIndex":
        """Aggregates level by level along the framework (COINr ``Aggregate``, §E7).

        Parameters
        ----------
        method
            One of :data:`AGGREGATORS`, or a list with one per level above the indicators.
            Missing children are dropped with their weights; the others' weights are rescaled
            to sum to 1.
        p
            ``a_genmean``'s exponent.
        dat_thresh
            A unit's aggregate is NaN when the fraction of its children with data is below it.
        weights
            ``{iCode: weight}`` replacing iMeta weights (weights are relative within a parent).
        """
        methods = [method] if isinstance(method, str) else list(method)
        levels = []
        for m in methods:
            s = _core.AggregateSpec()
            s.method = m
            if p is not None:
                s.p = float(p)
            if dat_thresh is not None:
                s.dat_thresh = float(dat_thresh)
            levels.append(s)
        w = {str(k): float(v) for k, v in (weights or {}).items()}
        self._impl.aggregate(levels, w)
        return self._record("aggregate", {"method": method, "p": p, "dat_thresh": dat_thresh, "weights": dict(w)})

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


__all__ = ["AGGREGATORS", "CompositeIndex", "IMPUTERS", "NORMALISERS", "STAGES"]
