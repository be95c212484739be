# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which number shop groups, and which rented numbers, a set of options selects."""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import accepted_choices
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region

FILTERS = ("country_id", "city", "type", "area_code")
# Options spell them VOICE and SMS (docs/conventions.md); NumberGroup.type is "Voice" or "Sms" and
# Number.capabilities holds "voice" / "sms", so they are compared lowercase.
GROUP_TYPES = ("VOICE", "SMS")
# The options GroupSelection.from_params reads, as an AnsibleModule argument spec.
SELECTION_ARGUMENT_SPEC = dict(
    group_id=dict(type="int"),
    country_id=dict(type="str"),
    city=dict(type="str"),
    type=dict(type="str", choices=accepted_choices(GROUP_TYPES, lowercase=True)),
    area_code=dict(type="str"),
)


class GroupSelection:
    """A shop group by group_id, or the groups (and rented numbers) matching every filter set."""

    def __init__(self, group_id=None, country_id=None, city=None, type=None, area_code=None):  # pylint: disable=redefined-builtin
        if group_id is not None and group_id < 1:
            raise SinchInputError("group_id must be a shop group's number (1 or more), got %s" % group_id)
        self.group_id = group_id
        self.country_id = normalize_region(country_id, "country_id")
        self.city = city
        self.type = type.lower() if type else None
        self.area_code = str(area_code) if area_code else None

    @classmethod
    def from_params(cls, params):
        return cls(params.get("group_id"), *(params.get(name) for name in FILTERS))

    @property
    def is_empty(self):
        return self.group_id is None and not any(getattr(self, name) for name in FILTERS)

    def describe(self):
        if self.group_id is not None:
            return "group_id %s" % self.group_id
        return ", ".join("%s=%s" % (name, getattr(self, name)) for name in FILTERS if getattr(self, name)) or "everything"

    def _in_place(self, item):
        return ((not self.country_id or (item.get("country_id") or "").upper() == self.country_id)
                and (not self.city or (item.get("city") or "").casefold() == self.city.casefold())
                and (not self.area_code or str(item.get("area_code") or "") == self.area_code))

    def matches_group(self, group):
        if self.group_id is not None:
            return group.get("group_id") == self.group_id
        return self._in_place(group) and (not self.type or (group.get("type") or "").lower() == self.type)

    def matches_number(self, number):
        if self.group_id is not None:
            return number.get("group_id") == self.group_id
        return self._in_place(number) and (not self.type or self.type in (number.get("capabilities") or []))


def group_label(group):
    return "%s (%s %s %s, area code %s)" % (group.get("group_id"), group.get("country_id"), group.get("city"),
                                            group.get("type"), group.get("area_code"))
