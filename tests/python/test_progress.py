# SPDX-License-Identifier: MIT
"""progress= of long computations: project_batch, uncertainty and sensitivity report progress to
a callable on the calling thread, show a tqdm bar for progress=True (silence without tqdm), and
refuse anything else."""
from __future__ import annotations

import sys
import threading

import numpy as np
import pandas as pd
import pytest

import regind
from regind.composite import CompositeIndex
from regind.uncertainty import sensitivity, uncertainty

ROWS = 1000


def _matrix(rows: int = ROWS) -> np.ndarray:
    # Row r grows by (1 + r/10000) a year from 100: distinct, positive series.
    years = np.arange(6)
    return 100.0 * (1.0 + np.arange(rows)[:, None] / 10000.0) ** years


def _small_index() -> CompositeIndex:
    meta = pd.DataFrame({"Level": [1, 1, 1, 2, 2, 3], "iCode": ["a", "b", "c", "P", "Q", "Index"],
                         "Parent": ["P", "P", "Q", "Index", "Index", None], "Direction": [1, -1, 1, 1, 1, 1],
                         "Weight": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
                         "Type": ["Indicator"] * 3 + ["Aggregate"] * 3})
    data = pd.DataFrame({"uCode": ["u1", "u2", "u3", "u4"], "uName": ["One", "Two", "Three", "Four"],
                         "a": [1.0, 3.0, 2.0, 5.0], "b": [10.0, 20.0, 30.0, 15.0], "c": [5.0, 7.0, 9.0, 1.0]})
    return CompositeIndex.from_coinr(data, meta).normalise(method="n_minmax").aggregate(method="a_amean")


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []
        self.threads: set[int] = set()

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))
        self.threads.add(threading.get_ident())


# cagr and holt go row by row (reporting as they go); clean linear / log-linear batches take a
# vectorised path that reports once, at the end.
@pytest.mark.parametrize("method", ["cagr", "holt", "loglinear"])
@pytest.mark.parametrize("threads", [1, 2])
def test_project_batch_reports_to_a_callable_on_the_calling_thread(threads: int, method: str) -> None:
    rec = _Recorder()
    with_progress = regind.project_batch(_matrix(), method=method, horizon=2, threads=threads, progress=rec)
    assert rec.calls[-1] == (ROWS, ROWS)
    assert all(total == ROWS for _, total in rec.calls)
    done = [d for d, _ in rec.calls]
    assert done == sorted(set(done)), "done must increase strictly"
    assert 1 <= len(rec.calls) <= 101  # at each 1 % of the rows at most, and at the end
    if threads == 1 and method != "loglinear":
        assert done == list(range(10, ROWS + 1, 10))  # one report per 1 % (10 rows) on one thread
    assert rec.threads == {threading.get_ident()}
    # Reporting progress changes nothing in the results.
    plain = regind.project_batch(_matrix(), method=method, horizon=2, threads=threads)
    np.testing.assert_array_equal(with_progress.mean, plain.mean)
    np.testing.assert_array_equal(with_progress.upper, plain.upper)


def test_project_batch_with_one_row_reports_once() -> None:
    rec = _Recorder()
    regind.project_batch([[1.0, 2.0, 3.0]], method="linear", progress=rec)
    assert rec.calls == [(1, 1)]


def test_an_exception_in_the_callback_stops_project_batch() -> None:
    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop(f"stopped at {done} of {total}")

    for method in ("cagr", "linear"):
        for threads in (1, 2):
            with pytest.raises(Stop, match="stopped at"):
                regind.project_batch(_matrix(), method=method, threads=threads, progress=stop)

    # The first report stops a row-by-row run on one thread after its first 1 % of the rows.
    calls: list[int] = []

    def stop_first(done: int, total: int) -> None:
        calls.append(done)
        raise Stop("enough")

    with pytest.raises(Stop):
        regind.project_batch(_matrix(), method="cagr", threads=1, progress=stop_first)
    assert calls == [10]


def test_progress_true_shows_a_tqdm_bar(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm", reason="tqdm is not installed (pip install -r requirements-dev.txt)")
    regind.project_batch(_matrix(), method="linear", progress=True)
    err = capsys.readouterr().err
    assert "project_batch" in err and f"{ROWS}/{ROWS}" in err


def test_progress_true_without_tqdm_is_silent(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes `import tqdm` raise ImportError
    b = regind.project_batch(_matrix(10), method="linear", progress=True)
    assert len(b) == 10
    assert capsys.readouterr().err == ""


def test_progress_false_and_none_are_silent(capsys: pytest.CaptureFixture[str]) -> None:
    regind.project_batch(_matrix(10), method="linear", progress=False)
    regind.project_batch(_matrix(10), method="linear", progress=None)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("bad", ["yes", 1, 0.5])
def test_progress_must_be_a_bool_none_or_a_callable(bad: object) -> None:
    with pytest.raises(regind.InvalidInput, match="progress must be"):
        regind.project_batch(_matrix(10), method="linear", progress=bad)
    with pytest.raises(ValueError, match="progress must be"):
        uncertainty(_small_index(), n=4, weights_noise={1: 0.2}, progress=bad)


def test_uncertainty_and_sensitivity_show_a_tqdm_bar(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm", reason="tqdm is not installed (pip install -r requirements-dev.txt)")
    ci = _small_index()
    uncertainty(ci, n=50, seed=1, weights_noise={1: 0.2}, progress=True)
    err = capsys.readouterr().err
    assert "uncertainty" in err and "50/50" in err
    # Sensitivity runs N(d + 2) pipelines: N = 8, d = 1 input (the level-1 weights) → 24.
    sensitivity(ci, n=8, seed=1, weights_noise={1: 0.2}, n_boot=0, progress=True)
    err = capsys.readouterr().err
    assert "sensitivity" in err and "24/24" in err


def test_composite_index_uncertainty_passes_progress_on() -> None:
    rec = _Recorder()
    ua = _small_index().uncertainty(40, seed=3, weights_noise={1: 0.2}, progress=rec)
    assert ua.n == 40 and rec.calls[-1] == (40, 40)
    assert rec.threads == {threading.get_ident()}
