# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Request signing for the legacy number administration endpoints (pure functions, no I/O).

Follows the "Signed Request" scheme of the public Sinch documentation
(developers.sinch.com, Voice/Verification API reference, Authentication, Signed Request):

    Content-MD5  = Base64(MD5(UTF8(body)))            empty string when there is no body
    StringToSign = METHOD + "\n" + Content-MD5 + "\n" + Content-Type + "\n"
                   + "x-timestamp:" + <X-Timestamp header> + "\n" + <path of the URL>
    Signature    = Base64(HMAC-SHA256(Base64-Decode(secret), UTF8(StringToSign)))
    Authorization: <Scheme> <key>:<Signature>

The number administration endpoints use it with the scheme "Instance", the instance id as
key and the instance secret (base64, as the instance endpoint returns it) as secret. The
documentation's own example (POST /v1/sms/+46700000000, secret JViE5vDor0Sw3WllZka15Q==)
is a unit test of this file.
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
    return "\n".join([
        method.upper(),
        content_md5(body),
        content_type if body else "",
        "x-timestamp:" + x_timestamp,
        path,
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
    """The Authorization and X-Timestamp headers of an instance-signed request."""
    x_timestamp = timestamp(now)
    signed = signature(secret, string_to_sign(method, body, content_type, x_timestamp, path))
    headers = {"Authorization": "Instance %s:%s" % (instance_id, signed), "X-Timestamp": x_timestamp}
    if body:
        headers["Content-Type"] = content_type
    return headers
