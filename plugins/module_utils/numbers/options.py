# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Argument specs of the Numbers API filters, as the number_filters doc fragment documents them
(names, plurals and aliases per docs/conventions.md)."""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import CAPABILITIES, NUMBER_TYPES, SEARCH_PATTERNS

# sinch.numbers.number_filters
NUMBER_FILTER_SPEC = dict(
    region_codes=dict(type="list", elements="str", aliases=["region_code"]),
    number_types=dict(type="list", elements="str", choices=list(NUMBER_TYPES), aliases=["number_type"]),
    capabilities=dict(type="list", elements="str", choices=list(CAPABILITIES), aliases=["capability"]),
)
# sinch.numbers.number_filters.pattern
PATTERN_SPEC = dict(
    number_pattern=dict(type="str"),
    search_pattern=dict(type="str", choices=list(SEARCH_PATTERNS), default="START"),
)
