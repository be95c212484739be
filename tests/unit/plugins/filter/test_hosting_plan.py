# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""hosting_plan: orders are filed once and only for numbers not on Sinch; hosted numbers are reconfigured in place."""

from __future__ import annotations

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.sinch.numbers.plugins.filter.hosting_plan import FilterModule, hosting_plan

WANTED = [
    {"name": "front", "type": "import", "numbers": ["+12065550180", "+12065550181"]},
    {"name": "free", "type": "text_enable_toll_free", "numbers": ["+18885550191"]},
]


def order(name, kind="IMPORT", state="COMPLETED", order_id="o1"):
    return {"hosting_order_id": order_id, "display_name": name, "type": kind, "state": state}


def imported(phone, plan="plan-a", campaign="", callback_url="", scheduled=None):
    sms = {"service_plan_id": plan, "campaign_id": campaign}
    if scheduled:
        sms["scheduled_provisioning"] = scheduled
    return {"phone_number": phone, "sms_configuration": sms, "callback_url": callback_url}


def test_day_one_files_every_order():
    plan = hosting_plan(WANTED, [], [], service_plan_id="plan-a", campaign_id="C")
    assert plan["file"] == [{"name": "front", "type": "import", "numbers": ["+12065550180", "+12065550181"]},
                            {"name": "free", "type": "text_enable_toll_free", "numbers": ["+18885550191"]}]
    assert plan["reconfigure"] == [] and plan["open"] == [] and plan["filed"] == {}


def test_only_numbers_not_on_sinch_are_filed_and_none_when_all_are():
    plan = hosting_plan(WANTED, [], [imported("+12065550180"), imported("+18885550191")], service_plan_id="plan-a")
    assert plan["file"] == [{"name": "front", "type": "import", "numbers": ["+12065550181"]}]


def test_a_filed_order_is_never_filed_again_and_open_ones_are_listed():
    orders = [order("front", state="COMPLETED"), order("free", "TYPE_TEXT_ENABLE", "IN_PROGRESS", "o2"),
              order("front", "TYPE_TEXT_ENABLE", "COMPLETED", "o3")]
    plan = hosting_plan(WANTED, orders, [], service_plan_id="plan-b")
    assert plan["file"] == []
    assert plan["open"] == [{"name": "free", "id": "o2", "state": "IN_PROGRESS"}]
    assert plan["filed"]["front"]["hosting_order_id"] == "o1"


def test_the_type_is_part_of_the_identity():
    plan = hosting_plan(WANTED, [order("front", "TYPE_TEXT_ENABLE")], [], service_plan_id="plan-a")
    assert [item["name"] for item in plan["file"]] == ["front", "free"]


def test_a_new_plan_reconfigures_the_numbers_on_sinch_without_campaign_for_toll_free():
    numbers = [imported("+12065550180", campaign="C"), imported("+18885550191"), imported("+13125550190", campaign="C"),
               imported("+19995550000")]
    plan = hosting_plan(WANTED, [order("front"), order("free", "TYPE_TEXT_ENABLE")], numbers,
                        service_plan_id="plan-b", campaign_id="C", qualify=["+13125550190"])
    assert plan["file"] == []
    assert plan["reconfigure"] == [
        {"phone_number": "+12065550180", "sms_configuration": {"service_plan_id": "plan-b", "campaign_id": "C"},
         "callback_url": None},
        {"phone_number": "+13125550190", "sms_configuration": {"service_plan_id": "plan-b", "campaign_id": "C"},
         "callback_url": None},
        {"phone_number": "+18885550191", "sms_configuration": {"service_plan_id": "plan-b"}, "callback_url": None},
    ]


def test_converged_numbers_and_pending_provisioning_toward_the_wanted_plan_are_left_alone():
    pending = {"service_plan_id": "plan-b", "campaign_id": "", "status": "IN_PROGRESS"}
    failed = {"service_plan_id": "plan-b", "campaign_id": "", "status": "FAILED"}
    numbers = [imported("+12065550180", "plan-b", callback_url="https://h"),
               imported("+12065550181", "plan-a", callback_url="https://h", scheduled=pending),
               imported("+18885550191", "plan-a", callback_url="https://h", scheduled=failed)]
    plan = hosting_plan(WANTED, [order("front"), order("free", "TYPE_TEXT_ENABLE")], numbers,
                        service_plan_id="plan-b", callback_url="https://h")
    assert [item["phone_number"] for item in plan["reconfigure"]] == ["+18885550191"]


def test_a_new_callback_url_reconfigures():
    plan = hosting_plan(WANTED[:1], [order("front")], [imported("+12065550180", callback_url="https://old")],
                        service_plan_id="plan-a", callback_url="https://new")
    assert plan["reconfigure"][0]["callback_url"] == "https://new"


@pytest.mark.parametrize("args", [
    ("x", [], []), ([{"name": "a", "type": "port", "numbers": []}], [], []), ([], "x", []), ([], [], [1]),
])
def test_bad_input_is_a_filter_error(args):
    with pytest.raises(AnsibleFilterError):
        hosting_plan(*args, service_plan_id="p")


def test_the_service_plan_is_required():
    with pytest.raises(AnsibleFilterError, match="service_plan_id"):
        hosting_plan([], [], [])


def test_registered():
    assert FilterModule().filters()["hosting_plan"] is hosting_plan
