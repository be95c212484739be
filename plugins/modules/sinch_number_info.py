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
  - sinch.numbers.number_filters
  - sinch.numbers.number_filters.pattern
  - sinch.numbers.name_filters
  - sinch.numbers.paging
options:
  phone_number:
    description:
      - Return only this number (E.164). An empty list when it is not active in the project.
      - A direct read, so it cannot be combined with the filters.
    type: str
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

- name: The support lines (display names support-1, support-2, ...)
  sinch.numbers.sinch_number_info:
    display_name_pattern: support-*
  register: support_lines
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

from ansible_collections.sinch.numbers.plugins.module_utils.core.filters import NAME_FILTER_SPEC, keep_named
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import MAX_PAGE_SIZE, NumbersApi, iter_active_numbers
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.options import NUMBER_FILTER_SPEC, PATTERN_SPEC

# Filters a direct read by phone number would ignore.
FILTERS = tuple(NUMBER_FILTER_SPEC) + ("number_pattern",) + tuple(NAME_FILTER_SPEC)


def list_numbers(module):
    params = module.params
    regions = [normalize_region(code, "region_codes") for code in params["region_codes"] or []]
    numbers = iter_active_numbers(
        NumbersApi(module.client), regions, params["number_types"], params["capabilities"],
        params["number_pattern"], params["search_pattern"], params["page_size"])
    return keep_named(numbers, params["display_name"], params["display_name_pattern"])


def main():
    module = SinchModule(
        dict(phone_number=dict(type="str"), page_size=dict(type="int", default=MAX_PAGE_SIZE),
             **NUMBER_FILTER_SPEC, **PATTERN_SPEC, **NAME_FILTER_SPEC),
        mutually_exclusive=[("phone_number", name) for name in FILTERS],
    )
    module.run_info("numbers", lambda phone: NumbersApi(module.client).get_active(phone),
                    lambda: list_numbers(module))


if __name__ == "__main__":
    main()
