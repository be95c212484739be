# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks that a connection-option fragment and the option table the code reads agree (shared by the
auth and legacy fragment tests)."""

from __future__ import annotations

import yaml


def assert_documents_every_option(fragment, options):
    """The fragment's options are exactly the table's, each with its type, default, choices and env variable."""
    documented = yaml.safe_load(fragment)["options"]
    assert set(documented) == set(options)
    for name, spec in options.items():
        assert documented[name]["type"] == spec["type"], name
        assert documented[name].get("default") == spec.get("default"), name
        assert documented[name].get("choices") == spec.get("choices"), name
        assert "E(%s)" % spec["env"] in " ".join(documented[name]["description"]), name


def assert_falls_back_to_the_environment(argument_spec, options, secret):
    """Each option falls back to its env variable; the secret is never logged."""
    assert argument_spec[secret]["no_log"] is True
    for name, option in options.items():
        assert argument_spec[name]["fallback"][1] == [option["env"]], name
