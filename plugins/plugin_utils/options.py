# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Option handling shared by the controller-side plugins (lookup, inventory, the role variable filter).

Plugins read the connection options documented by the sinch.numbers.auth.plugins doc
fragment, whose env: entries give them the same SINCH_* fallbacks the modules have.
"""

from __future__ import annotations

import difflib
import os

from ansible.module_utils.basic import missing_required_lib
from ansible.module_utils.parsing.convert_bool import boolean

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import HAS_REQUESTS, SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError


def client_from_options(get_option):
    """A client for the options a plugin resolved; SinchInputError before any request when unusable."""
    if not HAS_REQUESTS:
        raise SinchInputError(missing_required_lib("requests"))
    return SinchClient(ClientConfig.from_getter(get_option).check(hint=""))


def check_given_options(given, definitions):
    """Refuse what ansible's plugin option handling would let through: unknown names, loose booleans."""
    reject_unknown_options(given, definitions)
    reject_loose_booleans(given, definitions)


def reject_loose_booleans(given, definitions, environ=None):
    """Fail on a boolean that is neither true nor false, given directly or in a SINCH_* variable.

    Plugin options turn any unknown word into false, so validate_certs: treu would switch TLS
    verification off; the modules refuse such a value, and so do the plugins.
    """
    environ = os.environ if environ is None else environ
    for name, spec in definitions.items():
        if spec.get("type") not in ("bool", "boolean"):
            continue
        values = [(name, given[name])] if given.get(name) is not None else []
        values += [(env["name"], environ[env["name"]]) for env in spec.get("env") or []
                   if env.get("name", "").startswith("SINCH_") and env["name"] in environ]
        for label, value in values:
            try:
                boolean(value, strict=True)
            except TypeError:
                raise SinchInputError("%s '%s' is not a boolean: use true or false" % (label, value))


def reject_unknown_options(given, definitions):
    """Fail on option names the plugin does not document: a typo must not silently widen a filter."""
    known = set()
    for name, spec in definitions.items():
        known.add(name)
        known.update(spec.get("aliases") or [])
    unknown = sorted(str(name) for name in given if name not in known)
    if not unknown:
        return
    raise SinchInputError("unknown option%s %s" % ("s" if len(unknown) > 1 else "", ", ".join(
        unknown_name_hints(unknown, known))))


def unknown_name_hints(unknown, known):
    """"'name' (did you mean 'closest'?)" for each unknown name, the suggestion only when one is close."""
    hints = []
    for name in unknown:
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hints.append("'%s'%s" % (name, " (did you mean '%s'?)" % close[0] if close else ""))
    return hints
