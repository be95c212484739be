# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Enum option values: one canonical spelling each, plus the spellings still accepted for it.

The canonical spelling is UPPER_CASE, the API's value without a prefix that only repeats the
enum's name (docs/conventions.md). Spellings users may have typed before (a lowercase value, the
API's prefixed value) are listed in the argument spec's choices, so AnsibleModule accepts them,
and normalize_choices() turns them into the canonical value before the module uses them.
"""

from __future__ import annotations

# Prefixes of API enum values that only repeat the enum's name (GLOBAL_PROCESS_STATE_VERIFIED).
ENUM_PREFIXES = ("GLOBAL_PROCESS_STATE_",)


def accepted_choices(values, lowercase=False, prefix=None):
    """Argument spec choices: the canonical values, then the other spellings accepted for them.

    lowercase: also accept each value in lowercase (the spelling of releases before the rule).
    prefix: also accept each value with this API prefix (the API's own spelling).
    """
    choices = list(values)
    if lowercase:
        choices += [value.lower() for value in values]
    if prefix:
        choices += [prefix + value for value in values]
    return choices


def canonical(value, choices):
    """The canonical spelling of an accepted value; any other value is returned unchanged."""
    if not isinstance(value, str):
        return value
    upper = value.upper()
    for prefix in ENUM_PREFIXES:
        if upper.startswith(prefix) and upper[len(prefix):] in choices:
            return upper[len(prefix):]
    return upper if upper in choices else value


def normalize_choices(params, spec):
    """Replace, in place, every accepted spelling in params by its canonical value (suboptions too)."""
    for name, option in spec.items():
        value = params.get(name)
        if value is None:
            continue
        choices = option.get("choices")
        if choices:
            if isinstance(value, list):
                params[name] = [canonical(item, choices) for item in value]
            else:
                params[name] = canonical(value, choices)
        suboptions = option.get("options")
        if suboptions:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    normalize_choices(item, suboptions)
