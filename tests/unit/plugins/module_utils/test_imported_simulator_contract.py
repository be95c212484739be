# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The collection's Imported Numbers wrapper (plugins/module_utils/imported/api.py) against the simulator:
every request it sends and every answer it gets must fit specs/imported-numbers-hosting-orders.yaml,
and what it returns is snake_case with enum names."""

from __future__ import annotations

import json
import urllib.request

import pytest
import requests

from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.imported.api import ImportedApi
from ansible_collections.sinch.numbers.plugins.module_utils.imported.text_enable import order_request
from ansible_collections.sinch.numbers.tests.unit.simulator.imported_contract import Contract

from ..plugin_utils.running_simulator import running_simulator, simulator  # noqa: F401  pylint: disable=unused-import

pytestmark = pytest.mark.filterwarnings("ignore:Unsupported scheme type:UserWarning")

LOA = {
    "type": "DIRECT",
    "authorised_person": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"},
    "address": {"building_number": "1", "street": "Main Street", "city": "Springfield", "state": "IL",
                "postal_code": "62701", "country": "US"},
    "current_voice_carrier": "AT&T",
}


@pytest.fixture
def wrapper(simulator):  # pylint: disable=redefined-outer-name
    """(ImportedApi on the simulator (whose provisioning delay is 0), the exchanges it made, the simulator)."""
    exchanges = []
    session = requests.Session()
    session.hooks["response"].append(lambda response, *args, **kwargs: exchanges.append(response))
    config = ClientConfig(**simulator.options(imported_numbers_url=simulator.url))
    return ImportedApi(SinchClient(config, session=session)), exchanges, simulator


def voice_code(simulator, phone):  # pylint: disable=redefined-outer-name
    url = "%s/_sim/imported/voiceChallenges/%s?projectId=%s" % (
        simulator.url, phone.replace("+", "%2B"), simulator.options()["project_id"])
    with urllib.request.urlopen(url) as response:
        return json.loads(response.read())["code"]


def test_every_request_and_answer_of_the_wrapper_fits_the_spec(wrapper):  # pylint: disable=redefined-outer-name
    api, exchanges, simulator = wrapper  # pylint: disable=redefined-outer-name
    contract = Contract()

    number = api.import_number({"phone_number": "+12025550134", "region_code": "US", "display_name": "desk",
                                "sms_configuration": {"service_plan_id": "plan-a", "campaign_id": "CAMP",
                                                      "migrate_to_sinch_tmo": True}})
    assert "scheduled_provisioning" not in number["sms_configuration"]  # a zero delay links at once
    assert [item["phone_number"] for item in api.list_imported("US", "+1202", "START")] == ["+12025550134"]
    updated = api.update_imported("+12025550134", {"display_name": "front", "sms_configuration": {"campaign_id": ""}},
                                  ["display_name", "sms_configuration.campaign_id"])
    assert updated["display_name"] == "front"
    assert api.get_imported("+12025550134")["sms_configuration"]["campaign_id"] == ""
    api.delete_imported("+12025550134")
    assert api.get_imported("+12025550134") is None

    fields = {"display_name": "import", "region_code": "US", "service_plan_id": "plan", "campaign_id": "CAMP",
              "callback_url": "https://example.com/cb", "migrate_to_sinch_tmo": True}
    order = api.file_order("importNumbers", order_request("IMPORT", fields, ["+12025550140"], None))
    text = dict(fields, display_name="text", nnid="123456", scheduled_osr_update_time="2026-01-13T14:34:40Z")
    api.file_order("textEnableNumbers", order_request("TEXT_ENABLE", text, ["+12025550141"], {"type": "BLANKET"}))
    toll_free = {"display_name": "toll-free", "region_code": "US", "service_plan_id": "plan",
                 "scheduled_zipwhip_provisioning_time": "2026-01-13T14:34:40Z"}
    toll_free_request = order_request("TEXT_ENABLE_TOLL_FREE", toll_free, ["+18335550142"], LOA)
    filed = api.file_order("textEnableTollFreeNumbers", toll_free_request)
    assert filed["text_enable_info"]["loa_type"] == "DIRECT"
    assert [item["display_name"] for item in api.list_orders("TYPE_TEXT_ENABLE", "COMPLETED", "US")] == \
        ["text", "toll-free"]
    assert api.get_order(order["hosting_order_id"])["type"] == "IMPORT"
    assert [item["phone_number"] for item in api.list_order_numbers(order["hosting_order_id"])] == ["+12025550140"]
    assert api.get_order_report(order["hosting_order_id"])["total"] == 1
    assert api.get_order("01aaaaaaaaaaaaaaaaaaaaaaaa") is None

    added = api.add_qualified(["+12025550160", "+18885550161"])
    assert [item["global_process_state"] for item in added] == ["GLOBAL_PROCESS_STATE_ELIGIBLE"] * 2
    for phone in ("+12025550160", "+18885550161"):
        api.send_voice_challenge(phone)
        code = voice_code(simulator, phone)
        assert api.verify_voice_challenge(phone, code)["global_process_state"] == "GLOBAL_PROCESS_STATE_VERIFIED"
    answer = api.text_enable_qualified("textEnableNumbers", order_request(
        "TEXT_ENABLE", {"region_code": "US", "service_plan_id": "plan"}, ["+12025550160"], {"type": "BLANKET"}))
    assert len(answer["hosting_order_id"]) == 26
    api.text_enable_qualified("textEnableTollFreeNumbers", order_request(
        "TEXT_ENABLE_TOLL_FREE", {"region_code": "US", "service_plan_id": "plan"}, ["+18885550161"], LOA))
    hosted = list(api.list_qualified("US", "GLOBAL_PROCESS_STATE_HOSTING_DONE"))
    assert [item["hosted_number"]["status"] for item in hosted] == ["HOSTING_STATUS_HOSTED"] * 2
    assert api.get_qualified("+12025550160")["region_code"] == "US"
    api.delete_qualified("+12025550160")
    assert api.get_qualified("+12025550160") is None

    operations = set()
    for response in exchanges:
        if response.status_code == 404:
            assert not contract.error_errors(response)
            continue
        operations.add(contract.check(response))
    # every operation but the answer-only ones the wrapper has no call for (one order number)
    assert contract.operations - operations == {"HostingOrderService_GetHostingOrderNumber"}
