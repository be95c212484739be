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
from ansible_collections.sinch.numbers.plugins.module_utils.core.empty import is_empty
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.core.inputs import check_text


def client_from_options(get_option):
    """A client for the options a plugin resolved; SinchInputError before any request when unusable."""
    if not HAS_REQUESTS:
        raise SinchInputError(missing_required_lib("requests"))
    return SinchClient(ClientConfig.from_getter(get_option).check(hint=""))


class EmptyMeansUnset:
    """Plugin mix-in: an empty option, or an empty SINCH_* variable, is not set and the default applies.

    ansible's plugin configuration takes an empty string as a value: an empty SINCH_AUTH_METHOD
    fails its choices, an empty SINCH_VALIDATE_CERTS turns into false. AWX injects exactly that for
    every credential input left blank, so the plugins correct it before ansible reads the options.
    """

    def set_options(self, task_keys=None, var_options=None, direct=None):
        direct = options_without_empty(direct, self.option_definitions)
        super().set_options(task_keys=task_keys, var_options=var_options, direct=direct)


def options_without_empty(direct, definitions, environ=None):
    """The direct option values to configure a plugin with, so that empty means not set.

    Empty direct values are left out; an option that gets no direct value and whose SINCH_* variable
    is set but empty gets its documented default directly (options without a default read the empty
    string, which ClientConfig and ActiveNumberQuery treat as not set).
    """
    environ = os.environ if environ is None else environ
    options = {name: value for name, value in (direct or {}).items() if not is_empty(value)}
    for name, spec in definitions.items():
        if name in options or any(alias in options for alias in spec.get("aliases") or []):
            continue
        names = [env.get("name", "") for env in spec.get("env") or []]
        given = [environ[env] for env in names if env.startswith("SINCH_") and env in environ]
        if given and all(is_empty(value) for value in given) and spec.get("default") is not None:
            options[name] = spec["default"]
    return options


def check_given_options(given, definitions):
    """Refuse what ansible's plugin option handling would let through: unknown names, loose booleans,
    control characters and huge strings."""
    reject_unknown_options(given, definitions)
    reject_loose_booleans(given, definitions)
    for name, value in given.items():
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, str):
                check_text(item, name if not isinstance(value, list) else "%s[%d]" % (name, index))


def reject_loose_booleans(given, definitions, environ=None):
    """Fail on a boolean that is neither true nor false, given directly or in a SINCH_* variable.

    Plugin options turn any unknown word into false, so validate_certs: treu would switch TLS
    verification off; the modules refuse such a value, and so do the plugins.
    """
    environ = os.environ if environ is None else environ
    for name, spec in definitions.items():
        if spec.get("type") not in ("bool", "boolean"):
            continue
        values = [(name, given[name])] if not is_empty(given.get(name)) else []
        values += [(env["name"], environ[env["name"]]) for env in spec.get("env") or []
                   if env.get("name", "").startswith("SINCH_") and not is_empty(environ.get(env["name"]))]
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
