# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Changing a pool: the number_pool role (one sinch_numbers run), the role's former per-member
tasks (one sinch_number run per member), sinch_numbers alone (the items given), and a plain
requests + thread pool script, side by side; and a converged rerun of sinch_numbers alone."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from harness import KEY_ID, KEY_SECRET, PROJECT, WRITE_METHODS
from inventory_scale import measure

HERE = Path(__file__).resolve().parent
PLAYBOOKS = HERE / "playbooks"
POOL = "bench"
CONCURRENCY = 8
LATENCY = 0.05
# sinch_numbers alone pages its read with this page size (so that the rerun shows the paging).
MODULE_PAGE_SIZE = 250
TITLE = "Changing a pool: one bulk module run vs. one module run per member vs. a plain script"
# Wall-time targets (seconds; reported, not gated) and the latency ratio to the script.
TARGETS = {("grow", 50): 3.0, ("reconfigure", 50): 3.0, ("reconfigure", 1000): 5.0}
MAX_LATENCY_RATIO = 2.0

# What a profile of these runs showed (py-spy over ansible-playbook and its module process, and
# cProfile of the module alone, 1,000 items, no latency); the table above is measured each run.
WHERE_THE_TIME_GOES = (
    "Where the time goes (profiled at 1,000 items, no latency). The module process itself takes about 1.8 s, "
    "of which the 1,000 PATCHes take about 1.2 s: the simulator, in the benchmark's own process on the same "
    "2 cores, answers about one request a millisecond, for the script too. AnsibleModule's validation of "
    "1,000 nested items takes about 0.2 s and the module's planning, diff and report under 0.1 s. The rest "
    "is Ansible's work around the module, which the script does not do: starting `ansible-playbook` (about "
    "1 s), templating 1,000 items into the module's arguments and registering its result, and, for the role, "
    "its listing task and plan filter over the 1,000 numbers (about 1.5 s together). Fixed after profiling: "
    "requests read `~/.netrc` before every request (8 % of the module's CPU), and the result carried the "
    "set's diff without `--diff` and the full number of every unchanged item (1.2 MB at 1,000 items, half "
    "of it diff); the no-op task over 1,000 items now takes a third less time.")

# (change, pool size, simulator latency, which implementations)
CASES = [
    ("grow", 50, 0.0, ("per_member", "bulk", "script")),
    ("reconfigure", 50, 0.0, ("per_member", "bulk", "script")),
    ("reconfigure", 1000, 0.0, ("bulk", "module", "script")),
    ("reconfigure", 1000, LATENCY, ("bulk", "module", "script")),
    ("rerun", 1000, 0.0, ("module",)),
]
LABELS = {
    "per_member": "role, one `sinch_number` run per member (before)",
    "bulk": "`number_pool` role, one `sinch_numbers` run",
    "module": "`sinch_numbers` alone (the items given, page size %d)" % MODULE_PAGE_SIZE,
    "script": "plain script, requests + thread pool",
}


def prepare(bench, change, size, latency):
    """The same starting state for every implementation."""
    bench.admin("POST", "/_sim/reset")
    if change == "grow":
        bench.admin("POST", "/_sim/seed/available", {"count": size, "regionCode": "US", "type": "LOCAL",
                                                     "capability": ["SMS", "VOICE"]})
    else:
        bench.admin("POST", "/_sim/seed/active", {
            "projectId": PROJECT, "count": size, "regionCode": "US", "type": "LOCAL", "capability": ["SMS", "VOICE"],
            "displayNamePrefix": POOL + "-", "smsConfiguration": {"servicePlanId": "plan-old"}})
    bench.admin("POST", "/_sim/settings", {"latency": latency, "provisioningDelay": 0})


def module_items(bench, change):
    """The items of sinch_numbers alone: every seeded member, with the new plan (the old one for a rerun)."""
    listed = bench.api_get("/v1/projects/%s/activeNumbers?regionCode=US&type=LOCAL&pageSize=1000" % PROJECT)
    plan = "plan-old" if change == "rerun" else "plan-new"
    return [{"phone_number": n["phoneNumber"], "region_code": "US", "number_type": "LOCAL",
             "sms_configuration": {"service_plan_id": plan}} for n in listed["activeNumbers"]]


