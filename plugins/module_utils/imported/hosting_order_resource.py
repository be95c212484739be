# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The hosting order as a managed resource (used by the sinch_hosting_order module).

An order is filed once and then only progresses: the API can neither change nor delete it.
A rerun finds the order by its id, or by display_name and order type, and never files a second
one; asking for other values than the order was filed with is an error, not a new order.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    FINAL_ORDER_STATES,
    IMPORT_NUMBERS_LIMIT,
    TEXT_ENABLE_LIMIT,
    ImportedApi,
    normalize_hosting_region,
)
from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import (
    IMPORT,
    ORDER_ACTIONS,
    ORDER_FIELDS,
    check_numbers,
    check_order,
    order_request,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164_list
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource, find_changes
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import wait_as_asked

# What a found order is compared with; the LOA, NNID and schedules only matter when filing.
COMPARED_FIELDS = ("display_name", "type", "region_code", "numbers", "service_plan_id", "campaign_id",
                   "callback_url")


def failed_numbers(order):
    """Numbers of the order whose OSR update, campaign or platform provisioning failed."""
    failed = []
    for number in order.get("number_details") or []:
        steps = [step for step in ("osr_update", "campaign_provisioning", "platform_provisioning")
                 if (number.get(step) or {}).get("state") == "FAILED"]
        if steps:
            failed.append("%s (%s)" % (number["phone_number"], ", ".join(steps)))
    return failed


class HostingOrderResource(Resource):
    name = "hosting_order"
    api_class = ImportedApi
    diff_keys = ("hosting_order_id", "state") + COMPARED_FIELDS

    def __init__(self, module):
        super().__init__(module)
        self._current = None

    # ------------------------------------------------------------ input
    @property
    def kind(self):
        return self.params.get("order_type")

    def _fields(self):
        return {name: self.params.get(name) for name in ORDER_FIELDS}

    def validate(self):
        params = self.params
        if not params.get("id") and not (params.get("display_name") and self.kind):
            raise SinchInputError("a hosting order is identified by id, or by display_name and order_type: "
                                  "set id, or both display_name and order_type")
        params["region_code"] = normalize_hosting_region(params.get("region_code"))
        if params.get("numbers") is not None:
            numbers = normalize_e164_list(params["numbers"], "numbers")
            duplicates = sorted({number for number in numbers if numbers.count(number) > 1})
            if duplicates:
                raise SinchInputError("numbers lists %s more than once" % ", ".join(duplicates))
            if not numbers:
                raise SinchInputError("numbers must list at least one number")
            limit = params.get("import_limit")
            if self.kind == IMPORT and len(numbers) > limit:
                raise SinchInputError(
                    "an import order takes at most %d numbers, got %d: split them into several orders "
                    "(the API allows %d per call unless your account manager raised the limit; then set "
                    "import_limit)" % (limit, len(numbers), IMPORT_NUMBERS_LIMIT))
            if self.kind != IMPORT and len(numbers) > TEXT_ENABLE_LIMIT:
                raise SinchInputError("a %s order takes at most %d numbers, got %d: split them into several orders"
                                      % (self.kind, TEXT_ENABLE_LIMIT, len(numbers)))
            params["numbers"] = numbers
        if self.kind:
            check_numbers(self.kind, params.get("numbers") or [], "order_type=TEXT_ENABLE_TOLL_FREE")
            check_order(self.kind, self._fields(), params.get("loa"))

    # ------------------------------------------------------------ state
    def read(self):
        order_id = self.params.get("id")
        if order_id:
            order = self.api.get_order(order_id)
            if order is None:
                raise SinchInputError("hosting order %s does not exist in project %s: an order cannot be filed "
                                      "under a chosen id; omit id to file one" % (
                                          order_id, self.client.config.project_id))
        else:
            order = self._find_by_identity()
        self._current = self.api.order_details(order) if order else None
        return self._current

    def _find_by_identity(self):
        name = self.params["display_name"]
        order_type = ORDER_ACTIONS[self.kind][1]
        matches = [order for order in self.api.list_orders(order_type=order_type)
                   if order.get("display_name") == name]
        if len(matches) > 1:
            raise SinchInputError(
                "display_name '%s' names %d %s hosting orders (%s): set id to pick one" % (
                    name, len(matches), order_type, ", ".join(order["hosting_order_id"] for order in matches)))
        return matches[0] if matches else None

    def desired(self):
        params = self.params
        desired = {
            "display_name": params.get("display_name"),
            "type": ORDER_ACTIONS[self.kind][1] if self.kind else None,
            "numbers": sorted(params["numbers"]) if params.get("numbers") else None,
        }
        for name in ("region_code", "service_plan_id", "campaign_id", "callback_url"):
            desired[name] = params.get(name)
        current = self._current
        if current is None:
            missing = [name for name in ("region_code", "numbers", "service_plan_id") if not desired.get(name)]
            if missing:
                raise SinchInputError("no %s hosting order '%s' exists yet; filing it needs %s" % (
                    self.kind, desired["display_name"], ", ".join(missing)))
        else:
            self._refuse_changes(current, find_changes(desired, current))
        return desired

    def _refuse_changes(self, current, changes):
        if not changes:
            return
        differences = ["%s: filed %s, asked %s" % (key, current.get(key), changes[key]) for key in sorted(changes)]
        raise SinchInputError(
            "hosting order %s ('%s') was filed with other values (%s). A filed order cannot be changed: "
            "file a new one under another display_name" % (
                current["hosting_order_id"], current.get("display_name"), "; ".join(differences)))

    # ------------------------------------------------------------ writes
    def create(self, desired):
        action = ORDER_ACTIONS[self.kind][0]
        request = order_request(self.kind, self._fields(), self.params["numbers"], self.params.get("loa"))
        # No order carried this identity before the write (read() found none), so one that
        # carries it after an ambiguous answer is the one this write filed.
        order = self.client.create_once(
            lambda: self.api.file_order(action, request),
            self._find_by_identity)
        return self.api.order_details(order)

    def update(self, current, changes, desired):
        self._refuse_changes(current, changes)
        return current

    def delete(self, current):
        raise SinchError("hosting order %s cannot be deleted: the API has no operation for it" %
                         current["hosting_order_id"])

    def wait_for(self, resource):
        order_id = resource["hosting_order_id"]
        if resource.get("state") not in FINAL_ORDER_STATES:
            order = wait_as_asked(
                self.params, lambda: self.api.get_order(order_id),
                lambda order: order is None or order.get("state") in FINAL_ORDER_STATES,
                what="hosting order %s to complete" % order_id)
            if order is None:
                raise SinchError("hosting order %s disappeared while waiting for it" % order_id)
            resource = self.api.order_details(order)
        if resource["state"] == "REJECTED":
            raise SinchError("hosting order %s was REJECTED; report: %s; failed numbers: %s" % (
                order_id, resource.get("report"), ", ".join(failed_numbers(resource)) or "none listed"))
        return resource
