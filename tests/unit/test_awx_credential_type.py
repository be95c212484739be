# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The AWX credential types in extensions/awx/ inject what the plugins read, and nothing else.

credential_type_sinch.yml serves the access-key options, credential_type_sinch_legacy.yml the
legacy number administration ones. A credential type sets SINCH_* environment variables in AWX / Automation Controller jobs and
inventory syncs. A variable it injects that no plugin reads is a typo that silently leaves an
option at its default; a connection variable it does not inject cannot be set from AWX at all.
"""

from __future__ import annotations

import pathlib
import re

import pytest
import yaml

from ansible_collections.sinch.numbers.plugins.module_utils.core import config
from ansible_collections.sinch.numbers.plugins.module_utils.legacy import config as legacy_config

COLLECTION_ROOT = pathlib.Path(__file__).resolve().parents[2]
INJECTED_INPUT = re.compile(r"^\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}$")


class CredentialType:
    """One credential type file and the options it stands for."""

    def __init__(self, file_name, options, required, connection, tuning=()):
        self.path = COLLECTION_ROOT / "extensions" / "awx" / file_name
        self.options = options
        self.required = set(required)
        # Options that say who calls and where: a credential must be able to set each of them.
        self.connection = set(connection)
        # Transport tuning belongs to the job, not to the credential; injecting it is allowed, not required.
        self.tuning = set(tuning)

    def load(self):
        with self.path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)

    def __repr__(self):
        return self.path.name


CREDENTIAL_TYPES = [
    CredentialType(
        "credential_type_sinch.yml", config.COMMON_OPTIONS, config.REQUIRED_CREDENTIALS,
        connection=("key_id", "key_secret", "project_id", "auth_method",
                    "numbers_url", "imported_numbers_url", "registrations_url", "auth_url"),
        tuning=("timeout", "validate_certs", "allow_http", "retries", "retry_max_delay")),
    CredentialType(
        "credential_type_sinch_legacy.yml", legacy_config.LEGACY_OPTIONS, legacy_config.REQUIRED_CREDENTIALS,
        connection=legacy_config.LEGACY_OPTIONS),
]


@pytest.fixture(scope="module", params=CREDENTIAL_TYPES, ids=repr)
def kind(request):
    return request.param


@pytest.fixture(scope="module")
def credential_type(kind):
    return kind.load()


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


def test_every_option_is_either_connection_or_tuning(kind):
    # A new option must be sorted into one of the two sets (and so into the credential type).
    assert kind.connection | kind.tuning == set(kind.options)
    assert not kind.connection & kind.tuning


def test_every_injected_variable_is_one_the_plugins_read(injected):
    read = variables_the_plugins_read()
    assert read, "no SINCH_* variable found under plugins/"
    assert sorted(set(injected) - read) == []


def test_no_connection_variable_is_missing(kind, injected):
    wanted = {kind.options[option]["env"] for option in kind.connection}
    assert sorted(wanted - set(injected)) == []


def test_each_variable_carries_the_input_of_its_option(kind, injected, inputs):
    env_to_option = {spec["env"]: name for name, spec in kind.options.items()}
    for variable, template in injected.items():
        match = INJECTED_INPUT.match(str(template))
        assert match, "%s: %r is not a plain {{ input }} reference" % (variable, template)
        assert match.group(1) in inputs, "%s uses the undefined input %s" % (variable, match.group(1))
        assert match.group(1) == env_to_option[variable], "%s carries input %s" % (variable, match.group(1))


def test_every_input_is_injected(injected, inputs):
    used = {INJECTED_INPUT.match(str(template)).group(1) for template in injected.values()}
    assert sorted(set(inputs) - used) == []


def test_secrets_are_secret_inputs(kind, inputs):
    for name, field in inputs.items():
        if kind.options.get(name, {}).get("no_log"):
            assert field.get("secret") is True, "input %s holds a secret but is not secret: true" % name
    assert any(field.get("secret") for field in inputs.values())


def test_required_inputs_are_the_required_credentials(kind, credential_type):
    assert set(credential_type["inputs"].get("required") or []) == kind.required


def test_defaults_and_choices_match_the_options(kind, inputs):
    for name, field in inputs.items():
        option = kind.options[name]
        if "default" in field:
            assert field["default"] == option.get("default"), "input %s: default differs from the option's" % name
        if "choices" in field:
            assert field["choices"] == option.get("choices"), "input %s: choices differ from the option's" % name


def test_only_environment_variables_are_injected(credential_type):
    # extra_vars would show up in the job's variables (and its -vvvv output), files are not needed
    assert set(credential_type["injectors"]) == {"env"}
    assert all(variable.startswith("SINCH_") for variable in credential_type["injectors"]["env"])
