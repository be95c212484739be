# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The page size of the list requests of the *_info modules (the active_numbers plugins have their own, number_filters.ACTIVE_NUMBERS)."""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r"""
options:
  page_size:
    description:
      - Items asked for per list request, 1 or more. The API may answer with smaller pages; page tokens are
        followed either way.
    type: int
    default: 1000
"""
