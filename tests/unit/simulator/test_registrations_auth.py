"""The registrations API takes OAuth2 bearer tokens only; unknown projects are 404."""

from registrations_helpers import REGISTRATIONS, token
from registrations_helpers import oauth  # noqa: F401  pylint: disable=unused-import
from sim_helpers import KEY_ID, KEY_SECRET

PATHS = [REGISTRATIONS, "/v1/projects/demo-project/markets/availability", "/v1/projects/demo-project/callback-configuration"]


def test_basic_credentials_are_refused_even_when_right(anon):
    for path in PATHS:
        response = anon.get(path, auth=(KEY_ID, KEY_SECRET))
        assert response.status_code == 401, path
        assert "bearer tokens only" in response.json()["error"]["message"]
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_missing_credentials_are_refused(anon):
    assert anon.get(REGISTRATIONS).status_code == 401


def test_a_token_is_accepted(oauth):
    for path in PATHS:
        assert oauth.get(path).status_code == 200, path


def test_unknown_or_expired_tokens_are_refused(anon, admin, sim):
    response = anon.get(REGISTRATIONS, headers={"Authorization": "Bearer made-up"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    admin("POST", "/settings", {"tokenTtl": 0})
    expired = token(sim)
    assert anon.get(REGISTRATIONS, headers={"Authorization": f"Bearer {expired}"}).status_code == 401


def test_unknown_project_is_404(oauth):
    response = oauth.get("/v1/projects/nope/registrations")
    assert response.status_code == 404
    assert response.json()["error"]["details"][0]["resourceType"] == "Project"


def test_requests_are_logged_as_bearer(oauth, sim):
    oauth.get(REGISTRATIONS)
    assert [entry["auth"] for entry in sim.requests() if entry["path"] == REGISTRATIONS] == ["bearer"]
