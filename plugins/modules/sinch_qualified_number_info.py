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
  - sinch.numbers.hosting.region_filter
  - sinch.numbers.paging
options:
  phone_number:
    description:
      - Return only this number (E.164). An empty list when it is not a qualified number of the project.
      - A direct read, so it cannot be combined with the filters.
    type: str
  states:
    description:
      - Only numbers in one of these global process states.
      - The API's names, with the C(GLOBAL_PROCESS_STATE_) prefix (for example
        V(GLOBAL_PROCESS_STATE_VERIFIED)), are accepted too.
      - The API filters on one state; with several, the listed numbers are filtered here.
    type: list
    elements: str
    aliases: [state]
    choices:
      - ELIGIBLE_CHECK_PENDING
      - ELIGIBLE
      - NOT_ELIGIBLE
      - VERIFICATION_PENDING
      - VERIFICATION_FAILED
      - VERIFICATION_BLOCKED
      - VERIFIED
      - HOSTING_IN_PROGRESS
      - HOSTING_DONE
      - HOSTING_FAILED
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
seealso:
  - module: sinch.numbers.sinch_qualified_number
"""

EXAMPLES = r"""
- name: Numbers waiting for their voice challenge code
  sinch.numbers.sinch_qualified_number_info:
    states: [VERIFICATION_PENDING]
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

from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import accepted_choices
from ansible_collections.sinch.numbers.plugins.module_utils.core.filters import api_value, keep_matching
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    GLOBAL_PROCESS_STATE_PREFIX,
    MAX_PAGE_SIZE,
    PROCESS_STATES,
    REGION_FILTER_SPEC,
    ImportedApi,
    normalize_hosting_regions,
)


def list_qualified(module):
    params = module.params
    regions = normalize_hosting_regions(params["region_codes"])
    # The API's state values carry the prefix the option's values leave out.
    states = [GLOBAL_PROCESS_STATE_PREFIX + state for state in dict.fromkeys(params["states"] or [])]
    numbers = ImportedApi(module.client).list_qualified(api_value(regions), api_value(states),
                                                        page_size=params["page_size"])
    return keep_matching(keep_matching(numbers, "region_code", regions), "global_process_state", states)


def main():
    module = SinchModule(
        dict(phone_number=dict(type="str"), page_size=dict(type="int", default=MAX_PAGE_SIZE),
             states=dict(type="list", elements="str", aliases=["state"],
                         choices=accepted_choices(PROCESS_STATES, prefix=GLOBAL_PROCESS_STATE_PREFIX)),
             **REGION_FILTER_SPEC),
        mutually_exclusive=[("phone_number", "region_codes"), ("phone_number", "states")],
    )
    module.run_info("qualified_numbers", lambda phone: ImportedApi(module.client).get_qualified(phone),
                    lambda: list_qualified(module))


if __name__ == "__main__":
    main()
