# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Retry, auth, pagination and error policies of SinchClient, with a scripted session."""

from __future__ import annotations

import pytest
import requests

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchAmbiguousWriteError,
    SinchApiError,
    SinchInputError,
)

from .fake_session import make_response, scripted_client

URL = "https://numbers.example/v1/projects/p/activeNumbers"
ERROR_404 = {"error": {"code": 404, "message": "Number not found", "status": "NOT_FOUND",
                       "details": [{"type": "ResourceInfo", "resourceType": "ActiveNumber"}]}}


@pytest.fixture(autouse=True)
def fresh_tokens():
    clear_token_cache()
    yield
    clear_token_cache()


def test_get_is_retried_on_429_honouring_retry_after():
    client, session, sleeps = scripted_client(
        make_response(429, {"error": {"status": "RESOURCE_EXHAUSTED"}}, {"Retry-After": "2"}),
        make_response(200, {"ok": True}))
    assert client.request("GET", URL) == {"ok": True}
    assert len(session.calls) == 2
    assert sleeps == [2.0]


def test_retry_after_is_capped_by_retry_max_delay():
    client, _session, sleeps = scripted_client(
        make_response(429, None, {"Retry-After": "120"}), make_response(200, {}), retry_max_delay=3)
    client.request("GET", URL)
    assert sleeps == [3]


@pytest.mark.parametrize("status", [502, 503, 504])
def test_idempotent_requests_are_retried_on_gateway_errors(status):
    client, session, sleeps = scripted_client(make_response(status), make_response(status), make_response(200, {"a": 1}))
    assert client.request("PATCH", URL, json={}) == {"a": 1}
    assert len(session.calls) == 3
    assert all(0 <= delay <= 5 for delay in sleeps)


def test_retries_are_bounded_and_end_in_a_clear_error():
    client, session, _sleeps = scripted_client(*[make_response(503, {"error": {"message": "busy", "status": "UNAVAILABLE"}})] * 4)
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert len(session.calls) == 4  # 1 + retries
    assert caught.value.status == 503
    assert "busy" in str(caught.value)


@pytest.mark.parametrize("status", [500, 503])
def test_a_post_answered_500_or_503_is_ambiguous_and_not_replayed(status):
    client, session, _sleeps = scripted_client(make_response(status))
    with pytest.raises(SinchAmbiguousWriteError):
        client.request("POST", URL + ":rent", json={})
    assert len(session.calls) == 1


def test_a_post_answered_429_is_retried_because_it_was_not_processed():
    client, session, _sleeps = scripted_client(make_response(429), make_response(200, {"phoneNumber": "+1"}))
    assert client.request("POST", URL + ":rent", json={}) == {"phoneNumber": "+1"}
    assert len(session.calls) == 2


