# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run a command and write its own CPU time and peak RSS as JSON: python rusage.py REPORT COMMAND...

A process's peak RSS counts the memory of the process that exec'd it (Linux records the old image's
high-water mark at exec), so a command started straight from the benchmark, whose simulator holds
10,000 numbers, would be charged for the benchmark's memory. Started from this small process instead,
it is charged for at most this process's few MiB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def main(report, argv):
    process = subprocess.Popen(argv)  # pylint: disable=consider-using-with
    _pid, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    with open(report, "w", encoding="utf-8") as stream:
        json.dump({"max_rss_kib": usage.ru_maxrss, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                   "exit_code": code}, stream)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
