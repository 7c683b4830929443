# SPDX-License-Identifier: MIT
"""Uncertainty and Sobol' sensitivity analysis of composite indices (REFERENCE-METHODS.md §E9).

Declare which choices of a :class:`~regind.composite.CompositeIndex` are uncertain, then run
the pipeline many times with those choices drawn at random:

>>> ua = uncertainty(ci, n=1000, seed=1,                               # doctest: +SKIP
...                  weights_noise={2: 0.25, 3: 0.25},
...                  normalisation=[{"method": "n_minmax", "l_u": (1, 100)},
...                                 {"method": "n_zscore", "m_sd": (10, 2)}],
...                  aggregation=["a_amean", "a_gmean"],
...                  impute=[{"method": "i_mean_grp", "group": "EurAsia_group"}, "i_median"],
...                  treat=[None, {"winmax": 5}])
>>> ua.to_pandas()          # per unit: nominal rank, mean, median, q05, q95   # doctest: +SKIP
>>> sa = sensitivity(ci, n=200, seed=1, aggregation=["a_amean", "a_gmean"],  # doctest: +SKIP
...                  weights_noise={2: 0.25})
>>> sa.to_pandas()          # per input: S, ST and their bootstrap intervals  # doctest: +SKIP

Uncertain inputs (each optional; at least one is needed):

``weights_noise``
    ``{level: f}``: every weight w of that framework level becomes w + U(−1, 1)·f·w (§E6),
    f in [0, 1]; levels 1 (indicators) up to the one below the top.
``impute``, ``treat``, ``normalisation``, ``aggregation``
    Lists of alternatives. Each alternative replaces the step's settings entirely, as calling
    the step again with those arguments would (unspecified settings take the step's defaults):
    ``impute``: a method name, ``None`` (no imputation) or ``{"method": ..., "group": ...}``;
    ``treat``: ``None`` (no treatment), ``True`` (the defaults) or a dict of
    :meth:`~regind.composite.CompositeIndex.treat` keywords, e.g. ``{"winmax": 4}``;
    ``normalisation``: a method name or a dict of ``normalise()`` keywords;
    ``aggregation``: a method name, a list with one method per level, or
    ``{"method": ..., "p": ..., "dat_thresh": ...}``; the index's weights are kept.

A u in [0, 1) picks alternative ``min(floor(u·n), n − 1)`` of n. Ranks are COINr's (1 = highest
score, ties share the lowest rank); quantiles are type 7. Runs are seeded (``seed``) and spread
over ``threads`` worker threads (0: all cores) without the GIL; the results do not depend on
the number of threads. ``progress=True`` shows a progress bar (when tqdm is installed);
a callable ``progress(done, total)`` is called from time to time (at most ~100 times) on the
calling thread; an exception raised there (or Ctrl-C) stops the run.
"""
from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Optional, Union

import numpy as np

from . import _core
from ._progressbar import Progress, progress_callback
from .composite import _NORM_KEYS, _TREAT_KEYS, CompositeIndex, _check_keys, _normalise_spec, _treat_spec

_UINT64 = 1 << 64


def _invalid(text: str) -> ValueError:
    return _core.InvalidInput(f"[regind.invalid_input.uncertainty] {text}")


def _whole(value: Any, name: str, minimum: int, maximum: Optional[int] = None) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise _invalid(f"{name} must be a whole number, not {value!r}")
    v = int(value)
    if v < minimum or (maximum is not None and v > maximum):
        bound = f">= {minimum}" if maximum is None else f"in [{minimum}, {maximum}]"
        raise _invalid(f"{name} must be {bound}, not {v}")
    return v


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise _invalid(f"{name} must be a number, not {value!r}")
    return float(value)


