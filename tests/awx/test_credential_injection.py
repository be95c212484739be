# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The credential types of extensions/awx as AWX injects them, in jobs run by ansible-runner.

AWX renders each `injectors.env` template of a credential type over the inputs saved in the
credential, in a Jinja sandbox. Only inputs that were saved with a value are defined; every other
one renders as an empty string (the credential type's `default` only pre-fills AWX's form). An input
saved empty or null that has `choices` is stored as its first choice. Then AWX runs the job with
ansible-runner, the library used here, with those variables in the environment.

For each credential type this renders a credential saved with the required inputs only (as the
awx.awx.credential task of docs/awx.md saves it) and one saved with every input, and runs the
docs/awx.md job twice (the second run must change nothing and write nothing) and an inventory sync
of the active_numbers plugin, against the simulator at $SIM_URL.

Run by scripts/awx-injection.sh (make test, integration gate). ansible-runner is a hard
requirement: a missing one fails the import, never skips.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pathlib
import shutil
import urllib.request

import ansible_runner
import pytest
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
SIM_URL = os.environ["SIM_URL"].rstrip("/")
COLLECTIONS_PATH = os.environ["ANSIBLE_COLLECTIONS_PATH"]
# the simulator's project, access key and dashboard user (scripts/lib.sh)
ACCESS_KEY = {"key_id": "demo-key", "key_secret": "demo-secret", "project_id": "demo-project"}
DASHBOARD_USER = {"email": "demo@example.com", "password": "demo-dashboard-password"}
POOL_SIZE = 2
SESSION_PATHS = ("/oauth2/token",)


