# SPDX-License-Identifier: MIT
"""Notebook display for the C++ classes Region and RegionRegistry.

pybind11 classes accept new attributes, so the HTML and pretty-text renderers are attached
here rather than written in C++; importing this module (regind's ``__init__`` does) is enough.
"""
from __future__ import annotations

from typing import Any

from . import _html, _pretty
from ._core import Region, RegionRegistry


def _region_html(self: Any) -> str:
    return _html.region_html(self)


def _region_pretty(self: Any, printer: Any, cycle: bool) -> None:
    _pretty.pretty(printer, cycle, self, _pretty.region_text)


def _registry_html(self: Any) -> str:
    return _html.registry_html(self)


def _registry_pretty(self: Any, printer: Any, cycle: bool) -> None:
    _pretty.pretty(printer, cycle, self, _pretty.registry_text)


Region._repr_html_ = _region_html  # type: ignore[attr-defined]
Region._repr_pretty_ = _region_pretty  # type: ignore[attr-defined]
RegionRegistry._repr_html_ = _registry_html  # type: ignore[attr-defined]
RegionRegistry._repr_pretty_ = _registry_pretty  # type: ignore[attr-defined]

__all__: list[str] = []
