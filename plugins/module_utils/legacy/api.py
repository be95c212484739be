# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Legacy number administration endpoints: URLs and body mapping, no policy.

The API writes numbers as integers in international format without '+' (14150005550).
Everything returned here is snake_case, with the number as E.164 text under phone_number;
everything accepted is E.164 text.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ansible_collections.sinch.numbers.plugins.module_utils.core.casing import to_snake
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164

# numberCapability of the application endpoints ("Accepted values ... are sms or voice").
# Options spell them VOICE and SMS (docs/conventions.md); the API's URLs and numbers write them lowercase.
CAPABILITIES = ("VOICE", "SMS")
# Application keys are UUIDs; anything else could change the signed path once URL-encoded.
_APPLICATION_KEY = re.compile(r"^[A-Za-z0-9-]+$")


def to_e164(value, option="numbers"):
    """E.164 text for a number given as E.164 or, like the API writes it, as digits without '+'."""
    text = str(value).strip()
    if text[:1].isdigit():
        text = "+" + text
    return normalize_e164(text, option)


def to_api_number(phone_number):
    return int(phone_number.lstrip("+"))


def check_application_key(value):
    if not value or not _APPLICATION_KEY.match(value):
        raise SinchInputError(
            "application_key '%s' is not an application key: letters, digits and '-' only, "
            "as shown for the app in the Sinch dashboard" % value)
    return value


def number_from_api(item):
    number = to_snake(item)
    number["phone_number"] = "+%s" % number.pop("number")
    number["capabilities"] = [str(capability).lower() for capability in number.get("capabilities") or []]
    number.setdefault("application_key", None)
    return number


def group_from_api(item):
    return to_snake(item)


class LegacyNumbersApi:
    def __init__(self, client):
        self.client = client
        self.portal = client.config.legacy_portal_url

    def organisation(self):
        return to_snake(self.client.organisation())

    def _organisation_url(self, suffix):
        organisation_id = self.client.organisation().get("id")
        if organisation_id in (None, ""):
            raise SinchApiError("the organisation lookup returned no organisation id")
        return "%s/v1/organisations/id/%s/%s" % (self.portal, quote(str(organisation_id), safe=""), suffix)

    def _application_url(self, application_key, suffix=""):
        return "%s/v1/applications/key/%s/numbers%s" % (
            self.portal, quote(check_application_key(application_key), safe=""), suffix)

    # ------------------------------------------------------------ number shop
    def shop_groups(self):
        groups = self.client.request("GET", self._organisation_url("numbers/shop"), shape=list)
        return [group_from_api(item) for item in groups or []]

    def reserve(self, group_id, quantity):
        """Reserve quantity numbers of a group; returns the reservation's reference id.

        A repeated reservation only holds numbers until it expires; nothing is rented or
        charged before checkout, so the PUT may be retried like any other.
        """
        body = self.client.request("PUT", self._organisation_url("numbers/shop"),
                                   {"groupId": group_id, "quantity": quantity}, shape=dict) or {}
        if not body.get("referenceId"):
            raise SinchApiError("the reservation answer carries no referenceId")
        return body["referenceId"]

    def checkout(self, reference_ids):
        """Rent the reserved numbers. Not idempotent: callers use client.transport.create_once."""
        self.client.request("POST", self._organisation_url("numbers/shop"), {"referenceIds": list(reference_ids)})

    # ------------------------------------------------------------ numbers
    def rented_numbers(self):
        numbers = self.client.request("GET", self._organisation_url("numbers"), shape=list)
        return [number_from_api(item) for item in numbers or []]

    def application_numbers(self, application_key):
        numbers = self.client.request("GET", self._application_url(application_key), shape=list)
        return [number_from_api(item) for item in numbers or []]

    def set_application_numbers(self, application_key, capability, phone_numbers):
        """PUT: the application's numbers of this capability become exactly phone_numbers.

        A lost answer raises SinchAmbiguousWriteError: callers use client.transport.update_once."""
        url = self._application_url(application_key, "/" + capability.lower())
        body = {"numbers": [to_api_number(number) for number in phone_numbers]}
        answer = self.client.request("PUT", url, body, idempotent=False, shape=list)
        return [number_from_api(item) for item in answer or []]

    def remove_application_number(self, application_key, phone_number):
        url = self._application_url(application_key, "/%d" % to_api_number(phone_number))
        self.client.request("DELETE", url)
