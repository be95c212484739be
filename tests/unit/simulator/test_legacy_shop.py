"""Legacy endpoints: organisation, number shop, reservations, checkout and rented numbers."""

import time

import pytest
from legacy_helpers import ORG, SHOP, numbers_of
# Fixtures, used by name as test arguments.
from legacy_helpers import legacy, legacy_contract  # noqa: F401  # pylint: disable=unused-import


def reserve(legacy, group_id, quantity, check=True):
    return legacy.signed("PUT", SHOP, {"groupId": group_id, "quantity": quantity}, check=check)


def checkout(legacy, *references):
    return legacy.signed("POST", SHOP, {"referenceIds": list(references)})


def groups(legacy):
    response = legacy.signed("GET", SHOP)
    assert response.status_code == 200, response.text
    return {group["groupId"]: group for group in response.json()}


def test_shop_lists_the_groups(legacy):
    shop = groups(legacy)
    assert sorted(shop) == [1, 2, 13, 14, 20, 75]
    assert shop[13] == {"groupId": 13, "country": "US", "countryId": "US", "city": "SAN FRANCISCO", "type": "Voice",
                        "availability": 10, "areaCode": "415", "cost": {"amount": 2.0, "currencyId": "USD"}}


def test_shop_filters_by_number_type_and_refuses_unknown_types(legacy):
    response = legacy.signed("GET", SHOP, query="?type=sms")
    assert [group["groupId"] for group in response.json()] == [14, 75]
    response = legacy.signed("GET", SHOP, query="?type=fax")
    assert response.status_code == 400
    assert response.json()["message"] == "Invalid number type: fax.  Type must be one of: sms, voice."


def test_another_organisation_is_forbidden(legacy):
    response = legacy.signed("GET", "/v1/organisations/id/1234/numbers")
    assert response.status_code == 403
    assert response.json()["errorCode"] == 40300
    assert response.json()["message"] == "The current user is not the owner of the organisation: 1234"


def test_reserve_then_checkout_rents_the_numbers(legacy, admin):
    before = numbers_of(legacy.signed("GET", ORG + "/numbers"))
    response = reserve(legacy, 13, 2)
    assert response.status_code == 200
    assert groups(legacy)[13]["availability"] == 8
    assert numbers_of(legacy.signed("GET", ORG + "/numbers")) == before
    answer = checkout(legacy, response.json()["referenceId"])
    assert answer.status_code == 204 and answer.content == b""
    rented = numbers_of(legacy.signed("GET", ORG + "/numbers"))
    assert sorted(set(rented) - set(before)) == [14150005552, 14150005553]
    assert admin("GET", "/legacy/state")["credit"] == 96.0


def test_a_reservation_checks_out_once(legacy):
    reference = reserve(legacy, 75, 1).json()["referenceId"]
    assert checkout(legacy, reference).status_code == 204
    again = checkout(legacy, reference)
    assert again.status_code == 404
    assert again.json()["errorCode"] == 40400


# valid: the body has the document's shape, so the exchange is checked against the contract too.
@pytest.mark.parametrize("body, valid, code, message", [
    ({"quantity": 1}, False, 40002, "No groupId's specified"),
    ({"groupId": 99, "quantity": 1}, True, 40003, "Invalid number group: 99"),
    ({"groupId": [1, 2], "quantity": 1}, False, 40003, "Too many number groups specified.  Unable to complete request."),
    ({"groupId": 2, "quantity": 3}, True, 40003, "Only 2 numbers are available in number group 2."),
    ({"groupId": 2, "quantity": 0}, True, 40001, "quantity must be a positive integer."),
    ({"groupId": 2}, False, 40002, "quantity is missing."),
])
def test_reserve_refusals(legacy, body, valid, code, message):
    response = legacy.signed("PUT", SHOP, body, check=valid)
    assert response.status_code == code // 100
    assert response.json()["errorCode"] == code
    assert response.json()["message"] == message


def test_checkout_without_credit_rents_nothing_and_keeps_the_reservation(legacy, admin):
    admin("POST", "/legacy/settings", {"credit": 3.0})
    reference = reserve(legacy, 13, 2).json()["referenceId"]
    response = checkout(legacy, reference)
    assert response.status_code == 402
    assert response.json()["message"] == "Insufficient funds to complete the transaction."
    state = admin("GET", "/legacy/state")
    assert [r["referenceId"] for r in state["reservations"]] == [reference]
    assert len(state["rented"]) == 3
    assert state["credit"] == 3.0


def test_checkout_without_accounting(legacy, admin):
    admin("POST", "/legacy/settings", {"accountingEnabled": False})
    response = checkout(legacy, reserve(legacy, 1, 1).json()["referenceId"])
    assert response.status_code == 422
    assert response.json()["errorCode"] == 42200


def test_checkout_is_all_or_nothing(legacy, admin):
    reference = reserve(legacy, 1, 1).json()["referenceId"]
    response = checkout(legacy, reference, "00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json()["message"] == (
        "Unable to assign numbers to organization: reservation(s) not found or expired")
    assert len(admin("GET", "/legacy/state")["rented"]) == 3


def test_checkout_needs_references(legacy):
    response = legacy.signed("POST", SHOP, {"referenceIds": []})
    assert response.status_code == 400
    assert response.json()["errorCode"] == 40002


def test_reservations_expire_and_give_their_numbers_back(legacy, admin):
    admin("POST", "/legacy/settings", {"reservationTtl": 0.2})
    reference = reserve(legacy, 2, 2).json()["referenceId"]
    assert groups(legacy)[2]["availability"] == 0
    time.sleep(0.3)
    assert groups(legacy)[2]["availability"] == 2
    assert checkout(legacy, reference).status_code == 404


def test_rented_numbers_show_their_application(legacy):
    rented = legacy.signed("GET", ORG + "/numbers").json()
    by_number = {number["number"]: number for number in rented}
    assert by_number[14150005551]["applicationKey"] == "bb7b4e39-4227-4913-8c81-2db4abb54fb3"
    assert "applicationKey" not in by_number[14150005550]
    assert by_number[15045550100]["capabilities"] == ["sms"]


def test_admin_rents_numbers_directly(legacy, admin):
    admin("POST", "/legacy/rented", {"groupId": 20, "count": 2})
    rented = numbers_of(legacy.signed("GET", ORG + "/numbers"))
    assert {46850000100, 46850000101} <= set(rented)


def test_reset_restores_the_legacy_state(legacy, admin, anon):
    admin("POST", "/legacy/rented", {"groupId": 20, "count": 1})
    admin("POST", "/legacy/settings", {"credit": 0})
    assert anon.post("/_sim/reset").status_code == 200
    state = admin("GET", "/legacy/state")
    assert len(state["rented"]) == 3 and state["credit"] == 100.0 and state["instances"] == 0
