# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How an imported number's SMS links stand (pure functions over the API's answer).

Shared by the imported number resource (sinch_imported_number) and the hosting_plan filter.
"""

from __future__ import annotations

import copy

from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import PENDING_PROVISIONING_STATUSES

SMS_LINK_FIELDS = ("service_plan_id", "campaign_id")


def effective_number(number):
    """The number as it will be once a pending SMS provisioning completes.

    A scheduled provisioning still WAITING or IN_PROGRESS toward a value counts as that value:
    sending it again would only restart the provisioning.
    """
    view = copy.deepcopy(number)
    sms = view.get("sms_configuration") or {}
    scheduled = sms.get("scheduled_provisioning")
    if scheduled and scheduled.get("status") in PENDING_PROVISIONING_STATUSES:
        for field in SMS_LINK_FIELDS:
            if field in scheduled:
                sms[field] = scheduled[field]
    if sms:
        view["sms_configuration"] = sms
    return view
