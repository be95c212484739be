# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""List filters shared by the *_info modules and the plugins (docs/conventions.md).

Every list filter takes several values. Where an API filters on one value only, the one value
is sent and several are applied to the listed items here.
"""

from __future__ import annotations

import fnmatch

# Argument spec of the sinch.numbers.name_filters doc fragment.
NAME_FILTER_SPEC = dict(
    display_name=dict(type="str"),
    display_name_pattern=dict(type="str"),
)


def api_value(values):
    """The value to send to an API filter that takes one: the only one given, else None (list all)."""
    return values[0] if values and len(values) == 1 else None


def keep_matching(items, field, values):
    """The items whose field is one of values; all of them when the API already filtered (0 or 1 value)."""
    if not values or len(values) == 1:
        return items
    return (item for item in items if item.get(field) in values)


def name_matches(name, exact=None, pattern=None):
    """The display_name (exact) and display_name_pattern (shell-style wildcard, case-sensitive) filters.

    A missing name counts as the empty string, so the pattern "*" matches items without a name.
    """
    name = name or ""
    if exact is not None and name != exact:
        return False
    return pattern is None or fnmatch.fnmatchcase(name, pattern)


def keep_named(items, exact=None, pattern=None):
    """The items matching the display name filters (all when neither is set)."""
    if exact is None and pattern is None:
        return items
    return (item for item in items if name_matches(item.get("display_name"), exact, pattern))
