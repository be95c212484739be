#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The baseline: a plain requests + thread pool script doing the writes a pool change needs.

    plain_pool_script.py URL PROJECT KEY SECRET grow|reconfigure POOL COUNT PLAN CONCURRENCY

grow: rentAny COUNT numbers (with the SMS plan) and name each <POOL>-<n>.
reconfigure: list the region and type once, PATCH the plan of every <POOL>- member that differs.
No retries and no idempotency checks beyond that: the least work the API needs.
"""

import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import requests


def main(url, project, key, secret, action, pool, count, plan, concurrency):
    base = "%s/v1/projects/%s" % (url, project)
    local = threading.local()

    def session():
        if not hasattr(local, "session"):
            local.session = requests.Session()
            local.session.auth = (key, secret)
        return local.session

    def call(method, path, **kwargs):
        response = session().request(method, base + path, timeout=30, **kwargs)
        response.raise_for_status()
        return response.json()

    sms = {"smsConfiguration": {"servicePlanId": plan}}
    if action == "grow":
        def grow(index):
            body = dict(sms, regionCode="US", type="LOCAL", capabilities=["SMS"])
            number = call("POST", "/availableNumbers:rentAny", json=body)
            call("PATCH", "/activeNumbers/" + quote(number["phoneNumber"], safe=""),
                 json={"displayName": "%s-%d" % (pool, index)})
        work, items = grow, range(1, int(count) + 1)
    else:
        listed = call("GET", "/activeNumbers", params={"regionCode": "US", "type": "LOCAL", "pageSize": 1000})
        items = [number["phoneNumber"] for number in listed["activeNumbers"]
                 if number.get("displayName", "").startswith(pool + "-")
                 and (number.get("smsConfiguration") or {}).get("servicePlanId") != plan]

        def work(phone):
            call("PATCH", "/activeNumbers/" + quote(phone, safe=""), json=sms)
    with ThreadPoolExecutor(max_workers=int(concurrency)) as executor:
        list(executor.map(work, items))


if __name__ == "__main__":
    main(*sys.argv[1:])
