# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AnsibleModule glue for the legacy number administration modules.

Like SinchModule, but the credentials are the dashboard's email and password, not an access
key. The access-key options are accepted too (and not used), so that the play-wide
module_defaults of group/sinch.numbers.all, which passes them to every module of the group,
works for these modules as well.
"""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.sinch.numbers.plugins.module_utils.client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    SinchClient,
)
from ansible_collections.sinch.numbers.plugins.module_utils.config import ClientConfig, module_argument_spec
from ansible_collections.sinch.numbers.plugins.module_utils.errors import SinchApiError, SinchError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy import LegacyNumbersApi
from ansible_collections.sinch.numbers.plugins.module_utils.legacy_client import LegacyClient
from ansible_collections.sinch.numbers.plugins.module_utils.legacy_config import LegacyConfig, legacy_argument_spec


def transport_config(get_option):
    """The retry/timeout/TLS settings of the shared options, checked like ClientConfig.check does."""
    config = ClientConfig.from_getter(get_option)
    if config.retries < 0:
        raise SinchInputError("retries must be 0 or more, got %s" % config.retries)
    if config.timeout <= 0:
        raise SinchInputError("timeout must be greater than 0, got %s" % config.timeout)
    return config


class LegacyModule:
    def __init__(self, argument_spec, **kwargs):
        spec = module_argument_spec()
        spec.update(legacy_argument_spec())
        spec.update(argument_spec)
        kwargs.setdefault("supports_check_mode", True)
        self.ansible = AnsibleModule(argument_spec=spec, **kwargs)
        self.params = self.ansible.params
        self.check_mode = self.ansible.check_mode
        self._client = None
        self._api = None
        if not HAS_REQUESTS:
            self.ansible.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)

    @property
    def client(self):
        if self._client is None:
            legacy = LegacyConfig.from_getter(self.params.get).check()
            self._client = LegacyClient(SinchClient(transport_config(self.params.get)), legacy)
        return self._client

    @property
    def api(self):
        if self._api is None:
            self._api = LegacyNumbersApi(self.client)
        return self._api

    def warn(self, message):
        self.ansible.warn(message)

    def run_resource(self, resource_class):
        self.run(lambda: resource_class(self).run())

    def run(self, work):
        """Call work() and exit with its result dict; SinchErrors become fail_json."""
        try:
            # Credentials are checked before the module does anything else.
            self.client  # pylint: disable=pointless-statement
            result = work()
        except SinchApiError as exc:
            self.ansible.fail_json(msg=str(exc), status=exc.status, error=exc.to_dict())
        except SinchError as exc:
            self.ansible.fail_json(msg=str(exc))
        self.ansible.exit_json(**result)
