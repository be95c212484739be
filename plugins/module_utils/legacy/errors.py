# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Errors of the legacy number administration endpoints.

They answer {"errorCode": 40300, "message": "...", "reference": "..."} (the Sinch REST error
shape), not the {"error": {...}} shape SinchApiError.from_response reads, and their hints
are about email/password and signatures, not access keys.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError

# errorCode values (the Sinch REST error list and the number administration document).
TIMESTAMP_REJECTED = 40101
SIGNATURE_REJECTED = 40102
INSTANCE_EXPIRED = 40105
NOT_ENOUGH_CREDIT = 40200
NOT_FOUND = 40400

_HINTS = {
    TIMESTAMP_REJECTED: "the request timestamp is too far from the server's time: check the clock of the host running the module",
    SIGNATURE_REJECTED: "the instance signature was rejected",
    NOT_ENOUGH_CREDIT: "add credit to the Sinch account",
    42200: "accounting is not set up for this organisation: contact Sinch support",
}


class LegacyApiError(SinchApiError):
    """SinchApiError from a legacy endpoint; code is the API's numeric errorCode."""

    def __init__(self, message, hint=None, **kwargs):
        self.hint = hint
        super().__init__(message, **kwargs)

    @classmethod
    def from_response(cls, response, method, url, hint=None):
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and "errorCode" in body:
            return cls(str(body.get("message") or response.reason or "HTTP error"), hint=hint,
                       status=response.status_code, code=_int_or_none(body.get("errorCode")),
                       request_id=body.get("reference") or None, method=method, url=url)
        # A proxy or load balancer in front of the API answers in its own shape.
        generic = SinchApiError.from_response(response, method, url)
        return cls(generic.api_message, hint=hint, status=generic.status, code=generic.code,
                   details=generic.details, request_id=generic.request_id, method=method, url=url)

    def _compose(self):
        text = self._headline("Sinch number administration", " (%s)")
        # A hint about this very error code beats the caller's general one.
        hint = _HINTS.get(self.code) or self.hint
        if hint:
            text += " (%s)" % hint
        if self.request_id:
            text += " [reference %s]" % self.request_id
        return text


def error_code(response):
    """The errorCode of an error answer, or None."""
    try:
        body = response.json()
    except ValueError:
        return None
    return _int_or_none(body.get("errorCode")) if isinstance(body, dict) else None


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
