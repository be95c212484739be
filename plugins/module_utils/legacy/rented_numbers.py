# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Numbers rented from one number shop group (the sinch_legacy_number module).

"At least count numbers": the rented numbers matching the selection are counted, and the
difference is reserved and checked out from the one shop group the selection names. A
reservation is never counted as rented: only the rented-numbers listing is.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError, SinchError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.errors import LegacyApiError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.selection import FILTERS, GroupSelection, group_label
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource


class RentedNumbersResource(Resource):
    name = "rented_numbers"
    diff_keys = ("count", "phone_numbers")

    def __init__(self, module):
        super().__init__(module)
        self.api = module.api
        self.selection = None
        self._rented = []
        self._selected = []
        self._group = None
        self.newly_rented = []

    # ------------------------------------------------------------ input
    def validate(self):
        if self.params["count"] < 1:
            raise SinchInputError("count must be 1 or more, got %s" % self.params["count"])
        self.selection = GroupSelection.from_params(self.params)
        if self.selection.is_empty:
            raise SinchInputError("set group_id, or at least one of %s, to choose the shop group" % ", ".join(FILTERS))

    # ------------------------------------------------------------ state
    def read(self):
        self._rented = self.api.rented_numbers()
        self._selected = [number for number in self._rented if self.selection.matches_number(number)]
        return self._view(self._selected) if self._selected else None

    @staticmethod
    def _view(numbers):
        numbers = sorted(numbers, key=lambda number: number["phone_number"])
        return {
            "count": len(numbers),
            "phone_numbers": [number["phone_number"] for number in numbers],
            "numbers": numbers,
        }

    def desired(self):
        have = len(self._selected)
        want = max(self.params["count"], have)
        if want > have:
            # Read-only checks, so that check mode fails where the real run would.
            self._group = self._shop_group(want - have)
        return {"count": want}

    def _shop_group(self, missing):
        groups = [group for group in self.api.shop_groups() if self.selection.matches_group(group)]
        if not groups:
            raise SinchInputError("no number shop group matches %s" % self.selection.describe())
        if len(groups) > 1:
            raise SinchInputError("%d number shop groups match %s: set group_id to one of %s" % (
                len(groups), self.selection.describe(), "; ".join(group_label(group) for group in groups)))
        group = groups[0]
        available = group.get("availability") or 0
        if available < missing:
            raise SinchError("shop group %s has %s numbers available; %s more are needed to have %s" % (
                group_label(group), available, missing, self.params["count"]))
        return group

    # ------------------------------------------------------------ writes
    def create(self, desired):
        return self._rent(desired["count"])

    def update(self, current, changes, desired):
        return self._rent(desired["count"] - current["count"])

    def delete(self, current):
        raise SinchError("the number administration API has no way to release rented numbers; "
                         "release %s in the Sinch dashboard" % ", ".join(current["phone_numbers"]))

    def _rent(self, quantity):
        group_id = self._group["group_id"]
        reference = self.api.reserve(group_id, quantity)
        before = {number["phone_number"] for number in self._rented}
        try:
            # A checkout without a clear answer is not replayed blindly: the rented numbers are
            # read first, and only a checkout that did not happen is tried again.
            self.client.transport.create_once(
                lambda: self.api.checkout([reference]),
                lambda: self._checked_out(reference, before, quantity))
        except SinchApiError as exc:
            raise LegacyApiError(
                "checkout of reservation %s (%s numbers of shop group %s) failed: %s. Nothing was rented; "
                "the reservation expires on its own" % (reference, quantity, group_id, exc.api_message),
                status=exc.status, code=exc.code, request_id=exc.request_id, method=exc.method, url=exc.url)
        self.read()
        self.newly_rented = sorted({number["phone_number"] for number in self._rented} - before)
        return self._view(self._selected)

    def _checked_out(self, reference, before, quantity):
        """After an ambiguous checkout: the numbers it rented, or None when it did not happen."""
        try:
            rented = self.api.rented_numbers()
        except SinchApiError as exc:
            # Not a SinchApiError: _rent must not report this as "nothing was rented".
            raise SinchError(
                "checkout of reservation %s got no clear answer, and the rented numbers could not be read to "
                "find out whether it happened (%s). Run the task again: it counts the rented numbers first" % (
                    reference, exc))
        fresh = [number for number in rented
                 if number["phone_number"] not in before and number.get("group_id") == self._group["group_id"]]
        return fresh if len(fresh) >= quantity else None

    def _result(self, changed, before, after):
        result = super()._result(changed, before, after)
        result["rented"] = self.newly_rented
        return result
