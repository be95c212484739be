#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_qualified_number
short_description: Qualify numbers you own for Sinch hosting, verify them by voice call and text-enable them
version_added: 1.0.0
description:
  - Adds a number you own to the project's qualified numbers, proves you own it with a voice challenge (a call to
    the number reads out a code), and text-enables it, with the Qualified Numbers API.
  - Each run takes only the steps still missing, judged by the number's C(global_process_state), so a rerun sends
    nothing once the number got as far as asked. A voice challenge is not sent again while one is pending.
  - "A typical sequence is three tasks: O(send_voice_challenge=true); then, with the code from the call,
    O(verification_code); then O(text_enable)."
  - Sending a voice challenge needs the eligibility check Sinch runs on a newly added number; the module waits
    for it (up to O(wait_timeout)) whatever O(wait) says.
  - Removes the number from the qualified numbers with O(state=absent).
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.wait
attributes:
  check_mode:
    support: full
    description: Reads the number and reports the steps it would take (RV(actions)); sends no write request.
  diff_mode:
    support: full
    description: Shows the number's C(global_process_state) before and after (predicted in check mode).
options:
  state:
    description:
      - V(present) adds the number if needed and takes the steps asked for; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  phone_number:
    description:
      - The number in E.164 format, for example V(+12025550134). Identifies the qualified number.
    type: str
    required: true
  send_voice_challenge:
    description:
      - Call the number with a verification code, unless its ownership is already verified or a challenge is
        pending. After a wrong code (C(GLOBAL_PROCESS_STATE_VERIFICATION_FAILED)) a new challenge is sent.
      - Not together with O(verification_code) or O(text_enable), because the code comes from the call.
    type: bool
    default: false
  verification_code:
    description:
      - The code the voice challenge read out. Verifies the number's ownership unless it is verified already.
      - A code that is not accepted fails the task; too many wrong codes block the number.
    type: str
  text_enable:
    description:
      - Text-enable the verified number, unless it is text-enabled (C(GLOBAL_PROCESS_STATE_HOSTING_IN_PROGRESS) or
        C(GLOBAL_PROCESS_STATE_HOSTING_DONE)) already. This files a hosting order; after a failed hosting
        (C(GLOBAL_PROCESS_STATE_HOSTING_FAILED)) a new one is filed.
      - These values are used when the order is filed and not compared on reruns.
    type: dict
    suboptions:
      toll_free:
        description: Text-enable a toll-free number (C(qualifiedNumbers:textEnableTollFreeNumbers)).
        type: bool
        default: false
      display_name:
        description: Name of the hosting order.
        type: str
      region_code:
        description: Region of the number, V(US) or V(CA). Defaults to the qualified number's region.
        type: str
      service_plan_id:
        description: SMS service plan to link the number to.
        type: str
        required: true
      campaign_id:
        description: 10DLC campaign to link the number to. Not for toll-free numbers.
        type: str
      nnid:
        description: Net Number ID to put the number on (not for toll-free numbers). Defaults to the Sinch NNID.
        type: str
      callback_url:
        description: URL Sinch calls with events about the text enablement.
        type: str
      migrate_to_sinch_tmo:
        description: Migrate the number from another aggregator on T-Mobile's platform to Sinch.
        type: bool
      scheduled_osr_update_time:
        description: When the OSR update should happen (RFC 3339, UTC). Not for toll-free numbers.
        type: str
      scheduled_zipwhip_provisioning_time:
        description: When the toll-free provisioning should happen (RFC 3339, UTC). Toll-free numbers only.
        type: str
      loa:
        description:
          - Letter of authorisation; Sinch e-mails it to O(text_enable.loa.authorised_person.email) to be signed.
        type: dict
        required: true
        suboptions:
          type:
            description:
              - V(DIRECT) for direct Sinch customers, V(RESELLER) for partners and resellers (needs
                O(text_enable.loa.business_name)), V(BLANKET) when a blanket LOA approved by your account manager
                covers the number (no other field; not for toll-free numbers).
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
            description: The carrier currently providing voice service for the number.
            type: str
