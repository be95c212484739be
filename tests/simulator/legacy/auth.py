"""Authorization of the legacy endpoints: Application (log-in), User (instance) and Instance (signed).

The signature check is written here from the worked examples of the API's own document
(specs/legacy-number-administration.md), independently of the collection's client
(plugins/module_utils/legacy/signing.py), so a client that signs wrongly is caught:

    StringToSign = METHOD \\n Content-MD5 \\n Content-Type \\n x-timestamp:<X-Timestamp> \\n <path without its leading />
    Signature    = Base64(HMAC-SHA256(Base64-Decode(instance secret), UTF8(StringToSign)))
    Content-MD5  = Base64(MD5(body)), empty for an empty body

Content-Type is the request's header, application/json when it sent none: the document signs
application/json into its GET and DELETE examples, which show no Content-Type header. Its eight
example signatures verify here (tests/unit/simulator/test_legacy_session.py); the README says why
Sinch's general "Signed Request" page (empty type without a body, path with its "/") loses.
"""

import base64
import hashlib
import hmac
from datetime import datetime

from .errors import scheme_required, unauthorized
from .state import NUMBER_ADMINISTRATION_KEY


def _credentials(request, wanted):
    """What follows 'Authorization: <wanted scheme> '; 401 when the header is missing or of another scheme."""
    header = request.headers.get("Authorization") or ""
    if not header.strip():
        raise unauthorized(40100, "The Authorization header is missing.")
    scheme, _space, value = header.partition(" ")
    if scheme.lower() != wanted:
        raise scheme_required(wanted)
    return value.strip()


def check_timestamp(state, request):
    """X-Timestamp must be ISO 8601 and within the window around the server's clock."""
    value = request.headers.get("X-Timestamp") or ""
    if not value:
        raise unauthorized(40101, "The X-Timestamp header is missing.")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise unauthorized(40101, f"The X-Timestamp header is not an ISO 8601 time: {value}") from None
    if moment.tzinfo is None:
        raise unauthorized(40101, "The X-Timestamp header must carry a time zone (e.g. Z).")
    if abs(moment.timestamp() - state.now()) > state.settings.timestamp_window:
        raise unauthorized(40101, "The X-Timestamp header is too far from the server's time.")
    return value


def check_application(state, request):
    """Log-in: 'Application <number administration key>'."""
    value = _credentials(request, "application")
    check_timestamp(state, request)
    if value.upper() != NUMBER_ADMINISTRATION_KEY:
        raise unauthorized(40100, "Log in with the number administration key, not an application key.")


def check_user(state, request):
    """Instance creation: 'User <authorization>'; returns the authorization."""
    value = _credentials(request, "user")
    check_timestamp(state, request)
    if value not in state.authorizations:
        raise unauthorized(40100, "Invalid user authorization.")
    if not state.authorization_valid(value):
        raise unauthorized(40105, "The user authorization has expired: log in again.")
    return value


def check_instance(state, request):
    """Number endpoints: 'Instance <id>:<signature>', signed with the instance secret."""
    value = _credentials(request, "instance")
    instance_id, separator, given = value.partition(":")
    if not separator or not given:
        raise unauthorized(40100, "The Authorization header must be 'Instance <instance id>:<signature>'.")
    x_timestamp = check_timestamp(state, request)
    instance = state.instances.get(instance_id)
    if instance is None:
        raise unauthorized(40100, "Unknown instance.")
    if state.now() >= instance.expires_at:
        raise unauthorized(40105, "The instance has expired: create a new one.")
    content_type = request.headers.get("Content-Type") or "application/json"
    expected = sign(instance.secret, request.method, request.raw_body, content_type, x_timestamp, request.path)
    if not hmac.compare_digest(expected, given):
        raise unauthorized(40102, "Invalid signature.")
    return instance


def sign(secret, method, body, content_type, x_timestamp, path):
    md5 = base64.b64encode(hashlib.md5(body).digest()).decode() if body else ""
    text = f"{method.upper()}\n{md5}\n{content_type}\nx-timestamp:{x_timestamp}\n{path.removeprefix('/')}"
    digest = hmac.new(base64.b64decode(secret), text.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()
