#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_registration
short_description: File, update and delete Sinch sender ID registrations
version_added: 1.0.0
description:
  - Files a registration of an alphanumeric sender ID or a long number under a market policy
    (see M(sinch.numbers.sinch_market_info) to find the policy), updates it while Sinch still accepts
    changes, attaches the files the policy asks for, and deletes it with O(state=absent).
  - A registration is found on reruns by O(id), or by the natural key O(sender_id) + O(policy_id),
    that is the registration of the project under that policy whose request details name that sender ID.
    A V(REJECTED) registration does not count, so after a rejection the next run files a new one.
  - Only fields the user sets are compared. Sinch accepts changes in the statuses V(DRAFT), V(IN_QUEUE),
    V(PENDING) and V(PENDING_ATTACHMENTS), and deletes only in V(DRAFT), V(IN_QUEUE) and V(PENDING);
    asking for a change or a deletion in another status fails with a clear message before any write.
  - Files in O(attachments) are uploaded only when their content differs from what is attached.
    The attached files are downloaded and compared by SHA-256, because the API reports no checksum.
  - The Sender ID Registrations API accepts OAuth2 only. This module always authenticates with an OAuth2 token
    from O(auth_url), whatever O(auth_method) says, and never sends the key secret to the API itself.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.wait
attributes:
  check_mode:
    support: full
    description: Reads the registration (and downloads attached files to compare them); sends no write request.
  diff_mode:
    support: full
    description: Shows the registration's managed fields, its status and the digests of the managed attachments.
