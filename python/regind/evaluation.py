# SPDX-License-Identifier: MIT
"""Enterprise evaluation (亩均效益, "亩均论英雄"): schemes as data, scores, ranks, A/B/C/D classes.

A scheme names its indicators (numerator / denominator columns), weights, benchmark rule
(mean, median, ratio_of_sums, fixed, per_year), per-term floor and cap, missing-term rule
(zero, average_term, reweight, unclassified), bonus and penalty columns, exclusions and a class
table (percentile cuts with a rounding rule, or value cuts). See REFERENCE-METHODS G1–G4::

    score_i = Σ_k w_k · clamp(x_ik / b_k, floor_k, cap_k) + bonus_i − penalty_i

Schemes are read and written as JSON with Python's :mod:`json`; this module checks the types
and the C++ core (``regind/evaluation.hpp``) checks the semantics, so both raise
:class:`regind.InvalidInput` (a ``ValueError``) with an id such as
``[regind.invalid_input.scheme]``. An indicator column missing from the frame raises
:class:`regind.UnknownKey` (a ``KeyError``).

>>> import pandas as pd, regind
>>> s = regind.evaluation.preset("huangyan_2022_below_size")
>>> firms = pd.DataFrame({"tax": [231.864], "land_mu": [10.0], "electricity": [1000.0]})
>>> round(float(regind.evaluation.evaluate(firms, s)["score"][0]), 4)
149.2908
"""
from __future__ import annotations

import difflib
import json
import math
import numbers
from pathlib import Path
from typing import Any, NoReturn, Optional, Union, cast

import numpy as np

from . import _core
from ._core import InvalidInput, UnknownKey

#: Preset names (REFERENCE-METHODS G2–G4).
PRESETS: tuple[str, ...] = tuple(_core.evaluation_preset_names())

_TOP_KEYS = ("name", "year", "description", "higher_is_better", "tie_method", "group_by", "terms", "bonuses",
             "penalties", "exclusions", "classes")
_TERM_KEYS = ("name", "label", "numerator", "denominator", "weight", "benchmark", "floor", "cap", "missing")
_ADJ_KEYS = ("name", "column", "per_unit", "max")
_EXCL_KEYS = ("column", "op", "value", "label")
_CLASS_KEYS = ("basis", "cuts", "rounding", "side", "tolerance", "unclassified")
_ABCD = {"basis": "percentile", "cuts": [[0.25, "A"], [0.70, "B"], [0.95, "C"], [1.0, "D"]], "rounding": "floor",
         "side": "le", "tolerance": 0.0, "unclassified": "unclassified"}


def _fail(what: str) -> NoReturn:
    raise InvalidInput(f"[regind.invalid_input.scheme] {what}")


