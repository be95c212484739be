# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/inventory.md shows what the integration test runs, and the AWX credential type injects what the plugins read."""

from __future__ import annotations

import pathlib
import re

import yaml

from ansible_collections.sinch.numbers.plugins.inventory import active_numbers
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import COMMON_OPTIONS

ROOT = pathlib.Path(__file__).resolve().parents[4]
GUIDE = ROOT / "docs" / "inventory.md"
TARGET = ROOT / "tests" / "integration" / "targets" / "inventory_active_numbers"
CREDENTIAL_TYPE = ROOT / "extensions" / "awx" / "credential_type_sinch.yml"
GRAPH_COMMAND = "$ ansible-inventory -i numbers.sinch.yml --graph"


def fenced_blocks(text, language):
    return re.findall(r"^```%s\n(.*?)^```$" % language, text, re.S | re.M)


def test_the_guide_and_the_plugin_examples_show_the_tested_source():
    tested = yaml.safe_load((TARGET / "numbers.sinch.yml").read_text())
    in_guide = yaml.safe_load(fenced_blocks(GUIDE.read_text(), "yaml")[0])
    in_examples = next(yaml.safe_load_all(active_numbers.EXAMPLES))
    assert in_guide == tested
    assert in_examples == tested


def test_the_guide_shows_the_tested_playbook_acting_on_the_hosts():
    section = GUIDE.read_text().split("## Acting on the hosts", 1)[1]
    assert yaml.safe_load(fenced_blocks(section, "yaml")[0]) == yaml.safe_load(
        (TARGET / "acting_on_the_hosts.yml").read_text())


def test_the_guide_shows_the_golden_graph():
    [console] = [block for block in fenced_blocks(GUIDE.read_text(), "console") if GRAPH_COMMAND in block]
    shown = console.split(GRAPH_COMMAND + "\n", 1)[1]
    assert shown == (TARGET / "expected" / "numbers.graph").read_text()


def test_the_credential_type_injects_every_connection_option():
    credential_type = yaml.safe_load(CREDENTIAL_TYPE.read_text())
    fields = {field["id"]: field for field in credential_type["inputs"]["fields"]}
    assert set(fields) == set(COMMON_OPTIONS) - {"timeout", "validate_certs", "allow_http", "retries", "retry_max_delay"}
    assert credential_type["injectors"]["env"] == {
        COMMON_OPTIONS[name]["env"]: "{{ %s }}" % name for name in fields}
    assert set(credential_type["inputs"]["required"]) == {"key_id", "key_secret", "project_id"}
    assert fields["key_secret"]["secret"] is True
    for name, field in fields.items():
        if name not in credential_type["inputs"]["required"]:
            # the form's pre-filled value; a credential saved without it injects '' (= not set)
            assert field["default"] == COMMON_OPTIONS[name]["default"], name
    assert fields["auth_method"]["choices"] == COMMON_OPTIONS["auth_method"]["choices"]
