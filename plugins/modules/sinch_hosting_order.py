#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_hosting_order
short_description: File Sinch hosting orders that import or text-enable numbers you own
version_added: 1.0.0
description:
  - Files a hosting order that imports numbers (O(order_type=IMPORT)), text-enables voice or landline numbers
    (O(order_type=TEXT_ENABLE)) or text-enables toll-free numbers (O(order_type=TEXT_ENABLE_TOLL_FREE)),
    and optionally waits until Sinch has processed it.
  - An order is filed once. A rerun finds it by O(id), or by O(display_name) and O(order_type), and never files a
    second one, also when the API answered the filing request with an error after accepting it.
  - Hosting orders can neither be changed nor deleted through the API. Asking for other values than a found order
    was filed with (numbers, region, service plan, campaign, callback URL) fails with a message naming the
    differences; file a new order under another O(display_name) instead.
  - Both kinds of text enablement are orders of type C(TYPE_TEXT_ENABLE), so a text-enable and a toll-free
    text-enable order cannot share a display name.
  - The letter of authorisation (O(loa)), O(nnid) and the schedules are used when the order is filed and not
    compared on reruns.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.wait
attributes:
  check_mode:
    support: full
    description: Finds the order and reports whether one would be filed; sends no write request.
  diff_mode:
    support: full
    description: Shows the order's fields (and its numbers) before and after.
options:
  id:
    description:
      - ID of an existing hosting order (RV(hosting_order.hosting_order_id)). The order must exist;
        the API assigns IDs, so an order cannot be filed under a chosen one.
    type: str
  display_name:
    description:
      - Name of the order. With O(order_type), identifies the order when O(id) is not given, so it must be unique
        among the project's orders of that type.
    type: str
  order_type:
    description:
      - V(IMPORT) imports numbers already provisioned with an NNID (C(hostingOrders:importNumbers)).
      - V(TEXT_ENABLE) text-enables numbers you own, after a letter of authorisation (C(hostingOrders:textEnableNumbers)).
      - V(TEXT_ENABLE_TOLL_FREE) text-enables toll-free numbers (C(hostingOrders:textEnableTollFreeNumbers)).
      - The lowercase spellings of earlier releases (V(import), V(text_enable), V(text_enable_toll_free)) are
        accepted too.
      - Required without O(id).
    type: str
    choices: [IMPORT, TEXT_ENABLE, TEXT_ENABLE_TOLL_FREE, import, text_enable, text_enable_toll_free]
  region_code:
    description:
      - Region of the numbers, V(US) or V(CA) (number hosting is available there only). Required to file an order.
    type: str
  numbers:
    description:
      - The numbers of the order, in E.164 format. Required to file an order.
      - An import order takes at most O(import_limit) numbers.
    type: list
    elements: str
  service_plan_id:
    description:
      - SMS service plan the numbers are linked to. Required to file an order.
    type: str
  campaign_id:
    description:
      - 10DLC campaign the numbers are linked to. Not with O(order_type=TEXT_ENABLE_TOLL_FREE).
    type: str
  callback_url:
    description:
      - URL Sinch calls with events about the order's numbers.
    type: str
  migrate_to_sinch_tmo:
    description:
      - Migrate numbers assigned to another aggregator on T-Mobile's platform to Sinch (T-Mobile error 60135).
    type: bool
  nnid:
    description:
      - Net Number ID to put the numbers on, with O(order_type=TEXT_ENABLE). The API defaults to the Sinch NNID
        or the one configured for the account.
    type: str
  scheduled_osr_update_time:
    description:
      - When the OSR update should happen (RFC 3339, UTC), with O(order_type=TEXT_ENABLE).
    type: str
  scheduled_zipwhip_provisioning_time:
    description:
      - When the toll-free provisioning should happen (RFC 3339, UTC), with O(order_type=TEXT_ENABLE_TOLL_FREE).
        If the letter of authorisation is signed later, it moves to the next day at the same time.
    type: str
  loa:
    description:
      - Letter of authorisation, required to text-enable numbers; not with O(order_type=IMPORT).
      - Sinch e-mails it to O(loa.authorised_person.email) to be signed; the order waits in state
        C(WAITING_FOR_LOA_SIGNATURE) until then.
    type: dict
    suboptions:
      type:
        description:
          - V(DIRECT) for direct Sinch customers, V(RESELLER) for partners and resellers (needs
            O(loa.business_name)), V(BLANKET) when a blanket LOA approved by your account manager covers the
            numbers (no other field; not for toll-free numbers).
          - The lowercase spellings of earlier releases are accepted too.
        type: str
        required: true
        choices: [DIRECT, RESELLER, BLANKET, direct, reseller, blanket]
      business_name:
        description: Name of the business, for a reseller LOA.
        type: str
      authorised_person:
        description: The person authorised for and responsible for the order.
        type: dict
        suboptions:
          first_name:
            description: First name.
            type: str
            required: true
          last_name:
            description: Last name.
            type: str
            required: true
          email:
            description: E-mail address the LOA is sent to.
            type: str
            required: true
      address:
        description: Address of the business.
        type: dict
        suboptions:
          building_number:
            description: Building number.
            type: str
            required: true
          street:
            description: Street.
            type: str
            required: true
          city:
            description: City.
            type: str
            required: true
          state:
            description: State or province.
            type: str
            required: true
          postal_code:
            description: Postal code.
            type: str
            required: true
          country:
            description: Country.
            type: str
            required: true
      current_voice_carrier:
        description: The carrier currently providing voice service for the numbers.
        type: str
  import_limit:
    description:
      - Most numbers one import order may take. The API allows 5 unless your account manager authorised more.
    type: int
    default: 5
