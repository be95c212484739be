"""API credentials: HTTP Basic with the key id/secret, or a Bearer token from /oauth2/token."""

import base64
import binascii
import hmac
import math
import secrets
import time
from urllib.parse import parse_qs

from .errors import ApiError, unauthenticated
from .router import Routes

# RFC 6750 section 3.1 challenges. Sinch's auth answers an expired JWT with the description
# "Jwt expired", and the official SDKs renew their token only when the header says "expired".
INVALID_TOKEN_HEADER = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
EXPIRED_TOKEN_HEADER = {"WWW-Authenticate": 'Bearer error="invalid_token", error_description="Jwt expired"'}
# RFC 6749 section 5.2: a 401 invalid_client names the scheme the client may authenticate with.
CLIENT_CHALLENGE = {"WWW-Authenticate": 'Basic realm="Sinch"'}
ROUTES = Routes(auth=False)
VALID, EXPIRED, UNKNOWN = "valid", "expired", "unknown"


def authorization(headers):
    """(scheme in lower case, credentials) of the Authorization header; ("", "") if absent."""
    scheme, separator, value = (headers.get("Authorization") or "").partition(" ")
    return scheme.lower(), value.strip() if separator else ""


def auth_kind(headers):
    """How a request authenticated, for the request log: basic, bearer, none or other."""
    scheme = authorization(headers)[0]
    if not scheme:
        return "none"
    return scheme if scheme in ("basic", "bearer") else "other"


class TokenStore:
    """Issued access tokens and when they expire."""

    def __init__(self):
        self._expiry = {}

    def issue(self, ttl):
        token = secrets.token_urlsafe(32)
        self._expiry[token] = time.monotonic() + ttl
        return token

    def issued(self):
        """Every token handed out so far (tests grep output for them: none may leak)."""
        return list(self._expiry)

    def state(self, token):
        """VALID, EXPIRED (issued here, lifetime over) or UNKNOWN (never issued here)."""
        expires = self._expiry.get(token)
        if expires is None:
            return UNKNOWN
        return EXPIRED if time.monotonic() >= expires else VALID


def check_request(sim, request):
    """Raise a 401 ApiError unless the request carries valid API credentials."""
    scheme, value = authorization(request.headers)
    if scheme == "bearer":
        state = sim.tokens.state(value)
        if state == EXPIRED:
            raise unauthenticated("Jwt expired: request a new access token", headers=EXPIRED_TOKEN_HEADER)
        if state != VALID:
            raise unauthenticated("The access token is invalid", headers=INVALID_TOKEN_HEADER)
        return
    if scheme == "basic":
        credentials = _decode_basic(value)
        if credentials and _matches(sim.settings, *credentials):
            return
        raise unauthenticated("Invalid key id or key secret")
    raise unauthenticated("Missing credentials: use HTTP Basic or a Bearer token")


def _decode_basic(value):
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    key_id, sep, key_secret = decoded.partition(":")
    return (key_id, key_secret) if sep else None


def _matches(settings, key_id, key_secret):
    same_id = hmac.compare_digest(key_id.encode(), settings.key_id.encode())
    same_secret = hmac.compare_digest(key_secret.encode(), settings.key_secret.encode())
    return same_id and same_secret


class TokenError(ApiError):
    """An OAuth2 error answer of the token endpoint."""

    def __init__(self, code, error, description, headers=None):
        super().__init__(code, description, headers=headers)
        self.error = error
        self.description = description

    def body(self):
        return {"error": self.error, "error_description": self.description}


@ROUTES.route("POST", "/oauth2/token")
def token_endpoint(sim, request):
    """POST /oauth2/token, client credentials grant.

    Errors follow RFC 6749 section 5.2 ({"error": "invalid_client", ...}) like the real
    auth server, not the google.rpc.Status shape of the resource APIs.
    """
    form = parse_qs(request.raw_body.decode("utf-8", "replace"))
    grant_type = form.get("grant_type", [""])[0]
    if not grant_type:
        raise TokenError(400, "invalid_request", "grant_type is required")
    if grant_type != "client_credentials":
        raise TokenError(400, "unsupported_grant_type", "grant_type must be client_credentials")
    credentials = _client_credentials(request, form)
    if not credentials or not _matches(sim.settings, *credentials):
        raise TokenError(401, "invalid_client", "Client authentication failed", headers=CLIENT_CHALLENGE)
    ttl = sim.settings.token_ttl
    token = sim.tokens.issue(ttl)
    return {"access_token": token, "expires_in": math.ceil(ttl), "scope": "", "token_type": "bearer"}


def _client_credentials(request, form):
    scheme, value = authorization(request.headers)
    if scheme == "basic":
        return _decode_basic(value)
    if "client_id" in form and "client_secret" in form:
        return form["client_id"][0], form["client_secret"][0]
    return None


@ROUTES.route("GET", "/oauth2/token")
@ROUTES.route("PUT", "/oauth2/token")
@ROUTES.route("PATCH", "/oauth2/token")
@ROUTES.route("DELETE", "/oauth2/token")
def method_not_allowed(_sim, request):
    """RFC 6749 section 3.2: the token endpoint takes POST only."""
    raise TokenError(405, "invalid_request", f"{request.method} is not allowed on the token endpoint: use POST",
                     headers={"Allow": "POST"})


register = ROUTES.register
