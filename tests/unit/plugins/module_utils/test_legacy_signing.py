# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Sinch signed-request scheme, checked against the documentation's own example."""

from __future__ import annotations

import datetime
import re

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.signing import (
    content_md5,
    instance_headers,
    signature,
    string_to_sign,
    timestamp,
)

# developers.sinch.com, "Signed Request": the example body and its Content-MD5 (the part of that
# page this API's document agrees with; its string-to-sign rules do not, see
# test_legacy_signing_vectors.py).
DOC_SECRET = "JViE5vDor0Sw3WllZka15Q=="
DOC_BODY = b'{"message":"Hello world"}'
DOC_MD5 = "jANzQ+rgAHyf1MWQFSwvYw=="


def test_content_md5_of_the_documentation_example():
    assert content_md5(DOC_BODY) == DOC_MD5
    assert content_md5(b"") == ""


def test_the_general_pages_example_signature_is_plain_hmac_sha256():
    """Only the string to sign differs between the two documents, not the HMAC and Base64 around it."""
    text = "POST\n%s\napplication/json\nx-timestamp:2014-06-04T13:41:58Z\n/v1/sms/+46700000000" % DOC_MD5
    assert signature(DOC_SECRET, text) == "qDXMwzfaxCRS849c/2R0hg0nphgdHciTo7OdM6MsdnM="


def test_timestamp_is_utc_iso8601_with_milliseconds():
    moment = datetime.datetime(2015, 6, 20, 11, 43, 10, 944512, tzinfo=datetime.timezone.utc)
    assert timestamp(moment) == "2015-06-20T11:43:10.944Z"
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", timestamp())


def test_instance_headers():
    moment = datetime.datetime(2014, 6, 4, 13, 41, 58, tzinfo=datetime.timezone.utc)
    headers = instance_headers("inst-1", DOC_SECRET, "POST", "/v1/sms/+46700000000", DOC_BODY, now=moment)
    assert headers["X-Timestamp"] == "2014-06-04T13:41:58.000Z"
    assert headers["Content-Type"] == "application/json"
    expected = signature(DOC_SECRET, string_to_sign("POST", DOC_BODY, "application/json", headers["X-Timestamp"],
                                                    "v1/sms/+46700000000"))
    assert headers["Authorization"] == "Instance inst-1:" + expected


def test_the_content_type_is_sent_and_signed_without_a_body_too():
    headers = instance_headers("i", DOC_SECRET, "GET", "/v1/organisations")
    assert headers["Content-Type"] == "application/json"
    text = string_to_sign("GET", b"", "application/json", headers["X-Timestamp"], "/v1/organisations")
    assert headers["Authorization"] == "Instance i:" + signature(DOC_SECRET, text)


def test_a_secret_that_is_not_base64_fails_without_showing_it():
    with pytest.raises(SinchError) as caught:
        signature("not base64 at all!", "text")
    assert "not base64 at all" not in str(caught.value)
