# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The X-Sinch-Signature check: the one implementation behind the valid_signature filter and the
sinch.numbers.callbacks event source.

Sinch signs the events it posts with the hex HMAC-SHA1 of the raw request body, keyed with the
project's callback secret (specs: imported-numbers-hosting-orders.yaml, tag "Imported Numbers and
Hosting Orders Callbacks", sections "Secure Webhook Endpoints with HMAC" and "HMAC verification";
senderid-registrations.yaml, CallbackConfigurationResponse.hmacSecret).

Standard library only, and no import of other collection code: ansible-rulebook runs an event
source file with runpy, outside Ansible's collection loader, and the event source loads this file
by its path (see extensions/eda/plugins/event_source/callbacks.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json

from collections.abc import Mapping

HEADER = "X-Sinch-Signature"


class SignatureInputError(ValueError):
    """A body, signature or secret of the wrong kind (never carries the secret)."""


def signed_bytes(body):
    """The bytes Sinch signs: the raw body, or a parsed event serialized as Sinch does.

    The specs say "the json properties must be ordered alphabetically": keys sorted, no spaces,
    non-ASCII characters as UTF-8.
    """
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, Mapping):
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    raise SignatureInputError("the body must be a string, bytes or a mapping, not %s" % type(body).__name__)


def signature_of(body, secret):
    """The hex X-Sinch-Signature of a body with a secret."""
    check_secret(secret)
    return hmac.new(secret.encode("utf-8"), signed_bytes(body), hashlib.sha1).hexdigest()


def check_secret(secret):
    if not isinstance(secret, str) or not secret:
        raise SignatureInputError("the secret must be a non-empty string")


def signature_matches(body, signature, secret):
    """True when signature (hex, any case, surrounding blanks ignored) signs body with secret.

    A missing or empty signature is False; the comparison takes constant time.
    """
    check_secret(secret)
    if signature is None:
        return False
    if isinstance(signature, bytes):
        signature = signature.decode("utf-8", "replace")
    if not isinstance(signature, str):
        raise SignatureInputError("the signature must be a string, not %s" % type(signature).__name__)
    given = signature.strip().lower()
    if not given:
        return False
    # bytes: the header is the sender's, and compare_digest refuses non-ASCII str
    return hmac.compare_digest(signature_of(body, secret).encode("ascii"), given.encode("utf-8"))
