"""The file part of a multipart/form-data upload (the attachment upload endpoint).

Parsed by hand (RFC 7578) rather than with the email package, so binary content comes out
byte for byte.
"""

import mimetypes
import re

from ..core.errors import invalid_argument

_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)
_FILENAME = re.compile(r'filename="([^"]*)"', re.IGNORECASE)


def uploaded_file(request):
    """(file name, MIME type, content) of the first part that carries a file; 400 otherwise.

    The spec names no form field, so any part with a filename is taken.
    """
    content_type = request.headers.get("Content-Type") or ""
    match = _BOUNDARY.search(content_type)
    if not content_type.lower().startswith("multipart/form-data") or not match:
        raise invalid_argument([("body", "must be multipart/form-data with a boundary")])
    delimiter = b"--" + match.group(1).encode("latin-1")
    for chunk in request.raw_body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        head, separator, content = chunk.partition(b"\r\n\r\n")
        if not separator:
            continue
        headers = _headers(head)
        name = _FILENAME.search(headers.get("content-disposition", ""))
        if not name or not name.group(1):
            continue
        if content.endswith(b"\r\n"):
            content = content[:-2]
        mime_type = headers.get("content-type") or mimetypes.guess_type(name.group(1))[0] or "application/octet-stream"
        return name.group(1), mime_type.split(";")[0].strip(), content
    raise invalid_argument([("body", "no part carries a file (a Content-Disposition with a filename)")])


def _headers(head):
    headers = {}
    for line in head.decode("utf-8", "replace").split("\r\n"):
        key, separator, value = line.partition(":")
        if separator:
            headers[key.strip().lower()] = value.strip()
    return headers
