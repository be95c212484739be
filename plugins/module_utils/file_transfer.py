# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""File uploads (multipart/form-data) and downloads (application/octet-stream) through SinchClient.

SinchClient.request speaks JSON only. These helpers reuse its transport, retries and
credentials (SinchClient.send and SinchClient.auth_for) and repeat its one rule about
authentication: an OAuth2 token refused with 401 is renewed once and the request replayed.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import uuid

from ansible_collections.sinch.numbers.plugins.module_utils.errors import SinchApiError, SinchInputError


def send_authenticated(client, method, url, auth_scheme, data=None, content_type=None,
                       accept="application/octet-stream", idempotent=True):
    """One authenticated request with a raw body; returns the requests.Response (2xx only)."""
    auth = client.auth_for(auth_scheme)
    for attempt in range(2):
        headers = {"Authorization": auth.header(client), "Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        response = client.send(method, url, headers=headers, data=data, idempotent=idempotent)
        if response.status_code == 401 and attempt == 0 and auth.invalidate():
            continue
        break
    if response.status_code >= 400:
        raise SinchApiError.from_response(response, method, url)
    return response


def download(client, url, auth_scheme):
    """The bytes of a file the API serves."""
    return send_authenticated(client, "GET", url, auth_scheme).content


def upload(client, url, auth_scheme, local_file, field="file"):
    """POST a LocalFile as multipart/form-data; returns the decoded JSON answer, if any.

    Uploading the same file to the same place again replaces it, so retries are safe.
    """
    body, content_type = multipart_body(field, local_file.name, local_file.content, local_file.mime_type)
    response = send_authenticated(client, "POST", url, auth_scheme, data=body, content_type=content_type,
                                  accept="application/json", idempotent=True)
    try:
        return response.json() if response.content else None
    except ValueError:
        return None


def multipart_body(field, file_name, content, mime_type):
    """(body bytes, Content-Type header) of a multipart/form-data request with one file part."""
    boundary = "sinch-%s" % uuid.uuid4().hex
    quoted_name = file_name.replace("\\", "\\\\").replace('"', '\\"')
    head = (
        "--%s\r\n"
        'Content-Disposition: form-data; name="%s"; filename="%s"\r\n'
        "Content-Type: %s\r\n\r\n" % (boundary, field, quoted_name, mime_type)
    ).encode("utf-8")
    tail = ("\r\n--%s--\r\n" % boundary).encode("ascii")
    return head + content + tail, "multipart/form-data; boundary=%s" % boundary


def sha256(content):
    return hashlib.sha256(content).hexdigest()


class LocalFile:
    """A file on the host the module runs on, read once."""

    def __init__(self, path, option="src"):
        path = os.path.expanduser(path)
        if not os.path.isfile(path):
            raise SinchInputError("%s '%s' is not a file on the host the module runs on" % (option, path))
        try:
            with open(path, "rb") as handle:
                self.content = handle.read()
        except OSError as exc:
            raise SinchInputError("%s '%s' cannot be read: %s" % (option, path, exc.strerror))
        self.path = path
        self.name = os.path.basename(path)
        self.mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        self.sha256 = sha256(self.content)
