# SPDX-License-Identifier: MIT
"""The ``progress=`` argument of long computations (uncertainty, sensitivity, project_batch).

``progress`` may be None or False (silence), True (a text progress bar on stderr when tqdm is
installed, silence when it is not: a missing optional package must not stop an analysis), or a
callable ``progress(done, total)``, called on the thread that started the computation.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Optional, Union

from ._core import InvalidInput

#: A progress callback: ``progress(done, total)``; its return value is ignored.
ProgressCallback = Callable[[int, int], object]
#: What ``progress=`` accepts.
Progress = Union[bool, None, ProgressCallback]


def check_progress(progress: object) -> None:
    """Raises InvalidInput unless ``progress`` is None, a bool or a callable."""
    if progress is None or isinstance(progress, bool) or callable(progress):
        return
    raise InvalidInput(f"[regind.invalid_input.progress] progress must be a callable progress(done, total), True, "
                       f"False or None, not {progress!r}")


@contextlib.contextmanager
def progress_callback(progress: Progress, description: str) -> Iterator[Optional[ProgressCallback]]:
    """The callback to hand to the compiled code for ``progress`` (None: no reporting); a tqdm
    bar made for ``progress=True`` is closed when the block ends, even on error."""
    check_progress(progress)
    if progress is None or progress is False:
        yield None
        return
    if progress is True:
        try:
            from tqdm import tqdm  # the plain text bar: it works in terminals and notebooks alike
        except ImportError:
            yield None
            return
        bars: list[tqdm] = []  # made at the first report, when the total is known

        def update(done: int, total: int) -> None:
            if not bars:
                bars.append(tqdm(desc=description, total=total))
            bars[0].update(done - bars[0].n)

        try:
            yield update
        finally:
            for bar in bars:
                bar.close()
        return
    yield progress  # a callable, checked above


__all__ = ["Progress", "ProgressCallback", "check_progress", "progress_callback"]
