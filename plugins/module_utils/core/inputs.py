# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One validator per kind of input, shared by every module and plugin (docs/reliability.md).

screen_options() runs over the options as the user gave them, before Ansible converts them
(a list given for a string option would otherwise be sent as "['a', 'b']") and before Ansible
logs them (a NUL byte would otherwise fail in syslog with Ansible's message instead of ours).
It dispatches on the option's name to the per-kind checks below, so a new module gets them
by naming its options as the others do.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError

# Options that name the resource a module acts on: empty or null, they would match nothing
# (and create again) or everything (and remove what the playbook never named).
IDENTITY_OPTIONS = ("phone_number", "display_name", "id", "policy_id", "sender_id", "application_key")
# No option of the collection holds more than this (IDs, names, URLs, codes).
MAX_TEXT_LENGTH = 2048
_PATTERN = re.compile(r"\+?[0-9]+")


def check_text(value, option):
    """A string option: no NUL or other control character, not huge."""
    if len(value) > MAX_TEXT_LENGTH:
        raise SinchInputError("%s is %d characters long: at most %d are accepted" % (option, len(value), MAX_TEXT_LENGTH))
    bad = [char for char in value if ord(char) < 32 and char not in "\t\n\r" or ord(char) == 127]
    if bad:
        raise SinchInputError("%s contains a control character (%r): remove it" % (option, bad[0]))


def check_identity(value, option):
    """An option that identifies the resource: given, it must not be null or blank."""
    if value is None:
        raise SinchInputError("%s is null: give a value, or leave the option out" % option)
    if isinstance(value, str) and not value.strip():
        raise SinchInputError("%s must not be empty: it identifies what the task acts on" % option)


def check_number_pattern(value, option="number_pattern"):
    """Digits, optionally with a leading '+' (the API's numberPattern.pattern)."""
    if value is None:
        return None
    text = str(value)
    if not _PATTERN.fullmatch(text):
        raise SinchInputError("%s '%s' must be digits, optionally with a leading '+'" % (option, text))
    return text


def check_callback_url(value, option="callback_url"):
    """An absolute http(s) URL with a host, no credentials and no fragment."""
    if value is None or value == "":
        return value
    text = str(value)
    try:
        parts = urlsplit(text)
        parts.port  # pylint: disable=pointless-statement  # raises on a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        raise SinchInputError("%s '%s' is not an http(s) URL (for example https://example.com/sinch/callbacks)" % (
            option, text))
    if "@" in parts.netloc:
        raise SinchInputError("%s must not carry credentials (user:password@)" % option)
    if parts.fragment or text.endswith("#"):
        raise SinchInputError("%s '%s' must not have a #fragment (it is never sent to the server)" % (option, text))
    return text


# Checks of one value by option name (the last part of a nested option's path).
_BY_NAME = {
    "number_pattern": check_number_pattern,
    "callback_url": check_callback_url,
}


def screen_options(raw, spec, prefix=""):
    """Check the options as given (raw module args) against the argument spec; SinchInputError on the first problem."""
    for name, value in (raw or {}).items():
        option = spec.get(name)
        if option is None:
            continue
        path = prefix + name
        if name in IDENTITY_OPTIONS and not prefix:
            check_identity(value, path)
        if value is None:
            continue
        kind = option.get("type", "str")
        if kind == "str":
            if isinstance(value, (list, dict, bool)):
                raise SinchInputError("%s must be a string, got a %s" % (
                    path, {list: "list", dict: "dictionary", bool: "boolean"}[type(value)]))
            value = str(value)
            check_text(value, path)
            if name in _BY_NAME:
                _BY_NAME[name](value, path)
        elif kind == "list" and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    check_text(item, "%s[%d]" % (path, index))
                elif option.get("elements") == "str" and isinstance(item, (list, dict)):
                    raise SinchInputError("%s[%d] must be a string" % (path, index))
                elif option.get("elements") == "dict" and isinstance(item, dict) and option.get("options"):
                    screen_options(item, option["options"], "%s[%d]." % (path, index))
        elif kind == "dict" and isinstance(value, dict) and option.get("options"):
            screen_options(value, option["options"], path + ".")
