# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: pool_plan
short_description: Plan what keeps a pool of Sinch numbers at its size and configuration
version_added: 1.0.0
author:
  - sinch.numbers contributors (@sinch-numbers)
description:
  - Takes the active numbers of one region and type, as listed by M(sinch.numbers.sinch_number_info),
    and returns what has to happen for the pool O(name) to hold O(size) numbers configured the same way.
  - A number belongs to the pool when its display name is O(name), a dash and an index made of digits
    (for example C(alerts-3) or C(alerts-03), both index 3). Other numbers are never touched.
  - New members get the lowest free indexes from 1 up, named without leading zeros; when the pool is too large,
    the members with the highest indexes are the ones to release.
  - A member's configuration is compared exactly as M(sinch.numbers.sinch_number) compares it, so a
    member listed in RV(_value.reconfigure) is one the module would change, and a provisioning that is
    still pending toward the wanted value counts as done.
  - The filter only plans; it sends no request. The P(sinch.numbers.number_pool#role) role acts on the plan.
positional: name, size
options:
  _input:
    description:
      - The active numbers of the pool's region and type (RV(sinch.numbers.sinch_number_info#module:numbers)).
    type: list
    elements: dict
    required: true
  name:
    description:
      - Name of the pool. Members have the display names C(<name>-<index>).
    type: str
    required: true
  size:
    description:
      - Number of members the pool should have.
    type: int
    required: true
  sms_configuration:
    description:
      - SMS configuration every member should have (C(service_plan_id), C(campaign_id)). Not compared when omitted.
    type: dict
  voice_configuration:
    description:
      - Voice configuration every member should have (C(type), C(app_id), C(trunk_id), C(service_id));
        C(type) defaults to C(RTC) as in M(sinch.numbers.sinch_number). Not compared when omitted.
    type: dict
  callback_url:
    description:
      - Provisioning callback URL every member should have. Not compared when omitted.
    type: str
  region_code:
    description:
      - Region of the pool. With O(number_type), the plan also holds RV(_value.items) and RV(_value.pending_items)
        for M(sinch.numbers.sinch_numbers).
    type: str
  number_type:
    description:
      - Type of the pool's numbers, see O(region_code).
    type: str
  rent_criteria:
    description:
      - What a member to rent must match, as M(sinch.numbers.sinch_numbers) items take it
        (C(capabilities), C(number_pattern), C(search_pattern)); keys with no value are left out.
    type: dict
seealso:
  - module: sinch.numbers.sinch_number_info
  - module: sinch.numbers.sinch_number
"""

EXAMPLES = r"""
- name: List the US local numbers of the project
  sinch.numbers.sinch_number_info:
    region_codes: [US]
    number_types: [LOCAL]
  register: listing

- name: Plan a pool of 10 alert numbers on one SMS service plan
  ansible.builtin.set_fact:
    alerts_plan: "{{ listing.numbers | sinch.numbers.pool_plan('alerts', 10, sms_configuration={'service_plan_id': 'plan-alerts'}) }}"

- name: Show which display names would be rented
  ansible.builtin.debug:
    msg: "{{ alerts_plan.rent }}"
"""

RETURN = r"""
_value:
  description: The plan.
  type: dict
  contains:
    members:
      description: The current members, by index, each with C(phone_number), C(display_name) and C(index).
      type: list
      elements: dict
    keep:
      description: Phone numbers of the members that stay in the pool.
      type: list
      elements: str
    reconfigure:
      description: Phone numbers of kept members whose configuration differs from the wanted one.
      type: list
      elements: str
    pending:
      description: Phone numbers of kept members whose provisioning toward the wanted configuration is still pending.
      type: list
      elements: str
    rent:
      description: Display names of the members to rent.
      type: list
      elements: str
    release:
      description: Phone numbers of the members beyond O(size), highest index first.
      type: list
      elements: str
    converged:
      description: Whether nothing has to be rented, reconfigured or released.
      type: bool
    items:
      description:
        - With O(region_code) and O(number_type), the O(sinch.numbers.sinch_numbers#module:active_numbers) items that
          carry the plan out - the members to reconfigure and to release (by phone number) and the display names
          to rent - so that one module run applies every change. Empty without them.
      type: list
      elements: dict
    pending_items:
      description:
        - Items for the members whose provisioning is still pending, to pass along when waiting for it.
      type: list
      elements: dict
    wanted:
      description:
        - The wanted configuration as M(sinch.numbers.sinch_number) takes it, with only the keys that were
          given (C(sms_configuration), C(voice_configuration), C(callback_url)).
      type: dict
"""

import re
from collections.abc import Mapping

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import (
    effective_configuration,
    provisioning_state,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import find_changes, prune_none


def _plain(value):
    """value with every mapping and list made a plain dict and list.

    ansible-core hands a filter lazy containers that template their items on each access;
    copying them per member (effective_configuration deep-copies) cost minutes for 1,000 numbers.
    """
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def member_index(name, display_name):
    """The index of a member named '<name>-<n>', or None for a number outside the pool."""
    match = re.fullmatch(r"%s-([0-9]+)" % re.escape(name), display_name or "")
    return int(match.group(1)) if match else None


def wanted_configuration(sms_configuration=None, voice_configuration=None, callback_url=None):
    """The configuration as sinch_number's argument spec would hand it to the resource."""
    voice = dict(voice_configuration) if voice_configuration else None
    if voice is not None and not voice.get("type"):
        voice["type"] = "RTC"
    return {
        "sms_configuration": prune_none(dict(sms_configuration)) if sms_configuration else None,
        "voice_configuration": prune_none(voice),
        "callback_url": callback_url,
    }


def free_indexes(used, count):
    indexes, candidate = [], 1
    while len(indexes) < count:
        if candidate not in used:
            indexes.append(candidate)
        candidate += 1
    return indexes


def pool_items(plan, region_code, number_type, rent_criteria=None):
    """(items, pending_items): the sinch_numbers items that carry out the plan."""
    if not (region_code and number_type):
        return [], []
    where = {"region_code": region_code, "number_type": number_type}
    criteria = {key: value for key, value in (rent_criteria or {}).items() if value is not None}

    def member(phone_number, **extra):
        return dict(plan["wanted"], phone_number=phone_number, **dict(where, **extra))
    items = [member(phone_number) for phone_number in plan["reconfigure"]]
    items += [dict(plan["wanted"], display_name=name, **dict(where, **criteria)) for name in plan["rent"]]
    items += [dict(where, phone_number=phone_number, state="absent") for phone_number in plan["release"]]
    return items, [member(phone_number) for phone_number in plan["pending"]]


def pool_plan(numbers, name, size, sms_configuration=None, voice_configuration=None, callback_url=None,
              region_code=None, number_type=None, rent_criteria=None):
    if not isinstance(name, str) or not name.strip():
        raise AnsibleFilterError("pool_plan: name must be a non-empty string")
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise AnsibleFilterError("pool_plan: size must be an integer of 0 or more, got %r" % (size,))
    for option, value in (("sms_configuration", sms_configuration), ("voice_configuration", voice_configuration)):
        if value is not None and not isinstance(value, Mapping):
            raise AnsibleFilterError("pool_plan: %s must be a dictionary" % option)
    if not isinstance(numbers, list) or not all(isinstance(number, Mapping) for number in numbers):
        raise AnsibleFilterError("pool_plan: the input must be the list of numbers sinch_number_info returns")

    members = []
    for number in _plain(numbers):
        index = member_index(name, number.get("display_name"))
        if index is not None:
            members.append({"phone_number": number["phone_number"], "display_name": number["display_name"],
                            "index": index, "number": number})
    members.sort(key=lambda member: (member["index"], member["phone_number"]))

    kept, released = members[:size], members[size:]
    wanted = wanted_configuration(sms_configuration, voice_configuration, callback_url)
    reconfigure, pending = [], []
    for member in kept:
        if find_changes(wanted, effective_configuration(member["number"])):
            reconfigure.append(member["phone_number"])
        elif provisioning_state(member["number"]) == "pending":
            pending.append(member["phone_number"])
    rent = ["%s-%d" % (name, index)
            for index in free_indexes({member["index"] for member in kept}, size - len(kept))]
    release = [member["phone_number"] for member in reversed(released)]
    if rent_criteria is not None and not isinstance(rent_criteria, Mapping):
        raise AnsibleFilterError("pool_plan: rent_criteria must be a dictionary")
    plan = {
        "members": [{key: member[key] for key in ("phone_number", "display_name", "index")} for member in members],
        "keep": [member["phone_number"] for member in kept],
        "reconfigure": reconfigure,
        "pending": pending,
        "rent": rent,
        "release": release,
        "converged": not (reconfigure or rent or release),
        "wanted": {key: value for key, value in wanted.items() if value is not None},
    }
    plan["items"], plan["pending_items"] = pool_items(plan, region_code, number_type, rent_criteria)
    return plan


class FilterModule:
    def filters(self):
        return {"pool_plan": pool_plan}
