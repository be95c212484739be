"""Contract tests: the simulator's Imported Numbers and Hosting Orders API, requests and answers,
against specs/imported-numbers-hosting-orders.yaml (see imported_contract.py for the adjustments)."""

import json

import pytest

from imported_contract import Contract
from openapi_contract import ContractViolation
from imported_helpers import clock  # noqa: F401  pylint: disable=unused-import
from sim_helpers import BASE

IMPORTED = f"{BASE}/importedNumbers"
ORDERS = f"{BASE}/hostingOrders"
QUALIFIED = f"{BASE}/qualifiedNumbers"
DIRECT_LOA = {
    "authorisedPerson": {"firstName": "John", "lastName": "Smith", "email": "email@domain.com"},
    "address": {"buildingNumber": "2433", "street": "Vesta Drive", "city": "Chicago", "state": "IL",
                "postalCode": "60647", "country": "US"},
    "currentVoiceCarrier": "Verizon",
}

pytestmark = pytest.mark.filterwarnings("ignore:Unsupported scheme type:UserWarning")


@pytest.fixture(scope="module")
def imported_contract():
    return Contract()


def code_of(anon, phone):
    return anon.get(f"/_sim/imported/voiceChallenges/{phone}").json()["code"]


def test_every_operation_answers_per_contract(api, anon, imported_contract, clock):
    contract = imported_contract
    seen = set()

    def check(response, status=200):
        assert response.status_code == status, response.text
        seen.add(contract.check(response))
        return response.json()

    # imported numbers: create (pending provisioning), list, update with a mask, get, delete
    check(api.post(IMPORTED, json={"regionCode": "US", "phoneNumber": "+12025550134", "displayName": "MyPhoneNumber",
                                   "smsConfiguration": {"servicePlanId": "plan-1", "campaignId": "CAMP1",
                                                        "migrateToSinchTmo": True},
                                   "callbackUrl": "https://www.your-callback-server.com/callback"}))
    check(api.get(IMPORTED, params={"regionCode": "US", "numberPattern.pattern": "+1202",
                                    "numberPattern.searchPattern": "START", "pageSize": 10, "orderBy": "displayName"}))
    check(api.patch(f"{IMPORTED}/+12025550134", params={"updateMask": "displayName,smsConfiguration.campaignId"},
                    json={"displayName": "My Display Name", "smsConfiguration": {"servicePlanId": "", "campaignId": ""}}))
    check(api.get(f"{IMPORTED}/+12025550134"))
    check(api.delete(f"{IMPORTED}/+12025550134"))

    # hosting orders of the three kinds, and what can be read of them
    imported = check(api.post(f"{ORDERS}:importNumbers", json={
        "displayName": "Import numbers order", "regionCode": "US", "numbers": ["+17724295286", "+17724295287"],
        "servicePlanId": "07d6c2621f364b68856fe4938b7bb78f", "campaignId": "C3O8OGA",
        "callbackUrl": "https://www.your-callback-server.com/callback", "migrateToSinchTmo": True}))
    check(api.post(f"{ORDERS}:textEnableNumbers", json={
        "regionCode": "US", "numbers": ["+17724295288"], "servicePlanId": "plan", "campaignId": "C3O8OGA",
        "directLoaInfo": DIRECT_LOA, "scheduledOsrUpdateTime": "2023-01-13T14:34:40.968Z", "migrateToSinchTmo": True}))
    check(api.post(f"{ORDERS}:textEnableTollFreeNumbers", json={
        "regionCode": "US", "numbers": ["+18335870229"], "servicePlanId": "plan",
        "resellerLoaInfo": {"businessName": "Acme, Inc.", **DIRECT_LOA},
        "scheduledZipwhipProvisioningTime": "2023-01-13T14:34:40.968Z"}))
    order_id = imported["hostingOrderId"]
    check(api.get(ORDERS, params={"type": "TYPE_TEXT_ENABLE", "states": "SUBMITTED", "regionCode": "US", "pageSize": 2}))
    check(api.get(f"{ORDERS}/{order_id}"))
    check(api.get(f"{ORDERS}/{order_id}/report"))
    check(api.get(f"{ORDERS}/{order_id}/numbers", params={"pageSize": 1}))
    check(api.get(f"{ORDERS}/{order_id}/numbers/+17724295286"))

    # qualified numbers: add, challenge, verify, text-enable (both kinds), list, get, delete
    check(api.post(f"{QUALIFIED}:addNumbers", json={"phoneNumbers": ["+12025550160", "+18885550161"]}))
    check(api.get(QUALIFIED, params={"regionCode": "US", "states": "GLOBAL_PROCESS_STATE_ELIGIBLE_CHECK_PENDING"}))
    clock.advance(1.1)
    for phone in ("+12025550160", "+18885550161"):
        check(api.post(f"{QUALIFIED}/{phone}:sendVoiceChallenge"))
        check(api.post(f"{QUALIFIED}/{phone}:verifyVoiceChallenge", json={"code": code_of(anon, phone)}))
    check(api.post(f"{QUALIFIED}:textEnableNumbers", json={
        "regionCode": "US", "numbers": ["+12025550160"], "servicePlanId": "plan", "campaignId": "CAMP",
        "resellerLoaInfo": {"businessName": "Acme, Inc.", **DIRECT_LOA}}))
    check(api.post(f"{QUALIFIED}:textEnableTollFreeNumbers", json={
        "regionCode": "US", "numbers": ["+18885550161"], "servicePlanId": "plan", "directLoaInfo": DIRECT_LOA}))
    clock.advance(1.1)
    check(api.get(f"{QUALIFIED}/+12025550160"))
    check(api.get(ORDERS))
    check(api.get(IMPORTED, params={"servicePlanId": "plan"}))
    check(api.delete(f"{QUALIFIED}/+12025550160"))
    assert seen == contract.operations