options:
  state:
    description:
      - V(present) files the registration if needed, updates it and attaches files; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - ID of an existing registration. With O(id), the module never files a new registration.
    type: str
  policy_id:
    description:
      - The policy to register under (RV(sinch.numbers.sinch_market_info#module:policy_id)).
      - Required without O(id); with O(id) it must match the registration's policy (a policy cannot be changed).
    type: str
  sender_id:
    description:
      - The sender ID (alphanumeric sender ID or long number) that, with O(policy_id), identifies the registration.
      - Defaults to the only C(senderId) in O(request_details). Required when O(request_details) names several.
    type: str
  request_details:
    description:
      - Details of the sender IDs to register. Required to file a new registration.
      - The fields inside each entry are those of the policy (RV(sinch.numbers.sinch_policy_info#module:policy.json_policy))
        and are passed to the API as written, so spell them as the policy does (for example C(senderId), C(companyName)).
      - Compared as a whole, in any order of entries.
    type: list
    elements: dict
    suboptions:
      sender_id_details:
        description: One object per sender ID, each with at least C(senderId).
        type: list
        elements: dict
        required: true
      additional_details:
        description: Company and contact details the policy asks for.
        type: list
        elements: dict
  tags:
    description:
      - User tags. Each starts with C(#) and holds only letters, digits and dashes. Compared as a set.
    type: list
    elements: str
  notification_contacts:
    description:
      - E-mail addresses Sinch notifies of status changes. Compared as a set.
    type: list
    elements: str
  callback_url:
    description:
      - URL Sinch posts status change events to. Configure the HMAC secret that signs them with
        M(sinch.numbers.sinch_callback_config) (O(sinch.numbers.sinch_callback_config#module:api=registrations)).
    type: str
  attachments:
    description:
      - Files to attach, each for one attachment definition of the policy (RV(sinch.numbers.sinch_policy_info#module:policy.attachments)).
      - A file is uploaded when the registration holds no file for that definition or a file with other content.
      - Attachments not listed here are left alone.
    type: list
    elements: dict
    suboptions:
      id:
        description: ID of the attachment definition. Either O(attachments[].id) or O(attachments[].title).
        type: str
      title:
        description: Title of the attachment definition (case does not matter).
        type: str
      src:
        description: Path of the file on the host the module runs on.
        type: path
        required: true
  wait_states:
    description:
      - With O(wait=true), the states (C(status)) that count as done.
      - C(wait_status), the name of earlier releases, is accepted too.
      - The wait also ends on V(APPROVED), V(REJECTED), V(PENDING) and V(PENDING_ATTACHMENTS); it fails if the
        registration ends in a status not listed here, quoting the last message of its logs.
    type: list
    elements: str
    choices: [IN_QUEUE, IN_PROGRESS, APPROVED, REJECTED, PENDING, ON_HOLD, PENDING_APPROVAL, PENDING_ATTACHMENTS]
    default: [APPROVED]
    aliases: [wait_status]
notes:
  - Approval takes Sinch from days to weeks. Use O(wait=true) with a O(wait_timeout) that fits, or check later
    with M(sinch.numbers.sinch_registration_info).
seealso:
  - module: sinch.numbers.sinch_market_info
  - module: sinch.numbers.sinch_policy_info
  - module: sinch.numbers.sinch_registration_info
  - module: sinch.numbers.sinch_callback_config
"""

EXAMPLES = r"""
- name: Register the alphanumeric sender ID ACME in Sweden
  sinch.numbers.sinch_registration:
    policy_id: pol-se-alpha-2
    request_details:
      - sender_id_details:
          - senderId: ACME
            useCase: One-time passwords and delivery notices
        additional_details:
          - companyName: ACME AB
            email: messaging@acme.example
    tags: ["#acme", "#se"]
    notification_contacts: [messaging@acme.example]
    callback_url: https://hooks.acme.example/sinch/registrations
    attachments:
      - title: Letter of authorization
        src: "{{ playbook_dir }}/files/acme-loa.pdf"
  register: acme_se

- name: Wait until Sinch approves it
  sinch.numbers.sinch_registration:
    id: "{{ acme_se.registration.id }}"
    wait: true
    wait_timeout: 30
    wait_interval: 1

- name: Withdraw a registration still in the queue
  sinch.numbers.sinch_registration:
    sender_id: ACME
    policy_id: pol-gb-alpha-1
    state: absent
"""

RETURN = r"""
registration:
  description:
    - The registration after the change; empty when it does not exist (after O(state=absent) too).
    - In check mode, the predicted state.
    - The diff (with C(--diff)) shows the managed fields before and after.
  returned: always
  type: dict
  contains:
    id:
      description: Registration ID.
      type: str
      sample: 01hh51s80tpvjy7pe0mt6nd7at
    policy_id:
      description: Policy the registration is filed under.
      type: str
      sample: pol-se-alpha-2
    registration_type:
      description: V(ALPHANUMERIC_SENDER_ID) or V(LONG_NUMBER).
      type: str
      sample: ALPHANUMERIC_SENDER_ID
    status:
      description: Status, for example V(IN_QUEUE), V(IN_PROGRESS), V(APPROVED), V(REJECTED) or V(PENDING_ATTACHMENTS).
      type: str
      sample: IN_QUEUE
    request_details:
      description: Details of the sender IDs, as the policy names their fields.
      type: list
      elements: dict
      sample:
        - sender_id_details: [{senderId: ACME, useCase: One-time passwords}]
          additional_details: [{companyName: ACME AB, email: messaging@acme.example}]
    tags:
      description: User tags.
      type: list
      elements: str
      sample: ["#acme"]
    notification_contacts:
      description: E-mail addresses notified of status changes.
      type: list
      elements: str
    callback_url:
      description: URL status change events are posted to.
      type: str
    attachments:
      description: Attached files (C(attachment_id), C(file_name), C(mime_type), C(upload_status), C(create_time), C(update_time)).
      type: list
      elements: dict
    attachment_sha256:
      description:
        - SHA-256 of the attached file of each attachment definition in O(attachments), by definition ID.
        - Only present when O(attachments) is set.
      type: dict
      sample: {att-loa: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08}
    logs:
      description: Status history (C(create_time), C(registration_state), C(message)).
      type: list
      elements: dict
    price:
      description: Fees (C(currency), C(frequency), C(setup_fee_amount), C(recurrent_fee_amount)).
      type: dict
    owner:
      description: Who filed the registration.
      type: str
    create_time:
      description: When it was filed (UTC).
      type: str
      sample: "2024-11-03T14:30:03"
    update_time:
      description: When it last changed (UTC).
      type: str
    eta_date:
      description: Expected approval date.
      type: str
      sample: "2024-11-13"
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.registration_resource import RegistrationResource
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import STATUSES
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import WAIT_ARGUMENT_SPEC


def main():
    argument_spec = dict(
        state=dict(type="str", choices=["present", "absent"], default="present"),
        id=dict(type="str"),
        policy_id=dict(type="str"),
        sender_id=dict(type="str"),
        request_details=dict(type="list", elements="dict", options=dict(
            sender_id_details=dict(type="list", elements="dict", required=True),
            additional_details=dict(type="list", elements="dict"),
        )),
        tags=dict(type="list", elements="str"),
        notification_contacts=dict(type="list", elements="str"),
        callback_url=dict(type="str"),
        attachments=dict(type="list", elements="dict", options=dict(
            id=dict(type="str"),
            title=dict(type="str"),
            src=dict(type="path", required=True),
        ), mutually_exclusive=[("id", "title")], required_one_of=[("id", "title")]),
        wait_states=dict(type="list", elements="str", choices=[s for s in STATUSES if s != "DRAFT"],
                         default=["APPROVED"], aliases=["wait_status"]),
        **WAIT_ARGUMENT_SPEC,
    )
    module = SinchModule(argument_spec, required_one_of=[("id", "policy_id")])
    module.run_resource(RegistrationResource)


if __name__ == "__main__":
    main()
