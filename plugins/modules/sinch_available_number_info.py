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
  - A search needs O(region_codes) and O(number_types). The API searches one region and type at a time,
    so each (region, type) pair is one request, in the order given, until O(size) numbers are found.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
  - sinch.numbers.number_filters
  - sinch.numbers.number_filters.pattern
options:
  phone_number:
    description:
      - Check this one number (E.164). An empty list means it cannot be rented.
      - A direct read, so it cannot be combined with the search criteria.
    type: str
  size:
    description:
      - Most numbers to return in all.
    type: int
seealso:
  - module: sinch.numbers.sinch_number
  - module: sinch.numbers.sinch_region_info
"""

EXAMPLES = r"""
- name: Find Seattle numbers that can send SMS and take calls
  sinch.numbers.sinch_available_number_info:
    region_codes: [US]
    number_types: [LOCAL]
    capabilities: [SMS, VOICE]
    number_pattern: "+1206"
    size: 5
  register: seattle

- name: Up to ten toll-free numbers in the UK or Sweden
  sinch.numbers.sinch_available_number_info:
    region_codes: [GB, SE]
    number_types: [TOLL_FREE]
    size: 10
  register: toll_free

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
      description: A number the project can rent, in E.164 format.
      type: str
      sample: "+12065550100"
    region_code:
      description: ISO 3166-1 alpha-2 region the number is in.
      type: str
      sample: US
    type:
      description: Number type, V(MOBILE), V(LOCAL) or V(TOLL_FREE).
      type: str
      sample: LOCAL
    capability:
      description: What the number can be used for once rented.
      type: list
      elements: str
      sample: [SMS, VOICE]
    setup_price:
      description: One-time price (C(currency_code), C(amount)).
      type: dict
    monthly_price:
      description: Recurring price once rented (C(currency_code), C(amount)).
      type: dict
    payment_interval_months:
      description: Months between two charges of the recurring price.
      type: int
    supporting_documentation_required:
      description: Whether renting needs supporting documents.
      type: bool
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import NumbersApi
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.options import NUMBER_FILTER_SPEC, PATTERN_SPEC

# Search criteria a check of one phone number would ignore.
CRITERIA = tuple(NUMBER_FILTER_SPEC) + ("number_pattern", "size")


def search(module):
    """One search per (region, type) pair, in the order given, until `size` numbers are found."""
    params = module.params
    regions = [normalize_region(code, "region_codes") for code in params["region_codes"] or []]
    if not regions or not params["number_types"]:
        raise SinchInputError("searching needs region_codes and number_types (or give phone_number)")
    api = NumbersApi(module.client)
    size = params["size"]
    numbers = []
    for region_code in dict.fromkeys(regions):
        for number_type in dict.fromkeys(params["number_types"]):
            wanted = None if size is None else size - len(numbers)
            if wanted is not None and wanted < 1:
                return numbers
            numbers += api.search_available(region_code, number_type, params["number_pattern"],
                                            params["search_pattern"], params["capabilities"], wanted)
    return numbers if size is None else numbers[:size]


def main():
    module = SinchModule(
        dict(phone_number=dict(type="str"), size=dict(type="int"), **NUMBER_FILTER_SPEC, **PATTERN_SPEC),
        mutually_exclusive=[("phone_number", name) for name in CRITERIA],
    )
    module.run_info("available_numbers", lambda phone: NumbersApi(module.client).get_available(phone),
                    lambda: search(module))


if __name__ == "__main__":
    main()
