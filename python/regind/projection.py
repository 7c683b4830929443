# SPDX-License-Identifier: MIT
"""Projections of an indicator's series (REFERENCE-METHODS.md §C1–C7).

Methods (``method=``):

``"cagr"``
    Compound growth between the first and last values over their calendar span, extrapolated
    (C1). No interval and no distribution: ``lower``/``upper`` and :meth:`Projection.prob_at_least`
    are NaN.
``"linear"``, ``"loglinear"``
    OLS of ``y`` (or ``ln y``) on the periods with Student-t prediction intervals (C2); the same
    numbers as statsmodels ``OLS(...).fit().get_prediction(x0).summary_frame(alpha)``
    (``mean``, ``obs_ci_lower``, ``obs_ci_upper``). For ``loglinear`` the interval is the exp of
    the log-scale one, ``median`` is ``exp(fit)``, ``mean`` is the exact lognormal mean
    ``exp(fit + se²/2)`` and ``mean_taylor`` is ``exp(fit)·(1 + se²/2)``, the bias adjustment of
    R forecast and fable (``se`` = the log-scale prediction standard error).
``"holt"``, ``"damped_holt"``
    Holt's linear trend, undamped or damped, with fixed or estimated parameters (C3). ``beta``
    is statsmodels' component-form ``smoothing_trend`` β*; ``beta_r=`` gives R's
    error-correction β instead (β = α·β*, see :func:`beta_r_from_star`). Unset parameters are
    estimated by least squares within R's bounds (α, β* ∈ [1e-4, 0.9999], φ ∈ [0.8, 0.98]).
    Fixed parameters reproduce statsmodels ``Holt(..., initialization_method="known")``.
``"ets"``
    Additive-error ETS ``model="ANN"``, ``"AAN"`` (default) or ``"AAdN"`` by maximum
    likelihood with the initial states (as R ``forecast::ets``; ``beta`` is R's β), with the
    analytic forecast variances of C4, ``sigma2 = SSE/(n − k)`` (k counts every parameter and
    initial state) and normal prediction intervals.
``"auto"``
    ``cagr`` for two points, ``loglinear`` for ≥ 3 positive points, ``linear`` otherwise.

Short series (C7) are a status, not an exception: fewer than two values, two values for an OLS
trend, or an estimated smoothing model with ``n ≤ k + 4`` (R's rule) give
``status == "insufficient_data"`` with a note saying what would work. NaN values are refused
unless ``missing="available_points"`` (cagr and OLS only) or ``"longest_contiguous"``.

>>> from regind.projection import project
>>> p = project([100, 108, 117, 125, 136, 146], [2016, 2017, 2018, 2019, 2020, 2021])
>>> round(p.params["trend_growth"], 6)
0.078651
>>> p.periods.tolist()
[2022.0]
"""
from __future__ import annotations

import math
import numbers
from typing import Any, Optional, Sequence

import numpy as np

from . import _core
from ._core import InvalidInput, Period
from ._progressbar import Progress, progress_callback

_p = _core.projection

#: Projection methods accepted by :func:`project`.
METHODS: tuple[str, ...] = ("cagr", "linear", "loglinear", "holt", "damped_holt", "ets", "auto")
#: Values of ``missing=``.
MISSING_POLICIES: tuple[str, ...] = ("error", "available_points", "longest_contiguous")
#: Values of :attr:`Projection.status`.
STATUSES: tuple[str, ...] = ("ok", "insufficient_data", "not_converged")
#: ETS models of ``method="ets"``.
ETS_MODELS: tuple[str, ...] = ("ANN", "AAN", "AAdN")

__all__ = [
    "BatchProjection", "ETS_MODELS", "METHODS", "MISSING_POLICIES", "Projection", "STATUSES", "beta_r_from_star",
    "beta_star_from_r", "ets_relative_variance", "project", "project_batch",
]


