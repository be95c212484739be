# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Options of the legacy number administration modules (the dashboard's own endpoints).

LEGACY_OPTIONS is the single source of truth for them, as COMMON_OPTIONS is for the access-key
options; tests/unit/plugins/doc_fragments/test_legacy_fragment.py keeps
plugins/doc_fragments/legacy.py in step with it.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.empty import is_empty, nonempty_env_fallback
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError

# Hosts named in the number administration document: log in, create an instance and look up
# the organisation at the first two, manage numbers at the portal API.
DEFAULT_USER_URL = "https://userapi.sinch.com"
DEFAULT_API_URL = "https://api.sinch.com"
DEFAULT_PORTAL_URL = "https://portalapi.sinch.com"

LEGACY_OPTIONS = {
    "email": dict(type="str", env="SINCH_LEGACY_EMAIL"),
    "password": dict(type="str", env="SINCH_LEGACY_PASSWORD", no_log=True),
    "legacy_user_url": dict(type="str", env="SINCH_LEGACY_USER_URL", default=DEFAULT_USER_URL),
    "legacy_api_url": dict(type="str", env="SINCH_LEGACY_API_URL", default=DEFAULT_API_URL),
    "legacy_portal_url": dict(type="str", env="SINCH_LEGACY_PORTAL_URL", default=DEFAULT_PORTAL_URL),
}
REQUIRED_CREDENTIALS = ("email", "password")
URL_OPTIONS = ("legacy_user_url", "legacy_api_url", "legacy_portal_url")


class LegacyConfig:
    """Credentials and base URLs of the legacy endpoints; transport settings stay in ClientConfig.

    An empty value is no value: the default applies (core/empty.py says why).
    """

    def __init__(self, **values):
        for name, spec in LEGACY_OPTIONS.items():
            value = values.get(name)
            setattr(self, name, spec.get("default") if is_empty(value) else value)
        for name in URL_OPTIONS:
            setattr(self, name, getattr(self, name).rstrip("/"))

    @classmethod
    def from_getter(cls, get_option):
        return cls(**{name: get_option(name) for name in LEGACY_OPTIONS})

    def check(self):
        """Fail before any request when a credential is missing."""
        missing = [name for name in REQUIRED_CREDENTIALS if not getattr(self, name)]
        if missing:
            raise SinchInputError(
                "missing Sinch dashboard credentials: %s. Set the option(s) or the environment variable(s) %s "
                "(for example through module_defaults group/sinch.numbers.legacy)" % (
                    ", ".join(missing), ", ".join(LEGACY_OPTIONS[name]["env"] for name in missing)))
        return self

    def __repr__(self):
        return "LegacyConfig(email=%r, legacy_portal_url=%r)" % (self.email, self.legacy_portal_url)


def legacy_argument_spec():
    """LEGACY_OPTIONS as an AnsibleModule argument spec, with SINCH_LEGACY_* fallbacks (empty = unset)."""
    spec = {}
    for name, option in LEGACY_OPTIONS.items():
        entry = {key: value for key, value in option.items() if key != "env"}
        entry["fallback"] = (nonempty_env_fallback, [option["env"]])
        spec[name] = entry
    return spec
