# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""sinch.numbers.callbacks: an ansible-rulebook event source for Sinch's signed callbacks."""

from __future__ import annotations

DOCUMENTATION = r"""
short_description: Receive Sinch callbacks, verify their X-Sinch-Signature and turn them into events
description:
  - An ansible-rulebook event source. It listens for the callbacks Sinch posts about numbers
    (SMS and voice provisioning results of rented and imported numbers, per number) and about sender ID
    registrations (status changes), and puts one event on the rulebook's queue for each callback it accepts.
  - Every callback must carry C(X-Sinch-Signature), the hex HMAC-SHA1 of the raw body keyed with the
    project's callback secret of that API (set it with the M(sinch.numbers.sinch_callback_config) module).
    A request without a signature, or whose signature does not match, is answered 401 and never queued.
    The check is the one the P(sinch.numbers.valid_signature#filter) filter uses.
  - A callback is accepted only on the path of its API, and only for an API whose secret is set; other
    paths answer 404. A body larger than O(max_body_size) is answered 413, a signed body that is not a JSON
    object 400. An accepted callback is answered 200 once its event is on the queue. Sinch retries a
    callback it could not deliver; a callback whose C(eventId) was accepted recently is answered 200 again
    but not queued twice (O(dedupe_window)).
  - "C(GET) on O(health_path) answers 200 with C({\"status\": \"ok\", \"apis\": [...]}), for load balancer and
    container health checks. It needs no signature and shows no secret."
  - Secrets are never logged, and no request body is logged.
  - Needs the Python package C(aiohttp) (a dependency of ansible-rulebook).
options:
  host:
    description:
      - The address to listen on. C(0.0.0.0) listens on every IPv4 address, as Sinch must reach it.
    type: str
    default: 0.0.0.0
  port:
    description:
      - The TCP port to listen on.
    type: int
    required: true
  numbers_hmac_secret:
    description:
      - The callback secret of the Numbers API (rented and imported numbers share it).
      - When not given, the environment variable C(SINCH_NUMBERS_HMAC_SECRET) is read.
      - When neither is set, Numbers callbacks are not accepted (404).
    type: str
  registrations_hmac_secret:
    description:
      - The callback secret of the sender ID registrations API.
      - When not given, the environment variable C(SINCH_REGISTRATIONS_HMAC_SECRET) is read.
      - When neither is set, registration callbacks are not accepted (404).
      - At least one of the two secrets must be set.
    type: str
  numbers_path:
    description:
      - The URL path Numbers callbacks are posted to (the C(callback_url) of the numbers).
    type: str
    default: /sinch/numbers
  registrations_path:
    description:
      - The URL path registration callbacks are posted to (the C(callback_url) of the registrations).
    type: str
    default: /sinch/registrations
  health_path:
    description:
      - The URL path of the health endpoint.
    type: str
    default: /health
  max_body_size:
    description:
      - The largest request body accepted, in bytes. Sinch's callbacks are well under 2 KiB.
    type: int
    default: 65536
  dedupe_window:
    description:
      - How many recently accepted C(eventId)s are remembered, per API, to answer a redelivered
        callback without queuing it again. V(0) queues every accepted callback.
    type: int
    default: 10000
  certfile:
    description:
      - A PEM certificate (chain) file; serves HTTPS instead of HTTP. Sinch posts to C(https://) callback URLs.
    type: str
  keyfile:
    description:
      - The private key of O(certfile), when it is not in the same file.
    type: str
  password:
    description:
      - The password of the private key.
    type: str
notes:
  - "Each event is a mapping: C(api) (V(numbers) or V(registrations)), C(event_type) (for example
    V(PROVISIONING_TO_SMS_PLATFORM), V(PROVISIONING_TO_VOICE_PLATFORM), V(REGISTRATION_STATUS_CHANGE)),
    C(status) (for example V(SUCCEEDED), V(FAILED), V(APPROVED), V(REJECTED)), C(phone_number) (Numbers
    callbacks about a number, else null), C(registration_id) (registration callbacks, else null),
    C(resource_type), C(resource_id), C(event_id), C(project_id), C(timestamp), C(failure_code) (Numbers),
    C(comment) (registrations), and C(payload), the callback exactly as Sinch sent it.
    ansible-rulebook adds its own C(meta)."
  - Sinch does not guarantee the order of callbacks; C(timestamp) is the order of the events.
"""

