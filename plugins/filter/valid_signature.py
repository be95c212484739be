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

import hashlib
import hmac
import json
from collections.abc import Mapping

from ansible.errors import AnsibleFilterError


def signed_bytes(body):
    """The bytes Sinch signs: the raw body, or a parsed event serialized as Sinch does."""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, Mapping):
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    raise AnsibleFilterError("valid_signature: the body must be a string, bytes or a mapping, not %s"
                             % type(body).__name__)


def valid_signature(body, signature, secret):
    if not isinstance(secret, str) or not secret:
        raise AnsibleFilterError("valid_signature: the secret must be a non-empty string")
    if signature is None:
        return False
    if not isinstance(signature, str):
        raise AnsibleFilterError("valid_signature: the signature must be a string, not %s" % type(signature).__name__)
    given = signature.strip().lower()
    if not given:
        return False
    expected = hmac.new(secret.encode("utf-8"), signed_bytes(body), hashlib.sha1).hexdigest()
    # bytes: the header is the sender's, and compare_digest refuses non-ASCII str
    return hmac.compare_digest(expected.encode("ascii"), given.encode("utf-8"))


class FilterModule:
    def filters(self):
        return {"valid_signature": valid_signature}
