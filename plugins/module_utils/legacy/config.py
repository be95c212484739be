# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Options of the legacy number administration modules (the dashboard's own endpoints).

LEGACY_OPTIONS is the single source of truth for them, as COMMON_OPTIONS is for the access-key
options; tests/unit/plugins/doc_fragments/test_legacy_fragment.py keeps
plugins/doc_fragments/legacy.py in step with it.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.config import OptionValues, argument_spec

# The URL defaults are the hosts named in the number administration document: log in, create an
# instance and look up the organisation at the first two, manage numbers at the portal API.
LEGACY_OPTIONS = {
    "email": dict(type="str", env="SINCH_LEGACY_EMAIL"),
    "password": dict(type="str", env="SINCH_LEGACY_PASSWORD", no_log=True),
    "legacy_user_url": dict(type="str", env="SINCH_LEGACY_USER_URL", default="https://userapi.sinch.com"),
    "legacy_api_url": dict(type="str", env="SINCH_LEGACY_API_URL", default="https://api.sinch.com"),
    "legacy_portal_url": dict(type="str", env="SINCH_LEGACY_PORTAL_URL", default="https://portalapi.sinch.com"),
}
REQUIRED_CREDENTIALS = ("email", "password")
URL_OPTIONS = ("legacy_user_url", "legacy_api_url", "legacy_portal_url")


class LegacyConfig(OptionValues):
    """Credentials and base URLs of the legacy endpoints; transport settings stay in ClientConfig."""

    options = LEGACY_OPTIONS
    url_options = URL_OPTIONS
    required_credentials = REQUIRED_CREDENTIALS
    credentials_name = "Sinch dashboard credentials"

    def check(self):
        """Fail before any request when a credential is missing."""
        self.check_credentials(" (for example through module_defaults group/sinch.numbers.legacy)")
        return self

    def __repr__(self):
        return "LegacyConfig(email=%r, legacy_portal_url=%r)" % (self.email, self.legacy_portal_url)


def legacy_argument_spec():
    """LEGACY_OPTIONS as an AnsibleModule argument spec, with SINCH_LEGACY_* fallbacks (empty = unset)."""
    return argument_spec(LEGACY_OPTIONS)
