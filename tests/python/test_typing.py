# SPDX-License-Identifier: MIT
"""The typed API: mypy --strict passes on the package and the examples (configuration in
pyproject.toml [tool.mypy]), and an installed regind ships py.typed and the stub of its
compiled extension."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import regind

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_strict_passes_on_the_package_and_the_examples() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -r requirements-dev.txt)")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"),
                           "--no-incremental", "python/regind", "examples/python"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"mypy --strict failed:\n{done.stdout}{done.stderr}"
    assert "Success" in done.stdout


def test_the_source_package_has_its_typing_files() -> None:
    package = ROOT / "python" / "regind"
    assert (package / "py.typed").is_file()
    stub = (package / "_core.pyi").read_text(encoding="utf-8")
    # The stub declares what the Python layer imports from the extension.
    for name in ("class Dataset", "class Region", "class RegionRegistry", "class Period", "class InvalidInput",
                 "def zhejiang_regions", "def uncertainty"):
        assert name in stub, f"_core.pyi does not declare {name!r}"


def test_an_installed_regind_ships_its_typing_files() -> None:
    installed = Path(regind.__file__).resolve().parent
    if "site-packages" not in installed.parts and "dist-packages" not in installed.parts:
        pytest.skip(f"regind is imported from {installed}, not from an installed wheel")
    assert (installed / "py.typed").is_file()
    assert (installed / "_core.pyi").is_file()
