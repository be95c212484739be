#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_region_info
short_description: List the regions where Sinch offers numbers to a project
version_added: 1.0.0
description:
  - Lists the regions, with their number types, in which the project can rent numbers.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  number_types:
    description:
      - Only regions offering at least one of these types.
    type: list
    elements: str
    choices: [MOBILE, LOCAL, TOLL_FREE]
    aliases: [number_type]
seealso:
  - module: sinch.numbers.sinch_available_number_info
"""

EXAMPLES = r"""
- name: Regions with toll-free numbers
  sinch.numbers.sinch_region_info:
    number_types: [TOLL_FREE]
  register: toll_free_regions

- name: Show their codes
  ansible.builtin.debug:
    msg: "{{ toll_free_regions.regions | map(attribute='region_code') | list }}"
"""

RETURN = r"""
regions:
  description: The regions.
  returned: always
  type: list
  elements: dict
  contains:
    region_code:
      description: ISO 3166-1 alpha-2 code.
      type: str
      sample: US
    region_name:
      description: Display name.
      type: str
      sample: United States
    types:
      description: Number types offered in the region.
      type: list
      elements: str
      sample: [LOCAL, MOBILE, TOLL_FREE]
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import NUMBER_TYPES, NumbersApi


def main():
    module = SinchModule(dict(number_types=dict(type="list", elements="str", choices=list(NUMBER_TYPES), aliases=["number_type"])))
    module.run(lambda: {"changed": False,
                        "regions": NumbersApi(module.client).list_regions(module.params["number_types"])})


if __name__ == "__main__":
    main()
