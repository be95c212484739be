# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the client does with answers no Sinch API gives: a wrong URL, a proxy, a broken server.

Each must end in a SinchApiError that says what to check, never in a Python exception and
never in a result that passes for success.
"""

from __future__ import annotations

import math

import pytest
import requests

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError, SinchInputError

from .fake_session import make_response, scripted_client

URL = "https://numbers.example/v1/projects/p/activeNumbers/+12025550134"
URL_HINT = "*_url options"


def client_with(*script, **config):
    return scripted_client(*script, **dict({"retries": 1}, **config))


def raw_response(status, content, content_type="text/html"):
    response = requests.Response()
    response.status_code = status
    response._content = content
    response.headers["Content-Type"] = content_type
    response.reason = "scripted"
    return response


@pytest.fixture(autouse=True)
def fresh_tokens():
    clear_token_cache()
    yield
    clear_token_cache()


@pytest.mark.parametrize("retry_after", ["soon", "nan", "inf", "-5", "Mon, 99 Foo 2026 00:00:00 GMT"])
def test_a_retry_after_that_means_nothing_is_treated_as_absent(retry_after):
    client, session, sleeps = client_with(make_response(429, None, {"Retry-After": retry_after}),
                                          make_response(200, {"ok": True}))
    assert client.request("GET", URL) == {"ok": True}
    assert len(session.calls) == 2
    assert len(sleeps) == 1 and math.isfinite(sleeps[0]) and 0 <= sleeps[0] <= 5


@pytest.mark.parametrize("answer", [
    make_response(200, [1, 2, 3]),
    make_response(200, "text"),
    make_response(200, 5),
    raw_response(200, b"null", "application/json"),
    raw_response(200, b""),
    raw_response(200, b"<html><body>Welcome</body></html>"),
])
@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_a_success_that_is_not_a_json_object_is_an_error_naming_the_url_options(answer, method):
    client, _session, _sleeps = client_with(answer)
    with pytest.raises(SinchApiError) as caught:
        client.request(method, URL, json={})
    assert URL_HINT in str(caught.value)


def test_a_delete_may_answer_without_a_body():
    client, _session, _sleeps = client_with(raw_response(200, b""))
    assert client.request("DELETE", URL) is None


def test_an_html_404_is_not_taken_for_a_missing_resource():
    """A wrong numbers_url must not make sinch_number believe the number is absent and rent it."""
    client, _session, _sleeps = client_with(raw_response(404, b"<html>Not Found</html>"))
    with pytest.raises(SinchApiError) as caught:
        client.get_or_none(URL)
    assert caught.value.status == 404
    assert URL_HINT in str(caught.value)


def test_a_sinch_404_without_details_is_a_missing_resource():
    not_found = {"error": {"code": 404, "status": "NOT_FOUND", "message": "not found"}}
    client, _session, _sleeps = client_with(make_response(404, not_found))
    assert client.get_or_none(URL) is None


def test_only_a_project_404_asks_to_check_project_id():
    route_miss = {"error": {"code": 404, "status": "NOT_FOUND",
                            "message": "No such method: GET /v1/projects/p/policies/"}}
    client, _session, _sleeps = client_with(make_response(404, route_miss))
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert "check project_id" not in str(caught.value)


@pytest.mark.parametrize("error", [
    {"message": 5, "status": "NOT_FOUND", "details": "not a list"},
    {"message": "bad", "status": 7, "details": [{"fieldViolations": "x"}, "text", 3]},
    {"message": "bad", "details": [{"resourceType": 5}, {"fieldViolations": [{"field": "a"}, 9]}]},
    {"message": ["a", "list"], "code": {"odd": True}},
])
def test_error_bodies_of_any_shape_give_a_message(error):
    client, _session, _sleeps = client_with(make_response(404, {"error": error}))
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert str(caught.value).startswith("Sinch API error 404")


@pytest.mark.parametrize("token_answer", [
    {"access_token": 12345},
    {"access_token": None},
    {"access_token": ""},
    ["not", "an", "object"],
])
def test_a_token_answer_without_a_usable_token_is_an_error(token_answer):
    client, session, _sleeps = client_with(make_response(200, token_answer), auth_method="oauth2")
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert "without an access_token" in str(caught.value)
    assert len(session.calls) == 1  # the API itself was never called


@pytest.mark.parametrize("expires_in", ["soon", None, -3, 1e400])
def test_a_token_lifetime_that_means_nothing_counts_as_an_hour(expires_in):
    client, session, _sleeps = client_with(make_response(200, {"access_token": "tok", "expires_in": expires_in}),
                                           make_response(200, {"a": 1}), make_response(200, {"a": 2}),
                                           auth_method="oauth2")
    assert client.request("GET", URL) == {"a": 1}
    assert client.request("GET", URL) == {"a": 2}
    assert [call["headers"]["Authorization"] for call in session.calls[1:]] == ["Bearer tok", "Bearer tok"]


def test_a_refused_token_request_says_why_and_what_to_check():
    refused = {"error": "invalid_client", "error_description": "Client authentication failed"}
    client, _session, _sleeps = client_with(make_response(401, refused), auth_method="oauth2")
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    message = str(caught.value)
    assert "invalid_client" in message and "Client authentication failed" in message
    assert "key_id and key_secret" in message
    assert "very-secret" not in message


def test_a_refused_connection_names_the_cause_and_the_options():
    refused = requests.exceptions.ConnectionError(
        "HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: /v1/projects/p "
        "(Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: "
        "Failed to establish a new connection: [Errno 111] Connection refused'))")
    client, _session, _sleeps = client_with(refused, refused, retries=1)
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    message = str(caught.value)
    assert "[Errno 111] Connection refused" in message
    assert "Max retries" not in message
    assert URL_HINT in message


@pytest.mark.parametrize("settings, option", [
    (dict(timeout=float("nan")), "timeout"),
    (dict(timeout=float("inf")), "timeout"),
    (dict(timeout=1e300), "timeout"),
    (dict(timeout=0), "timeout"),
    (dict(retry_max_delay=float("nan")), "retry_max_delay"),
    (dict(retry_max_delay=-1), "retry_max_delay"),
    (dict(project_id="a/../b"), "project_id"),
    (dict(project_id="my project"), "project_id"),
])
def test_impossible_settings_fail_before_any_request(settings, option):
    values = dict(key_id="kid", key_secret="very-secret", project_id="p")
    values.update(settings)
    with pytest.raises(SinchInputError) as caught:
        ClientConfig(**values).check()
    assert str(caught.value).startswith(option)


def test_credentials_an_api_echoes_in_an_error_are_masked():
    """A proxy that echoes the request's Authorization header must not get it into the message."""
    client, _session, _sleeps = client_with(make_response(200, {"access_token": "tok-echoed-back"}),
                                            auth_method="oauth2")
    echo = {"error": {"message": "auth was Bearer tok-echoed-back, Basic a2lkOnZlcnktc2VjcmV0, very-secret",
                      "status": "INTERNAL", "details": [{"description": "key very-secret"}]}}
    client.session.script.append(make_response(500, echo))
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    error = caught.value
    text = str(error) + repr(error.to_dict())
    for secret in ("tok-echoed-back", "a2lkOnZlcnktc2VjcmV0", "very-secret"):
        assert secret not in text
    assert "auth was Bearer ********, Basic ********, ********" in str(error)
