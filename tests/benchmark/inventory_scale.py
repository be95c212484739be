# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The active_numbers inventory at 1,000 and 10,000 numbers, beside an ansible.builtin.uri paging loop.

Per size, against a project holding exactly that many US local numbers:
  1. ansible-inventory --list on a source naming US/LOCAL, cache empty: ceil(N / page size) list requests;
  2. the same again, served from the cache: no request at all;
  3. ansible-inventory --list on a source naming no region: one availableRegions request, then one
     listing per offered (region, type) pair (the empty ones cost one request each);
  4. a playbook paging through the same pair with ansible.builtin.uri (fetch only, no hosts made);
  5. ansible-inventory --graph on a source naming US/LOCAL and nothing else, beside
  6. the official Sinch Python SDK listing the same pair (sdk_list.py): the floor of what loading the
     numbers costs. At 10,000 numbers the inventory must stay within 1.5 times the SDK script's CPU time
     and under 150 MiB peak RSS (both gated).
Wall time is reported, not asserted.
"""

from __future__ import annotations

import json
import math
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
# the inventory's load cost at 10,000 numbers, against the SDK script (issue 16)
MAX_CPU_RATIO = 1.5
MAX_RSS_MIB = 150
TITLE = "Inventory of 1,000 and 10,000 active numbers"


class Run:
    """One command: its wall time, peak RSS and the requests the simulator received."""

    def __init__(self, seconds, usage, requests, output=""):
        self.seconds = seconds
        self.max_rss_kib = usage["max_rss_kib"]
        self.cpu_seconds = usage["cpu_seconds"]
        self.requests = requests
        self.output = output
        self.hosts = None  # how many hosts the inventory held; None for the uri loop and the SDK

    def count(self, suffix):
        return sum(1 for r in self.requests if r["path"].endswith(suffix))

    @property
    def listings(self):
        return self.count("/activeNumbers")

    @property
    def regions(self):
        return self.count("/availableRegions")


def measure(bench, argv, env):
    """Run argv to completion through rusage.py, which reports the CPU time and peak RSS of argv alone."""
    bench.clear_log()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(suffix=".json") as report:
        started = time.monotonic()
        code = subprocess.call([sys.executable, "-I", str(HERE / "rusage.py"), report.name] + argv,
                               env=env, stdout=out, stderr=err)
        seconds = time.monotonic() - started
        if code != 0:
            out.seek(0)
            err.seek(0)
            raise RuntimeError("%s failed:\n%s\n%s" % (" ".join(argv), out.read()[-4000:].decode(errors="replace"),
                                                       err.read()[-4000:].decode(errors="replace")))
        out.seek(0)
        usage = json.loads(Path(report.name).read_text())
        return Run(seconds, usage, bench.requests(), out.read().decode(errors="replace"))


def inventory(bench, source, env, output, *extra):
    argv = [str(Path(sys.executable).parent / "ansible-inventory"), "-i", str(INVENTORIES / source),
            "--list", "--output", str(output)] + list(extra)
    run = measure(bench, argv, env)
    run.hosts = len(json.loads(output.read_text())["_meta"]["hostvars"])
    return run


def graph(bench, source, env):
    argv = [str(Path(sys.executable).parent / "ansible-inventory"), "-i", str(INVENTORIES / source), "--graph"]
    run = measure(bench, argv, env)
    run.hosts = sum(1 for line in run.output.splitlines() if line.lstrip(" |").startswith("--+"))
    return run


def sdk_list(bench, env):
    run = measure(bench, [sys.executable, str(HERE / "sdk_list.py"), "US", "LOCAL", str(PAGE_SIZE)], env)
    run.hosts = int(run.output.strip())
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
        floor = graph(bench, "graph.sinch.yml", env)
        sdk = sdk_list(bench, env)
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
            ("%s numbers: `--graph` and the SDK script list every number in ceil(N / %d) pages" % (n, PAGE_SIZE),
             floor.hosts == sdk.hosts == count and floor.listings == sdk.listings == pages,
             (floor.hosts, sdk.hosts, floor.listings, sdk.listings)),
        ]
        if count == max(SIZES):
            ratio = floor.cpu_seconds / sdk.cpu_seconds
            checks += [
                ("%s numbers: `ansible-inventory --graph` within %.1fx the CPU time of the SDK script" % (
                    n, MAX_CPU_RATIO), ratio <= MAX_CPU_RATIO,
                 "%.2f s vs %.2f s, %.2fx" % (floor.cpu_seconds, sdk.cpu_seconds, ratio)),
                ("%s numbers: `ansible-inventory --graph` under %d MiB peak RSS" % (n, MAX_RSS_MIB),
                 floor.max_rss_kib / 1024.0 < MAX_RSS_MIB, "%.0f MiB" % (floor.max_rss_kib / 1024.0)),
            ]
        for label, measured in (
                ("`ansible-inventory --list`, US/LOCAL named, cache empty", cold),
                ("`ansible-inventory --list`, same source again, from the cache", warm),
                ("`ansible-inventory --list`, regions from availableRegions, no cache", derived),
                ("`ansible.builtin.uri` paging loop over US/LOCAL (fetch only, no hosts)", uri),
                ("`ansible-inventory --graph`, US/LOCAL named, no groups, no cache", floor),
                ("Sinch Python SDK script listing US/LOCAL (`tests/benchmark/sdk_list.py`, no hosts)", sdk)):
            rows.append("| %s | %s | %d | %d | %s | %.1f | %.1f | %.0f |" % (
                label, n, measured.listings, measured.regions,
                "{:,}".format(measured.hosts) if measured.hosts is not None and measured is not sdk else "-",
                measured.seconds, measured.cpu_seconds, measured.max_rss_kib / 1024.0))
    intro = [
        "The project holds N active US local numbers (seeded with `POST /_sim/seed/active`); page size %d." % PAGE_SIZE,
        "Peak memory is the maximum resident set size of the command's largest process, CPU time its user plus",
        "system time (`os.wait4` in `tests/benchmark/rusage.py`; the simulator runs in the benchmark's own process",
        "and is not counted).",
        "Reproduce: `.venv/bin/python tests/benchmark/run.py` (scenario `tests/benchmark/inventory_scale.py`).",
        "",
        "| run | numbers | list requests | availableRegions requests | hosts | wall time (s) | CPU time (s) | peak RSS (MiB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    outro = [
        "",
        "Against the local simulator a list request costs milliseconds, so the inventory's wall time is mostly",
        "ansible-core building the hosts and groups and writing the JSON; that work is the same with or without",
        "the cache. The cache saves the requests, and with them the API's latency and rate limit. Wall times",
        "vary with the machine's load; the request counts do not.",
        "",
        "The SDK script is the floor of loading the numbers in Python (its list requests include the SDK's",
        "OAuth2 token request). The inventory sets each host's variables in one step: one `set_variable`",
        "call per variable cost 2.4 times the SDK script's CPU time and 172 MiB at 10,000 numbers.",
    ]
    return checks, "\n".join(intro + rows + outro)
