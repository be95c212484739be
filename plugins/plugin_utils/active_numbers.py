# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the active_numbers lookup and inventory plugins enumerate, and how.

Both plugins read the same filter options (FILTER_OPTIONS) through ActiveNumberQuery, so
a filter behaves the same in a lookup call and in an inventory source. Region, type,
capability and number pattern are sent to the API; the display name filters are applied
here, because GET activeNumbers has no such filter.
"""

from __future__ import annotations

import hashlib
import json

from ansible_collections.sinch.numbers.plugins.module_utils.core.empty import is_empty
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.inputs import check_number_pattern
from ansible_collections.sinch.numbers.plugins.module_utils.core.filters import keep_named
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import (
    CAPABILITIES,
    MAX_PAGE_SIZE,
    NUMBER_TYPES,
    SEARCH_PATTERNS,
    NumbersApi,
    iter_active_numbers,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region

FILTER_OPTIONS = ("region_codes", "number_types", "capabilities", "number_pattern", "search_pattern",
                  "display_name", "display_name_pattern", "page_size")


class ActiveNumberQuery:
    """Validated filters; list() enumerates the matching active numbers (snake_case dicts).

    An empty filter is no filter (core/empty.py).
    """

    def __init__(self, region_codes=None, number_types=None, capabilities=None, number_pattern=None,
                 search_pattern=None, display_name=None, display_name_pattern=None, page_size=None):
        self.region_codes = _unique([normalize_region(code, "region_codes") for code in _as_list(region_codes)])
        self.number_types = _unique(_choices(number_types, NUMBER_TYPES, "number_types"))
        self.capabilities = _unique(_choices(capabilities, CAPABILITIES, "capabilities"))
        self.number_pattern = _pattern(number_pattern)
        self.search_pattern = _choices("START" if is_empty(search_pattern) else search_pattern, SEARCH_PATTERNS,
                                       "search_pattern")[0]
        self.display_name = None if is_empty(display_name) else display_name
        self.display_name_pattern = None if is_empty(display_name_pattern) else display_name_pattern
        self.page_size = _page_size(page_size)

    @classmethod
    def from_getter(cls, get_option):
        """Build from any callable mapping an option name to its value (plugin get_option)."""
        return cls(**{name: get_option(name) for name in FILTER_OPTIONS})

    def as_dict(self):
        return {name: getattr(self, name) for name in FILTER_OPTIONS}

    def list(self, client):
        """The matching active numbers, in API order: one paged listing per (region, type) pair."""
        numbers = iter_active_numbers(
            NumbersApi(client), self.region_codes, self.number_types, self.capabilities,
            self.number_pattern, self.search_pattern, self.page_size)
        return list(keep_named(numbers, self.display_name, self.display_name_pattern))


def source_fingerprint(config, query):
    """A short digest of what a listing depends on: project, API URL and filters.

    Used in cache keys so that editing a filter never serves numbers cached for another one.
    Deliberately leaves out every credential.
    """
    identity = {"project_id": config.project_id, "numbers_url": config.numbers_url, "filters": query.as_dict()}
    text = json.dumps(identity, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _as_list(value):
    """Plugin options arrive as lists, or as one string (a lookup keyword, an env var)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return list(value)


def _unique(values):
    return list(dict.fromkeys(values))


def _choices(value, allowed, option):
    values = [str(item).upper() for item in _as_list(value)]
    wrong = [item for item in values if item not in allowed]
    if wrong:
        raise SinchInputError("%s: %s not one of %s" % (option, ", ".join(wrong), ", ".join(allowed)))
    return values


def _pattern(value):
    if is_empty(value):
        return None
    return check_number_pattern(value)


def _page_size(value):
    if is_empty(value):
        return MAX_PAGE_SIZE
    try:
        size = int(value)
    except (TypeError, ValueError):
        size = 0
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise SinchInputError("page_size must be a whole number from 1 to %d, got '%s'" % (MAX_PAGE_SIZE, value))
    return size
