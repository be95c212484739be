#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_project_report_info
short_description: Report the drift and monthly cost of a whole Sinch project
version_added: 1.0.0
description:
  - Reads the project with paged list calls only and reports what no playbook manages, what is broken or
    unused, what it costs a month, and what is stuck. Sends no write; check mode and real runs do the same.
  - "Active numbers are listed once per region and type (the API requires both):
    ceil(numbers / O(page_size)) list calls per pair, plus one C(availableRegions) call when O(region_codes) is
    omitted. Imported numbers, hosting orders and sender ID registrations take one paged listing each."
  - A number is B(unmanaged) when its display name is empty or starts with none of O(managed_prefixes).
  - A number is B(unconfigured) when it has neither an SMS service plan nor a voice app, trunk or fax service,
    counting a pending provisioning as the configuration it brings and a failed one as nothing.
  - The B(monthly cost) of an active number is its C(money.amount) divided by its C(payment_interval_months),
    summed by pool (the longest matching prefix of O(managed_prefixes), empty for unmanaged numbers), region,
    type and currency, and by currency. Amounts are decimal strings rounded to cents. Imported numbers carry no
    price in the API and are not counted.
  - Hosting orders and registrations are B(stuck) when they are not final (C(COMPLETED) or C(REJECTED) orders,
    C(APPROVED) or C(REJECTED) registrations) O(stuck_after_hours) after they were created.
  - The registrations API takes OAuth2 only; leave C(registrations) out of O(sections) for an access key
    without it.
  - The P(sinch.numbers.project_report#role) role runs this module and writes Markdown and CSV reports.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  managed_prefixes:
    description:
      - Display name prefixes of the numbers your pools and playbooks manage, for example V(alerts-) for the
        members of the P(sinch.numbers.number_pool#role) pool V(alerts).
    type: list
    elements: str
    default: []
  region_codes:
    description:
      - Regions whose active numbers are read. Defaults to the project's available regions.
    type: list
    elements: str
    aliases: [region_code]
  number_types:
    description:
      - Types of active numbers read. Defaults to all three.
    type: list
    elements: str
    choices: [MOBILE, LOCAL, TOLL_FREE]
    aliases: [number_type]
  sections:
    description:
      - What to read. Findings of a section left out are empty lists.
    type: list
    elements: str
    choices: [active_numbers, imported_numbers, hosting_orders, registrations]
    default: [active_numbers, imported_numbers, hosting_orders, registrations]
  stuck_after_hours:
    description:
      - Age in hours after which a hosting order or registration that is not final counts as stuck.
    type: float
    default: 72
  page_size:
    description:
      - Items asked for per list request (the imported numbers API takes at most 1000, registrations at most 100).
    type: int
    default: 1000
seealso:
  - module: sinch.numbers.sinch_number_info
"""

EXAMPLES = r"""
- name: Report the project's drift and cost
  sinch.numbers.sinch_project_report_info:
    managed_prefixes: [alerts-, support-]
    stuck_after_hours: 48
  register: project

- name: Fail when numbers no playbook manages cost money
  ansible.builtin.assert:
    that: project.report.summary.unmanaged == 0
    fail_msg: "{{ project.report.unmanaged | map(attribute='phone_number') | join(', ') }} are unmanaged"

- name: Active numbers of two regions only, without registrations
  sinch.numbers.sinch_project_report_info:
    region_codes: [US, GB]
    sections: [active_numbers, imported_numbers, hosting_orders]
  register: project
"""

RETURN = r"""
report:
  description: The report.
  returned: success
  type: dict
  contains:
    generated_at:
      description: When the project was read (UTC).
      type: str
      sample: "2026-12-06T02:30:00Z"
    managed_prefixes:
      description: O(managed_prefixes) as given.
      type: list
      elements: str
    stuck_after_hours:
      description: O(stuck_after_hours) as given.
      type: float
    totals:
      description: How many items each section read holds (C(active_numbers), C(imported_numbers), C(hosting_orders),
        C(registrations)).
      type: dict
      sample: {active_numbers: 1200, imported_numbers: 3, hosting_orders: 2, registrations: 4}
    summary:
      description: How many items each finding lists.
      type: dict
      sample: {unmanaged: 60, provisioning_failed: 20, provisioning_pending: 30, unconfigured: 50,
               stuck_hosting_orders: 1, stuck_registrations: 2}
    unmanaged:
      description:
        - Numbers whose display name matches none of O(managed_prefixes), with C(phone_number), C(source)
          (V(active) or V(imported)), C(display_name), C(region_code) and C(type) (V(IMPORTED) for imported numbers).
      type: list
      elements: dict
    unconfigured:
      description: Numbers with neither SMS nor voice configuration, shaped like RV(report.unmanaged).
      type: list
      elements: dict
    provisioning_failed:
      description:
        - One entry per number and channel whose last provisioning failed, shaped like RV(report.unmanaged) plus
          C(channel) (V(sms) or V(voice)), C(status), C(since) (when it failed), C(age_hours) and C(error_codes).
      type: list
      elements: dict
    provisioning_pending:
      description: Like RV(report.provisioning_failed), for provisioning still V(WAITING) or V(IN_PROGRESS) since C(since).
      type: list
      elements: dict
    monthly_cost:
      description:
        - Monthly cost of the active numbers by C(pool) (empty for unmanaged numbers), C(region_code), C(type) and
          C(currency), with the count of C(numbers) and C(monthly_amount) (a decimal string).
      type: list
      elements: dict
      sample:
        - {pool: alerts-, region_code: US, type: LOCAL, currency: USD, numbers: 100, monthly_amount: "100.00"}
    monthly_cost_by_currency:
      description: Monthly cost by C(currency), with C(numbers) and C(monthly_amount).
      type: list
      elements: dict
      sample:
        - {currency: EUR, numbers: 300, monthly_amount: "450.00"}
    stuck_hosting_orders:
      description: Hosting orders not final after O(stuck_after_hours), with C(id), C(display_name), C(state), C(type),
        C(created_time) and C(age_hours).
      type: list
      elements: dict
    stuck_registrations:
      description: Registrations not final after O(stuck_after_hours), shaped like RV(report.stuck_hosting_orders)
        (C(state) is the registration's status).
      type: list
      elements: dict
"""

from datetime import datetime, timezone

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import MAX_PAGE_SIZE, NUMBER_TYPES
from ansible_collections.sinch.numbers.plugins.module_utils.report.build import build_report
from ansible_collections.sinch.numbers.plugins.module_utils.report.read import SECTIONS, read_project


def report(module):
    params = module.params
    if params["stuck_after_hours"] < 0:
        raise SinchInputError("stuck_after_hours must be 0 or more, got %s" % params["stuck_after_hours"])
    prefixes = params["managed_prefixes"]
    if any(not prefix for prefix in prefixes):
        raise SinchInputError("managed_prefixes must not hold an empty prefix: it would match every number")
    regions = [normalize_region(code, "region_codes") for code in params["region_codes"] or []]
    listings = read_project(module.client, params["sections"], regions, params["number_types"], params["page_size"])
    now = datetime.now(timezone.utc)
    return {"changed": False, "report": build_report(listings, prefixes, params["stuck_after_hours"], now)}


def main():
    module = SinchModule(
        dict(
            managed_prefixes=dict(type="list", elements="str", default=[]),
            region_codes=dict(type="list", elements="str", aliases=["region_code"]),
            number_types=dict(type="list", elements="str", choices=list(NUMBER_TYPES), aliases=["number_type"]),
            sections=dict(type="list", elements="str", choices=list(SECTIONS), default=list(SECTIONS)),
            stuck_after_hours=dict(type="float", default=72),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
        ),
    )
    module.run(lambda: report(module))


if __name__ == "__main__":
    main()
