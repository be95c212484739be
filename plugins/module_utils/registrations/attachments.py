# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The files a user attaches to a registration, matched with what the registration already holds.

The API reports no checksum for an attachment, so "is the file already attached?" is answered
by downloading what is attached and comparing SHA-256 digests: a read, never a write. An
unchanged file is therefore never uploaded again.

Attachments are addressed by their attachment definition id (the policy's attachments[].id),
for upload and download alike, as the spec's path parameters say.
"""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchApiError, SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.file_transfer import LocalFile, sha256


class AttachmentFiles:
    """The user's attachments option: local files keyed by definition id or title."""

    def __init__(self, specs):
        self.specs = []
        for index, spec in enumerate(specs or []):
            option = "attachments[%d].src" % index
            self.specs.append((spec.get("id"), spec.get("title"), LocalFile(spec["src"], option)))
        self._by_definition = None

    def __bool__(self):
        return bool(self.specs)

    def resolve(self, policy):
        """{definition id: LocalFile}, checked against the policy's attachment definitions."""
        if self._by_definition is not None:
            return self._by_definition
        definitions = policy.get("attachments") or []
        by_id = {item.get("id"): item for item in definitions}
        by_title = {(item.get("title") or "").strip().lower(): item for item in definitions}
        resolved = {}
        for definition_id, title, local_file in self.specs:
            found = by_id.get(definition_id) if definition_id else by_title.get(title.strip().lower())
            if found is None:
                raise SinchInputError("policy %s has no attachment %s; it has: %s" % (
                    policy.get("id"),
                    ("id '%s'" % definition_id) if definition_id else ("titled '%s'" % title),
                    "; ".join("%s (%s)" % (item.get("title"), item.get("id")) for item in definitions) or "none"))
            if found["id"] in resolved:
                raise SinchInputError("attachments names attachment '%s' (%s) twice" % (found.get("title"), found["id"]))
            resolved[found["id"]] = local_file
        self._by_definition = resolved
        return resolved

    def wanted_digests(self, policy):
        return {definition_id: local_file.sha256 for definition_id, local_file in self.resolve(policy).items()}

    def attached_digests(self, api, registration, policy):
        """SHA-256 of what the registration holds for each definition the user manages."""
        attached = {item.get("attachment_id") for item in registration.get("attachments") or []
                    if item.get("upload_status") != "FAILED"}
        return {definition_id: sha256(api.download_attachment(registration["id"], definition_id))
                for definition_id in self.resolve(policy) if definition_id in attached}

    def upload_changed(self, api, registration_id, policy, attached_digests):
        """Upload every file whose content differs from what is attached; return their definition ids."""
        uploaded = []
        for definition_id, local_file in self.resolve(policy).items():
            if attached_digests.get(definition_id) != local_file.sha256:
                upload_once(api, registration_id, definition_id, local_file)
                uploaded.append(definition_id)
        return uploaded


def upload_once(api, registration_id, definition_id, local_file):
    """Upload; after a lost answer, download what is attached and upload again only if it differs."""
    def attached():
        try:
            return {"sha256": sha256(api.download_attachment(registration_id, definition_id))}
        except SinchApiError as exc:
            if exc.status == 404:
                return None
            raise
    api.client.update_once(lambda: api.upload_attachment(registration_id, definition_id, local_file), attached,
                           {"sha256": local_file.sha256})


def missing_mandatory(policy, registration):
    """Titles of the policy's mandatory attachments the registration does not hold yet."""
    attached = {item.get("attachment_id") for item in registration.get("attachments") or []}
    return [item.get("title") or item.get("id") for item in policy.get("attachments") or []
            if item.get("mandatory") and item.get("id") not in attached]
