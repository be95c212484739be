# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pool_plan filter: membership, growing, shrinking and the configuration comparison."""

from __future__ import annotations

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.filter.pool_plan import FilterModule, pool_plan

PLAN_A = {"service_plan_id": "plan-a"}


def number(phone_number, display_name, service_plan_id="plan-a", scheduled=None, app_id="", callback_url=""):
    return {
        "phone_number": phone_number,
        "display_name": display_name,
        "sms_configuration": {"service_plan_id": service_plan_id, "campaign_id": "",
                              "scheduled_provisioning": scheduled},
        "voice_configuration": {"type": "RTC", "app_id": app_id, "trunk_id": "", "service_id": "",
                                "scheduled_voice_provisioning": None},
        "callback_url": callback_url,
    }


def test_members_are_the_numbers_named_after_the_pool():
    numbers = [
        number("+1001", "alerts-1"), number("+1002", "alerts-03"), number("+1003", "alerts"),
        number("+1004", "alerts-x"), number("+1005", "alerts-eu-1"), number("+1006", "xalerts-2"),
        number("+1007", None), number("+1008", "alerts-2\n"), number("+1009", "ALERTS-4"),
        number("+1010", "a.erts-5"),
    ]
    plan = pool_plan(numbers, "alerts", 2, sms_configuration=PLAN_A)
    assert plan["members"] == [
        {"phone_number": "+1001", "display_name": "alerts-1", "index": 1},
        {"phone_number": "+1002", "display_name": "alerts-03", "index": 3},
    ]
    assert plan["keep"] == ["+1001", "+1002"]
    assert plan["converged"] is True


def test_a_regex_character_in_the_name_is_taken_literally():
    plan = pool_plan([number("+1001", "a.b-1"), number("+1002", "axb-2")], "a.b", 1)
    assert plan["keep"] == ["+1001"]


def test_growing_rents_the_lowest_free_indexes():
    numbers = [number("+1001", "alerts-1"), number("+1004", "alerts-4")]
    plan = pool_plan(numbers, "alerts", 5, sms_configuration=PLAN_A)
    assert plan["rent"] == ["alerts-2", "alerts-3", "alerts-5"]
    assert plan["release"] == [] and plan["reconfigure"] == []
    assert plan["converged"] is False


def test_an_empty_pool_rents_from_index_one():
    assert pool_plan([number("+1009", "other")], "alerts", 2)["rent"] == ["alerts-1", "alerts-2"]


def test_shrinking_releases_only_members_highest_index_first():
    numbers = [number("+1001", "alerts-1"), number("+1002", "alerts-2"), number("+1003", "alerts-3"),
               number("+1004", "billing-9"), number("+1005", "")]
    plan = pool_plan(numbers, "alerts", 1, sms_configuration=PLAN_A)
    assert plan["release"] == ["+1003", "+1002"]
    assert plan["keep"] == ["+1001"]
    assert plan["rent"] == []


def test_size_zero_releases_every_member():
    numbers = [number("+1001", "alerts-1"), number("+1002", "alerts-2")]
    assert pool_plan(numbers, "alerts", 0)["release"] == ["+1002", "+1001"]


def test_a_member_to_release_is_not_reconfigured():
    numbers = [number("+1001", "alerts-1"), number("+1002", "alerts-2", service_plan_id="old")]
    plan = pool_plan(numbers, "alerts", 1, sms_configuration=PLAN_A)
    assert plan["reconfigure"] == [] and plan["release"] == ["+1002"]


def test_only_members_that_differ_are_reconfigured():
    numbers = [number("+1001", "alerts-1"), number("+1002", "alerts-2", service_plan_id="old")]
    plan = pool_plan(numbers, "alerts", 2, sms_configuration=PLAN_A)
    assert plan["reconfigure"] == ["+1002"]
    assert plan["rent"] == [] and plan["release"] == []


def test_a_provisioning_pending_toward_the_wanted_value_counts_as_done():
    pending = {"status": "WAITING", "service_plan_id": "plan-a", "campaign_id": ""}
    numbers = [number("+1001", "alerts-1", service_plan_id="old", scheduled=pending)]
    plan = pool_plan(numbers, "alerts", 1, sms_configuration=PLAN_A)
    assert plan["reconfigure"] == []
    assert plan["pending"] == ["+1001"]
    assert plan["converged"] is True


def test_a_provisioning_pending_toward_another_value_is_reconfigured():
    pending = {"status": "IN_PROGRESS", "service_plan_id": "plan-b", "campaign_id": ""}
    numbers = [number("+1001", "alerts-1", scheduled=pending)]
    assert pool_plan(numbers, "alerts", 1, sms_configuration=PLAN_A)["reconfigure"] == ["+1001"]


