#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_imported_number_info
short_description: List the imported numbers of a Sinch project, or get one
version_added: 1.0.0
description:
  - Returns one imported number (O(phone_number)) or all imported numbers matching the filters,
    following page tokens with the largest page size.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
  - sinch.numbers.hosting.region_filter
  - sinch.numbers.number_filters.pattern
  - sinch.numbers.name_filters
  - sinch.numbers.paging
options:
  phone_number:
    description:
      - Return only this number (E.164). An empty list when it is not imported in the project.
      - A direct read, so it cannot be combined with the filters.
    type: str
  service_plan_id:
    description:
      - Only numbers linked to this SMS service plan.
    type: str
  campaign_id:
    description:
      - Only numbers linked to this 10DLC campaign.
    type: str
seealso:
  - module: sinch.numbers.sinch_imported_number
"""

EXAMPLES = r"""
- name: All imported US numbers linked to a service plan
  sinch.numbers.sinch_imported_number_info:
    region_codes: [US]
    service_plan_id: plan-front-desk
  register: front_desk_numbers

- name: One imported number
  sinch.numbers.sinch_imported_number_info:
    phone_number: "+12025550134"
  register: one_number

- name: Every imported number of the project
  sinch.numbers.sinch_imported_number_info:
  register: all_imported
"""

RETURN = r"""
imported_numbers:
  description:
    - The matching imported numbers, each shaped like the
      RV(sinch.numbers.sinch_imported_number#module:imported_number) return value.
  returned: always
  type: list
  elements: dict
  sample:
    - phone_number: "+12025550134"
      project_id: 51bc3f40-f266-4ca8-8938-a1ed0ff32b9a
      region_code: US
      display_name: front-desk
      sms_configuration:
        service_plan_id: plan-front-desk
        campaign_id: CAMP001
        migrate_to_sinch_tmo: false
      callback_url: https://example.com/sinch/numbers
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.filters import NAME_FILTER_SPEC, api_value, keep_matching, keep_named
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    MAX_PAGE_SIZE,
    REGION_FILTER_SPEC,
    ImportedApi,
    normalize_hosting_regions,
)
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.options import PATTERN_SPEC

# Filters a direct read by phone number would ignore.
FILTERS = tuple(REGION_FILTER_SPEC) + ("number_pattern", "service_plan_id", "campaign_id") + tuple(NAME_FILTER_SPEC)


def list_imported(module):
    params = module.params
    regions = normalize_hosting_regions(params["region_codes"])
    numbers = ImportedApi(module.client).list_imported(
        api_value(regions), params["number_pattern"], params["search_pattern"], params["service_plan_id"],
        params["campaign_id"], page_size=params["page_size"])
    numbers = keep_matching(numbers, "region_code", regions)
    return keep_named(numbers, params["display_name"], params["display_name_pattern"])


def main():
    module = SinchModule(
        dict(phone_number=dict(type="str"), service_plan_id=dict(type="str"), campaign_id=dict(type="str"),
             page_size=dict(type="int", default=MAX_PAGE_SIZE),
             **REGION_FILTER_SPEC, **PATTERN_SPEC, **NAME_FILTER_SPEC),
        mutually_exclusive=[("phone_number", name) for name in FILTERS],
    )
    module.run_info("imported_numbers", lambda phone: ImportedApi(module.client).get_imported(phone),
                    lambda: list_imported(module))


if __name__ == "__main__":
    main()
