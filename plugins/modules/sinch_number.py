#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_number
short_description: Rent, configure and release Sinch phone numbers
version_added: 1.0.0
description:
  - Rents a specific phone number, or any available number matching a region, type, capabilities and pattern.
  - Configures its display name, SMS configuration, voice configuration and callback URL, sending only what differs.
  - Releases the number with O(state=absent).
  - A number is found on reruns by O(phone_number), or by O(display_name), which must then be unique
    among the project's numbers of that O(region_code) and O(number_type).
  - SMS and voice configuration changes are provisioned asynchronously by Sinch. A provisioning that is
    still pending toward the requested value counts as done, so a rerun does not send it again.
    Use O(wait=true) to return only once provisioning has finished.
  - Renting by criteria is done once per O(display_name), even when an answer is lost or the run is
    killed between renting and naming. The C(rentAny) request cannot carry a display name, so it
    carries a claim instead, in the callback URL's fragment (V(#sinch-numbers-claim=<display_name>) after
    O(callback_url), or after V(https://claim.sinch-numbers.invalid/) when O(callback_url) is not set;
    a fragment never reaches the server a callback is sent to). The naming request then sets the
    display name and puts the callback URL back. A run that finds no number with the display name
    adopts the unnamed number whose claim names it instead of renting another. What remains open
    is described in the collection's docs/reliability.md (two runs renting under the same display name
    at the same moment each rent one).
  - A write whose answer is lost (HTTP 500, 502, 503, 504 or a dropped connection) is never repeated
    blindly; a rent is looked up, an update read back and compared, and a release answered 404 on its
    retry counts as released.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.wait
  - sinch.numbers.number_filters.pattern
attributes:
  check_mode:
    support: full
    description: >-
      Reads the rented number and reports whether it would be rented, updated or released; sends no write
      request.
  diff_mode:
    support: full
    description: >-
      Shows the rented number (number, region, type), its display name, SMS and voice configuration and
      callback URL before and after.
options:
  state:
    description:
      - V(present) rents the number if needed and configures it; V(absent) releases it.
    type: str
    choices: [present, absent]
    default: present
  phone_number:
    description:
      - The number in E.164 format, for example V(+12025550134).
      - When omitted, O(display_name), O(region_code) and O(number_type) identify the number, and
        O(state=present) rents any available number matching O(region_code), O(number_type),
        O(capabilities) and O(number_pattern) if none has that display name yet.
    type: str
  display_name:
    description:
      - Name shown for the number in the Sinch dashboard.
      - Identifies the number when O(phone_number) is not given; it must be unique in the project then.
    type: str
  region_code:
    description:
      - ISO 3166-1 alpha-2 region of the number, for example V(US).
      - Required without O(phone_number).
    type: str
  number_type:
    description:
      - Type of the number. Required without O(phone_number).
    type: str
    choices: [MOBILE, LOCAL, TOLL_FREE]
  capabilities:
    description:
      - Capabilities a number rented by criteria must have.
      - Defaults to those the number is configured for (V(SMS) with O(sms_configuration), V(VOICE) with O(voice_configuration)).
    type: list
    elements: str
    choices: [SMS, VOICE]
  sms_configuration:
    description:
      - SMS configuration of the number.
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
    description:
      - Voice configuration of the number.
    type: dict
    suboptions:
      type:
        description:
          - V(RTC) links the number to a Voice app (O(voice_configuration.app_id)),
            V(EST) to a SIP trunk (O(voice_configuration.trunk_id)),
            V(FAX) to a fax service (O(voice_configuration.service_id)).
        type: str
        choices: [RTC, EST, FAX]
        default: RTC
      app_id:
        description: Voice app ID, with O(voice_configuration.type=RTC).
        type: str
      trunk_id:
        description: SIP trunk ID, with O(voice_configuration.type=EST).
        type: str
      service_id:
        description: Fax service ID, with O(voice_configuration.type=FAX).
        type: str
  callback_url:
    description:
      - URL Sinch calls about the number's provisioning and deprovisioning.
      - An V(http) or V(https) URL without a V(#fragment) (renting by criteria uses the fragment for its claim).
    type: str
seealso:
  - module: sinch.numbers.sinch_number_info
  - module: sinch.numbers.sinch_available_number_info
"""

EXAMPLES = r"""
- name: Rent a specific number for SMS
  sinch.numbers.sinch_number:
    phone_number: "+12065550100"
    display_name: support-line
    sms_configuration:
      service_plan_id: plan-support

- name: Rent any US local SMS and voice number, known on reruns by its display name
  sinch.numbers.sinch_number:
    display_name: alerts-us-1
    region_code: US
    number_type: LOCAL
    capabilities: [SMS, VOICE]
    number_pattern: "+1206"
    search_pattern: START
    sms_configuration:
      service_plan_id: plan-alerts
    voice_configuration:
      type: RTC
      app_id: app-alerts
    wait: true
    wait_timeout: 120
  register: alerts_number

- name: Move the number to another service plan
  sinch.numbers.sinch_number:
    phone_number: "{{ alerts_number.number.phone_number }}"
    sms_configuration:
      service_plan_id: plan-alerts-v2

- name: Release it
  sinch.numbers.sinch_number:
    phone_number: "{{ alerts_number.number.phone_number }}"
    state: absent
"""

RETURN = r"""
number:
  description:
    - The number after the change; empty with O(state=absent) (the diff's C(before) shows what was released).
    - In check mode, the predicted state.
  returned: always
  type: dict
  contains:
    phone_number:
      description: The rented number, in E.164 format.
      type: str
      sample: "+12065550100"
    project_id:
      description: Project that rents the number.
      type: str
      sample: 51bc3f40-f266-4ca8-8938-a1ed0ff32b9a
    display_name:
      description: Display name.
      type: str
      sample: support-line
    region_code:
      description: ISO 3166-1 alpha-2 region.
      type: str
      sample: US
    type:
      description: Number type.
      type: str
      sample: LOCAL
    capability:
      description: What the number can be used for.
      type: list
      elements: str
      sample: [SMS, VOICE]
    money:
      description: Recurring price (C(currency_code), C(amount)).
      type: dict
    payment_interval_months:
      description: How often the price is charged, in months.
      type: int
    next_charge_date:
      description: Date of the next charge.
      type: str
    expire_at:
      description: When the subscription expires, if set.
      type: str
    sms_configuration:
      description:
        - SMS configuration (C(service_plan_id), C(campaign_id)).
        - C(scheduled_provisioning) holds a pending or failed provisioning (C(status), C(service_plan_id),
          C(campaign_id), C(error_codes), C(last_updated_time)).
      type: dict
    voice_configuration:
      description:
        - Voice configuration (C(type), C(app_id), C(trunk_id), C(service_id)).
        - C(scheduled_voice_provisioning) holds a pending or failed provisioning.
      type: dict
    callback_url:
      description: Provisioning callback URL.
      type: str
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_resource import NumberResource
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.number_options import (
    NUMBER_MUTUALLY_EXCLUSIVE,
    NUMBER_REQUIRED_ONE_OF,
    number_options,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import WAIT_ARGUMENT_SPEC


def main():
    argument_spec = dict(number_options(), **WAIT_ARGUMENT_SPEC)
    module = SinchModule(
        argument_spec,
        required_one_of=NUMBER_REQUIRED_ONE_OF,
        mutually_exclusive=NUMBER_MUTUALLY_EXCLUSIVE + [
            ("phone_number", "region_code"),
            ("phone_number", "number_type"),
        ],
    )
    module.run_resource(NumberResource)


if __name__ == "__main__":
    main()
