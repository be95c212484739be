#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_numbers
short_description: Rent, configure and release many Sinch phone numbers in one run
version_added: 1.0.0
description:
  - Converges a whole list of numbers in one module run. Each item of O(active_numbers) takes the options of
    M(sinch.numbers.sinch_number) and is compared, planned and written exactly as that module does it,
    so a rerun sends no write and each write happens once, also after a lost answer.
  - Reads once, with one paged listing per O(active_numbers[].region_code) and O(active_numbers[].number_type) pair the items
    and O(exclusive_scope) name. A phone-number item without O(active_numbers[].region_code) and O(active_numbers[].number_type)
    is read with one request of its own; give them to find it in the listing instead.
  - Applies the differences with up to O(concurrency) requests at a time. When the API answers 429 (too many
    requests), every request in flight holds back for the C(Retry-After) the API asked for.
  - Items that name their O(active_numbers[].phone_number) (and releases) are applied first, then the rent-any
    items, so that a rent-any cannot take a number another item rents by its phone number. Rent-any items run in
    parallel too - each rent request carries a claim for its item's display name, so that after an ambiguous
    answer the number is attributed to the item that rented it.
  - With O(exclusive_scope), numbers of a region and type whose display name starts with a prefix and that no item
    names are released, but only with O(exclusive_scope.allow_release=true); otherwise the module fails before any
    write and names them.
  - The P(sinch.numbers.number_pool#role) role applies every change to a pool with one run of this module.
  - One failed item does not stop the others. The module fails after all were tried; RV(applied) and
    RV(failures) say which items changed and which failed, and why.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.wait
attributes:
  check_mode:
    support: full
    description: Reads the current state and reports what would change for each item; sends no write request.
  diff_mode:
    support: full
    description: One diff for the whole set, keyed by each changed item's identity (only with C(--diff)).
notes:
  - O(wait=true) waits for every pending SMS and voice provisioning at once, polling the listings of the
    numbers' regions and types rather than each number. When O(wait_timeout) passes first, the module fails
    with the per-item results, where RV(numbers[].provisioning) says which numbers finished their provisioning,
    and each number still provisioning is a failed item.
options:
  active_numbers:
    description:
      - The numbers wanted, one item per number, each with the options of M(sinch.numbers.sinch_number)
        (without the wait options, which apply to the whole set).
      - The old name C(numbers) still works.
      - An item names its number by O(active_numbers[].phone_number), or by O(active_numbers[].display_name) with
        O(active_numbers[].region_code) and O(active_numbers[].number_type). Two items must not name the same number.
    aliases: [numbers]
    type: list
    elements: dict
    required: true
    suboptions:
      state:
        description: V(present) rents the number if needed and configures it; V(absent) releases it.
        type: str
        choices: [present, absent]
        default: present
      phone_number:
        description:
          - The number in E.164 format.
          - With O(active_numbers[].region_code) and O(active_numbers[].number_type) the number is looked up in their listing;
            without them it is read on its own.
        type: str
      display_name:
        description:
          - Name shown for the number. Identifies it without O(active_numbers[].phone_number); it must then be unique
            in its region and type, and a missing number is rented by O(active_numbers[].region_code),
            O(active_numbers[].number_type), O(active_numbers[].capabilities) and O(active_numbers[].number_pattern).
        type: str
      region_code:
        description: ISO 3166-1 alpha-2 region of the number. Required without O(active_numbers[].phone_number).
        type: str
      number_type:
        description: Type of the number. Required without O(active_numbers[].phone_number).
        type: str
        choices: [MOBILE, LOCAL, TOLL_FREE]
      capabilities:
        description:
          - Capabilities a number rented by criteria must have; defaults to those it is configured for.
        type: list
        elements: str
        choices: [SMS, VOICE]
      number_pattern:
        description: Digits a number rented by criteria must contain, see O(active_numbers[].search_pattern).
        type: str
      search_pattern:
        description: Where O(active_numbers[].number_pattern) must appear in the number.
        type: str
        choices: [START, CONTAIN, END]
        default: START
      sms_configuration:
        description: SMS configuration of the number.
        type: dict
        suboptions:
          service_plan_id:
            description: SMS service plan the number is linked to.
            type: str
            required: true
          campaign_id:
            description: 10DLC campaign ID (US numbers only).
            type: str
      voice_configuration:
        description: Voice configuration of the number.
        type: dict
        suboptions:
          type:
            description: V(RTC) (Voice app), V(EST) (SIP trunk) or V(FAX) (fax service).
            type: str
            choices: [RTC, EST, FAX]
            default: RTC
          app_id:
            description: Voice app ID, with type V(RTC).
            type: str
          trunk_id:
            description: SIP trunk ID, with type V(EST).
            type: str
          service_id:
            description: Fax service ID, with type V(FAX).
            type: str
      callback_url:
        description: URL Sinch calls about the number's provisioning and deprovisioning.
        type: str
  exclusive_scope:
    description:
      - Declares that O(active_numbers) lists every number of one region and type whose display name starts with
        O(exclusive_scope.display_name_prefix). Such numbers that no item names are released with
        O(exclusive_scope.allow_release=true); without it the module fails before any write, naming them.
      - The old name C(exclusive) still works.
    aliases: [exclusive]
    type: dict
    suboptions:
      display_name_prefix:
        description: The display-name prefix of the numbers the list owns, for example V(alerts-).
        type: str
        required: true
      region_code:
        description: ISO 3166-1 alpha-2 region of those numbers.
        type: str
        required: true
      number_type:
        description: Type of those numbers.
        type: str
        required: true
        choices: [MOBILE, LOCAL, TOLL_FREE]
      allow_release:
        description: Whether numbers of the scope that are not in the list may be released.
        type: bool
        default: false
  concurrency:
    description:
      - Most requests in flight at once, from 1 to 32.
    type: int
    default: 8
  page_size:
    description:
      - Numbers asked for per list request, from 1 to 1000.
    type: int
    default: 1000
seealso:
  - module: sinch.numbers.sinch_number
  - module: sinch.numbers.sinch_number_info
"""

EXAMPLES = r"""
- name: Two support lines and three alert numbers, configured in one run
  sinch.numbers.sinch_numbers:
    active_numbers:
      - phone_number: "+12065550100"
        display_name: support-1
        sms_configuration:
          service_plan_id: plan-support
      - phone_number: "+12065550101"
        display_name: support-2
        sms_configuration:
          service_plan_id: plan-support
      - display_name: alerts-1
        region_code: US
        number_type: LOCAL
        sms_configuration:
          service_plan_id: plan-alerts
      - display_name: alerts-2
        region_code: US
        number_type: LOCAL
        sms_configuration:
          service_plan_id: plan-alerts
      - display_name: alerts-3
        region_code: US
        number_type: LOCAL
        sms_configuration:
          service_plan_id: plan-alerts
    concurrency: 8
    wait: true
    wait_timeout: 120
  register: lines

- name: Show what happened to each number
  ansible.builtin.debug:
    msg: "{{ lines.numbers | map(attribute='identity') | zip(lines.numbers | map(attribute='action')) | list }}"

- name: Keep only alerts-1, releasing the other alert numbers
  sinch.numbers.sinch_numbers:
    active_numbers:
      - display_name: alerts-1
        region_code: US
        number_type: LOCAL
    exclusive_scope:
      display_name_prefix: alerts-
      region_code: US
      number_type: LOCAL
      allow_release: true
"""

RETURN = r"""
numbers:
  description:
    - One entry per item of O(active_numbers), in order, then one per number released by O(exclusive_scope).
  returned: always
  type: list
  elements: dict
  contains:
    item:
      description: Index of the item in O(active_numbers); null for a number released by O(exclusive_scope).
      type: int
      sample: 0
    identity:
      description: The item's phone number, or its display name with region and type.
      type: str
      sample: alerts-1 (US LOCAL)
    phone_number:
      description: The number, once known (a rent-any item in check mode has none yet).
      type: str
      sample: "+12065550100"
    action:
      description:
        - V(rent), V(update), V(release) or V(none) (nothing to do). For a failed item, what it tried.
      type: str
      sample: update
    changed:
      description: Whether this item was changed.
      type: bool
    number:
      description:
        - The number after the change as M(sinch.numbers.sinch_number) returns it (predicted in check mode);
          for a release, the number released; for a failed item, the number as it was read.
        - Not returned for an item left as it was (RV(numbers[].action=none)), to keep the result of a large
          converged set small; M(sinch.numbers.sinch_number_info) reads such numbers.
      type: dict
      returned: when the item changed or failed
    provisioning:
      description:
        - How the number's SMS and voice provisioning stands, as last read; null for a release or an item
          without a number.
        - V(pending) (still provisioning), V(failed), or V(done) (nothing pending).
      type: str
      sample: done
    error:
      description: Why the item failed. Only for failed items.
      type: str
      returned: when the item failed
applied:
  description: Identities of the items that were changed (would be, in check mode).
  returned: always
  type: list
  elements: str
  sample: ["alerts-1 (US LOCAL)", "+12065550100"]
failures:
  description: The items that failed, each with C(identity), C(item), C(action) and C(error).
  returned: always
  type: list
  elements: dict
released_unlisted:
  description: Phone numbers released because O(exclusive_scope) owns them and no item named them.
  returned: always
  type: list
  elements: str
summary:
  description: How many items were rented, updated, released, left as they were (C(none)) or failed.
  returned: always
  type: dict
  sample: {"rent": 3, "update": 2, "release": 0, "none": 45, "failed": 0}
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import WAIT_ARGUMENT_SPEC
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import MAX_PAGE_SIZE, NUMBER_TYPES
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_options import (
    NUMBER_MUTUALLY_EXCLUSIVE,
    NUMBER_REQUIRED_ONE_OF,
    number_options,
)
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_set_resource import NumberSet


def main():
    argument_spec = dict(
        active_numbers=dict(type="list", elements="dict", required=True, aliases=["numbers"], options=number_options(),
                            required_one_of=NUMBER_REQUIRED_ONE_OF, mutually_exclusive=NUMBER_MUTUALLY_EXCLUSIVE),
        exclusive_scope=dict(type="dict", aliases=["exclusive"], options=dict(
            display_name_prefix=dict(type="str", required=True),
            region_code=dict(type="str", required=True),
            number_type=dict(type="str", required=True, choices=list(NUMBER_TYPES)),
            allow_release=dict(type="bool", default=False),
        )),
        concurrency=dict(type="int", default=8),
        page_size=dict(type="int", default=MAX_PAGE_SIZE),
        **WAIT_ARGUMENT_SPEC,
    )
    module = SinchModule(argument_spec)
    module.run(lambda: NumberSet(module).run())


if __name__ == "__main__":
    main()
