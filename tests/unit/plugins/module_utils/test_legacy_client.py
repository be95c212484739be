# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""LegacyClient: log-in, instances, signed requests, renewal and errors, with a scripted session."""

from __future__ import annotations

import json

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchAmbiguousWriteError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.client import NUMBER_ADMINISTRATION_KEY, LegacyClient
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.config import LegacyConfig
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.errors import LegacyApiError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.signing import signature, string_to_sign

from .fake_session import FakeSession, make_response

PASSWORD = "pa55-word-never-shown"
AUTHORIZATION = "eyJhIjoiYiJ9:c2lnbmF0dXJl"
SECRET = "bRo76GRddEyetgJDTgkLHA=="
ORG_URL = "https://api.example/v1/organisations"
LOGIN = make_response(200, {"authorization": AUTHORIZATION, "user": {}})


def instance(instance_id="inst-1", secret=SECRET, expires_in=172800):
    body = {"id": instance_id, "secret": secret}
    if expires_in is not None:
        body["expiresIn"] = expires_in
    return make_response(200, body)


def error(status, code, message):
    return make_response(status, {"errorCode": code, "message": message, "reference": "ref-1"})


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def legacy_client(*script, clock=None, retries=2):
    config = LegacyConfig(email="jane@example.com", password=PASSWORD, legacy_user_url="https://user.example",
                          legacy_api_url="https://api.example", legacy_portal_url="https://portal.example")
    sleeps = []
    transport = SinchClient(ClientConfig(retries=retries, retry_max_delay=1), session=FakeSession(*script),
                            sleep=sleeps.append)
    return LegacyClient(transport, config, clock=clock or Clock()), transport.session, sleeps


def assert_signed_by(call, instance_id, secret):
    headers = call["headers"]
    scheme, _space, value = headers["Authorization"].partition(" ")
    assert scheme == "Instance"
    given_id, _colon, given = value.partition(":")
    body = call.get("data") or b""
    path = call["url"].split("://", 1)[1].split("/", 1)[1].split("?")[0]
    text = string_to_sign(call["method"], body, headers.get("Content-Type", ""), headers["X-Timestamp"], "/" + path)
    assert given_id == instance_id
    assert given == signature(secret, text)


def test_a_session_logs_in_creates_an_instance_and_signs():
    client, session, _sleeps = legacy_client(LOGIN, instance(), make_response(200, {"id": 8888123}))
    assert client.organisation() == {"id": 8888123}
    login, create, get = session.calls
    assert login["url"] == "https://user.example/v1/users/email/jane@example.com/authentication"
    assert login["headers"]["Authorization"] == "Application " + NUMBER_ADMINISTRATION_KEY
    assert "X-Timestamp" in login["headers"]
    assert json.loads(login["data"]) == {"password": PASSWORD}
    assert create["url"] == "https://api.example/v1/instance"
    assert create["headers"]["Authorization"] == "User " + AUTHORIZATION
    assert json.loads(create["data"])["authorization"] == AUTHORIZATION
    assert set(json.loads(create["data"])["version"]) == {"os", "platform"}
    assert get["url"] == ORG_URL and get["data"] is None
    assert_signed_by(get, "inst-1", SECRET)


def test_the_organisation_is_looked_up_once():
    client, session, _sleeps = legacy_client(LOGIN, instance(), make_response(200, {"id": 1}))
    client.organisation()
    client.organisation()
    assert len(session.calls) == 3


def test_a_body_is_signed_over_the_exact_bytes_sent():
    client, session, _sleeps = legacy_client(LOGIN, instance(), make_response(200, {"referenceId": "r"}))
    client.request("PUT", "https://portal.example/v1/organisations/id/1/numbers/shop", {"groupId": 13, "quantity": 2})
    put = session.calls[2]
    assert put["data"] == b'{"groupId":13,"quantity":2}'
    assert put["headers"]["Content-Type"] == "application/json"
    assert_signed_by(put, "inst-1", SECRET)


def test_an_instance_refused_as_expired_is_renewed_once_and_the_request_repeated():
    client, session, _sleeps = legacy_client(
        LOGIN, instance("inst-1"), error(401, 40105, "The instance has expired"),
        instance("inst-2", "AAAAAAAAAAAAAAAAAAAAAA=="), make_response(200, {"id": 1}))
    assert client.request("GET", ORG_URL) == {"id": 1}
    assert [call["url"].rsplit("/", 1)[1] for call in session.calls] == [
        "authentication", "instance", "organisations", "instance", "organisations"]
    assert_signed_by(session.calls[4], "inst-2", "AAAAAAAAAAAAAAAAAAAAAA==")
    assert client.instances_created == 2


def test_a_second_401_is_final():
    client, session, _sleeps = legacy_client(LOGIN, instance(), error(401, 40102, "Invalid signature."),
                                             instance("inst-2"), error(401, 40102, "Invalid signature."))
    with pytest.raises(LegacyApiError) as caught:
        client.request("GET", ORG_URL)
    assert caught.value.code == 40102
    assert "the instance signature was rejected" in str(caught.value)
    assert len(session.calls) == 5


def test_a_refused_timestamp_is_not_answered_with_a_new_instance():
    client, session, _sleeps = legacy_client(LOGIN, instance(), error(401, 40101, "The X-Timestamp header is too far"))
    with pytest.raises(LegacyApiError) as caught:
        client.request("GET", ORG_URL)
    assert "check the clock of the host running the module" in str(caught.value)
    assert len(session.calls) == 3


