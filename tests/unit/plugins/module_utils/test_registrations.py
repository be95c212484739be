# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""RegistrationsApi: OAuth2 only (never Basic), token reuse and renewal, URL and body mapping."""

from __future__ import annotations

import pytest
import requests

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError
from ansible_collections.sinch.numbers.plugins.module_utils.core.file_transfer import LocalFile
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import (
    RegistrationsApi,
    policy_from_api,
    registration_from_api,
    registration_to_api,
    sender_ids,
)

from .fake_session import FakeSession, make_response

BASE = "https://reg.example/v1/projects/p"
TOKEN = {"access_token": "tok-1", "expires_in": 3600}


@pytest.fixture(autouse=True)
def fresh_tokens():
    clear_token_cache()
    yield
    clear_token_cache()


def api_with(*script, **config):
    settings = dict(key_id="kid", key_secret="very-secret", project_id="p", registrations_url="https://reg.example",
                    auth_url="https://auth.example", auth_method="basic", retries=2, retry_max_delay=0)
    settings.update(config)
    client = SinchClient(ClientConfig(**settings), session=FakeSession(*script), sleep=lambda _: None)
    return RegistrationsApi(client), client.session


def binary_response(content):
    response = requests.Response()
    response.status_code = 200
    response._content = content
    response.headers["Content-Type"] = "application/octet-stream"
    return response


def test_basic_auth_method_still_sends_only_bearer_tokens_to_the_api():
    api, session = api_with(make_response(200, TOKEN), make_response(200, {"markets": []}),
                            make_response(200, {"id": "pol"}), binary_response(b"%PDF"))
    api.list_markets("ALPHANUMERIC_SENDER_ID")
    api.get_policy("pol")
    api.download_template("pol", "att")
    token_call, *api_calls = session.calls
    assert token_call["url"] == "https://auth.example/oauth2/token"
    assert [call["headers"]["Authorization"] for call in api_calls] == ["Bearer tok-1"] * 3
    assert all(call["url"].startswith(BASE) for call in api_calls)


def test_the_token_is_fetched_once_and_renewed_once_after_a_401():
    api, session = api_with(
        make_response(200, TOKEN),
        make_response(200, {"id": "r1", "status": "IN_QUEUE"}),
        make_response(401, {"error": {"code": 401, "message": "expired"}}, {"WWW-Authenticate": 'Bearer error="invalid_token"'}),
        make_response(200, {"access_token": "tok-2", "expires_in": 3600}),
        make_response(200, {"id": "r1", "status": "IN_PROGRESS"}),
        make_response(200, {"id": "r1", "status": "APPROVED"}),
    )
    assert api.get_registration("r1")["status"] == "IN_QUEUE"
    assert api.get_registration("r1")["status"] == "IN_PROGRESS"
    assert api.get_registration("r1")["status"] == "APPROVED"
    tokens = [call for call in session.calls if call["url"].endswith("/oauth2/token")]
    assert len(tokens) == 2
    assert [call["headers"]["Authorization"] for call in session.calls if "/registrations/" in call["url"]] == [
        "Bearer tok-1", "Bearer tok-1", "Bearer tok-2", "Bearer tok-2"]


def test_a_second_401_is_final():
    unauthorized = make_response(401, {"error": {"code": 401, "message": "no"}})
    api, session = api_with(make_response(200, TOKEN), unauthorized,
                            make_response(200, {"access_token": "tok-2", "expires_in": 3600}), unauthorized)
    with pytest.raises(SinchApiError) as error:
        api.get_policy("pol")
    assert error.value.status == 401
    assert len(session.calls) == 4
    assert "very-secret" not in str(error.value)


def test_uploads_renew_the_token_too(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"%PDF-1.4\x00\xff")
    api, session = api_with(make_response(200, TOKEN), make_response(401, {"error": {"code": 401}}),
                            make_response(200, {"access_token": "tok-2", "expires_in": 3600}),
                            make_response(200, {"attachmentId": "att", "uploadStatus": "COMPLETED"}))
    answer = api.upload_attachment("r/1", "att", LocalFile(str(path)))
    assert answer == {"attachment_id": "att", "upload_status": "COMPLETED"}
    upload = session.calls[-1]
    assert upload["url"] == BASE + "/registrations/r%2F1/attachments/att"
    assert upload["headers"]["Authorization"] == "Bearer tok-2"
    content_type = upload["headers"]["Content-Type"]
    boundary = content_type.split("boundary=")[1]
    assert content_type.startswith("multipart/form-data; boundary=")
    assert upload["data"].startswith(("--%s\r\n" % boundary).encode())
    assert b'Content-Disposition: form-data; name="file"; filename="letter.pdf"\r\nContent-Type: application/pdf\r\n\r\n' \
        b"%PDF-1.4\x00\xff\r\n--" + boundary.encode() + b"--\r\n" in upload["data"]


def test_list_filters_and_paging():
    api, session = api_with(make_response(200, TOKEN),
                            make_response(200, {"registrations": [{"id": "a"}], "nextPageToken": "t1"}),
                            make_response(200, {"registrations": [{"id": "b"}], "nextPageToken": ""}))
    found = list(api.list_registrations({"sender_id": "ACME", "tags": ["#x"], "status": None,
                                         "registration_type": "LONG_NUMBER"}, page_size=1))
    assert [item["id"] for item in found] == ["a", "b"]
    first, second = session.calls[1:]
    assert first["params"] == {"senderId": "ACME", "tags": ["#x"], "registrationType": "LONG_NUMBER", "pageSize": 1}
    assert second["params"]["pageToken"] == "t1"


def test_registration_mapping_keeps_the_policy_field_names():
    body = {"id": "r", "policyId": "p", "notificationContacts": ["a@b.c"],
            "requestDetails": [{"senderIdDetails": [{"senderId": "ACME", "useCase": "x"}],
                                "additionalDetails": [{"companyName": "A"}]}],
            "logs": [{"registrationState": "IN_QUEUE"}]}
    registration = registration_from_api(body)
    assert registration["request_details"] == [{"sender_id_details": [{"senderId": "ACME", "useCase": "x"}],
                                                "additional_details": [{"companyName": "A"}]}]
    assert registration["logs"] == [{"registration_state": "IN_QUEUE"}]
    assert registration_to_api({"policy_id": "p", "request_details": registration["request_details"],
                                "callback_url": None, "notification_contacts": ["a@b.c"]}) == {
        "policyId": "p", "requestDetails": body["requestDetails"], "notificationContacts": ["a@b.c"]}
    assert sender_ids(registration["request_details"]) == ["ACME"]
    assert sender_ids([{"sender_id_details": [{"useCase": "x"}]}]) == []


def test_policy_mapping_keeps_the_templates_as_sent():
    policy = policy_from_api({"id": "p", "policyStatus": "ENABLED",
                              "jsonPolicy": {"senderIdTemplate": {"fields": [{"fieldName": "senderId"}]}}})
    assert policy == {"id": "p", "policy_status": "ENABLED",
                      "json_policy": {"sender_id_template": {"fields": [{"fieldName": "senderId"}]}}}
