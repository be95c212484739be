# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The connection options every module, lookup and inventory plugin shares.

COMMON_OPTIONS is the single source of truth: the module argument spec is built from it,
the plugins read the same names, and a unit test checks that the doc fragments
(plugins/doc_fragments/auth.py) document exactly these options and environment variables.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from ansible_collections.sinch.numbers.plugins.module_utils.core.empty import is_empty, nonempty_env_fallback
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError

# The URL defaults are the public Sinch hosts, taken from the 'servers' of each API specification.
COMMON_OPTIONS = {
    "key_id": dict(type="str", env="SINCH_KEY_ID"),
    "key_secret": dict(type="str", env="SINCH_KEY_SECRET", no_log=True),
    "project_id": dict(type="str", env="SINCH_PROJECT_ID"),
    "auth_method": dict(type="str", env="SINCH_AUTH_METHOD", default="basic", choices=["basic", "oauth2"]),
    "numbers_url": dict(type="str", env="SINCH_NUMBERS_URL", default="https://numbers.api.sinch.com"),
    "imported_numbers_url": dict(type="str", env="SINCH_IMPORTED_NUMBERS_URL", default="https://imported.numbers.api.sinch.com"),
    "registrations_url": dict(type="str", env="SINCH_REGISTRATIONS_URL", default="https://senderid.registrations.api.sinch.com"),
    "auth_url": dict(type="str", env="SINCH_AUTH_URL", default="https://auth.sinch.com"),
    "timeout": dict(type="float", env="SINCH_TIMEOUT", default=30.0),
    "validate_certs": dict(type="bool", env="SINCH_VALIDATE_CERTS", default=True),
    "allow_http": dict(type="bool", env="SINCH_ALLOW_HTTP", default=False),
    "retries": dict(type="int", env="SINCH_RETRIES", default=5),
    "retry_max_delay": dict(type="float", env="SINCH_RETRY_MAX_DELAY", default=10.0),
}

REQUIRED_CREDENTIALS = ("key_id", "key_secret", "project_id")
URL_OPTIONS = ("numbers_url", "imported_numbers_url", "registrations_url", "auth_url")
# A project ID goes into every URL path: no '/', '.' or space may change the path it names.
_PROJECT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# NaN and infinity fail the range checks too (every comparison with NaN is false).
MAX_TIMEOUT_SECONDS = 3600


class OptionValues:
    """Settings read from a table of options ({name: dict(type, env, default, ...)}).

    A subclass names its table (options), the URL options among them (url_options, kept without
    a trailing '/') and the credentials that must be set (required_credentials).
    An empty value is no value: the default applies (core/empty.py says why).
    """

    options = {}
    url_options = ()
    required_credentials = ()
    #: how the missing-credentials message calls the credentials
    credentials_name = "Sinch credentials"

    def __init__(self, **values):
        for name, spec in self.options.items():
            value = values.get(name)
            setattr(self, name, spec.get("default") if is_empty(value) else value)
        for name in self.url_options:
            setattr(self, name, str(getattr(self, name)).rstrip("/"))

    @classmethod
    def from_getter(cls, get_option):
        """Build from any callable mapping an option name to its value (module params, plugin options)."""
        return cls(**{name: get_option(name) for name in cls.options})

    def check_credentials(self, hint):
        """Fail before any request when a required credential is missing; hint ends the message."""
        missing = [name for name in self.required_credentials if not getattr(self, name)]
        if missing:
            raise SinchInputError(
                "missing %s: %s. Set the option(s) or the environment variable(s) %s%s" % (
                    self.credentials_name, ", ".join(missing),
                    ", ".join(self.options[name]["env"] for name in missing), hint))


class ClientConfig(OptionValues):
    """Plain settings for SinchClient, independent of how they were collected."""

    options = COMMON_OPTIONS
    url_options = URL_OPTIONS
    required_credentials = REQUIRED_CREDENTIALS

    def check(self, hint=" (for example through module_defaults group/sinch.numbers.all)"):
        """Fail early, before any request, on missing credentials or impossible settings.

        hint ends the missing-credentials message; plugins, which module_defaults do not reach, pass "".
        """
        self.check_credentials(hint)
        if self.auth_method not in COMMON_OPTIONS["auth_method"]["choices"]:
            raise SinchInputError("auth_method must be one of basic, oauth2, got '%s'" % self.auth_method)
        if not _PROJECT_ID.match(self.project_id):
            raise SinchInputError("project_id '%s' is not a Sinch project ID (letters, digits and '-', as in "
                                  "the dashboard's Projects page)" % self.project_id)
        return self.check_transport()

    def check_transport(self, urls=None):
        """Fail early on impossible retry or timeout settings and on unsafe URLs.

        urls: {option name: URL} to check (default: this config's API URLs; the legacy modules
        pass theirs).
        """
        if urls is None:
            urls = {name: getattr(self, name) for name in URL_OPTIONS}
        for name, url in urls.items():
            check_url(name, url, self.allow_http)
        if self.retries < 0:
            raise SinchInputError("retries must be 0 or more, got %s" % self.retries)
        if not 0 < self.timeout <= MAX_TIMEOUT_SECONDS:
            raise SinchInputError("timeout must be a number of seconds above 0 and at most %d, got %s" % (
                MAX_TIMEOUT_SECONDS, self.timeout))
        if not 0 <= self.retry_max_delay <= MAX_TIMEOUT_SECONDS:
            raise SinchInputError("retry_max_delay must be a number of seconds from 0 to %d, got %s" % (
                MAX_TIMEOUT_SECONDS, self.retry_max_delay))
        return self

    def __repr__(self):
        return "ClientConfig(project_id=%r, auth_method=%r, numbers_url=%r)" % (
            self.project_id, self.auth_method, self.numbers_url)


def check_url(option, url, allow_http=False):
    """Refuse a base URL that would leak the credentials sent to it, before any request.

    Credentials in the URL (user:password@) are refused: they would override the access key and
    end up in messages. Plain http is refused for every host but loopback (such as the test simulator)
    unless allow_http is true. The message never quotes the URL's password.
    """
    try:
        parts = urlsplit(str(url))
        host = parts.hostname
        parts.port  # pylint: disable=pointless-statement  # raises on a port that is not a number
    except ValueError:
        raise SinchInputError("%s is not a URL (expected https://host[:port][/path])" % option)
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise SinchInputError("%s must not carry credentials (user:password@): set key_id and key_secret "
                              "(or email and password) instead" % option)
    if parts.scheme not in ("https", "http") or not host or any(char.isspace() or ord(char) < 32 for char in str(url)):
        raise SinchInputError("%s '%s' is not an http(s) URL (expected https://host[:port][/path])" % (option, url))
    if parts.scheme == "http" and not allow_http and not _is_loopback(host):
        raise SinchInputError("%s '%s' uses plain http: credentials would cross the network in clear text. "
                              "Use https, or set allow_http=true (SINCH_ALLOW_HTTP) to accept that" % (option, url))


def _is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def argument_spec(options):
    """A table of options as an AnsibleModule argument spec, with fallbacks to their environment
    variables (empty = unset)."""
    spec = {}
    for name, option in options.items():
        entry = {key: value for key, value in option.items() if key != "env"}
        entry["fallback"] = (nonempty_env_fallback, [option["env"]])
        spec[name] = entry
    return spec


def module_argument_spec():
    """The shared options as an AnsibleModule argument spec, with SINCH_* fallbacks (empty = unset)."""
    return argument_spec(COMMON_OPTIONS)
