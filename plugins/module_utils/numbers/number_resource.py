# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The active number as a managed resource (used by the sinch_number module)."""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchError,
    SinchInputError,
    SinchPartialWriteError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.numbers import writes
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import VOICE_ID_BY_TYPE, NumbersApi
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import (
    effective_configuration,
    provisioning_errors,
    provisioning_state,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.inputs import check_number_pattern
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164, normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource, prune_none
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import wait_for_provisioning


class NumberResource(Resource):
    name = "number"
    api_class = NumbersApi
    diff_keys = ("phone_number", "display_name", "region_code", "type",
                 "sms_configuration", "voice_configuration", "callback_url")
    # Per-run state (the class values are the starting ones): the numbers listed when looking by name,
    _listed = None
    # True when the number found is one a run rented under the display name but did not name,
    _claimed = False
    # True once a write was sent: a later failure (provisioning) still reports changed=true.
    _wrote = False

    # ------------------------------------------------------------ input
    def validate(self):
        params = self.params
        params["phone_number"] = normalize_e164(params.get("phone_number"))
        params["region_code"] = normalize_region(params.get("region_code"))
        if not params["phone_number"] and not (params["region_code"] and params.get("number_type")):
            raise SinchInputError(
                "without phone_number the number is found by display_name within a region and type: "
                "set region_code and number_type as well")
        if not params["phone_number"] and not (params.get("display_name") or "").strip():
            raise SinchInputError("without phone_number, display_name identifies the number: it must not be empty")
        check_number_pattern(params.get("number_pattern"))
        voice = params.get("voice_configuration")
        if voice:
            wanted_id = VOICE_ID_BY_TYPE[voice["type"]]
            if not voice.get(wanted_id):
                raise SinchInputError("voice_configuration.type %s needs voice_configuration.%s" % (
                    voice["type"], wanted_id))
            others = [key for key in VOICE_ID_BY_TYPE.values() if key != wanted_id and voice.get(key)]
            if others:
                raise SinchInputError("voice_configuration.type %s takes %s, not %s" % (
                    voice["type"], wanted_id, ", ".join(others)))

    # ------------------------------------------------------------ state
    def read(self):
        phone_number = self.params["phone_number"]
        if phone_number:
            return self.api.get_active(phone_number)
        return self._find_by_display_name()

    def _find_by_display_name(self):
        return self.match(list(self.api.list_active(self.params["region_code"], self.params["number_type"])))

    def match(self, listed):
        """The number named display_name among `listed` (the numbers of the item's region and type)."""
        self._listed = {number["phone_number"] for number in listed}
        number, self._claimed = writes.find_by_display_name(listed, self.params["display_name"],
                                                            self.client.config.project_id)
        return number

    def desired(self):
        params = self.params
        voice = params.get("voice_configuration")
        return {
            "phone_number": params["phone_number"],
            "region_code": params["region_code"],
            "type": params.get("number_type"),
            "display_name": params.get("display_name"),
            "sms_configuration": prune_none(params.get("sms_configuration")),
            "voice_configuration": prune_none(voice),
            "callback_url": params.get("callback_url"),
        }

    def comparable(self, current):
        view = effective_configuration(current) if current else current
        if view and self._claimed:
            # A number rented under this display name but not named yet (see numbers/writes.py):
            # adopting it names it and puts the callback URL back.
            view["callback_url"] = None
        return view

    # ------------------------------------------------------------ writes
    def create(self, desired):
        configuration = {key: desired[key] for key in ("sms_configuration", "voice_configuration", "callback_url")}
        self._wrote = True
        phone_number = self.params["phone_number"]
        if phone_number:
            number = writes.rent_specific(self.client, self.api, phone_number, prune_none(configuration))
            name = desired.get("display_name")
            if name and number.get("display_name") != name:
                try:
                    number = writes.update_number(self.client, self.api, phone_number, {"display_name": name})
                except SinchError as exc:
                    raise SinchPartialWriteError("rented %s but could not set display_name '%s' (a rerun sets it): %s" % (
                        phone_number, name, exc), result={"changed": True, "number": number})
            return number
        criteria = {key: self.params.get(key) for key in
                    ("region_code", "number_type", "capabilities", "number_pattern", "search_pattern")}
        if not criteria["capabilities"]:
            # A number is only useful if it can do what it is configured for.
            criteria["capabilities"] = [capability for capability, key in
                                        (("SMS", "sms_configuration"), ("VOICE", "voice_configuration"))
                                        if configuration.get(key)]
        return writes.rent_any_named(self.client, self.api, criteria, configuration,
                                     desired["display_name"], self._listed)

    def update(self, current, changes, desired):
        self._wrote = True
        if self._claimed:
            return writes.adopt(self.client, self.api, current, desired["display_name"],
                                desired.get("callback_url"), changes)
        return writes.update_number(self.client, self.api, current["phone_number"], changes)

    def delete(self, current):
        self.api.release(current["phone_number"])

    def wait_for(self, resource):
        number = wait_for_provisioning(self.params, self.api.get_active, provisioning_state, resource, "the provisioning")
        return settled(resource["phone_number"], number, self._wrote)


def settled(phone_number, number, wrote):
    """The number once its provisioning is no longer pending; SinchPartialWriteError if it failed or disappeared."""
    if number is None:
        raise SinchPartialWriteError("%s disappeared from the project while waiting for its provisioning" % phone_number,
                                     result={"changed": wrote, "number": {}})
    if provisioning_state(number) == "failed":
        raise SinchPartialWriteError("provisioning of %s failed: %s" % (
            phone_number, ", ".join(provisioning_errors(number)) or "no error code given"),
            result={"changed": wrote, "number": number})
    return number
