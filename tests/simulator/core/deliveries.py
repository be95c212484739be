"""Callbacks the simulator posts, as Sinch does: signed, in the background, one after another.

What the specs say, and this module does:
- imported-numbers-hosting-orders.yaml, tag "Imported Numbers and Hosting Orders Callbacks": events are
  HTTP POSTs of a JSON body to the configured callback URL, and "when sending the number events, the
  HTTP POST requests will include the header `X-Sinch-Signature` with the computed HMAC" ("Secure
  Webhook Endpoints with HMAC"); CallbackConfiguration.hmacSecret: "used for hashing the callback body
  using the HMAC-SHA1 algorithm"; the handler "is expected to 'ingest' the event and respond with 200 OK".
- senderid-registrations.yaml: the same for registration events (CallbackConfigurationResponse.hmacSecret,
  securitySchemes.hmacAuth), body CallbackEventBody.

Where the specs are silent, the simulator's choices:
- The signature is the lower-case hex digest (DESIGN.md §10, as the official SDKs check it).
- Without a secret for the project, the event is posted unsigned (the spec only says the header is
  included once a secret is configured).
- Delivery only to loopback hosts (localhost, 127.0.0.0/8, ::1), decided from the URL's host before
  any connection: the simulator never sends traffic off the machine, and tests use callback URLs such
  as https://hooks.example/ freely. Any other URL is recorded as "skipped".
- A connection error, a timeout, 429 or a 5xx answer is retried, at most ATTEMPTS times in all,
  RETRY_DELAY seconds apart ("a failed event scheduled for retry", says the spec); any other answer
  is final. Each event records its delivery: {"state": "delivered" | "failed" | "skipped" | "pending",
  "attempts", "status"} (status: the last HTTP status, or null after a connection error).
- One delivery thread per simulator posts events in the order they happened.
"""

import hashlib
import hmac
import ipaddress
import queue
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

SIGNATURE_HEADER = "X-Sinch-Signature"
ATTEMPTS = 3
RETRY_DELAY = 0.2
TIMEOUT = 5.0
RETRIED_STATUSES = frozenset((429, 500, 502, 503, 504))


def sign(body, secret):
    """The X-Sinch-Signature of a body (bytes): hex HMAC-SHA1 keyed with the secret."""
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha1).hexdigest()


def signed_event(url, body, secret, **details):
    """An outbox entry: what is posted where, with the delivery still to come."""
    headers = {"Content-Type": "application/json"}
    if secret:
        headers[SIGNATURE_HEADER] = sign(body.encode("utf-8"), secret)
    return {"url": url, "headers": headers, "body": body, **details,
            "delivery": {"state": "pending", "attempts": 0, "status": None}}


def events_json(outbox):
    """Outbox entries as an admin answer (copies: the delivery thread updates them)."""
    return [dict(event, delivery=dict(event["delivery"])) for event in outbox]


def is_loopback(url):
    """An http(s) URL on this machine: the only kind of callback URL the simulator delivers to."""
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and _is_loopback_host(parts.hostname or "")


def _is_loopback_host(host):
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Deliveries:
    """The delivery thread of one simulator. post(event) queues an outbox entry for delivery."""

    def __init__(self, lock):
        self._lock = lock
        self._queue = queue.Queue()
        self._thread = None

    def start(self):
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sinch-simulator-callbacks", daemon=True)
            self._thread.start()

    def stop(self):
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def post(self, event):
        if not is_loopback(event["url"]):
            event["delivery"]["state"] = "skipped"
            return
        self._queue.put(event)

    def wait_idle(self, timeout=10.0):
        """Until every queued event is delivered or given up (tests)."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self._queue.unfinished_tasks

    def _run(self):
        while True:
            event = self._queue.get()
            try:
                if event is None:
                    return
                self._deliver(event)
            finally:
                self._queue.task_done()

    def _deliver(self, event):
        for attempt in range(1, ATTEMPTS + 1):
            status = _post(event)
            with self._lock:
                event["delivery"].update(attempts=attempt, status=status)
            if status is not None and status not in RETRIED_STATUSES:
                break
            if attempt < ATTEMPTS:
                time.sleep(RETRY_DELAY)
        with self._lock:
            event["delivery"]["state"] = "delivered" if status is not None and 200 <= status < 300 else "failed"


def _post(event):
    """The HTTP status of one POST, or None when no answer came."""
    request = urllib.request.Request(event["url"], data=event["body"].encode("utf-8"), method="POST",
                                     headers=event["headers"])
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # nosec B310 - loopback only
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, ValueError):
        return None
