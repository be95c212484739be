# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The documented legacy options are exactly the ones the code reads."""

from __future__ import annotations

import yaml

from ansible_collections.sinch.numbers.plugins.doc_fragments.legacy import ModuleDocFragment
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.config import LEGACY_OPTIONS, legacy_argument_spec


def test_fragment_documents_every_legacy_option_with_its_default_and_env():
    documented = yaml.safe_load(ModuleDocFragment.DOCUMENTATION)["options"]
    assert set(documented) == set(LEGACY_OPTIONS)
    for name, spec in LEGACY_OPTIONS.items():
        assert documented[name]["type"] == spec["type"], name
        assert documented[name].get("default") == spec.get("default"), name
        assert "E(%s)" % spec["env"] in " ".join(documented[name]["description"]), name


def test_argument_spec_falls_back_to_the_environment_and_hides_the_password():
    spec = legacy_argument_spec()
    assert spec["password"]["no_log"] is True
    for name, option in LEGACY_OPTIONS.items():
        assert spec[name]["fallback"][1] == [option["env"]]
