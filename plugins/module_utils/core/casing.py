# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one place where API camelCase meets Ansible snake_case.

Only dictionary keys are converted; values (enums, ids, numbers) pass unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UPPER = re.compile(r"(?<=[a-z0-9])([A-Z])")


@lru_cache(maxsize=4096)  # the API's few field names, converted for every item of a 10,000-number listing
def camel_to_snake_key(key):
    return _UPPER.sub(r"_\1", key).lower()


def snake_to_camel_key(key):
    head, *rest = key.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def to_snake(value):
    """Recursively convert the keys of an API object to snake_case."""
    if isinstance(value, dict):
        return {camel_to_snake_key(k): to_snake(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_snake(item) for item in value]
    return value


def to_camel(value, drop_none=True):
    """Recursively convert option dictionaries to an API body (camelCase keys).

    None values are dropped by default: an option the user did not set is not sent.
    """
    if isinstance(value, dict):
        return {
            snake_to_camel_key(k): to_camel(v, drop_none)
            for k, v in value.items()
            if not (drop_none and v is None)
        }
    if isinstance(value, list):
        return [to_camel(item, drop_none) for item in value]
    return value
