# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Plugin option handling: the client from resolved options, unknown option names."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.plugin_utils.options import (
    client_from_options,
    options_without_empty,
    reject_loose_booleans,
    reject_unknown_options,
)

DEFINITIONS = {
    "region_codes": {"aliases": ["region_code"]},
    "number_types": {"aliases": ["number_type"]},
    "key_secret": {},
    "plugin": {},
}


def test_client_is_built_from_the_resolved_options():
    options = {"key_id": "kid", "key_secret": "s3cr3t", "project_id": "p", "numbers_url": "https://n.example/",
               "retries": 2}
    client = client_from_options(options.get)
    assert client.config.numbers_url == "https://n.example"
    assert client.config.retries == 2
    assert client.config.timeout == 30.0


def test_missing_credentials_name_options_and_environment_variables_but_no_secret():
    options = {"key_id": "kid", "key_secret": "s3cr3t"}
    with pytest.raises(SinchInputError) as caught:
        client_from_options(options.get)
    message = str(caught.value)
    assert message == "missing Sinch credentials: project_id. Set the option(s) or the environment variable(s) SINCH_PROJECT_ID"
    assert "s3cr3t" not in message


def test_impossible_settings_are_refused():
    options = {"key_id": "kid", "key_secret": "s", "project_id": "p", "retries": -1}
    with pytest.raises(SinchInputError, match="retries must be 0 or more"):
        client_from_options(options.get)


def test_documented_names_and_aliases_are_accepted():
    reject_unknown_options({"region_code": "US", "number_types": [], "plugin": "x", "key_secret": "s"}, DEFINITIONS)


def test_unknown_names_are_refused_with_a_suggestion():
    with pytest.raises(SinchInputError) as caught:
        reject_unknown_options({"regions": ["US"], "colour": "blue", "number_types": []}, DEFINITIONS)
    assert str(caught.value) == "unknown options 'colour', 'regions' (did you mean 'region_codes'?)"


BOOLEANS = {
    "validate_certs": {"type": "bool", "env": [{"name": "SINCH_VALIDATE_CERTS"}]},
    "cache": {"type": "bool", "env": [{"name": "ANSIBLE_INVENTORY_CACHE"}]},
    "region_codes": {"type": "list"},
}


@pytest.mark.parametrize("given, environ", [
    ({"validate_certs": True, "cache": "no"}, {}),
    ({"validate_certs": "yes"}, {"SINCH_VALIDATE_CERTS": "false"}),
    ({}, {"SINCH_VALIDATE_CERTS": "0", "ANSIBLE_INVENTORY_CACHE": "whatever ansible makes of it"}),
])
def test_true_and_false_in_any_usual_spelling_pass(given, environ):
    reject_loose_booleans(given, BOOLEANS, environ)


@pytest.mark.parametrize("given, environ, message", [
    ({"validate_certs": "treu"}, {}, "validate_certs 'treu' is not a boolean"),
    ({}, {"SINCH_VALIDATE_CERTS": "enabled"}, "SINCH_VALIDATE_CERTS 'enabled' is not a boolean"),
    ({"cache": "maybe"}, {}, "cache 'maybe' is not a boolean"),
])
def test_a_word_that_is_neither_true_nor_false_is_refused(given, environ, message):
    """ansible's plugin options would read these as false, switching TLS verification off."""
    with pytest.raises(SinchInputError, match=message):
        reject_loose_booleans(given, BOOLEANS, environ)


BLANKABLE = {
    "auth_method": {"default": "basic", "choices": ["basic", "oauth2"], "env": [{"name": "SINCH_AUTH_METHOD"}]},
    "validate_certs": {"type": "bool", "default": True, "env": [{"name": "SINCH_VALIDATE_CERTS"}]},
    "key_id": {"env": [{"name": "SINCH_KEY_ID"}]},
    "region_codes": {"aliases": ["region_code"]},
    "cache_plugin": {"default": "memory", "env": [{"name": "ANSIBLE_INVENTORY_CACHE_PLUGIN"}]},
}


def test_empty_options_and_empty_sinch_variables_become_unset():
    environ = {"SINCH_AUTH_METHOD": "", "SINCH_VALIDATE_CERTS": " ", "SINCH_KEY_ID": "",
               "ANSIBLE_INVENTORY_CACHE_PLUGIN": ""}
    direct = {"region_code": "", "key_id": "", "plugin": "sinch.numbers.active_numbers"}
    options = options_without_empty(direct, BLANKABLE, environ)
    # an empty SINCH_* variable gets the default directly, so ansible's configuration never reads it;
    # options without a default are left to ClientConfig, which reads the empty string as unset
    assert options == {"plugin": "sinch.numbers.active_numbers", "auth_method": "basic", "validate_certs": True}


def test_set_values_are_kept():
    environ = {"SINCH_AUTH_METHOD": "oauth2", "SINCH_VALIDATE_CERTS": ""}
    options = options_without_empty({"region_code": "US", "validate_certs": False}, BLANKABLE, environ)
    assert options == {"region_code": "US", "validate_certs": False}
    assert options_without_empty(None, BLANKABLE, {"SINCH_AUTH_METHOD": "oauth2"}) == {}


def test_empty_booleans_are_not_loose_booleans():
    reject_loose_booleans({"validate_certs": ""}, BLANKABLE, environ={"SINCH_VALIDATE_CERTS": ""})
