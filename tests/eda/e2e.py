#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""End to end with the real engine: a module sets the callback secret, the simulator provisions a
number and calls back, ansible-rulebook's rule fires and runs the collection's playbook, whose
effect is checked; forged callbacks fire nothing.

    python tests/eda/e2e.py --collections DIR --work DIR

DIR holds ansible_collections/sinch/numbers installed from the built tarball. Run it with the Python
of the environment holding ansible-rulebook and ansible-core (scripts/eda-e2e.sh prepares both and
puts that environment's bin/ first on PATH). The simulator runs in this process.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from simulator.core.server import Simulator  # noqa: E402  pylint: disable=wrong-import-position

PROJECT, KEY_ID, KEY_SECRET = "demo-project", "demo-key", "demo-secret"
SECRET = "e2e-numbers-hmac-secret-6b1f0c"
RETRY_PLAN = "plan-recovered"
DEADLINE_SECONDS = 120


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, label, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print("%s %s%s" % ("PASS" if ok else "FAIL", label, (": %s" % detail) if detail and not ok else ""), flush=True)
        return ok


def http(method, url, body=None, headers=None, auth=True, timeout=10):
    """(status, parsed JSON or text) of one request."""
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(("%s:%s" % (KEY_ID, KEY_SECRET)).encode()).decode())
    if data is not None and "Content-Type" not in request.headers:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def wait_for(what, predicate, deadline, process=None):
    while True:
        value = predicate()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise RuntimeError("ansible-rulebook exited (rc %s) while waiting for %s" % (process.returncode, what))
        if time.monotonic() > deadline:
            raise RuntimeError("timed out waiting for %s" % what)
        time.sleep(0.2)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sign(body, secret):
    return hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def environment(sim_url, collections, work):
    env = dict(os.environ)
    for name in ("NUMBERS", "IMPORTED_NUMBERS", "REGISTRATIONS", "AUTH"):
        env["SINCH_%s_URL" % name] = sim_url
    env.update(SINCH_PROJECT_ID=PROJECT, SINCH_KEY_ID=KEY_ID, SINCH_KEY_SECRET=KEY_SECRET,
               ANSIBLE_COLLECTIONS_PATH=str(collections), ANSIBLE_HOME=str(work / "ansible-home"),
               ANSIBLE_LOCAL_TEMP=str(work / "ansible-tmp"), ANSIBLE_NOCOLOR="1", LC_ALL="C.UTF-8")
    env.pop("SINCH_NUMBERS_HMAC_SECRET", None)
    return env


