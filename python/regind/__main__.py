# SPDX-License-Identifier: MIT
"""``python -m regind [summary]``: prints the summary of the embedded seed dataset."""
from __future__ import annotations

import argparse
import sys

from .summary import summary_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m regind", description=__doc__)
    parser.add_argument("command", nargs="?", default="summary", choices=["summary"],
                        help="what to print (default: summary of the seed dataset)")
    parser.parse_args(argv)
    sys.stdout.write(summary_text() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
