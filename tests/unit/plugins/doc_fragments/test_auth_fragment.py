# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The documented connection options are exactly the ones the code reads."""

from __future__ import annotations

import yaml

from ansible_collections.sinch.numbers.plugins.doc_fragments.auth import ModuleDocFragment
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import COMMON_OPTIONS, module_argument_spec
from ansible_collections.sinch.numbers.tests.unit.plugins.doc_fragments.fragment_checks import (
    assert_documents_every_option,
    assert_falls_back_to_the_environment,
)


def test_module_fragment_documents_every_common_option_with_its_default_and_env():
    assert_documents_every_option(ModuleDocFragment.DOCUMENTATION, COMMON_OPTIONS)


def test_plugin_fragment_reads_the_same_environment_variables():
    documented = yaml.safe_load(ModuleDocFragment.PLUGINS)["options"]
    assert set(documented) == set(COMMON_OPTIONS)
    for name, spec in COMMON_OPTIONS.items():
        assert documented[name]["env"] == [{"name": spec["env"]}], name
        assert documented[name].get("default") == spec.get("default"), name


def test_argument_spec_falls_back_to_the_environment_and_hides_the_secret():
    assert_falls_back_to_the_environment(module_argument_spec(), COMMON_OPTIONS, "key_secret")
