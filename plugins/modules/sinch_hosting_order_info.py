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
  - sinch.numbers.hosting.region_filter
  - sinch.numbers.name_filters
  - sinch.numbers.paging
options:
  id:
    description:
      - Return only this order. An empty list when it does not exist.
      - A direct read, so it cannot be combined with the filters.
    type: str
  order_types:
    description:
      - Only orders of these kinds, named as O(sinch.numbers.sinch_hosting_order#module:order_type) names them.
      - V(TEXT_ENABLE) and V(TEXT_ENABLE_TOLL_FREE) both select text enablement orders (the API has one type,
        C(TYPE_TEXT_ENABLE), for both).
      - The lowercase spellings of earlier releases are accepted too.
    type: list
    elements: str
    aliases: [order_type]
    choices: [IMPORT, TEXT_ENABLE, TEXT_ENABLE_TOLL_FREE, import, text_enable, text_enable_toll_free]
  states:
    description:
      - Only orders in one of these states.
      - The API filters on one state; with several, the listed orders are filtered here.
    type: list
    elements: str
    aliases: [state]
    choices: [DRAFT, SUBMITTED, WAITING_FOR_LOA_SIGNATURE, IN_PROGRESS, COMPLETED, REJECTED]
  service_plan_id:
    description:
      - Only orders linking numbers to this SMS service plan.
    type: str
  campaign_id:
    description:
      - Only orders linking numbers to this 10DLC campaign.
    type: str
  include_details:
    description:
      - Also return each order's C(numbers), C(number_details) and C(report).
    type: bool
    default: false
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
    order_types: [IMPORT]
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

from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    MAX_PAGE_SIZE,
    ORDER_STATES,
    REGION_FILTER_SPEC,
    ImportedApi,
    normalize_hosting_regions,
)
from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import ORDER_ACTIONS, ORDER_KINDS
from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import accepted_choices
from ansible_collections.sinch.numbers.plugins.module_utils.core.filters import NAME_FILTER_SPEC, api_value, keep_matching, keep_named
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule

FILTERS = ("order_types", "states", "region_codes", "service_plan_id", "campaign_id", "display_name",
           "display_name_pattern")


def read_order(module, order_id):
    api = ImportedApi(module.client)
    order = api.get_order(order_id)
    return api.order_details(order) if order and module.params["include_details"] else order


def list_orders(module):
    params = module.params
    regions = normalize_hosting_regions(params["region_codes"])
    api = ImportedApi(module.client)
    # The API's order types, each once: both kinds of text enablement are TYPE_TEXT_ENABLE orders.
    types = list(dict.fromkeys(ORDER_ACTIONS[kind][1] for kind in params["order_types"] or []))
    states = list(dict.fromkeys(params["states"] or []))
    orders = api.list_orders(api_value(types), api_value(states), api_value(regions),
                             params["service_plan_id"], params["campaign_id"], page_size=params["page_size"])
    orders = keep_matching(keep_matching(keep_matching(orders, "type", types), "state", states), "region_code", regions)
    orders = keep_named(orders, params["display_name"], params["display_name_pattern"])
    return (api.order_details(order) for order in orders) if params["include_details"] else orders


def main():
    module = SinchModule(
        dict(
            id=dict(type="str"),
            order_types=dict(type="list", elements="str", aliases=["order_type"],
                             choices=accepted_choices(ORDER_KINDS, lowercase=True)),
            states=dict(type="list", elements="str", aliases=["state"], choices=list(ORDER_STATES)),
            service_plan_id=dict(type="str"),
            campaign_id=dict(type="str"),
            include_details=dict(type="bool", default=False),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
            **REGION_FILTER_SPEC,
            **NAME_FILTER_SPEC,
        ),
        mutually_exclusive=[("id", name) for name in FILTERS],
    )
    module.run_info("hosting_orders", lambda order_id: read_order(module, order_id), lambda: list_orders(module),
                    identity="id")


if __name__ == "__main__":
    main()
