"""Query parameters of the Numbers API list/search operations."""

import re

from .pool import CAPABILITIES, NUMBER_TYPES

# The spec says CONTAIN; the official SDKs send CONTAINS. Accept both.
SEARCH_PATTERNS = ("START", "CONTAIN", "CONTAINS", "END")
# Without a searchPattern a pattern matches anywhere in the number (our choice: the
# spec does not say).
DEFAULT_SEARCH_PATTERN = "CONTAIN"
ORDER_BY = ("phoneNumber", "displayName")
# Not documented; 100 is our choice for both.
DEFAULT_PAGE_SIZE = 100
DEFAULT_SEARCH_SIZE = 100
# Larger page sizes are clamped to this, not rejected.
MAX_PAGE_SIZE = 1000

_REGION = re.compile(r"^[A-Z]{2}$")
_PATTERN = re.compile(r"^\+?[0-9]+$")


def region_code(value, field, violations):
    if not value:
        violations.add(field, "is required")
    elif not _REGION.match(value):
        violations.add(field, "must be an ISO 3166-1 alpha-2 region code, e.g. US")
    return value


def number_type(value, field, violations):
    if not value:
        violations.add(field, "is required")
    elif value not in NUMBER_TYPES:
        violations.add(field, f"must be one of {', '.join(NUMBER_TYPES)}")
    return value


def capabilities(values, field, violations):
    for value in values:
        if value not in CAPABILITIES:
            violations.add(field, f"must be one of {', '.join(CAPABILITIES)}, got {value!r}")
    return values


def search(region, kind, pattern, search_pattern, wanted, violations, capability_field="capabilities"):
    """The criteria of every number search (regionCode, type, numberPattern, capabilities), checked:
    (region, type, a predicate on phone numbers or None, the wanted capabilities)."""
    return (
        region_code(region, "regionCode", violations),
        number_type(kind, "type", violations),
        number_matcher(pattern, search_pattern, "numberPattern", violations),
        capabilities(wanted, capability_field, violations),
    )


def query_search(request, capability_field, violations):
    """The search criteria of a listing's query string (numberPattern.pattern, numberPattern.searchPattern)."""
    return search(request.arg("regionCode"), request.arg("type"), request.arg("numberPattern.pattern"),
                  request.arg("numberPattern.searchPattern"), request.args(capability_field), violations, capability_field)


def number_matcher(pattern, search_pattern, field_prefix, violations):
    """A predicate on E.164 strings, or None when no pattern is given."""
    if search_pattern and search_pattern not in SEARCH_PATTERNS:
        violations.add(f"{field_prefix}.searchPattern", f"must be one of {', '.join(SEARCH_PATTERNS)}")
        return None
    if not pattern:
        return None
    # A "+" sent unencoded in a query string arrives as a space, as with the real API.
    if not _PATTERN.match(pattern):
        violations.add(f"{field_prefix}.pattern", "must be digits, optionally with a leading + (URL-encoded %2B)")
        return None
    mode = search_pattern or DEFAULT_SEARCH_PATTERN
    if mode == "START":
        return _starts_with(pattern)
    if mode == "END":
        return lambda phone: phone.endswith(pattern)
    return lambda phone: pattern in phone


def _starts_with(pattern):
    if pattern.startswith("+"):
        return lambda phone: phone.startswith(pattern)
    return lambda phone: phone[1:].startswith(pattern)


def size(raw, field, default, violations, maximum=None):
    """A positive int from a query string; absent or 0 means default."""
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        violations.add(field, "must be a non-negative integer")
        return default
    if value == 0:
        return default
    return min(value, maximum) if maximum else value


def order_by(raw, violations):
    value = raw or "phoneNumber"
    if value not in ORDER_BY:
        violations.add("orderBy", f"must be one of {', '.join(ORDER_BY)}")
        return "phoneNumber"
    return value
