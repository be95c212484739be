# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Saving a policy's attachment templates into a local directory, idempotently.

A template is written only when the file is missing or its content differs, atomically
(a temporary file moved into place). The API gives no file name, so files are named
<policy id>-<attachment id> with an extension guessed from the content.
"""

from __future__ import annotations

import os
import re
import tempfile

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.file_transfer import sha256

_MAGIC = ((b"%PDF", ".pdf"), (b"PK\x03\x04", ".zip"), (b"\xd0\xcf\x11\xe0", ".doc"),
          (b"\x89PNG", ".png"), (b"\xff\xd8\xff", ".jpg"))
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def check_destination(dest):
    if not os.path.isdir(dest):
        raise SinchInputError("dest '%s' is not a directory on the host the module runs on" % dest)
    if not os.access(dest, os.W_OK):
        raise SinchInputError("dest '%s' is not writable" % dest)


def extension(content):
    for magic, suffix in _MAGIC:
        if content.startswith(magic):
            if suffix == ".zip" and b"word/" in content:
                return ".docx"
            return suffix
    return ".bin"


def template_path(dest, policy_id, attachment_id, content):
    name = _UNSAFE.sub("_", "%s-%s" % (policy_id, attachment_id)) + extension(content)
    return os.path.join(dest, name)


def save(path, content, atomic_move, check_mode):
    """Write content to path unless it holds exactly that already; True if it (would have) changed."""
    if os.path.isfile(path):
        with open(path, "rb") as handle:
            if sha256(handle.read()) == sha256(content):
                return False
    if check_mode:
        return True
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".sinch-template-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    atomic_move(temporary, path)
    return True
