# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""valid_signature against HMAC-SHA1 vectors computed without this code.

RFC2202 holds the published HMAC-SHA1 test cases (RFC 2202, section 3). OPENSSL holds
signatures computed with `printf '%s' BODY | openssl dgst -sha1 -hmac SECRET`.
"""

from __future__ import annotations

import json

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.filter.valid_signature import FilterModule, valid_signature

RFC2202 = [
    (b"\x0b" * 20, b"Hi There", "b617318655057264e28bc0b6fb378c8ef146be00"),
    (b"Jefe", b"what do ya want for nothing?", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
    (b"\x0c" * 20, b"Test With Truncation", "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
]
SECRET = "webhook-secret-123"
OPENSSL = [
    ('{"eventId":"e-1","status":"APPROVED"}', "d1732c6fa4b127674a7f628dfd8eae685dbed6d7"),
    ('{"comment":"Åpproved ✓","status":"APPROVED"}', "c22172c355e87f4af6171121da0e2d0ca3d15c93"),
]


# The cases whose keys are ASCII: the filter takes the secret as text, as Sinch's secrets are.
@pytest.mark.parametrize("key, data, digest", RFC2202)
def test_rfc2202_vectors(key, data, digest):
    assert valid_signature(data, digest, key.decode("ascii"))
    assert valid_signature(data, digest.upper(), key.decode("ascii"))


@pytest.mark.parametrize("body, signature", OPENSSL)
def test_openssl_vectors_as_text_and_bytes(body, signature):
    assert valid_signature(body, signature, SECRET)
    assert valid_signature(body.encode("utf-8"), " %s\n" % signature, SECRET)


@pytest.mark.parametrize("body, signature", OPENSSL)
def test_a_parsed_event_is_serialized_like_sinch_does(body, signature):
    reordered = dict(reversed(list(json.loads(body).items())))
    assert valid_signature(reordered, signature, SECRET)


@pytest.mark.parametrize("change", [
    lambda body, signature, secret: (body + " ", signature, secret),
    lambda body, signature, secret: (body, signature[:-1] + ("0" if signature[-1] != "0" else "1"), secret),
    lambda body, signature, secret: (body, signature, secret + "x"),
    lambda body, signature, secret: (body, "", secret),
    lambda body, signature, secret: (body, None, secret),
    lambda body, signature, secret: (body, signature[:20], secret),
    lambda body, signature, secret: (body, signature[:-1] + "\u00fc", secret),  # a hostile, non-ASCII header
])
def test_anything_changed_fails(change):
    body, signature = OPENSSL[0]
    assert valid_signature(*change(body, signature, SECRET)) is False


def test_bad_arguments_fail_without_showing_the_secret():
    with pytest.raises(AnsibleFilterError, match="body must be a string") as error:
        valid_signature(42, "00", SECRET)
    assert SECRET not in str(error.value)
    with pytest.raises(AnsibleFilterError, match="secret must be a non-empty string"):
        valid_signature("{}", "00", "")
    with pytest.raises(AnsibleFilterError, match="signature must be a string"):
        valid_signature("{}", 123, SECRET)


def test_the_filter_is_registered():
    assert FilterModule().filters()["valid_signature"] is valid_signature
