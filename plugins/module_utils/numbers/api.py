# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Numbers API (numbers.yaml): URLs and body mapping, no policy.

Everything returned is already snake_case; everything accepted is snake_case.
"""

from __future__ import annotations

from urllib.parse import quote

from ansible_collections.sinch.numbers.plugins.module_utils.core.casing import to_camel, to_snake

NUMBER_TYPES = ("MOBILE", "LOCAL", "TOLL_FREE")
CAPABILITIES = ("SMS", "VOICE")
# The spec spells it CONTAIN; the official SDKs send CONTAINS. We send the spec's value.
SEARCH_PATTERNS = ("START", "CONTAIN", "END")
VOICE_TYPES = ("RTC", "EST", "FAX")
# Which id goes with which voice configuration type (numbers-rent-v1.0.3.md, SDKs).
VOICE_ID_BY_TYPE = {"RTC": "app_id", "EST": "trunk_id", "FAX": "service_id"}
PENDING_STATUSES = ("WAITING", "IN_PROGRESS", "PROVISIONING_STATUS_UNSPECIFIED")
# Largest pageSize the client asks for; the API returns fewer with a nextPageToken if it caps lower.
MAX_PAGE_SIZE = 1000


class NumbersApi:
    def __init__(self, client):
        self.client = client
        self.base = "%s/v1/projects/%s" % (client.config.numbers_url, quote(client.config.project_id, safe=""))

    def _number_url(self, collection, phone_number, action=""):
        return "%s/%s/%s%s" % (self.base, collection, quote(phone_number, safe=""), action)

    # ------------------------------------------------------------ regions
    def list_regions(self, types=None):
        body = self.client.request("GET", self.base + "/availableRegions", params={"types": types or []})
        return to_snake((body or {}).get("availableRegions") or [])

    # ------------------------------------------------------------ available numbers
    def search_available(self, region_code, number_type, pattern=None, search_pattern=None,
                         capabilities=None, size=None):
        params = _filters(region_code, number_type, pattern, search_pattern)
        params["capabilities"] = capabilities or []
        if size:
            params["size"] = size
        body = self.client.request("GET", self.base + "/availableNumbers", params=params)
        return to_snake((body or {}).get("availableNumbers") or [])

    def get_available(self, phone_number):
        return to_snake(self.client.get_or_none(self._number_url("availableNumbers", phone_number)))

    def rent(self, phone_number, configuration):
        """POST :rent. Not idempotent: callers use client.create_once."""
        url = self._number_url("availableNumbers", phone_number, ":rent")
        return to_snake(self.client.request("POST", url, json=to_camel(configuration)))

    def rent_any(self, criteria, configuration):
        """POST availableNumbers:rentAny — not in numbers.yaml, but in every official SDK.

        Rents the first available number matching region, type, pattern and capabilities.
        """
        body = {
            "regionCode": criteria["region_code"],
            "type": criteria["number_type"],
            "capabilities": criteria.get("capabilities") or None,
        }
        if criteria.get("number_pattern"):
            body["numberPattern"] = {"pattern": criteria["number_pattern"],
                                     "searchPattern": criteria.get("search_pattern") or "START"}
        body.update(to_camel(configuration))
        body = {k: v for k, v in body.items() if v is not None}
        return to_snake(self.client.request("POST", self.base + "/availableNumbers:rentAny", json=body))

    # ------------------------------------------------------------ active numbers
    def get_active(self, phone_number):
        return to_snake(self.client.get_or_none(self._number_url("activeNumbers", phone_number)))

    def list_active(self, region_code, number_type, capabilities=None, pattern=None, search_pattern=None,
                    order_by=None, page_size=MAX_PAGE_SIZE):
        """Yield the active numbers of one (region, type) pair; the API requires both."""
        params = _filters(region_code, number_type, pattern, search_pattern)
        params["capability"] = capabilities or []
        if order_by:
            params["orderBy"] = order_by
        for item in self.client.paginate(self.base + "/activeNumbers", "activeNumbers", params, page_size):
            yield to_snake(item)

    def update_active(self, phone_number, changes, idempotent=True):
        """PATCH an active number; idempotent=False makes a lost answer raise
        SinchAmbiguousWriteError so that the caller reads back first (see numbers/writes.py)."""
        url = self._number_url("activeNumbers", phone_number)
        return to_snake(self.client.request("PATCH", url, json=to_camel(changes), idempotent=idempotent))

    def release(self, phone_number):
        url = self._number_url("activeNumbers", phone_number, ":release")
        # Releasing twice is harmless (the second answers 404), so a retry is safe, and a 404
        # after a try that may have been applied means released (removal=True).
        return to_snake(self.client.request("POST", url, idempotent=True, removal=True))


def _filters(region_code, number_type, pattern, search_pattern):
    params = {"regionCode": region_code, "type": number_type}
    if pattern:
        params["numberPattern.pattern"] = pattern
        params["numberPattern.searchPattern"] = search_pattern or "START"
    return params


def iter_active_numbers(api, region_codes=None, number_types=None, capabilities=None,
                        pattern=None, search_pattern=None, page_size=MAX_PAGE_SIZE):
    """Active numbers across several (region, type) pairs.

    GET activeNumbers requires regionCode and type, so "all my numbers" is one paged
    listing per pair. Regions not given come from availableRegions (one extra request;
    regions where Sinch offers numbers to this project), types not given are all three.
    """
    types = list(number_types or NUMBER_TYPES)
    if region_codes:
        pairs = [(region, number_type) for region in region_codes for number_type in types]
    else:
        pairs = [(region["region_code"], number_type)
                 for region in api.list_regions()
                 for number_type in types if number_type in (region.get("types") or types)]
    for region, number_type in pairs:
        yield from api.list_active(region, number_type, capabilities, pattern, search_pattern,
                                   page_size=page_size)
