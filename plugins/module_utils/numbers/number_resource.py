# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The active number as a managed resource (used by the sinch_number module)."""

from __future__ import annotations

import re

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import VOICE_ID_BY_TYPE, NumbersApi
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import (
    effective_configuration,
    provisioning_errors,
    provisioning_state,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164, normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource, prune_none
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import wait_until

_PATTERN = re.compile(r"^\+?[0-9]+$")


class NumberResource(Resource):
    name = "number"
    diff_keys = ("phone_number", "display_name", "region_code", "type",
                 "sms_configuration", "voice_configuration", "callback_url")

    def __init__(self, module):
        super().__init__(module)
        self.api = NumbersApi(self.client)
        self._listed = None

    # ------------------------------------------------------------ input
    def validate(self):
        params = self.params
        params["phone_number"] = normalize_e164(params.get("phone_number"))
        params["region_code"] = normalize_region(params.get("region_code"))
        if not params["phone_number"] and not (params["region_code"] and params.get("number_type")):
            raise SinchInputError(
                "without phone_number the number is found by display_name within a region and type: "
                "set region_code and number_type as well")
        pattern = params.get("number_pattern")
        if pattern is not None and not _PATTERN.match(pattern):
            raise SinchInputError("number_pattern '%s' must be digits, optionally with a leading '+'" % pattern)
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
        listed = list(self.api.list_active(self.params["region_code"], self.params["number_type"]))
        self._listed = {number["phone_number"] for number in listed}
        name = self.params["display_name"]
        matches = [number for number in listed if number.get("display_name") == name]
        if len(matches) > 1:
            raise SinchInputError(
                "display_name '%s' is not unique in project %s (%s): use phone_number to pick one" % (
                    name, self.client.config.project_id, ", ".join(n["phone_number"] for n in matches)))
        return matches[0] if matches else None

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
        return effective_configuration(current) if current else current

    # ------------------------------------------------------------ writes
    def create(self, desired):
        configuration = prune_none({key: desired[key] for key in
                                    ("sms_configuration", "voice_configuration", "callback_url")})
        phone_number = self.params["phone_number"]
        if phone_number:
            number = self.client.create_once(
                lambda: self.api.rent(phone_number, configuration),
                lambda: self.api.get_active(phone_number))
        else:
            criteria = {key: self.params.get(key) for key in
                        ("region_code", "number_type", "capabilities", "number_pattern", "search_pattern")}
            if not criteria["capabilities"]:
                # A number is only useful if it can do what it is configured for.
                criteria["capabilities"] = [capability for capability, key in
                                            (("SMS", "sms_configuration"), ("VOICE", "voice_configuration"))
                                            if configuration.get(key)]
            number = self.client.create_once(
                lambda: self.api.rent_any(criteria, configuration),
                self._find_newly_rented)
        name = desired.get("display_name")
        if name and number.get("display_name") != name:
            # The rent call takes no display name; set it right away. If this fails the
            # number is rented but unnamed: say which one, so it is not rented again.
            try:
                number = self.api.update_active(number["phone_number"], {"display_name": name})
            except SinchError as exc:
                raise SinchError("rented %s but could not set display_name '%s': %s" % (
                    number["phone_number"], name, exc))
        return number

    def _find_newly_rented(self):
        """After an ambiguous rentAny: a number now active that the first listing did not show."""
        fresh = [number for number in self.api.list_active(self.params["region_code"], self.params["number_type"])
                 if number["phone_number"] not in self._listed]
        return fresh[0] if fresh else None

    def update(self, current, changes, desired):
        return self.api.update_active(current["phone_number"], changes)

    def delete(self, current):
        self.api.release(current["phone_number"])

    def wait_for(self, resource):
        phone_number = resource["phone_number"]
        number = wait_until(
            lambda: self.api.get_active(phone_number),
            lambda number: number is None or provisioning_state(number) != "pending",
            timeout=self.params["wait_timeout"], interval=self.params["wait_interval"],
            what="the provisioning of %s" % phone_number)
        if number is None:
            raise SinchError("%s disappeared from the project while waiting for its provisioning" % phone_number)
        if provisioning_state(number) == "failed":
            raise SinchError("provisioning of %s failed: %s" % (
                phone_number, ", ".join(provisioning_errors(number)) or "no error code given"))
        return number
