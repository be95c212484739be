"""API credentials: HTTP Basic with the key id/secret, or a Bearer token from /oauth2/token."""

import base64
import binascii
import hmac
import math
import secrets
import time
from urllib.parse import parse_qs

from .errors import ApiError, unauthenticated

INVALID_TOKEN_HEADER = {"WWW-Authenticate": 'Bearer error="invalid_token"'}


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

    def is_valid(self, token):
        expires = self._expiry.get(token)
        if expires is None:
            return False
        if time.monotonic() >= expires:
            del self._expiry[token]
            return False
        return True


def check_request(sim, request):
    """Raise a 401 ApiError unless the request carries valid API credentials."""
    scheme, value = authorization(request.headers)
    if scheme == "bearer":
        if not sim.tokens.is_valid(value):
            raise unauthenticated("The access token is invalid or expired", headers=INVALID_TOKEN_HEADER)
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

    def __init__(self, code, error, description):
        super().__init__(code, description)
        self.error = error
        self.description = description

    def body(self):
        return {"error": self.error, "error_description": self.description}


def token_endpoint(sim, request):
    """POST /oauth2/token, client credentials grant.

    Errors follow RFC 6749 section 5.2 ({"error": "invalid_client", ...}) like the real
    auth server, not the google.rpc.Status shape of the resource APIs.
    """
    form = parse_qs(request.raw_body.decode("utf-8", "replace"))
    if form.get("grant_type", [""])[0] != "client_credentials":
        raise TokenError(400, "unsupported_grant_type", "grant_type must be client_credentials")
    credentials = _client_credentials(request, form)
    if not credentials or not _matches(sim.settings, *credentials):
        raise TokenError(401, "invalid_client", "Client authentication failed")
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


def register(router):
    router.add("POST", "/oauth2/token", token_endpoint, auth=False)
