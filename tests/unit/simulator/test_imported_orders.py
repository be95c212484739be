"""The simulator's hosting orders: the state machine, limits, conflicts, numbers and report."""

import pytest

from imported_helpers import clock  # noqa: F401  pylint: disable=unused-import
from imported_helpers import error_of, violated_fields
from sim_helpers import BASE

ORDERS = f"{BASE}/hostingOrders"
LOA = {
    "authorisedPerson": {"firstName": "A", "lastName": "B", "email": "a@example.com"},
    "address": {"buildingNumber": "1", "street": "S", "city": "C", "state": "IL", "postalCode": "1", "country": "US"},
    "currentVoiceCarrier": "Verizon",
}


def file(api, action="importNumbers", numbers=("+12025550140",), plan="plan", **extra):
    body = {"regionCode": "US", "numbers": list(numbers), "servicePlanId": plan, **extra}
    response = api.post(f"{ORDERS}:{action}", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def state_of(api, order):
    return api.get(f"{ORDERS}/{order['hostingOrderId']}").json()["state"]


def test_an_import_order_moves_from_submitted_to_completed(api, clock):
    order = file(api, campaignId="CAMP")
    assert order["state"] == "SUBMITTED"
    assert order["numberImport"] == {}
    clock.advance(0.6)
    assert state_of(api, order) == "IN_PROGRESS"
    numbers = api.get(f"{ORDERS}/{order['hostingOrderId']}/numbers").json()["numbers"]
    assert numbers[0]["platformProvisioning"] == {"servicePlanId": "plan", "state": "WAITING"}
    assert numbers[0]["osrUpdate"]["state"] == "STATE_UNSPECIFIED"
    clock.advance(0.5)
    assert state_of(api, order) == "COMPLETED"
    report = api.get(f"{ORDERS}/{order['hostingOrderId']}/report").json()
    assert report == {"total": 1, "osrUpdated": 0, "smsProvisioned": 1, "addedToCampaign": 1, "ongoingManualAction": 0}
    imported = api.get(f"{BASE}/importedNumbers/+12025550140").json()
    assert imported["smsConfiguration"]["servicePlanId"] == "plan"
    assert imported["smsConfiguration"]["campaignId"] == "CAMP"


def test_a_text_enable_order_waits_for_its_loa_signature(api, clock):
    order = file(api, "textEnableNumbers", directLoaInfo=LOA)
    assert order["textEnableInfo"]["loaType"] == 1
    assert order["textEnableInfo"]["nnid"] == "104029"
    clock.advance(0.4)
    assert state_of(api, order) == "WAITING_FOR_LOA_SIGNATURE"
    report = api.get(f"{ORDERS}/{order['hostingOrderId']}/report").json()
    assert report["ongoingManualAction"] == 1
    clock.advance(0.35)
    assert state_of(api, order) == "IN_PROGRESS"
    clock.advance(0.35)
    assert state_of(api, order) == "COMPLETED"
    number = api.get(f"{ORDERS}/{order['hostingOrderId']}/numbers/+12025550140").json()
    assert number["osrUpdate"] == {"nnid": "104029", "state": "DONE"}


def test_an_order_whose_numbers_all_fail_is_rejected(api, clock):
    order = file(api, plan="fail-plan")
    clock.advance(1.1)
    assert state_of(api, order) == "REJECTED"
    assert api.get(f"{BASE}/importedNumbers/+12025550140").status_code == 404


@pytest.mark.parametrize("action, count, limit", [("importNumbers", 6, 5), ("textEnableNumbers", 501, 500)])
def test_orders_take_a_limited_number_of_numbers(api, action, count, limit):
    numbers = [f"+1202{5550000 + index:07d}" for index in range(count)]
    response = api.post(f"{ORDERS}:{action}", json={"regionCode": "US", "numbers": numbers, "servicePlanId": "p",
                                                    "blanketLoaInfo": {}} if action != "importNumbers" else
                        {"regionCode": "US", "numbers": numbers, "servicePlanId": "p"})
    assert response.status_code == 400
    assert f"at most {limit} numbers" in error_of(response)["message"]


def test_a_number_in_an_open_order_cannot_be_ordered_again(api):
    file(api)
    again = api.post(f"{ORDERS}:importNumbers", json={"regionCode": "US", "numbers": ["+12025550140"],
                                                      "servicePlanId": "p"})
    assert again.status_code == 409
    assert error_of(again)["status"] == "ALREADY_EXISTS"


@pytest.mark.parametrize("action, body, field", [
    ("textEnableNumbers", {}, "loaInfo"),
    ("textEnableNumbers", {"directLoaInfo": {"currentVoiceCarrier": "V"}}, "directLoaInfo.authorisedPerson"),
    ("textEnableTollFreeNumbers", {"blanketLoaInfo": {}}, "blanketLoaInfo"),
    ("textEnableTollFreeNumbers", {"directLoaInfo": LOA, "campaignId": "C"}, "campaignId"),
    ("textEnableNumbers", {"blanketLoaInfo": {}, "numbers": ["+18335550100"]}, "numbers[0]"),
    ("textEnableTollFreeNumbers", {"directLoaInfo": LOA, "numbers": ["+12025550100"]}, "numbers[0]"),
    ("importNumbers", {"projectId": "another-project"}, "projectId"),
])
def test_order_requests_are_validated(api, action, body, field):
    request = {"regionCode": "US", "numbers": ["+18335550100" if "TollFree" in action else "+12025550100"],
               "servicePlanId": "p", **body}
    response = api.post(f"{ORDERS}:{action}", json=request)
    assert response.status_code == 400, response.text
    assert field in violated_fields(response)


def test_listing_filters_by_type_state_and_region(api, clock):
    first = file(api)
    file(api, "textEnableNumbers", numbers=["+14165550100"], regionCode="CA", blanketLoaInfo={})
    assert [order["type"] for order in api.get(ORDERS, params={"type": "IMPORT"}).json()["hostingOrders"]] == ["IMPORT"]
    assert [order["regionCode"] for order in api.get(ORDERS, params={"regionCode": "CA"}).json()["hostingOrders"]] == ["CA"]
    clock.advance(1.1)
    completed = api.get(ORDERS, params={"states": ["COMPLETED", "REJECTED"]}).json()
    assert completed["totalSize"] == 2
    assert completed["hostingOrders"][0]["hostingOrderId"] == first["hostingOrderId"]
    assert api.get(ORDERS, params={"states": "DONE"}).status_code == 400


def test_unknown_orders_and_numbers_are_not_found(api):
    order = file(api)
    assert api.get(f"{ORDERS}/01aaaaaaaaaaaaaaaaaaaaaaaa/report").status_code == 404
    assert api.get(f"{ORDERS}/{order['hostingOrderId']}/numbers/+12025550199").status_code == 404
