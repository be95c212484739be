# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Converged rerun of a 50-number pool: the number_pool role vs. an ansible.builtin.uri playbook."""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from pathlib import Path

from harness import PROJECT

HERE = Path(__file__).resolve().parent
PLAYBOOKS = HERE / "playbooks"
COUNT = 50
PAGE_SIZE = 20
POOL = "bench"
PLAN = "bench-plan"
# Each playbook runs this many times, alternately; the fastest run of each is compared, which
# keeps a busy machine from deciding the ratio.
ROUNDS = 2
MIN_SPEED_UP = 5.0
TITLE = "Converged rerun of a 50-number pool"
LIST_PATH = "/v1/projects/%s/activeNumbers" % PROJECT


@contextlib.contextmanager
def module_counter():
    """Enable pool_module_counter for the playbooks run inside; yields a reader of its counts."""
    with tempfile.TemporaryDirectory(prefix="sinch-pool-bench-") as tmp:
        counts = Path(tmp, "counts.json")
        extra = {"ANSIBLE_CALLBACK_PLUGINS": str(HERE), "ANSIBLE_CALLBACKS_ENABLED": "pool_module_counter",
                 "POOL_BENCH_COUNTS": str(counts)}
        saved = {key: os.environ.get(key) for key in extra}
        os.environ.update(extra)  # Bench.env() starts from os.environ
        try:
            yield lambda: json.loads(counts.read_text())
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def api_executions(counts):
    """Executions of modules that call the API (not set_fact, fail or argument validation)."""
    return sum(n for action, n in counts.items()
               if action.startswith("sinch.numbers.") or action in ("ansible.builtin.uri", "uri"))


def run(bench):
    bench.admin("POST", "/_sim/seed/active", {
        "projectId": PROJECT, "count": COUNT, "regionCode": "US", "type": "LOCAL",
        "capability": ["SMS", "VOICE"], "displayNamePrefix": POOL + "-",
        "smsConfiguration": {"servicePlanId": PLAN},
    })
    listed = bench.api_get("%s?regionCode=US&type=LOCAL&pageSize=1000" % LIST_PATH)["activeNumbers"]
    members = [{"phone_number": n["phoneNumber"], "display_name": n["displayName"]} for n in listed]
    extra_vars = {"bench_numbers": members, "bench_service_plan": PLAN, "bench_pool_name": POOL,
                  "bench_page_size": PAGE_SIZE}

    runs = {"role": [], "uri": []}
    with module_counter() as read_counts:
        for _round in range(ROUNDS):
            for name, playbook in (("role", "pool_role.yml"), ("uri", "pool_uri.yml")):
                measurement = bench.run_playbook(PLAYBOOKS / playbook, extra_vars)
                measurement.executions = api_executions(read_counts())
                runs[name].append(measurement)
    role = min(runs["role"], key=lambda m: m.seconds)
    uri = min(runs["uri"], key=lambda m: m.seconds)
    speed_up = uri.seconds / role.seconds

    pages = math.ceil(COUNT / PAGE_SIZE)
    role_lists = [r for r in role.requests if r["method"] == "GET" and r["path"] == LIST_PATH]
    checks = [
        ("50 pool members were seeded", len(members) == COUNT, len(members)),
        ("role rerun sends ceil(50 / %d) = %d list requests and no other read" % (PAGE_SIZE, pages),
         len(role_lists) == pages and role.reads == pages, "%d list, %d GET in all" % (len(role_lists), role.reads)),
        ("role rerun sends no write", role.writes == 0, role.writes),
        ("role rerun reports changed=0", role.recap.get("changed") == 0, role.recap.get("changed")),
        ("role rerun runs one API module (the listing), no per-member module",
         role.executions == 1, role.executions),
        ("every run of both playbooks sent no write and changed nothing",
         all(m.writes == 0 and m.recap.get("changed") == 0 for m in runs["role"] + runs["uri"]),
         [(m.writes, m.recap.get("changed")) for m in runs["role"] + runs["uri"]]),
        ("the uri playbook did the same check (one GET per member)",
         uri.reads == COUNT and uri.executions == COUNT, (uri.reads, uri.executions)),
        ("role rerun at least %.0fx faster than the uri playbook" % MIN_SPEED_UP,
         speed_up >= MIN_SPEED_UP, "%.1fx" % speed_up, False),
    ]
    table = ["| playbook | pool size | list requests | other GET requests | write requests | "
             "API module executions | changed | wall time (s, best of %d) |" % ROUNDS,
             "|---|---|---|---|---|---|---|---|"]
    for name, m in (("`sinch.numbers.number_pool` role (page size %d)" % PAGE_SIZE, role),
                    ("`ansible.builtin.uri` (GET each member, PATCH when different)", uri)):
        lists = sum(1 for r in m.requests if r["method"] == "GET" and r["path"] == LIST_PATH)
        table.append("| %s | %d | %d | %d | %d | %d | %s | %.1f |" % (
            name, COUNT, lists, m.reads - lists, m.writes, m.executions, m.recap.get("changed"), m.seconds))
    table.append("")
    table.append("Wall times of all %d runs: role %s s, uri %s s. The role is %.1fx faster." % (
        ROUNDS, ", ".join("%.1f" % m.seconds for m in runs["role"]),
        ", ".join("%.1f" % m.seconds for m in runs["uri"]), speed_up))
    return checks, "\n".join(table)