def test_a_failed_provisioning_is_sent_again():
    failed = {"status": "FAILED", "service_plan_id": "plan-a", "error_codes": ["SMS_PROVISIONING_FAILED"]}
    numbers = [number("+1001", "alerts-1", service_plan_id="old", scheduled=failed)]
    assert pool_plan(numbers, "alerts", 1, sms_configuration=PLAN_A)["reconfigure"] == ["+1001"]


def test_voice_type_defaults_to_rtc_as_in_the_module():
    numbers = [number("+1001", "alerts-1", app_id="app-1")]
    plan = pool_plan(numbers, "alerts", 1, voice_configuration={"app_id": "app-1", "trunk_id": None})
    assert plan["reconfigure"] == []
    assert plan["wanted"] == {"voice_configuration": {"type": "RTC", "app_id": "app-1"}}
    plan = pool_plan(numbers, "alerts", 1, voice_configuration={"type": "EST", "trunk_id": "trunk-1"})
    assert plan["reconfigure"] == ["+1001"]


def test_options_not_given_are_not_compared():
    numbers = [number("+1001", "alerts-1", service_plan_id="anything", callback_url="https://old.example")]
    plan = pool_plan(numbers, "alerts", 1)
    assert plan["reconfigure"] == [] and plan["wanted"] == {}
    plan = pool_plan(numbers, "alerts", 1, callback_url="https://new.example")
    assert plan["reconfigure"] == ["+1001"]
    assert plan["wanted"] == {"callback_url": "https://new.example"}


def test_an_empty_callback_url_is_compared():
    numbers = [number("+1001", "alerts-1", callback_url="https://old.example")]
    assert pool_plan(numbers, "alerts", 1, callback_url="")["reconfigure"] == ["+1001"]


@pytest.mark.parametrize("name, size, message", [
    ("", 1, "name must be a non-empty string"),
    (None, 1, "name must be a non-empty string"),
    ("alerts", -1, "size must be an integer of 0 or more"),
    ("alerts", "3", "size must be an integer of 0 or more"),
    ("alerts", True, "size must be an integer of 0 or more"),
])
def test_bad_arguments_are_refused(name, size, message):
    with pytest.raises(AnsibleFilterError, match=message):
        pool_plan([], name, size)


def test_bad_input_is_refused():
    with pytest.raises(AnsibleFilterError, match="the input must be the list of numbers"):
        pool_plan({"numbers": []}, "alerts", 1)
    with pytest.raises(AnsibleFilterError, match="sms_configuration must be a dictionary"):
        pool_plan([], "alerts", 1, sms_configuration="plan-a")


def test_the_filter_is_registered_under_its_name():
    assert FilterModule().filters()["pool_plan"] is pool_plan


def test_the_plan_carries_the_sinch_numbers_items_that_apply_it():
    pending = {"status": "WAITING", "service_plan_id": "plan-a"}
    numbers = [number("+1001", "alerts-1", "plan-old"), number("+1002", "alerts-2", "plan-x", scheduled=pending),
               number("+1003", "alerts-3"), number("+1005", "alerts-5")]
    plan = pool_plan(numbers, "alerts", 5, sms_configuration=PLAN_A, region_code="US", number_type="LOCAL",
                     rent_criteria={"capabilities": None, "number_pattern": "+1206", "search_pattern": "START"})
    where = {"region_code": "US", "number_type": "LOCAL"}
    assert plan["items"] == [
        dict(where, phone_number="+1001", sms_configuration=PLAN_A),
        dict(where, display_name="alerts-4", sms_configuration=PLAN_A, number_pattern="+1206", search_pattern="START"),
    ]
    assert plan["pending_items"] == [dict(where, phone_number="+1002", sms_configuration=PLAN_A)]
    shrunk = pool_plan(numbers, "alerts", 2, sms_configuration=PLAN_A, region_code="US", number_type="LOCAL")
    assert [item for item in shrunk["items"] if item.get("state") == "absent"] == [
        dict(where, phone_number="+1005", state="absent"), dict(where, phone_number="+1003", state="absent")]


def test_without_region_and_type_the_plan_has_no_items():
    plan = pool_plan([number("+1001", "alerts-1", "plan-old")], "alerts", 1, sms_configuration=PLAN_A)
    assert plan["items"] == [] and plan["pending_items"] == [] and plan["reconfigure"] == ["+1001"]
    with pytest.raises(AnsibleFilterError, match="rent_criteria must be a dictionary"):
        pool_plan([], "alerts", 1, region_code="US", number_type="LOCAL", rent_criteria=["x"])
