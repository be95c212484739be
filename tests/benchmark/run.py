#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the benchmarks against the simulator and write docs/benchmarks.md.

    python tests/benchmark/run.py            # measure, write docs/benchmarks.md
    python tests/benchmark/run.py --check    # measure, fail if a request-count target is missed
    python tests/benchmark/run.py --only bulk_pool   # one scenario; replaces only its section

Targets are request counts (reads, writes), never seconds: times are reported, not asserted.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eda_source_throughput  # noqa: E402
import numbers_rerun  # noqa: E402
import inventory_scale  # noqa: E402
import pool_rerun  # noqa: E402
import report_scale  # noqa: E402
import bulk_pool  # noqa: E402
from harness import ROOT, Bench  # noqa: E402

SCENARIOS = [numbers_rerun, pool_rerun, inventory_scale, report_scale, bulk_pool, eda_source_throughput]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a request-count target is missed")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--no-write", action="store_true", help="do not write the markdown file")
    parser.add_argument("--only", help="run only the scenarios whose module name contains this")
    args = parser.parse_args()

    sections, failures = [], []
    for scenario in SCENARIOS:
        if args.only and args.only not in scenario.__name__:
            continue
        with Bench() as bench:
            checks, table = scenario.run(bench)
        lines = ["## %s" % scenario.TITLE, "", table, ""]
        for label, ok, value, *gated in checks:
            # Request counts gate the run; a wall-time target (gated False) is reported only,
            # since seconds depend on the machine and its load.
            if gated and not gated[0]:
                verdict = "MET" if ok else "MISSED (wall time: reported, not gated)"
            else:
                verdict = "PASS" if ok else "FAIL"
                if not ok:
                    failures.append("%s: %s (measured: %s)" % (scenario.TITLE, label, value))
            lines.append("- %s %s (measured: %s)" % (verdict, label, value))
        sections.append("\n".join(lines))
        print("\n".join(lines), flush=True)

    if not args.no_write and args.only:
        write_sections(Path(args.output), sections)
    elif not args.no_write:
        header = [
            "# Benchmarks",
            "",
            "Measured against the bundled simulator with `.venv/bin/python tests/benchmark/run.py` (the venv",
            "`make test` creates; `make test` also runs it with `--check`). Request counts are the targets;",
            "wall times depend on the machine",
            "(%s, Python %s, %d CPUs, %s)." % (
                platform.machine(), platform.python_version(), os.cpu_count() or 0,
                datetime.date.today().isoformat()),
            "",
        ]
        Path(args.output).write_text("\n".join(header) + "\n" + "\n\n".join(sections) + "\n")
    if failures:
        print("\nbenchmark targets missed:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


def write_sections(path, sections):
    """Replace (or add) only the measured sections in an existing benchmarks page."""
    text = path.read_text()
    for section in sections:
        title = section.splitlines()[0]
        parts = text.rstrip("\n").split("\n\n## ")
        for index, part in enumerate(parts):
            if index and "## " + part.splitlines()[0] == title:
                parts[index] = section[len("## "):].rstrip("\n")
                break
        else:
            parts.append(section[len("## "):].rstrip("\n"))
        text = "\n\n## ".join(parts).rstrip("\n") + "\n"
    path.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
