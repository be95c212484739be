# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Connection options shared by all modules (DOCUMENTATION) and the lookup/inventory plugins (PLUGINS).

The option list itself lives in plugins/module_utils/core/config.py (COMMON_OPTIONS);
tests/unit/plugins/doc_fragments/test_auth_fragment.py keeps both in step.
"""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r"""
options:
  key_id:
    description:
      - Key ID of a Sinch access key (Sinch Customer Dashboard, Settings, Access keys).
      - Falls back to the E(SINCH_KEY_ID) environment variable.
    type: str
  key_secret:
    description:
      - Key secret of the access key. Never logged or returned.
      - Falls back to the E(SINCH_KEY_SECRET) environment variable.
    type: str
  project_id:
    description:
      - Sinch project ID the resources belong to.
      - Falls back to the E(SINCH_PROJECT_ID) environment variable.
    type: str
  auth_method:
    description:
      - V(basic) sends the key ID and secret with every request (HTTP Basic).
      - V(oauth2) exchanges them once for a token at O(auth_url) and reuses it until it expires.
      - The sender ID registrations API accepts OAuth2 only; it always uses V(oauth2).
      - Falls back to the E(SINCH_AUTH_METHOD) environment variable.
    type: str
    choices: [basic, oauth2]
    default: basic
  numbers_url:
    description:
      - Base URL of the Numbers API. Change it to reach another endpoint, for example the API simulator in the
        collection's git repository (C(make simulator) there; the installed collection does not include it).
      - Falls back to the E(SINCH_NUMBERS_URL) environment variable.
    type: str
    default: https://numbers.api.sinch.com
  imported_numbers_url:
    description:
      - Base URL of the Imported Numbers and Hosting Orders API.
      - Falls back to the E(SINCH_IMPORTED_NUMBERS_URL) environment variable.
    type: str
    default: https://imported.numbers.api.sinch.com
  registrations_url:
    description:
      - Base URL of the sender ID registrations API.
      - Falls back to the E(SINCH_REGISTRATIONS_URL) environment variable.
    type: str
    default: https://senderid.registrations.api.sinch.com
  auth_url:
    description:
      - Base URL of the OAuth2 token service; the token is requested from C(<auth_url>/oauth2/token).
      - Falls back to the E(SINCH_AUTH_URL) environment variable.
    type: str
    default: https://auth.sinch.com
  timeout:
    description:
      - Seconds to wait for each HTTP answer.
      - Falls back to the E(SINCH_TIMEOUT) environment variable.
    type: float
    default: 30.0
  validate_certs:
    description:
      - Whether to verify TLS certificates.
      - Falls back to the E(SINCH_VALIDATE_CERTS) environment variable.
    type: bool
    default: true
  allow_http:
    description:
      - Whether a plain V(http://) URL may be used for a host other than loopback.
      - By default only V(https://) URLs are accepted, and V(http://) only for V(localhost), V(127.0.0.1) and V(::1)
        (for example the API simulator of the git repository), because the access key would otherwise cross the network in clear text.
      - URLs carrying credentials (V(user:password@host)) are always refused.
      - Falls back to the E(SINCH_ALLOW_HTTP) environment variable.
    type: bool
    default: false
  retries:
    description:
      - How many times a request is repeated after a connection error, a timeout, HTTP 429 or 502/503/504.
      - Waits grow exponentially with jitter and honour C(Retry-After).
      - A request that rents a number or files an order is never repeated blindly; the current state is read first.
      - Falls back to the E(SINCH_RETRIES) environment variable.
    type: int
    default: 5
  retry_max_delay:
    description:
      - Longest wait in seconds between two attempts.
      - Falls back to the E(SINCH_RETRY_MAX_DELAY) environment variable.
    type: float
    default: 10.0
notes:
  - >-
    Modules talk to the Sinch APIs from the host they run on; run them on the controller
    (C(delegate_to: localhost) or C(connection: local)).
  - Set the connection options once per play with C(module_defaults) and the C(group/sinch.numbers.all) action group.
  - >-
    An empty connection option, or an empty E(SINCH_*) variable (AWX injects one for every credential input left
    blank), is not set, and the default applies.
requirements:
  - python >= 3.9
  - requests
"""

    PLUGINS = r"""
options:
  key_id:
    description: Key ID of a Sinch access key.
    type: str
    env:
      - name: SINCH_KEY_ID
  key_secret:
    description: Key secret of the access key. Never logged, cached or returned.
    type: str
    env:
      - name: SINCH_KEY_SECRET
  project_id:
    description: Sinch project ID.
    type: str
    env:
      - name: SINCH_PROJECT_ID
  auth_method:
    description: V(basic) (HTTP Basic on each request) or V(oauth2) (client credentials token, reused).
    type: str
    choices: [basic, oauth2]
    default: basic
    env:
      - name: SINCH_AUTH_METHOD
  numbers_url:
    description: Base URL of the Numbers API.
    type: str
    default: https://numbers.api.sinch.com
    env:
      - name: SINCH_NUMBERS_URL
  imported_numbers_url:
    description: Base URL of the Imported Numbers and Hosting Orders API.
    type: str
    default: https://imported.numbers.api.sinch.com
    env:
      - name: SINCH_IMPORTED_NUMBERS_URL
  registrations_url:
    description: Base URL of the sender ID registrations API.
    type: str
    default: https://senderid.registrations.api.sinch.com
    env:
      - name: SINCH_REGISTRATIONS_URL
  auth_url:
    description: Base URL of the OAuth2 token service (C(<auth_url>/oauth2/token)).
    type: str
    default: https://auth.sinch.com
    env:
      - name: SINCH_AUTH_URL
  timeout:
    description: Seconds to wait for each HTTP answer.
    type: float
    default: 30.0
    env:
      - name: SINCH_TIMEOUT
  validate_certs:
    description: Whether to verify TLS certificates.
    type: bool
    default: true
    env:
      - name: SINCH_VALIDATE_CERTS
  allow_http:
    description:
      - Whether a plain V(http://) URL may be used for a host other than loopback (V(localhost), V(127.0.0.1), V(::1)).
      - URLs carrying credentials (V(user:password@host)) are always refused.
    type: bool
    default: false
    env:
      - name: SINCH_ALLOW_HTTP
  retries:
    description: Attempts after a connection error, a timeout, HTTP 429 or 502/503/504 (exponential back-off, C(Retry-After) honoured).
    type: int
    default: 5
    env:
      - name: SINCH_RETRIES
  retry_max_delay:
    description: Longest wait in seconds between two attempts.
    type: float
    default: 10.0
    env:
      - name: SINCH_RETRY_MAX_DELAY
notes:
  - >-
    An empty option, or an empty E(SINCH_*) variable (AWX injects one for every credential input left blank), is not
    set, and the default applies.
requirements:
  - requests
"""
