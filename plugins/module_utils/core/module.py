# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""AnsibleModule glue shared by every sinch.numbers module.

Adds the connection options, checks that requests is installed and credentials are set,
builds the client, and turns every SinchError into a clean fail_json (never a traceback).
"""

from __future__ import annotations

from ansible.module_utils import basic
from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import normalize_choices
from ansible_collections.sinch.numbers.plugins.module_utils.core.client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    SinchClient,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import (
    COMMON_OPTIONS,
    ClientConfig,
    module_argument_spec,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.empty import without_empty
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchApiError,
    SinchError,
    SinchInputError,
    SinchPartialWriteError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.inputs import screen_options
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import check_wait_options


# Options naming a resource in a URL path: empty, they would name its collection instead.
IDENTIFIER_OPTIONS = ("id", "policy_id")
# Counts of items per request, which the API would refuse only after the module started.
COUNT_OPTIONS = ("page_size", "size")


def check_common_values(params):
    """The checks options shared by several modules need beyond their argument spec types."""
    for name in IDENTIFIER_OPTIONS:
        value = params.get(name)
        if isinstance(value, str) and not value.strip():
            raise SinchInputError("%s must not be empty: leave it out, or give the ID" % name)
    for name in COUNT_OPTIONS:
        value = params.get(name)
        if value is not None and value < 1:
            raise SinchInputError("%s must be 1 or more, got %s" % (name, value))


class _SinchAnsibleModule(AnsibleModule):
    """AnsibleModule that reads an empty connection option as not given, before any validation,
    and checks the options as the user gave them before logging them.

    The SINCH_* fallback, the default and the choices then apply to an empty connection option as
    if it were absent, the same as an empty SINCH_* variable (core/empty.py). AnsibleModule converts
    a list given for a str option into "['a', 'b']" and logs the arguments to syslog at the end of
    its constructor, where a NUL byte fails with Ansible's message; the check (core/inputs.py) runs
    first, on the unconverted values.
    """

    def __init__(self, empty_means_unset, **kwargs):
        self._empty_means_unset = frozenset(empty_means_unset)
        super().__init__(**kwargs)

    def _load_params(self):
        super()._load_params()
        self.params = without_empty(self.params, self._empty_means_unset)

    def _log_invocation(self):
        try:
            raw = {key: value for key, value in basic._load_params().items() if not key.startswith("_ansible")}
            raw = without_empty(raw, self._empty_means_unset)
            screen_options(raw, self.argument_spec)
        except SinchInputError as exc:
            self.fail_json(msg=str(exc))
        super()._log_invocation()


class SinchModule:
    # Options for which an empty string means "not set" (the connection options, like their SINCH_* variables).
    EMPTY_MEANS_UNSET = tuple(COMMON_OPTIONS)

    def __init__(self, argument_spec, **kwargs):
        spec = module_argument_spec()
        spec.update(argument_spec)
        kwargs.setdefault("supports_check_mode", True)
        self.ansible = _SinchAnsibleModule(self.EMPTY_MEANS_UNSET, argument_spec=spec, **kwargs)
        normalize_choices(self.ansible.params, spec)
        self.params = self.ansible.params
        self.check_mode = self.ansible.check_mode
        self.diff_mode = self.ansible._diff
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

    def run_info(self, key, read_one, list_all, identity="phone_number"):
        """Run an *_info module: a direct read when the identity option is set, else the listing.

        read_one(identity value) returns the item or None; list_all() returns the matching items.
        Both run inside run(), after the shared checks, and return items under `key`.
        """
        def work():
            value = self.params.get(identity)
            if identity == "phone_number":
                value = normalize_e164(value)
            if value:
                item = read_one(value)
                return {"changed": False, key: [item] if item else []}
            return {"changed": False, key: list(list_all())}
        self.run(work)

    def run(self, work):
        """Call work() and exit with its result dict; SinchErrors become fail_json."""
        try:
            # Credentials and wait settings are checked before the module does anything else.
            self.client  # pylint: disable=pointless-statement
            check_wait_options(self.params)
            check_common_values(self.params)
            result = work()
        except SinchPartialWriteError as exc:
            # Something was written before the failure: say what (changed, the resource, per-item results).
            self.ansible.fail_json(msg=str(exc), **exc.result)
        except SinchApiError as exc:
            self.ansible.fail_json(msg=str(exc), status=exc.status, error=exc.to_dict())
        except SinchError as exc:
            self.ansible.fail_json(msg=str(exc))
        self.ansible.exit_json(**result)
