# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The documented legacy options are exactly the ones the code reads."""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.doc_fragments.legacy import ModuleDocFragment
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.config import LEGACY_OPTIONS, legacy_argument_spec
from ansible_collections.sinch.numbers.tests.unit.plugins.doc_fragments.fragment_checks import (
    assert_documents_every_option,
    assert_falls_back_to_the_environment,
)


def test_fragment_documents_every_legacy_option_with_its_default_and_env():
    assert_documents_every_option(ModuleDocFragment.DOCUMENTATION, LEGACY_OPTIONS)


def test_argument_spec_falls_back_to_the_environment_and_hides_the_password():
    assert_falls_back_to_the_environment(legacy_argument_spec(), LEGACY_OPTIONS, "password")
