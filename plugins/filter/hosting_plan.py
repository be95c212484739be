# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: hosting_plan
short_description: Plan which hosting orders to file and which hosted numbers to reconfigure
version_added: 1.0.0
author:
  - sinch.numbers contributors (@sinch-numbers)
description:
  - Takes the hosting orders a playbook wants, the orders already filed (as M(sinch.numbers.sinch_hosting_order_info)
    lists them) and the imported numbers (as M(sinch.numbers.sinch_imported_number_info) lists them), and returns
    what has to happen so that the numbers are on Sinch with the wanted configuration.
  - An order is filed only when none with its name and type exists, and only with its numbers that are not on Sinch
    yet (not imported numbers); when all of them are, nothing is filed. A filed order is never filed again, whatever
    its state and whatever the configuration asks now.
  - A number of the orders or of O(qualify) that is on Sinch and whose SMS service plan, campaign (not for toll-free
    text enablement) or callback URL differs from the wanted one is listed for reconfiguration in place with
    M(sinch.numbers.sinch_imported_number). An SMS provisioning still pending toward the wanted values counts as done.
  - The filter only plans; it sends no request. The P(sinch.numbers.hosted_numbers#role) role acts on the plan.
positional: orders, imported
options:
  _input:
    description:
      - The wanted orders, each with C(name), C(type) (V(import), V(text_enable) or V(text_enable_toll_free)) and
        C(numbers).
    type: list
    elements: dict
    required: true
  orders:
    description:
      - The filed orders (RV(sinch.numbers.sinch_hosting_order_info#module:hosting_orders)).
    type: list
    elements: dict
    required: true
  imported:
    description:
      - The imported numbers (RV(sinch.numbers.sinch_imported_number_info#module:imported_numbers)).
    type: list
    elements: dict
    required: true
  service_plan_id:
    description:
      - SMS service plan every number should be linked to.
    type: str
    required: true
  campaign_id:
    description:
      - 10DLC campaign every number but the toll-free text-enabled ones should be linked to. Not compared when omitted.
    type: str
  callback_url:
    description:
      - Callback URL every number should have. Not compared when omitted.
    type: str
  qualify:
    description:
      - Numbers qualified by voice challenge, reconfigured like the orders' numbers once they are on Sinch.
    type: list
    elements: str
    default: []
seealso:
  - module: sinch.numbers.sinch_hosting_order
  - module: sinch.numbers.sinch_imported_number
"""

EXAMPLES = r"""
- name: Read the hosting orders
  sinch.numbers.sinch_hosting_order_info:
    region_code: US
  register: listed_orders

- name: Read the imported numbers
  sinch.numbers.sinch_imported_number_info:
    region_code: US
  register: listed_imported

- name: Plan the orders to file and the numbers to reconfigure
  ansible.builtin.set_fact:
    plan: >-
      {{ wanted_orders | sinch.numbers.hosting_plan(listed_orders.hosting_orders, listed_imported.imported_numbers,
                                                     service_plan_id='plan-front-desk') }}
  vars:
    wanted_orders:
      - {name: front-desk, type: import, numbers: ["+12065550180"]}

- name: Nothing is on Sinch yet, so the order is to be filed
  ansible.builtin.assert:
    that: plan.file | map(attribute='name') | list == ['front-desk']
"""

RETURN = r"""
_value:
  description: The plan.
  type: dict
  contains:
    file:
      description: The orders to file (C(name), C(type), C(numbers) - only those not on Sinch yet).
      type: list
      elements: dict
    filed:
      description: For each wanted order already filed, its name and the filed order as listed.
      type: dict
    open:
      description: The filed orders that are not final yet (C(name), C(id), C(state)).
      type: list
      elements: dict
    reconfigure:
      description:
        - The numbers to reconfigure, each with C(phone_number), C(sms_configuration) (to pass to
          M(sinch.numbers.sinch_imported_number)) and C(callback_url) (None when not managed).
      type: list
      elements: dict
"""

from collections.abc import Mapping

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import FINAL_ORDER_STATES
from ansible_collections.sinch.numbers.plugins.module_utils.imported.provisioning import effective_number

API_TYPES = {"import": "IMPORT", "text_enable": "TYPE_TEXT_ENABLE", "text_enable_toll_free": "TYPE_TEXT_ENABLE"}


def hosting_plan(wanted, orders, imported, service_plan_id=None, campaign_id=None, callback_url=None, qualify=None):
    _check(wanted, orders, imported, service_plan_id)
    on_sinch = {number.get("phone_number"): number for number in imported}
    plan = {"file": [], "filed": {}, "open": [], "reconfigure": []}
    toll_free = set()
    for order in wanted:
        numbers = list(order.get("numbers") or [])
        if order["type"] == "text_enable_toll_free":
            toll_free.update(numbers)
        filed = [item for item in orders
                 if item.get("display_name") == order["name"] and item.get("type") == API_TYPES[order["type"]]]
        if filed:
            plan["filed"][order["name"]] = filed[0]
            if filed[0].get("state") not in FINAL_ORDER_STATES:
                plan["open"].append({"name": order["name"], "id": filed[0].get("hosting_order_id"),
                                     "state": filed[0].get("state")})
            continue
        missing = [number for number in numbers if number not in on_sinch]
        if missing:
            plan["file"].append({"name": order["name"], "type": order["type"], "numbers": missing})
    own = [number for order in wanted for number in order.get("numbers") or []] + list(qualify or [])
    for phone in sorted(set(own)):
        if phone in on_sinch:
            wanted_sms = {"service_plan_id": service_plan_id}
            if campaign_id is not None and phone not in toll_free:
                wanted_sms["campaign_id"] = campaign_id
            if _differs(on_sinch[phone], wanted_sms, callback_url):
                plan["reconfigure"].append({"phone_number": phone, "sms_configuration": wanted_sms,
                                            "callback_url": callback_url})
    return plan


def _differs(number, wanted_sms, callback_url):
    sms = effective_number(number).get("sms_configuration") or {}
    if any((sms.get(key) or "") != value for key, value in wanted_sms.items()):
        return True
    return callback_url is not None and (number.get("callback_url") or "") != callback_url


def _check(wanted, orders, imported, service_plan_id):
    for name, value in (("input", wanted), ("orders", orders), ("imported", imported)):
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            raise AnsibleFilterError("hosting_plan: %s must be a list of dictionaries" % name)
    for order in wanted:
        if not order.get("name") or order.get("type") not in API_TYPES:
            raise AnsibleFilterError("hosting_plan: each wanted order needs a name and a type out of %s"
                                     % ", ".join(API_TYPES))
    if not service_plan_id:
        raise AnsibleFilterError("hosting_plan: service_plan_id is required")


class FilterModule:
    def filters(self):
        return {"hosting_plan": hosting_plan}
