# SPDX-License-Identifier: MIT
"""``python -m regind [report|summary]``.

report   the Jiaxing 2022 target report and the Huzhou projection (the default);
         with --html PATH, the dashboard as one self-contained HTML page instead
summary  the summary of the embedded seed dataset
"""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m regind", description="regind on the embedded seed data",
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("command", nargs="?", default="report", choices=["report", "summary"],
                        help="what to print (default: report)")
    parser.add_argument("--html", metavar="PATH", help="report: write the HTML dashboard to PATH (needs matplotlib)")
    args = parser.parse_args(argv)
    if args.html is not None and args.command != "report":
        parser.error("--html goes with the report command")
    if args.html is not None:
        from .dashboard import write_dashboard

        path = write_dashboard(args.html)
        sys.stdout.write(f"wrote {path}\n")
    elif args.command == "summary":
        from .summary import summary_text

        sys.stdout.write(summary_text() + "\n")
    else:
        from .report import report_text

        sys.stdout.write(report_text() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
