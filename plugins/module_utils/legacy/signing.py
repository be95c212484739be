# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Request signing for the legacy number administration endpoints (pure functions, no I/O).

As the Number Administration API's own document computes its worked examples
(tests/simulator/specs/legacy-number-administration.md; every one is a test vector in
tests/unit/plugins/module_utils/test_legacy_signing_vectors.py):

    Content-MD5  = Base64(MD5(UTF8(body)))            empty string when there is no body
    StringToSign = METHOD + "\n" + Content-MD5 + "\n" + Content-Type + "\n"
                   + "x-timestamp:" + <X-Timestamp header> + "\n" + <URL path without its leading "/">
    Signature    = Base64(HMAC-SHA256(Base64-Decode(instance secret), UTF8(StringToSign)))
    Authorization: Instance <instance id>:<Signature>

Content-Type is application/json on every request, a GET or DELETE without a body included, and
the request carries that header so that what is signed is what is sent. Sinch's general "Signed
Request" page (Voice/Verification) differs on both points: it leaves Content-Type empty without a
body and signs the path with its leading "/". Neither of those reproduces a single signature of
this API's document, while the rules above reproduce all eight examples (one, the PUT
.../numbers/voice example, only with the verb GET: a slip in the document); so this API's own
examples win.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import hmac

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError


def timestamp(now=None):
    """X-Timestamp value: ISO 8601 in UTC with milliseconds, e.g. 2015-06-20T11:43:10.944Z."""
    moment = now or datetime.datetime.now(datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def content_md5(body):
    """Base64 MD5 of the body bytes; '' for an empty body (GET, DELETE)."""
    if not body:
        return ""
    return base64.b64encode(hashlib.md5(body).digest()).decode("ascii")


def string_to_sign(method, body, content_type, x_timestamp, path):
    """The text to sign; content_type is signed with or without a body, path loses its leading '/'."""
    return "\n".join([
        method.upper(),
        content_md5(body),
        content_type,
        "x-timestamp:" + x_timestamp,
        path[1:] if path.startswith("/") else path,
    ])


def signature(secret, text):
    """Base64 HMAC-SHA256 of text, keyed with the base64-decoded secret."""
    try:
        key = base64.b64decode(secret, validate=True)
    except (binascii.Error, ValueError, TypeError):
        # Never echo the secret itself.
        raise SinchError("the instance secret returned by the API is not valid base64")
    return base64.b64encode(hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()).decode("ascii")


def instance_headers(instance_id, secret, method, path, body=b"", content_type="application/json", now=None):
    """The Authorization, X-Timestamp and Content-Type headers of an instance-signed request."""
    x_timestamp = timestamp(now)
    signed = signature(secret, string_to_sign(method, body, content_type, x_timestamp, path))
    return {"Authorization": "Instance %s:%s" % (instance_id, signed), "X-Timestamp": x_timestamp,
            "Content-Type": content_type}
