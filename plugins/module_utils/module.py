# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AnsibleModule glue shared by every sinch.numbers module.

Adds the connection options, checks that requests is installed and credentials are set,
builds the client, and turns every SinchError into a clean fail_json (never a traceback).
"""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.sinch.numbers.plugins.module_utils.client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    SinchClient,
)
from ansible_collections.sinch.numbers.plugins.module_utils.config import ClientConfig, module_argument_spec
from ansible_collections.sinch.numbers.plugins.module_utils.errors import SinchApiError, SinchError


class SinchModule:
    def __init__(self, argument_spec, **kwargs):
        spec = module_argument_spec()
        spec.update(argument_spec)
        kwargs.setdefault("supports_check_mode", True)
        self.ansible = AnsibleModule(argument_spec=spec, **kwargs)
        self.params = self.ansible.params
        self.check_mode = self.ansible.check_mode
        self._client = None
        if not HAS_REQUESTS:
            self.ansible.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)

    @property
    def client(self):
        if self._client is None:
            config = ClientConfig.from_getter(self.params.get).check()
            self._client = SinchClient(config)
        return self._client

    def run_resource(self, resource_class):
        """Manage one resource declared by a module_utils.resource.Resource subclass."""
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
