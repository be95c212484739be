"""Attachment upload (multipart) and download, byte for byte."""

import os

from simulator.registrations import api as registrations_api
from registrations_helpers import REGISTRATIONS, create, get, schedule, upload
from registrations_helpers import oauth  # noqa: F401  pylint: disable=unused-import


def test_upload_and_download_byte_for_byte(oauth, admin):
    schedule(admin, inQueueSeconds=3600)
    created = create(oauth)
    content = os.urandom(4096) + b"\r\n--boundary-lookalike\r\n" + os.urandom(17)
    answer = upload(oauth, created["id"], "att-loa", content=content, name="letter.pdf").json()
    assert answer["attachmentId"] == "att-loa" and answer["fileName"] == "letter.pdf"
    assert answer["uploadStatus"] == "COMPLETED" and answer["mimeType"] == "application/pdf"
    downloaded = oauth.get(f"{REGISTRATIONS}/{created['id']}/attachments/att-loa")
    assert downloaded.headers["Content-Type"] == "application/octet-stream"
    assert downloaded.content == content


def test_a_second_upload_replaces_the_first(oauth, admin):
    schedule(admin, inQueueSeconds=3600)
    created = create(oauth)
    upload(oauth, created["id"], "att-loa", content=b"first")
    upload(oauth, created["id"], "att-loa", content=b"second", name="v2.pdf")
    registration = get(oauth, created["id"])
    assert [item["fileName"] for item in registration["attachments"]] == ["v2.pdf"]
    assert oauth.get(f"{REGISTRATIONS}/{created['id']}/attachments/att-loa").content == b"second"


def test_unknown_definitions_and_missing_files_are_404(oauth):
    created = create(oauth)
    assert upload(oauth, created["id"], "att-nothere").status_code == 404
    assert oauth.get(f"{REGISTRATIONS}/{created['id']}/attachments/att-loa").status_code == 404
    assert upload(oauth, "01nothere", "att-loa").status_code == 404


def test_bodies_that_are_not_multipart_are_400(oauth):
    created = create(oauth)
    url = f"{REGISTRATIONS}/{created['id']}/attachments/att-loa"
    assert oauth.post(url, data=b"raw", headers={"Content-Type": "application/pdf"}).status_code == 400
    no_file = oauth.post(url, files={"comment": (None, "no file here")})
    assert no_file.status_code == 400


def test_too_large_is_413(oauth, monkeypatch):
    monkeypatch.setattr(registrations_api, "MAX_ATTACHMENT_BYTES", 100)
    created = create(oauth)
    response = upload(oauth, created["id"], "att-loa", content=b"x" * 200)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == 413


def test_uploads_are_not_logged_with_their_content(oauth, sim):
    created = create(oauth)
    upload(oauth, created["id"], "att-loa", content=b"confidential-content")
    entry = [item for item in sim.requests() if item["path"].endswith("/attachments/att-loa")][-1]
    assert entry["body"] is None