class Projection:
    """A projection: point forecasts, prediction intervals, the fit and what was done.

    Arrays indexed by horizon step (``periods``, ``mean``, ``median``, ``mean_taylor``,
    ``lower``, ``upper``) have ``horizon`` entries; ``fitted`` and ``residuals`` have one entry per
    input value, NaN where a value was not used. Arrays are read-only views.
    """

    __slots__ = ("_impl",)

    def __init__(self, impl: Any) -> None:
        self._impl = impl

    # -- what was done --------------------------------------------------------------------
    @property
    def method(self) -> str:
        """The method used (``"auto"`` resolved to the method it chose)."""
        return self._impl.method  # type: ignore[no-any-return]

    @property
    def status(self) -> str:
        """``"ok"``, ``"insufficient_data"`` or ``"not_converged"`` (see :data:`STATUSES`)."""
        return self._impl.status  # type: ignore[no-any-return]

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def model(self) -> Optional[str]:
        """The ETS form of a smoothing model (holt = ``"AAN"``, damped_holt = ``"AAdN"``), else None."""
        return self._impl.model  # type: ignore[no-any-return]

    @property
    def horizon(self) -> int:
        return self._impl.horizon  # type: ignore[no-any-return]

    @property
    def level(self) -> float:
        """Coverage of the prediction interval."""
        return self._impl.level  # type: ignore[no-any-return]

    @property
    def params(self) -> dict[str, float]:
        """Fitted or given parameters: cagr (``cagr``, ``span``, …), OLS (``intercept``,
        ``slope``, ``sigma2``, ``df``; loglinear also ``trend_growth`` = exp(slope) − 1),
        smoothing (``alpha``, ``beta`` in the method's convention, ``beta_star``, ``beta_r``,
        ``phi``, ``initial_level``, ``initial_trend``, ``sse``, ``mse``, ``sigma2``, ``k``,
        ``loglik`` = Gaussian log-likelihood at σ² = SSE/n as statsmodels' ``llf``)."""
        return dict(self._impl.params)

    @property
    def notes(self) -> list[str]:
        """What was done, in words: the policy applied to missing values, the estimator, why a
        status is not ok."""
        return list(self._impl.notes)

    @property
    def n_used(self) -> int:
        """How many values the projection is based on."""
        return self._impl.n_used  # type: ignore[no-any-return]

    @property
    def distribution(self) -> str:
        """The forecast distribution: ``"student_t"`` (linear), ``"log_student_t"`` (loglinear),
        ``"normal"`` (holt, ets) or ``"none"`` (cagr, and any status other than ok)."""
        return self._impl.distribution  # type: ignore[no-any-return]

    # -- numbers --------------------------------------------------------------------------
    @property
    def periods(self) -> np.ndarray:
        """The projected periods: last used period + h·step for h = 1..horizon."""
        return self._impl.periods  # type: ignore[no-any-return]

    @property
    def mean(self) -> np.ndarray:
        return self._impl.mean  # type: ignore[no-any-return]

    @property
    def median(self) -> np.ndarray:
        """exp of the log-scale fit for loglinear; the mean otherwise."""
        return self._impl.median  # type: ignore[no-any-return]

    @property
    def mean_taylor(self) -> np.ndarray:
        """loglinear: ``exp(fit)·(1 + se²/2)`` (R forecast/fable ``biasadj``); the mean otherwise."""
        return self._impl.mean_taylor  # type: ignore[no-any-return]

    @property
    def lower(self) -> np.ndarray:
        return self._impl.lower  # type: ignore[no-any-return]

    @property
    def upper(self) -> np.ndarray:
        return self._impl.upper  # type: ignore[no-any-return]

    @property
    def fitted(self) -> np.ndarray:
        """In-sample fit on the data scale: OLS line (exp of it for loglinear), one-step-ahead
        forecasts for holt/ets, the compound path for cagr."""
        return self._impl.fitted  # type: ignore[no-any-return]

    @property
    def residuals(self) -> np.ndarray:
        """``values − fitted``."""
        return self._impl.residuals  # type: ignore[no-any-return]

    @property
    def states(self) -> Optional[np.ndarray]:
        """Smoothing models: level (and trend) after each used value, row 0 the initial states."""
        s = self._impl.states
        return s if s.size else None

    # -- probabilities and paths ----------------------------------------------------------
    def prob_at_least(self, threshold: float, step: int = -1) -> float:
        """P(value at horizon step ``step`` ≥ ``threshold``) under the forecast distribution (C6).

        Parameters
        ----------
        threshold
            The value to reach, e.g. a target level.
        step
            Horizon step, counted from 0; negative counts from the end (−1, the default, is the
            last step).

        Returns
        -------
        float
            Analytic: Student-t for linear and loglinear (on the log scale), normal with σ_h for
            holt and ets. NaN for cagr, which has no distribution, and when ``status`` is not ok.
        """
        _check_int("step", step)
        return float(self._impl.prob_at_least(float(threshold), int(step)))

    def simulate(self, repetitions: int = 1000, *, seed: int = 0,
                 innovations: Optional[Any] = None) -> np.ndarray:
        """Sample paths of a holt/damped_holt/ets projection (C5), ``repetitions × horizon``.

        Parameters
        ----------
        repetitions
            Number of paths (ignored when ``innovations`` is given).
        seed
            Seed of the generator (mt19937_64 with Box–Muller: the same paths on every platform).
        innovations
            Optional errors to use instead of random draws, ``k × horizon`` in the data's units
            (as R ``simulate(fit, innov=...)``); a 1-D array is one path.
        """
        if innovations is not None:
            e = np.ascontiguousarray(np.asarray(innovations, dtype=np.float64))
            if e.ndim == 1:
                e = e.reshape(1, -1)
            return self._impl.simulate_with(e)  # type: ignore[no-any-return]
        _check_int("repetitions", repetitions)
        _check_int("seed", seed)
        if repetitions < 1:
            raise InvalidInput("[regind.invalid_input.simulate] repetitions must be at least 1")
        if seed < 0:
            raise InvalidInput("[regind.invalid_input.simulate] seed must be a non-negative integer")
        return self._impl.simulate(int(repetitions), int(seed))  # type: ignore[no-any-return]

    def to_pandas(self) -> Any:
        """One row per horizon step: ``period``, ``mean``, ``median``, ``lower``, ``upper`` (and
        ``mean_taylor`` for loglinear), indexed by ``step`` (1..horizon)."""
        import pandas as pd

        cols: dict[str, Any] = {"period": self.periods, "mean": self.mean, "median": self.median,
                                "lower": self.lower, "upper": self.upper}
        if self.method == "loglinear":
            cols["mean_taylor"] = self.mean_taylor
        return pd.DataFrame(cols, index=pd.RangeIndex(1, self.horizon + 1, name="step"))

    def __repr__(self) -> str:
        model = f" {self.model}" if self.model and self.method == "ets" else ""
        return (f"Projection(method='{self.method}'{model}, status='{self.status}', horizon={self.horizon}, "
                f"mean={np.array2string(self.mean, precision=6, separator=', ')})")

    def _repr_html_(self) -> str:
        from ._html import projection_html

        return projection_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from ._pretty import pretty, projection_text

        pretty(printer, cycle, self, projection_text)


