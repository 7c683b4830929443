# SPDX-License-Identifier: MIT
"""Plain-text tables that line up with Chinese text in a terminal."""
from __future__ import annotations

from collections.abc import Sequence


def display_width(s: str) -> int:
    """Terminal columns: East Asian wide characters take two."""
    return sum(2 if 0x2E80 <= ord(c) <= 0xA4CF or 0xAC00 <= ord(c) <= 0xD7A3 or 0xF900 <= ord(c) <= 0xFAFF
               or 0xFF00 <= ord(c) <= 0xFF60 else 1 for c in s)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "") -> str:
    """A table with a rule under the header, columns padded to their widest cell."""
    widths = [max(display_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return (indent + "  ".join(str(c) + " " * (w - display_width(str(c))) for c, w in zip(cells, widths))).rstrip()

    return "\n".join([line(header), indent + "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


__all__ = ["display_width", "table"]
