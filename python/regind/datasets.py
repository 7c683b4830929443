# SPDX-License-Identifier: MIT
"""Built-in datasets."""
from __future__ import annotations

from typing import Any

from . import _core
from .dataset import Dataset


def seed_facts() -> Dataset:
    """Every quantitative fact of the five seed documents (Huzhou and Jiaxing bureau reports),
    each with its document id and the code-point span of the number in that document."""
    return Dataset._wrap(_core.seed_facts())


def seed_documents() -> list[dict[str, Any]]:
    """The five seed documents: id, region code, year written, titles and kind."""
    return list(_core.seed_documents())


__all__ = ["seed_documents", "seed_facts"]
