"""The official Sinch Python SDK against the simulator's auth: token renewal, 429, credentials, projects."""

import time

import pytest
from sinch.domains.authentication.exceptions import AuthenticationException
from sinch.domains.numbers.api.v1.exceptions import NumbersException

from sdk_helpers import sdk, sdk_client  # noqa: F401  pylint: disable=unused-import

REGIONS = "/availableRegions"


def log(sim, suffix):
    return [(entry["method"], entry["status"]) for entry in sim.requests() if entry["path"].endswith(suffix)]


def test_an_expired_token_is_renewed_once_and_the_call_replayed(sim, sdk, admin):
    """The SDK renews only when WWW-Authenticate says the token expired, as Sinch's does."""
    admin("POST", "/settings", {"tokenTtl": 2})
    assert sdk.numbers.regions.list().content()
    time.sleep(2.2)
    assert sdk.numbers.regions.list().content()
    assert log(sim, "/oauth2/token") == [("POST", 200), ("POST", 200)]
    assert log(sim, REGIONS) == [("GET", 200), ("GET", 401), ("GET", 200)]


def test_429_is_retried_after_retry_after(sim, sdk, admin):
    admin("POST", "/faults", {"rules": [{"path_regex": REGIONS + "$", "status": 429, "retry_after": 1}]})
    started = time.monotonic()
    assert sdk.numbers.regions.list().content()
    assert time.monotonic() - started >= 1.0
    assert log(sim, REGIONS) == [("GET", 429), ("GET", 200)]


def test_an_unknown_project_is_permission_denied(sim):
    """numbers.yaml: the one auth error of every path is PermissionDenied, 403 PERMISSION_DENIED."""
    with pytest.raises(NumbersException) as caught:
        sdk_client(sim, project_id="no-such-project").numbers.regions.list()
    assert caught.value.response_status_code == 403
    error = caught.value.http_response.body["error"]
    assert error["code"] == 403 and error["status"] == "PERMISSION_DENIED"
    assert "no-such-project" in error["message"]


def test_a_wrong_key_secret_is_an_oauth2_invalid_client(sim):
    with pytest.raises(AuthenticationException) as caught:
        sdk_client(sim, key_secret="wrong").numbers.regions.list()
    response = caught.value.http_response
    assert response.status_code == 401
    assert response.body["error"] == "invalid_client"
    assert response.headers["WWW-Authenticate"].startswith("Basic realm=")
