# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Updates (PATCH/PUT) whose answer was lost are read back, not re-sent (SinchClient.update_once).

The fake API below keeps its resources: a write it is told to apply is applied, and the first
write is then answered with a fault (503, 500 or a dropped connection) or refused before applying.
"""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

import pytest
import requests

from ansible_collections.sinch.numbers.plugins.module_utils.callbacks.callback_config_resource import (
    CallbackConfigResource,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError
from ansible_collections.sinch.numbers.plugins.module_utils.core.file_transfer import LocalFile
from ansible_collections.sinch.numbers.plugins.module_utils.imported.imported_number_resource import (
    ImportedNumberResource,
)
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import RegistrationsApi
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.attachments import upload_once
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.registration_resource import (
    RegistrationResource,
)

from .fake_session import make_response, scripted_client

DROPPED = requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected('closed'))")
NOT_FOUND = {"error": {"code": 404, "message": "gone", "status": "NOT_FOUND"}}
WRITES = ("PATCH", "PUT")
PHONE = "+12025550150"
IMPORTED_PATH = "/v1/projects/p/importedNumbers/%2B12025550150"
REGISTRATION_PATH = "/v1/projects/p/registrations/reg-1"


def merge(target, body):
    for key, value in body.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


class AppliesThenFails:
    """A stateful API: the first write is applied (or not) and then answered with `fault`."""

    def __init__(self, resources, fault, applied=True, show=None):
        self.resources = copy.deepcopy(resources)
        self.fault = fault
        self.applied = applied
        self.show = show or (lambda body: body)
        self.calls = []
        self.headers = {}

    @property
    def writes(self):
        return [method for method, _path in self.calls if method in WRITES]

    def request(self, method, url, json=None, **_kwargs):
        path = urlsplit(url).path
        if path.endswith("/oauth2/token"):
            return make_response(200, {"access_token": "tok", "expires_in": 3600})
        self.calls.append((method, path))
        if method == "GET":
            if path not in self.resources:
                return make_response(404, NOT_FOUND)
            return make_response(200, self.show(copy.deepcopy(self.resources[path])))
        first = len(self.writes) == 1
        if not first or self.applied:
            merge(self.resources.setdefault(path, {}), json or {})
        if first:
            if isinstance(self.fault, Exception):
                raise self.fault
            return self.fault
        return make_response(200, self.show(copy.deepcopy(self.resources[path])))


class FakeModule:
    def __init__(self, params, session):
        config = ClientConfig(key_id="kid", key_secret="ks", project_id="p", retries=2,
                              numbers_url="https://api.example", imported_numbers_url="https://api.example",
                              registrations_url="https://api.example", auth_url="https://api.example")
        self.client = SinchClient(config, session=session, sleep=lambda _: None)
        self.params = dict({"wait": False, "wait_timeout": 5, "wait_interval": 0.01}, **params)
        self.check_mode = False

    def warn(self, message):
        raise AssertionError("unexpected warning: %s" % message)

    @property
    def ansible(self):
        return self


@pytest.fixture(autouse=True)
def fresh_tokens():
    clear_token_cache()
    yield
    clear_token_cache()


FAULTS = [make_response(503), make_response(500), make_response(504), DROPPED]


# ---------------------------------------------------------------- the core
@pytest.mark.parametrize("fault", FAULTS)
def test_an_update_applied_then_lost_is_read_back_and_sent_once(fault):
    session = AppliesThenFails({"/thing": {"name": "old"}}, fault)
    client = FakeModule({}, session).client
    result = client.update_once(lambda: client.request("PATCH", "https://api.example/thing", json={"name": "new"},
                                                       idempotent=False),
                                lambda: client.get_or_none("https://api.example/thing"), {"name": "new"})
    assert result == {"name": "new"}
    assert session.writes == ["PATCH"]


def test_an_update_refused_before_applying_is_sent_again():
    session = AppliesThenFails({"/thing": {"name": "old"}}, make_response(503), applied=False)
    client = FakeModule({}, session).client
    result = client.update_once(lambda: client.request("PATCH", "https://api.example/thing", json={"name": "new"},
                                                       idempotent=False),
                                lambda: client.get_or_none("https://api.example/thing"), {"name": "new"})
    assert result == {"name": "new"}
    assert session.writes == ["PATCH", "PATCH"]


def test_an_update_never_applied_stops_when_retries_run_out():
    old = make_response(200, {"name": "old"})
    client, session, _sleeps = scripted_client(*[make_response(503), old] * 3, retries=2)
    with pytest.raises(SinchApiError, match="not applied, and retries are exhausted"):
        client.update_once(lambda: client.request("PATCH", "https://api.example/thing", json={"name": "new"},
                                                  idempotent=False),
                           lambda: client.get_or_none("https://api.example/thing"), {"name": "new"})
    assert [call["method"] for call in session.calls] == ["PATCH", "GET"] * 3  # the first try and retries=2


# ---------------------------------------------------------------- the modules' updates
@pytest.mark.parametrize("fault", FAULTS)
def test_an_imported_number_patch_applied_then_lost_is_sent_once(fault):
    number = {"phoneNumber": PHONE, "regionCode": "US", "displayName": "old",
              "smsConfiguration": {"servicePlanId": "plan"}}
    session = AppliesThenFails({IMPORTED_PATH: number}, fault)
    module = FakeModule({"phone_number": PHONE, "display_name": "new", "state": "present"}, session)
    result = ImportedNumberResource(module).run()
    assert result["changed"]
    assert result["imported_number"]["display_name"] == "new"
    assert session.writes == ["PATCH"]


def test_an_imported_number_unlink_applied_then_lost_is_sent_once():
    number = {"phoneNumber": PHONE, "regionCode": "US", "smsConfiguration": {"servicePlanId": "plan"}}
    session = AppliesThenFails({IMPORTED_PATH: number}, make_response(503))
    module = FakeModule({"phone_number": PHONE, "sms_configuration": {"service_plan_id": "plan-2"},
                         "state": "present"}, session)
    result = ImportedNumberResource(module).run()
    assert result["imported_number"]["sms_configuration"]["service_plan_id"] == "plan-2"
    assert session.writes == ["PATCH", "PATCH"]  # unlink once, link once


@pytest.mark.parametrize("fault", FAULTS)
def test_a_registration_put_applied_then_lost_is_sent_once(fault):
    registration = {"id": "reg-1", "policyId": "pol-1", "status": "IN_QUEUE", "tags": ["#old"],
                    "requestDetails": [{"senderIdDetails": [{"senderId": "ACME"}]}]}
    session = AppliesThenFails({REGISTRATION_PATH: registration}, fault)
    module = FakeModule({"id": "reg-1", "policy_id": "pol-1", "tags": ["#new"], "state": "present"}, session)
    resource = RegistrationResource(module)
    current = resource.comparable(resource.api.get_registration("reg-1"))
    resource._current = current
    after = resource.update(current, {"tags": ["#new"]}, dict(resource.desired(), attachment_sha256=None))
    assert after["tags"] == ["#new"]
    assert session.writes == ["PUT"]


def _callback(api, fault, masked=False, applied=True):
    path = "/v1/projects/p/callbackConfiguration" if api == "numbers" else "/v1/projects/p/callback-configuration"

    def show(body):
        if masked and body.get("hmacSecret"):
            body["hmacSecret"] = "********"
        return body
    session = AppliesThenFails({path: {"projectId": "p", "hmacSecret": "old-secret-4711"}}, fault,
                               applied=applied, show=show)
    module = FakeModule({"api": api, "hmac_secret": "new-secret-0815", "update_secret": "always"}, session)
    return CallbackConfigResource(module).run(), session


@pytest.mark.parametrize("api", ["numbers", "registrations"])
@pytest.mark.parametrize("fault", FAULTS)
def test_a_callback_secret_shown_by_the_api_is_read_back_and_sent_once(api, fault):
    result, session = _callback(api, fault)
    assert result["changed"] and result["callback_config"]["hmac_secret_set"]
    assert session.writes == ["PATCH" if api == "numbers" else "PUT"]
    assert "new-secret-0815" not in repr(result)


@pytest.mark.parametrize("api", ["numbers", "registrations"])
def test_a_callback_secret_the_api_hides_is_sent_again(api):
    # A masked secret proves nothing; sending the same secret again leaves the same state.
    result, session = _callback(api, make_response(503), masked=True)
    assert result["changed"]
    assert len(session.writes) == 2
    assert "new-secret-0815" not in repr(result)


def _binary(content):
    response = make_response(200)
    response._content = content
    response.headers["Content-Type"] = "application/octet-stream"
    return response


@pytest.mark.parametrize("attached, posts", [(b"%PDF letter", 1), (b"%PDF older letter", 2)])
def test_an_attachment_upload_whose_answer_was_lost_is_downloaded_before_sending_again(tmp_path, attached, posts):
    path = tmp_path / "loa.pdf"
    path.write_bytes(b"%PDF letter")
    token = make_response(200, {"access_token": "tok", "expires_in": 3600})
    script = [token, make_response(503), _binary(attached)]
    if posts == 2:
        script.append(make_response(200, {"attachmentId": "att-loa"}))
    client, session, _sleeps = scripted_client(*script, registrations_url="https://api.example",
                                               auth_url="https://api.example")
    upload_once(RegistrationsApi(client), "reg-1", "att-loa", LocalFile(str(path)))
    methods = [call["method"] for call in session.calls if not call["url"].endswith("/oauth2/token")]
    assert methods == ["POST", "GET"] + ["POST"] * (posts - 1)
