#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_number_info
short_description: List the active Sinch numbers of a project, or get one
version_added: 1.0.0
description:
  - Returns one active number (O(phone_number)) or all active numbers matching the filters.
  - The Numbers API lists numbers per region and type. Regions not given in O(region_codes) are taken
    from the project's available regions (one extra request); types not given in O(number_types) are all three.
    Each (region, type) pair is listed with the largest page size, following page tokens.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  phone_number:
    description:
      - Return only this number (E.164). An empty list when it is not active in the project.
      - A direct read, so it cannot be combined with the filters O(region_codes), O(number_types),
        O(capabilities), O(number_pattern) and O(display_name).
    type: str
  region_codes:
    description:
      - ISO 3166-1 alpha-2 regions to list, for example V(US).
    type: list
    elements: str
  number_types:
    description:
      - Number types to list.
    type: list
    elements: str
    choices: [MOBILE, LOCAL, TOLL_FREE]
  capabilities:
    description:
      - Only numbers that have all these capabilities (filtered by the API).
    type: list
    elements: str
    choices: [SMS, VOICE]
  number_pattern:
    description:
      - Only numbers containing these digits, see O(search_pattern) (filtered by the API).
    type: str
  search_pattern:
    description:
      - Where O(number_pattern) must appear.
    type: str
    choices: [START, CONTAIN, END]
    default: START
  display_name:
    description:
      - Only numbers with exactly this display name (filtered after listing; the API has no such filter).
    type: str
  page_size:
    description:
      - Numbers asked for per list request.
    type: int
    default: 1000
seealso:
  - module: sinch.numbers.sinch_number
"""

EXAMPLES = r"""
- name: All active US local numbers that can send SMS
  sinch.numbers.sinch_number_info:
    region_codes: [US]
    number_types: [LOCAL]
    capabilities: [SMS]
  register: us_sms_numbers

- name: One number
  sinch.numbers.sinch_number_info:
    phone_number: "+12065550100"
  register: one_number

- name: Every active number of the project
  sinch.numbers.sinch_number_info:
  register: all_numbers
"""

RETURN = r"""
numbers:
  description: The matching active numbers, each shaped like the RV(sinch.numbers.sinch_number#module:number) return value.
  returned: always
  type: list
  elements: dict
  sample:
    - phone_number: "+12065550100"
      display_name: support-line
      region_code: US
      type: LOCAL
      capability: [SMS, VOICE]
      sms_configuration:
        service_plan_id: plan-support
        campaign_id: ""
        scheduled_provisioning:
      voice_configuration:
        type: RTC
        app_id: app-support
      callback_url: ""
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import (
    CAPABILITIES,
    MAX_PAGE_SIZE,
    NUMBER_TYPES,
    SEARCH_PATTERNS,
    NumbersApi,
    iter_active_numbers,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164, normalize_region


def list_numbers(module):
    params = module.params
    api = NumbersApi(module.client)
    phone_number = normalize_e164(params["phone_number"])
    if phone_number:
        number = api.get_active(phone_number)
        return {"changed": False, "numbers": [number] if number else []}
    regions = [normalize_region(code, "region_codes") for code in params["region_codes"] or []]
    numbers = iter_active_numbers(
        api, regions, params["number_types"], params["capabilities"],
        params["number_pattern"], params["search_pattern"], params["page_size"])
    name = params["display_name"]
    if name is not None:
        numbers = (number for number in numbers if number.get("display_name") == name)
    return {"changed": False, "numbers": list(numbers)}


def main():
    module = SinchModule(
        dict(
            phone_number=dict(type="str"),
            region_codes=dict(type="list", elements="str"),
            number_types=dict(type="list", elements="str", choices=list(NUMBER_TYPES)),
            capabilities=dict(type="list", elements="str", choices=list(CAPABILITIES)),
            number_pattern=dict(type="str"),
            search_pattern=dict(type="str", choices=list(SEARCH_PATTERNS), default="START"),
            display_name=dict(type="str"),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
        ),
        mutually_exclusive=[("phone_number", name) for name in (
            "region_codes", "number_types", "capabilities", "number_pattern", "display_name")],
    )
    module.run(lambda: list_numbers(module))


if __name__ == "__main__":
    main()
