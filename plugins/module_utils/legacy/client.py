# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""LegacyClient: a session on the legacy number administration endpoints.

Log in with email and password (Authorization: Application <number administration key>),
create an instance with the user authorization (Authorization: User <authorization>), then
sign every request with the instance (Authorization: Instance <id>:<signature>, see
signing.py). Transport - retries, back-off, timeouts, TLS, the request count - is
SinchClient.send; nothing here repeats a request on its own except after a 401, once, with a
fresh instance or user authorization.

The password, the user authorization and the instance secret are held in memory only and
never put into a message, an exception or a repr.
"""

from __future__ import annotations

import json
import platform
import time
from urllib.parse import quote, urlsplit

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError, register_secret
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.errors import (
    TIMESTAMP_REJECTED,
    LegacyApiError,
    error_code,
)
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.signing import instance_headers, timestamp

# The document says to log in with exactly this key, never an application key. It is public.
NUMBER_ADMINISTRATION_KEY = "669762D5-2B10-44E0-8418-BC9EE4457555"
CONTENT_TYPE = "application/json"
# Sent as the instance's "version" (mandatory; the client chooses what it says).
CLIENT_PLATFORM = "sinch.numbers-ansible-collection"
# Renew an instance this long before the expiry the API announced (at most half its lifetime).
EXPIRY_MARGIN_SECONDS = 60.0
LOGIN_HINT = "check email and password (SINCH_LEGACY_EMAIL, SINCH_LEGACY_PASSWORD)"


class Instance:
    def __init__(self, instance_id, secret, renew_at):
        self.instance_id = instance_id
        self.secret = secret
        self.renew_at = renew_at

    def expired(self, now):
        return self.renew_at is not None and now >= self.renew_at

    def __repr__(self):
        return "Instance(%r, secret=<redacted>)" % self.instance_id


class LegacyClient:
    def __init__(self, transport, config, clock=time.monotonic):
        self.transport = transport
        self.config = config
        register_secret(config.password)
        self._clock = clock
        self._authorization = None
        self._instance = None
        self._organisation = None
        self.instances_created = 0

    @property
    def request_count(self):
        return self.transport.request_count

    # ---------------------------------------------------------------- session
    def login(self):
        """Exchange email and password for a user authorization."""
        url = "%s/v1/users/email/%s/authentication" % (
            self.config.legacy_user_url, quote(self.config.email, safe="@"))
        headers = {"Authorization": "Application " + NUMBER_ADMINISTRATION_KEY}
        # A repeated log-in only leaves an unused authorization behind: safe to retry.
        response = self._send("POST", url, headers, {"password": self.config.password}, idempotent=True)
        hint = LOGIN_HINT if response.status_code in (401, 403, 404) else None
        body = _expect(self._decode(response, "POST", url, hint=hint) or {}, dict, "POST", url)
        if not body.get("authorization"):
            raise SinchApiError("the log-in answer carries no authorization", status=response.status_code,
                                method="POST", url=url)
        self._authorization = body["authorization"]
        register_secret(self._authorization)

    def _create_instance(self):
        url = self.config.legacy_api_url + "/v1/instance"
        if self._authorization is None:
            self.login()
        for attempt in range(2):
            payload = {
                "authorization": self._authorization,
                "version": {"os": platform.system() or "unknown", "platform": CLIENT_PLATFORM},
            }
            headers = {"Authorization": "User " + self._authorization}
            # A repeated creation only leaves an unused instance behind, which expires: safe to retry.
            response = self._send("POST", url, headers, payload, idempotent=True)
            if response.status_code == 401 and attempt == 0:
                # The user authorization is no longer accepted: log in again, once.
                self.login()
                continue
            break
        body = _expect(self._decode(response, "POST", url) or {}, dict, "POST", url)
        if not body.get("id") or not body.get("secret"):
            raise SinchApiError("the instance answer carries no id or secret", status=response.status_code,
                                method="POST", url=url)
        self.instances_created += 1
        register_secret(body["secret"])
        return Instance(body["id"], body["secret"], self._renew_at(body.get("expiresIn")))

    def _renew_at(self, expires_in):
        """When to stop using the instance; None when the API did not say how long it lives."""
        try:
            lifetime = float(expires_in)
        except (TypeError, ValueError):
            return None
        return self._clock() + lifetime - min(EXPIRY_MARGIN_SECONDS, lifetime / 2)

    def _current_instance(self):
        if self._instance is None or self._instance.expired(self._clock()):
            self._instance = self._create_instance()
        return self._instance

    # ---------------------------------------------------------------- signed requests
    def request(self, method, url, json_body=None, idempotent=None, shape=None):
        """An instance-signed request; returns the decoded JSON answer (None when empty).

        shape (dict or list): what a non-empty answer must be; anything else is an error.

        idempotent defaults to True for every method but POST, as in SinchClient.request.
        A 401 is answered once with a fresh instance: an instance can expire before the
        expiry it announced, or announce none.
        """
        if idempotent is None:
            idempotent = method.upper() != "POST"
        body = _encode(json_body)
        path = urlsplit(url).path
        for attempt in range(2):
            instance = self._current_instance()
            headers = {"Accept": "application/json"}
            headers.update(instance_headers(instance.instance_id, instance.secret, method, path, body, CONTENT_TYPE))
            # A DELETE whose earlier try may have been applied and whose retry answers 404 is done (None).
            response = self.transport.send(method, url, headers=headers, data=body or None, idempotent=idempotent,
                                           removal=method.upper() == "DELETE")
            if response is None:
                return None
            if response.status_code == 401 and attempt == 0 and error_code(response) != TIMESTAMP_REJECTED:
                self._instance = None
                continue
            break
        body = self._decode(response, method, url)
        return body if body is None or shape is None else _expect(body, shape, method, url)

    def organisation(self):
        """The organisation of the logged-in user (looked up once per client)."""
        if self._organisation is None:
            self._organisation = self.request("GET", self.config.legacy_api_url + "/v1/organisations", shape=dict) or {}
        return self._organisation

    # ---------------------------------------------------------------- plumbing
    def _send(self, method, url, headers, payload, idempotent):
        body = _encode(payload)
        headers = dict(headers, **{"Accept": "application/json", "Content-Type": CONTENT_TYPE,
                                   "X-Timestamp": timestamp()})
        return self.transport.send(method, url, headers=headers, data=body, idempotent=idempotent)

    @staticmethod
    def _decode(response, method, url, hint=None):
        if response.status_code >= 400:
            raise LegacyApiError.from_response(response, method, url, hint=hint)
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise LegacyApiError("the API answered with a body that is not JSON",
                                 status=response.status_code, method=method, url=url)

    def __repr__(self):
        return "LegacyClient(email=%r)" % self.config.email


def _encode(payload):
    if payload is None:
        return b""
    return json.dumps(payload, separators=(",", ":")).encode("utf-8")


def _expect(body, shape, method, url):
    """body when it has the shape the document gives this answer (objects only, for a list)."""
    if isinstance(body, shape) and (shape is not list or all(isinstance(item, dict) for item in body)):
        return body
    raise LegacyApiError("the answer is not the JSON %s the API sends: check the legacy_*_url options "
                         "(legacy_user_url, legacy_api_url, legacy_portal_url)" % (
                             "object" if shape is dict else "list of objects"), method=method, url=url)