notes:
  - With O(wait=true) the module also waits for the eligibility check of a newly added number and for the
    text enablement to finish, and fails when the number is not eligible or its hosting failed.
seealso:
  - module: sinch.numbers.sinch_qualified_number_info
  - module: sinch.numbers.sinch_hosting_order
"""

EXAMPLES = r"""
- name: Add a landline and call it with a verification code
  sinch.numbers.sinch_qualified_number:
    phone_number: "+12025550150"
    send_voice_challenge: true
    wait_timeout: 120

- name: Verify it with the code the call read out
  sinch.numbers.sinch_qualified_number:
    phone_number: "+12025550150"
    verification_code: "{{ voice_code }}"

- name: Text-enable it and wait until it is hosted on Sinch
  sinch.numbers.sinch_qualified_number:
    phone_number: "+12025550150"
    text_enable:
      display_name: office-landline
      service_plan_id: plan-front-desk
      campaign_id: CAMP001
      loa:
        type: BLANKET
    wait: true
    wait_timeout: 600
  register: hosted

- name: Remove it from the qualified numbers
  sinch.numbers.sinch_qualified_number:
    phone_number: "+12025550150"
    state: absent
"""

RETURN = r"""
qualified_number:
  description:
    - The qualified number after the run; empty when it is not among the project's qualified numbers (after
      O(state=absent) too; the diff's C(before) shows what was removed).
    - In check mode, the predicted state.
  returned: always
  type: dict
  contains:
    phone_number:
      description: The qualified number, in E.164 format.
      type: str
      sample: "+12025550150"
    project_id:
      description: Project the number is qualified in.
      type: str
    region_code:
      description: Region of the number.
      type: str
      sample: US
    global_process_state:
      description: How far the number is, for example C(GLOBAL_PROCESS_STATE_VERIFIED).
      type: str
      sample: GLOBAL_PROCESS_STATE_HOSTING_DONE
    osr_eligibility:
      description: Eligibility check (C(status), C(error)); C(status) as the API sends it.
      type: dict
    ownership_verification:
      description: Voice verification (C(status), C(error)); C(status) as the API sends it.
      type: dict
    hosted_number:
      description:
        - Hosting (C(status), C(error)); C(status) is C(HOSTING_STATUS_UNSPECIFIED), C(HOSTING_STATUS_HOSTED) or
          C(HOSTING_STATUS_FAILED), also when the API sends an integer.
      type: dict
    created_time:
      description: When the number was added.
      type: str
    updated_time:
      description: When it last changed.
      type: str
actions:
  description:
    - The steps this run took (predicted in check mode), in order.
    - Steps are C(add), C(send_voice_challenge), C(verify_voice_challenge) and C(text_enable); C(delete) with O(state=absent).
  returned: always
  type: list
  elements: str
  sample: [add, send_voice_challenge]
hosting_order_id:
  description: ID of the hosting order filed to text-enable the number, when this run filed one.
  returned: when a text-enable order was filed and the API named it
  type: str
  sample: 01arz3nhyrtsv4rrffq69g5fav
"""

from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import LOA_ARGUMENT_SPEC, ORDER_FIELD_OPTIONS
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.imported.qualified_number_resource import QualifiedNumberResource
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import WAIT_ARGUMENT_SPEC


def main():
    argument_spec = dict(
        state=dict(type="str", choices=["present", "absent"], default="present"),
        phone_number=dict(type="str", required=True),
        send_voice_challenge=dict(type="bool", default=False),
        verification_code=dict(type="str", no_log=True),
        text_enable=dict(type="dict", options=dict(
            ORDER_FIELD_OPTIONS,
            toll_free=dict(type="bool", default=False),
            service_plan_id=dict(type="str", required=True),
            loa=dict(LOA_ARGUMENT_SPEC, required=True),
        )),
        **WAIT_ARGUMENT_SPEC,
    )
    module = SinchModule(argument_spec)
    module.run_resource(QualifiedNumberResource)


if __name__ == "__main__":
    main()
