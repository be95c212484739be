# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""sinch_callback_config's resource: compared when shown, update_secret when hidden, never leaked."""

from __future__ import annotations

import json

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.callbacks.api import secret_state
from ansible_collections.sinch.numbers.plugins.module_utils.callbacks.callback_config_resource import CallbackConfigResource
from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError

from .fake_session import FakeSession, make_response

SECRET = "new-hmac-secret-0815"
OLD = "old-hmac-secret-4711"
TOKEN = make_response(200, {"access_token": "tok", "expires_in": 3600})


class FakeModule:
    def __init__(self, params, script, check_mode=False):
        config = ClientConfig(key_id="kid", key_secret="ks", project_id="p", numbers_url="https://num.example",
                              registrations_url="https://reg.example", auth_url="https://auth.example", retries=0)
        self.client = SinchClient(config, session=FakeSession(*script), sleep=lambda _: None)
        self.params = dict(params)
        self.check_mode = check_mode


@pytest.fixture(autouse=True)
def fresh_tokens():
    clear_token_cache()
    yield
    clear_token_cache()


def run(api, current, answer=None, update_secret="always", check_mode=False, secret=SECRET):
    script = [TOKEN] if api == "registrations" else []
    script.append(make_response(200, current))
    if answer is not None:
        script.append(make_response(200, answer))
    module = FakeModule({"api": api, "hmac_secret": secret, "update_secret": update_secret}, script, check_mode)
    result = CallbackConfigResource(module).run()
    calls = [call for call in module.client.session.calls if not call["url"].endswith("/oauth2/token")]
    return result, calls


def writes(calls):
    return [(call["method"], call["url"], call["json"]) for call in calls if call["method"] != "GET"]


@pytest.mark.parametrize("value, state", [(None, "unset"), ("", "unset"), ("********", "masked"), ("abc", "clear")])
def test_secret_state(value, state):
    assert secret_state({"hmac_secret": value} if value is not None else {}) == state


def test_a_shown_equal_secret_is_left_alone():
    result, calls = run("numbers", {"projectId": "p", "hmacSecret": SECRET})
    assert result["changed"] is False and writes(calls) == []
    assert result["diff"]["before"] == result["diff"]["after"]


def test_a_shown_different_secret_is_patched_on_the_numbers_api():
    result, calls = run("numbers", {"projectId": "p", "hmacSecret": OLD}, {"projectId": "p", "hmacSecret": SECRET})
    assert result["changed"] is True
    assert writes(calls) == [("PATCH", "https://num.example/v1/projects/p/callbackConfiguration", {"hmacSecret": SECRET})]
    assert result["diff"]["before"]["hmac_secret"] != result["diff"]["after"]["hmac_secret"]
    assert result["callback_config"] == {"api": "numbers", "project_id": "p", "hmac_secret_set": True,
                                         "hmac_secret": result["diff"]["after"]["hmac_secret"]}


def test_registrations_use_put_with_a_token():
    result, calls = run("registrations", {"projectId": "p"}, {"projectId": "p", "hmacSecret": SECRET})
    assert result["changed"] is True
    assert writes(calls) == [("PUT", "https://reg.example/v1/projects/p/callback-configuration", {"hmacSecret": SECRET})]
    assert {call["headers"]["Authorization"] for call in calls} == {"Bearer tok"}
    assert result["diff"]["before"]["hmac_secret_set"] is False


@pytest.mark.parametrize("update_secret, changed", [("always", True), ("on_create", False)])
def test_a_hidden_secret_follows_update_secret(update_secret, changed):
    answer = {"projectId": "p", "hmacSecret": "********"} if changed else None
    result, calls = run("numbers", {"projectId": "p", "hmacSecret": "********"}, answer, update_secret)
    assert result["changed"] is changed
    assert len(writes(calls)) == (1 if changed else 0)


@pytest.mark.parametrize("update_secret", ["always", "on_create"])
def test_an_unset_secret_is_always_written(update_secret):
    result, calls = run("numbers", {"projectId": "p"}, {"projectId": "p", "hmacSecret": SECRET}, update_secret)
    assert result["changed"] is True and len(writes(calls)) == 1


def test_check_mode_writes_nothing_and_predicts_the_change():
    result, calls = run("numbers", {"projectId": "p", "hmacSecret": OLD}, check_mode=True)
    assert result["changed"] is True and writes(calls) == []
    assert result["diff"]["before"]["hmac_secret"] != result["diff"]["after"]["hmac_secret"]


@pytest.mark.parametrize("current", [{"projectId": "p", "hmacSecret": OLD}, {"projectId": "p"}])
def test_no_secret_appears_in_the_result(current):
    result, _calls = run("numbers", current, {"projectId": "p", "hmacSecret": SECRET})
    text = json.dumps(result)
    assert SECRET not in text and OLD not in text


def test_tags_are_equal_only_for_equal_secrets_and_differ_between_runs():
    first, _calls = run("numbers", {"projectId": "p", "hmacSecret": SECRET})
    second, _calls = run("numbers", {"projectId": "p", "hmacSecret": SECRET})
    assert first["diff"]["before"]["hmac_secret"] == first["diff"]["after"]["hmac_secret"]
    assert first["diff"]["after"]["hmac_secret"] != second["diff"]["after"]["hmac_secret"]


@pytest.mark.parametrize("secret", ["", " padded "])
def test_bad_secrets_fail_without_a_request_or_the_value(secret):
    module = FakeModule({"api": "numbers", "hmac_secret": secret, "update_secret": "always"}, [])
    with pytest.raises(SinchInputError) as error:
        CallbackConfigResource(module).run()
    assert module.client.session.calls == []
    assert "padded" not in str(error.value)
