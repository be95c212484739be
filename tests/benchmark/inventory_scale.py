# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The active_numbers inventory at 1,000 and 10,000 numbers, beside an ansible.builtin.uri paging loop.

Per size, against a project holding exactly that many US local numbers:
  1. ansible-inventory --list on a source naming US/LOCAL, cache empty: ceil(N / page size) list requests;
  2. the same again, served from the cache: no request at all;
  3. ansible-inventory --list on a source naming no region: one availableRegions request, then one
     listing per offered (region, type) pair (the empty ones cost one request each);
  4. a playbook paging through the same pair with ansible.builtin.uri (fetch only, no hosts made).
Wall time and the peak resident memory of each command's largest process are reported, not asserted.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import PROJECT

HERE = Path(__file__).resolve().parent
INVENTORIES = HERE / "inventory"
PLAYBOOKS = HERE / "playbooks"
SIZES = (1000, 10000)
# plugins/module_utils/numbers/api.py MAX_PAGE_SIZE: the page size the plugins ask for by default.
PAGE_SIZE = 1000
TITLE = "Inventory of 1,000 and 10,000 active numbers"


class Run:
    """One command: its wall time, peak RSS and the requests the simulator received."""

    def __init__(self, seconds, max_rss_kib, requests):
        self.seconds = seconds
        self.max_rss_kib = max_rss_kib
        self.requests = requests
        self.hosts = None  # how many hosts the inventory held; None for the uri loop

    def count(self, suffix):
        return sum(1 for r in self.requests if r["path"].endswith(suffix))

    @property
    def listings(self):
        return self.count("/activeNumbers")

    @property
    def regions(self):
        return self.count("/availableRegions")


def measure(bench, argv, env):
    """Run argv to completion; os.wait4 gives the resource usage of this child alone."""
    bench.clear_log()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=err)  # pylint: disable=consider-using-with
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            out.seek(0)
            err.seek(0)
            raise RuntimeError("%s failed:\n%s\n%s" % (" ".join(argv), out.read()[-4000:].decode(errors="replace"),
                                                       err.read()[-4000:].decode(errors="replace")))
    return Run(seconds, usage.ru_maxrss, bench.requests())


def inventory(bench, source, env, output, *extra):
    argv = [str(Path(sys.executable).parent / "ansible-inventory"), "-i", str(INVENTORIES / source),
            "--list", "--output", str(output)] + list(extra)
    run = measure(bench, argv, env)
    run.hosts = len(json.loads(output.read_text())["_meta"]["hostvars"])
    return run


def uri_loop(bench, env, count):
    extra_vars = {"region_code": "US", "number_type": "LOCAL", "page_size": PAGE_SIZE, "expected_count": count}
    argv = [str(Path(sys.executable).parent / "ansible-playbook"), str(PLAYBOOKS / "inventory_uri.yml"),
            "-e", json.dumps(extra_vars)]
    return measure(bench, argv, env)


def run(bench):
    env = bench.env()
    env["ANSIBLE_INVENTORY_CACHE_CONNECTION"] = str(Path(bench.tmp.name, "inventory-cache"))
    output = Path(bench.tmp.name, "inventory.json")
    checks, rows = [], []
    for count in SIZES:
        bench.admin("POST", "/_sim/reset")
        bench.admin("POST", "/_sim/seed/active", {
            "projectId": PROJECT, "count": count, "regionCode": "US", "type": "LOCAL",
            "capability": ["SMS", "VOICE"], "displayNamePrefix": "bench-"})
        pages = math.ceil(count / PAGE_SIZE)
        cold = inventory(bench, "us_local.sinch.yml", env, output, "--flush-cache")
        warm = inventory(bench, "us_local.sinch.yml", env, output)
        derived = inventory(bench, "all_regions.sinch.yml", env, output)
        pairs = len(bench.api_get("/v1/projects/%s/availableRegions" % PROJECT)["availableRegions"]) * 3
        uri = uri_loop(bench, env, count)
        n = "{:,}".format(count)
        checks += [
            ("%s numbers: the inventory lists ceil(N / %d) = %d pages" % (n, PAGE_SIZE, pages),
             cold.listings == pages and len(cold.requests) == pages, len(cold.requests)),
            ("%s numbers: the inventory holds every number" % n, cold.hosts == count == warm.hosts, cold.hosts),
            ("%s numbers: a second run is served from the cache with zero requests" % n,
             warm.requests == [], len(warm.requests)),
            ("%s numbers: without regions, 1 availableRegions + one listing per other pair + %d pages" % (n, pages),
             derived.regions == 1 and derived.listings == pairs - 1 + pages and derived.hosts == count,
             (derived.regions, derived.listings)),
            ("%s numbers: the uri loop needs as many list requests" % n, uri.listings == pages, uri.listings),
        ]
        for label, measured in (
                ("`ansible-inventory --list`, US/LOCAL named, cache empty", cold),
                ("`ansible-inventory --list`, same source again, from the cache", warm),
                ("`ansible-inventory --list`, regions from availableRegions, no cache", derived),
                ("`ansible.builtin.uri` paging loop over US/LOCAL (fetch only, no hosts)", uri)):
            rows.append("| %s | %s | %d | %d | %s | %.1f | %.0f |" % (
                label, n, measured.listings, measured.regions,
                "{:,}".format(measured.hosts) if measured.hosts is not None else "-",
                measured.seconds, measured.max_rss_kib / 1024.0))
    intro = [
        "The project holds N active US local numbers (seeded with `POST /_sim/seed/active`); page size %d." % PAGE_SIZE,
        "Peak memory is the maximum resident set size of the command's largest process (`os.wait4`).",
        "Reproduce: `.venv/bin/python tests/benchmark/run.py` (scenario `tests/benchmark/inventory_scale.py`).",
        "",
        "| run | numbers | list requests | availableRegions requests | hosts | wall time (s) | peak RSS (MiB) |",
        "|---|---|---|---|---|---|---|",
    ]
    outro = [
        "",
        "Against the local simulator a list request costs milliseconds, so the inventory's wall time is mostly",
        "ansible-core building the hosts and groups and writing the JSON; that work is the same with or without",
        "the cache. The cache saves the requests, and with them the API's latency and rate limit. Wall times",
        "vary with the machine's load; the request counts do not.",
    ]
    return checks, "\n".join(intro + rows + outro)