def test_an_instance_is_renewed_before_the_expiry_it_announced():
    clock = Clock()
    client, session, _sleeps = legacy_client(LOGIN, instance("inst-1", expires_in=100), make_response(200, {}),
                                             instance("inst-2", expires_in=100), make_response(200, {}), clock=clock)
    client.request("GET", ORG_URL)
    clock.now += 51  # past half of a 100 s lifetime (the margin is min(60 s, half the lifetime))
    client.request("GET", ORG_URL)
    assert [call["url"].rsplit("/", 1)[1] for call in session.calls] == [
        "authentication", "instance", "organisations", "instance", "organisations"]
    assert_signed_by(session.calls[4], "inst-2", SECRET)


def test_an_instance_without_announced_expiry_is_kept():
    clock = Clock()
    client, session, _sleeps = legacy_client(LOGIN, instance(expires_in=None), make_response(200, {}),
                                             make_response(200, {}), clock=clock)
    client.request("GET", ORG_URL)
    clock.now += 10 ** 6
    client.request("GET", ORG_URL)
    assert len(session.calls) == 4


def test_an_expired_user_authorization_means_logging_in_again():
    client, session, _sleeps = legacy_client(LOGIN, error(401, 40105, "expired"), LOGIN, instance(), make_response(200, {}))
    client.request("GET", ORG_URL)
    assert [call["url"].rsplit("/", 1)[1] for call in session.calls] == [
        "authentication", "instance", "authentication", "instance", "organisations"]


def test_a_wrong_password_is_a_clear_error_without_the_password():
    client, session, _sleeps = legacy_client(error(401, 40108, "Invalid email or password."))
    with pytest.raises(LegacyApiError) as caught:
        client.request("GET", ORG_URL)
    text = str(caught.value)
    assert "Invalid email or password. (check email and password" in text
    assert "SINCH_LEGACY_PASSWORD" in text
    assert PASSWORD not in text and PASSWORD not in repr(caught.value.to_dict())
    assert caught.value.status == 401 and caught.value.code == 40108 and caught.value.request_id == "ref-1"
    assert len(session.calls) == 1


def test_an_error_in_another_shape_is_still_read():
    client, _session, _sleeps = legacy_client(LOGIN, instance(), make_response(404, {"error": {"message": "No such method"}}))
    with pytest.raises(LegacyApiError) as caught:
        client.request("GET", ORG_URL)
    assert caught.value.status == 404
    assert "No such method" in str(caught.value)


def test_gateway_errors_are_retried_by_the_shared_transport():
    client, session, sleeps = legacy_client(LOGIN, instance(), error(503, 50300, "Service is temporarily unavailable"),
                                            make_response(200, []))
    assert client.request("GET", "https://portal.example/v1/applications/key/k/numbers") == []
    assert len(session.calls) == 4 and len(sleeps) == 1


def test_a_checkout_answered_503_is_ambiguous_and_not_repeated():
    client, session, _sleeps = legacy_client(LOGIN, instance(), error(503, 50300, "down"))
    with pytest.raises(SinchAmbiguousWriteError):
        client.request("POST", "https://portal.example/v1/organisations/id/1/numbers/shop", {"referenceIds": ["r"]})
    assert len(session.calls) == 3


def test_no_secret_in_reprs():
    client, _session, _sleeps = legacy_client(LOGIN, instance(), make_response(200, {}))
    client.request("GET", ORG_URL)
    shown = repr(client) + repr(client._instance) + repr(client.config)  # pylint: disable=protected-access
    for secret in (PASSWORD, AUTHORIZATION, SECRET):
        assert secret not in shown


@pytest.mark.parametrize("answers, call", [
    ((make_response(200, ["a", "list"]),), lambda client: client.organisation()),
    ((LOGIN, make_response(200, [1, 2]),), lambda client: client.organisation()),
    ((LOGIN, instance(), make_response(200, [1, 2])), lambda client: client.organisation()),
    ((LOGIN, instance(), make_response(200, {"not": "a list"})),
     lambda client: client.request("GET", "https://portal.example/v1/organisations/id/1/numbers", shape=list)),
    ((LOGIN, instance(), make_response(200, [7])),
     lambda client: client.request("GET", "https://portal.example/v1/organisations/id/1/numbers", shape=list)),
])
def test_an_answer_of_the_wrong_shape_names_the_url_options(answers, call):
    """A wrong legacy_*_url answers with something else than the document's objects and lists."""
    client, _session, _sleeps = legacy_client(*answers)
    with pytest.raises(LegacyApiError) as caught:
        call(client)
    assert "check the legacy_*_url options" in str(caught.value)


def test_credentials_the_api_echoes_in_an_error_are_masked():
    client, _session, _sleeps = legacy_client(
        LOGIN, instance(), error(500, 50000, "saw password %s, user %s, instance key %s" % (PASSWORD, AUTHORIZATION, SECRET)))
    with pytest.raises(LegacyApiError) as caught:
        client.organisation()
    message = str(caught.value)
    assert PASSWORD not in message and AUTHORIZATION not in message and SECRET not in message
    assert "saw password ********, user ********, instance key ********" in message