def _alternatives(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        raise _invalid(f"{name} must be a list of alternatives, not {value!r}")
    if len(value) == 0:
        raise _invalid(f"{name} is an empty list: give at least one alternative, or None")
    return list(value)


def _impute_alternative(alt: Any) -> tuple[str, str]:
    if alt is None:
        return "none", ""
    if isinstance(alt, str):
        method, group = alt, None
    elif isinstance(alt, Mapping):
        _check_keys(alt, ("method", "group"), "impute alternative", "uncertainty")
        method, group = alt.get("method", "i_mean"), alt.get("group")
    else:
        raise _invalid(f"an impute alternative is a method name, None or a dict, not {alt!r}")
    if method in ("i_mean_grp", "i_median_grp") and group is None:
        raise _invalid(f"the impute alternative {method} needs a group: {{'method': {method!r}, 'group': ...}}")
    return str(method), "" if group is None else str(group)


def _treat_alternative(alt: Any) -> tuple[Any, dict[str, Any]]:
    if alt is None or alt is False or alt == "none":
        s = _treat_spec()
        s.enabled = False
        return s, {}
    if alt is True:
        return _treat_spec(), {}
    if not isinstance(alt, Mapping):
        raise _invalid(f"a treat alternative is None (no treatment), True (the defaults) or a dict of treat() "
                       f"settings, not {alt!r}")
    _check_keys(alt, (*_TREAT_KEYS, "individual"), "treat alternative", "uncertainty")
    base = {k: v for k, v in alt.items() if k != "individual"}
    indiv = {}
    for code, spec in (alt.get("individual") or {}).items():
        if isinstance(spec, str):
            if spec != "none":
                raise _invalid(f"{code}: an individual treat spec is 'none' or a dict, not {spec!r}")
            s = _treat_spec(**base)
            s.enabled = False
        elif isinstance(spec, Mapping):
            _check_keys(spec, _TREAT_KEYS, str(code), "uncertainty")
            s = _treat_spec(**{**base, **dict(spec)})
        else:
            raise _invalid(f"{code}: an individual treat spec is 'none' or a dict, not {spec!r}")
        indiv[str(code)] = s
    return _treat_spec(**base), indiv


def _normalise_alternative(alt: Any) -> tuple[Any, dict[str, Any]]:
    if isinstance(alt, str):
        return _normalise_spec(alt), {}
    if not isinstance(alt, Mapping):
        raise _invalid(f"a normalisation alternative is a method name or a dict of normalise() settings, not {alt!r}")
    _check_keys(alt, (*_NORM_KEYS, "individual"), "normalisation alternative", "uncertainty")
    base = {k: v for k, v in alt.items() if k != "individual"}
    indiv = {}
    for code, spec in (alt.get("individual") or {}).items():
        if not isinstance(spec, Mapping):
            raise _invalid(f"{code}: an individual normalisation spec is a dict of settings, not {spec!r}")
        _check_keys(spec, _NORM_KEYS, str(code), "uncertainty")
        indiv[str(code)] = _normalise_spec(**{**base, **dict(spec)})
    return _normalise_spec(**base), indiv


def _aggregate_levels(method: Any, p: Optional[float] = None, dat_thresh: Optional[float] = None) -> list[Any]:
    methods = [method] if isinstance(method, str) else list(method)
    levels = []
    for m in methods:
        if not isinstance(m, str):
            raise _invalid(f"an aggregation method is a name such as 'a_amean', not {m!r}")
        s = _core.AggregateSpec()
        s.method = m
        if p is not None:
            s.p = _number(p, "p")
        if dat_thresh is not None:
            s.dat_thresh = _number(dat_thresh, "dat_thresh")
        levels.append(s)
    return levels


def _aggregate_alternative(alt: Any) -> list[Any]:
    if isinstance(alt, str):
        return _aggregate_levels(alt)
    if isinstance(alt, Mapping):
        _check_keys(alt, ("method", "p", "dat_thresh"), "aggregation alternative", "uncertainty")
        return _aggregate_levels(alt.get("method", "a_amean"), alt.get("p"), alt.get("dat_thresh"))
    if isinstance(alt, Sequence) and len(alt) > 0:
        return _aggregate_levels(alt)
    raise _invalid(f"an aggregation alternative is a method name, a list of one per level or a dict, not {alt!r}")


def _spec(ci: Any, weights_noise: Any, impute: Any, treat: Any, normalisation: Any, aggregation: Any,
          weight_sets: int = 100) -> Any:
    if not isinstance(ci, CompositeIndex):
        raise _invalid(f"ci must be a regind.CompositeIndex, not {type(ci).__name__}")
    spec = _core.UncertaintySpec()
    if weights_noise is not None:
        if not isinstance(weights_noise, Mapping):
            raise _invalid(f"weights_noise must be a dict {{level: noise factor}}, not {weights_noise!r}")
        spec.weight_noise = {_whole(k, "a weights_noise level", 1): _number(v, f"the noise factor of level {k}")
                             for k, v in weights_noise.items()}
    for alt in _alternatives(impute, "impute"):
        spec.add_impute(*_impute_alternative(alt))
    for alt in _alternatives(treat, "treat"):
        spec.add_treat(*_treat_alternative(alt))
    for alt in _alternatives(normalisation, "normalisation"):
        spec.add_normalise(*_normalise_alternative(alt))
    for alt in _alternatives(aggregation, "aggregation"):
        spec.add_aggregate(_aggregate_alternative(alt))
    spec.weight_sets = _whole(weight_sets, "weight_sets", 1, 2**31 - 1)
    # The base of weight noise and of the aggregation alternatives is the index's own last
    # aggregate() call (weight set and per-group methods included), taken on the C++ side.
    return spec


def _common(n: Any, seed: Any, threads: Any, progress: Any, n_min: int) -> tuple[int, int, int]:
    if progress is not None and not isinstance(progress, bool) and not callable(progress):
        raise _invalid(f"progress must be a callable progress(done, total), True, False or None, not {progress!r}")
    return (_whole(n, "n", n_min), _whole(seed, "seed", 0, _UINT64 - 1), _whole(threads, "threads", 0, 2**31 - 1))


def _sobol_settings(ddof: Any, center: Any, n_boot: Any, level: Any) -> tuple[int, bool, int, float]:
    if not isinstance(center, bool):
        raise ValueError(f"[regind.invalid_input.sobol] center must be True or False, not {center!r}")
    return (_whole(ddof, "ddof", 0, 1), center, _whole(n_boot, "n_boot", 0), _number(level, "level"))


def _summary_frame(summary: Mapping[str, np.ndarray], units: Sequence[str]) -> Any:
    import pandas as pd

    return pd.DataFrame({k: np.asarray(summary[k], dtype=float) for k in ("nominal", "mean", "median", "q05", "q95")},
                        index=pd.Index(list(units), name="uCode"))


class UncertaintyResult:
    """The result of :func:`uncertainty`: ranks of every replication and their statistics."""

    def __init__(self, raw: Mapping[str, Any], n: int, seed: int) -> None:
        self.n = n
        self.seed = seed
        self.threads = int(raw["threads"])
        self.units: list[str] = list(raw["units"])
        self.targets: list[str] = list(raw["targets"])
        self.inputs: list[str] = list(raw["inputs"])
        #: Labels of each input's alternatives.
        self.alternatives: dict[str, list[str]] = {k: list(v) for k, v in zip(self.inputs, raw["alternatives"])}
        self._ranks = {t: np.asarray(r) for t, r in zip(self.targets, raw["ranks"])}
        self._summary = dict(zip(self.targets, raw["summary"]))
        self._choices = np.asarray(raw["choices"])

    def _target(self, target: Optional[str]) -> str:
        if target is None:
            return self.targets[0]
        if target not in self._ranks:
            raise KeyError(f"[regind.key_error.uncertainty] {target!r} was not ranked; targets: {', '.join(self.targets)}")
        return target

    def to_pandas(self, target: Optional[str] = None) -> Any:
        """Per unit (index ``uCode``): ``nominal`` (the index's own rank), ``mean``,
        ``median``, ``q05``, ``q95`` of the rank over the replications (NaN skipped)."""
        t = self._target(target)
        return _summary_frame(self._summary[t], self.units)

    def rank_matrix(self, target: Optional[str] = None) -> np.ndarray:
        """The raw ranks: replications × units (NaN where a replication does not rank a unit)."""
        return self._ranks[self._target(target)].copy()

    def ranks(self, target: Optional[str] = None) -> Any:
        """:meth:`rank_matrix` as a DataFrame (index ``replication``, one column per uCode)."""
        import pandas as pd

        return pd.DataFrame(self.rank_matrix(target), columns=pd.Index(self.units, name="uCode"),
                            index=pd.RangeIndex(self.n, name="replication"))

    def choices(self) -> Any:
        """The alternative each replication used, per discrete input (labels)."""
        import pandas as pd

        return pd.DataFrame({k: [self.alternatives[k][int(i)] for i in self._choices[:, j]]
                             for j, k in enumerate(self.inputs)}, index=pd.RangeIndex(self.n, name="replication"))

    def __repr__(self) -> str:
        return (f"<UncertaintyResult: {self.n} replications (seed {self.seed}) of {len(self.units)} units; "
                f"targets {', '.join(self.targets)}>")

    def _repr_html_(self) -> str:
        from ._html import uncertainty_html

        return uncertainty_html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from ._pretty import pretty, uncertainty_text

        pretty(printer, cycle, self, uncertainty_text)


class SobolResult:
    """Sobol' indices of one output: first order ``S``, total ``ST``, percentile bootstrap
    intervals at ``level`` (NaN without bootstrap), and the output variance ``V``."""

    def __init__(self, raw: Mapping[str, Any], names: Sequence[str], *, ddof: int, center: bool, n_boot: int,
                 level: float) -> None:
        self.names = list(names)
        self.first_order = np.asarray(raw["S"], dtype=float)
        self.total_order = np.asarray(raw["ST"], dtype=float)
        self.first_order_interval = np.column_stack([raw["S_lo"], raw["S_hi"]])
        self.total_order_interval = np.column_stack([raw["ST_lo"], raw["ST_hi"]])
        self.variance = float(raw["variance"])
        self.n = int(raw["n"])
        self.ddof, self.center, self.n_boot, self.level = ddof, center, n_boot, level

    def to_pandas(self) -> Any:
        """One row per input: ``S``, ``S_lo``, ``S_hi``, ``ST``, ``ST_lo``, ``ST_hi``."""
        import pandas as pd

        return pd.DataFrame({"S": self.first_order, "S_lo": self.first_order_interval[:, 0],
                             "S_hi": self.first_order_interval[:, 1], "ST": self.total_order,
                             "ST_lo": self.total_order_interval[:, 0], "ST_hi": self.total_order_interval[:, 1]},
                            index=pd.Index(self.names, name="input"))

    def __repr__(self) -> str:
        cells = ", ".join(f"{k}: S={s:.4f} ST={t:.4f}" for k, s, t in zip(self.names, self.first_order,
                                                                         self.total_order))
        return f"<SobolResult N={self.n}, V={self.variance:.6g}; {cells}>"


class SensitivityResult(SobolResult):
    """The result of :func:`sensitivity`: Sobol' indices of COINr's output (mean absolute rank
    change against the nominal ranks) per uncertain input, per-unit indices, and the runs."""

    def __init__(self, raw: Mapping[str, Any], seed: int, **settings: Any) -> None:
        super().__init__(raw["indices"], raw["inputs"], **settings)
        self.seed = seed
        self.threads = int(raw["threads"])
        self.target: str = raw["target"]
        self.units: list[str] = list(raw["units"])
        self.inputs: list[str] = list(raw["inputs"])
        self.alternatives: dict[str, list[str]] = {k: list(v) for k, v in zip(self.inputs, raw["alternatives"])}
        #: Runs in the order A, B, AB_1 … AB_d: the u of every input, the alternative (or
        #: weight set) it picked, the ranks and the output (mean |rank − nominal rank|).
        self.design = np.asarray(raw["design"])
        self.picked = np.asarray(raw["choices"])
        self.output = np.asarray(raw["output"])
        self._ranks = np.asarray(raw["ranks"])
        self._unit = {"first": np.asarray(raw["unit_first"]), "total": np.asarray(raw["unit_total"])}
        self._summary = raw["summary"]

    def rank_matrix(self) -> np.ndarray:
        """Ranks of every run: N(d + 2) × units."""
        return self._ranks.copy()

    def unit_indices(self, order: str = "total") -> Any:
        """Per-unit Sobol' indices of the unit's rank (``order="first"`` or ``"total"``):
        uCode × input, NaN where the rank never changes or is missing in a run."""
        import pandas as pd

        if order not in self._unit:
            raise _invalid(f"order must be 'first' or 'total', not {order!r}")
        return pd.DataFrame(self._unit[order], index=pd.Index(self.units, name="uCode"),
                            columns=pd.Index(self.inputs, name="input"))

    def rank_summary(self) -> Any:
        """Rank statistics per unit, as :meth:`UncertaintyResult.to_pandas`, from the 2N runs
        of A and B (as COINr)."""
        return _summary_frame(self._summary, self.units)

    def __repr__(self) -> str:
        return f"<SensitivityResult of {self.target}: {super().__repr__()[1:-1]}>"


def uncertainty(ci: CompositeIndex, *, n: int = 1000, seed: int = 0, weights_noise: Optional[Mapping[int, float]] = None,
                normalisation: Optional[Sequence[Any]] = None, aggregation: Optional[Sequence[Any]] = None,
                impute: Optional[Sequence[Any]] = None, treat: Optional[Sequence[Any]] = None,
                targets: Optional[Union[str, Sequence[str]]] = None, threads: int = 0,
                progress: Progress = None, cache: int = 0) -> UncertaintyResult:
    """Uncertainty analysis (§E9 step 2): ``n`` replications of ``ci`` with the uncertain
    inputs drawn at random (see the module documentation for the inputs).

    Parameters
    ----------
    targets
        iCode(s) whose ranks are collected (default: the top level, e.g. ``"Index"``).
    cache
        Pipeline copies each worker keeps, one per combination of impute / treat /
        normalisation alternatives (0: as many as fit in 512 MiB). Only speed depends on it.

    Returns
    -------
    UncertaintyResult
        ``to_pandas()``: per unit nominal, mean, median, q05, q95 of the rank;
        ``rank_matrix()`` / ``ranks()``: replications × units; ``choices()``.
    """
    n, seed, threads = _common(n, seed, threads, progress, 1)
    spec = _spec(ci, weights_noise, impute, treat, normalisation, aggregation)
    tg = [] if targets is None else ([targets] if isinstance(targets, str) else [str(t) for t in targets])
    with progress_callback(progress, "uncertainty") as report:
        raw = _core.uncertainty(ci._impl, spec, n, seed, threads, tg, _whole(cache, "cache", 0), report)
    return UncertaintyResult(raw, n, seed)


def sensitivity(ci: CompositeIndex, *, n: int = 100, seed: int = 0, weights_noise: Optional[Mapping[int, float]] = None,
                normalisation: Optional[Sequence[Any]] = None, aggregation: Optional[Sequence[Any]] = None,
                impute: Optional[Sequence[Any]] = None, treat: Optional[Sequence[Any]] = None,
                target: Optional[str] = None, weight_sets: int = 100, n_boot: int = 1000, level: float = 0.95,
                ddof: int = 1, center: bool = True, threads: int = 0,
                progress: Progress = None, cache: int = 0) -> SensitivityResult:
    """Sobol' sensitivity analysis (§E9): N(d + 2) runs of ``ci`` on the A / B / AB_i design
    (d uncertain inputs; each noisy weight level is one input picking one of ``weight_sets``
    noisy weight sets), first-order (Saltelli 2010) and total (Jansen) indices of the mean
    absolute rank change, with bootstrap percentile intervals at ``level`` from ``n_boot``
    joint row resamples; V has ``ddof`` 1 (COINr) or 0 (SciPy); ``center`` centres the outputs
    first (as SciPy). ``target``: the iCode ranked (default: the single top-level node).
    """
    n, seed, threads = _common(n, seed, threads, progress, 2)
    ddof, center, n_boot, level = _sobol_settings(ddof, center, n_boot, level)
    spec = _spec(ci, weights_noise, impute, treat, normalisation, aggregation, weight_sets)
    with progress_callback(progress, "sensitivity") as report:
        raw = _core.sensitivity(ci._impl, spec, n, seed, threads, "" if target is None else str(target),
                                _whole(cache, "cache", 0), ddof, center, n_boot, level, report)
    return SensitivityResult(raw, seed, ddof=ddof, center=center, n_boot=n_boot, level=level)


def sobol_estimate(y_a: Any, y_b: Any, y_ab: Any, *, names: Optional[Sequence[str]] = None, n_boot: int = 1000,
                   level: float = 0.95, ddof: int = 1, center: bool = True, seed: int = 0) -> SobolResult:
    """The Sobol' estimators on outputs computed elsewhere: ``y_a`` and ``y_b`` (N each) and
    ``y_ab`` (N × d, column i holding the outputs of AB_i). ``seed`` drives the bootstrap."""
    ddof, center, n_boot, level = _sobol_settings(ddof, center, n_boot, level)
    seed = _whole(seed, "seed", 0, _UINT64 - 1)
    a = np.asarray(y_a, dtype=float)
    b = np.asarray(y_b, dtype=float)
    ab = np.asarray(y_ab, dtype=float)
    if a.ndim != 1 or b.ndim != 1 or ab.ndim != 2:
        raise ValueError(f"[regind.invalid_input.sobol] y_a and y_b must be vectors and y_ab a matrix (N × d), not "
                         f"shapes {a.shape}, {b.shape}, {ab.shape}")
    d = ab.shape[1]
    names = [f"x{i + 1}" for i in range(d)] if names is None else [str(s) for s in names]
    if len(names) != d:
        raise ValueError(f"[regind.invalid_input.sobol] {len(names)} names for {d} inputs")
    raw = _core.sobol_estimate(a, b, np.ascontiguousarray(ab), ddof, center, n_boot, level, seed)
    return SobolResult(raw, names, ddof=ddof, center=center, n_boot=n_boot, level=level)


def alternative_index(u: float, n: int) -> int:
    """The alternative that u in [0, 1] picks among n: ``min(floor(u·n), n − 1)`` (§E9 step 4)."""
    return int(_core.alternative_index(_number(u, "u"), _whole(n, "n", 1)))


def sobol_indices(func: Callable[[np.ndarray], Any], d: int, n: int, seed: int = 0, *,
                  bounds: Optional[Sequence[Sequence[float]]] = None, names: Optional[Sequence[str]] = None,
                  n_boot: int = 1000, level: float = 0.95, ddof: int = 1, center: bool = True) -> SobolResult:
    """Sobol' indices of a vectorised function of ``d`` independent uniform inputs.

    ``func`` is called once with the N(d + 2) × d design (rows A, B, AB_1 … AB_d; input i
    uniform on ``bounds[i]``, default [0, 1)) and returns one finite value per row. N = ``n``
    need not be a power of 2 (the design is pseudo-random, not Sobol' QMC).
    """
    d = _whole(d, "d", 1)
    n = _whole(n, "n", 2)
    seed = _whole(seed, "seed", 0, _UINT64 - 1)
    ddof, center, n_boot, level = _sobol_settings(ddof, center, n_boot, level)
    if not callable(func):
        raise ValueError(f"[regind.invalid_input.sobol] func must be callable, not {func!r}")
    names = [f"x{i + 1}" for i in range(d)] if names is None else [str(s) for s in names]
    if len(names) != d:
        raise ValueError(f"[regind.invalid_input.sobol] {len(names)} names for {d} inputs")
    x = np.asarray(_core.sobol_design(n, d, seed))
    if bounds is not None:
        b = np.asarray(bounds, dtype=float)
        if b.shape != (d, 2):
            raise ValueError(f"[regind.invalid_input.sobol] bounds must be {d} pairs (lo, hi), not shape {b.shape}")
        if not (np.isfinite(b).all() and (b[:, 0] < b[:, 1]).all()):
            raise ValueError("[regind.invalid_input.sobol] bounds must be finite with lo < hi")
        x = b[:, 0] + x * (b[:, 1] - b[:, 0])
    y = np.asarray(func(x), dtype=float)
    if y.shape != (n * (d + 2),):
        raise ValueError(f"[regind.invalid_input.sobol] func must return {n * (d + 2)} values (one per row), not an "
                         f"array of shape {y.shape}")
    y_ab = y[2 * n:].reshape(d, n).T
    raw = _core.sobol_estimate(y[:n], y[n:2 * n], np.ascontiguousarray(y_ab), ddof, center, n_boot, level, seed)
    return SobolResult(raw, names, ddof=ddof, center=center, n_boot=n_boot, level=level)


__all__ = ["SensitivityResult", "SobolResult", "UncertaintyResult", "alternative_index", "sensitivity", "sobol_estimate",
           "sobol_indices", "uncertainty"]