def argv_for(bench, implementation, change, size):
    if implementation == "module":
        vars_file = Path(bench.tmp.name, "bulk_items.json")
        vars_file.write_text(json.dumps({"bench_items": module_items(bench, change), "bench_concurrency": CONCURRENCY,
                                         "bench_page_size": MODULE_PAGE_SIZE}))
        return [str(Path(sys.executable).parent / "ansible-playbook"), str(PLAYBOOKS / "numbers_bulk.yml"),
                "-e", "@%s" % vars_file]
    if implementation == "script":
        return [sys.executable, str(HERE / "plain_pool_script.py"), bench.url, PROJECT, KEY_ID, KEY_SECRET,
                change, POOL, str(size), "plan-new", str(CONCURRENCY)]
    playbook = "pool_change_per_member.yml" if implementation == "per_member" else "pool_change.yml"
    extra = '{"bench_pool_name": "%s", "bench_size": %d, "bench_concurrency": %d, "bench_service_plan": "plan-new"}' % (
        POOL, size, CONCURRENCY)
    return [str(Path(sys.executable).parent / "ansible-playbook"), str(PLAYBOOKS / playbook), "-e", extra]


def writes(run):
    return [r for r in run.requests if r["method"] in WRITE_METHODS and r["path"] != "/oauth2/token"]


def run(bench):
    env = bench.env()
    checks, rows, measured = [], [], {}
    for change, size, latency, implementations in CASES:
        for implementation in implementations:
            prepare(bench, change, size, latency)
            result = measure(bench, argv_for(bench, implementation, change, size), env)
            measured[(change, size, latency, implementation)] = result
            sent = writes(result)
            patched = {r["path"] for r in sent if r["method"] == "PATCH"}
            rents = sum(1 for r in sent if r["path"].endswith(":rentAny"))
            if change == "grow":
                label, ok = "%d rentAny and %d naming PATCHes, one per number" % (size, size), (
                    len(sent) == 2 * size and rents == size and len(patched) == size)
            elif change == "rerun":
                label, ok = "no write", not sent
            else:
                label, ok = "%d PATCHes, one per number" % size, len(sent) == size and len(patched) == size
            checks.append(("%s %d (latency %g s), %s: %s" % (change, size, latency, implementation, label), ok,
                           "%d writes, %d rentAny, %d numbers patched" % (len(sent), rents, len(patched))))
            lists = sum(1 for r in result.requests if r["method"] == "GET")
            if implementation == "bulk":
                checks.append(("%s %d (latency %g s), bulk: 2 list requests (the role's plan, the module's read)"
                               % (change, size, latency), lists == 2, lists))
            if implementation == "module":
                pages = int(math.ceil(size / float(MODULE_PAGE_SIZE)))
                checks.append(("%s %d (latency %g s), sinch_numbers alone: %d list requests (one paged read), "
                               "no other read" % (change, size, latency, pages), lists == pages, lists))
            rows.append("| %s %d | %s | %s | %d | %d | %d | %.1f | %.0f |" % (
                change, size, "%g ms" % (latency * 1000), LABELS[implementation],
                sum(1 for r in result.requests if r["method"] == "GET"), len(sent), len(result.requests),
                result.seconds, result.max_rss_kib / 1024.0))
    for (change, size), target in TARGETS.items():
        seconds = measured[(change, size, 0.0, "bulk")].seconds
        checks.append(("bulk %s %d within %.0f s" % (change, size, target), seconds <= target, "%.1f s" % seconds,
                       False))
    script = measured[("reconfigure", 1000, LATENCY, "script")].seconds
    for implementation in ("bulk", "module"):
        seconds = measured[("reconfigure", 1000, LATENCY, implementation)].seconds
        checks.append(("%s reconfigure 1000 at %g ms latency, concurrency %d, within %.0fx the script" % (
            implementation, LATENCY * 1000, CONCURRENCY, MAX_LATENCY_RATIO), seconds <= MAX_LATENCY_RATIO * script,
            "%.1f s vs %.1f s = %.2fx" % (seconds, script, seconds / script), False))
    table = [
        "Each run starts from the same simulator state (reset, then seeded). Concurrency %d everywhere "
        "(the per-member role has none). Peak RSS is the largest process of the run (`os.wait4`); "
        "for the playbooks that is ansible-playbook or the module process, whichever is larger." % CONCURRENCY,
        "",
        "| change | latency | implementation | GET requests | write requests | requests in all | wall time (s) "
        "| peak RSS (MiB) |",
        "|---|---|---|---|---|---|---|---|",
    ] + rows + ["", WHERE_THE_TIME_GOES]
    return checks, "\n".join(table)
