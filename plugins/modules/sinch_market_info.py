#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_market_info
short_description: Markets where sender IDs can be registered, their versions and which policy applies
version_added: 1.0.0
description:
  - Returns the markets available for a registration type and the active version of each market, with its
    special conditions (the questions that decide which policy applies).
  - With O(market_code) and O(answers), walks the special conditions and returns the policy the answers lead to.
  - The Sender ID Registrations API accepts OAuth2 only; this module always uses an OAuth2 token, whatever O(auth_method) says.
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.attributes.info_module
options:
  registration_type:
    description:
      - V(ALPHANUMERIC_SENDER_ID) for alphanumeric sender IDs, V(LONG_NUMBER) for long numbers used for SMS.
    type: str
    choices: [ALPHANUMERIC_SENDER_ID, LONG_NUMBER]
    default: ALPHANUMERIC_SENDER_ID
  market_code:
    description:
      - Only this market (ISO 3166-1 alpha-2, for example V(SE)).
    type: str
  language:
    description:
      - Two-letter language of the market names, for example V(es).
    type: str
    default: en
  active_policies:
    description:
      - Leave out special conditions that lead only to disabled policies.
    type: bool
    default: false
  answers:
    description:
      - Answers to the market's special conditions, in the order they are asked, for example V(["No", "Yes"]).
      - Each answer is compared without regard to case. Answers that do not lead to exactly one policy fail,
        naming the question to answer.
      - Needs O(market_code). Give an empty list for a market without questions.
    type: list
    elements: str
  page_size:
    description:
      - Market versions asked for per list request.
    type: int
    default: 100
seealso:
  - module: sinch.numbers.sinch_policy_info
  - module: sinch.numbers.sinch_registration
"""

EXAMPLES = r"""
- name: Markets open for alphanumeric sender IDs, with names in Spanish
  sinch.numbers.sinch_market_info:
    language: es
  register: markets

- name: The policy for a brand registered as a local company in the UAE
  sinch.numbers.sinch_market_info:
    market_code: AE
    answers: ["Yes"]
  register: uae

- name: Show it
  ansible.builtin.debug:
    msg: "Register under policy {{ uae.policy_id }}"
"""

RETURN = r"""
markets:
  description: Markets available for O(registration_type).
  returned: always
  type: list
  elements: dict
  contains:
    market_code:
      description: ISO 3166-1 alpha-2 code.
      type: str
      sample: SE
    market_name:
      description: Name in O(language).
      type: str
      sample: Sweden
market_versions:
  description: Active market versions.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Market version ID.
      type: str
    market_code:
      description: ISO 3166-1 alpha-2 code.
      type: str
    registration_type:
      description: Registration type.
      type: str
    major_version:
      description: Major version; a new one may require resubmitting registrations in progress.
      type: int
    minor_version:
      description: Minor version.
      type: int
    status:
      description: V(ACTIVE) or V(DISABLED).
      type: str
    create_time:
      description: When this version was created.
      type: str
    special_conditions:
      description:
        - Either C(policy_id), or a C(prompt) with C(chained_special_conditions), each an C(answer) leading to a
          C(policy_id) or to a further C(prompt).
      type: dict
      sample:
        prompt: Is this brand registered as a local legal entity in this market?
        chained_special_conditions:
          - {answer: "Yes", policy_id: pol-ae-local-1}
policy_id:
  description:
    - The policy that applies in O(market_code) given O(answers).
    - Without O(answers), the market's policy when it asks no question; otherwise V(null).
  returned: when O(market_code) is set
  type: str
  sample: pol-ae-local-1
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.market_conditions import latest_version, resolve_policy
from ansible_collections.sinch.numbers.plugins.module_utils.core.module import SinchModule
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.registrations.api import (
    MAX_PAGE_SIZE,
    REGISTRATION_TYPES,
    RegistrationsApi,
)


def describe_markets(module):
    params = module.params
    market_code = normalize_region(params["market_code"], "market_code")
    language = params["language"].strip().lower()
    if len(language) != 2 or not language.isalpha():
        raise SinchInputError("language '%s' must be a two-letter language code such as en" % params["language"])
    api = RegistrationsApi(module.client)
    kind = params["registration_type"]
    result = {
        "changed": False,
        "markets": api.list_markets(kind, market_code, language),
        "market_versions": list(api.list_market_versions(kind, market_code, params["active_policies"],
                                                         params["page_size"])),
    }
    if market_code:
        version = latest_version(result["market_versions"], market_code)
        if version is None:
            if params["answers"] is not None:
                raise SinchInputError("market %s has no active %s version to answer questions of" % (market_code, kind))
            result["policy_id"] = None
        else:
            result["policy_id"] = resolve_policy(version.get("special_conditions"), params["answers"])
    return result


def main():
    module = SinchModule(
        dict(
            registration_type=dict(type="str", choices=list(REGISTRATION_TYPES), default=REGISTRATION_TYPES[0]),
            market_code=dict(type="str"),
            language=dict(type="str", default="en"),
            active_policies=dict(type="bool", default=False),
            answers=dict(type="list", elements="str"),
            page_size=dict(type="int", default=MAX_PAGE_SIZE),
        ),
        required_by={"answers": "market_code"},
    )
    module.run(lambda: describe_markets(module))


if __name__ == "__main__":
    main()
