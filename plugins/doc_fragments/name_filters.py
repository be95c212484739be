# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The display name filters (module_utils/core/filters.py), shared by sinch_number_info,
sinch_imported_number_info, sinch_hosting_order_info and the active_numbers lookup and inventory plugins.
"""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r"""
options:
  display_name:
    description:
      - Only those whose display name is exactly this. Applied after listing (the API has no such filter).
    type: str
  display_name_pattern:
    description:
      - Only those whose display name matches this shell-style wildcard pattern, for example V(support-*).
      - Case-sensitive; V(*) also matches those without a display name. Applied after listing.
    type: str
"""