def forged_callbacks(listener, phone):
    """Three callbacks Sinch did not sign with our secret, for a number we never rented."""
    genuine_shape = {"eventId": "forged-1", "timestamp": "2026-12-06T02:00:00.000000", "projectId": PROJECT,
                     "resourceId": phone, "resourceType": "ACTIVE_NUMBER",
                     "eventType": "PROVISIONING_TO_SMS_PLATFORM", "status": "FAILED", "failureCode": None}
    body = json.dumps(genuine_shape, separators=(",", ":")).encode()
    signed_for_other = json.dumps(dict(genuine_shape, eventId="forged-3", resourceId="+10000000000"),
                                  separators=(",", ":")).encode()
    tampered = signed_for_other.replace(b"+10000000000", phone.encode())
    return [
        ("signed with another secret", body, {"X-Sinch-Signature": sign(body, "not-" + SECRET)}),
        ("unsigned", body.replace(b"forged-1", b"forged-2"), {}),
        ("replayed with a changed body", tampered, {"X-Sinch-Signature": sign(signed_for_other, SECRET)}),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collections", required=True, help="directory holding ansible_collections/")
    parser.add_argument("--work", required=True, help="scratch directory (logs, report, inventory)")
    args = parser.parse_args()
    collections, work = Path(args.collections).resolve(), Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    deadline = time.monotonic() + DEADLINE_SECONDS
    with Simulator(provisioning_delay=1.0, project_id=PROJECT, key_id=KEY_ID, key_secret=KEY_SECRET) as sim:
        try:
            run(sim, collections, work, checks, deadline)
        except RuntimeError as error:
            checks.check("the end-to-end run completed", False, str(error))
    print("eda: %d passed, %d failed" % (checks.passed, checks.failed), flush=True)
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


def run(sim, collections, work, checks, deadline):
    env = environment(sim.url, collections, work)
    port = free_port()
    listener = "http://127.0.0.1:%d" % port
    report = work / "provisioning-failures.jsonl"
    (work / "vars.yml").write_text(json.dumps({
        "sinch_eda_host": "127.0.0.1", "sinch_eda_port": port, "sinch_eda_report_file": str(report),
        "sinch_eda_retry_service_plan_id": RETRY_PLAN}))
    (work / "inventory.yml").write_text(json.dumps({"all": {"hosts": {"localhost": {
        "ansible_connection": "local", "ansible_python_interpreter": sys.executable}}}}))
    status, found = http("GET", sim.url + "/v1/projects/%s/availableNumbers?regionCode=US&type=LOCAL"
                         "&capabilities=SMS&size=2" % PROJECT)
    phone, forged_phone = [item["phoneNumber"] for item in found["availableNumbers"]]

    log_path = work / "ansible-rulebook.log"
    with open(log_path, "wb") as log:
        rulebook = subprocess.Popen(  # pylint: disable=consider-using-with
            ["ansible-rulebook", "-r", "sinch.numbers.provisioning_failed", "-i", str(work / "inventory.yml"),
             "--vars", str(work / "vars.yml"), "-v"],
            cwd=str(work), env=dict(env, SINCH_NUMBERS_HMAC_SECRET=SECRET), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        health = wait_for("the listener's health endpoint",
                          lambda: _answer(listener + "/health"), deadline, rulebook)
        checks.check("the rulebook's source listens and reports healthy", health == {"status": "ok", "apis": ["numbers"]},
                     health)

        # Forged callbacks go first: ansible-rulebook handles events in order, so once the genuine
        # event's playbook has run, any rule these could fire would have fired.
        for label, body, headers in forged_callbacks(listener, forged_phone):
            status, _text = http("POST", listener + "/sinch/numbers", body, headers, auth=False)
            checks.check("a forged callback (%s) is answered 401" % label, status == 401, status)

        setup = subprocess.run(
            ["ansible-playbook", str(TESTS / "eda" / "setup.yml"), "-i", str(work / "inventory.yml"),
             "-e", json.dumps({"e2e_hmac_secret": SECRET, "e2e_phone_number": phone,
                               "e2e_callback_url": listener + "/sinch/numbers"})],
            cwd=str(work), env=env, capture_output=True, text=True, check=False, timeout=120)
        checks.check("the setup playbook (sinch_callback_config, sinch_number) succeeds", setup.returncode == 0,
                     setup.stdout[-3000:] + setup.stderr[-2000:])
        checks.check("the setup playbook's output holds no secret", SECRET not in setup.stdout + setup.stderr)

        failed_event = wait_for("the simulator's FAILED callback", lambda: _event(sim, phone, "FAILED"), deadline)
        checks.check("the simulator posted the signed FAILED callback and the source accepted it (200)",
                     failed_event["delivery"] == {"state": "delivered", "attempts": 1, "status": 200},
                     failed_event["delivery"])
        checks.check("the callback is signed with the configured secret",
                     failed_event["headers"].get("X-Sinch-Signature") == sign(failed_event["body"].encode(), SECRET))

        lines = wait_for("the rule's playbook to report the failure", lambda: _report(report), deadline, rulebook)
        checks.check("the rule fired once and its playbook reported the failed number", len(lines) == 1 and
                     lines[0]["phone_number"] == phone and lines[0]["event_type"] == "PROVISIONING_TO_SMS_PLATFORM"
                     and lines[0]["still_failed"] is True and lines[0]["event_id"] == json.loads(failed_event["body"])["eventId"],
                     lines)

        configured = wait_for("the playbook's retry to provision the number",
                              lambda: _service_plan(sim, phone) == RETRY_PLAN, deadline, rulebook)
        checks.check("the playbook retried: the number is provisioned with %s" % RETRY_PLAN, configured)
        succeeded = wait_for("the SUCCEEDED callback", lambda: _event(sim, phone, "SUCCEEDED"), deadline)
        checks.check("the retry's SUCCEEDED callback was accepted too", succeeded["delivery"]["status"] == 200,
                     succeeded["delivery"])
        time.sleep(2)  # a rule wrongly firing on SUCCEEDED would report within this time
        checks.check("no rule fired for the SUCCEEDED callback or the forged ones: one report line in all",
                     len(_report(report)) == 1, _report(report))
        touched = [entry for entry in sim.requests() if forged_phone in entry["path"]]
        checks.check("nothing was requested for the forged callbacks' number", not touched, touched)
    finally:
        stop(rulebook)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    checks.check("ansible-rulebook's log names the refused callbacks",
                 text.count("refused a numbers callback") == 3, log_path)
    checks.check("ansible-rulebook's log holds no secret", SECRET not in text and KEY_SECRET not in text, log_path)


def _answer(url):
    try:
        status, body = http("GET", url, auth=False, timeout=2)
    except OSError:
        return None
    return body if status == 200 else None


def _event(sim, phone, status):
    _code, answer = http("GET", sim.url + "/_sim/numbers/callbacks", auth=False)
    for event in answer["callbacks"]:
        body = json.loads(event["body"])
        if body["resourceId"] == phone and body["status"] == status and event["delivery"]["state"] != "pending":
            return event
    return None


def _report(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _service_plan(sim, phone):
    _code, number = http("GET", sim.url + "/v1/projects/%s/activeNumbers/%s" % (PROJECT, phone.replace("+", "%2B")))
    return number["smsConfiguration"]["servicePlanId"]


def stop(process):
    """End ansible-rulebook and what it started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


if __name__ == "__main__":
    sys.exit(main())