class BatchProjection:
    """Projections of many series at once: ``series × horizon`` arrays.

    Attributes
    ----------
    mean, median, lower, upper, periods
        ``series × horizon`` float arrays (``periods``: the projected periods of each series).
    status, methods
        Per series: the status and the method used (an object array of ``str``).
    notes
        Per series: the notes of :attr:`Projection.notes`.
    index
        Row labels when a DataFrame was projected, else None.
    """

    __slots__ = ("mean", "median", "lower", "upper", "periods", "status", "methods", "index", "_note_codes",
                 "_note_lists", "_notes")

    def __init__(self, raw: dict[str, Any], index: Optional[list[Any]]) -> None:
        self.mean: np.ndarray = raw["mean"]
        self.median: np.ndarray = raw["median"]
        self.lower: np.ndarray = raw["lower"]
        self.upper: np.ndarray = raw["upper"]
        self.periods: np.ndarray = raw["periods"]
        # The binding returns categories (codes and names), built without the GIL; one NumPy
        # take makes the object arrays.
        self.status: np.ndarray = _from_categories(*raw["status"])
        self.methods: np.ndarray = _from_categories(*raw["methods"])
        self._note_codes: np.ndarray
        self._note_lists: list[list[str]]
        self._note_codes, self._note_lists = raw["notes"]
        self._notes: Optional[list[list[str]]] = None
        self.index = index

    @property
    def notes(self) -> list[list[str]]:
        """Per series: the notes of :attr:`Projection.notes` (one list per series, built on
        first use from the few distinct lists)."""
        if self._notes is None:
            lists = self._note_lists
            self._notes = [list(lists[code]) for code in self._note_codes.tolist()]
        return self._notes

    def __len__(self) -> int:
        return int(self.mean.shape[0])

    def to_pandas(self) -> Any:
        """One row per series and horizon step (index ``series``, ``step``): ``period``,
        ``mean``, ``median``, ``lower``, ``upper``, ``status`` and ``method``. ``series`` is the
        DataFrame's row label when a DataFrame was projected, else the row number."""
        import pandas as pd

        n, h = self.mean.shape
        labels = list(range(n)) if self.index is None else list(self.index)
        index = pd.MultiIndex.from_product([labels, range(1, h + 1)], names=["series", "step"])
        return pd.DataFrame({"period": self.periods.reshape(-1), "mean": self.mean.reshape(-1),
                             "median": self.median.reshape(-1), "lower": self.lower.reshape(-1),
                             "upper": self.upper.reshape(-1), "status": np.repeat(self.status, h),
                             "method": np.repeat(self.methods, h)}, index=index)

    def __repr__(self) -> str:
        counts = {s: int(np.sum(self.status == s)) for s in STATUSES if np.any(self.status == s)}
        return f"BatchProjection(series={len(self)}, horizon={self.mean.shape[1]}, status={counts})"


