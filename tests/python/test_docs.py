# SPDX-License-Identifier: MIT
"""The documentation stays true: the Python blocks of docs/getting-started-python.md run, in
order, in one namespace (they assert their own numbers), and the API reference names every
public function and class of the package."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import regind

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _python_blocks(name: str) -> list[str]:
    return FENCE.findall((DOCS / name).read_text(encoding="utf-8"))


def test_getting_started_python_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks("getting-started-python.md")
    assert len(blocks) >= 10
    monkeypatch.chdir(tmp_path)  # the page writes my_facts.csv
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for i, block in enumerate(blocks):
        code = compile(block, f"getting-started-python.md block {i + 1}", "exec")
        exec(code, namespace)  # noqa: S102 - running our own documentation is the point


def _public_names() -> list[str]:
    names = [f"regind.{n}" for n in regind.__all__ if not n.startswith("_")]
    for module in (regind.growth, regind.projection, regind.ranking, regind.composite, regind.uncertainty,
                   regind.consistency, regind.evaluation, regind.projects, regind.carbon, regind.progress):
        for n in getattr(module, "__all__", []):
            names.append(f"{module.__name__}.{n}")
    return names


def test_api_reference_names_every_public_name() -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [n for n in _public_names() if f"`{n}" not in text and f"`{n.split('.')[-1]}" not in text]
    assert missing == [], f"docs/api.md does not describe: {', '.join(missing)}"


def test_docs_index_links_every_page() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    pages = sorted(p.name for p in DOCS.glob("*.md") if p.name != "README.md")
    assert [p for p in pages if f"({p})" not in index] == []
