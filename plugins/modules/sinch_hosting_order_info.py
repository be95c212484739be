#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_hosting_order_info
short_description: List the hosting orders of a Sinch project, with their numbers and report
version_added: 1.0.0
description:
  - Returns one hosting order (O(id)) or all hosting orders matching the filters, following page tokens.
  - With O(include_details=true) each order also carries its numbers, the progress of each number and the order's
    report, at the cost of two more requests per order.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  id:
    description:
      - Return only this order. An empty list when it does not exist.
    type: str
  order_type:
    description:
      - Only orders of this type. V(text_enable) includes toll-free text enablement (the API has one type for both).
    type: str
    choices: [import, text_enable]
  states:
    description:
      - Only orders in one of these states.
    type: list
    elements: str
    choices: [DRAFT, SUBMITTED, WAITING_FOR_LOA_SIGNATURE, IN_PROGRESS, COMPLETED, REJECTED]
  region_code:
    description:
      - Only orders of this region (V(US) or V(CA)).
    type: str
  service_plan_id:
    description:
      - Only orders linking numbers to this SMS service plan.
    type: str
  campaign_id:
    description:
      - Only orders linking numbers to this 10DLC campaign.
    type: str
  display_name:
    description:
      - Only orders with exactly this display name (filtered after listing; the API has no such filter).
    type: str
  include_details:
    description:
      - Also return each order's C(numbers), C(number_details) and C(report).
    type: bool
    default: false
  page_size:
    description:
      - Orders asked for per list request.
    type: int
    default: 1000
seealso:
  - module: sinch.numbers.sinch_hosting_order
"""

EXAMPLES = r"""
- name: Hosting orders still being processed
  sinch.numbers.sinch_hosting_order_info:
    states: [SUBMITTED, WAITING_FOR_LOA_SIGNATURE, IN_PROGRESS]
  register: open_orders

- name: One order with its numbers and report
  sinch.numbers.sinch_hosting_order_info:
    id: 01arz3nhyrtsv4rrffq69g5fav
    include_details: true
  register: one_order

- name: Import orders named import-front-desk
  sinch.numbers.sinch_hosting_order_info:
    order_type: import
    display_name: import-front-desk
  register: named_orders
"""

RETURN = r"""
hosting_orders:
  description:
    - The matching orders, each shaped like the RV(sinch.numbers.sinch_hosting_order#module:hosting_order) return
      value; C(numbers), C(number_details) and C(report) only with O(include_details=true).
  returned: always
  type: list
  elements: dict
  sample:
    - hosting_order_id: 01arz3nhyrtsv4rrffq69g5fav
      display_name: import-front-desk
      type: IMPORT
      state: COMPLETED
      region_code: US
      service_plan_id: plan-front-desk
      campaign_id: CAMP001
      numbers: ["+12025550134"]
      number_details:
        - phone_number: "+12025550134"
          osr_update: {nnid: "", state: STATE_UNSPECIFIED}
          campaign_provisioning: {campaign_id: CAMP001, state: DONE}
          platform_provisioning: {service_plan_id: plan-front-desk, state: DONE}
      report: {total: 1, osr_updated: 0, sms_provisioned: 1, added_to_campaign: 1, ongoing_manual_action: 0}
"""

from ansible_collections.sinch.numbers.plugins.module_utils.imported.hosting_order_resource import order_details
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    MAX_PAGE_SIZE,
    ORDER_STATES,
    ImportedApi,
    normalize_hosting_region,
)
from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import (
    IMPORT,
    ORDER_ACTIONS,
    TEXT_ENABLE,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule


def list_orders(module):
    params = module.params
    region = normalize_hosting_region(params["region_code"])
    api = ImportedApi(module.client)
    if params["id"]:
        order = api.get_order(params["id"])
        orders = [order] if order else []
    else:
        order_type = ORDER_ACTIONS[params["order_type"]][1] if params["order_type"] else None
        states = params["states"] or []
        # The API filters by one state: several are filtered here.
        orders = api.list_orders(order_type, states[0] if len(states) == 1 else None, region,
                                 params["service_plan_id"], params["campaign_id"], page_size=params["page_size"])
        if len(states) > 1:
            orders = (order for order in orders if order.get("state") in states)
        if params["display_name"] is not None:
            orders = (order for order in orders if order.get("display_name") == params["display_name"])
    if params["include_details"]:
        orders = (order_details(api, order) for order in orders)
    return {"changed": False, "hosting_orders": list(orders)}


def main():
    module = SinchModule(
        dict(
            id=dict(type="str"),
            order_type=dict(type="str", choices=[IMPORT, TEXT_ENABLE]),
            states=dict(type="list", elements="str", choices=list(ORDER_STATES)),
            region_code=dict(type="str"),
            service_plan_id=dict(type="str"),
            campaign_id=dict(type="str"),
            display_name=dict(type="str"),
            include_details=dict(type="bool", default=False),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
        ),
        mutually_exclusive=[("id", "order_type"), ("id", "states"), ("id", "region_code"),
                            ("id", "service_plan_id"), ("id", "campaign_id"), ("id", "display_name")],
    )
    module.run(lambda: list_orders(module))


if __name__ == "__main__":
    main()
