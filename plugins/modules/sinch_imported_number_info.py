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
options:
  phone_number:
    description:
      - Return only this number (E.164). An empty list when it is not imported in the project.
      - A direct read, so it cannot be combined with the filters O(region_code), O(number_pattern),
        O(service_plan_id), O(campaign_id) and O(display_name).
    type: str
  region_code:
    description:
      - Only numbers of this ISO 3166-1 alpha-2 region (V(US) or V(CA)).
    type: str
  number_pattern:
    description:
      - Only numbers containing these digits, see O(search_pattern).
    type: str
  search_pattern:
    description:
      - Where O(number_pattern) must appear.
    type: str
    choices: [START, CONTAIN, END]
    default: START
  service_plan_id:
    description:
      - Only numbers linked to this SMS service plan.
    type: str
  campaign_id:
    description:
      - Only numbers linked to this 10DLC campaign.
    type: str
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
  - module: sinch.numbers.sinch_imported_number
"""

EXAMPLES = r"""
- name: All imported US numbers linked to a service plan
  sinch.numbers.sinch_imported_number_info:
    region_code: US
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

from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    MAX_PAGE_SIZE,
    SEARCH_PATTERNS,
    ImportedApi,
    normalize_hosting_region,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164


def list_imported(module):
    params = module.params
    phone_number = normalize_e164(params["phone_number"])
    region = normalize_hosting_region(params["region_code"])
    api = ImportedApi(module.client)
    if phone_number:
        number = api.get_imported(phone_number)
        return {"changed": False, "imported_numbers": [number] if number else []}
    numbers = api.list_imported(region, params["number_pattern"], params["search_pattern"],
                                params["service_plan_id"], params["campaign_id"], page_size=params["page_size"])
    name = params["display_name"]
    if name is not None:
        numbers = (number for number in numbers if number.get("display_name") == name)
    return {"changed": False, "imported_numbers": list(numbers)}


def main():
    module = SinchModule(
        dict(
            phone_number=dict(type="str"),
            region_code=dict(type="str"),
            number_pattern=dict(type="str"),
            search_pattern=dict(type="str", choices=list(SEARCH_PATTERNS), default="START"),
            service_plan_id=dict(type="str"),
            campaign_id=dict(type="str"),
            display_name=dict(type="str"),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
        ),
        mutually_exclusive=[("phone_number", name) for name in (
            "region_code", "number_pattern", "service_plan_id", "campaign_id", "display_name")],
    )
    module.run(lambda: list_imported(module))


if __name__ == "__main__":
    main()
