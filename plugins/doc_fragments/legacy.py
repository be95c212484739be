# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Options of the legacy number administration modules (dashboard email and password, endpoints).

The option list itself lives in plugins/module_utils/legacy/config.py (LEGACY_OPTIONS);
tests/unit/plugins/doc_fragments/test_legacy_fragment.py keeps both in step.
"""

from __future__ import annotations


class ModuleDocFragment:
    DOCUMENTATION = r"""
options:
  email:
    description:
      - Email address of the Sinch dashboard user the number administration endpoints log in as.
      - Falls back to the E(SINCH_LEGACY_EMAIL) environment variable.
    type: str
  password:
    description:
      - Password of that dashboard user. Never logged or returned, and neither are the user
        authorization and the instance secret the module obtains with it.
      - Falls back to the E(SINCH_LEGACY_PASSWORD) environment variable.
    type: str
  legacy_user_url:
    description:
      - Base URL of the user API, where the module logs in. Change it to reach another endpoint, for example the
        API simulator in the collection's git repository (C(make simulator) there; the installed collection does
        not include it).
      - Falls back to the E(SINCH_LEGACY_USER_URL) environment variable.
    type: str
    default: https://userapi.sinch.com
  legacy_api_url:
    description:
      - Base URL where instances are created and the organisation is looked up.
      - Falls back to the E(SINCH_LEGACY_API_URL) environment variable.
    type: str
    default: https://api.sinch.com
  legacy_portal_url:
    description:
      - Base URL of the portal API, which serves the number shop, the rented numbers and the numbers of applications.
      - Falls back to the E(SINCH_LEGACY_PORTAL_URL) environment variable.
    type: str
    default: https://portalapi.sinch.com
notes:
  - >-
    These modules use the endpoints of the Sinch dashboard: they log in with O(email) and O(password),
    create an instance, and sign every request with it (HMAC-SHA256).
    A new instance is created when the current one expires.
  - >-
    Requests are signed as the worked examples of the Number Administration API's own document are:
    content type C(application/json) on every request, also a GET or DELETE without a body (the header
    is sent too), and the URL path without its leading C(/). Sinch's general "Signed Request" page
    (Voice and Verification APIs) leaves the content type empty without a body and keeps the C(/);
    that reproduces none of this API's example signatures, these rules reproduce all of them.
  - >-
    An empty O(email), O(password) or URL option, or an empty E(SINCH_LEGACY_*) variable (AWX injects one for every
    credential input left blank), is not set, and the default applies.
  - >-
    They do not use O(key_id), O(key_secret), O(project_id), O(auth_method) or the Numbers API URLs.
    Those options are accepted only so that C(module_defaults) for C(group/sinch.numbers.all) can be
    shared with the other modules; set O(email) and O(password) through C(group/sinch.numbers.legacy).
  - O(timeout), O(validate_certs), O(retries) and O(retry_max_delay) apply as for every other module.
"""
