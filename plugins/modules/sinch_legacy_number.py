#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_legacy_number
short_description: Keep numbers rented from the Sinch number shop (legacy number administration)
version_added: 1.0.0
description:
  - Makes sure the organisation of the logged-in dashboard user rents at least O(count) numbers of one
    number shop group, through the number administration endpoints of the Sinch dashboard.
  - The group is chosen by O(group_id), or by O(country_id), O(city), O(type) and O(area_code), which must
    then match exactly one group of the shop. Rented numbers are counted by the same selection.
  - When numbers are missing, the module reserves the difference in that group and checks the
    reservation out. Reruns count the rented numbers first and rent nothing more.
  - A failed checkout (for example not enough credit) fails the task with the API's message. A
    reservation is never counted as rented; an unused reservation expires on its own.
  - A checkout that gets no clear answer is not repeated blindly; the rented numbers are read first.
  - The API has no way to release numbers, so there is no C(state=absent); release numbers in the
    Sinch dashboard.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.legacy
attributes:
  check_mode:
    support: full
    description: >-
      Counts the rented numbers and checks the shop group, then reports what would change; reserves and
      rents nothing. The log-in and the instance creation are POST requests that change nothing.
  diff_mode:
    support: full
    description: Shows the count and the numbers before and after.
options:
  count:
    description:
      - How many numbers of the selection the organisation must rent at least. Numbers beyond it are kept.
    type: int
    required: true
  group_id:
    description:
      - The number shop group, as listed by M(sinch.numbers.sinch_legacy_number_info).
    type: int
  country_id:
    description:
      - ISO 3166-1 alpha-2 country of the group, for example V(US).
    type: str
  city:
    description:
      - City of the group, for example V(SAN FRANCISCO) (compared without regard to case).
    type: str
  type:
    description:
      - Kind of the group's numbers.
      - The lowercase spellings of earlier releases are accepted too.
    type: str
    choices: [VOICE, SMS, voice, sms]
  area_code:
    description:
      - Area code of the group, for example V(415).
    type: str
seealso:
  - module: sinch.numbers.sinch_legacy_number_info
  - module: sinch.numbers.sinch_app_number
  - module: sinch.numbers.sinch_number
"""

EXAMPLES = r"""
# The dashboard user's email and password come from SINCH_LEGACY_EMAIL and SINCH_LEGACY_PASSWORD here;
# module_defaults for group/sinch.numbers.legacy is the other way to set them once per play.
- name: Rent at least three San Francisco voice numbers
  sinch.numbers.sinch_legacy_number:
    country_id: US
    city: San Francisco
    type: VOICE
    count: 3
  register: sf_numbers

- name: Rent at least two numbers of shop group 2
  sinch.numbers.sinch_legacy_number:
    group_id: 2
    count: 2

- name: Put the San Francisco numbers on the IVR app
  sinch.numbers.sinch_app_number:
    application_key: bb7b4e39-4227-4913-8c81-2db4abb54fb3
    numbers: "{{ sf_numbers.rented_numbers.phone_numbers }}"
"""

RETURN = r"""
rented_numbers:
  description:
    - The organisation's rented numbers that match the selection, after the change.
    - In check mode, the predicted count with the numbers rented so far.
  returned: always
  type: dict
  contains:
    count:
      description: How many there are.
      type: int
      sample: 3
    phone_numbers:
      description: The numbers, E.164, sorted.
      type: list
      elements: str
      sample: ["+14150005550", "+14150005551", "+14150005552"]
    numbers:
      description:
        - Each number as the API describes it, in snake_case, with the number as E.164 text in C(phone_number),
          and C(group_id), C(capabilities), C(application_key), C(country_id), C(city), C(country), C(area_code),
          C(expires) and C(cost) (C(amount), C(currency_id)).
      type: list
      elements: dict
rented:
  description: The numbers this run rented (empty when nothing was missing, and in check mode).
  returned: always
  type: list
  elements: str
  sample: ["+14150005552"]
"""

from ansible_collections.sinch.numbers.plugins.module_utils.legacy.module import LegacyModule
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.rented_numbers import RentedNumbersResource
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.selection import FILTERS, SELECTION_ARGUMENT_SPEC


def main():
    module = LegacyModule(
        dict(
            count=dict(type="int", required=True),
            **SELECTION_ARGUMENT_SPEC,
        ),
        mutually_exclusive=[("group_id", name) for name in FILTERS],
    )
    module.run_resource(RentedNumbersResource)


if __name__ == "__main__":
    main()
