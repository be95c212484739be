# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How an active number's SMS and voice provisioning stands (pure functions over the API's answer).

Shared by the number resource (sinch_number) and the pool_plan filter.
"""

from __future__ import annotations

import copy

from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import PENDING_STATUSES

# (configuration key, its scheduled-provisioning key, the fields provisioning applies)
_PROVISIONED = (
    ("sms_configuration", "scheduled_provisioning", ("service_plan_id", "campaign_id")),
    ("voice_configuration", "scheduled_voice_provisioning", ("type", "app_id", "trunk_id", "service_id")),
)


def effective_configuration(number):
    """The number as it will be once pending provisioning completes.

    A scheduled provisioning still WAITING or IN_PROGRESS toward a value counts as
    that value: re-sending it would only restart the provisioning.
    """
    view = copy.deepcopy(number)
    for config_key, scheduled_key, fields in _PROVISIONED:
        config = view.get(config_key) or {}
        scheduled = config.get(scheduled_key)
        if scheduled and scheduled.get("status") in PENDING_STATUSES:
            for field in fields:
                if field in scheduled:
                    config[field] = scheduled[field]
        if config_key == "voice_configuration" and config.get("app_id") and not config.get("type"):
            # numbers.yaml shows only appId; an appId alone is an RTC configuration.
            config["type"] = "RTC"
        if config:
            view[config_key] = config
    return view


def provisioning_state(number):
    """'pending', 'failed' or 'done' over SMS and voice provisioning."""
    states = set()
    for config_key, scheduled_key, _fields in _PROVISIONED:
        scheduled = (number.get(config_key) or {}).get(scheduled_key)
        if scheduled:
            states.add("failed" if scheduled.get("status") == "FAILED" else "pending")
    for state in ("failed", "pending"):
        if state in states:
            return state
    return "done"


def provisioning_errors(number):
    codes = []
    for config_key, scheduled_key, _fields in _PROVISIONED:
        scheduled = (number.get(config_key) or {}).get(scheduled_key) or {}
        codes.extend(scheduled.get("error_codes") or [])
    return codes
