# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""E.164 phone numbers and ISO region codes: validation and normalisation."""

from __future__ import annotations

import re

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError

# E.164: a '+', a country code that does not start with 0, at most 15 digits in all.
_E164 = re.compile(r"^\+[1-9][0-9]{1,14}$")
# Separators people type in numbers; they carry no meaning and are dropped.
_SEPARATORS = re.compile(r"[\s().-]")
_REGION = re.compile(r"^[A-Z]{2}$")


def normalize_e164(value, option="phone_number"):
    """Return value as canonical E.164 ('+' and digits), or raise SinchInputError."""
    if value is None:
        return None
    text = _SEPARATORS.sub("", str(value))
    if not _E164.fullmatch(text):
        raise SinchInputError(
            "%s '%s' is not a valid E.164 number: expected '+' followed by the country code "
            "and subscriber number, 2 to 15 digits in all (for example +12025550134)" % (option, value))
    return text


def normalize_e164_list(values, option="numbers"):
    return [normalize_e164(value, option) for value in values or []]


def normalize_region(value, option="region_code"):
    """Return an upper-case ISO 3166-1 alpha-2 code, or raise SinchInputError."""
    if value is None:
        return None
    text = str(value).strip()
    # ASCII letters only: str.upper() maps look-alikes such as 'ſ' (U+017F) to 'S'.
    text = text.upper() if text.isascii() else text
    if not _REGION.fullmatch(text):
        raise SinchInputError(
            "%s '%s' is not an ISO 3166-1 alpha-2 region code (for example US, GB or SE)" % (option, value))
    return text
