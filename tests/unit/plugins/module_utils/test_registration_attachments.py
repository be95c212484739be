# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Attachments: resolved against the policy, compared by content, uploaded only when different."""

from __future__ import annotations

import hashlib

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.file_transfer import LocalFile, multipart_body
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.attachments import (
    AttachmentFiles,
    missing_mandatory,
)

from .fake_session import FakeSession

POLICY = {"id": "pol", "attachments": [
    {"id": "att-a", "title": "Trade license", "mandatory": True},
    {"id": "att-b", "title": "Letter of authorization", "mandatory": True},
    {"id": "att-c", "title": "Brand guide", "mandatory": False},
]}


class FakeApi:
    def __init__(self, attached):
        self.client = SinchClient(ClientConfig(key_id="kid", key_secret="ks", project_id="p"), session=FakeSession(),
                                  sleep=lambda _: None)
        self.attached = attached
        self.uploads = []
        self.downloads = []

    def download_attachment(self, registration_id, definition_id):
        self.downloads.append(definition_id)
        return self.attached[definition_id]

    def upload_attachment(self, registration_id, definition_id, local_file):
        self.uploads.append((registration_id, definition_id, local_file.content))


@pytest.fixture
def files(tmp_path):
    (tmp_path / "license.pdf").write_bytes(b"license v1")
    (tmp_path / "letter.pdf").write_bytes(b"letter v2")
    return AttachmentFiles([{"id": None, "title": "trade LICENSE ", "src": str(tmp_path / "license.pdf")},
                            {"id": "att-b", "title": None, "src": str(tmp_path / "letter.pdf")}])


def test_resolved_by_title_or_id(files):
    assert {key: value.content for key, value in files.resolve(POLICY).items()} == {
        "att-a": b"license v1", "att-b": b"letter v2"}


def test_only_changed_files_are_uploaded(files):
    registration = {"id": "r1", "attachments": [{"attachment_id": "att-a", "upload_status": "COMPLETED"},
                                                {"attachment_id": "att-b", "upload_status": "COMPLETED"},
                                                {"attachment_id": "att-c", "upload_status": "COMPLETED"}]}
    api = FakeApi({"att-a": b"license v1", "att-b": b"letter v1", "att-c": b"not managed"})
    attached = files.attached_digests(api, registration, POLICY)
    assert api.downloads == ["att-a", "att-b"]  # never what the user does not manage
    assert attached == {"att-a": hashlib.sha256(b"license v1").hexdigest(),
                        "att-b": hashlib.sha256(b"letter v1").hexdigest()}
    assert files.upload_changed(api, "r1", POLICY, attached) == ["att-b"]
    assert api.uploads == [("r1", "att-b", b"letter v2")]


def test_failed_uploads_count_as_missing(files):
    registration = {"id": "r1", "attachments": [{"attachment_id": "att-a", "upload_status": "FAILED"}]}
    api = FakeApi({})
    assert files.attached_digests(api, registration, POLICY) == {}
    assert api.downloads == []


def test_unknown_and_duplicate_definitions_are_refused(tmp_path):
    (tmp_path / "f").write_bytes(b"x")
    unknown = AttachmentFiles([{"id": None, "title": "Passport", "src": str(tmp_path / "f")}])
    with pytest.raises(SinchInputError, match="policy pol has no attachment titled 'Passport'; it has: Trade license"):
        unknown.resolve(POLICY)
    twice = AttachmentFiles([{"id": "att-a", "title": None, "src": str(tmp_path / "f")},
                             {"id": None, "title": "Trade license", "src": str(tmp_path / "f")}])
    with pytest.raises(SinchInputError, match="names attachment 'Trade license' \\(att-a\\) twice"):
        twice.resolve(POLICY)


def test_missing_files_fail_before_any_request(tmp_path):
    with pytest.raises(SinchInputError, match=r"attachments\[0\].src '.*nothere.pdf' is not a file"):
        AttachmentFiles([{"id": "att-a", "title": None, "src": str(tmp_path / "nothere.pdf")}])


def test_missing_mandatory():
    assert missing_mandatory(POLICY, {"attachments": [{"attachment_id": "att-b"}]}) == ["Trade license"]


def test_multipart_body_with_quotes_in_the_name(tmp_path):
    path = tmp_path / 'a "quoted" name.docx'
    path.write_bytes(b"\x00PK")
    local = LocalFile(str(path))
    body, content_type = multipart_body("file", local.name, local.content, local.mime_type)
    assert b'filename="a \\"quoted\\" name.docx"' in body
    assert b"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document" in body
    assert content_type.startswith("multipart/form-data; boundary=sinch-")
