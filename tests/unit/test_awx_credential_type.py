# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""extensions/awx/credential_type_sinch.yml injects what the plugins read, and nothing else.

The credential type sets SINCH_* environment variables in AWX / Automation Controller jobs and
inventory syncs. A variable it injects that no plugin reads is a typo that silently leaves an
option at its default; a connection variable it does not inject cannot be set from AWX at all.
"""

from __future__ import annotations

import pathlib
import re

import pytest
import yaml

from ansible_collections.sinch.numbers.plugins.module_utils.config import COMMON_OPTIONS, REQUIRED_CREDENTIALS

COLLECTION_ROOT = pathlib.Path(__file__).resolve().parents[2]
CREDENTIAL_TYPE = COLLECTION_ROOT / "extensions" / "awx" / "credential_type_sinch.yml"
# Options that say who calls and where: a credential must be able to set each of them.
CONNECTION_OPTIONS = {"key_id", "key_secret", "project_id", "auth_method",
                      "numbers_url", "imported_numbers_url", "registrations_url", "auth_url"}
# Transport tuning belongs to the job, not to the credential; injecting it is allowed, not required.
TUNING_OPTIONS = {"timeout", "validate_certs", "retries", "retry_max_delay"}
INJECTED_INPUT = re.compile(r"^\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}$")


@pytest.fixture(scope="module")
def credential_type():
    with CREDENTIAL_TYPE.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


@pytest.fixture(scope="module")
def injected(credential_type):
    return credential_type["injectors"]["env"]


@pytest.fixture(scope="module")
def inputs(credential_type):
    return {field["id"]: field for field in credential_type["inputs"]["fields"]}


def variables_the_plugins_read():
    """Every SINCH_* name in the modules, module_utils, doc fragments, lookup and inventory plugins."""
    names = set()
    for path in (COLLECTION_ROOT / "plugins").rglob("*.py"):
        names.update(re.findall(r"\bSINCH_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8")))
    return names


def env_of(option):
    return COMMON_OPTIONS[option]["env"]


def test_every_shared_option_is_either_connection_or_tuning():
    # A new option in COMMON_OPTIONS must be sorted into one of the two sets (and so into the credential type).
    assert CONNECTION_OPTIONS | TUNING_OPTIONS == set(COMMON_OPTIONS)
    assert not CONNECTION_OPTIONS & TUNING_OPTIONS


def test_every_injected_variable_is_one_the_plugins_read(injected):
    read = variables_the_plugins_read()
    assert read, "no SINCH_* variable found under plugins/"
    assert sorted(set(injected) - read) == []


def test_no_connection_variable_is_missing(injected):
    wanted = {env_of(option) for option in CONNECTION_OPTIONS}
    assert sorted(wanted - set(injected)) == []


def test_each_variable_carries_the_input_of_its_option(injected, inputs):
    env_to_option = {spec["env"]: name for name, spec in COMMON_OPTIONS.items()}
    for variable, template in injected.items():
        match = INJECTED_INPUT.match(str(template))
        assert match, "%s: %r is not a plain {{ input }} reference" % (variable, template)
        assert match.group(1) in inputs, "%s uses the undefined input %s" % (variable, match.group(1))
        assert match.group(1) == env_to_option[variable], "%s carries input %s" % (variable, match.group(1))


def test_every_input_is_injected(injected, inputs):
    used = {INJECTED_INPUT.match(str(template)).group(1) for template in injected.values()}
    assert sorted(set(inputs) - used) == []


def test_secrets_are_secret_inputs(inputs):
    for name, field in inputs.items():
        if COMMON_OPTIONS.get(name, {}).get("no_log"):
            assert field.get("secret") is True, "input %s holds a secret but is not secret: true" % name
    assert any(field.get("secret") for field in inputs.values())


def test_required_inputs_are_the_required_credentials(credential_type):
    assert sorted(credential_type["inputs"].get("required") or []) == sorted(REQUIRED_CREDENTIALS)


def test_defaults_and_choices_match_the_options(inputs):
    for name, field in inputs.items():
        option = COMMON_OPTIONS[name]
        if "default" in field:
            assert field["default"] == option.get("default"), "input %s: default differs from the option's" % name
        if "choices" in field:
            assert field["choices"] == option.get("choices"), "input %s: choices differ from the option's" % name


def test_only_environment_variables_are_injected(credential_type):
    # extra_vars would show up in the job's variables (and its -vvvv output), files are not needed
    assert set(credential_type["injectors"]) == {"env"}
    assert all(variable.startswith("SINCH_") for variable in credential_type["injectors"]["env"])
