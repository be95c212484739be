# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The imported number, hosting order and qualified number resources, against a scripted API."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchError
from ansible_collections.sinch.numbers.plugins.module_utils.imported.hosting_order_resource import HostingOrderResource
from ansible_collections.sinch.numbers.plugins.module_utils.imported.imported_number_resource import ImportedNumberResource
from ansible_collections.sinch.numbers.plugins.module_utils.imported.qualified_number_resource import (
    QualifiedNumberResource,
    next_step,
)

from .fake_session import FakeSession, make_response

WAIT = {"wait": False, "wait_timeout": 5, "wait_interval": 0.01}
ORDER = {"hostingOrderId": "01abc", "displayName": "batch-1", "type": "IMPORT", "state": "SUBMITTED",
         "regionCode": "US", "servicePlanId": "plan"}


class FakeModule:
    def __init__(self, params, *script, check_mode=False):
        config = ClientConfig(key_id="kid", key_secret="secret", project_id="p", retries=2,
                              imported_numbers_url="https://imported.example")
        self.client = SinchClient(config, session=FakeSession(*script), sleep=lambda seconds: None)
        self.params = dict(WAIT, **params)
        self.check_mode = check_mode

    @property
    def calls(self):
        return [(call["method"], call["url"].rsplit("/", 1)[-1], call.get("params")) for call in self.client.session.calls]


def test_an_order_whose_filing_answered_503_is_found_not_filed_again():
    module = FakeModule(
        {"display_name": "batch-1", "order_type": "IMPORT", "region_code": "US", "numbers": ["+12025550140"],
         "service_plan_id": "plan", "import_limit": 5},
        make_response(200, {"hostingOrders": []}),
        make_response(503),
        make_response(200, {"hostingOrders": [ORDER]}),
        make_response(200, {"numbers": [{"phoneNumber": "+12025550140"}]}),
        make_response(200, {"total": 1}))
    result = HostingOrderResource(module).run()
    assert result["changed"]
    assert result["hosting_order"]["hosting_order_id"] == "01abc"
    assert result["hosting_order"]["numbers"] == ["+12025550140"]
    assert [method for method, _path, _params in module.calls].count("POST") == 1


def test_too_many_numbers_fail_before_any_request():
    module = FakeModule({"display_name": "big", "order_type": "IMPORT", "region_code": "US", "import_limit": 5,
                         "numbers": ["+1202555014%d" % digit for digit in range(6)]})
    with pytest.raises(SinchError, match="at most 5 numbers, got 6"):
        HostingOrderResource(module).run()
    assert module.calls == []


def test_moving_to_another_service_plan_unlinks_first_with_minimal_masks():
    current = {"phoneNumber": "+12025550134", "regionCode": "US", "displayName": "desk",
               "smsConfiguration": {"servicePlanId": "", "campaignId": "C",
                                    "scheduledProvisioning": {"servicePlanId": "plan-a", "campaignId": "C", "status": 1}}}
    params = {"phone_number": "+12025550134", "state": "present",
              "sms_configuration": {"service_plan_id": "plan-b", "campaign_id": "C"}}
    module = FakeModule(params, make_response(200, current), make_response(200, current), make_response(200, current))
    result = ImportedNumberResource(module).run()
    assert result["changed"]
    patches = [(params, call["json"]) for call, (_m, _p, params) in zip(module.client.session.calls, module.calls)
               if call["method"] == "PATCH"]
    assert patches == [
        ({"updateMask": "smsConfiguration.servicePlanId"}, {"smsConfiguration": {"servicePlanId": ""}}),
        ({"updateMask": "smsConfiguration.servicePlanId"}, {"smsConfiguration": {"servicePlanId": "plan-b"}}),
    ]


def test_check_mode_plans_the_qualification_steps_without_writing():
    eligible = {"phoneNumber": "+13125550190", "globalProcessState": "GLOBAL_PROCESS_STATE_ELIGIBLE"}
    module = FakeModule({"phone_number": "+13125550190", "state": "present", "send_voice_challenge": True},
                        make_response(200, eligible), check_mode=True)
    result = QualifiedNumberResource(module).run()
    assert result["actions"] == ["send_voice_challenge"]
    assert result["diff"]["after"]["global_process_state"] == "GLOBAL_PROCESS_STATE_VERIFICATION_PENDING"
    assert [method for method, _path, _params in module.calls] == ["GET"]


STEPS = {"challenge": True, "verify": False, "text_enable": False}
VERIFY = {"challenge": False, "verify": True, "text_enable": False}
ENABLE = {"challenge": False, "verify": False, "text_enable": True}


@pytest.mark.parametrize("state, wants, step", [
    (None, STEPS, "add"),
    ("ELIGIBLE_CHECK_PENDING", STEPS, "wait_for_eligibility"),
    ("ELIGIBLE", STEPS, "send_voice_challenge"),
    ("VERIFICATION_FAILED", STEPS, "send_voice_challenge"),
    ("VERIFICATION_PENDING", STEPS, None),
    ("VERIFIED", STEPS, None),
    ("VERIFICATION_PENDING", VERIFY, "verify_voice_challenge"),
    ("HOSTING_DONE", VERIFY, None),
    ("VERIFIED", ENABLE, "text_enable"),
    ("HOSTING_FAILED", ENABLE, "text_enable"),
    ("HOSTING_IN_PROGRESS", ENABLE, None),
    ("ELIGIBLE", {"challenge": False, "verify": False, "text_enable": False}, None),
])
def test_the_next_qualification_step(state, wants, step):
    number = None if state is None else {"phone_number": "+1", "global_process_state": "GLOBAL_PROCESS_STATE_" + state}
    assert next_step(number, wants) == step


@pytest.mark.parametrize("state, wants, message", [
    (None, VERIFY, "not a qualified number of the project yet"),
    (None, ENABLE, "not a qualified number of the project yet"),
    ("NOT_ELIGIBLE", STEPS, "is not eligible"),
    ("VERIFICATION_BLOCKED", VERIFY, "is blocked"),
    ("ELIGIBLE", VERIFY, "has no voice challenge to verify"),
    ("VERIFICATION_PENDING", ENABLE, "before its ownership is verified"),
])
def test_impossible_steps_are_refused(state, wants, message):
    number = None if state is None else {"phone_number": "+1", "global_process_state": "GLOBAL_PROCESS_STATE_" + state}
    with pytest.raises(SinchError, match=message):
        next_step(number, wants)
