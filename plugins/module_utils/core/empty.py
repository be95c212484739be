# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Empty means "not set": the rule for SINCH_* variables and the connection options.

AWX and Automation Controller render every injector of a credential type, so an input the user
left blank arrives as an empty SINCH_* variable; surveys and templated module_defaults give empty
strings the same way. Such a value must let the default apply, never be used as a value (an empty
auth_method is not a method, an empty URL is not a host).
"""

from __future__ import annotations

import os

from ansible.module_utils.errors import AnsibleFallbackNotFound


def is_empty(value):
    """None, or a string of nothing but white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def nonempty_env_fallback(*names):
    """An AnsibleModule fallback like env_fallback, except that an empty variable counts as unset."""
    for name in names:
        value = os.environ.get(name)
        if not is_empty(value):
            return value
    raise AnsibleFallbackNotFound


def without_empty(params, names):
    """params without the entries of names whose value is empty (a new dict)."""
    return {key: value for key, value in params.items() if key not in names or not is_empty(value)}
