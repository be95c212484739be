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
    C(sinch_region_code), C(sinch_type), C(sinch_capability), C(sinch_sms_configuration), ...; see O(hostvars_prefix)),
    C(ansible_connection=local) and the controller's Python as C(ansible_python_interpreter) (see O(local_connection)),
    so the collection's modules run on these hosts with no further set-up; tasks for them call the Sinch API from the
    controller. Credentials are never host variables and are never cached.
  - When this plugin fails (credentials, API, options), C(ansible-inventory) and C(ansible-playbook) only warn
    and go on with an empty inventory, exit code 0, unless E(ANSIBLE_INVENTORY_UNPARSED_FAILED=true)
    (or C(unparsed_is_failed) in C(ansible.cfg)) is set. Always set it, also in AWX, so that a failed source fails.
  - Group hosts with O(keyed_groups) (for example by C(sinch_region_code), C(sinch_type), C(sinch_capability)),
    O(groups) and O(compose).
  - Numbers are listed per region and number type (see the notes); 10,000 numbers of one region and type take
    ceil(10000 / O(page_size)) list requests.
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
  - sinch.numbers.number_filters
  - sinch.numbers.number_filters.pattern
  - sinch.numbers.name_filters
  - sinch.numbers.number_filters.active_numbers
options:
  plugin:
    description: The name of this plugin; marks the file as a source for it.
    required: true
    type: str
    choices: [sinch.numbers.active_numbers]
  hostvars_prefix:
    description:
      - The prefix of the host variables that hold the number's fields, for example V(sinch_) gives
        C(sinch_display_name). O(compose), O(groups), O(keyed_groups) and O(hostname) use the prefixed names.
      - Letters, digits and underscores, starting with a letter or an underscore. Empty means the default.
    type: str
    default: sinch_
  hostname:
    description:
      - A Jinja template for each host's name, over the number's (prefixed) host variables, for example
        V({{ sinch_display_name }}). Not set (or empty), a host is named by its number in E.164 format.
      - Every number must get a different, non-empty name; the source fails otherwise.
      - A bare reference such as V({{ sinch_display_name }}) costs nothing; any other template is rendered by Jinja for
        every number, about a millisecond each.
    type: str
  local_connection:
    description:
      - Give every host C(ansible_connection=local) and C(ansible_python_interpreter) (O(python_interpreter)), so
        modules run on the controller with its Python, where C(requests) is installed.
      - Set to V(false) to set neither, for example to decide both in C(group_vars).
    type: bool
    default: true
  python_interpreter:
    description:
      - The C(ansible_python_interpreter) of every host when O(local_connection=true), for example a path.
      - Not set (or empty), it is C({{ ansible_playbook_python }}), the Python that runs C(ansible-playbook),
        resolved when a task runs.
    type: str
notes:
  - Host names start with C(+). Quote them in host patterns on the command line, for example C(--limit '+12065550100').
  - The host variables are set in one step per host. At 10,000 numbers C(ansible-inventory --graph) takes under
    1.5 times the CPU time of a Sinch Python SDK script that lists the same numbers (measured in the collection's
    benchmarks).
seealso:
  - plugin: sinch.numbers.active_numbers
    plugin_type: lookup
  - module: sinch.numbers.sinch_number
"""

EXAMPLES = r"""
# numbers.sinch.yml: every active number of the project, grouped by region, type and capability.
# Credentials from SINCH_KEY_ID, SINCH_KEY_SECRET and SINCH_PROJECT_ID.
# Run with ANSIBLE_INVENTORY_UNPARSED_FAILED=true: a failed source must fail, not become an empty inventory.
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
# cached for 10 minutes in JSON files. With ANSIBLE_INVENTORY_UNPARSED_FAILED=true, as always.
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

---
# by_name.sinch.yml: the support lines, each host named by its display name, the number's fields as
# number_* variables, and modules run with the Python of a dedicated virtual environment.
plugin: sinch.numbers.active_numbers
region_codes: [US]
display_name_pattern: support-*
hostvars_prefix: number_
hostname: "{{ number_display_name }}"
python_interpreter: /opt/sinch-venv/bin/python
"""

import re
from collections.abc import Mapping

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.release import __version__ as ansible_version

from ansible_collections.sinch.numbers.plugins.module_utils.core.empty import is_empty
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError, SinchInputError
from ansible_collections.sinch.numbers.plugins.plugin_utils.active_numbers import (
    ActiveNumberQuery,
    source_fingerprint,
)
from ansible_collections.sinch.numbers.plugins.plugin_utils.options import (
    EmptyMeansUnset,
    check_given_options,
    client_from_options,
)

HOSTVAR_PREFIX = "sinch_"
PLAYBOOK_PYTHON = "{{ ansible_playbook_python }}"
FILE_SUFFIXES = ("sinch.yml", "sinch.yaml")
_PREFIX = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_VARIABLE_PATH = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$")
_BARE_TEMPLATE = re.compile(r"^\s*\{\{(.*)\}\}\s*$", re.S)
NOT_A_PATH = object()

# ansible-core 2.19 and later never template data that does not come from a trusted source (such as
# values an API returned) and template only what is marked trusted; earlier versions template any
# string unless it is marked unsafe, and render None as an empty string.
_BEFORE_2_19 = tuple(int(part) for part in ansible_version.split(".")[:2]) < (2, 19)
if _BEFORE_2_19:
    from ansible.utils.unsafe_proxy import wrap_var as _untrusted

    def _template(value):
        return value
else:
    from ansible.template import trust_as_template as _template

    def _untrusted(value):
        return value


def host_variables(number, prefix=HOSTVAR_PREFIX):
    """The host variables holding one active number's fields, prefixed.

    Values come from the API and are never templated: a display name '{{ ... }}' stays text.
    """
    return {prefix + key: _untrusted(value) for key, value in number.items()}


def connection_variables(local_connection=True, python_interpreter=None):
    """What makes a host run modules on the controller with the controller's Python (nothing when disabled)."""
    if not local_connection:
        return {}
    interpreter = PLAYBOOK_PYTHON if is_empty(python_interpreter) else python_interpreter
    return {"ansible_connection": "local", "ansible_python_interpreter": _template(interpreter)}


