# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one error type every module and plugin of the collection deals with."""

from __future__ import annotations

import re

# Hints name what the user can fix; keyed by HTTP status.
_HINTS = {
    401: "check key_id and key_secret (and auth_method / auth_url)",
    403: "check that the access key may use this project (project_id) and API",
    429: "the API rate limit was hit and retries were exhausted; raise 'retries' or slow down",
}
# An answer that is not a Sinch error body came from somewhere else than a Sinch API.
_NOT_SINCH_HINT = "the answer is not a Sinch API error: check the *_url options (numbers_url, auth_url, ...)"


# Every credential the process has used (key secrets, Basic values, tokens, passwords): an API or a
# proxy that echoes one in an error body must not get it into a message.
_SECRETS = set()
REDACTED = "********"


def register_secret(value):
    if value and len(str(value)) >= 4:
        _SECRETS.add(str(value))


def redact(value):
    """value (a string, or lists and dicts of them) with every registered secret masked."""
    if isinstance(value, str):
        for secret in sorted(_SECRETS, key=len, reverse=True):
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, dict):
        return {key: redact(item) for key, item in value.items()}
    return value


class SinchError(Exception):
    """Base class: anything the collection reports to the user as a clean failure.

    Its message never holds a registered secret (see redact), whatever put it there.
    """

    def __init__(self, *args):
        super().__init__(*[redact(arg) for arg in args])


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
                 method=None, url=None, sinch_body=False):
        self.api_message = redact(message)
        self.status = status
        self.code = redact(code)
        self.details = redact(details or [])
        # A proxy may echo the Authorization header into x-request-id.
        self.request_id = redact(request_id)
        self.method = method
        self.url = url
        # True when the answer carried a Sinch error body (not, say, a proxy's HTML page).
        self.sinch_body = sinch_body
        super().__init__(self._compose())

    @classmethod
    def from_response(cls, response, method, url):
        """Build the error from a requests.Response, whatever its body holds."""
        code = None
        details = []
        message = response.reason or "HTTP error"
        sinch_body = False
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            # RFC 6749 section 5.2, the shape of the OAuth2 token endpoint's errors
            sinch_body = True
            code = body["error"]
            message = _text(body.get("error_description")) or message
        elif isinstance(body, dict):
            # wrapped {"error": {"code": 404, "message", "status", "details"}} (Numbers, registrations)
            # or the flat ErrorResponse {"code": "404", "message", "status"} (imported numbers paths)
            error = body.get("error", body)
            if isinstance(error, dict) and (error.get("message") or error.get("status") or error.get("code")):
                sinch_body = True
                message = _text(error.get("message")) or message
                code = _text(error.get("status") or error.get("code")) or None
                details = [detail for detail in _list(error.get("details")) if isinstance(detail, dict)]
        request_id = response.headers.get("x-request-id") or response.headers.get("x-correlation-id")
        return cls(message, status=response.status_code, code=code, details=details,
                   request_id=request_id, method=method, url=url, sinch_body=sinch_body)

    @property
    def field_violations(self):
        violations = []
        for detail in self.details:
            if isinstance(detail, dict):
                violations.extend(item for item in _list(detail.get("fieldViolations")) if isinstance(item, dict))
        return violations

    @property
    def resource_type(self):
        for detail in self.details:
            if isinstance(detail, dict) and detail.get("resourceType"):
                return _text(detail["resourceType"])
        return None

    def is_not_found(self, resource_type=None):
        """True for a Sinch 404 about this kind of resource (not about the project, not a stray URL)."""
        if self.status != 404 or not self.sinch_body:
            return False
        if _about_project(self.resource_type, self.api_message):
            return False
        found_type = (self.resource_type or "").lower()
        return resource_type is None or not found_type or resource_type.lower() in found_type

    def _headline(self, api, code_format):
        """'<api> error <status> <code> on <method> <url>: <message>' (code written with code_format),
        or '<api> request failed ...' when there was no answer."""
        where = " on %s %s" % (self.method, self.url) if self.method else ""
        if self.status is None:
            return "%s request failed%s: %s" % (api, where, self.api_message)
        return "%s error %s%s%s: %s" % (
            api, self.status, code_format % self.code if self.code else "", where, self.api_message)

    def _compose(self):
        text = self._headline("Sinch API", " %s")
        for violation in self.field_violations:
            text += "; field '%s': %s" % (violation.get("field"), violation.get("description"))
        if self.status == 404 and _about_project(self.resource_type, self.api_message):
            text += " (check project_id)"
        elif self.status in _HINTS:
            text += " (%s)" % _HINTS[self.status]
        elif self.status is not None and self.status >= 400 and not self.sinch_body:
            text += " (%s)" % _NOT_SINCH_HINT
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


def _text(value):
    return "" if value is None else str(value)


def _list(value):
    return value if isinstance(value, list) else []


def _about_project(resource_type, message):
    """True for an error about the project itself: by its resource type (the wrapped shape's
    ResourceInfo), else, for the flat shape without details, a message that starts with "Project"
    ("Project p not found"; not "Imported number ... not found in project p", nor a quoted URL)."""
    if resource_type:
        return "project" in resource_type.lower()
    return re.match(r"\W*project\b", message or "", re.IGNORECASE) is not None


class SinchAmbiguousWriteError(SinchApiError):
    """A non-idempotent write got no clear answer: it may or may not have been applied.

    The caller re-reads the resource before deciding anything (see SinchClient.create_once).
    """


class SinchPartialWriteError(SinchError):
    """A write was applied but the operation did not complete (a rented number left unnamed,
    a provisioning that failed after the PATCH). The module fails with changed=true and
    `result` (for example the number) so the user sees what now exists."""

    def __init__(self, message, result=None):
        super().__init__(redact(message))
        self.result = result or {}


class SinchWaitTimeout(SinchError):
    """An asynchronous operation did not finish within wait_timeout."""
