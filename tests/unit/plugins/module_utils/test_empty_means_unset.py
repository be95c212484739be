# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""An empty SINCH_* variable or connection option is not set: the default applies (AWX injects empties)."""

from __future__ import annotations

import contextlib
import json
from unittest import mock

import pytest
from ansible.module_utils import basic
from ansible.module_utils.common.text.converters import to_bytes
from ansible.module_utils.errors import AnsibleFallbackNotFound

from ansible_collections.sinch.numbers.plugins.module_utils.core.config import (
    COMMON_OPTIONS,
    ClientConfig,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.empty import (
    is_empty,
    nonempty_env_fallback,
    without_empty,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.config import LEGACY_OPTIONS, LegacyConfig
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.module import LegacyModule

try:
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core before 2.19
    @contextlib.contextmanager
    def patch_module_args(args):
        with mock.patch.object(basic, "_ANSIBLE_ARGS", to_bytes(json.dumps({"ANSIBLE_MODULE_ARGS": args}))):
            yield


@pytest.mark.parametrize("value, empty", [
    (None, True), ("", True), ("  ", True), ("\n", True), ("basic", False), (0, False), (False, False), ([], False),
])
def test_is_empty(value, empty):
    assert is_empty(value) is empty


def test_the_fallback_skips_empty_variables(monkeypatch):
    monkeypatch.setenv("SINCH_A", "")
    monkeypatch.setenv("SINCH_B", "value")
    assert nonempty_env_fallback("SINCH_A", "SINCH_B") == "value"
    with pytest.raises(AnsibleFallbackNotFound):
        nonempty_env_fallback("SINCH_A")
    monkeypatch.delenv("SINCH_A")
    with pytest.raises(AnsibleFallbackNotFound):
        nonempty_env_fallback("SINCH_A")


def test_without_empty_drops_only_the_named_empty_entries():
    params = {"auth_method": "", "numbers_url": " ", "display_name": "", "timeout": 5}
    assert without_empty(params, ("auth_method", "numbers_url", "timeout")) == {"display_name": "", "timeout": 5}


def test_client_config_takes_defaults_for_empty_values():
    config = ClientConfig(key_id="k", key_secret="s", project_id="p", auth_method="", numbers_url="",
                          auth_url=" ", timeout="", retries="")
    assert config.auth_method == "basic"
    assert config.numbers_url == COMMON_OPTIONS["numbers_url"]["default"]
    assert config.timeout == 30.0 and config.retries == 5
    config.check()


def test_empty_credentials_are_missing_credentials():
    with pytest.raises(SinchInputError, match="missing Sinch credentials: key_id, project_id"):
        ClientConfig(key_id="", key_secret="s", project_id=" ").check()


def test_legacy_config_takes_defaults_for_empty_values():
    config = LegacyConfig(email="a@example.com", password="x", legacy_user_url="")
    assert config.legacy_user_url == LEGACY_OPTIONS["legacy_user_url"]["default"]
    with pytest.raises(SinchInputError, match="missing Sinch dashboard credentials: email"):
        LegacyConfig(email="", password="x").check()


AWX_BLANK = {"SINCH_AUTH_METHOD": "", "SINCH_NUMBERS_URL": "", "SINCH_IMPORTED_NUMBERS_URL": "",
             "SINCH_REGISTRATIONS_URL": "", "SINCH_AUTH_URL": "", "SINCH_TIMEOUT": "", "SINCH_RETRIES": "",
             "SINCH_RETRY_MAX_DELAY": "", "SINCH_VALIDATE_CERTS": ""}


def module_params(module_class, args, environment, monkeypatch):
    for name in list(AWX_BLANK) + ["SINCH_KEY_ID", "SINCH_KEY_SECRET", "SINCH_PROJECT_ID"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with patch_module_args(args):
        return module_class({}).params


def test_a_module_reads_empty_sinch_variables_as_unset(monkeypatch):
    environment = dict(AWX_BLANK, SINCH_KEY_ID="kid", SINCH_KEY_SECRET="secret", SINCH_PROJECT_ID="p")
    params = module_params(SinchModule, {}, environment, monkeypatch)
    for name, option in COMMON_OPTIONS.items():
        assert params[name] == option.get("default", environment.get(option["env"])), name


def test_a_module_reads_empty_connection_options_as_unset(monkeypatch):
    args = {name: "" for name in COMMON_OPTIONS}
    params = module_params(SinchModule, args, {"SINCH_KEY_ID": "kid", "SINCH_NUMBERS_URL": "https://n.example"},
                           monkeypatch)
    assert params["key_id"] == "kid"  # the variable applies, as when the option is not given
    assert params["numbers_url"] == "https://n.example"
    assert params["auth_method"] == "basic" and params["validate_certs"] is True and params["timeout"] == 30.0
    assert params["key_secret"] is None


def test_a_legacy_module_reads_empty_dashboard_options_as_unset(monkeypatch):
    args = {"email": "", "legacy_user_url": " "}
    params = module_params(LegacyModule, args, {"SINCH_LEGACY_EMAIL": "a@example.com", "SINCH_LEGACY_API_URL": ""},
                           monkeypatch)
    assert params["email"] == "a@example.com"
    assert params["legacy_user_url"] == LEGACY_OPTIONS["legacy_user_url"]["default"]
    assert params["legacy_api_url"] == "https://api.sinch.com"