def _from_categories(codes: np.ndarray, names: list[str]) -> np.ndarray:
    table = np.empty(len(names), dtype=object)
    table[:] = names
    result: np.ndarray = table[codes]
    return result


def project(values: Any, periods: Optional[Sequence[Any]] = None, *, method: str = "loglinear",
            horizon: int = 1, level: float = 0.95, missing: str = "error", step: float = 1.0,
            **params: Any) -> Projection:
    """Projects one series ``horizon`` steps ahead.

    Parameters
    ----------
    values
        The series (list, NumPy array or pandas Series; NaN or None = missing). A Series with a
        numeric index and no ``periods`` is projected at its index.
    periods
        Strictly increasing numbers (years such as 2016..2021), :class:`regind.Period` years or
        their text (``"2021"``, ``"2021年"``); default 0..n−1.
    method
        One of :data:`METHODS` (see the module notes).
    horizon
        Steps to project, ≥ 1. Step h is at the last used period + h·``step``.
    level
        Coverage of the prediction interval, strictly between 0 and 1.
    missing
        ``"error"`` (default: NaN raises, naming its position), ``"available_points"`` (cagr and
        OLS on the values present) or ``"longest_contiguous"`` (the longest run without NaN, the
        latest when runs tie).
    step
        Distance between consecutive periods (1 for annual data given as years).
    **params
        holt/damped_holt/ets only: ``alpha``, ``beta`` (holt: β*; ets: R's β), ``beta_star``,
        ``beta_r``, ``phi``, ``initial_level``, ``initial_trend``, ``initialization``
        (``"estimated"``, ``"legacy"``: l0 = y1, b0 = y2 − y1, or ``"known"``) and, for ets,
        ``model`` (:data:`ETS_MODELS`). Unset ones are estimated.

    Returns
    -------
    Projection

    Raises
    ------
    regind.InvalidInput
        (a ``ValueError``) for bad input: unknown method or parameter, horizon < 1, level
        outside (0, 1), periods not matching the values or not increasing, NaN under
        ``missing="error"``, values ≤ 0 for cagr/loglinear, parameters out of range.
    """
    _check_int("horizon", horizon)
    y, index = _series(values)
    t = _periods(periods, len(y)) if periods is not None else index
    impl = _p.project(y, t, _text("method", method), int(horizon), _number("level", level), _text("missing", missing),
                      _number("step", step), params)
    return Projection(impl)


def project_batch(matrix: Any, periods: Optional[Sequence[Any]] = None, *, method: str = "loglinear",
                  horizon: int = 1, level: float = 0.95, missing: str = "error", step: float = 1.0,
                  threads: int = 0, progress: Progress = None, **params: Any) -> BatchProjection:
    """Projects every row of ``matrix`` (series × periods) in parallel, releasing the GIL.

    Row ``r`` of each result equals ``project(matrix[r], periods, ...)`` with the same options.

    Parameters
    ----------
    matrix
        2-D array or DataFrame (rows: series, columns: periods; a DataFrame with numeric column
        labels and no ``periods`` is projected at those labels).
    threads
        Worker threads; 0 (default) uses every hardware thread.
    progress
        True: a progress bar when tqdm is installed (silence when it is not); a callable:
        ``progress(done, total)`` with the rows done, on the calling thread, at most ~100
        times (an exception raised there, or Ctrl-C, stops the run); None/False: nothing.
    periods, method, horizon, level, missing, step, **params
        As for :func:`project`.

    Raises
    ------
    regind.InvalidInput
        As :func:`project`; an error in one row names the row (``row 3: ...``).
    """
    _check_int("horizon", horizon)
    _check_int("threads", threads)
    if threads < 0:
        raise InvalidInput(f"[regind.invalid_input.threads] threads must be ≥ 0 (0 = all cores), got {threads}")
    index: Optional[list[Any]] = None
    t: Optional[np.ndarray] = None
    if _is_dataframe(matrix):
        index = list(matrix.index)
        if periods is None and _numeric_labels(matrix.columns):
            t = np.asarray(matrix.columns, dtype=np.float64)
        m = matrix.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        m = np.asarray(matrix, dtype=np.float64)
    if m.ndim != 2:
        raise InvalidInput(f"[regind.invalid_input.values] project_batch needs a 2-D array (series × periods), got "
                           f"{m.ndim} dimension(s)")
    m = np.ascontiguousarray(m)
    if periods is not None:
        t = _periods(periods, m.shape[1])
    with progress_callback(progress, "project_batch") as report:
        raw = _p.project_batch(m, t, _text("method", method), int(horizon), _number("level", level),
                               _text("missing", missing), _number("step", step), params, int(threads), report)
    return BatchProjection(raw, index)


