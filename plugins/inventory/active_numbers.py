# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: active_numbers
short_description: Sinch active numbers as inventory hosts
version_added: 1.0.0
description:
  - Makes every active number of a Sinch project a host, named by the number in E.164 format (for example
    C(+12065550100)), so that audits and bulk reconfiguration can loop over hosts and groups.
  - Each host gets the number's fields as host variables prefixed C(sinch_) (C(sinch_display_name),
    C(sinch_region_code), C(sinch_type), C(sinch_capability), C(sinch_sms_configuration), ...) and
    C(ansible_connection=local). Tasks for these hosts call the Sinch API from the controller.
    Credentials are never host variables and are never cached.
  - Group hosts with O(keyed_groups) (for example by C(sinch_region_code), C(sinch_type), C(sinch_capability)),
    O(groups) and O(compose).
  - The Numbers API lists numbers per region and number type. Each (region, type) pair is listed with the
    largest page size the client knows (O(page_size)), following page tokens; 10,000 numbers of one pair take
    ceil(10000 / O(page_size)) list requests.
  - Regions not given in O(region_codes) are taken from the project's available regions (one extra request).
    Those are the regions where Sinch offers numbers to the project; a number rented in a region that is no
    longer offered is only listed when its region is named in O(region_codes).
  - With O(cache=true) the listed numbers are kept by the cache plugin for O(cache_timeout) seconds (default
    3600) and later runs send no request until then; C(ansible-playbook --flush-cache) and
    the C(refresh_inventory) meta task list again, as does C(ansible-inventory --flush-cache) from ansible-core
    2.19 on. The cache key includes the project, the API URL and the filters.
  - Credentials come from the options or from the E(SINCH_*) environment variables, exactly as for the modules;
    an AWX or Automation Controller credential can inject the environment variables.
  - The configuration file name must end with C(sinch.yml) or C(sinch.yaml).
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - constructed
  - inventory_cache
  - sinch.numbers.auth.plugins
  - sinch.numbers.active_numbers
options:
  plugin:
    description: The name of this plugin; marks the file as a source for it.
    required: true
    type: str
    choices: [sinch.numbers.active_numbers]
notes:
  - Host names start with C(+). Quote them in host patterns on the command line, for example C(--limit '+12065550100').
seealso:
  - plugin: sinch.numbers.active_numbers
    plugin_type: lookup
  - module: sinch.numbers.sinch_number
"""

EXAMPLES = r"""
# numbers.sinch.yml: every active number of the project, grouped by region, type and capability.
# Credentials from SINCH_KEY_ID, SINCH_KEY_SECRET and SINCH_PROJECT_ID.
plugin: sinch.numbers.active_numbers
keyed_groups:
  - key: sinch_region_code
    prefix: region
  - key: sinch_type
    prefix: type
  - key: sinch_capability
    prefix: capability
groups:
  support_lines: sinch_display_name is match('support-')
  sms_without_plan: "'SMS' in sinch_capability and sinch_sms_configuration.service_plan_id == ''"
compose:
  service_plan_id: sinch_sms_configuration.service_plan_id

---
# us_support.sinch.yml: US numbers named support-*, with a group of those without an SMS service plan,
# cached for 10 minutes in JSON files.
plugin: sinch.numbers.active_numbers
region_codes: [US]
display_name_pattern: support-*
groups:
  sms_unconfigured: sinch_sms_configuration.service_plan_id == ''
