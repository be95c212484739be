# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Plugin option handling: the client from resolved options, unknown option names."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.plugin_utils.options import client_from_options, reject_unknown_options

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