def test_a_post_whose_answer_timed_out_is_ambiguous():
    client, session, _sleeps = scripted_client(requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(SinchAmbiguousWriteError):
        client.request("POST", URL + ":rent", json={})
    assert len(session.calls) == 1


def test_a_refused_connection_is_retried_even_for_a_post():
    refused = requests.exceptions.ConnectionError("Failed to establish a new connection: refused")
    client, session, _sleeps = scripted_client(refused, make_response(200, {"ok": 1}))
    assert client.request("POST", URL + ":rent", json={}) == {"ok": 1}
    assert len(session.calls) == 2


def test_create_once_uses_the_applied_result_instead_of_writing_again():
    client, session, _sleeps = scripted_client(make_response(503))
    writes = []

    def write():
        writes.append(1)
        return client.request("POST", URL + ":rent", json={})

    result = client.create_once(write, lambda: {"phone_number": "+1", "found": True})
    assert result == {"phone_number": "+1", "found": True}
    assert len(writes) == 1


def test_create_once_writes_again_only_when_the_reread_shows_nothing():
    client, _session, _sleeps = scripted_client(make_response(503), make_response(200, {"n": 2}))
    rereads = []
    result = client.create_once(lambda: client.request("POST", URL, json={}),
                                lambda: rereads.append(1))
    assert result == {"n": 2}
    assert rereads == [1]


def test_basic_auth_header_is_sent_and_never_in_errors():
    client, session, _sleeps = scripted_client(make_response(401, {"error": {"message": "bad key", "status": "UNAUTHENTICATED"}}))
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert session.calls[0]["headers"]["Authorization"].startswith("Basic ")
    assert len(session.calls) == 1  # Basic credentials are not retried on 401
    assert "very-secret" not in str(caught.value)
    assert "key_id and key_secret" in str(caught.value)


def test_oauth2_token_is_fetched_once_and_reused():
    client, session, _sleeps = scripted_client(
        make_response(200, {"access_token": "tok-1", "expires_in": 3600}),
        make_response(200, {"a": 1}), make_response(200, {"a": 2}),
        auth_method="oauth2", auth_url="https://auth.example")
    client.request("GET", URL)
    client.request("GET", URL)
    assert [call["url"] for call in session.calls] == ["https://auth.example/oauth2/token", URL, URL]
    assert session.calls[0]["data"] == {"grant_type": "client_credentials"}
    assert session.calls[1]["headers"]["Authorization"] == "Bearer tok-1"


def test_oauth2_token_is_refreshed_once_on_401_and_the_request_replayed():
    client, session, _sleeps = scripted_client(
        make_response(200, {"access_token": "old", "expires_in": 3600}),
        make_response(401, None, {"WWW-Authenticate": 'Bearer error="invalid_token"'}),
        make_response(200, {"access_token": "new", "expires_in": 3600}),
        make_response(200, {"ok": True}),
        auth_method="oauth2", auth_url="https://auth.example")
    assert client.request("GET", URL) == {"ok": True}
    assert session.calls[3]["headers"]["Authorization"] == "Bearer new"


def test_oauth2_gives_up_after_one_refresh():
    client, session, _sleeps = scripted_client(
        make_response(200, {"access_token": "a", "expires_in": 3600}), make_response(401),
        make_response(200, {"access_token": "b", "expires_in": 3600}), make_response(401),
        auth_method="oauth2", auth_url="https://auth.example")
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert caught.value.status == 401
    assert len(session.calls) == 4


def test_paginate_follows_tokens_and_sends_the_page_size():
    client, session, _sleeps = scripted_client(
        make_response(200, {"activeNumbers": [1, 2], "nextPageToken": "t1"}),
        make_response(200, {"activeNumbers": [3], "nextPageToken": ""}))
    assert list(client.paginate(URL, "activeNumbers", {"regionCode": "US"}, page_size=2)) == [1, 2, 3]
    assert session.calls[0]["params"] == {"regionCode": "US", "pageSize": 2}
    assert session.calls[1]["params"]["pageToken"] == "t1"


def test_paginate_stops_on_a_repeated_token():
    client, session, _sleeps = scripted_client(
        make_response(200, {"items": [1], "nextPageToken": "same"}),
        make_response(200, {"items": [2], "nextPageToken": "same"}))
    assert list(client.paginate(URL, "items")) == [1, 2]
    assert len(session.calls) == 2


def test_get_or_none_maps_a_resource_404_to_none_but_not_a_project_404():
    client, _session, _sleeps = scripted_client(make_response(404, ERROR_404))
    assert client.get_or_none(URL + "/+1") is None
    project_missing = {"error": {"code": 404, "message": "Project p not found", "status": "NOT_FOUND",
                                 "details": [{"type": "ResourceInfo", "resourceType": "project"}]}}
    client, _session, _sleeps = scripted_client(make_response(404, project_missing))
    with pytest.raises(SinchApiError) as caught:
        client.get_or_none(URL + "/+1")
    assert "check project_id" in str(caught.value)


def test_field_violations_are_in_the_message():
    body = {"error": {"code": 400, "message": "Invalid argument", "status": "INVALID_ARGUMENT",
                      "details": [{"type": "BadRequest", "fieldViolations": [
                          {"field": "regionCode", "description": "must be set"}]}]}}
    client, _session, _sleeps = scripted_client(make_response(400, body))
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert "field 'regionCode': must be set" in str(caught.value)


def test_missing_credentials_name_the_options_and_variables():
    with pytest.raises(SinchInputError) as caught:
        ClientConfig(key_id="k", key_secret=None, project_id=None).check()
    assert "key_secret, project_id" in str(caught.value)
    assert "SINCH_KEY_SECRET" in str(caught.value)