compose:
  service_plan: sinch_sms_configuration.service_plan_id
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/sinch-inventory
cache_timeout: 600
"""

import re
from collections.abc import Mapping

from ansible.errors import AnsibleParserError
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.release import __version__ as ansible_version

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError
from ansible_collections.sinch.numbers.plugins.plugin_utils.active_numbers import (
    ActiveNumberQuery,
    source_fingerprint,
)
from ansible_collections.sinch.numbers.plugins.plugin_utils.options import check_given_options, client_from_options

HOSTVAR_PREFIX = "sinch_"
FILE_SUFFIXES = ("sinch.yml", "sinch.yaml")
_VARIABLE_PATH = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$")
NOT_A_PATH = object()

# ansible-core 2.19 and later never template data that does not come from a trusted source (such as
# values an API returned); earlier versions template any string unless it is marked unsafe, and
# render None as an empty string.
_BEFORE_2_19 = tuple(int(part) for part in ansible_version.split(".")[:2]) < (2, 19)
if _BEFORE_2_19:
    from ansible.utils.unsafe_proxy import wrap_var as _untrusted
else:
    def _untrusted(value):
        return value


def host_variables(number):
    """The host variables of one active number: its fields, prefixed, and a local connection.

    Values come from the API and are never templated: a display name '{{ ... }}' stays text.
    """
    hostvars = {HOSTVAR_PREFIX + key: _untrusted(value) for key, value in number.items()}
    hostvars["ansible_connection"] = "local"
    return hostvars


def resolve_variable_path(expression, variables):
    """The value of a bare reference to a number's field: sinch_type, sinch_sms_configuration.service_plan_id.

    NOT_A_PATH for anything else: other variables, names that are not defined, keys that are also
    dict attributes (Jinja would return the attribute). Those are left to the template engine.
    """
    match = _VARIABLE_PATH.match(expression) if isinstance(expression, str) else None
    if not match or not match.group(1).startswith(HOSTVAR_PREFIX):
        return NOT_A_PATH
    value = variables
    for key in match.group(1).split("."):
        if not isinstance(value, Mapping) or key not in value or (value is not variables and hasattr(value, key)):
            return NOT_A_PATH
        value = value[key]
    if value is None and _BEFORE_2_19:
        return ""  # what the template engine of these versions makes of it
    return value


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    NAME = "sinch.numbers.active_numbers"

    def verify_file(self, path):
        return super().verify_file(path) and path.endswith(FILE_SUFFIXES)

    def parse(self, inventory, loader, path, cache=True):
        super().parse(inventory, loader, path, cache)
        config = self._read_config_data(path)
        try:
            check_given_options(config, self.option_definitions)
            query = ActiveNumberQuery.from_getter(self.get_option)
            client = client_from_options(self.get_option)
            numbers = self._numbers(path, cache, client, query)
        except SinchError as exc:
            raise AnsibleParserError("sinch.numbers.active_numbers inventory %s: %s" % (path, exc))
        for number in numbers:
            self._add_number(number)

    def _numbers(self, path, cache, client, query):
        """From the cache when enabled and fresh (unless a refresh was asked for), else from the API."""
        key = "%s_%s" % (self.get_cache_key(path), source_fingerprint(client.config, query))
        use_cache = self.get_option("cache")
        if use_cache and cache:
            try:
                numbers = self._cache[key]
            except KeyError:
                pass
            else:
                self.display.vvv("sinch.numbers.active_numbers: %d numbers from the cache" % len(numbers))
                return numbers
        numbers = query.list(client)
        self.display.vvv("sinch.numbers.active_numbers: %d numbers listed in %d requests" % (
            len(numbers), client.request_count))
        if use_cache:
            self._cache[key] = numbers
        return numbers

    def _compose(self, template, variables, *args, **kwargs):
        # ansible-core compiles each compose/keyed_groups expression anew for every host, which is
        # most of the time a 10,000-host inventory takes; a bare variable reference needs no Jinja.
        if not self.get_option("use_extra_vars"):
            value = resolve_variable_path(template, variables)
            if value is not NOT_A_PATH:
                return value
        return super()._compose(template, variables, *args, **kwargs)

    def _add_number(self, number):
        host = self.inventory.add_host(number["phone_number"])
        hostvars = host_variables(number)
        for name, value in hostvars.items():
            self.inventory.set_variable(host, name, value)
        strict = self.get_option("strict")
        self._set_composite_vars(self.get_option("compose"), hostvars, host, strict=strict)
        self._add_host_to_composed_groups(self.get_option("groups"), hostvars, host, strict=strict)
        self._add_host_to_keyed_groups(self.get_option("keyed_groups"), hostvars, host, strict=strict)
