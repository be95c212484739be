"""The simulator posts signed callbacks: number provisioning results and registration status changes.

A small HTTP receiver on 127.0.0.1 stands for the customer's callback handler; signatures are
checked here with hmac directly.
"""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from registrations_helpers import create, schedule
from registrations_helpers import oauth  # noqa: F401  pylint: disable=unused-import
from sim_helpers import BASE, PROJECT, PROVISIONING_DELAY, first_available, rent, wait_until

NUMBERS_SECRET = "numbers-callback-secret"
REGISTRATIONS_SECRET = "registrations-callback-secret"


class Receiver:
    """Records every POST; answers the statuses queued in `answers` first, then 200."""

    def __init__(self):
        self.received = []
        self.answers = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.received.append((self.path, dict(self.headers), body))
                status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]

    def events(self, path):
        return [(headers, body) for at, headers, body in self.received if at == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    hooks = Receiver()
    yield hooks
    hooks.close()


def signature(body, secret):
    return hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def test_provisioning_results_are_posted_signed_to_the_numbers_callback_url(api, anon, receiver):
    api.patch(f"{BASE}/callbackConfiguration", json={"hmacSecret": NUMBERS_SECRET})
    hook = receiver.url + "/numbers"
    ok = first_available(api)
    assert rent(api, ok, {"smsConfiguration": {"servicePlanId": "plan-1"}, "callbackUrl": hook}).status_code == 200
    failing = first_available(api, capabilities=["VOICE"])
    answer = rent(api, failing, {"voiceConfiguration": {"type": "RTC", "appId": "fail-app"}, "callbackUrl": hook})
    assert answer.status_code == 200, answer.text
    started = time.monotonic()
    events = wait_until(lambda: len(receiver.events("/numbers")) == 2 and receiver.events("/numbers"))
    # posted when due, without anybody reading the numbers
    assert time.monotonic() - started < PROVISIONING_DELAY + 1.0
    bodies = {}
    for headers, body in events:
        assert headers["X-Sinch-Signature"] == signature(body, NUMBERS_SECRET)
        assert headers["Content-Type"] == "application/json"
        payload = json.loads(body)
        bodies[payload["resourceId"]] = payload
    assert list(bodies[ok]) == ["eventId", "timestamp", "projectId", "resourceId", "resourceType", "eventType",
                                "status", "failureCode"]
    assert (bodies[ok]["eventType"], bodies[ok]["status"]) == ("PROVISIONING_TO_SMS_PLATFORM", "SUCCEEDED")
    assert (bodies[failing]["eventType"], bodies[failing]["status"]) == ("PROVISIONING_TO_VOICE_PLATFORM", "FAILED")
    assert bodies[ok]["projectId"] == PROJECT and bodies[ok]["resourceType"] == "ACTIVE_NUMBER"
    assert bodies[ok]["failureCode"] is None and bodies[ok]["eventId"] != bodies[failing]["eventId"]
    listed = wait_until(lambda: [event for event in anon.get("/_sim/numbers/callbacks").json()["callbacks"]
                                 if event["delivery"]["state"] == "delivered"])
    assert len(listed) == 2 and {event["delivery"]["status"] for event in listed} == {200}
    assert anon.delete("/_sim/numbers/callbacks").json() == {"callbacks": []}
    assert anon.get("/_sim/numbers/callbacks").json() == {"callbacks": []}


def test_only_the_latest_provisioning_of_a_number_reports(api, receiver):
    hook = receiver.url + "/numbers"
    phone = first_available(api)
    rent(api, phone, {"smsConfiguration": {"servicePlanId": "first"}, "callbackUrl": hook})
    assert api.patch(f"{BASE}/activeNumbers/{phone}", json={"smsConfiguration": {"servicePlanId": "second"}}).ok
    released = first_available(api)
    rent(api, released, {"smsConfiguration": {"servicePlanId": "plan-1"}, "callbackUrl": hook})
    assert api.post(f"{BASE}/activeNumbers/{released}:release").status_code == 200
    no_hook = first_available(api)
    rent(api, no_hook, {"smsConfiguration": {"servicePlanId": "plan-1"}})
    wait_until(lambda: receiver.events("/numbers"))
    time.sleep(PROVISIONING_DELAY + 0.3)
    [(headers, body)] = receiver.events("/numbers")
    assert json.loads(body)["resourceId"] == phone
    assert "X-Sinch-Signature" not in headers  # no secret configured: posted unsigned


def test_registration_status_changes_are_posted_when_due(oauth, admin, anon, receiver):
    oauth.put(f"{BASE}/callback-configuration", json={"hmacSecret": REGISTRATIONS_SECRET})
    schedule(admin, inQueueSeconds=0.2, inProgressSeconds=0.2)
    created = create(oauth, callbackUrl=receiver.url + "/registrations")
    events = wait_until(lambda: len(receiver.events("/registrations")) == 3 and receiver.events("/registrations"))
    statuses = []
    for headers, body in events:
        assert headers["X-Sinch-Signature"] == signature(body, REGISTRATIONS_SECRET)
        payload = json.loads(body)
        assert payload["resourceId"] == created["id"]
        statuses.append(payload["status"])
    assert statuses == ["IN_QUEUE", "IN_PROGRESS", "APPROVED"]
    outbox = anon.get("/_sim/registrations/callbacks").json()["callbacks"]
    assert [event["delivery"]["state"] for event in outbox] == ["delivered"] * 3


def test_failed_deliveries_are_retried_then_given_up(api, anon, receiver):
    receiver.answers = [503, 200]
    phone = first_available(api)
    rent(api, phone, {"smsConfiguration": {"servicePlanId": "plan-1"}, "callbackUrl": receiver.url + "/retry"})
    delivered = wait_until(lambda: [event for event in anon.get("/_sim/numbers/callbacks").json()["callbacks"]
                                    if event["delivery"]["state"] != "pending"])
    assert delivered[0]["delivery"] == {"state": "delivered", "attempts": 2, "status": 200}
    assert len(receiver.events("/retry")) == 2

    receiver.answers = [500, 500, 500, 500]
    anon.delete("/_sim/numbers/callbacks")
    other = first_available(api)
    rent(api, other, {"smsConfiguration": {"servicePlanId": "plan-1"}, "callbackUrl": receiver.url + "/down"})
    failed = wait_until(lambda: [event for event in anon.get("/_sim/numbers/callbacks").json()["callbacks"]
                                 if event["delivery"]["state"] != "pending"])
    assert failed[0]["delivery"] == {"state": "failed", "attempts": 3, "status": 500}
    receiver.answers = []


def test_other_hosts_are_never_contacted(api, anon):
    """Only loopback callback URLs are posted to: the simulator sends nothing off the machine."""
    phone = first_available(api)
    rent(api, phone, {"smsConfiguration": {"servicePlanId": "plan-1"}, "callbackUrl": "https://hooks.example/sinch"})
    [event] = wait_until(lambda: anon.get("/_sim/numbers/callbacks").json()["callbacks"])
    assert event["delivery"] == {"state": "skipped", "attempts": 0, "status": None}


@pytest.mark.parametrize("url, loopback", [
    ("http://127.0.0.1:5000/x", True), ("http://localhost/x", True), ("https://[::1]:8443/", True),
    ("http://127.8.9.10/", True), ("https://hooks.example/", False), ("http://10.0.0.1/", False),
    ("http://localhost.example.com/", False), ("ftp://127.0.0.1/", False), ("", False), (None, False),
])
def test_loopback_rule(url, loopback):
    from simulator.core.deliveries import is_loopback  # pylint: disable=import-outside-toplevel

    assert is_loopback(url) is loopback