def check_prefix(prefix):
    if not _PREFIX.match(prefix):
        raise SinchInputError("hostvars_prefix '%s' must be letters, digits and underscores, starting with a letter "
                              "or an underscore (the host variables are named <prefix><field>)" % prefix)
    return prefix


def resolve_variable_path(expression, variables, prefix=HOSTVAR_PREFIX):
    """The value of a bare reference to a number's field: sinch_type, sinch_sms_configuration.service_plan_id.

    NOT_A_PATH for anything else: other variables, names that are not defined, keys that are also
    dict attributes (Jinja would return the attribute). Those are left to the template engine.
    """
    match = _VARIABLE_PATH.match(expression) if isinstance(expression, str) else None
    if not match or not match.group(1).startswith(prefix):
        return NOT_A_PATH
    value = variables
    for key in match.group(1).split("."):
        if not isinstance(value, Mapping) or key not in value or (value is not variables and hasattr(value, key)):
            return NOT_A_PATH
        value = value[key]
    if value is None and _BEFORE_2_19:
        return ""  # what the template engine of these versions makes of it
    return value


class InventoryModule(EmptyMeansUnset, BaseInventoryPlugin, Constructable, Cacheable):
    NAME = "sinch.numbers.active_numbers"
    _prefix = HOSTVAR_PREFIX

    def verify_file(self, path):
        return super().verify_file(path) and path.endswith(FILE_SUFFIXES)

    def parse(self, inventory, loader, path, cache=True):
        super().parse(inventory, loader, path, cache)
        config = self._read_config_data(path)
        try:
            check_given_options(config, self.option_definitions)
            self._prefix = check_prefix(self.get_option("hostvars_prefix"))
            query = ActiveNumberQuery.from_getter(self.get_option)
            client = client_from_options(self.get_option)
            numbers = self._numbers(path, cache, client, query)
            self._add_numbers(numbers)
        except SinchError as exc:
            raise AnsibleParserError("sinch.numbers.active_numbers inventory %s: %s" % (path, exc))

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
            value = resolve_variable_path(template, variables, self._prefix)
            if value is not NOT_A_PATH:
                return value
        return super()._compose(template, variables, *args, **kwargs)

    def _add_numbers(self, numbers):
        connection = connection_variables(self.get_option("local_connection"), self.get_option("python_interpreter"))
        hostname = self.get_option("hostname")
        strict = self.get_option("strict")
        compose, groups, keyed_groups = (self.get_option(name) for name in ("compose", "groups", "keyed_groups"))
        named = {}
        for number in numbers:
            hostvars = host_variables(number, self._prefix)
            name = number["phone_number"] if is_empty(hostname) else self._host_name(hostname, hostvars, number)
            if named.setdefault(name, number["phone_number"]) != number["phone_number"]:
                raise SinchInputError("hostname '%s' gives '%s' for both %s and %s: every number needs a different "
                                      "host name" % (hostname, name, named[name], number["phone_number"]))
            name = self.inventory.add_host(name)
            hostvars.update(connection)
            # One update instead of a set_variable call per variable: at 10,000 numbers those calls were
            # most of the inventory's CPU time and memory. The names are valid (checked prefix + the API's
            # snake_case field names) and the values are untrusted API data, which is what set_variable
            # would have ensured.
            self.inventory.hosts[name].vars.update(hostvars)
            self._set_composite_vars(compose, hostvars, name, strict=strict)
            self._add_host_to_composed_groups(groups, hostvars, name, strict=strict)
            self._add_host_to_keyed_groups(keyed_groups, hostvars, name, strict=strict)

    def _host_name(self, template, hostvars, number):
        """The hostname template rendered over one number's host variables (a bare reference without Jinja)."""
        bare = _BARE_TEMPLATE.match(template)
        value = resolve_variable_path(bare.group(1), hostvars, self._prefix) if bare else NOT_A_PATH
        if value is NOT_A_PATH:
            self.templar.available_variables = hostvars
            try:
                value = self.templar.template(_template(template))
            except AnsibleError as exc:
                raise SinchInputError("hostname '%s' fails for %s: %s" % (template, number["phone_number"], exc))
        if is_empty(value) or not isinstance(value, str):
            raise SinchInputError("hostname '%s' gives %r for %s: a host name must be a non-empty string" % (
                template, value, number["phone_number"]))
        return value.strip()
