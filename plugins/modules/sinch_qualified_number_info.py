#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_qualified_number_info
short_description: List the qualified numbers of a Sinch project, or get one
version_added: 1.0.0
description:
  - Returns one qualified number (O(phone_number)) or all qualified numbers matching the filters,
    following page tokens with the largest page size.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  phone_number:
    description:
      - Return only this number (E.164). An empty list when it is not a qualified number of the project.
    type: str
  region_code:
    description:
      - Only numbers of this ISO 3166-1 alpha-2 region (V(US) or V(CA)).
    type: str
  states:
    description:
      - Only numbers in one of these global process states.
    type: list
    elements: str
    choices:
      - GLOBAL_PROCESS_STATE_ELIGIBLE_CHECK_PENDING
      - GLOBAL_PROCESS_STATE_ELIGIBLE
      - GLOBAL_PROCESS_STATE_NOT_ELIGIBLE
      - GLOBAL_PROCESS_STATE_VERIFICATION_PENDING
      - GLOBAL_PROCESS_STATE_VERIFICATION_FAILED
      - GLOBAL_PROCESS_STATE_VERIFICATION_BLOCKED
      - GLOBAL_PROCESS_STATE_VERIFIED
      - GLOBAL_PROCESS_STATE_HOSTING_IN_PROGRESS
      - GLOBAL_PROCESS_STATE_HOSTING_DONE
      - GLOBAL_PROCESS_STATE_HOSTING_FAILED
  page_size:
    description:
      - Numbers asked for per list request.
    type: int
    default: 1000
seealso:
  - module: sinch.numbers.sinch_qualified_number
"""

EXAMPLES = r"""
- name: Numbers waiting for their voice challenge code
  sinch.numbers.sinch_qualified_number_info:
    states: [GLOBAL_PROCESS_STATE_VERIFICATION_PENDING]
  register: pending

- name: One qualified number
  sinch.numbers.sinch_qualified_number_info:
    phone_number: "+12025550150"
  register: one_number
"""

RETURN = r"""
qualified_numbers:
  description:
    - The matching numbers, each shaped like the RV(sinch.numbers.sinch_qualified_number#module:qualified_number)
      return value.
  returned: always
  type: list
  elements: dict
  sample:
    - phone_number: "+12025550150"
      region_code: US
      global_process_state: GLOBAL_PROCESS_STATE_VERIFIED
      osr_eligibility: {status: 2, error: ""}
      ownership_verification: {status: 2, error: ""}
      hosted_number: {status: HOSTING_STATUS_UNSPECIFIED, error: ""}
"""

from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    GLOBAL_PROCESS_STATES,
    MAX_PAGE_SIZE,
    ImportedApi,
    normalize_hosting_region,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164


def list_qualified(module):
    params = module.params
    phone_number = normalize_e164(params["phone_number"])
    region = normalize_hosting_region(params["region_code"])
    api = ImportedApi(module.client)
    if phone_number:
        number = api.get_qualified(phone_number)
        return {"changed": False, "qualified_numbers": [number] if number else []}
    states = params["states"] or []
    # The API filters by one state: several are filtered here.
    numbers = api.list_qualified(region, states[0] if len(states) == 1 else None, page_size=params["page_size"])
    if len(states) > 1:
        numbers = (number for number in numbers if number.get("global_process_state") in states)
    return {"changed": False, "qualified_numbers": list(numbers)}


def main():
    module = SinchModule(
        dict(
            phone_number=dict(type="str"),
            region_code=dict(type="str"),
            states=dict(type="list", elements="str", choices=list(GLOBAL_PROCESS_STATES)),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
        ),
        mutually_exclusive=[("phone_number", "region_code"), ("phone_number", "states")],
    )
    module.run(lambda: list_qualified(module))


if __name__ == "__main__":
    main()
