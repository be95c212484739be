# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: valid_signature
short_description: Check the X-Sinch-Signature of a Sinch webhook event
version_added: 1.0.0
author:
  - sinch.numbers contributors (@sinch-numbers)
description:
  - Returns V(true) when the signature is the hex HMAC-SHA1 of the request body keyed with the project's
    callback secret, as Sinch computes the C(X-Sinch-Signature) header of the events it posts; V(false) otherwise,
    including when the signature is missing or empty.
  - Pass the body exactly as received. Any change, even in white space, makes a genuine event fail the check.
  - When only the parsed event is at hand (for example C(event.payload) in an Event-Driven Ansible rulebook),
    pass the mapping. It is serialized as Sinch does, keys in alphabetical order (the specs say "the json properties
    must be ordered alphabetically"), without spaces, non-ASCII characters as UTF-8. Prefer the raw body when you have it.
  - The comparison takes constant time. Errors never include the secret.
positional: signature, secret
options:
  _input:
    description:
      - The request body, as a string or bytes, or the parsed JSON event as a mapping.
    type: raw
    required: true
  signature:
    description:
      - The value of the C(X-Sinch-Signature) header (hexadecimal, any case).
    type: str
    required: true
  secret:
    description:
      - The HMAC secret set with M(sinch.numbers.sinch_callback_config).
    type: str
    required: true
seealso:
  - module: sinch.numbers.sinch_callback_config
"""

EXAMPLES = r"""
- name: Refuse an event whose signature does not match
  ansible.builtin.assert:
    that: sinch_event_body | sinch.numbers.valid_signature(sinch_event_headers['X-Sinch-Signature'], sinch_hmac_secret)
    fail_msg: The event was not signed with our secret; ignoring it.

- name: In a playbook run from an Event-Driven Ansible rulebook (ansible.eda.webhook source)
  ansible.builtin.assert:
    that: >-
      ansible_eda.event.payload
      | sinch.numbers.valid_signature(ansible_eda.event.meta.headers['X-Sinch-Signature'], sinch_hmac_secret)
"""

RETURN = r"""
_value:
  description: Whether the signature matches the body and the secret.
  type: bool
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.module_utils.callbacks.signature import (
    SignatureInputError,
    signature_matches,
)


def valid_signature(body, signature, secret):
    try:
        return signature_matches(body, signature, secret)
    except SignatureInputError as error:
        raise AnsibleFilterError("valid_signature: %s" % error) from None


class FilterModule:
    def filters(self):
        return {"valid_signature": valid_signature}
