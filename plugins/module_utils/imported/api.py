# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Imported Numbers and Hosting Orders API (imported-numbers-hosting-orders.yaml): URLs and
body mapping, no policy.

Everything returned is snake_case with enum values as names; everything accepted is snake_case.
The callbackConfiguration endpoints of the same specification live in their own wrapper.
"""

from __future__ import annotations

from urllib.parse import quote

from ansible_collections.sinch.numbers.plugins.module_utils.core.casing import (
    camel_to_snake_key,
    snake_to_camel_key,
    to_camel,
    to_snake,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region

# "Number hosting is only available for the US and Canada" (HostingOrder.regionCode).
HOSTING_REGIONS = ("US", "CA")
ORDER_TYPES = ("IMPORT", "TYPE_TEXT_ENABLE")
ORDER_STATES = ("DRAFT", "SUBMITTED", "WAITING_FOR_LOA_SIGNATURE", "IN_PROGRESS", "COMPLETED", "REJECTED")
FINAL_ORDER_STATES = ("COMPLETED", "REJECTED")
# :importNumbers "is limited to five numbers" unless an account manager raised the limit.
IMPORT_NUMBERS_LIMIT = 5
# qualifiedNumbers:textEnableNumbers: "You can enable up to 500 numbers at once." The spec states no
# limit for the other text enablement requests; the same one is assumed.
TEXT_ENABLE_LIMIT = 500
GLOBAL_PROCESS_STATE_PREFIX = "GLOBAL_PROCESS_STATE_"
# A qualified number's process states as options name them (docs/conventions.md: without the
# prefix that only repeats the enum's name); the API's values are GLOBAL_PROCESS_STATE_ + these.
PROCESS_STATES = (
    "ELIGIBLE_CHECK_PENDING", "ELIGIBLE", "NOT_ELIGIBLE", "VERIFICATION_PENDING", "VERIFICATION_FAILED",
    "VERIFICATION_BLOCKED", "VERIFIED", "HOSTING_IN_PROGRESS", "HOSTING_DONE", "HOSTING_FAILED",
)
GLOBAL_PROCESS_STATES = tuple(GLOBAL_PROCESS_STATE_PREFIX + state for state in PROCESS_STATES)
SEARCH_PATTERNS = ("START", "CONTAIN", "END")
# Largest pageSize the client asks for; the API may cap it lower and page on.
MAX_PAGE_SIZE = 1000

# The spec types these enums as integers (format: enum) while its examples show names. Both are
# accepted on read and returned as names. The integer order is the protobuf order of the names
# (numbers-rent-v1.0.3.md for the provisioning status and SMS error codes; the hosted number
# status lists its integers; loaType only names Direct and Reseller).
_PROVISIONING_STATUSES = ("PROVISIONING_STATUS_UNSPECIFIED", "WAITING", "IN_PROGRESS", "FAILED")
_SMS_ERROR_CODES = (
    "ERROR_CODE_UNSPECIFIED", "INTERNAL_ERROR", "SMS_PROVISIONING_FAILED", "CAMPAIGN_PROVISIONING_FAILED",
    "CAMPAIGN_NOT_AVAILABLE", "EXCEEDED_10DLC_LIMIT", "NUMBER_PROVISIONING_FAILED", "PARTNER_SERVICE_UNAVAILABLE",
    "CAMPAIGN_PENDING_ACCEPTANCE", "MNO_SHARING_ERROR", "CAMPAIGN_EXPIRED", "CAMPAIGN_MNO_REJECTED",
    "CAMPAIGN_MNO_SUSPENDED", "CAMPAIGN_MNO_REVIEW", "INSUFFICIENT_BALANCE", "MOCK_CAMPAIGN_NOT_ALLOWED",
    "TFN_NOT_ALLOWED", "INVALID_NNID",
)
_LOA_TYPES = ("LOA_TYPE_UNSPECIFIED", "DIRECT", "RESELLER")
_HOSTING_STATUSES = ("HOSTING_STATUS_UNSPECIFIED", "HOSTING_STATUS_HOSTED", "HOSTING_STATUS_FAILED")
PENDING_PROVISIONING_STATUSES = ("WAITING", "IN_PROGRESS", "PROVISIONING_STATUS_UNSPECIFIED")


def normalize_hosting_region(value):
    """Return the region code upper-cased, or raise SinchInputError if hosting does not serve it."""
    region = normalize_region(value)
    if region is not None and region not in HOSTING_REGIONS:
        raise SinchInputError("region_code '%s' is not supported: number hosting is available in %s only" % (
            region, " and ".join(HOSTING_REGIONS)))
    return region


def check_hostable_number(phone_number, option="phone_number"):
    """Numbers are hosted, imported and qualified in the US and Canada only: +1 (the spec's regionCode)."""
    if phone_number is not None and not phone_number.startswith("+1"):
        raise SinchInputError("%s %s is not a US or Canadian number (+1): number hosting is available in %s only" % (
            option, phone_number, " and ".join(HOSTING_REGIONS)))
    return phone_number


# Argument spec of the sinch.numbers.hosting.region_filter doc fragment.
REGION_FILTER_SPEC = dict(region_codes=dict(type="list", elements="str", aliases=["region_code"]))


def normalize_hosting_regions(values):
    """The region codes of a region_codes filter, upper-cased and unique; SinchInputError outside hosting."""
    return list(dict.fromkeys(normalize_hosting_region(value) for value in values or []))


def enum_name(value, names):
    """The name of an enum value the API sent as an integer; names pass unchanged."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(names):
        return names[value]
    return value


def normalize_imported_number(number):
    if not number:
        return number
    scheduled = (number.get("sms_configuration") or {}).get("scheduled_provisioning")
    if scheduled:
        scheduled["status"] = enum_name(scheduled.get("status"), _PROVISIONING_STATUSES)
        scheduled["error_codes"] = [enum_name(code, _SMS_ERROR_CODES) for code in scheduled.get("error_codes") or []]
    return number


def normalize_order(order):
    if not order:
        return order
    # The spec's GET example calls the LOA details hostingOrderInfo; its schema, textEnableInfo.
    # Returned as text_enable_info (documented) only; when both come, the schema's name wins.
    legacy_info = order.pop("hosting_order_info", None)
    if legacy_info is not None and "text_enable_info" not in order:
        order["text_enable_info"] = legacy_info
    info = order.get("text_enable_info")
    if info and "loa_type" in info:
        info["loa_type"] = enum_name(info["loa_type"], _LOA_TYPES)
    return order


def normalize_qualified_number(number):
    if not number:
        return number
    hosted = number.get("hosted_number")
    if hosted and "status" in hosted:
        hosted["status"] = enum_name(hosted["status"], _HOSTING_STATUSES)
    return number


def update_mask(paths):
    """The updateMask query value for snake_case dotted paths."""
    return ",".join(".".join(snake_to_camel_key(part) for part in path.split(".")) for path in paths)


def mask_paths(mask):
    """snake_case dotted paths of an updateMask value (the inverse of update_mask)."""
    return [".".join(camel_to_snake_key(part) for part in path.split(".")) for path in mask.split(",") if path]


class ImportedApi:
    def __init__(self, client):
        self.client = client
        self.base = "%s/v1/projects/%s" % (client.config.imported_numbers_url,
                                           quote(client.config.project_id, safe=""))

    def _url(self, *parts, action=""):
        return "/".join([self.base] + [quote(part, safe="") for part in parts]) + action

    def _list(self, collection, items_key, params, page_size, normalize):
        query = {key: value for key, value in params.items() if value not in (None, [], "")}
        for item in self.client.paginate(self._url(collection), items_key, query, page_size):
            yield normalize(to_snake(item))

    # ------------------------------------------------------------ imported numbers
    def get_imported(self, phone_number):
        return normalize_imported_number(to_snake(
            self.client.get_or_none(self._url("importedNumbers", phone_number), "ImportedNumber")))

    def list_imported(self, region_code=None, pattern=None, search_pattern=None, service_plan_id=None,
                      campaign_id=None, order_by=None, page_size=MAX_PAGE_SIZE):
        params = {"regionCode": region_code, "servicePlanId": service_plan_id, "campaignId": campaign_id,
                  "orderBy": order_by}
        if pattern:
            params["numberPattern.pattern"] = pattern
            params["numberPattern.searchPattern"] = search_pattern or "START"
        return self._list("importedNumbers", "importedNumbers", params, page_size, normalize_imported_number)

    def import_number(self, number):
        """POST importedNumbers. Not idempotent (409 when it exists): callers use create_once."""
        body = self.client.request("POST", self._url("importedNumbers"), json=to_camel(number))
        return normalize_imported_number(to_snake(body))

    def update_imported(self, phone_number, changes, paths):
        """PATCH with updateMask naming exactly `paths` (snake_case dotted paths).

        A lost answer raises SinchAmbiguousWriteError: callers use client.update_once (read back first)."""
        body = self.client.request("PATCH", self._url("importedNumbers", phone_number),
                                   params={"updateMask": update_mask(paths)}, json=to_camel(changes),
                                   idempotent=False)
        return normalize_imported_number(to_snake(body))

    def delete_imported(self, phone_number):
        self.client.request("DELETE", self._url("importedNumbers", phone_number))

    # ------------------------------------------------------------ hosting orders
    def get_order(self, order_id):
        return normalize_order(to_snake(self.client.get_or_none(self._url("hostingOrders", order_id), "HostingOrder")))

    def list_orders(self, order_type=None, state=None, region_code=None, service_plan_id=None, campaign_id=None,
                    page_size=MAX_PAGE_SIZE):
        # The spec marks these filters required, yet the operation "lists the hosting orders for
        # the project": only the ones given are sent. `states` takes one state, despite its name.
        params = {"type": order_type, "states": state, "regionCode": region_code,
                  "servicePlanId": service_plan_id, "campaignId": campaign_id}
        return self._list("hostingOrders", "hostingOrders", params, page_size, normalize_order)

    def list_order_numbers(self, order_id, page_size=MAX_PAGE_SIZE):
        url = self._url("hostingOrders", order_id, "numbers")
        for item in self.client.paginate(url, "numbers", {}, page_size):
            yield to_snake(item)

    def get_order_report(self, order_id):
        return to_snake(self.client.request("GET", self._url("hostingOrders", order_id, "report")))

    def order_details(self, order):
        """The order with its numbers (numbers: E.164 list, number_details: their states) and report."""
        order_id = order["hosting_order_id"]
        details = sorted(self.list_order_numbers(order_id), key=lambda number: number.get("phone_number", ""))
        order = dict(order)
        order["numbers"] = [number["phone_number"] for number in details]
        order["number_details"] = details
        order["report"] = self.get_order_report(order_id)
        return order

    def file_order(self, action, order):
        """POST hostingOrders:<action> (importNumbers, textEnableNumbers, textEnableTollFreeNumbers).

        Not idempotent: callers use create_once.
        """
        url = self._url("hostingOrders", action=":" + action)
        return normalize_order(to_snake(self.client.request("POST", url, json=to_camel(order))))

    # ------------------------------------------------------------ qualified numbers
    def get_qualified(self, phone_number):
        return normalize_qualified_number(to_snake(
            self.client.get_or_none(self._url("qualifiedNumbers", phone_number), "QualifiedNumber")))

    def list_qualified(self, region_code=None, state=None, page_size=MAX_PAGE_SIZE):
        # As for hosting orders, `states` is one optional state.
        params = {"regionCode": region_code, "states": state}
        return self._list("qualifiedNumbers", "qualifiedNumbers", params, page_size, normalize_qualified_number)

    def add_qualified(self, phone_numbers):
        """POST qualifiedNumbers:addNumbers. Not idempotent: callers use create_once."""
        body = self.client.request("POST", self._url("qualifiedNumbers", action=":addNumbers"),
                                   json={"phoneNumbers": list(phone_numbers)})
        return [normalize_qualified_number(to_snake(item)) for item in (body or {}).get("qualifiedNumbers") or []]

    def text_enable_qualified(self, action, request):
        """POST qualifiedNumbers:<action> (textEnableNumbers or textEnableTollFreeNumbers).

        textEnableNumbers answers {hostingOrderId}, the toll-free one the hosting order.
        Not idempotent: callers use create_once.
        """
        url = self._url("qualifiedNumbers", action=":" + action)
        return normalize_order(to_snake(self.client.request("POST", url, json=to_camel(request))))

    def send_voice_challenge(self, phone_number):
        # Not idempotent: each call places a phone call with a new code.
        url = self._url("qualifiedNumbers", phone_number, action=":sendVoiceChallenge")
        return normalize_qualified_number(to_snake(self.client.request("POST", url)))

    def verify_voice_challenge(self, phone_number, code):
        url = self._url("qualifiedNumbers", phone_number, action=":verifyVoiceChallenge")
        return normalize_qualified_number(to_snake(self.client.request("POST", url, json={"code": code})))

    def delete_qualified(self, phone_number):
        self.client.request("DELETE", self._url("qualifiedNumbers", phone_number))
