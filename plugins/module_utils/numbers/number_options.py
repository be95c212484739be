# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The options that describe one number: sinch_number's arguments, and each item of sinch_numbers."""

from __future__ import annotations

from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import (
    CAPABILITIES,
    NUMBER_TYPES,
    SEARCH_PATTERNS,
    VOICE_TYPES,
)


def number_options():
    """A fresh argument spec of one number (identity, rent-any criteria, configuration, state)."""
    return dict(
        state=dict(type="str", choices=["present", "absent"], default="present"),
        phone_number=dict(type="str"),
        display_name=dict(type="str"),
        region_code=dict(type="str"),
        number_type=dict(type="str", choices=list(NUMBER_TYPES)),
        capabilities=dict(type="list", elements="str", choices=list(CAPABILITIES)),
        number_pattern=dict(type="str"),
        search_pattern=dict(type="str", choices=list(SEARCH_PATTERNS), default="START"),
        sms_configuration=dict(type="dict", options=dict(
            service_plan_id=dict(type="str", required=True),
            campaign_id=dict(type="str"),
        )),
        voice_configuration=dict(type="dict", options=dict(
            type=dict(type="str", choices=list(VOICE_TYPES), default="RTC"),
            app_id=dict(type="str"),
            trunk_id=dict(type="str"),
            service_id=dict(type="str"),
        )),
        callback_url=dict(type="str"),
    )


NUMBER_REQUIRED_ONE_OF = [("phone_number", "display_name")]
# Rent-any criteria mean nothing for a specific number.
NUMBER_MUTUALLY_EXCLUSIVE = [("phone_number", "number_pattern"), ("phone_number", "capabilities")]