notes:
  - With O(wait=true) the module waits until the order is C(COMPLETED) or C(REJECTED); a rejected order fails
    the task. For text-enable orders O(wait_timeout) must cover the signature of the letter of authorisation.
seealso:
  - module: sinch.numbers.sinch_hosting_order_info
  - module: sinch.numbers.sinch_imported_number
  - module: sinch.numbers.sinch_qualified_number
"""

EXAMPLES = r"""
- name: Import two numbers that already carry an NNID, and wait until they are on Sinch
  sinch.numbers.sinch_hosting_order:
    display_name: import-front-desk
    order_type: IMPORT
    region_code: US
    numbers: ["+12025550134", "+12025550135"]
    service_plan_id: plan-front-desk
    campaign_id: CAMP001
    wait: true
    wait_timeout: 600
  register: import_order

- name: Text-enable a landline, with a direct letter of authorisation
  sinch.numbers.sinch_hosting_order:
    display_name: text-enable-office
    order_type: TEXT_ENABLE
    region_code: US
    numbers: ["+12025550150"]
    service_plan_id: plan-front-desk
    campaign_id: CAMP001
    loa:
      type: DIRECT
      authorised_person:
        first_name: Ada
        last_name: Lovelace
        email: ada@example.com
      address:
        building_number: "2433"
        street: Vesta Drive
        city: Chicago
        state: IL
        postal_code: "60647"
        country: US
      current_voice_carrier: Verizon

- name: Text-enable toll-free numbers as a reseller
  sinch.numbers.sinch_hosting_order:
    display_name: toll-free-support
    order_type: TEXT_ENABLE_TOLL_FREE
    region_code: US
    numbers: ["+18335550100"]
    service_plan_id: plan-support
    loa:
      type: RESELLER
      business_name: Example Reseller Inc.
      authorised_person:
        first_name: Ada
        last_name: Lovelace
        email: ada@example.com
      address:
        building_number: "1"
        street: Main Street
        city: Springfield
        state: IL
        postal_code: "62701"
        country: US
      current_voice_carrier: AT&T

