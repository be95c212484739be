# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A sender ID registration as a managed resource (used by the sinch_registration module).

Identity: the registration id, or the natural key sender ID + policy id: a registration of
the project that is not REJECTED, whose policy is policy_id and whose request details name
the sender ID. A REJECTED registration is history; the next run files a new one.
"""

from __future__ import annotations

import re

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import (
    SinchError,
    SinchInputError,
    SinchPartialWriteError,
)
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.attachments import (
    AttachmentFiles,
    missing_mandatory,
)
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import (
    DELETABLE_STATUSES,
    EDITABLE_STATUSES,
    REGISTRATION_TYPES,
    RegistrationsApi,
    sender_ids,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import Resource, find_changes, prune_none
from ansible_collections.sinch.numbers.plugins.module_utils.core.wait import wait_as_asked

# From the spec: "Tag have to start from '#' and contains only alphanumerics and dashes."
_TAG = re.compile(r"^#[A-Za-z0-9-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Fields a PUT carries (RegistrationUpdateBody).
UPDATABLE = ("request_details", "tags", "notification_contacts", "callback_url")
# Statuses that end a wait whatever the user waits for: final, or waiting for the customer.
WAIT_STOPS = ("APPROVED", "REJECTED", "PENDING", "PENDING_ATTACHMENTS")


def normalize_details(details):
    """request_details without empty parts, so an API echoing empty lists compares equal."""
    if details is None:
        return None
    return [{key: value for key, value in item.items() if value not in (None, [], {})} for item in details]


class RegistrationResource(Resource):
    name = "registration"
    api_class = RegistrationsApi
    diff_keys = ("id", "policy_id", "status", "request_details", "tags", "notification_contacts",
                 "callback_url", "attachment_sha256")
    # Per-run state (the class values are the starting ones): the attachments validate() found,
    # the registration read() found and its policy, read once.
    files = None
    _current = None
    _policy = None

    # ------------------------------------------------------------ input
    def validate(self):
        params = self.params
        for index, tag in enumerate(params.get("tags") or []):
            if not _TAG.match(tag):
                raise SinchInputError("tags[%d] '%s' must start with '#' and contain only letters, digits and "
                                      "dashes (for example #brand-se)" % (index, tag))
        for index, contact in enumerate(params.get("notification_contacts") or []):
            if not _EMAIL.match(contact):
                raise SinchInputError("notification_contacts[%d] '%s' is not an e-mail address" % (index, contact))
        details = params.get("request_details")
        named = sender_ids(details)
        if details is not None and not named:
            raise SinchInputError("request_details must name the sender ID: a sender_id_details entry with senderId")
        if params.get("id") is None:
            if params.get("sender_id") is None:
                if len(named) != 1:
                    raise SinchInputError("without id, a registration is found by sender_id and policy_id: set "
                                          "sender_id (request_details names %d sender IDs)" % len(named))
                params["sender_id"] = named[0]
            elif details is not None and params["sender_id"] not in named:
                raise SinchInputError("sender_id '%s' does not appear as a senderId in request_details (%s)" % (
                    params["sender_id"], ", ".join(map(str, named))))
        if params.get("state") == "present":
            self.files = AttachmentFiles(params.get("attachments"))

    # ------------------------------------------------------------ state
    def read(self):
        params = self.params
        if params.get("id") is not None:
            current = self.api.get_registration(params["id"])
            if current is None and params["state"] == "present":
                raise SinchError("registration '%s' does not exist in project %s: to file a new one, leave out id "
                                 "and give policy_id and sender_id" % (params["id"], self.client.config.project_id))
        else:
            current = self._find()
        if current is not None:
            if params["state"] == "absent" and current["status"] not in DELETABLE_STATUSES:
                raise SinchError("registration %s is %s: Sinch deletes registrations only in %s" % (
                    current["id"], current["status"], ", ".join(DELETABLE_STATUSES)))
            if params["policy_id"] and current.get("policy_id") != params["policy_id"]:
                raise SinchInputError("registration %s uses policy %s, not %s: a policy cannot be changed; "
                                      "delete the registration and file a new one" % (
                                          current["id"], current.get("policy_id"), params["policy_id"]))
            if self.files:
                current["attachment_sha256"] = self.files.attached_digests(self.api, current, self._policy_of(current))
        self._current = current
        return current

    def _find(self):
        """The registration with this sender ID and policy (REJECTED ones are history)."""
        params = self.params
        matches = [
            registration
            for registration_type in REGISTRATION_TYPES  # the list defaults to one type: ask for both
            for registration in self.api.list_registrations(
                {"sender_id": params["sender_id"], "registration_type": registration_type})
            if registration.get("policy_id") == params["policy_id"] and registration.get("status") != "REJECTED"
        ]
        if len(matches) > 1:
            raise SinchError("sender ID '%s' has %d registrations under policy %s (%s): set id to pick one" % (
                params["sender_id"], len(matches), params["policy_id"], ", ".join(item["id"] for item in matches)))
        return matches[0] if matches else None

    def _policy_of(self, registration=None):
        if self._policy is None:
            policy_id = self.params.get("policy_id") or (registration or {}).get("policy_id")
            self._policy = self.api.get_policy(policy_id)
        return self._policy

    def desired(self):
        params = self.params
        current = self._current
        desired = {
            "policy_id": params.get("policy_id"),
            "request_details": normalize_details(params.get("request_details")),
            "tags": params.get("tags"),
            "notification_contacts": params.get("notification_contacts"),
            "callback_url": params.get("callback_url"),
            "attachment_sha256": self.files.wanted_digests(self._policy_of(current)) if self.files else None,
        }
        if current is None and desired["request_details"] is None:
            raise SinchInputError("request_details is required to file a new registration for sender ID '%s'"
                                  % params["sender_id"])
        # Checked here, before check mode returns, so that check mode fails the same way.
        if current is not None and current["status"] not in EDITABLE_STATUSES \
                and find_changes(desired, self.comparable(current)):
            raise SinchError("registration %s is %s: Sinch accepts changes only in %s" % (
                current["id"], current["status"], ", ".join(EDITABLE_STATUSES)))
        return desired

    def comparable(self, current):
        if not current:
            return current
        view = dict(current)
        view["request_details"] = normalize_details(current.get("request_details"))
        return view

    # ------------------------------------------------------------ writes
    def create(self, desired):
        fields = prune_none({key: desired[key] for key in ("policy_id",) + UPDATABLE})
        registration = self.client.create_once(lambda: self.api.create_registration(fields), self._find)
        return self._attach(registration, {}, created=True)

    def update(self, current, changes, desired):
        registration = current
        if any(key in changes for key in UPDATABLE):
            fields = {key: desired[key] if desired.get(key) is not None else current.get(key) for key in UPDATABLE}
            registration_id = current["id"]
            registration = self.client.update_once(
                lambda: self.api.update_registration(registration_id, fields),
                lambda: self.api.get_registration(registration_id),
                {key: value for key, value in changes.items() if key in UPDATABLE}, self.comparable)
        return self._attach(registration, current.get("attachment_sha256") or {})

    def _attach(self, registration, attached, created=False):
        """Upload the files that differ from what is attached; the registration as it is then."""
        if self.files:
            policy = self._policy_of(registration)
            try:
                uploaded = self.files.upload_changed(self.api, registration["id"], policy, attached)
            except SinchError as exc:
                if not created:
                    raise
                raise SinchPartialWriteError("registration %s was filed, but attaching a file failed (a rerun "
                                             "retries the upload): %s" % (registration["id"], exc),
                                             result={"changed": True, self.name: registration})
            if uploaded:
                registration = self.api.get_registration(registration["id"]) or registration
            registration["attachment_sha256"] = self.files.wanted_digests(policy)
        if registration.get("status") == "PENDING_ATTACHMENTS":
            missing = missing_mandatory(self._policy_of(registration), registration)
            self.module.ansible.warn("registration %s waits for mandatory attachments: %s" % (
                registration["id"], ", ".join(missing) or "see the policy"))
        return registration

    def delete(self, current):
        self.api.delete_registration(current["id"])

    def wait_for(self, resource):
        targets = self.params["wait_states"]
        registration_id = resource["id"]
        final = wait_as_asked(
            self.params, lambda: self.api.get_registration(registration_id),
            lambda item: item is None or item["status"] in targets or item["status"] in WAIT_STOPS,
            what="registration %s to reach %s" % (registration_id, " or ".join(targets)))
        if final is None:
            raise SinchError("registration %s disappeared while waiting for it" % registration_id)
        if final["status"] not in targets:
            logs = final.get("logs") or [{}]
            raise SinchError("registration %s is %s, not %s: %s" % (
                registration_id, final["status"], " or ".join(targets),
                logs[-1].get("message") or "no message in its logs"))
        if "attachment_sha256" in resource:
            final["attachment_sha256"] = resource["attachment_sha256"]
        return final