EXAMPLES = r"""
# A rulebook (see extensions/eda/rulebooks/ in the collection for complete ones)
- name: React to Sinch
  hosts: all
  sources:
    - sinch.numbers.callbacks:
        port: 5000
        # or leave both out and export SINCH_NUMBERS_HMAC_SECRET / SINCH_REGISTRATIONS_HMAC_SECRET
        numbers_hmac_secret: "{{ sinch_numbers_hmac_secret }}"
        registrations_hmac_secret: "{{ sinch_registrations_hmac_secret }}"
        certfile: /etc/eda/tls/callbacks.pem
  rules:
    - name: A sender ID was approved
      condition: event.api == "registrations" and event.status == "APPROVED"
      action:
        run_playbook:
          name: sinch.numbers.eda_registration_approved
    - name: A number failed to provision
      condition: event.api == "numbers" and event.status == "FAILED"
      action:
        run_playbook:
          name: sinch.numbers.eda_provisioning_failed

# The event of a failed SMS provisioning:
#   api: numbers
#   event_type: PROVISIONING_TO_SMS_PLATFORM
#   status: FAILED
#   failure_code: null          # Sinch gives none for SMS and voice provisioning
#   phone_number: "+12065550100"
#   registration_id: null
#   resource_type: ACTIVE_NUMBER
#   resource_id: "+12065550100"
#   event_id: 0d6c2b9e-3f0c-4d5e-9a57-7d1f2a3b4c5d
#   project_id: demo-project
#   timestamp: "2026-12-06T02:15:04.123456"
#   comment: null
#   payload: {eventId: ..., eventType: ..., projectId: ..., resourceId: ..., ...}
"""

import asyncio
import collections
import importlib.util
import json
import logging
import os
import re
import ssl
import sys
from pathlib import Path

from aiohttp import web

LOGGER = logging.getLogger("sinch.numbers.callbacks")
APIS = ("numbers", "registrations")
SECRET_ENV = {"numbers": "SINCH_NUMBERS_HMAC_SECRET", "registrations": "SINCH_REGISTRATIONS_HMAC_SECRET"}
DEFAULTS = {
    "host": "0.0.0.0",  # nosec B104 - Sinch must reach the listener; documented option
    "numbers_path": "/sinch/numbers",
    "registrations_path": "/sinch/registrations",
    "health_path": "/health",
    "max_body_size": 65536,
    "dedupe_window": 10000,
}
OPTIONS = frozenset(DEFAULTS) | {"port", "numbers_hmac_secret", "registrations_hmac_secret",
                                 "certfile", "keyfile", "password"}
E164 = re.compile(r"^\+[1-9][0-9]{1,14}$")


