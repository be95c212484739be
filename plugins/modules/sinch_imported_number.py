#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_imported_number
short_description: Import numbers you own into Sinch for SMS, configure and remove them
version_added: 1.0.0
description:
  - Imports a number you already own (provisioned with an NNID) into the project so that it can be used
    with Sinch SMS, with the Imported Numbers API.
  - Configures its display name, SMS service plan, 10DLC campaign and callback URL. Updates send an
    C(updateMask) naming only the fields that differ.
  - A number linked to a service plan or campaign is unlinked first when it must move to another one, as the
    API requires.
  - Removes the number from the project with O(state=absent).
  - Linking to a service plan is provisioned asynchronously. A provisioning still pending toward the
    requested value counts as done, so a rerun does not send it again; use O(wait=true) to return only once
    it has finished.
  - Numbers imported by a completed hosting order (M(sinch.numbers.sinch_hosting_order)) are managed the
    same way.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.wait
attributes:
  check_mode:
    support: full
    description: >-
      Reads the imported number and reports whether it would be imported, updated or removed; sends no write
      request.
  diff_mode:
    support: full
    description: >-
      Shows the imported number (number, region), its display name, SMS configuration and callback URL before
      and after.
options:
  state:
    description:
      - V(present) imports the number if needed and configures it; V(absent) removes it from the project.
    type: str
    choices: [present, absent]
    default: present
  phone_number:
    description:
      - The number in E.164 format, for example V(+12025550134). Identifies the imported number.
    type: str
    required: true
  region_code:
    description:
      - ISO 3166-1 alpha-2 region of the number. Numbers can be imported in V(US) and V(CA).
      - Required to import a number; cannot be changed afterwards.
    type: str
  display_name:
    description:
      - Name shown for the number in the Sinch dashboard.
    type: str
  sms_configuration:
    description:
      - SMS configuration of the number. Required to import a number.
      - Set O(sms_configuration.service_plan_id) or O(sms_configuration.campaign_id) to an empty string to unlink
        the number from its service plan or campaign.
    type: dict
    suboptions:
      service_plan_id:
        description: SMS service plan the number is linked to.
        type: str
        required: true
      campaign_id:
        description: 10DLC campaign the number is linked to (US numbers).
        type: str
      migrate_to_sinch_tmo:
        description:
          - Migrate the number from another aggregator on T-Mobile's platform to Sinch (T-Mobile error 60135).
          - Sent only when the number is imported; not compared on later runs.
        type: bool
  callback_url:
    description:
      - URL Sinch calls with events about the number's provisioning.
    type: str
notes:
  - The module talks to the Sinch API from where it runs; use O(imported_numbers_url) and C(delegate_to=localhost)
    or C(connection=local) as for every module of this collection.
seealso:
  - module: sinch.numbers.sinch_imported_number_info
  - module: sinch.numbers.sinch_hosting_order
"""

EXAMPLES = r"""
- name: Import a number with its own NNID and link it to an SMS service plan and campaign
  sinch.numbers.sinch_imported_number:
    phone_number: "+12025550134"
    region_code: US
    display_name: front-desk
    sms_configuration:
      service_plan_id: plan-front-desk
      campaign_id: CAMP001
    callback_url: https://example.com/sinch/numbers
    wait: true
    wait_timeout: 120

- name: Move it to another service plan (unlinks the old one first)
  sinch.numbers.sinch_imported_number:
    phone_number: "+12025550134"
    sms_configuration:
      service_plan_id: plan-front-desk-v2
      campaign_id: CAMP001

- name: Remove it from the project
  sinch.numbers.sinch_imported_number:
    phone_number: "+12025550134"
    state: absent
"""

RETURN = r"""
imported_number:
  description:
    - The imported number after the change; empty when the project has not imported it (after O(state=absent)
      too; the diff's C(before) shows what was removed).
    - In check mode, the predicted state.
  returned: always
  type: dict
  contains:
    phone_number:
      description: The imported number, in E.164 format.
      type: str
      sample: "+12025550134"
    project_id:
      description: Project the number is imported into.
      type: str
      sample: 51bc3f40-f266-4ca8-8938-a1ed0ff32b9a
    region_code:
      description: ISO 3166-1 alpha-2 region.
      type: str
      sample: US
    display_name:
      description: Display name.
      type: str
      sample: front-desk
    sms_configuration:
      description:
        - SMS configuration (C(service_plan_id), C(campaign_id), C(migrate_to_sinch_tmo)).
        - C(scheduled_provisioning) holds a pending or failed provisioning (C(status), C(service_plan_id),
          C(campaign_id), C(error_codes), C(last_updated_time)); C(status) and C(error_codes) are names such as
          C(WAITING) or C(INVALID_NNID), also when the API sends them as integers.
      type: dict
      sample:
        service_plan_id: plan-front-desk
        campaign_id: CAMP001
        migrate_to_sinch_tmo: false
    callback_url:
      description: Callback URL.
      type: str
      sample: https://example.com/sinch/numbers
"""

from ansible_collections.sinch.numbers.plugins.module_utils.imported.imported_number_resource import ImportedNumberResource
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import WAIT_ARGUMENT_SPEC


def main():
    argument_spec = dict(
        state=dict(type="str", choices=["present", "absent"], default="present"),
        phone_number=dict(type="str", required=True),
        region_code=dict(type="str"),
        display_name=dict(type="str"),
        sms_configuration=dict(type="dict", options=dict(
            service_plan_id=dict(type="str", required=True),
            campaign_id=dict(type="str"),
            migrate_to_sinch_tmo=dict(type="bool"),
        )),
        callback_url=dict(type="str"),
        **WAIT_ARGUMENT_SPEC,
    )
    module = SinchModule(argument_spec)
    module.run_resource(ImportedNumberResource)


if __name__ == "__main__":
    main()
