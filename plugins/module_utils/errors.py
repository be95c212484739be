# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one error type every module and plugin of the collection deals with."""

from __future__ import annotations

# Hints name what the user can fix; keyed by HTTP status.
_HINTS = {
    401: "check key_id and key_secret (and auth_method / auth_url)",
    403: "check that the access key may use this project (project_id) and API",
    429: "the API rate limit was hit and retries were exhausted; raise 'retries' or slow down",
}


class SinchError(Exception):
    """Base class: anything the collection reports to the user as a clean failure."""


class SinchInputError(SinchError):
    """Invalid user input, detected before any request is sent."""


class SinchApiError(SinchError):
    """A request to a Sinch API failed (non-2xx answer, or no answer at all).

    Carries what the API said: HTTP status (None when there was no answer), the API's
    error status string (e.g. NOT_FOUND), its message, the details list (field
    violations, resource info) and the request id when the API sent one. Never holds
    request headers or bodies, so no credential can end up in a message.
    """

    def __init__(self, message, status=None, code=None, details=None, request_id=None,
                 method=None, url=None):
        self.api_message = message
        self.status = status
        self.code = code
        self.details = details or []
        self.request_id = request_id
        self.method = method
        self.url = url
        super().__init__(self._compose())

    @classmethod
    def from_response(cls, response, method, url):
        """Build the error from a requests.Response carrying a Sinch error body."""
        code = None
        details = []
        message = response.reason or "HTTP error"
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict):
            error = body.get("error", body)
            if isinstance(error, dict):
                message = error.get("message") or message
                code = error.get("status") or error.get("code")
                details = error.get("details") or []
        request_id = response.headers.get("x-request-id") or response.headers.get("x-correlation-id")
        return cls(message, status=response.status_code, code=code, details=details,
                   request_id=request_id, method=method, url=url)

    @property
    def field_violations(self):
        violations = []
        for detail in self.details:
            if isinstance(detail, dict):
                violations.extend(detail.get("fieldViolations") or [])
        return violations

    @property
    def resource_type(self):
        for detail in self.details:
            if isinstance(detail, dict) and detail.get("resourceType"):
                return detail["resourceType"]
        return None

    def is_not_found(self, resource_type=None):
        """True for a 404 about this kind of resource (not, say, about the project)."""
        if self.status != 404:
            return False
        found_type = (self.resource_type or "").lower()
        if "project" in found_type:
            return False
        return resource_type is None or not found_type or resource_type.lower() in found_type

    def _compose(self):
        where = " on %s %s" % (self.method, self.url) if self.method else ""
        if self.status is None:
            text = "Sinch API request failed%s: %s" % (where, self.api_message)
        else:
            text = "Sinch API error %s%s%s: %s" % (
                self.status, " %s" % self.code if self.code else "", where, self.api_message)
        for violation in self.field_violations:
            text += "; field '%s': %s" % (violation.get("field"), violation.get("description"))
        if self.status == 404 and "project" in (self.resource_type or self.api_message or "").lower():
            text += " (check project_id)"
        elif self.status in _HINTS:
            text += " (%s)" % _HINTS[self.status]
        if self.request_id:
            text += " [request id %s]" % self.request_id
        return text

    def to_dict(self):
        """What modules return under 'error' when they fail."""
        return {
            "status": self.status,
            "code": self.code,
            "message": self.api_message,
            "details": self.details,
            "request_id": self.request_id,
        }


class SinchAmbiguousWriteError(SinchApiError):
    """A non-idempotent write got no clear answer: it may or may not have been applied.

    The caller re-reads the resource before deciding anything (see SinchClient.create_once).
    """


class SinchWaitTimeout(SinchError):
    """An asynchronous operation did not finish within wait_timeout."""
