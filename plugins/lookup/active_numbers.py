# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: active_numbers
short_description: List the active Sinch numbers of a project
version_added: 1.0.0
description:
  - Returns the project's active numbers as dictionaries with snake_case keys, the same shape the
    M(sinch.numbers.sinch_number_info) module returns.
  - Region, type, capability and number pattern filters are applied by the API; O(display_name) and
    O(display_name_pattern) are applied after listing, because the API has no such filter.
  - Use it with C(query) (or C(lookup) with C(wantlist=true)) to always get a list.
  - Credentials come from the options or from the E(SINCH_*) environment variables, exactly as for the modules.
    Lookups run on the controller; C(module_defaults) do not apply to them.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth.plugins
  - sinch.numbers.number_filters
  - sinch.numbers.number_filters.pattern
  - sinch.numbers.name_filters
  - sinch.numbers.number_filters.active_numbers
options:
  _terms:
    description: Not used. Pass filters as keyword arguments.
    required: false
seealso:
  - module: sinch.numbers.sinch_number_info
  - plugin: sinch.numbers.active_numbers
    plugin_type: inventory
"""

EXAMPLES = r"""
- name: US local numbers that can send SMS (credentials from SINCH_KEY_ID, SINCH_KEY_SECRET, SINCH_PROJECT_ID)
  ansible.builtin.debug:
    msg: "{{ query('sinch.numbers.active_numbers', region_codes=['US'], number_types=['LOCAL'], capabilities=['SMS']) }}"

- name: Phone numbers of the support lines, with credentials passed explicitly
  ansible.builtin.set_fact:
    support_numbers: >-
      {{ query('sinch.numbers.active_numbers',
               display_name_pattern='support-*',
               project_id=sinch_project_id, key_id=sinch_key_id, key_secret=sinch_key_secret)
         | map(attribute='phone_number') | list }}

- name: Reconfigure every toll-free number in Sweden
  sinch.numbers.sinch_number:
    phone_number: "{{ item.phone_number }}"
    sms_configuration:
      service_plan_id: plan-se
  loop: "{{ query('sinch.numbers.active_numbers', region_code='SE', number_type='TOLL_FREE') }}"
  loop_control:
    label: "{{ item.phone_number }}"
"""

RETURN = r"""
_raw:
  description:
    - The matching active numbers, each shaped like the RV(sinch.numbers.sinch_number#module:number) return value.
  type: list
  elements: dict
  contains:
    phone_number:
      description: An active number of the project, in E.164 format.
      type: str
      sample: "+12065550100"
    project_id:
      description: The project the number belongs to.
      type: str
    display_name:
      description: The number's display name; empty when not set.
      type: str
      sample: support-1
    region_code:
      description: ISO 3166-1 alpha-2 region code.
      type: str
      sample: US
    type:
      description: V(MOBILE), V(LOCAL) or V(TOLL_FREE).
      type: str
    capability:
      description: What the number can be used for, V(SMS) and/or V(VOICE).
      type: list
      elements: str
    money:
      description: Monthly price, with C(currency_code) and C(amount).
      type: dict
    payment_interval_months:
      description: Billing interval in months.
      type: int
    next_charge_date:
      description: When the number is charged next (RFC 3339).
      type: str
    expire_at:
      description: When the subscription expires (RFC 3339), if set.
      type: str
    sms_configuration:
      description: C(service_plan_id), C(campaign_id) and any C(scheduled_provisioning) in progress.
      type: dict
    voice_configuration:
      description: C(type), C(app_id), C(trunk_id) or C(service_id), and any C(scheduled_voice_provisioning) in progress.
      type: dict
    callback_url:
      description: URL the API calls about provisioning events; empty when not set.
      type: str
"""

from ansible.errors import AnsibleLookupError
from ansible.plugins.lookup import LookupBase
from ansible.utils.display import Display

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError
from ansible_collections.sinch.numbers.plugins.plugin_utils.active_numbers import ActiveNumberQuery
from ansible_collections.sinch.numbers.plugins.plugin_utils.options import (
    EmptyMeansUnset,
    check_given_options,
    client_from_options,
)

display = Display()


class LookupModule(EmptyMeansUnset, LookupBase):
    def run(self, terms, variables=None, **kwargs):
        if terms:
            raise AnsibleLookupError(
                "sinch.numbers.active_numbers takes no terms, got %d: pass filters as keyword arguments, "
                "for example region_codes=['US']" % len(terms))
        try:
            check_given_options(kwargs, self.option_definitions)
            self.set_options(var_options=variables, direct=kwargs)
            query = ActiveNumberQuery.from_getter(self.get_option)
            client = client_from_options(self.get_option)
            numbers = query.list(client)
        except SinchError as exc:
            raise AnsibleLookupError(str(exc))
        display.vvv("sinch.numbers.active_numbers: %d numbers listed in %d requests" % (
            len(numbers), client.request_count))
        return numbers