def _load_signature():
    """The collection's signature module, loaded from this collection by its path.

    ansible-rulebook runs this file with runpy.run_path, outside Ansible's collection loader, and
    the ansible_collections tree it was found in is usually not on sys.path; so the module is loaded
    from the same collection copy, by file (it imports nothing of the collection).
    """
    name = "sinch_numbers_callbacks_signature"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parents[4] / "plugins" / "module_utils" / "callbacks" / "signature.py"
    spec = importlib.util.spec_from_file_location(name, str(path))
    if spec is None or not path.is_file():
        raise ImportError("sinch.numbers.callbacks: %s is missing; reinstall the collection" % path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[name] = module
    return module


SIGNATURE = _load_signature()


class Settings:
    """The checked options of one listener."""

    def __init__(self, args, environ=None):
        environ = os.environ if environ is None else environ
        # ansible-rulebook adds its own eda_* arguments (eda_feedback_queue)
        unknown = sorted(key for key in args if key not in OPTIONS and not key.startswith("eda_"))
        if unknown:
            raise ValueError("sinch.numbers.callbacks: unknown option(s) %s; known: %s"
                             % (", ".join(unknown), ", ".join(sorted(OPTIONS))))
        values = dict(DEFAULTS)
        values.update({key: value for key, value in args.items() if value is not None and key in OPTIONS})
        self.host = _text(values, "host")
        self.port = _integer(values, "port", 1, 65535)
        self.max_body_size = _integer(values, "max_body_size", 1, 64 * 1024 * 1024)
        self.dedupe_window = _integer(values, "dedupe_window", 0, 10 ** 7)
        self.health_path = _path(values, "health_path")
        self.secrets = {}
        served = []
        for api in APIS:
            secret = values.get(api + "_hmac_secret")
            if secret is None:
                secret = environ.get(SECRET_ENV[api]) or None
            if secret is not None:
                if not isinstance(secret, str) or not secret.strip():
                    raise ValueError("sinch.numbers.callbacks: %s_hmac_secret must be a non-empty string" % api)
                self.secrets[api] = secret
                served.append((_path(values, api + "_path"), api))
        if not self.secrets:
            raise ValueError("sinch.numbers.callbacks: set numbers_hmac_secret or registrations_hmac_secret "
                             "(or the environment variable %s or %s)"
                             % (SECRET_ENV["numbers"], SECRET_ENV["registrations"]))
        self.paths = dict(served)
        taken = [path for path, _api in served] + [self.health_path]
        if len(set(taken)) != len(taken):
            raise ValueError("sinch.numbers.callbacks: numbers_path, registrations_path and health_path "
                             "must differ, got %s" % ", ".join(taken))
        self.certfile = values.get("certfile")
        self.keyfile = values.get("keyfile")
        self.password = values.get("password")
        if (self.keyfile or self.password) and not self.certfile:
            raise ValueError("sinch.numbers.callbacks: keyfile and password need certfile")

    def ssl_context(self):
        if not self.certfile:
            return None
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        try:
            context.load_cert_chain(self.certfile, self.keyfile, self.password)
        except (OSError, ssl.SSLError) as error:
            # the password is not part of the error text
            raise ValueError("sinch.numbers.callbacks: cannot load certfile %s / keyfile %s: %s"
                             % (self.certfile, self.keyfile, error)) from None
        return context


def _text(values, name):
    value = values.get(name)
    if not isinstance(value, str) or not value:
        raise ValueError("sinch.numbers.callbacks: %s must be a non-empty string" % name)
    return value


def _integer(values, name, low, high):
    value = values.get(name)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError("sinch.numbers.callbacks: %s must be an integer from %d to %d, got %r"
                         % (name, low, high, value))
    return value


def _path(values, name):
    value = _text(values, name)
    if not value.startswith("/"):
        raise ValueError("sinch.numbers.callbacks: %s must start with '/', got %r" % (name, value))
    return value


class RecentIds:
    """The last `size` event ids seen, in arrival order."""

    def __init__(self, size):
        self.size = size
        self.ids = collections.OrderedDict()

    def seen(self, event_id):
        """True when event_id was added before; otherwise remember it."""
        if not self.size or not isinstance(event_id, str) or not event_id:
            return False
        if event_id in self.ids:
            return True
        self.ids[event_id] = None
        if len(self.ids) > self.size:
            self.ids.popitem(last=False)
        return False


def normalise(api, payload):
    """The event queued for a verified callback payload (a mapping)."""
    resource_id = payload.get("resourceId")
    is_number = api == "numbers" and isinstance(resource_id, str) and bool(E164.match(resource_id))
    return {
        "api": api,
        "event_type": payload.get("eventType"),
        "status": payload.get("status"),
        "phone_number": resource_id if is_number else None,
        "registration_id": resource_id if api == "registrations" else None,
        "resource_type": payload.get("resourceType"),
        "resource_id": resource_id,
        "event_id": payload.get("eventId"),
        "project_id": payload.get("projectId"),
        "timestamp": payload.get("timestamp"),
        "failure_code": payload.get("failureCode"),
        "comment": payload.get("comment"),
        "payload": payload,
    }


class Receiver:
    """The aiohttp handlers of one listener, putting verified events on the queue."""

    def __init__(self, settings, queue):
        self.settings = settings
        self.queue = queue
        self.recent = {api: RecentIds(settings.dedupe_window) for api in settings.secrets}

    def application(self):
        app = web.Application(client_max_size=self.settings.max_body_size)
        app.router.add_get(self.settings.health_path, self.health)
        for path in self.settings.paths:
            app.router.add_post(path, self.callback)
        return app

    async def health(self, _request):
        return web.json_response({"status": "ok", "apis": sorted(self.settings.secrets)})

    async def callback(self, request):
        api = self.settings.paths[request.path]
        body = await request.read()  # 413 beyond client_max_size
        signature = request.headers.get(SIGNATURE.HEADER)
        if not SIGNATURE.signature_matches(body, signature, self.settings.secrets[api]):
            LOGGER.warning("refused a %s callback from %s: %s", api, request.remote,
                           "no X-Sinch-Signature" if not signature else "X-Sinch-Signature does not match")
            raise web.HTTPUnauthorized(text="X-Sinch-Signature missing or wrong\n")
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            LOGGER.warning("refused a signed %s callback from %s: the body is not a JSON object", api, request.remote)
            raise web.HTTPBadRequest(text="the body must be a JSON object\n")
        if self.recent[api].seen(payload.get("eventId")):
            LOGGER.info("%s callback %s was delivered again; not queued twice", api, payload.get("eventId"))
            return web.Response(text="duplicate\n")
        await self.queue.put(normalise(api, payload))
        return web.Response(text="queued\n")


async def main(queue, args):
    """ansible-rulebook's entry point: serve until the task is cancelled."""
    settings = Settings(args)
    runner = web.AppRunner(Receiver(settings, queue).application(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port, ssl_context=settings.ssl_context())
    try:
        await site.start()
        LOGGER.info("sinch.numbers.callbacks listening on %s://%s:%d for %s",
                    "https" if settings.certfile else "http", settings.host, settings.port,
                    ", ".join("%s at %s" % (api, path) for path, api in sorted(settings.paths.items())))
        await asyncio.Future()
    except asyncio.CancelledError:
        LOGGER.info("sinch.numbers.callbacks stopped")
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    # python callbacks.py PORT: print the events (secrets from SINCH_*_HMAC_SECRET)

    class PrintQueue(asyncio.Queue):
        async def put(self, item):
            print(json.dumps(item, indent=2))  # noqa: T201

    asyncio.run(main(PrintQueue(), {"port": int(sys.argv[1]) if len(sys.argv) > 1 else 5000}))
