"""Basic auth, OAuth2 client credentials and bearer tokens, unknown projects."""

import pytest

from sim_helpers import BASE, KEY_ID, KEY_SECRET

REGIONS = f"{BASE}/availableRegions"


def get_token(anon, **kwargs):
    response = anon.post("/oauth2/token", **kwargs)
    assert response.status_code == 200, response.text
    return response.json()


def test_basic_auth_is_accepted(api):
    assert api.get(REGIONS).status_code == 200


def test_wrong_secret_is_401_with_error_body(anon):
    response = anon.get(REGIONS, auth=(KEY_ID, "wrong"))
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == 401
    assert error["status"] == "UNAUTHENTICATED"
    assert error["details"] == []


def test_missing_credentials_is_401(anon):
    response = anon.get(REGIONS)
    assert response.status_code == 401
    assert response.json()["error"]["status"] == "UNAUTHENTICATED"


def test_token_with_basic_client_credentials(anon):
    token = get_token(anon, data={"grant_type": "client_credentials"}, auth=(KEY_ID, KEY_SECRET))
    assert token["token_type"] == "bearer"
    assert token["expires_in"] == 3600
    assert token["scope"] == ""
    response = anon.get(REGIONS, headers={"Authorization": f"Bearer {token['access_token']}"})
    assert response.status_code == 200


def test_token_with_form_client_credentials(anon):
    form = {"grant_type": "client_credentials", "client_id": KEY_ID, "client_secret": KEY_SECRET}
    token = get_token(anon, data=form)
    response = anon.get(REGIONS, headers={"Authorization": f"Bearer {token['access_token']}"})
    assert response.status_code == 200


def test_token_with_bad_credentials_is_refused_with_a_challenge(anon):
    """RFC 6749 section 5.2: invalid_client is 401 with a WWW-Authenticate challenge."""
    response = anon.post("/oauth2/token", data={"grant_type": "client_credentials"}, auth=(KEY_ID, "nope"))
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_client", "error_description": "Client authentication failed"}
    assert response.headers["WWW-Authenticate"] == 'Basic realm="Sinch"'


def test_token_without_credentials_is_invalid_client(anon):
    response = anon.post("/oauth2/token", data={"grant_type": "client_credentials"})
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.headers["WWW-Authenticate"].startswith("Basic ")


def test_token_needs_client_credentials_grant(anon):
    response = anon.post("/oauth2/token", data={"grant_type": "password"}, auth=(KEY_ID, KEY_SECRET))
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_token_without_grant_type_is_invalid_request(anon):
    """RFC 6749 section 5.2: a missing required parameter is invalid_request."""
    response = anon.post("/oauth2/token", data={}, auth=(KEY_ID, KEY_SECRET))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert "grant_type" in response.json()["error_description"]


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_token_endpoint_takes_post_only(anon, method):
    response = anon.request(method, "/oauth2/token", auth=(KEY_ID, KEY_SECRET))
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert response.json()["error"] == "invalid_request"


def test_expired_token_is_401_saying_jwt_expired(anon, admin):
    """As Sinch answers it; the official SDKs renew their token only when the challenge says "expired"."""
    admin("POST", "/settings", {"tokenTtl": 0})
    token = get_token(anon, data={"grant_type": "client_credentials"}, auth=(KEY_ID, KEY_SECRET))
    assert token["expires_in"] == 0
    response = anon.get(REGIONS, headers={"Authorization": f"Bearer {token['access_token']}"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token", error_description="Jwt expired"'
    assert response.json()["error"]["status"] == "UNAUTHENTICATED"


def test_unknown_token_is_401_with_invalid_token_challenge(anon):
    response = anon.get(REGIONS, headers={"Authorization": "Bearer made-up"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


def test_unknown_project_on_numbers_paths_is_permission_denied(api):
    """numbers.yaml PermissionDenied: 403 PERMISSION_DENIED, 'improper credentials. Be sure your projectId...'."""
    response = api.get("/v1/projects/no-such-project/activeNumbers", params={"regionCode": "US", "type": "LOCAL"})
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == 403 and error["status"] == "PERMISSION_DENIED" and error["details"] == []
    assert "no-such-project" in error["message"] and "projectId" in error["message"]


def test_unknown_project_on_imported_paths_is_a_flat_404(api):
    """imported-numbers-hosting-orders.yaml: NotFoundResponse ('... project ... could not be found'), flat."""
    response = api.get("/v1/projects/no-such-project/importedNumbers")
    assert response.status_code == 404
    assert response.json() == {"code": "404", "message": "Project no-such-project not found", "status": "NOT_FOUND"}


def test_added_project_exists(api, admin):
    admin("POST", "/projects", {"projectId": "p2"})
    assert api.get("/v1/projects/p2/availableRegions").status_code == 200


def test_admin_endpoints_need_no_auth(anon):
    assert anon.get("/_sim/health").json() == {"status": "ok"}
