#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_available_number_info
short_description: Search the Sinch numbers available to rent
version_added: 1.0.0
description:
  - Searches available numbers by region, type, capabilities and digit pattern, or checks whether
    one O(phone_number) can be rented.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  phone_number:
    description:
      - Check this one number (E.164). An empty list means it cannot be rented.
      - A direct read, so it cannot be combined with the search criteria O(region_code), O(number_type),
        O(capabilities), O(number_pattern) and O(size).
    type: str
  region_code:
    description:
      - ISO 3166-1 alpha-2 region to search, for example V(US). Required without O(phone_number).
    type: str
  number_type:
    description:
      - Number type to search. Required without O(phone_number).
    type: str
    choices: [MOBILE, LOCAL, TOLL_FREE]
  capabilities:
    description:
      - Only numbers that have all these capabilities.
    type: list
    elements: str
    choices: [SMS, VOICE]
  number_pattern:
    description:
      - Digits the number must contain, see O(search_pattern). With V(START), include the country code
        and its leading V(+), for example V(+1206).
    type: str
  search_pattern:
    description:
      - Where O(number_pattern) must appear.
    type: str
    choices: [START, CONTAIN, END]
    default: START
  size:
    description:
      - Most numbers to return.
    type: int
seealso:
  - module: sinch.numbers.sinch_number
  - module: sinch.numbers.sinch_region_info
"""

EXAMPLES = r"""
- name: Find Seattle numbers that can send SMS and take calls
  sinch.numbers.sinch_available_number_info:
    region_code: US
    number_type: LOCAL
    capabilities: [SMS, VOICE]
    number_pattern: "+1206"
    size: 5
  register: seattle

- name: Can this number be rented?
  sinch.numbers.sinch_available_number_info:
    phone_number: "{{ seattle.available_numbers[0].phone_number }}"
  register: one
"""

RETURN = r"""
available_numbers:
  description: Numbers that can be rented.
  returned: always
  type: list
  elements: dict
  contains:
    phone_number:
      description: The number in E.164 format.
      type: str
      sample: "+12065550100"
    region_code:
      description: ISO 3166-1 alpha-2 region.
      type: str
      sample: US
    type:
      description: Number type.
      type: str
      sample: LOCAL
    capability:
      description: What the number can be used for.
      type: list
      elements: str
      sample: [SMS, VOICE]
    setup_price:
      description: One-time price (C(currency_code), C(amount)).
      type: dict
    monthly_price:
      description: Recurring price (C(currency_code), C(amount)).
      type: dict
    payment_interval_months:
      description: How often the price is charged, in months.
      type: int
    supporting_documentation_required:
      description: Whether renting needs supporting documents.
      type: bool
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import (
    CAPABILITIES,
    NUMBER_TYPES,
    SEARCH_PATTERNS,
    NumbersApi,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164, normalize_region


def search(module):
    params = module.params
    api = NumbersApi(module.client)
    phone_number = normalize_e164(params["phone_number"])
    if phone_number:
        number = api.get_available(phone_number)
        return {"changed": False, "available_numbers": [number] if number else []}
    region_code = normalize_region(params["region_code"])
    if not region_code or not params["number_type"]:
        raise SinchInputError("searching needs region_code and number_type (or give phone_number)")
    numbers = api.search_available(region_code, params["number_type"], params["number_pattern"],
                                   params["search_pattern"], params["capabilities"], params["size"])
    return {"changed": False, "available_numbers": numbers}


def main():
    module = SinchModule(
        dict(
            phone_number=dict(type="str"),
            region_code=dict(type="str"),
            number_type=dict(type="str", choices=list(NUMBER_TYPES)),
            capabilities=dict(type="list", elements="str", choices=list(CAPABILITIES)),
            number_pattern=dict(type="str"),
            search_pattern=dict(type="str", choices=list(SEARCH_PATTERNS), default="START"),
            size=dict(type="int"),
        ),
        mutually_exclusive=[("phone_number", name) for name in (
            "region_code", "number_type", "capabilities", "number_pattern", "size")],
    )
    module.run(lambda: search(module))


if __name__ == "__main__":
    main()
