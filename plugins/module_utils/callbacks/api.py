# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Callback configuration (the webhook HMAC secret) of the Numbers and the registrations APIs.

Numbers: GET/PATCH /v1/projects/{projectId}/callbackConfiguration. The spec files document it
only in imported-numbers-hosting-orders.yaml, but the official SDKs call it on the Numbers API
host and the two APIs share one secret per project (DESIGN.md §10). We therefore use
numbers_url, the base URL users already set for numbers, rather than imported_numbers_url.
Authentication follows auth_method.

Registrations: GET/PUT /v1/projects/{projectId}/callback-configuration on registrations_url,
OAuth2 only (see registrations.py).

Both wrappers answer {"project_id", "hmac_secret"} (hmac_secret absent when none is set).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ansible_collections.sinch.numbers.plugins.module_utils.core.casing import to_snake
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import RegistrationsApi

APIS = ("numbers", "registrations")
# An API that keeps the secret to itself answers a placeholder of asterisks.
_MASKED = re.compile(r"^\*+$")


class NumbersCallbackApi:
    def __init__(self, client):
        self.client = client
        self.url = "%s/v1/projects/%s/callbackConfiguration" % (
            client.config.numbers_url, quote(client.config.project_id, safe=""))

    def get(self):
        return to_snake(self.client.get_or_none(self.url, "callback") or {})

    def update(self, hmac_secret):
        """PATCH. A lost answer raises SinchAmbiguousWriteError: callers use client.update_once."""
        return to_snake(self.client.request("PATCH", self.url, json={"hmacSecret": hmac_secret},
                                            idempotent=False) or {})


class RegistrationsCallbackApi:
    def __init__(self, client):
        self.api = RegistrationsApi(client)

    def get(self):
        return self.api.get_callback_configuration()

    def update(self, hmac_secret):
        return self.api.update_callback_configuration(hmac_secret)


def callback_api(client, api):
    return (NumbersCallbackApi if api == "numbers" else RegistrationsCallbackApi)(client)


def secret_state(configuration):
    """'clear' (the API shows the secret), 'masked' (set, but hidden) or 'unset'."""
    secret = (configuration or {}).get("hmac_secret")
    if not secret:
        return "unset"
    return "masked" if _MASKED.match(secret) else "clear"
