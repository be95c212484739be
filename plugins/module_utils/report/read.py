# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read a whole project for the drift and cost report: paged list calls only, never one GET per item.

Active numbers: one paged listing per (region, type) pair (the API requires both), regions from the
options or availableRegions. Imported numbers, hosting orders and registrations: one paged listing each.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import MAX_PAGE_SIZE as IMPORTED_PAGE_SIZE
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import ImportedApi
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import NumbersApi, iter_active_numbers
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import (
    MAX_PAGE_SIZE as REGISTRATIONS_PAGE_SIZE,
    RegistrationsApi,
)

SECTIONS = ("active_numbers", "imported_numbers", "hosting_orders", "registrations")


def read_project(client, sections, region_codes=None, number_types=None, page_size=None):
    """{section: list of snake_case items} for each section asked for."""
    listings = {}
    if "active_numbers" in sections:
        listings["active_numbers"] = list(iter_active_numbers(
            NumbersApi(client), region_codes, number_types, page_size=page_size or 1000))
    imported = ImportedApi(client)
    imported_page = min(page_size or IMPORTED_PAGE_SIZE, IMPORTED_PAGE_SIZE)
    if "imported_numbers" in sections:
        listings["imported_numbers"] = list(imported.list_imported(page_size=imported_page))
    if "hosting_orders" in sections:
        listings["hosting_orders"] = list(imported.list_orders(page_size=imported_page))
    if "registrations" in sections:
        listings["registrations"] = list(RegistrationsApi(client).list_registrations(
            page_size=min(page_size or REGISTRATIONS_PAGE_SIZE, REGISTRATIONS_PAGE_SIZE)))
    return listings
