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
REGISTRATIONS_SECRET = "e2e-registrations-hmac-secret-93ad"
RETRY_PLAN = "plan-recovered"
POOL_PLAN = "plan-sender-edatest"
DEADLINE_SECONDS = 150


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
    env.pop("SINCH_REGISTRATIONS_HMAC_SECRET", None)
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
    (work / "inventory.yml").write_text(json.dumps({"all": {"hosts": {"localhost": {
        "ansible_connection": "local", "ansible_python_interpreter": sys.executable}}}}))
    numbers_phase(sim, env, work, checks, deadline)
    registrations_phase(sim, env, work, checks, deadline)


class Rulebook:
    """ansible-rulebook running one of the collection's rulebooks, in its own process group."""

    def __init__(self, name, variables, env, work):
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.name = name
        variables = dict(variables, sinch_eda_host="127.0.0.1", sinch_eda_port=self.port)
        (work / (name + ".vars.yml")).write_text(json.dumps(variables))
        self.log_path = work / (name + ".log")
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(  # pylint: disable=consider-using-with
                ["ansible-rulebook", "-r", "sinch.numbers." + name, "-i", str(work / "inventory.yml"),
                 "--vars", str(work / (name + ".vars.yml")), "-v"],
                cwd=str(work), env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_healthy(self, deadline):
        return wait_for("the %s listener's health endpoint" % self.name,
                        lambda: _answer(self.url + "/health"), deadline, self.process)

    def stop(self):
        """End ansible-rulebook and what it started (its own process group); its log."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def playbook(name, variables, env, work):
    return subprocess.run(
        ["ansible-playbook", str(TESTS / "eda" / name), "-i", str(work / "inventory.yml"), "-e", json.dumps(variables)],
        cwd=str(work), env=env, capture_output=True, text=True, check=False, timeout=120)


def numbers_phase(sim, env, work, checks, deadline):
    """provisioning_failed: forged callbacks fire nothing; a failed provisioning is reported and retried."""
    report = work / "provisioning-failures.jsonl"
    _status, found = http("GET", sim.url + "/v1/projects/%s/availableNumbers?regionCode=US&type=LOCAL"
                          "&capabilities=SMS&size=2" % PROJECT)
    phone, forged_phone = [item["phoneNumber"] for item in found["availableNumbers"]]
    rulebook = Rulebook("provisioning_failed", {"sinch_eda_report_file": str(report),
                                                "sinch_eda_retry_service_plan_id": RETRY_PLAN},
                        dict(env, SINCH_NUMBERS_HMAC_SECRET=SECRET), work)
    try:
        health = rulebook.wait_healthy(deadline)
        checks.check("the rulebook's source listens and reports healthy", health == {"status": "ok", "apis": ["numbers"]},
                     health)

        # Forged callbacks go first: ansible-rulebook handles events in order, so once the genuine
        # event's playbook has run, any rule these could fire would have fired.
        for label, body, headers in forged_callbacks(rulebook.url, forged_phone):
            status, _text = http("POST", rulebook.url + "/sinch/numbers", body, headers, auth=False)
            checks.check("a forged callback (%s) is answered 401" % label, status == 401, status)

        setup = playbook("setup.yml", {"e2e_hmac_secret": SECRET, "e2e_phone_number": phone,
                                       "e2e_callback_url": rulebook.url + "/sinch/numbers"}, env, work)
        checks.check("the setup playbook (sinch_callback_config, sinch_number) succeeds", setup.returncode == 0,
                     setup.stdout[-3000:] + setup.stderr[-2000:])
        checks.check("the setup playbook's output holds no secret", SECRET not in setup.stdout + setup.stderr)

        failed_event = wait_for("the simulator's FAILED callback", lambda: _event(sim, phone, "FAILED"), deadline)
        checks.check("the simulator posted the signed FAILED callback and the source accepted it (200)",
                     failed_event["delivery"] == {"state": "delivered", "attempts": 1, "status": 200},
                     failed_event["delivery"])
        checks.check("the callback is signed with the configured secret",
                     failed_event["headers"].get("X-Sinch-Signature") == sign(failed_event["body"].encode(), SECRET))

        lines = wait_for("the rule's playbook to report the failure", lambda: _report(report), deadline,
                         rulebook.process)
        checks.check("the rule fired once and its playbook reported the failed number", len(lines) == 1 and
                     lines[0]["phone_number"] == phone and lines[0]["event_type"] == "PROVISIONING_TO_SMS_PLATFORM"
                     and lines[0]["still_failed"] is True and lines[0]["event_id"] == json.loads(failed_event["body"])["eventId"],
                     lines)

        configured = wait_for("the playbook's retry to provision the number",
                              lambda: _service_plan(sim, phone) == RETRY_PLAN, deadline, rulebook.process)
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
        text = rulebook.stop()
    checks.check("ansible-rulebook's log names the refused callbacks",
                 text.count("refused a numbers callback") == 3, rulebook.log_path)
    checks.check("ansible-rulebook's log holds no secret", SECRET not in text and KEY_SECRET not in text,
                 rulebook.log_path)


def registrations_phase(sim, env, work, checks, deadline):
    """registration_approved: once Sinch calls back APPROVED, the pool's numbers are attached."""
    pool = {"name": "eda-pool", "region_code": "SE", "number_type": "MOBILE", "size": 2,
            "sms_configuration": {"service_plan_id": POOL_PLAN}}
    schedule = {"inQueueSeconds": 1, "inProgressSeconds": 1, "outcome": "APPROVED"}
    http("POST", sim.url + "/_sim/registrations/schedule", schedule, auth=False)
    rulebook = Rulebook("registration_approved", {"sinch_eda_pool": pool},
                        dict(env, SINCH_REGISTRATIONS_HMAC_SECRET=REGISTRATIONS_SECRET), work)
    try:
        health = rulebook.wait_healthy(deadline)
        checks.check("the registrations listener reports healthy",
                     health == {"status": "ok", "apis": ["registrations"]}, health)
        setup = playbook("setup_registration.yml", {"e2e_hmac_secret": REGISTRATIONS_SECRET,
                                                    "e2e_callback_url": rulebook.url + "/sinch/registrations"},
                         env, work)
        checks.check("the registration playbook (sinch_callback_config, sinch_registration) succeeds",
                     setup.returncode == 0, setup.stdout[-3000:] + setup.stderr[-2000:])
        members = wait_for("the approved rule's playbook to attach the pool's numbers",
                           lambda: _pool(sim, pool), deadline, rulebook.process)
        checks.check("the rule fired on APPROVED and the playbook rented the pool with its service plan",
                     len(members) == 2 and all(plan == POOL_PLAN for plan in members.values()), members)
        _code, outbox = http("GET", sim.url + "/_sim/registrations/callbacks", auth=False)
        delivered = [(json.loads(event["body"])["status"], event["delivery"]["status"]) for event in outbox["callbacks"]]
        checks.check("every status change was posted, signed, and accepted",
                     delivered == [("IN_QUEUE", 200), ("IN_PROGRESS", 200), ("APPROVED", 200)] and all(
                         event["headers"].get("X-Sinch-Signature") == sign(event["body"].encode(), REGISTRATIONS_SECRET)
                         for event in outbox["callbacks"]), delivered)
    finally:
        text = rulebook.stop()
    checks.check("the registrations rulebook's log holds no secret", REGISTRATIONS_SECRET not in text,
                 rulebook.log_path)


def _pool(sim, pool):
    """{phone: service plan (applied or being provisioned)} of the pool's members, once all are there."""
    _code, listed = http("GET", sim.url + "/v1/projects/%s/activeNumbers?regionCode=%s&type=%s&pageSize=100" % (
        PROJECT, pool["region_code"], pool["number_type"]))
    members = {}
    for number in listed.get("activeNumbers", []):
        if number["displayName"].startswith(pool["name"] + "-"):
            sms = number["smsConfiguration"]
            scheduled = sms.get("scheduledProvisioning") or {}
            members[number["phoneNumber"]] = scheduled.get("servicePlanId") or sms["servicePlanId"]
    return members if len(members) == pool["size"] else None


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


if __name__ == "__main__":
    sys.exit(main())