def test_answers_while_provisioning_and_after_failures_per_contract(api, imported_contract, clock):
    api.post(IMPORTED, json={"regionCode": "CA", "phoneNumber": "+14165550100",
                             "smsConfiguration": {"servicePlanId": "fail-plan"}})
    pending = api.get(f"{IMPORTED}/+14165550100")
    imported_contract.check(pending)
    assert pending.json()["smsConfiguration"]["scheduledProvisioning"]["status"] == 1
    api.post(f"{ORDERS}:importNumbers",
             json={"regionCode": "CA", "numbers": ["+14165550101"], "servicePlanId": "fail-plan"})
    clock.advance(1.1)
    failed = api.get(f"{IMPORTED}/+14165550100")
    imported_contract.check(failed)
    assert failed.json()["smsConfiguration"]["scheduledProvisioning"]["errorCodes"] == [2]
    orders = api.get(ORDERS, params={"states": "REJECTED"})
    imported_contract.check(orders)
    assert [order["state"] for order in orders.json()["hostingOrders"]] == ["REJECTED"]


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("GET", f"{IMPORTED}/+12025559999", {}, 404),
    ("POST", IMPORTED, {"json": {"phoneNumber": "+12025550100", "regionCode": "GB",
                                 "smsConfiguration": {"servicePlanId": "p"}}}, 400),
    ("PATCH", f"{IMPORTED}/+12025559999", {"json": {"displayName": "x"}}, 400),
    ("POST", f"{ORDERS}:importNumbers", {"json": {"regionCode": "US", "servicePlanId": "p",
                                                  "numbers": [f"+1202555010{n}" for n in range(6)]}}, 400),
    ("GET", f"{ORDERS}/01aaaaaaaaaaaaaaaaaaaaaaaa", {}, 404),
    ("POST", f"{QUALIFIED}/+12025559999:sendVoiceChallenge", {}, 404),
])
def test_error_answers_per_contract(api, imported_contract, method, path, kwargs, status):
    response = api.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    imported_contract.check(response)


def test_a_conflict_answers_per_contract(api, imported_contract):
    body = {"phoneNumber": "+12025550100", "regionCode": "US", "smsConfiguration": {"servicePlanId": "p"}}
    api.post(IMPORTED, json=body)
    again = api.post(IMPORTED, json=body)
    assert again.status_code == 409
    assert again.json()["status"] == "ALREADY_EXISTS"
    imported_contract.check(again)


def test_the_contract_catches_a_wrapped_error(api, imported_contract):
    """These paths answer the spec's flat ErrorResponse, not the {"error": {...}} of the Numbers API."""
    response = api.get(f"{IMPORTED}/+12025559999")
    assert response.status_code == 404
    imported_contract.check(response)
    wrapped = {"error": {"code": 404, "message": "not found", "status": "NOT_FOUND", "details": []}}
    response._content = json.dumps(wrapped).encode()  # pylint: disable=protected-access
    with pytest.raises(ContractViolation):
        imported_contract.check(response)


def test_the_contract_catches_a_misspelled_field(api, imported_contract):
    response = api.post(f"{QUALIFIED}:addNumbers", json={"phoneNumbers": ["+12025550170"]})
    response._content = response.content.replace(b"globalProcessState", b"globalProcesState")  # pylint: disable=protected-access
    with pytest.raises(ContractViolation):
        imported_contract.check(response)
