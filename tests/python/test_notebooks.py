# SPDX-License-Identifier: MIT
"""The notebooks in examples/notebooks are stored without outputs and run from top to bottom.

Each notebook checks its own numbers with asserts (hand arithmetic written in the cells), so a
notebook that runs is a notebook whose statements still hold. The kernel is this interpreter
(the venv's python, importing the same regind as the tests), declared in a temporary kernelspec so that a
``python3`` kernel installed elsewhere on the machine cannot be picked instead."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import regind

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -r requirements-dev.txt)")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -r requirements-dev.txt)")
pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install -r requirements-dev.txt)")

NOTEBOOKS = Path(__file__).resolve().parents[2] / "examples" / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
KERNEL = "regind-test-python"


def test_there_are_at_least_two_notebooks() -> None:
    assert len(PATHS) >= 2, f"expected notebooks in {NOTEBOOKS}"


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a notebook without code"
    for i, cell in enumerate(code):
        assert cell.outputs == [] and cell.execution_count is None, f"code cell {i} of {path.name} has outputs"


@pytest.fixture(scope="module")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "regind tests", "language": "python"}))
    return root


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_runs(path: Path, kernel_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_dir))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")  # no migration warning from jupyter_core
    # The kernel runs in the notebooks' directory: it must import the regind under test, whatever
    # relative PYTHONPATH found it here.
    package_root = str(Path(regind.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")]))
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=600,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError naming the cell and the error on failure
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []
