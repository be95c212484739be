# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Order requests of the hosting-orders API: which fields each kind of order takes, the letter
of authorisation (LOA), and their checks. Shared by sinch_hosting_order and sinch_qualified_number.
"""

from __future__ import annotations

from datetime import datetime

from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import accepted_choices
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError

# Kinds of order (order_type) and LOA types in their canonical spelling (docs/conventions.md); the
# lowercase spelling of earlier releases is accepted too (core/choices.py).
IMPORT = "IMPORT"
TEXT_ENABLE = "TEXT_ENABLE"
TEXT_ENABLE_TOLL_FREE = "TEXT_ENABLE_TOLL_FREE"
ORDER_KINDS = (IMPORT, TEXT_ENABLE, TEXT_ENABLE_TOLL_FREE)
# kind -> (the POST action, the order type the API reports). Both text enablements are
# TYPE_TEXT_ENABLE orders: the spec has no toll-free order type.
ORDER_ACTIONS = {
    IMPORT: ("importNumbers", "IMPORT"),
    TEXT_ENABLE: ("textEnableNumbers", "TYPE_TEXT_ENABLE"),
    TEXT_ENABLE_TOLL_FREE: ("textEnableTollFreeNumbers", "TYPE_TEXT_ENABLE"),
}
# Request fields (besides numbers and the LOA) and the kinds of order that take them.
ORDER_FIELDS = {
    "display_name": ORDER_KINDS,
    "region_code": ORDER_KINDS,
    "service_plan_id": ORDER_KINDS,
    "callback_url": ORDER_KINDS,
    # The toll-free request schema lacks it, its example sends it.
    "migrate_to_sinch_tmo": ORDER_KINDS,
    # Toll-free numbers are not 10DLC numbers: no campaign, no NNID, no OSR update.
    "campaign_id": (IMPORT, TEXT_ENABLE),
    "nnid": (TEXT_ENABLE,),
    "scheduled_osr_update_time": (TEXT_ENABLE,),
    "scheduled_zipwhip_provisioning_time": (TEXT_ENABLE_TOLL_FREE,),
}
# ORDER_FIELDS as module options (sinch_hosting_order, sinch_qualified_number's text_enable).
ORDER_FIELD_OPTIONS = {name: dict(type="bool" if name == "migrate_to_sinch_tmo" else "str") for name in ORDER_FIELDS}
# NANP toll-free area codes: a toll-free order takes only these, a text-enable order none of them.
TOLL_FREE_AREA_CODES = ("800", "833", "844", "855", "866", "877", "888")
LOA_TYPES = ("DIRECT", "RESELLER", "BLANKET")
# What each LOA type needs (DirectLoaInfo, ResellerLoaInfo; a blanket LOA is an empty object).
LOA_REQUIRED = {
    "DIRECT": ("authorised_person", "address", "current_voice_carrier"),
    "RESELLER": ("business_name", "authorised_person", "address", "current_voice_carrier"),
    "BLANKET": (),
}

PERSON_OPTIONS = dict(
    first_name=dict(type="str", required=True),
    last_name=dict(type="str", required=True),
    email=dict(type="str", required=True),
)
ADDRESS_OPTIONS = dict(
    building_number=dict(type="str", required=True),
    street=dict(type="str", required=True),
    city=dict(type="str", required=True),
    state=dict(type="str", required=True),
    postal_code=dict(type="str", required=True),
    country=dict(type="str", required=True),
)
LOA_ARGUMENT_SPEC = dict(type="dict", options=dict(
    type=dict(type="str", required=True, choices=accepted_choices(LOA_TYPES, lowercase=True)),
    business_name=dict(type="str"),
    authorised_person=dict(type="dict", options=PERSON_OPTIONS),
    address=dict(type="dict", options=ADDRESS_OPTIONS),
    current_voice_carrier=dict(type="str"),
))


def check_time(value, option):
    """value must be an RFC 3339 timestamp (the API's date-time format)."""
    if value is None:
        return
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SinchInputError("%s '%s' is not an RFC 3339 timestamp (for example 2026-01-13T14:00:00Z)" % (
            option, value))


def check_order(kind, fields, loa, prefix=""):
    """Raise SinchInputError when `fields` or `loa` do not fit a `kind` order."""
    for name, kinds in ORDER_FIELDS.items():
        if fields.get(name) is not None and kind not in kinds:
            raise SinchInputError("%s%s cannot be used with %s order" % (prefix, name, _a(kind)))
    for name in ("scheduled_osr_update_time", "scheduled_zipwhip_provisioning_time"):
        check_time(fields.get(name), prefix + name)
    if kind == IMPORT:
        if loa:
            raise SinchInputError("%sloa cannot be used with an import order: imported numbers need no letter "
                                  "of authorisation" % prefix)
        return
    if not loa:
        raise SinchInputError("%sloa is required: %s order needs a letter of authorisation" % (prefix, _a(kind)))
    if kind == TEXT_ENABLE_TOLL_FREE and loa["type"] == "BLANKET":
        raise SinchInputError("%sloa.type BLANKET cannot be used with %s order: use DIRECT or RESELLER" % (
            prefix, _a(kind)))
    required = LOA_REQUIRED[loa["type"]]
    missing = [name for name in required if not loa.get(name)]
    if missing:
        raise SinchInputError("%sloa.type %s needs %s" % (
            prefix, loa["type"], ", ".join(prefix + "loa." + name for name in missing)))
    extra = [name for name in ("business_name", "authorised_person", "address", "current_voice_carrier")
             if loa.get(name) is not None and name not in required]
    if extra:
        raise SinchInputError("%sloa.type %s does not take %s" % (
            prefix, loa["type"], ", ".join(prefix + "loa." + name for name in extra)))


def is_toll_free(phone_number):
    return phone_number.startswith("+1") and phone_number[2:5] in TOLL_FREE_AREA_CODES


def check_numbers(kind, numbers, toll_free_option):
    """Raise SinchInputError for a number that does not fit a `kind` order.

    toll_free_option: how the user asks for toll-free text enablement, for the message.
    """
    if kind == TEXT_ENABLE_TOLL_FREE:
        wrong = [number for number in numbers if not is_toll_free(number)]
        if wrong:
            raise SinchInputError("%s%s not toll-free: a %s order takes toll-free numbers only" % (
                ", ".join(wrong), " is" if len(wrong) == 1 else " are", kind))
    elif kind == TEXT_ENABLE:
        wrong = [number for number in numbers if is_toll_free(number)]
        if wrong:
            raise SinchInputError("%s%s toll-free: text-enable toll-free numbers with %s" % (
                ", ".join(wrong), " is" if len(wrong) == 1 else " are", toll_free_option))


def _a(kind):
    return ("an %s" if kind[0] in "AEIOU" else "a %s") % kind


def loa_body(loa):
    """The request's LOA member: directLoaInfo, resellerLoaInfo or blanketLoaInfo (snake_case)."""
    content = {name: loa[name] for name in LOA_REQUIRED[loa["type"]]}
    return {"%s_loa_info" % loa["type"].lower(): content}


def order_request(kind, fields, numbers, loa):
    """The snake_case body of an order request of this kind."""
    body = {name: value for name, value in fields.items() if value is not None and kind in ORDER_FIELDS[name]}
    body["numbers"] = list(numbers)
    if kind != IMPORT:
        body.update(loa_body(loa))
    return body
