# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters on Numbers API numbers, shared by sinch_number_info, sinch_available_number_info and the
active_numbers lookup and inventory plugins (DOCUMENTATION), the digit pattern they share with
sinch_number and sinch_imported_number_info (PATTERN), and how the two plugins list with them
(ACTIVE_NUMBERS, plugins/plugin_utils/active_numbers.py). Names follow docs/conventions.md.
"""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r"""
options:
  region_codes:
    description:
      - Only numbers in these ISO 3166-1 alpha-2 regions, for example V(US). A list, one code, or a
        comma-separated string.
    type: list
    elements: str
    aliases: [region_code]
  number_types:
    description:
      - Only numbers of these types.
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
"""

    PATTERN = r"""
options:
  number_pattern:
    description:
      - Only numbers containing these digits, see O(search_pattern) (filtered by the API).
      - With V(START), include the country code and its leading V(+), for example V(+1206).
    type: str
  search_pattern:
    description:
      - Where O(number_pattern) must appear in the number.
    type: str
    choices: [START, CONTAIN, END]
    default: START
"""

    ACTIVE_NUMBERS = r"""
options:
  page_size:
    description:
      - Numbers asked for per list request, from 1 to 1000. The API may answer with smaller pages; page tokens
        are followed either way.
    type: int
    default: 1000
notes:
  - The Numbers API lists numbers per region and number type. Each (region, type) pair is listed with
    O(page_size) numbers per request, following page tokens.
  - Regions not given in O(region_codes) are taken from the project's available regions (one extra request).
    Those are the regions where Sinch offers numbers to the project; a number rented in a region that is no
    longer offered is only listed when its region is named in O(region_codes). Types not given in
    O(number_types) are all three.
  - Filters take the same names and values as in M(sinch.numbers.sinch_number_info); values of O(number_types)
    and O(capabilities) may be written in any case.
"""
