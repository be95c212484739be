# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""E.164 validation, case mapping and change computation."""

from __future__ import annotations

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.casing import to_camel, to_snake
from ansible_collections.sinch.numbers.plugins.module_utils.core.errors import SinchInputError
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.provisioning import (
    effective_configuration,
    provisioning_state,
)
from ansible_collections.sinch.numbers.plugins.module_utils.core.phone import normalize_e164, normalize_region
from ansible_collections.sinch.numbers.plugins.module_utils.core.resource import changed_paths, deep_merge, find_changes


@pytest.mark.parametrize("raw, canonical", [
    ("+12025550134", "+12025550134"),
    ("+1 (202) 555-0134", "+12025550134"),
    ("+46.70.123.45.67", "+46701234567"),
])
def test_e164_accepts_and_normalises(raw, canonical):
    assert normalize_e164(raw) == canonical


@pytest.mark.parametrize("bad", ["+12ab", "12025550134", "+0123456", "+1234567890123456", "+", ""])
def test_e164_rejects_with_the_option_name(bad):
    with pytest.raises(SinchInputError) as caught:
        normalize_e164(bad, "phone_number")
    assert "phone_number" in str(caught.value)
    assert "E.164" in str(caught.value)


def test_region_codes():
    assert normalize_region(" us ") == "US"
    with pytest.raises(SinchInputError):
        normalize_region("USA")


def test_case_mapping_round_trip_changes_keys_only():
    api = {"phoneNumber": "+1", "smsConfiguration": {"servicePlanId": "x", "scheduledProvisioning": {
        "errorCodes": ["SMS_PROVISIONING_FAILED"]}}, "capability": ["SMS"]}
    snake = to_snake(api)
    assert snake == {"phone_number": "+1", "sms_configuration": {"service_plan_id": "x", "scheduled_provisioning": {
        "error_codes": ["SMS_PROVISIONING_FAILED"]}}, "capability": ["SMS"]}
    assert to_camel(snake) == api


def test_to_camel_drops_unset_options():
    assert to_camel({"display_name": None, "callback_url": "u"}) == {"callbackUrl": "u"}


def test_find_changes_compares_only_what_the_user_set():
    actual = {"display_name": "a", "sms_configuration": {"service_plan_id": "p", "campaign_id": "c"}, "money": {}}
    assert find_changes({"display_name": "a", "callback_url": None}, actual) == {}
    assert find_changes({"sms_configuration": {"service_plan_id": "p"}}, actual) == {}
    assert find_changes({"sms_configuration": {"service_plan_id": "q"}}, actual) == {
        "sms_configuration": {"service_plan_id": "q"}}


def test_find_changes_compares_lists_both_ways_ignoring_order():
    assert find_changes({"c": ["SMS", "VOICE"]}, {"c": ["VOICE", "SMS"]}) == {}
    assert find_changes({"c": ["SMS"]}, {"c": ["SMS", "VOICE"]}) == {"c": ["SMS"]}
    assert find_changes({"c": ["SMS", "VOICE"]}, {"c": ["SMS"]}) == {"c": ["SMS", "VOICE"]}


def test_changed_paths_for_update_masks():
    assert changed_paths({"display_name": "x", "sms": {"plan": "a", "campaign": "b"}},
                         {"display_name": "x", "sms": {"plan": "a", "campaign": "c"}}) == ["sms.campaign"]


def test_deep_merge_predicts_the_result():
    assert deep_merge({"a": {"b": 1, "c": 2}}, {"a": {"b": 3}, "d": None}) == {"a": {"b": 3, "c": 2}}


def test_a_pending_provisioning_counts_as_its_target_value():
    number = {"sms_configuration": {"service_plan_id": "", "scheduled_provisioning": {
        "service_plan_id": "new", "campaign_id": "", "status": "WAITING"}}}
    assert effective_configuration(number)["sms_configuration"]["service_plan_id"] == "new"
    assert provisioning_state(number) == "pending"


def test_a_failed_provisioning_does_not_count():
    number = {"sms_configuration": {"service_plan_id": "old", "scheduled_provisioning": {
        "service_plan_id": "new", "status": "FAILED", "error_codes": ["SMS_PROVISIONING_FAILED"]}}}
    assert effective_configuration(number)["sms_configuration"]["service_plan_id"] == "old"
    assert provisioning_state(number) == "failed"


def test_a_bare_app_id_is_an_rtc_voice_configuration():
    assert effective_configuration({"voice_configuration": {"app_id": "a"}})["voice_configuration"]["type"] == "RTC"
