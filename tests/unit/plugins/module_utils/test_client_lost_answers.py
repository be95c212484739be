# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writes whose answer was lost: 500 is ambiguous for writes (a POST: test_client.py), a removal's retry that finds nothing succeeded."""

from __future__ import annotations

import pytest
import requests

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError

from .fake_session import make_response, scripted_client

URL = "https://numbers.example/v1/projects/p/activeNumbers/%2B12065550100"
NOT_FOUND = {"error": {"code": 404, "message": "gone", "status": "NOT_FOUND",
                       "details": [{"type": "ResourceInfo", "resourceType": "ActiveNumber"}]}}
DROPPED = requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected('closed'))")


def test_a_get_answered_500_is_an_error_not_retried():
    client, session, _sleeps = scripted_client(make_response(500))
    with pytest.raises(SinchApiError) as caught:
        client.request("GET", URL)
    assert caught.value.status == 500
    assert len(session.calls) == 1


def test_an_idempotent_write_answered_500_is_retried():
    client, session, _sleeps = scripted_client(make_response(500), make_response(200, {"a": 1}))
    assert client.request("PATCH", URL, json={}) == {"a": 1}
    assert len(session.calls) == 2


@pytest.mark.parametrize("first", [make_response(500), make_response(503), DROPPED])
def test_a_delete_whose_first_try_may_have_applied_is_done_when_the_retry_finds_nothing(first):
    client, session, _sleeps = scripted_client(first, make_response(404, NOT_FOUND))
    assert client.request("DELETE", URL) is None
    assert len(session.calls) == 2


def test_a_removal_post_counts_too():
    client, _session, _sleeps = scripted_client(make_response(503), make_response(404, NOT_FOUND))
    assert client.request("POST", URL + ":release", idempotent=True, removal=True) is None


def test_a_delete_answered_404_at_once_is_still_not_found():
    client, _session, _sleeps = scripted_client(make_response(404, NOT_FOUND))
    with pytest.raises(SinchApiError) as caught:
        client.request("DELETE", URL)
    assert caught.value.status == 404


def test_a_refused_connection_does_not_make_a_later_404_success():
    refused = requests.exceptions.ConnectionError("Failed to establish a new connection: refused")
    client, _session, _sleeps = scripted_client(refused, make_response(404, NOT_FOUND))
    with pytest.raises(SinchApiError):
        client.request("DELETE", URL)
