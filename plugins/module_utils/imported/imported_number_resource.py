# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The imported number as a managed resource (used by the sinch_imported_number module)."""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import (
    PENDING_PROVISIONING_STATUSES,
    ImportedApi,
    normalize_hosting_region,
)
from ansible_collections.sinch.numbers.plugins.module_utils.imported.provisioning import (
    SMS_LINK_FIELDS,
    effective_number,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource, changed_paths, prune_none
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import wait_for_provisioning


def provisioning_status(number):
    """'pending', 'failed' or 'done' for the number's SMS provisioning."""
    scheduled = ((number or {}).get("sms_configuration") or {}).get("scheduled_provisioning")
    if not scheduled:
        return "done"
    if scheduled.get("status") == "FAILED":
        return "failed"
    if scheduled.get("status") in PENDING_PROVISIONING_STATUSES:
        return "pending"
    return "done"


def fields_to_unlink(desired_sms, current_sms):
    """SMS links that must be cleared before the desired ones can be set.

    "Before linking a number to a new service or campaign, it must be unlinked from any existing
    service or campaign" (PATCH importedNumbers/{phoneNumber}).
    """
    desired_sms = desired_sms or {}
    current_sms = current_sms or {}
    return [field for field in SMS_LINK_FIELDS
            if desired_sms.get(field) and current_sms.get(field) and desired_sms[field] != current_sms[field]]


def values_at(source, paths):
    """A nested dict holding only the leaves of `source` named by dotted `paths`."""
    result = {}
    for path in paths:
        *parents, leaf = path.split(".")
        value, target = source, result
        for key in parents:
            value = value[key]
            target = target.setdefault(key, {})
        target[leaf] = value[leaf]
    return result


def _unlinked_view(number):
    """The number's SMS links with an unlinked (absent) one shown as "", as the unlinking PATCH sends it."""
    sms = effective_number(number).get("sms_configuration") or {}
    return {"sms_configuration": {field: sms.get(field) or "" for field in SMS_LINK_FIELDS}}


class ImportedNumberResource(Resource):
    name = "imported_number"
    api_class = ImportedApi
    diff_keys = ("phone_number", "region_code", "display_name", "sms_configuration", "callback_url")

    def __init__(self, module):
        super().__init__(module)
        self._current = None

    def validate(self):
        params = self.params
        params["phone_number"] = normalize_e164(params["phone_number"])
        params["region_code"] = normalize_hosting_region(params.get("region_code"))

    def read(self):
        self._current = self.api.get_imported(self.params["phone_number"])
        return self._current

    def desired(self):
        params = self.params
        sms = dict(params.get("sms_configuration") or {})
        # Sent when the number is imported; the API reports it afterwards but never updates it.
        sms.pop("migrate_to_sinch_tmo", None)
        desired = {
            "phone_number": params["phone_number"],
            "region_code": params.get("region_code"),
            "display_name": params.get("display_name"),
            "sms_configuration": prune_none(sms) or None,
            "callback_url": params.get("callback_url"),
        }
        current = self._current
        if current is None:
            missing = [name for name in ("region_code", "sms_configuration") if not desired[name]]
            if missing:
                raise SinchInputError("%s is not imported yet: importing it needs %s" % (
                    desired["phone_number"], " and ".join(missing)))
        elif desired["region_code"] and desired["region_code"] != current.get("region_code"):
            raise SinchInputError("%s is imported with region_code %s; the region of an imported number cannot "
                                  "be changed (remove it with state=absent and import it again)" % (
                                      desired["phone_number"], current.get("region_code")))
        return desired

    def comparable(self, current):
        return effective_number(current) if current else current

    def create(self, desired):
        number = prune_none(desired)
        migrate = (self.params.get("sms_configuration") or {}).get("migrate_to_sinch_tmo")
        if migrate is not None:
            number["sms_configuration"]["migrate_to_sinch_tmo"] = migrate
        phone_number = desired["phone_number"]
        return self.client.create_once(
            lambda: self.api.import_number(number),
            lambda: self.api.get_imported(phone_number))

    def update(self, current, changes, desired):
        phone_number = current["phone_number"]
        effective = self.comparable(current)
        unlink = fields_to_unlink(desired.get("sms_configuration"), effective.get("sms_configuration"))
        if unlink:
            self._patch(phone_number, {"sms_configuration": dict.fromkeys(unlink, "")},
                        ["sms_configuration." + field for field in unlink], _unlinked_view)
        paths = changed_paths(desired, effective)
        try:
            return self._patch(phone_number, values_at(desired, paths), paths, self.comparable)
        except SinchError as exc:
            if not unlink:
                raise
            raise SinchError("unlinked %s from its %s to link the new one, but linking failed: %s" % (
                phone_number, " and ".join(unlink), exc))

    def _patch(self, phone_number, changes, paths, view):
        """PATCH; after an ambiguous answer, read back and send again only if the changes are not there."""
        return self.client.update_once(lambda: self.api.update_imported(phone_number, changes, paths),
                                       lambda: self.api.get_imported(phone_number), changes, view)

    def delete(self, current):
        self.api.delete_imported(current["phone_number"])

    def wait_for(self, resource):
        number = wait_for_provisioning(self.params, self.api.get_imported, provisioning_status, resource,
                                       "the SMS provisioning")
        phone_number = resource["phone_number"]
        if number is None:
            raise SinchError("%s disappeared from the project while waiting for its provisioning" % phone_number)
        if provisioning_status(number) == "failed":
            codes = number["sms_configuration"]["scheduled_provisioning"].get("error_codes") or []
            raise SinchError("SMS provisioning of %s failed: %s" % (
                phone_number, ", ".join(map(str, codes)) or "no error code given"))
        return number
