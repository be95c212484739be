"""The SDK's own transport and token manager on the paths it has no domain for.

Imported numbers, hosting orders and qualified numbers (imported-numbers-hosting-orders.yaml: flat
ErrorResponse bodies) and sender ID registrations (OAuth2 only), each reached with a bearer token
the SDK fetched and renews itself.
"""

import time

from registrations_helpers import SE_POLICY, details
from sdk_helpers import raw, sdk  # noqa: F401  pylint: disable=unused-import
from sim_helpers import BASE, PROJECT

LOA = {
    "authorisedPerson": {"firstName": "A", "lastName": "B", "email": "a@example.com"},
    "address": {"buildingNumber": "1", "street": "S", "city": "C", "state": "IL", "postalCode": "1", "country": "US"},
    "currentVoiceCarrier": "Verizon",
}


def assert_flat_not_found(status, body, what):
    """ErrorResponse of imported-numbers-hosting-orders.yaml: code (a string), message, status."""
    assert status == 404, body
    assert set(body) == {"code", "message", "status"}, body
    assert body["code"] == "404" and body["status"] == "NOT_FOUND"
    assert what in body["message"]


def test_imported_numbers(sdk):
    body = {"phoneNumber": "+12025550134", "regionCode": "US", "smsConfiguration": {"servicePlanId": "plan-a"}}
    status, created, _headers = raw(sdk, "POST", f"{BASE}/importedNumbers", body)
    assert status == 200, created
    assert created["phoneNumber"] == "+12025550134" and created["projectId"] == PROJECT
    status, listed, _headers = raw(sdk, "GET", f"{BASE}/importedNumbers")
    assert status == 200 and [number["phoneNumber"] for number in listed["importedNumbers"]] == ["+12025550134"]
    status, again, _headers = raw(sdk, "POST", f"{BASE}/importedNumbers", body)
    assert status == 409 and set(again) == {"code", "message", "status"} and again["code"] == "409"
    assert raw(sdk, "DELETE", f"{BASE}/importedNumbers/+12025550134")[0] == 200
    assert_flat_not_found(*raw(sdk, "GET", f"{BASE}/importedNumbers/+12025550134")[:2], "+12025550134")


def test_hosting_orders(sdk):
    body = {"regionCode": "US", "numbers": ["+12025550140"], "servicePlanId": "plan", "directLoaInfo": LOA}
    status, order, _headers = raw(sdk, "POST", f"{BASE}/hostingOrders:textEnableNumbers", body)
    assert status == 200, order
    status, read, _headers = raw(sdk, "GET", f"{BASE}/hostingOrders/{order['hostingOrderId']}")
    assert status == 200 and read["hostingOrderId"] == order["hostingOrderId"]
    assert_flat_not_found(*raw(sdk, "GET", f"{BASE}/hostingOrders/no-such-order")[:2], "no-such-order")
    status, refused, _headers = raw(sdk, "POST", f"{BASE}/hostingOrders:importNumbers", {"regionCode": "US"})
    assert status == 400 and set(refused) == {"code", "message", "status"} and refused["code"] == "400"


def test_qualified_numbers(sdk):
    status, added, _headers = raw(sdk, "POST", f"{BASE}/qualifiedNumbers:addNumbers",
                                  {"phoneNumbers": ["+12025550150"]})
    assert status == 200, added
    assert [number["phoneNumber"] for number in added["qualifiedNumbers"]] == ["+12025550150"]
    assert raw(sdk, "GET", f"{BASE}/qualifiedNumbers/+12025550150")[0] == 200
    assert_flat_not_found(*raw(sdk, "GET", f"{BASE}/qualifiedNumbers/+12025550199")[:2], "+12025550199")


def test_registrations_with_a_renewed_token(sim, sdk, admin):
    admin("POST", "/settings", {"tokenTtl": 2})
    body = {"policyId": SE_POLICY, "requestDetails": details()}
    status, created, _headers = raw(sdk, "POST", f"{BASE}/registrations", body)  # with a token of 2 s
    assert status == 200, created
    time.sleep(2.2)
    status, read, _headers = raw(sdk, "GET", f"{BASE}/registrations/{created['id']}")
    assert status == 200 and read["id"] == created["id"]
    statuses = [entry["status"] for entry in sim.requests() if entry["path"].endswith(created["id"])]
    assert statuses == [401, 200]


def test_unset_fields_are_omitted_not_null(sdk):
    """numbers.yaml types expireAt, scheduled*Provisioning and lastUpdatedTime as string/object, not nullable."""
    status, found, _headers = raw(sdk, "GET", f"{BASE}/availableNumbers",
                                  query={"regionCode": "US", "type": "LOCAL", "capabilities": "SMS", "size": 1})
    phone = found["availableNumbers"][0]["phoneNumber"]
    status, rented, _headers = raw(sdk, "POST", f"{BASE}/availableNumbers/{phone}:rent", {})
    assert status == 200, rented
    for answer in (rented, raw(sdk, "GET", f"{BASE}/activeNumbers/{phone}")[1]):
        assert "expireAt" not in answer
        assert "scheduledProvisioning" not in answer["smsConfiguration"]
        assert "scheduledVoiceProvisioning" not in answer["voiceConfiguration"]
        assert "lastUpdatedTime" not in answer["voiceConfiguration"]
        assert None not in _leaves(answer)


def _leaves(value):
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]