- name: Wait for an order known by its ID
  sinch.numbers.sinch_hosting_order:
    id: "{{ import_order.hosting_order.hosting_order_id }}"
    wait: true
"""

RETURN = r"""
hosting_order:
  description:
    - The order; in check mode, the order that would be filed.
  returned: always
  type: dict
  contains:
    hosting_order_id:
      description: ID of the order.
      type: str
      sample: 01arz3nhyrtsv4rrffq69g5fav
    project_id:
      description: Project of the order.
      type: str
    display_name:
      description: Name of the order.
      type: str
      sample: import-front-desk
    type:
      description: C(IMPORT) or C(TYPE_TEXT_ENABLE).
      type: str
      sample: IMPORT
    state:
      description: C(SUBMITTED), C(WAITING_FOR_LOA_SIGNATURE), C(IN_PROGRESS), C(COMPLETED) or C(REJECTED).
      type: str
      sample: COMPLETED
    region_code:
      description: Region of the numbers.
      type: str
      sample: US
    numbers:
      description: The numbers of the order, sorted.
      type: list
      elements: str
      sample: ["+12025550134", "+12025550135"]
    number_details:
      description:
        - Progress of each number, from the order's numbers listing.
        - C(osr_update) (C(nnid), C(state)), C(campaign_provisioning) (C(campaign_id), C(state)) and
          C(platform_provisioning) (C(service_plan_id), C(state)); each C(state) is C(WAITING), C(DONE),
          C(FAILED) or C(STATE_UNSPECIFIED) when the step does not apply.
      type: list
      elements: dict
    report:
      description: Counts of the order's numbers (C(total), C(osr_updated), C(sms_provisioned), C(added_to_campaign),
        C(ongoing_manual_action)).
      type: dict
      sample:
        total: 2
        osr_updated: 0
        sms_provisioned: 2
        added_to_campaign: 2
        ongoing_manual_action: 0
    service_plan_id:
      description: SMS service plan.
      type: str
    campaign_id:
      description: 10DLC campaign.
      type: str
    callback_url:
      description: Callback URL.
      type: str
    migrate_to_sinch_tmo:
      description: Whether the numbers are migrated on T-Mobile's platform.
      type: bool
    created_time:
      description: When the order was filed.
      type: str
    updated_time:
      description: When the order last changed.
      type: str
    scheduled_osr_update_time:
      description: When the OSR update is scheduled, for text-enable orders.
      type: str
    text_enable_info:
      description:
        - The letter of authorisation of a text-enable order (C(business_name), C(authorised_person), C(address),
          C(service_provider), C(current_voice_carrier), C(nnid), C(loa_type)).
        - C(loa_type) is a name (C(DIRECT), C(RESELLER)), also when the API sends an integer.
      type: dict
    number_import:
      description: Import details the API returns in its answer to filing an import order.
      returned: when this run filed an import order and did not wait for it (the API does not return it on reads)
      type: dict
"""

from ansible_collections.sinch.numbers.plugins.module_utils.imported.hosting_order_resource import HostingOrderResource
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import IMPORT_NUMBERS_LIMIT
from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import (
    LOA_ARGUMENT_SPEC,
    ORDER_FIELD_OPTIONS,
    ORDER_KINDS,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import accepted_choices
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import WAIT_ARGUMENT_SPEC


def main():
    argument_spec = dict(
        ORDER_FIELD_OPTIONS,
        id=dict(type="str"),
        order_type=dict(type="str", choices=accepted_choices(ORDER_KINDS, lowercase=True)),
        numbers=dict(type="list", elements="str"),
        loa=LOA_ARGUMENT_SPEC,
        import_limit=dict(type="int", default=IMPORT_NUMBERS_LIMIT),
        **WAIT_ARGUMENT_SPEC,
    )
    module = SinchModule(argument_spec, required_one_of=[("id", "display_name")])
    module.run_resource(HostingOrderResource)


if __name__ == "__main__":
    main()
