# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Options of the imported numbers and hosting orders API shared by its info modules
(sinch_imported_number_info, sinch_qualified_number_info, sinch_hosting_order_info)."""

from __future__ import annotations


class ModuleDocFragment:
    REGION_FILTER = r"""
options:
  region_codes:
    description:
      - Only those in these regions, V(US) or V(CA) (number hosting is available there only).
      - The API filters on one region; with both, the listed items are filtered here.
    type: list
    elements: str
    aliases: [region_code]
"""
