#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_registration_info
short_description: List the sender ID registrations of a project, or get one
version_added: 1.0.0
description:
  - Returns one registration (O(id)) or every registration matching the filters, following page tokens.
  - Filters are applied by the API.
  - The Sender ID Registrations API accepts OAuth2 only; this module always uses an OAuth2 token, whatever O(auth_method) says.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  id:
    description:
      - Return only this registration. An empty list when it does not exist.
      - A direct read, so it cannot be combined with the list filters.
    type: str
  registration_type:
    description:
      - Type of the registrations to list (the API lists one type at a time).
    type: str
    choices: [ALPHANUMERIC_SENDER_ID, LONG_NUMBER]
    default: ALPHANUMERIC_SENDER_ID
  states:
    description:
      - Only registrations in one of these states (their C(status); the API's filter is C(registrationState)).
      - The API filters on one state; with several, the listed registrations are filtered here.
      - C(status), the name of earlier releases, is accepted too.
    type: list
    elements: str
    aliases: [state, status]
    choices: [DRAFT, IN_QUEUE, IN_PROGRESS, APPROVED, REJECTED, PENDING, ON_HOLD, PENDING_APPROVAL, PENDING_ATTACHMENTS]
  tags:
    description:
      - Only registrations that carry all these tags.
    type: list
    elements: str
    aliases: [tag]
  market_code:
    description:
      - Only registrations in this market (ISO 3166-1 alpha-2, for example V(SE)).
    type: str
  sender_id:
    description:
      - Only registrations of this sender ID.
    type: str
  create_date_from:
    description:
      - Only registrations filed at or after this ISO 8601 date or date time, for example V(2024-11-03).
    type: str
  create_date_to:
    description:
      - Only registrations filed before this ISO 8601 date or date time.
    type: str
  update_date_from:
    description:
      - Only registrations updated at or after this ISO 8601 date or date time.
    type: str
  update_date_to:
    description:
      - Only registrations updated before this ISO 8601 date or date time.
    type: str
  order_by:
    description:
      - Order of the list, a field (C(id), C(status), C(senderId), C(createDate), C(updateDate)) optionally followed
        by C(,asc) or C(,desc), for example V(createDate,desc).
    type: str
  page_size:
    description:
      - Registrations asked for per list request.
    type: int
    default: 100
seealso:
  - module: sinch.numbers.sinch_registration
"""

EXAMPLES = r"""
- name: Registrations waiting for attachments
  sinch.numbers.sinch_registration_info:
    states: [PENDING_ATTACHMENTS]
  register: waiting

- name: Every registration of the sender ID ACME
  sinch.numbers.sinch_registration_info:
    sender_id: ACME
    order_by: createDate,desc
  register: acme

- name: Long number registrations tagged for the US launch
  sinch.numbers.sinch_registration_info:
    registration_type: LONG_NUMBER
    tags: ["#us-launch"]
  register: us_launch
"""

RETURN = r"""
registrations:
  description: The matching registrations, each shaped like the RV(sinch.numbers.sinch_registration#module:registration) return value.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 01hh51s80tpvjy7pe0mt6nd7at
      policy_id: pol-se-alpha-2
      registration_type: ALPHANUMERIC_SENDER_ID
      status: IN_QUEUE
      request_details:
        - sender_id_details: [{senderId: ACME, useCase: One-time passwords}]
      tags: ["#acme"]
"""

import re

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.filters import api_value, keep_matching
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import (
    MAX_PAGE_SIZE,
    ORDER_FIELDS,
    REGISTRATION_TYPES,
    STATUSES,
    RegistrationsApi,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region

_ORDER = re.compile(r"^(%s)(,(asc|desc))?$" % "|".join(ORDER_FIELDS))
DATE_FILTERS = ("create_date_from", "create_date_to", "update_date_from", "update_date_to")
# Filters the API takes as they are given; market_code and states are normalised first.
PLAIN_FILTERS = ("registration_type", "tags", "sender_id", "order_by") + DATE_FILTERS


def list_registrations(module):
    params = module.params
    order_by = params["order_by"]
    if order_by is not None and not _ORDER.match(order_by):
        raise SinchInputError("order_by '%s' must be one of %s, optionally followed by ,asc or ,desc" % (
            order_by, ", ".join(ORDER_FIELDS)))
    filters = {key: params[key] for key in PLAIN_FILTERS}
    filters["market_code"] = normalize_region(params["market_code"], "market_code")
    states = list(dict.fromkeys(params["states"] or []))
    filters["status"] = api_value(states)
    registrations = RegistrationsApi(module.client).list_registrations(filters, params["page_size"])
    return keep_matching(registrations, "status", states)


def main():
    module = SinchModule(
        dict(
            id=dict(type="str"),
            registration_type=dict(type="str", choices=list(REGISTRATION_TYPES), default=REGISTRATION_TYPES[0]),
            states=dict(type="list", elements="str", choices=list(STATUSES), aliases=["state", "status"]),
            tags=dict(type="list", elements="str", aliases=["tag"]),
            market_code=dict(type="str"),
            sender_id=dict(type="str"),
            order_by=dict(type="str"),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
            **{name: dict(type="str") for name in DATE_FILTERS},
        ),
        mutually_exclusive=[("id", key) for key in PLAIN_FILTERS + ("states", "market_code")],
    )
    module.run_info("registrations", lambda registration_id: RegistrationsApi(module.client).get_registration(
        registration_id), lambda: list_registrations(module), identity="id")


if __name__ == "__main__":
    main()
