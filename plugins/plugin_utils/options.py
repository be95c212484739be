# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Option handling shared by the controller-side plugins (lookup, inventory).

Plugins read the connection options documented by the sinch.numbers.auth.plugins doc
fragment, whose env: entries give them the same SINCH_* fallbacks the modules have.
"""

from __future__ import annotations

import difflib

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.sinch.numbers.plugins.module_utils.client import HAS_REQUESTS, SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.errors import SinchInputError


def client_from_options(get_option):
    """A client for the options a plugin resolved; SinchInputError before any request when unusable."""
    if not HAS_REQUESTS:
        raise SinchInputError(missing_required_lib("requests"))
    return SinchClient(ClientConfig.from_getter(get_option).check(hint=""))


def reject_unknown_options(given, definitions):
    """Fail on option names the plugin does not document: a typo must not silently widen a filter."""
    known = set()
    for name, spec in definitions.items():
        known.add(name)
        known.update(spec.get("aliases") or [])
    unknown = sorted(str(name) for name in given if name not in known)
    if not unknown:
        return
    hints = []
    for name in unknown:
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hints.append("'%s'%s" % (name, " (did you mean '%s'?)" % close[0] if close else ""))
    raise SinchInputError("unknown option%s %s" % ("s" if len(unknown) > 1 else "", ", ".join(hints)))
