"""The request log: what tests and benchmarks count. Never holds credentials."""

import re
import time

from .auth import auth_kind

REDACTED = "***"
# Body keys whose values are secrets (client_secret, hmacSecret, password, access_token, ...).
_SECRET_KEY = re.compile(r"secret|password|access_?token|authorization", re.IGNORECASE)
# Bodies of these paths are form-encoded credentials: never stored at all.
_UNLOGGED_BODY_PATHS = ("/oauth2/token",)


class RequestLog:
    """Entries in the order they were answered. Not thread-safe by itself.

    A request belongs to the log as it was when the request arrived: one still in flight when the log
    is cleared (held by an injected delay, for instance) is not recorded when it is answered later,
    so it cannot show up among the requests a test counts after clearing.
    """

    def __init__(self):
        self.entries = []
        self._seq = 0
        self.generation = 0

    def record(self, request, status, fault, started, generation):
        """Record a request that arrived while the log was at `generation` (see self.generation)."""
        if generation != self.generation:
            return
        self._seq += 1
        self.entries.append(
            {
                "seq": self._seq,
                "method": request.method,
                "path": request.path,
                "query": redact(request.query),
                "status": status,
                "auth": auth_kind(request.headers),
                "time": started,
                "duration": round(time.time() - started, 6),
                "body": _loggable_body(request),
                "fault": fault,
            }
        )

    def clear(self):
        self.entries = []
        self.generation += 1


def _loggable_body(request):
    if request.path in _UNLOGGED_BODY_PATHS:
        return None
    return redact(request.json_or_none())


def redact(value):
    """A copy of value with the values of secret-looking keys replaced."""
    if isinstance(value, dict):
        return {key: REDACTED if _SECRET_KEY.search(str(key)) else redact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redact(item) for item in value]
    return value
