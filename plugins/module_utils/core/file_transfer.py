# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""File uploads (multipart/form-data) and downloads (application/octet-stream) through SinchClient.

Both go through SinchClient.send_authenticated: the same transport, retries and credentials
(an OAuth2 token refused with 401 is renewed once) as every JSON request.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import uuid

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError


def download(client, url, auth_scheme):
    """The bytes of a file the API serves."""
    return client.send_authenticated("GET", url, auth_scheme, accept="application/octet-stream").content


def upload(client, url, auth_scheme, local_file, field="file"):
    """POST a LocalFile as multipart/form-data; returns the decoded JSON answer, if any.

    A lost answer raises SinchAmbiguousWriteError: callers read the file back before sending it
    again (client.update_once, see registrations/attachments.py).
    """
    body, content_type = multipart_body(field, local_file.name, local_file.content, local_file.mime_type)
    response = client.send_authenticated("POST", url, auth_scheme, headers={"Content-Type": content_type},
                                         data=body, idempotent=False)
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
