#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_legacy_number_info
short_description: List number shop groups, rented numbers and application numbers (legacy number administration)
version_added: 1.0.0
description:
  - Returns, through the number administration endpoints of the Sinch dashboard, the groups of the
    number shop, the numbers the organisation rents, and the numbers of one application.
  - The filters O(group_id), O(country_id), O(city), O(type) and O(area_code) apply to every list
    (after listing; the API has no filters).
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.legacy
  - sinch.numbers.attributes.info_module
options:
  include:
    description:
      - Which organisation-wide lists to return, one request each.
    type: list
    elements: str
    choices: [groups, rented]
    default: [groups, rented]
  application_key:
    description:
      - Also return the numbers of this Voice or Verification application.
    type: str
  group_id:
    description:
      - Only this number shop group, and the numbers rented from it.
    type: int
  country_id:
    description:
      - Only groups and numbers of this ISO 3166-1 alpha-2 country.
    type: str
  city:
    description:
      - Only groups and numbers of this city (compared without regard to case).
    type: str
  type:
    description:
      - Only voice, or only SMS, groups and numbers.
      - The lowercase spellings of earlier releases are accepted too.
    type: str
    choices: [VOICE, SMS, voice, sms]
  area_code:
    description:
      - Only groups and numbers with this area code.
    type: str
seealso:
  - module: sinch.numbers.sinch_legacy_number
  - module: sinch.numbers.sinch_app_number
"""

EXAMPLES = r"""
# The dashboard user's email and password come from SINCH_LEGACY_EMAIL and SINCH_LEGACY_PASSWORD here;
# module_defaults for group/sinch.numbers.legacy is the other way to set them once per play.
- name: US voice groups of the shop, and the US voice numbers rented already
  sinch.numbers.sinch_legacy_number_info:
    country_id: US
    type: VOICE
  register: us_voice

- name: The numbers of one application only
  sinch.numbers.sinch_legacy_number_info:
    include: []
    application_key: bb7b4e39-4227-4913-8c81-2db4abb54fb3
  register: app
"""

RETURN = r"""
organisation:
  description: The organisation of the logged-in user (C(id), C(name), C(website), C(country_id), C(phone), C(vatnumber)).
  returned: when O(include) is not empty
  type: dict
  sample:
    id: 8888123
    name: Acme
    country_id: US
groups:
  description: The matching groups of the number shop.
  returned: when O(include) contains V(groups)
  type: list
  elements: dict
  contains:
    group_id:
      description: Group ID, for O(sinch.numbers.sinch_legacy_number#module:group_id).
      type: int
      sample: 13
    country:
      description: Country name.
      type: str
      sample: US
    country_id:
      description: ISO 3166-1 alpha-2 country.
      type: str
      sample: US
    city:
      description: City.
      type: str
      sample: SAN FRANCISCO
    type:
      description: V(Voice) or V(Sms).
      type: str
      sample: Voice
    availability:
      description: How many numbers can be reserved now.
      type: int
      sample: 7
    area_code:
      description: Area code.
      type: str
      sample: "415"
    cost:
      description: Price of one number (C(amount), C(currency_id)).
      type: dict
      sample: {amount: 2.0, currency_id: USD}
rented_numbers:
  description:
    - The matching numbers the organisation rents, shaped like
      RV(sinch.numbers.sinch_legacy_number#module:rented_numbers.numbers).
  returned: when O(include) contains V(rented)
  type: list
  elements: dict
  sample:
    - phone_number: "+14150005551"
      group_id: 13
      capabilities: [voice]
      application_key: bb7b4e39-4227-4913-8c81-2db4abb54fb3
      country_id: US
      city: SAN FRANCISCO
      country: US
      area_code: "415"
      expires: "2015-12-31T23:59:59+00:00"
      cost: {amount: 0.0, currency_id: USD}
application_numbers:
  description: The matching numbers of the application O(application_key), shaped like RV(rented_numbers).
  returned: when O(application_key) is set
  type: list
  elements: dict
"""

from ansible_collections.sinch.numbers.plugins.module_utils.legacy.module import LegacyModule
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.selection import SELECTION_ARGUMENT_SPEC, GroupSelection

LISTS = ("groups", "rented")


def gather(module):
    params = module.params
    api = module.api
    selection = GroupSelection.from_params(params)
    result = {"changed": False}
    include = set(params["include"])
    if include:
        result["organisation"] = api.organisation()
    if "groups" in include:
        result["groups"] = [group for group in api.shop_groups() if selection.matches_group(group)]
    if "rented" in include:
        result["rented_numbers"] = [number for number in api.rented_numbers() if selection.matches_number(number)]
    if params["application_key"]:
        result["application_numbers"] = [number for number in api.application_numbers(params["application_key"])
                                         if selection.matches_number(number)]
    return result


def main():
    module = LegacyModule(dict(
        include=dict(type="list", elements="str", choices=list(LISTS), default=list(LISTS)),
        application_key=dict(type="str", no_log=False),
        **SELECTION_ARGUMENT_SPEC,
    ))
    module.run(lambda: gather(module))


if __name__ == "__main__":
    main()
