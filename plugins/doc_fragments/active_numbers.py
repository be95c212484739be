# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filter options shared by the active_numbers lookup and inventory plugins (plugin_utils/active_numbers.py)."""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r"""
options:
  region_codes:
    description:
      - ISO 3166-1 alpha-2 regions to list, for example V(US). A list or a comma-separated string.
      - When not set, the regions come from the project's available regions.
    type: list
    elements: str
    aliases: [region_code]
  number_types:
    description:
      - Number types to list. All three when not set.
    type: list
    elements: str
    choices: [MOBILE, LOCAL, TOLL_FREE]
    aliases: [number_type]
  capabilities:
    description:
      - Only numbers that have all these capabilities (filtered by the API).
    type: list
    elements: str
    choices: [SMS, VOICE]
    aliases: [capability]
  number_pattern:
    description:
      - Only numbers containing these digits, see O(search_pattern) (filtered by the API).
    type: str
  search_pattern:
    description:
      - Where O(number_pattern) must appear.
    type: str
    choices: [START, CONTAIN, END]
    default: START
  display_name_pattern:
    description:
      - Only numbers whose display name matches this shell-style wildcard pattern, for example V(support-*).
      - Case-sensitive; C(*) also matches numbers without a display name. Applied after listing.
    type: str
  page_size:
    description:
      - Numbers asked for per list request, from 1 to 1000 (the largest page the client asks for).
    type: int
    default: 1000
"""
