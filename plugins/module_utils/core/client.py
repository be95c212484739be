# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SinchClient: the only code in the collection that talks HTTP.

Transport (a keep-alive requests.Session per thread), authentication, retries with
back-off, pagination and error mapping live here; the per-API wrappers (numbers.py, ...)
only build URLs and bodies.

One client may serve several threads (the bulk module's workers): each thread sends on
its own session, the OAuth2 token is fetched once for all of them, and a 429 makes every
thread hold back (SharedBackoff).
"""

from __future__ import annotations

import email.utils
import math
import random
import re
import threading
import time
import traceback

try:
    import requests
except ImportError:  # pragma: no cover - reported by the caller through missing_required_lib
    requests = None
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    REQUESTS_IMPORT_ERROR = None

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import BasicAuth, OAuth2ClientCredentials
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchAmbiguousWriteError,
    SinchApiError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import find_changes
from ansible_collections.sinch.numbers.plugins.module_utils.core.throttle import SharedBackoff

HAS_REQUESTS = requests is not None
USER_AGENT = "sinch.numbers-ansible-collection/1.0.0"

# Answers that mean "not processed, try again later" for any method.
RETRY_ANY_STATUS = frozenset([429])
# Answers after which an idempotent request may be repeated; for a create/rent POST
# they are ambiguous (the write may have happened) and the caller must re-read instead.
RETRY_IDEMPOTENT_STATUS = frozenset([502, 503, 504])
# A write answered 500 may have been applied too (a server that failed after committing):
# ambiguous like 502/503/504 for writes, a plain error for reads.
AMBIGUOUS_WRITE_STATUS = RETRY_IDEMPOTENT_STATUS | frozenset([500])
READ_METHODS = frozenset(["GET", "HEAD"])
FIRST_BACKOFF_SECONDS = 0.5


def _prepare(session):
    """Our User-Agent, and no ~/.netrc: SinchClient sets the Authorization header of each request.

    A session without auth reads ~/.netrc on every request and, when it names the host, replaces
    that header with the netrc credentials; a session auth that leaves the request as it is stops
    both. Proxy and CA bundle variables (HTTPS_PROXY, NO_PROXY, REQUESTS_CA_BUNDLE) still apply.
    """
    session.headers["User-Agent"] = USER_AGENT
    session.auth = _HeaderSetPerRequest()
    return session


class _HeaderSetPerRequest(requests.auth.AuthBase if requests else object):
    def __call__(self, prepared):
        return prepared


class SinchClient:
    def __init__(self, config, session=None, sleep=time.sleep):
        """session: one session for every thread (tests script it); default: one requests.Session per thread."""
        self.config = config
        self._shared_session = session
        if session is not None:
            _prepare(session)
        self._local = threading.local()
        self._sleep = sleep
        self.backoff = SharedBackoff(sleep)
        self._lock = threading.Lock()
        self._request_count = 0
        self._auth = {}

    @property
    def session(self):
        """The session of the calling thread (requests.Session is not safe to share between threads)."""
        if self._shared_session is not None:
            return self._shared_session
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = _prepare(requests.Session())
        return session

    @property
    def request_count(self):
        return self._request_count

    # ---------------------------------------------------------------- auth
    def auth_for(self, scheme=None):
        """The credential object for a scheme ('basic' or 'oauth2'); default: config.auth_method."""
        scheme = scheme or self.config.auth_method
        with self._lock:
            if scheme not in self._auth:
                if scheme == "oauth2":
                    self._auth[scheme] = OAuth2ClientCredentials(
                        self.config.auth_url + "/oauth2/token", self.config.key_id, self.config.key_secret)
                else:
                    self._auth[scheme] = BasicAuth(self.config.key_id, self.config.key_secret)
            return self._auth[scheme]

    # ---------------------------------------------------------------- requests
    def request(self, method, url, params=None, json=None, auth_scheme=None, idempotent=None, removal=None):
        """Send an authenticated request and return the decoded JSON body (or None).

        idempotent defaults to True for every method but POST. A non-idempotent POST is
        never repeated after an answer that may mean it was applied: it raises
        SinchAmbiguousWriteError and the caller re-reads (see create_once).

        removal (default: True for DELETE) marks a request that removes its resource: when an
        earlier try of it may have been applied (answered 5xx, or no answer), the 404 of a
        retry means the resource is gone, and the request returns None as if it succeeded.
        """
        if idempotent is None:
            idempotent = method.upper() != "POST"
        if removal is None:
            removal = method.upper() == "DELETE"
        response = self.send_authenticated(method, url, auth_scheme, params=params, json=json,
                                           idempotent=idempotent, removal=removal)
        if response is None:
            return None
        if not response.content and method.upper() == "DELETE":
            return None
        try:
            body = response.json()
        except ValueError:
            body = None
        # Every answer of the Sinch REST APIs but a DELETE's is a JSON object; anything else
        # (an HTML page, a list, nothing) comes from a wrong URL and must not pass for success.
        if not isinstance(body, dict):
            raise SinchApiError("the answer is not a Sinch JSON object (%s): check the *_url options "
                                "(numbers_url, imported_numbers_url, registrations_url, auth_url)" % _describe(response),
                                status=response.status_code, method=method, url=url)
        return body

    def send_authenticated(self, method, url, auth_scheme=None, headers=None, params=None, json=None,
                           data=None, accept="application/json", idempotent=True, removal=False):
        """An authenticated request with retries; the 2xx requests.Response, else SinchApiError.

        For raw bodies and downloads (multipart uploads, file templates) as well as JSON.
        None for a removal found already done by its own retry (see request()).
        """
        auth = self.auth_for(auth_scheme)
        for attempt in range(2):
            all_headers = {"Authorization": auth.header(self), "Accept": accept}
            all_headers.update(headers or {})
            response = self.send(method, url, headers=all_headers, params=params, json=json, data=data,
                                 idempotent=idempotent, removal=removal)
            if response is None:
                return None
            # An OAuth2 token can expire or be revoked between cache and use: refresh once.
            if response.status_code == 401 and attempt == 0 and auth.invalidate():
                continue
            break
        if response.status_code >= 400:
            raise SinchApiError.from_response(response, method, url)
        return response

    def send(self, method, url, headers=None, params=None, json=None, data=None, idempotent=True, removal=False):
        """One logical request with retries; returns the final requests.Response.

        Retries connection failures, timeouts, 429 and 502/503/504 (and 500 for writes) with
        exponential back-off and jitter, honouring Retry-After, within `retries` and a total
        deadline. Returns None for a removal whose retry found the resource gone.
        A 429 pauses every thread of this client (the rate limit is the project's).
        """
        deadline = time.monotonic() + self.config.timeout * (self.config.retries + 1)
        write = method.upper() not in READ_METHODS
        ambiguous = AMBIGUOUS_WRITE_STATUS if write else RETRY_IDEMPOTENT_STATUS
        maybe_applied = False
        attempt = 0
        while True:
            self.backoff.wait()
            try:
                with self._lock:
                    self._request_count += 1
                response = self.session.request(
                    method, url, headers=headers, params=params, json=json, data=data,
                    timeout=self.config.timeout, verify=self.config.validate_certs)
            except requests.exceptions.RequestException as exc:
                reached = _may_have_reached_server(exc)
                if not idempotent and reached:
                    raise SinchAmbiguousWriteError(
                        "no answer (%s); the request may have been applied" % type(exc).__name__,
                        method=method, url=url)
                maybe_applied = maybe_applied or reached
                if not self._may_retry(attempt, deadline):
                    raise SinchApiError("%s: %s (%s)" % (type(exc).__name__, _safe_reason(exc), _network_hint(exc)),
                                        method=method, url=url)
                self._sleep(self._backoff(attempt, None, deadline))
                attempt += 1
                continue

            status = response.status_code
            if status in ambiguous and write and not idempotent:
                raise SinchAmbiguousWriteError.from_response(response, method, url)
            if removal and maybe_applied and status == 404:
                return None  # an earlier try removed it
            maybe_applied = maybe_applied or (write and status in ambiguous)
            retryable = status in RETRY_ANY_STATUS or status in ambiguous
            if retryable and self._may_retry(attempt, deadline):
                delay = self._backoff(attempt, response.headers.get("Retry-After"), deadline)
                if status in RETRY_ANY_STATUS:
                    self.backoff.pause(delay)  # every other thread waits it out in backoff.wait()
                else:
                    self._sleep(delay)
                attempt += 1
                continue
            return response

    def _may_retry(self, attempt, deadline):
        return attempt < self.config.retries and time.monotonic() < deadline

    def _backoff(self, attempt, retry_after, deadline):
        """Seconds to wait: Retry-After when the server sent it, else full-jitter exponential."""
        cap = self.config.retry_max_delay
        wanted = _parse_retry_after(retry_after)
        if wanted is None:
            wanted = random.uniform(0, FIRST_BACKOFF_SECONDS * (2 ** attempt))
        return max(0.0, min(wanted, cap, deadline - time.monotonic()))

    # ---------------------------------------------------------------- helpers
    def paginate(self, url, items_key, params=None, page_size=None, auth_scheme=None):
        """Yield every item of a paged list, following nextPageToken."""
        query = dict(params or {})
        if page_size:
            query["pageSize"] = page_size
        seen_tokens = set()
        while True:
            body = self.request("GET", url, params=dict(query), auth_scheme=auth_scheme) or {}
            yield from body.get(items_key) or []
            token = body.get("nextPageToken")
            if not token or token in seen_tokens:
                return
            seen_tokens.add(token)
            query["pageToken"] = token

    def get_or_none(self, url, resource_type=None, auth_scheme=None):
        """GET a resource; None when the API says it does not exist."""
        try:
            return self.request("GET", url, auth_scheme=auth_scheme)
        except SinchApiError as exc:
            if exc.is_not_found(resource_type):
                return None
            raise

    def create_once(self, write, find_applied):
        """Run a non-idempotent write so that it takes effect at most once.

        After an ambiguous failure (5xx or no answer) nothing is replayed blindly:
        find_applied() re-reads the API; if the write took effect its result is used,
        otherwise the write is tried again, within the retry budget.
        """
        attempt = 0
        while True:
            try:
                return write()
            except SinchAmbiguousWriteError as exc:
                applied = find_applied()
                if applied is not None:
                    return applied
                if attempt >= self.config.retries:
                    raise SinchApiError(
                        "%s; a re-read showed it was not applied, and retries are exhausted" % exc.api_message,
                        status=exc.status, code=exc.code, details=exc.details,
                        method=exc.method, url=exc.url, sinch_body=exc.sinch_body)
                self._sleep(self._backoff(attempt, None, time.monotonic() + self.config.retry_max_delay))
                attempt += 1

    def update_once(self, write, read_back, wanted, view=None):
        """Run an update (PATCH/PUT) so that a lost answer is never followed by a blind re-send.

        write() must raise SinchAmbiguousWriteError when the answer may mean it was applied (send
        it with idempotent=False). Then read_back() is called (the resource as it is now, None when
        it cannot be read): when nothing of `wanted` differs from view(resource) (find_changes),
        the write took effect and that read-back state is returned without sending it again;
        otherwise the write is sent again, within the retry budget (create_once).
        """
        def applied():
            current = read_back()
            if current is None:
                return None
            return current if not find_changes(wanted, view(current) if view else current) else None
        return self.create_once(write, applied)


def _parse_retry_after(value):
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, OverflowError):
            return None  # neither seconds nor an HTTP date: back off as if it were absent
    return max(0.0, seconds) if math.isfinite(seconds) else None


def _may_have_reached_server(exc):
    """False only when the connection was never established (refused, DNS, connect timeout)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    text = str(exc)
    return not ("NewConnectionError" in text or "Failed to establish a new connection" in text
                or "Name or service not known" in text)


def _safe_reason(exc):
    """What went wrong, without the request's headers or body (so never a credential).

    requests words a refused connection as "Max retries exceeded with url: ... (Caused by
    NewConnectionError(...: [Errno 111] Connection refused))": the last reason is what the
    user needs, the retry count is urllib3's (ours is 'retries').
    """
    text = str(exc)
    if " (Caused by " not in text:
        return text
    cause = text.split(" (Caused by ", 1)[1]
    reason = re.findall(r"(\[Errno -?\d+\][^'\")]*|certificate verify failed[^'\")]*|timed out|"
                        r"Name or service not known|Temporary failure in name resolution|"
                        r"Connection refused|Remote end closed connection[^'\")]*|"
                        r"wrong version number|record layer failure)", cause)
    where = text.split(" Max retries", 1)[0].rstrip(":")
    return "%s: %s" % (where, reason[-1].strip() if reason else cause.rstrip(")"))


def _network_hint(exc):
    if isinstance(exc, requests.exceptions.SSLError):
        return "TLS failed: check the URL's scheme and the server's certificate, or validate_certs"
    if isinstance(exc, requests.exceptions.Timeout):
        return "no answer within 'timeout' seconds: check the URL, or raise timeout"
    return "check that the *_url options point at a reachable Sinch API"


def _describe(response):
    """A short description of a body that is not a JSON object (never the body itself)."""
    if not response.content:
        return "HTTP %s with an empty body" % response.status_code
    kind = response.headers.get("Content-Type", "unknown content type").split(";")[0]
    return "HTTP %s, %s, %d bytes" % (response.status_code, kind, len(response.content))
