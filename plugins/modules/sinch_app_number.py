#!/usr/bin/python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: sinch_app_number
short_description: Assign rented numbers to a Sinch Voice or Verification application (legacy number administration)
version_added: 1.0.0
description:
  - Puts numbers on, or takes them off, the application with key O(application_key), for voice or SMS
    (O(capability)), through the number administration endpoints of the Sinch dashboard.
  - The API replaces an application's whole list of numbers for a capability in one write. The module
    reads the current list, computes the new one (the current list plus O(numbers) with O(state=present),
    minus O(numbers) with O(state=absent), exactly O(numbers) with O(exclusive=true)) and writes only when
    it differs. O(state=absent) removes each number with its own request and leaves the others alone.
  - Every number to add must be rented by the organisation of the logged-in user and have the
    capability; otherwise the module fails before any write.
  - A number belongs to at most one application. Adding a number that another application has moves it
    (the module warns).
  - For numbers of the Numbers API (project numbers rented with M(sinch.numbers.sinch_number)), set
    O(sinch.numbers.sinch_number#module:voice_configuration.app_id) instead; see the user guide
    C(docs/legacy-number-administration.md).
author:
  - sinch.numbers contributors (@sinch-numbers)
extends_documentation_fragment:
  - sinch.numbers.auth
  - sinch.numbers.legacy
attributes:
  check_mode:
    support: full
    description: >-
      Logs in and reads the current list, then reports what would change; sends no write to the
      application. The log-in and the instance creation are POST requests that change nothing.
  diff_mode:
    support: full
    description: Shows the application's numbers for the capability before and after.
options:
  application_key:
    description:
      - Key of the Voice or Verification application, as shown for the app in the Sinch dashboard.
    type: str
    required: true
  capability:
    description:
      - Which of the application's number lists to manage.
      - The lowercase spellings of earlier releases are accepted too.
    type: str
    choices: [VOICE, SMS, voice, sms]
    default: VOICE
  numbers:
    description:
      - Numbers in E.164 format (V(+14150005550)), or as the API writes them, digits without V(+).
      - May be empty with O(exclusive=true), to take every number of O(capability) off the application.
    type: list
    elements: str
    required: true
  state:
    description:
      - V(present) makes sure O(numbers) are on the application; V(absent) makes sure they are not.
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With V(true), the application's list for O(capability) becomes exactly O(numbers), and numbers not
        listed are taken off. Only with O(state=present).
    type: bool
    default: false
seealso:
  - module: sinch.numbers.sinch_legacy_number
  - module: sinch.numbers.sinch_legacy_number_info
  - module: sinch.numbers.sinch_number
"""

EXAMPLES = r"""
# The dashboard user's email and password come from SINCH_LEGACY_EMAIL and SINCH_LEGACY_PASSWORD here;
# module_defaults for group/sinch.numbers.legacy is the other way to set them once per play.
- name: Put a voice number on the IVR app, keeping its other numbers
  sinch.numbers.sinch_app_number:
    application_key: bb7b4e39-4227-4913-8c81-2db4abb54fb3
    capability: VOICE
    numbers:
      - "+14150005550"

- name: Make the app's voice numbers exactly these two
  sinch.numbers.sinch_app_number:
    application_key: bb7b4e39-4227-4913-8c81-2db4abb54fb3
    numbers: ["+14150005550", "+14150005551"]
    exclusive: true

- name: Take a number off the app (it stays rented)
  sinch.numbers.sinch_app_number:
    application_key: bb7b4e39-4227-4913-8c81-2db4abb54fb3
    numbers: ["+14150005551"]
    state: absent
"""

RETURN = r"""
app_numbers:
  description:
    - The application's numbers for O(capability) after the change; in check mode, the predicted list.
  returned: always
  type: dict
  contains:
    application_key:
      description: The application key.
      type: str
      sample: bb7b4e39-4227-4913-8c81-2db4abb54fb3
    capability:
      description: The list this is, V(VOICE) or V(SMS).
      type: str
      sample: VOICE
    numbers:
      description: The numbers, E.164, sorted.
      type: list
      elements: str
      sample: ["+14150005550", "+14150005551"]
"""

from ansible_collections.sinch.numbers.plugins.module_utils.core.choices import accepted_choices
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.api import CAPABILITIES
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.app_numbers import AppNumbersResource
from ansible_collections.sinch.numbers.plugins.module_utils.legacy.module import LegacyModule


def main():
    module = LegacyModule(dict(
        application_key=dict(type="str", required=True, no_log=False),
        capability=dict(type="str", choices=accepted_choices(CAPABILITIES, lowercase=True), default="VOICE"),
        numbers=dict(type="list", elements="str", required=True),
        state=dict(type="str", choices=["present", "absent"], default="present"),
        exclusive=dict(type="bool", default=False),
    ))
    module.run_resource(AppNumbersResource)


if __name__ == "__main__":
    main()
