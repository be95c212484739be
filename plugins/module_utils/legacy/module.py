# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AnsibleModule glue for the legacy number administration modules.

Like SinchModule, but the credentials are the dashboard's email and password, not an access
key. The access-key options are accepted too (and not used), so that the play-wide
module_defaults of group/sinch.numbers.all, which passes them to every module of the group,
works for these modules as well.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.api import LegacyNumbersApi
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.client import LegacyClient
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.config import (
    LEGACY_OPTIONS,
    LegacyConfig,
    legacy_argument_spec,
)
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.config import URL_OPTIONS as LEGACY_URL_OPTIONS
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule


class LegacyModule(SinchModule):
    EMPTY_MEANS_UNSET = SinchModule.EMPTY_MEANS_UNSET + tuple(LEGACY_OPTIONS)

    def __init__(self, argument_spec, **kwargs):
        spec = legacy_argument_spec()
        spec.update(argument_spec)
        super().__init__(spec, **kwargs)
        self._api = None

    @property
    def client(self):
        if self._client is None:
            legacy = LegacyConfig.from_getter(self.params.get).check()
            transport = ClientConfig.from_getter(self.params.get).check_transport(
                urls={name: getattr(legacy, name) for name in LEGACY_URL_OPTIONS})
            self._client = LegacyClient(SinchClient(transport), legacy)
        return self._client

    @property
    def api(self):
        if self._api is None:
            self._api = LegacyNumbersApi(self.client)
        return self._api

    def warn(self, message):
        self.ansible.warn(message)