def _keys(d: Any, allowed: tuple[str, ...], where: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        _fail(f"{where} must be an object (dict), not {type(d).__name__}")
    unknown = [k for k in d if k not in allowed]
    if unknown:
        _fail(f"{where}: unknown key {unknown[0]!r}; expected {', '.join(allowed)}")
    return d


def _number(v: Any, where: str, none: Optional[float] = None) -> float:
    if v is None and none is not None:
        return none
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        _fail(f"{where} must be a number, not {v!r}")
    return float(v)


def _text(v: Any, where: str, default: Optional[str] = None) -> str:
    if v is None and default is not None:
        return default
    if not isinstance(v, str):
        _fail(f"{where} must be a string, not {v!r}")
    return v


def _benchmark(b: Any, where: str) -> dict[str, Any]:
    if b is None:
        return {"rule": "mean"}
    if isinstance(b, str):
        if b in ("fixed", "per_year"):
            _fail(f"{where}: a {b} benchmark needs its value(s): {{\"rule\": \"{b}\", ...}}")
        return {"rule": b}
    if not isinstance(b, bool) and isinstance(b, numbers.Real):
        return {"rule": "fixed", "value": float(b)}
    b = _keys(b, ("rule", "value", "values"), where)
    out: dict[str, Any] = {"rule": _text(b.get("rule"), f"{where}.rule")}
    if out["rule"] == "fixed":
        out["value"] = _number(b.get("value"), f"{where}.value")
    elif out["rule"] == "per_year":
        vals = b.get("values")
        if not isinstance(vals, dict) or not vals:
            _fail(f"{where}.values must map years to benchmarks")
        conv = {}
        for y, v in vals.items():
            try:
                year = int(y)
            except (TypeError, ValueError):
                _fail(f"{where}.values: {y!r} is not a year")
            conv[year] = _number(v, f"{where}.values[{y}]")
        out["values"] = conv
    elif "value" in b or "values" in b:
        _fail(f"{where}: a {out['rule']} benchmark takes no value")
    return out


def _normalise(d: Any) -> dict[str, Any]:
    d = _keys(d, _TOP_KEYS, "scheme")
    name = _text(d.get("name"), "scheme name")
    year = d.get("year", 0)
    if isinstance(year, bool) or not isinstance(year, numbers.Integral):
        _fail(f"scheme '{name}': year must be an integer, not {year!r}")
    hib = d.get("higher_is_better", True)
    if not isinstance(hib, bool):
        _fail(f"scheme '{name}': higher_is_better must be true or false, not {hib!r}")
    terms = d.get("terms")
    if not isinstance(terms, list) or not terms:
        _fail(f"scheme '{name}': terms must be a non-empty list")
    out_terms = []
    for i, t in enumerate(terms):
        where = f"scheme '{name}' term {i + 1}"
        t = _keys(t, _TERM_KEYS, where)
        tname = _text(t.get("name"), f"{where} name")
        where = f"scheme '{name}' term '{tname}'"
        out_terms.append({
            "name": tname,
            "label": _text(t.get("label"), f"{where} label", tname),
            "numerator": _text(t.get("numerator"), f"{where} numerator"),
            "denominator": _text(t.get("denominator"), f"{where} denominator", ""),
            "weight": _number(t.get("weight", 1.0), f"{where}: weight"),
            "benchmark": _benchmark(t.get("benchmark"), f"{where} benchmark"),
            "floor": _number(t.get("floor"), f"{where} floor", -math.inf),
            "cap": _number(t.get("cap"), f"{where} cap", math.inf),
            "missing": _text(t.get("missing"), f"{where} missing", "zero"),
        })
    adj: dict[str, list[dict[str, Any]]] = {}
    for key in ("bonuses", "penalties"):
        items = d.get(key) or []
        if not isinstance(items, list):
            _fail(f"scheme '{name}': {key} must be a list")
        adj[key] = []
        for a in items:
            a = _keys(a, _ADJ_KEYS, f"scheme '{name}' {key}")
            col = _text(a.get("column"), f"scheme '{name}' {key} column")
            adj[key].append({"name": _text(a.get("name"), f"{key} name", col), "column": col,
                             "per_unit": _number(a.get("per_unit", 1.0), f"{key} '{col}' per_unit"),
                             "max": _number(a.get("max"), f"{key} '{col}' max", math.inf)})
    excl = []
    items = d.get("exclusions") or []
    if not isinstance(items, list):
        _fail(f"scheme '{name}': exclusions must be a list")
    for e in items:
        e = _keys(e, _EXCL_KEYS, f"scheme '{name}' exclusion")
        col = _text(e.get("column"), f"scheme '{name}' exclusion column")
        excl.append({"column": col, "op": _text(e.get("op"), f"exclusion '{col}' op"),
                     "value": _number(e.get("value"), f"exclusion '{col}' value"),
                     "label": _text(e.get("label"), f"exclusion '{col}' label", "excluded")})
    c = _keys(d.get("classes", _ABCD), _CLASS_KEYS, f"scheme '{name}' classes")
    side = _text(c.get("side"), "classes side", "le")
    cuts = c.get("cuts")
    if not isinstance(cuts, list):
        _fail(f"scheme '{name}': classes.cuts must be a list of [bound, label]")
    out_cuts = []
    for cut in cuts:
        if not isinstance(cut, (list, tuple)) or len(cut) != 2:
            _fail(f"scheme '{name}': a cut must be [bound, label], not {cut!r}")
        unbounded = math.inf if side == "le" else -math.inf
        out_cuts.append((_number(cut[0], f"cut {cut[1]!r} bound", unbounded), _text(cut[1], "cut label")))
    classes = {"basis": _text(c.get("basis"), "classes basis", "percentile"), "cuts": out_cuts,
               "rounding": _text(c.get("rounding"), "classes rounding", "floor"), "side": side,
               "tolerance": _number(c.get("tolerance", 0.0), "classes tolerance"),
               "unclassified": _text(c.get("unclassified"), "classes unclassified", "unclassified")}
    group_by = d.get("group_by")
    return {"name": name, "year": int(year), "description": _text(d.get("description"), "description", ""),
            "higher_is_better": hib, "tie_method": _text(d.get("tie_method"), "tie_method", "min"),
            "group_by": _text(group_by, "group_by", ""), "terms": out_terms, "bonuses": adj["bonuses"],
            "penalties": adj["penalties"], "exclusions": excl, "classes": classes}


def _jsonable(x: Any) -> Any:
    if isinstance(x, float) and math.isinf(x):
        return None
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    return x


class Scheme:
    """A validated, versioned evaluation scheme. Build with :meth:`from_dict`,
    :meth:`from_json` or :func:`preset`; save with :meth:`to_json`."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._d = _core.evaluation_validate(_normalise(spec))

    @classmethod
    def from_dict(cls, spec: dict[str, Any]) -> "Scheme":
        return cls(spec)

    @classmethod
    def from_json(cls, source: Union[str, Path]) -> "Scheme":
        """From JSON text, or from a file when ``source`` is a Path or names an existing file."""
        text = str(source)
        if isinstance(source, Path) or (not text.lstrip().startswith("{") and Path(text).is_file()):
            text = Path(source).read_text(encoding="utf-8")
        try:
            spec = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"[regind.invalid_input.scheme] not valid JSON: {exc}") from exc
        return cls(spec)

    def to_dict(self) -> dict[str, Any]:
        """The scheme as plain data (JSON-ready: infinite bounds are None)."""
        return cast("dict[str, Any]", _jsonable(self._d))

    def to_json(self, path: Optional[Union[str, Path]] = None) -> str:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        if path is not None:
            Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    @property
    def name(self) -> str:
        return str(self._d["name"])

    @property
    def year(self) -> int:
        return int(self._d["year"])

    @property
    def terms(self) -> list[str]:
        return [t["name"] for t in self._d["terms"]]

    @property
    def labels(self) -> list[str]:
        return [c[1] for c in self._d["classes"]["cuts"]]

    def columns(self) -> list[str]:
        """Every frame column the scheme reads."""
        out: list[str] = []
        for t in self._d["terms"]:
            out += [t["numerator"]] + ([t["denominator"]] if t["denominator"] else [])
        out += [a["column"] for a in self._d["bonuses"] + self._d["penalties"]]
        out += [e["column"] for e in self._d["exclusions"]]
        if self._d["group_by"]:
            out.append(self._d["group_by"])
        return list(dict.fromkeys(out))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scheme) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"Scheme('{self.name}', year={self.year}, terms={self.terms}, classes={self.labels})"


def preset(name: str) -> Scheme:
    """A shipped scheme: ``huangyan_2022_above_size``, ``huangyan_2022_below_size``,
    ``huangyan_2021_above_size``, ``huangyan_2021_below_size`` (G2 with the A/B/C/D classes of G3)
    or ``carbon_efficiency`` (G4)."""
    return Scheme(_jsonable(_core.evaluation_preset(name)))


def _as_scheme(scheme: Union[Scheme, str, dict[str, Any]]) -> Scheme:
    if isinstance(scheme, Scheme):
        return scheme
    if isinstance(scheme, str):
        return preset(scheme)
    return Scheme(scheme)


def _frame_columns(frame: Any, names: list[str], group_by: str = "") -> dict[str, np.ndarray]:
    cols: dict[str, np.ndarray] = {}
    known = [str(c) for c in frame.columns]
    for c in names:
        if c not in frame.columns:
            near = difflib.get_close_matches(c, known, n=3)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise UnknownKey(f"[regind.key_error.column] unknown indicator column '{c}'{hint}")
        if c == group_by:
            cols[c] = _codes(frame[c])[0]
            continue
        try:
            cols[c] = np.asarray(frame[c], dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise InvalidInput(f"[regind.invalid_input.column] column '{c}' is not numeric") from exc
    if not cols:
        cols["__n"] = np.zeros(len(frame))
    return cols


def _codes(series: Any) -> tuple[np.ndarray, list[Any]]:
    """Integer codes (as float, NaN for missing) and the distinct values they stand for."""
    import pandas as pd

    codes, uniques = pd.factorize(series, sort=True)
    out = codes.astype(np.float64)
    out[codes < 0] = np.nan
    return out, list(uniques)


def evaluate(frame: Any, scheme: Union[Scheme, str, dict[str, Any]], year: Optional[int] = None) -> Any:
    """Evaluates every row of ``frame`` (a pandas DataFrame, one row per firm) under ``scheme``.

    Returns a DataFrame with the frame's index: ``x_<term>`` (the indicator), ``term_<term>``
    (its points), ``bonus``, ``penalty``, ``score``, ``rank`` (1 = best), ``percentile``
    (rank / ranked firms), ``class`` and ``excluded``. ``year`` selects per-year benchmarks."""
    import pandas as pd

    s = _as_scheme(scheme)
    cols = _frame_columns(frame, s.columns(), s._d["group_by"])
    r = _core.evaluation_evaluate(cols, s._d, int(year or 0))
    out: dict[str, Any] = {}
    for k, name in enumerate(r["term_names"]):
        out[f"x_{name}"] = r["values"][:, k]
    for k, name in enumerate(r["term_names"]):
        out[f"term_{name}"] = r["terms"][:, k]
    out["bonus"] = r["bonus"]
    out["penalty"] = r["penalty"]
    out["score"] = r["score"]
    out["rank"] = r["rank"]
    out["percentile"] = r["percentile"]
    labels = np.asarray(r["labels"], dtype=object)
    out["class"] = pd.Categorical(labels[np.asarray(r["class_index"])], categories=list(dict.fromkeys(r["labels"])))
    out["excluded"] = np.asarray(r["excluded"], dtype=bool)
    return pd.DataFrame(out, index=frame.index)


def rollup(frame: Any, scheme: Union[Scheme, str, dict[str, Any]], by: str = "region",
           year: Optional[int] = None) -> Any:
    """Per group of column ``by`` (e.g. county): firms, the count and share of every class, the
    mean score of the ranked firms, and for every term Σ numerator, Σ denominator and their
    ratio (``<term>`` — e.g. ``tax_per_mu`` is the county's 亩均税收 = Σ tax / Σ land)."""
    import pandas as pd

    s = _as_scheme(scheme)
    cols = _frame_columns(frame, s.columns(), s._d["group_by"])
    if by not in frame.columns:
        raise UnknownKey(f"[regind.key_error.column] unknown group column '{by}'")
    codes, uniques = _codes(frame[by])
    r = _core.evaluation_evaluate_rollup(cols, s._d, int(year or 0), codes)
    index = pd.Index([uniques[int(g)] for g in r["groups"]], name=by)
    out: dict[str, Any] = {"firms": r["count"].astype(np.int64)}
    for k, label in enumerate(r["labels"]):
        out[str(label)] = r["class_counts"][:, k].astype(np.int64)
    for k, label in enumerate(r["labels"]):
        out[f"share_{label}"] = r["class_counts"][:, k] / r["count"]
    out["mean_score"] = r["mean_score"]
    for k, name in enumerate(r["term_names"]):
        out[f"{name}_numerator"] = r["numerator_sum"][:, k]
        out[f"{name}_denominator"] = r["denominator_sum"][:, k]
        out[name] = r["ratio"][:, k]
    return pd.DataFrame(out, index=index)


__all__ = ["PRESETS", "Scheme", "evaluate", "preset", "rollup"]
