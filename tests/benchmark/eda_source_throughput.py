# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Throughput of the sinch.numbers.callbacks event source: signed callbacks verified and queued per second.

The source runs in its own process (eda_source_server.py, as ansible-rulebook runs it); this process
posts pre-signed Numbers callbacks to it over keep-alive connections. Then the ids the source queued
are compared with the ids sent: none may be lost or queued twice, no forged callback may be queued,
and a redelivered callback (same eventId, as Sinch retries) is answered 200 but not queued again.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
TITLE = "Event-Driven Ansible: signed callbacks verified and queued by sinch.numbers.callbacks"
SECRET = "bench-numbers-hmac-secret"
EVENTS = 10000          # signed callbacks, each with its own eventId (the source's default dedupe window)
FORGED_EVERY = 20       # one forged callback (wrong signature) after every 20 signed ones
REDELIVERED = 1000      # the last 1000 signed callbacks are posted again afterwards
CONCURRENCY = 32        # parallel keep-alive connections
TARGET_PER_SECOND = 1000


def callback(index, secret):
    payload = {"eventId": "bench-%06d" % index, "timestamp": "2026-12-06T02:00:00.%06d" % index,
               "projectId": "bench-project", "resourceId": "+1206555%04d" % (index % 10000),
               "resourceType": "ACTIVE_NUMBER", "eventType": "PROVISIONING_TO_SMS_PLATFORM",
               "status": "FAILED" if index % 7 == 0 else "SUCCEEDED", "failureCode": None}
    body = json.dumps(payload, separators=(",", ":")).encode()
    return body, {"Content-Type": "application/json",
                  "X-Sinch-Signature": hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()}


def traffic():
    """(kind, body, headers) in sending order: signed callbacks with forged ones among them."""
    items = []
    for index in range(EVENTS):
        body, headers = callback(index, SECRET)
        items.append(("signed", body, headers))
        if index % FORGED_EVERY == FORGED_EVERY - 1:
            forged, forged_headers = callback(EVENTS + index, "not-the-secret")
            items.append(("forged", forged, forged_headers))
    return items


async def post_all(url, items):
    """Post every item over CONCURRENCY connections; Counter of (kind, status)."""
    results = Counter()
    pending = iter(items)
    connector = aiohttp.TCPConnector(limit=CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker():
            for kind, body, headers in pending:
                async with session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    results[(kind, response.status)] += 1

        await asyncio.gather(*(worker() for _connection in range(CONCURRENCY)))
    return results


def cpu_seconds(pid):
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path("/proc/%d/stat" % pid).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url, server):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the event source exited (rc %s)" % server.returncode)
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the event source did not answer %s within 30 s" % url)


def run(_bench):
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    items = traffic()
    signed = [item for item in items if item[0] == "signed"]
    redelivered = [("redelivered", body, headers) for _kind, body, headers in signed[-REDELIVERED:]]
    with tempfile.TemporaryDirectory(prefix="sinch-eda-bench-") as tmp:
        out = Path(tmp, "queued.json")
        log = Path(tmp, "source.log")
        with open(log, "wb") as stream:
            server = subprocess.Popen(  # pylint: disable=consider-using-with
                [sys.executable, str(HERE / "eda_source_server.py"), "--port", str(port), "--out", str(out)],
                env=dict(os.environ, SINCH_NUMBERS_HMAC_SECRET=SECRET), stdout=stream, stderr=subprocess.STDOUT)
        try:
            wait_healthy(base + "/health", server)
            cpu_before, started = cpu_seconds(server.pid), time.perf_counter()
            results = asyncio.run(post_all(base + "/sinch/numbers", items))
            seconds, cpu = time.perf_counter() - started, cpu_seconds(server.pid) - cpu_before
            load = os.getloadavg()[0]
            results.update(asyncio.run(post_all(base + "/sinch/numbers", redelivered)))
        finally:
            server.terminate()
            server.wait(timeout=30)
        queued = json.loads(out.read_text()) if out.exists() else []
        refusals = log.read_text(errors="replace").count("refused a numbers callback")
        leaked = SECRET in log.read_text(errors="replace")

    sent_ids = ["bench-%06d" % index for index in range(EVENTS)]
    counts = Counter(queued)
    lost = len(set(sent_ids) - set(counts))
    duplicated = sum(n - 1 for n in counts.values() if n > 1)
    strangers = len(set(counts) - set(sent_ids))
    forged = len(items) - EVENTS
    accepted = results[("signed", 200)]
    rate = accepted / seconds if seconds else 0.0
    # what one core of the source handles: requests (signed and forged) per CPU-second it used
    capacity = len(items) / cpu if cpu else 0.0
    table = "\n".join([
        "| signed callbacks | forged (wrong signature) | redelivered | answered 200 | answered 401 | queued "
        "| lost | queued twice | wall time (s) | verified events queued per second | source CPU (s) "
        "| requests per CPU-second of the source |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        "| %s | %s | %s | %s | %s | %s | %d | %d | %.2f | %s | %.2f | %s |" % (
            format(EVENTS, ","), format(forged, ","), format(REDELIVERED, ","),
            format(accepted + results[("redelivered", 200)], ","), format(results[("forged", 401)], ","),
            format(len(queued), ","), lost, duplicated, seconds, format(int(rate), ","), cpu,
            format(int(capacity), ",")),
        "",
        "The source (`extensions/eda/plugins/event_source/callbacks.py`, default options) runs in its own process "
        "as ansible-rulebook runs it, with a consumer taking each event off its queue; %d keep-alive connections "
        "post the callbacks from another process on the same machine (`tests/benchmark/eda_source_throughput.py`). "
        "Events per second count the signed callbacks verified, answered 200 and queued, over the wall time of "
        "posting the signed and forged ones; on a busy machine it is lower than what the source can do, which the "
        "last column shows: requests handled per second of CPU the source used (one core). "
        "The machine's load average was %.1f on %d CPUs at the end of the run. "
        "Reproduce: `.venv/bin/python tests/benchmark/run.py`." % (CONCURRENCY, load, os.cpu_count() or 0),
    ])
    checks = [
        ("every signed callback is answered 200", accepted == EVENTS, accepted),
        ("every forged callback is answered 401", results[("forged", 401)] == forged, results[("forged", 401)]),
        ("every redelivered callback is answered 200", results[("redelivered", 200)] == REDELIVERED,
         results[("redelivered", 200)]),
        ("no signed callback lost: each sent eventId was queued", lost == 0, lost),
        ("no event queued twice (redeliveries included)", duplicated == 0, duplicated),
        ("nothing forged was queued", strangers == 0 and len(queued) == EVENTS, (strangers, len(queued))),
        ("the source logged each refusal, and never the secret", refusals == forged and not leaked,
         (refusals, leaked)),
        ("at least %s verified events queued per second" % format(TARGET_PER_SECOND, ","),
         rate >= TARGET_PER_SECOND, "%s/s" % format(int(rate), ","), False),
    ]
    return checks, table
