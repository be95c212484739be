# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Sender ID Registrations API (senderid-registrations.yaml): URLs and body mapping, no policy.

The API accepts OAuth2 bearer tokens only, so every request here uses the oauth2 scheme
whatever auth_method says: Basic credentials are never sent to it.

Everything returned is snake_case, except the free-form content whose keys the policy
names (the objects inside request_details and json_policy), which is kept as the API sent it.
"""

from __future__ import annotations

from urllib.parse import quote

from ansible_collections.sinch.numbers.plugins.module_utils.core import file_transfer
from ansible_collections.sinch.numbers.plugins.module_utils.core.casing import (
    camel_to_snake_key,
    snake_to_camel_key,
    to_snake,
)

AUTH_SCHEME = "oauth2"
REGISTRATION_TYPES = ("ALPHANUMERIC_SENDER_ID", "LONG_NUMBER")
STATUSES = ("DRAFT", "IN_QUEUE", "IN_PROGRESS", "APPROVED", "REJECTED", "PENDING", "ON_HOLD",
            "PENDING_APPROVAL", "PENDING_ATTACHMENTS")
# Statuses a registration does not leave by itself.
FINAL_STATUSES = ("APPROVED", "REJECTED")
# The spec: "Only DRAFT, IN QUEUE or PENDING registrations can be deleted."
DELETABLE_STATUSES = ("DRAFT", "IN_QUEUE", "PENDING")
# The spec calls a new (IN_QUEUE) registration editable and asks for updates in PENDING;
# attachments are what PENDING_ATTACHMENTS waits for.
EDITABLE_STATUSES = ("DRAFT", "IN_QUEUE", "PENDING", "PENDING_ATTACHMENTS")
ORDER_FIELDS = ("id", "status", "senderId", "createDate", "updateDate")
# Not documented; the largest page the client asks for.
MAX_PAGE_SIZE = 100
# Fields of a registration the API lets a customer set (RegistrationCreateBody).
WRITABLE_FIELDS = ("policy_id", "request_details", "tags", "notification_contacts", "callback_url")
LIST_FILTERS = {
    "status": "registrationState",
    "tags": "tags",
    "market_code": "marketCode",
    "sender_id": "senderId",
    "registration_type": "registrationType",
    "create_date_from": "createDateFrom",
    "create_date_to": "createDateTo",
    "update_date_from": "updateDateFrom",
    "update_date_to": "updateDateTo",
    "order_by": "orderBy",
}


class RegistrationsApi:
    def __init__(self, client):
        self.client = client
        self.base = "%s/v1/projects/%s" % (client.config.registrations_url, quote(client.config.project_id, safe=""))

    def _request(self, method, path, **kwargs):
        return self.client.request(method, self.base + path, auth_scheme=AUTH_SCHEME, **kwargs)

    def _registration_url(self, registration_id, suffix=""):
        return "%s/registrations/%s%s" % (self.base, quote(registration_id, safe=""), suffix)

    # ------------------------------------------------------------ markets and policies
    def list_markets(self, registration_type, market_code=None, language=None):
        query = _query(registrationType=registration_type, marketCode=market_code, language=language)
        return to_snake((self._request("GET", "/markets/availability", params=query) or {}).get("markets") or [])

    def list_market_versions(self, registration_type, market_code=None, active_policies=False,
                             page_size=MAX_PAGE_SIZE):
        query = _query(registrationType=registration_type, marketCode=market_code,
                       activePolicies="true" if active_policies else None)
        for item in self.client.paginate(self.base + "/markets/details", "marketVersions", query, page_size,
                                         auth_scheme=AUTH_SCHEME):
            yield to_snake(item)

    def get_policy(self, policy_id):
        body = self._request("GET", "/policies/%s" % quote(policy_id, safe=""))
        return policy_from_api(body or {})

    def download_template(self, policy_id, attachment_id):
        url = "%s/policies/%s/attachments/%s/template" % (
            self.base, quote(policy_id, safe=""), quote(attachment_id, safe=""))
        return file_transfer.download(self.client, url, AUTH_SCHEME)

    # ------------------------------------------------------------ registrations
    def list_registrations(self, filters=None, page_size=MAX_PAGE_SIZE):
        query = _query(**{LIST_FILTERS[key]: value for key, value in (filters or {}).items()})
        for item in self.client.paginate(self.base + "/registrations", "registrations", query, page_size,
                                         auth_scheme=AUTH_SCHEME):
            yield registration_from_api(item)

    def get_registration(self, registration_id):
        body = self.client.get_or_none(self._registration_url(registration_id), "registration",
                                       auth_scheme=AUTH_SCHEME)
        return registration_from_api(body) if body is not None else None

    def create_registration(self, fields):
        """POST registrations. Not idempotent: callers use client.create_once."""
        return registration_from_api(self._request("POST", "/registrations", json=registration_to_api(fields)))

    def update_registration(self, registration_id, fields):
        """PUT. A lost answer raises SinchAmbiguousWriteError: callers use client.update_once."""
        body = registration_to_api({key: value for key, value in fields.items() if key != "policy_id"})
        url = self._registration_url(registration_id)
        return registration_from_api(self.client.request("PUT", url, json=body, auth_scheme=AUTH_SCHEME,
                                                         idempotent=False))

    def delete_registration(self, registration_id):
        self.client.request("DELETE", self._registration_url(registration_id), auth_scheme=AUTH_SCHEME)

    def upload_attachment(self, registration_id, attachment_id, local_file):
        url = self._registration_url(registration_id, "/attachments/%s" % quote(attachment_id, safe=""))
        return to_snake(file_transfer.upload(self.client, url, AUTH_SCHEME, local_file))

    def download_attachment(self, registration_id, attachment_id):
        url = self._registration_url(registration_id, "/attachments/%s" % quote(attachment_id, safe=""))
        return file_transfer.download(self.client, url, AUTH_SCHEME)

    # ------------------------------------------------------------ callback configuration
    def get_callback_configuration(self):
        configuration = self.client.get_or_none(self.base + "/callback-configuration", "callback",
                                                auth_scheme=AUTH_SCHEME)
        return to_snake(configuration or {})

    def update_callback_configuration(self, hmac_secret):
        """PUT. A lost answer raises SinchAmbiguousWriteError: callers use client.update_once."""
        return to_snake(self._request("PUT", "/callback-configuration", json={"hmacSecret": hmac_secret},
                                      idempotent=False) or {})


def _query(**values):
    return {key: value for key, value in values.items() if value not in (None, [], "")}


def registration_from_api(body):
    """snake_case registration; the objects inside request_details stay as the policy names them."""
    details = body.get("requestDetails")
    registration = to_snake({key: value for key, value in body.items() if key != "requestDetails"})
    if details is not None:
        registration["request_details"] = [
            {camel_to_snake_key(key): value for key, value in item.items()} for item in details]
    return registration


def registration_to_api(fields):
    body = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key == "request_details":
            value = [{snake_to_camel_key(name): items for name, items in item.items() if items is not None}
                     for item in value]
        body[snake_to_camel_key(key)] = value
    return body


def policy_from_api(body):
    """snake_case policy; the templates inside json_policy stay as the API sent them."""
    templates = body.get("jsonPolicy")
    policy = to_snake({key: value for key, value in body.items() if key != "jsonPolicy"})
    if templates is not None:
        policy["json_policy"] = {camel_to_snake_key(key): value for key, value in templates.items()}
    return policy


def sender_ids(request_details):
    """The senderId values in request_details (snake_case outer keys)."""
    return [item["senderId"] for details in request_details or []
            for item in details.get("sender_id_details") or [] if isinstance(item, dict) and item.get("senderId")]
