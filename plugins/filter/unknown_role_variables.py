# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: unknown_role_variables
short_description: Name the variables with a role's prefix that its argument spec does not know
version_added: 1.0.0
author:
  - sinch.numbers contributors (@sinch-numbers)
description:
  - Takes variable names (for example from the C(ansible.builtin.varnames) lookup) and returns, for each one
    that is neither an option of the role's argument spec nor one of O(ignore), a hint naming it, with the closest
    known option as a suggestion (the same suggestion the collection's lookup and inventory plugins make).
  - The roles of this collection call it first, so that a misspelled variable such as
    C(number_pool_voice_confguration) fails the run instead of being silently ignored.
  - Names with a double underscore after the prefix (the roles' internal variables) should not be passed in.
positional: options
options:
  _input:
    description:
      - The variable names to check.
    type: list
    elements: str
    required: true
  options:
    description:
      - The role's options, as the C(options) of its C(meta/argument_specs.yml) entry point (a dictionary) or their names.
    type: raw
    required: true
  ignore:
    description:
      - Names the role sets itself (its result facts), which are not options.
    type: list
    elements: str
    default: []
"""

EXAMPLES = r"""
# In a role's tasks, the options come from its meta/argument_specs.yml:
#   (lookup('ansible.builtin.file', role_path ~ '/meta/argument_specs.yml') | from_yaml).argument_specs.main.options
- name: Fail on number_pool_ variables that are not options
  ansible.builtin.assert:
    that: unknown | length == 0
    fail_msg: "unknown role variable {{ unknown | join(', ') }}"
  vars:
    options: {number_pool_name: {type: str}, number_pool_voice_configuration: {type: dict}}
    unknown: >-
      {{ query('ansible.builtin.varnames', '^number_pool_[^_]')
         | sinch.numbers.unknown_role_variables(options, ignore=['number_pool_result']) }}

- name: The suggestion for a misspelled name
  ansible.builtin.assert:
    that: >-
      ['number_pool_voice_confguration'] | sinch.numbers.unknown_role_variables(['number_pool_voice_configuration'])
      == ["'number_pool_voice_confguration' (did you mean 'number_pool_voice_configuration'?)"]
"""

RETURN = r"""
_value:
  description:
    - One entry per unknown name, sorted, for example V('number_pool_voice_confguration' (did you mean
      'number_pool_voice_configuration'?)). Empty when every name is known.
  type: list
  elements: str
"""

from collections.abc import Mapping

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.plugin_utils.options import unknown_name_hints


def unknown_role_variables(names, options, ignore=None):
    if isinstance(names, str) or not all(isinstance(name, str) for name in names):
        raise AnsibleFilterError("unknown_role_variables: the input must be a list of variable names")
    if isinstance(options, Mapping):
        known = set(options)
    elif isinstance(options, (list, tuple)) and all(isinstance(name, str) for name in options):
        known = set(options)
    else:
        raise AnsibleFilterError("unknown_role_variables: options must be the argument spec's options or their names")
    skipped = known | set(ignore or [])
    return unknown_name_hints(sorted(set(name for name in names if name not in skipped)), known)


class FilterModule:
    def filters(self):
        return {"unknown_role_variables": unknown_role_variables}
