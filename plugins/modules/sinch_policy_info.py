#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_policy_info
short_description: What a sender ID registration policy asks for, and its attachment templates
version_added: 1.0.0
description:
  - Returns a registration policy, that is the fields it asks for, the attachments it requires, its fees and status.
  - With O(dest), downloads the template of every attachment that has one into that directory. A template is
    written only when the file is missing or differs, so the task reports C(changed) only when a file changed.
  - The Sender ID Registrations API accepts OAuth2 only; this module always uses an OAuth2 token, whatever O(auth_method) says.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
attributes:
  check_mode:
    support: full
    description: Downloads templates to compare them but writes no file.
  diff_mode:
    support: none
    description: Templates are binary; the result lists which files changed.
options:
  policy_id:
    description:
      - The policy (RV(sinch.numbers.sinch_market_info#module:policy_id)).
    type: str
    required: true
  dest:
    description:
      - Existing directory on the host the module runs on to save the templates in, named
        C(<policy_id>-<attachment id>) with an extension guessed from the content (for example C(.pdf)).
    type: path
seealso:
  - module: sinch.numbers.sinch_market_info
  - module: sinch.numbers.sinch_registration
"""

EXAMPLES = r"""
- name: Make a directory for the templates
  ansible.builtin.file:
    path: "{{ playbook_dir }}/templates"
    state: directory
    mode: "0755"

- name: What does the Swedish policy ask for? Save its templates
  sinch.numbers.sinch_policy_info:
    policy_id: pol-se-alpha-2
    dest: "{{ playbook_dir }}/templates"
  register: policy

- name: Mandatory attachments
  ansible.builtin.debug:
    msg: "{{ policy.policy.attachments | selectattr('mandatory') | map(attribute='title') | list }}"
"""

RETURN = r"""
policy:
  description: The policy.
  returned: always
  type: dict
  contains:
    id:
      description: Policy ID.
      type: str
      sample: pol-se-alpha-2
    policy_status:
      description: V(ENABLED) or V(DISABLED).
      type: str
    status_disclaimer:
      description: Why a disabled policy is disabled.
      type: str
    policy_multi_type:
      description: V(SINGLE) (one sender ID per registration) or V(MULTI_SENDER) (up to 50).
      type: str
    fees:
      description:
        - Whether registering under this policy costs a fee (deprecated by the API; the market's fee type tells more).
      type: bool
    attachments:
      description: Attachment definitions (C(id), C(title), C(description), C(mandatory), C(template)).
      type: list
      elements: dict
      sample:
        - id: att-loa
          title: Letter of authorization
          description: Signed by the brand owner.
          mandatory: false
          template: true
    json_policy:
      description:
        - What the registration's request details must contain, as the API describes it (C(sender_id_template),
          C(company_details_template), C(contact_person_template)); the content is kept as the API sent it.
      type: dict
    price:
      description: Pricing (C(mode) V(SUBSCRIBED), V(MANUAL) or V(NONE), and C(subscription) fees).
      type: dict
templates:
  description: The templates saved with O(dest).
  returned: when O(dest) is set
  type: list
  elements: dict
  contains:
    attachment_id:
      description: Attachment definition ID.
      type: str
    title:
      description: Attachment title.
      type: str
    path:
      description: Where the template is.
      type: str
    sha256:
      description: SHA-256 of its content.
      type: str
    changed:
      description: Whether this run wrote the file (or would have, in check mode).
      type: bool
"""

from ansible_collections.sinch.numbers.plugins.module_utils.registrations import policy_templates
from ansible_collections.sinch.numbers.plugins.module_utils.core.file_transfer import sha256
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import RegistrationsApi


def describe_policy(module):
    params = module.params
    dest = params["dest"]
    if dest is not None:
        policy_templates.check_destination(dest)
    api = RegistrationsApi(module.client)
    policy = api.get_policy(params["policy_id"])
    result = {"changed": False, "policy": policy}
    if dest is None:
        return result
    result["templates"] = []
    for definition in policy.get("attachments") or []:
        if not definition.get("template"):
            continue
        content = api.download_template(policy["id"], definition["id"])
        path = policy_templates.template_path(dest, policy["id"], definition["id"], content)
        changed = policy_templates.save(path, content, module.ansible.atomic_move, module.check_mode)
        result["templates"].append({"attachment_id": definition["id"], "title": definition.get("title"),
                                    "path": path, "sha256": sha256(content), "changed": changed})
        result["changed"] = result["changed"] or changed
    return result


def main():
    module = SinchModule(dict(
        policy_id=dict(type="str", required=True),
        dest=dict(type="path"),
    ))
    module.run(lambda: describe_policy(module))


if __name__ == "__main__":
    main()