def _load(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ansible-inventory --list JSON without its untrusted-value wrappers ({"__ansible_unsafe": x}), as the
# inventory_active_numbers target reads it.
plain = _load(ROOT / "tests" / "integration" / "targets" / "inventory_active_numbers" / "normalize_inventory.py").plain


def credential_type(name):
    return yaml.safe_load((ROOT / "extensions" / "awx" / name).read_text(encoding="utf-8"))


NUMBERS_TYPE = credential_type("credential_type_sinch.yml")
LEGACY_TYPE = credential_type("credential_type_sinch_legacy.yml")


def injected_environment(ctype, inputs):
    """The environment variables a credential of type ctype with these saved inputs injects, as AWX renders them."""
    fields = {field["id"]: field for field in ctype["inputs"]["fields"]}
    assert set(ctype["injectors"]) == {"env"}, "only env injectors are modelled here: extend the test"
    assert set(inputs) <= set(fields), set(inputs) - set(fields)
    missing = set(ctype["inputs"].get("required", [])) - {name for name, value in inputs.items() if value}
    assert not missing, "AWX refuses to save a credential without %s" % missing
    saved = {name: (fields[name]["choices"][0] if not value and fields[name].get("choices") else value)
             for name, value in inputs.items()}
    namespace = {name: value for name, value in saved.items() if value not in ("", None)}
    sandbox = ImmutableSandboxedEnvironment()
    return {name: sandbox.from_string(template).render(**namespace)
            for name, template in ctype["injectors"]["env"].items()}


def every_input(ctype, values):
    """values, plus every other input of the type set to the simulator's URL or, for a choice, its last choice."""
    inputs = dict(values)
    for field in ctype["inputs"]["fields"]:
        if field["id"] not in inputs:
            inputs[field["id"]] = field["choices"][-1] if field.get("choices") else SIM_URL
    return inputs


CASES = {
    # the credentials hold no URL: the job and the inventory source point at the simulator themselves
    "required inputs only": (
        dict(injected_environment(NUMBERS_TYPE, ACCESS_KEY), **injected_environment(LEGACY_TYPE, DASHBOARD_USER)),
        {"sim_url": SIM_URL}),
    # every input saved: URLs and auth_method (oauth2) come from the credentials
    "every input": (
        dict(injected_environment(NUMBERS_TYPE, every_input(NUMBERS_TYPE, ACCESS_KEY)),
             **injected_environment(LEGACY_TYPE, every_input(LEGACY_TYPE, DASHBOARD_USER))),
        {}),
}


def admin(method, path):
    request = urllib.request.Request(SIM_URL + path, method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


def writes():
    """The requests since the log was cleared that change something (not the token or legacy log-in)."""
    return [entry for entry in admin("GET", "/_sim/requests")["requests"]
            if entry["method"] != "GET" and entry["path"] not in SESSION_PATHS
            and not entry["path"].startswith(("/v1/instance", "/v1/users/"))]


@pytest.fixture(autouse=True)
def no_sinch_variables_of_our_own(monkeypatch):
    """ansible-runner passes this process's environment on: only the injected variables may reach the job."""
    for name in list(os.environ):
        if name.startswith("SINCH_"):
            monkeypatch.delenv(name)


def private_data_dir(tmp_path, inventory_options):
    directory = tmp_path / "job"
    shutil.copytree(HERE / "project", directory / "project")
    source = dict({"plugin": "sinch.numbers.active_numbers", "region_codes": ["US"], "number_types": ["LOCAL"],
                   "display_name_pattern": "alerts-*"}, **inventory_options)
    (directory / "inventory").mkdir()
    (directory / "inventory" / "numbers.sinch.yml").write_text(yaml.safe_dump(source), encoding="utf-8")
    return directory


def run_job(directory, environment, extra_vars, verbosity=0):
    envvars = dict(environment, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_PATH, ANSIBLE_NOCOLOR="1")
    runner = ansible_runner.run(private_data_dir=str(directory), playbook="job.yml", envvars=envvars,
                                extravars=dict(extra_vars, alerts_pool_size=POOL_SIZE, alerts_service_plan="plan-a"),
                                quiet=True, verbosity=verbosity)
    output = runner.stdout.read()
    assert runner.status == "successful" and runner.rc == 0, output[-6000:]
    return runner, output


def changed(runner):
    return sum((runner.stats or {}).get("changed", {}).values())


def test_the_rendering_matches_awx():
    environment = injected_environment(NUMBERS_TYPE, dict(ACCESS_KEY, auth_method=None))
    assert environment["SINCH_KEY_ID"] == "demo-key"
    assert environment["SINCH_AUTH_METHOD"] == "basic"  # saved null: AWX stores the first choice
    assert environment["SINCH_NUMBERS_URL"] == ""  # never saved: rendered empty, the field default is not used
    with pytest.raises(AssertionError, match="refuses"):
        injected_environment(NUMBERS_TYPE, {"key_id": "k"})


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_awx_job_and_inventory_sync_with_injected_credentials(case, tmp_path):
    environment, extra_vars = CASES[case]
    blank = sorted(name for name, value in environment.items() if value == "")
    if case == "required inputs only":
        # what issue 16 reported: these used to fail ('' is no auth_method, no URL)
        assert "SINCH_AUTH_METHOD" in blank and "SINCH_NUMBERS_URL" in blank and "SINCH_LEGACY_USER_URL" in blank
    else:
        assert blank == [] and environment["SINCH_AUTH_METHOD"] == "oauth2"
    admin("POST", "/_sim/reset")
    directory = private_data_dir(tmp_path, {"numbers_url": extra_vars.get("sim_url", ""),
                                            "auth_url": extra_vars.get("sim_url", "")})

    first, output = run_job(directory, environment, extra_vars, verbosity=4)
    assert changed(first) >= 2, "the pool is rented and the legacy number reserved"
    for secret in (ACCESS_KEY["key_secret"], DASHBOARD_USER["password"]):
        assert secret not in output, "a secret is in the -vvvv job output"

    admin("DELETE", "/_sim/requests")
    second, output = run_job(directory, environment, extra_vars)
    assert changed(second) == 0, output[-6000:]
    assert writes() == []

    envvars = dict(environment, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_PATH, ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
    out, err = ansible_runner.get_inventory(action="list", inventories=[str(directory / "inventory" / "numbers.sinch.yml")],
                                            response_format="json", envvars=envvars, quiet=True)
    hostvars = plain(out)["_meta"]["hostvars"]
    assert sorted(value["sinch_display_name"] for value in hostvars.values()) == ["alerts-1", "alerts-2"], err
    assert {value["ansible_connection"] for value in hostvars.values()} == {"local"}
    assert ACCESS_KEY["key_secret"] not in json.dumps(out)