def beta_r_from_star(alpha: float, beta_star: float) -> float:
    """R's error-correction β from statsmodels' component-form β*: ``β = α·β*`` (C3)."""
    return float(_p.beta_r_from_star(float(alpha), float(beta_star)))


def beta_star_from_r(alpha: float, beta_r: float) -> float:
    """statsmodels' β* from R's β: ``β* = β/α`` (NaN when α = 0)."""
    return float(_p.beta_star_from_r(float(alpha), float(beta_r)))


def ets_relative_variance(model: str, h: int, *, alpha: float, beta: float = 0.0, phi: float = 1.0) -> float:
    """σ_h²/σ² of an additive-error ETS model at horizon ``h`` ≥ 1 (C4 closed forms).

    ``model`` is ``"ANN"``, ``"AAN"`` or ``"AAdN"``; ``beta`` is R's β; ANN ignores beta and
    phi, AAN ignores phi. The prediction interval is ``mean ± z·σ·sqrt(ratio)``.
    """
    _check_int("h", h)
    return float(_p.ets_relative_variance(_text("model", model), float(alpha), float(beta), float(phi), int(h)))


# -- argument conversion --------------------------------------------------------------------
def _check_int(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidInput(f"[regind.invalid_input.{name}] {name} must be an integer, not {type(value).__name__}")


def _number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidInput(f"[regind.invalid_input.{name}] {name} must be a number, not {type(value).__name__}")
    return float(value)


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"[regind.invalid_input.{name}] {name} must be a str, not {type(value).__name__}")
    return value


def _is_dataframe(x: Any) -> bool:
    return type(x).__name__ == "DataFrame" and hasattr(x, "to_numpy") and hasattr(x, "columns")


def _numeric_labels(labels: Any) -> bool:
    return all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in labels)


def _series(values: Any) -> tuple[np.ndarray, Optional[np.ndarray]]:
    index: Optional[np.ndarray] = None
    if type(values).__name__ == "Series" and hasattr(values, "index"):
        if _numeric_labels(values.index):
            index = np.asarray(values.index, dtype=np.float64)
        y = values.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        y = np.asarray(values, dtype=np.float64)
    if y.ndim != 1:
        raise InvalidInput(f"[regind.invalid_input.values] values must be one-dimensional, got {y.ndim} dimension(s); "
                           f"use project_batch for a matrix")
    return np.ascontiguousarray(y), index


def _period_number(p: Any, i: int) -> float:
    if isinstance(p, numbers.Real) and not isinstance(p, bool):
        return float(p)
    if isinstance(p, str):
        p = Period(p)
    if isinstance(p, Period):
        if p.kind != "year":
            raise InvalidInput(f"[regind.invalid_input.periods] periods[{i}] = {str(p)!r} is a {p.kind}; periods "
                               f"must be years or numbers (e.g. quarters as 2021.0, 2021.25, … with step=0.25)")
        return float(p.year)
    raise InvalidInput(f"[regind.invalid_input.periods] periods[{i}] must be a number or a year, not "
                       f"{type(p).__name__}")


def _periods(periods: Any, n: int) -> np.ndarray:
    if isinstance(periods, np.ndarray) and periods.dtype.kind in "iuf":
        t = periods.astype(np.float64)
        if t.ndim != 1:
            raise InvalidInput("[regind.invalid_input.periods] periods must be one-dimensional")
    else:
        t = np.array([_period_number(p, i) for i, p in enumerate(periods)], dtype=np.float64)
    if len(t) != n:
        raise InvalidInput(f"[regind.invalid_input.periods] {len(t)} periods for {n} values; give one period per "
                           f"value")
    if not all(math.isfinite(v) for v in t):
        bad = next(i for i, v in enumerate(t) if not math.isfinite(v))
        raise InvalidInput(f"[regind.invalid_input.periods] periods[{bad}] is {t[bad]}; periods must be finite")
    return t
