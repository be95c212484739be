# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The numbers of one Voice/Verification application and capability (the sinch_app_number module).

The API's PUT replaces the application's whole list for a capability, so the target list is
computed from the current one: the union with the given numbers (state=present), the
difference (state=absent), or exactly the given numbers (exclusive=true).
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.api import check_application_key, to_e164
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource


class AppNumbersResource(Resource):
    name = "app_numbers"
    diff_keys = ("application_key", "capability", "numbers")

    def __init__(self, module):
        super().__init__(module)
        self.api = module.api
        self._current = None

    # ------------------------------------------------------------ input
    def validate(self):
        params = self.params
        check_application_key(params["application_key"])
        params["numbers"] = sorted({to_e164(number) for number in params["numbers"]})
        if params["exclusive"] and params["state"] == "absent":
            raise SinchInputError("exclusive=true makes the list exactly 'numbers'; it only goes with state=present")

    def run(self):
        # state=absent takes the given numbers out of the list (a set difference); it never
        # removes the list itself. Both states take the core's "present" path, with the target
        # list computed by desired().
        self.validate()
        return self._ensure_present(self.read())

    # ------------------------------------------------------------ state
    def read(self):
        numbers = self.api.application_numbers(self.params["application_key"])
        self._current = self._view(numbers)
        return self._current

    def _view(self, numbers):
        capability = self.params["capability"]
        return {
            "application_key": self.params["application_key"],
            "capability": capability,
            "numbers": sorted(number["phone_number"] for number in numbers
                              if capability.lower() in number["capabilities"]),
        }

    def desired(self):
        current = set(self._current["numbers"])
        given = set(self.params["numbers"])
        if self.params["state"] == "absent":
            target = current - given
        elif self.params["exclusive"]:
            target = given
        else:
            target = current | given
        self._check_assignable(target - current)
        return dict(self._current, numbers=sorted(target))

    def _check_assignable(self, added):
        """Numbers to add must be rented by the organisation and have the capability (before any write)."""
        if not added:
            return
        rented = {number["phone_number"]: number for number in self.api.rented_numbers()}
        missing = sorted(added - set(rented))
        if missing:
            raise SinchInputError(
                "not rented by the organisation of %s, so not assignable: %s. Rent numbers with "
                "sinch.numbers.sinch_legacy_number first, or check the numbers" % (
                    self.client.config.email, ", ".join(missing)))
        capability = self.params["capability"].lower()
        unable = sorted(number for number in added if capability not in rented[number]["capabilities"])
        if unable:
            raise SinchInputError("%s cannot be assigned for %s: %s" % (
                ", ".join(unable), capability,
                "; ".join("%s has %s" % (number, ", ".join(rented[number]["capabilities"]) or "no capability")
                          for number in unable)))
        key = self.params["application_key"]
        for number in sorted(added):
            other = rented[number].get("application_key")
            if other and other != key:
                self.module.warn("%s is assigned to application %s; assigning it to %s takes it from there" % (
                    number, other, key))

    # ------------------------------------------------------------ writes
    def create(self, desired):
        """Make the capability's list exactly desired['numbers'] (one PUT, read back after a lost answer)."""
        key = self.params["application_key"]
        numbers = self.client.transport.update_once(
            lambda: self.api.set_application_numbers(key, self.params["capability"], desired["numbers"]),
            lambda: self.api.application_numbers(key), {"numbers": desired["numbers"]}, self._view)
        return self._view(numbers)

    def update(self, current, changes, desired):
        if self.params["state"] == "absent":
            removed = sorted(set(current["numbers"]) - set(desired["numbers"]))
            self.delete(dict(current, numbers=removed))
            return dict(current, numbers=desired["numbers"])
        return self.create(desired)

    def delete(self, current):
        """Unassign each number of current, one DELETE each: other numbers are left alone."""
        for number in current["numbers"]:
            self.api.remove_application_number(self.params["application_key"], number)
