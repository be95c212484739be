#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_callback_config
short_description: Set the HMAC secret that signs Sinch webhook events
version_added: 1.0.0
description:
  - Sets the secret Sinch uses to sign the events it posts to your callback URLs. The C(X-Sinch-Signature)
    header carries the hex HMAC-SHA1 of the request body keyed with this secret. Check it with the
    P(sinch.numbers.valid_signature#filter) filter.
  - O(api=numbers) configures the Numbers API (numbers, imported numbers and hosting orders share this secret);
    O(api=registrations) the Sender ID Registrations API.
  - When the API shows the current secret, it is compared and written only if it differs. When the API hides it,
    O(update_secret) decides.
  - The secret is never logged, returned or shown in a diff. Results and diffs show a tag instead that is only
    meaningful within one run; equal tags mean equal secrets.
  - The callback URLs themselves belong to numbers (M(sinch.numbers.sinch_number)) and registrations
    (M(sinch.numbers.sinch_registration)); neither API has a project-wide URL.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
attributes:
  check_mode:
    support: full
    description: Reads the configuration and reports whether the secret would be written; sends no write request.
  diff_mode:
    support: full
    description: Shows whether the secret changes, as tags; never the secret itself.
options:
  api:
    description:
      - Which API's callback configuration to manage.
      - V(numbers) uses O(numbers_url) (the SDKs call it on the Numbers API) and O(auth_method).
      - V(registrations) uses O(registrations_url) and always OAuth2, as that API accepts nothing else.
    type: str
    choices: [numbers, registrations]
    required: true
  hmac_secret:
    description:
      - The HMAC secret.
    type: str
    required: true
  update_secret:
    description:
      - What to do when the API does not show the current secret (it answers a placeholder such as C(********)).
      - V(always) writes O(hmac_secret) on every run, so the task always reports a change.
      - V(on_create) writes it only when no secret is set yet.
      - When the API shows the secret, it is compared and this option does not matter.
    type: str
    choices: [always, on_create]
    default: always
seealso:
  - plugin: sinch.numbers.valid_signature
    plugin_type: filter
  - module: sinch.numbers.sinch_registration
"""

EXAMPLES = r"""
- name: Sign number events with a secret from the vault
  sinch.numbers.sinch_callback_config:
    api: numbers
    hmac_secret: "{{ vault_sinch_numbers_hmac_secret }}"

- name: Sign registration status events
  sinch.numbers.sinch_callback_config:
    api: registrations
    hmac_secret: "{{ vault_sinch_registrations_hmac_secret }}"
    update_secret: on_create
"""

RETURN = r"""
callback_config:
  description: The callback configuration after the change (predicted, in check mode).
  returned: always
  type: dict
  contains:
    api:
      description: V(numbers) or V(registrations).
      type: str
      sample: registrations
    project_id:
      description: The project.
      type: str
      sample: 51bc3f40-f266-4ca8-8938-a1ed0ff32b9a
    hmac_secret_set:
      description: Whether a secret is set.
      type: bool
      sample: true
    hmac_secret:
      description:
        - A tag standing for the secret, valid only within this run (equal tags mean equal secrets), never the secret.
        - V(null) when no secret is set; a fixed text when the API hides the secret and O(update_secret=always).
      type: str
      sample: <hidden 3f1c9a0b7d2e>
"""

from ansible_collections.sinch.numbers.plugins.module_utils.callbacks.api import APIS
from ansible_collections.sinch.numbers.plugins.module_utils.callbacks.callback_config_resource import CallbackConfigResource
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule


def main():
    module = SinchModule(dict(
        api=dict(type="str", choices=list(APIS), required=True),
        hmac_secret=dict(type="str", required=True, no_log=True),
        update_secret=dict(type="str", choices=["always", "on_create"], default="always"),
    ))
    module.run_resource(CallbackConfigResource)


if __name__ == "__main__":
    main()
