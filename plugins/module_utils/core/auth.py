# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Credentials for the Sinch APIs: HTTP Basic and OAuth2 client credentials.

Both produce an Authorization header value. Neither ever puts a secret or a token
into an exception message.
"""

from __future__ import annotations

import base64
import threading
import time

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError, register_secret

# Tokens are cached per process, keyed by (token URL, key id): one module run, or one
# lookup/inventory run, fetches a token once and reuses it for all its requests, from any
# thread. _TOKEN_LOCK guards the cache; one fetch lock per key makes threads that find no
# token wait for a single fetch instead of each asking for its own.
_TOKEN_CACHE = {}
_TOKEN_LOCK = threading.Lock()
_FETCH_LOCKS = {}
# Renew a little before the advertised expiry so a token does not die mid-request.
_EXPIRY_MARGIN_SECONDS = 30


class BasicAuth:
    scheme = "basic"

    def __init__(self, key_id, key_secret):
        credentials = base64.b64encode(("%s:%s" % (key_id, key_secret)).encode("utf-8")).decode("ascii")
        register_secret(key_secret)
        register_secret(credentials)
        self._value = "Basic " + credentials

    def header(self, client):
        return self._value

    def invalidate(self):
        """Nothing to refresh: a 401 with Basic credentials is final."""
        return False

    def __repr__(self):
        return "BasicAuth(<redacted>)"


class OAuth2ClientCredentials:
    scheme = "oauth2"

    def __init__(self, token_url, key_id, key_secret):
        self.token_url = token_url
        self._key_id = key_id
        self._key_secret = key_secret
        self._cache_key = (token_url, key_id)

    def header(self, client):
        token = self._cached()
        if token:
            return "Bearer " + token
        with self._fetch_lock():
            token = self._cached()  # fetched by another thread while this one waited
            if not token:
                token, lifetime = self._fetch(client)
                with _TOKEN_LOCK:
                    _TOKEN_CACHE[self._cache_key] = (
                        token, time.monotonic() + max(lifetime - _EXPIRY_MARGIN_SECONDS, 1))
        return "Bearer " + token

    def _cached(self):
        with _TOKEN_LOCK:
            cached = _TOKEN_CACHE.get(self._cache_key)
        return cached[0] if cached and cached[1] > time.monotonic() else None

    def _fetch_lock(self):
        with _TOKEN_LOCK:
            return _FETCH_LOCKS.setdefault(self._cache_key, threading.Lock())

    def invalidate(self):
        """Forget the cached token; the next header() fetches a new one."""
        with _TOKEN_LOCK:
            _TOKEN_CACHE.pop(self._cache_key, None)
        return True

    def _fetch(self, client):
        basic = BasicAuth(self._key_id, self._key_secret)
        response = client.send(
            "POST", self.token_url,
            headers={"Authorization": basic.header(client)},
            data={"grant_type": "client_credentials"},
            idempotent=True,  # asking for a token twice has no side effect
        )
        if response.status_code >= 400:
            raise SinchApiError.from_response(response, "POST", self.token_url)
        try:
            body = response.json()
        except ValueError:
            body = None
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise SinchApiError("the token endpoint answered without an access_token (check auth_url)",
                                status=response.status_code, method="POST", url=self.token_url)
        register_secret(token)
        return token, _lifetime(body.get("expires_in"))

    def __repr__(self):
        return "OAuth2ClientCredentials(%s, <redacted>)" % self.token_url


def _lifetime(expires_in):
    """Seconds a token lives; an hour when the answer does not say (OAuth2 makes expires_in optional)."""
    try:
        seconds = int(expires_in)
    except (TypeError, ValueError, OverflowError):
        return 3600
    return seconds if seconds > 0 else 3600


def clear_token_cache():
    with _TOKEN_LOCK:
        _TOKEN_CACHE.clear()
