# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Converged rerun of a playbook that manages 50 numbers: sinch_number vs. ansible.builtin.uri."""

from __future__ import annotations

from pathlib import Path

from harness import PROJECT

PLAYBOOKS = Path(__file__).resolve().parent / "playbooks"
COUNT = 50
PLAN = "bench-plan"
TITLE = "Converged rerun of a 50-number playbook"


def run(bench):
    bench.admin("POST", "/_sim/seed/active", {
        "projectId": PROJECT, "count": COUNT, "regionCode": "US", "type": "LOCAL",
        "capability": ["SMS", "VOICE"], "displayNamePrefix": "bench-",
        "smsConfiguration": {"servicePlanId": PLAN},
    })
    listed = bench.api_get("/v1/projects/%s/activeNumbers?regionCode=US&type=LOCAL&pageSize=1000" % PROJECT)
    numbers = [{"phone_number": n["phoneNumber"], "display_name": n["displayName"]}
               for n in listed["activeNumbers"]]
    extra_vars = {"bench_numbers": numbers, "bench_service_plan": PLAN}

    module = bench.run_playbook(PLAYBOOKS / "numbers_module.yml", extra_vars)
    uri = bench.run_playbook(PLAYBOOKS / "numbers_uri.yml", extra_vars)

    checks = [
        ("50 numbers were seeded", len(numbers) == COUNT, len(numbers)),
        ("sinch_number rerun sends one GET per number", module.reads == COUNT, module.reads),
        ("sinch_number rerun sends no write", module.writes == 0, module.writes),
        ("sinch_number rerun reports changed=0", module.recap.get("changed") == 0, module.recap.get("changed")),
        ("the uri playbook did the same job", uri.reads == COUNT and uri.writes == 0, (uri.reads, uri.writes)),
    ]
    table = ["| playbook | numbers | GET requests | write requests | changed | wall time (s) |",
             "|---|---|---|---|---|---|"]
    for name, m in (("`sinch.numbers.sinch_number` (loop)", module),
                    ("`ansible.builtin.uri` (GET, then PATCH when different)", uri)):
        table.append("| %s | %d | %d | %d | %s | %.1f |" % (
            name, COUNT, m.reads, m.writes, m.recap.get("changed"), m.seconds))
    return checks, "\n".join(table)
