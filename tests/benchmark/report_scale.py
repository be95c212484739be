# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The project_report role on a project of 10,000 active numbers of a known mix.

The report reads with paged listings only: one availableRegions request, ceil(n / page size)
activeNumbers requests per offered (region, type) pair (one for each empty pair), and one listing
each for imported numbers, hosting orders and registrations. No write, changed=0.
"""

from __future__ import annotations

import math
from pathlib import Path

from harness import PROJECT

PLAYBOOKS = Path(__file__).resolve().parent / "playbooks"

PAGE_SIZE = 1000
# (count, region, type, extra seeding fields, what they are)
MIX = [
    (4000, "US", "LOCAL", {"displayNamePrefix": "alerts-", "smsConfiguration": {"servicePlanId": "plan-alerts"}},
     "pool alerts-, SMS configured"),
    (2000, "US", "MOBILE", {"displayNamePrefix": "support-", "voiceConfiguration": {"type": "RTC", "appId": "app"}},
     "pool support-, voice configured"),
    (2000, "GB", "LOCAL", {"displayNamePrefix": "legacy-", "smsConfiguration": {"servicePlanId": "plan-legacy"}},
     "unmanaged prefix, SMS configured"),
    (1000, "SE", "LOCAL", {"displayNamePrefix": "alerts-", "scheduledProvisioning": {"sms": "FAILED", "ageSeconds": 3600}},
     "pool alerts-, SMS provisioning failed"),
    (1000, "DE", "MOBILE", {}, "no display name, unconfigured"),
]
EXPECTED_SUMMARY = {"unmanaged": 3000, "unconfigured": 2000, "provisioning_failed": 1000, "provisioning_pending": 0,
                    "stuck_hosting_orders": 0, "stuck_registrations": 0}
TOTAL = sum(item[0] for item in MIX)
TITLE = "Drift and cost report of 10,000 active numbers"


def run(bench):
    for count, region, kind, extra, _what in MIX:
        bench.admin("POST", "/_sim/seed/active", dict(
            {"projectId": PROJECT, "count": count, "regionCode": region, "type": kind}, **extra))
    regions = bench.api_get("/v1/projects/%s/availableRegions" % PROJECT)["availableRegions"]
    pairs = [(region["regionCode"], kind) for region in regions for kind in region["types"]]
    pages = {(region, kind): math.ceil(count / PAGE_SIZE) for count, region, kind, _extra, _what in MIX}
    expected_lists = sum(pages.get(pair, 1) for pair in pairs)

    m = bench.run_playbook(PLAYBOOKS / "report_role.yml",
                           {"bench_page_size": PAGE_SIZE, "bench_expected_summary": EXPECTED_SUMMARY})
    lists = sum(1 for r in m.requests if r["path"].endswith("/activeNumbers"))
    others = {suffix: sum(1 for r in m.requests if r["path"].endswith(suffix))
              for suffix in ("/availableRegions", "/importedNumbers", "/hostingOrders", "/registrations")}
    checks = [
        ("the report found the seeded mix (%s)" % ", ".join("%s %d" % item for item in EXPECTED_SUMMARY.items()),
         True, "asserted in the playbook"),
        ("activeNumbers list requests = sum over the %d offered region/type pairs of max(1, ceil(n / %d)) = %d"
         % (len(pairs), PAGE_SIZE, expected_lists), lists == expected_lists, lists),
        ("one availableRegions request and one listing each for imported numbers, hosting orders and registrations",
         all(count == 1 for count in others.values()), others),
        ("no other read", m.reads == lists + sum(others.values()), m.reads),
        ("no write", m.writes == 0, m.writes),
        ("changed=0", m.recap.get("changed") == 0, m.recap.get("changed")),
    ]
    table = ["| run | active numbers | activeNumbers requests | other GET requests | write requests | changed "
             "| wall time (s) |",
             "|---|---|---|---|---|---|---|",
             "| `sinch.numbers.project_report` role (page size %d) | %s | %d | %d | %d | %s | %.1f |" % (
                 PAGE_SIZE, format(TOTAL, ","), lists, m.reads - lists, m.writes, m.recap.get("changed"), m.seconds),
             "",
             "Seeded with `POST /_sim/seed/active`: %s. Reproduce: `.venv/bin/python tests/benchmark/run.py` "
             "(scenario `tests/benchmark/report_scale.py`)." % "; ".join(
                 "%s %s %s (%s)" % (format(count, ","), region, kind, what) for count, region, kind, _extra, what in MIX)]
    return checks, "\n".join(table)
