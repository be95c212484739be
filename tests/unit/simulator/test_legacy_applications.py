"""Legacy endpoints: the numbers of applications (GET, PUT overwrite, DELETE), and contract coverage."""

import pytest
from legacy_contract import LegacyContract
from legacy_helpers import APP, ORG, OTHER_APP, SHOP, LegacyApi, numbers_of
# Fixtures, used by name as test arguments.
from legacy_helpers import legacy, legacy_contract  # noqa: F401  # pylint: disable=unused-import

NUMBERS = f"/v1/applications/key/{APP}/numbers"


def test_an_application_lists_its_numbers(legacy):
    response = legacy.signed("GET", NUMBERS)
    assert numbers_of(response) == [14150005551]
    assert response.json()[0]["applicationKey"] == APP


def test_an_unknown_application_is_not_found(legacy):
    response = legacy.signed("GET", "/v1/applications/key/nope/numbers")
    assert response.status_code == 404
    assert response.json()["message"] == "Application with the key nope was not found."


def test_put_overwrites_the_list_of_its_capability_only(legacy):
    assert legacy.signed("PUT", NUMBERS + "/sms", {"numbers": [15045550100]}).status_code == 200
    response = legacy.signed("PUT", NUMBERS + "/voice", {"numbers": [14150005550]})
    assert numbers_of(response) == [14150005550, 15045550100]
    assert numbers_of(legacy.signed("GET", NUMBERS)) == [14150005550, 15045550100]
    rented = {n["number"]: n for n in legacy.signed("GET", ORG + "/numbers").json()}
    assert "applicationKey" not in rented[14150005551]


def test_put_moves_a_number_from_another_application(legacy):
    legacy.signed("PUT", f"/v1/applications/key/{OTHER_APP}/numbers/voice", {"numbers": [14150005551]})
    assert numbers_of(legacy.signed("GET", NUMBERS)) == []


def test_put_with_an_empty_list_empties_the_capability(legacy):
    assert numbers_of(legacy.signed("PUT", NUMBERS + "/voice", {"numbers": []})) == []


@pytest.mark.parametrize("suffix, body, valid, status, message", [
    ("/fax", {"numbers": [14150005550]}, False, 400, "Invalid number type: fax.  Type must be one of: sms, voice."),
    ("/voice", {"numbers": [14155550199]}, True, 400, "Number 14155550199 is not a number of the organisation."),
    ("/voice", {"numbers": [15045550100]}, True, 400, "Number 15045550100 is a sms number, not voice."),
    ("/voice", {"numbers": ["+14150005550"]}, False, 400,
     "numbers must be a list of numbers (integers, international format without '+')."),
    ("/voice", {}, False, 400, "numbers is missing."),
])
def test_put_refusals_change_nothing(legacy, suffix, body, valid, status, message):
    response = legacy.signed("PUT", NUMBERS + suffix, body, check=valid)
    assert response.status_code == status
    assert response.json()["message"] == message
    assert numbers_of(legacy.signed("GET", NUMBERS)) == [14150005551]


def test_delete_unassigns_one_number_and_keeps_it_rented(legacy):
    response = legacy.signed("DELETE", NUMBERS + "/14150005551")
    assert response.status_code == 204 and response.content == b""
    assert numbers_of(legacy.signed("GET", NUMBERS)) == []
    assert 14150005551 in numbers_of(legacy.signed("GET", ORG + "/numbers"))


def test_delete_of_a_number_not_on_the_application_changes_nothing(legacy):
    assert legacy.signed("DELETE", NUMBERS + "/14150005550").status_code == 204
    assert numbers_of(legacy.signed("GET", NUMBERS)) == [14150005551]


def test_delete_needs_a_number(legacy):
    response = legacy.signed("DELETE", NUMBERS + "/+14150005551")
    assert response.status_code == 400
    assert response.json()["message"] == "The 'number' specified is not a valid number."


def test_temporary_outage_answers_50300_then_recovers(legacy, admin):
    admin("POST", "/legacy/settings", {"applicationsDown": 2})
    for _attempt in range(2):
        response = legacy.signed("GET", NUMBERS)
        assert response.status_code == 503
        assert response.json()["errorCode"] == 50300
    assert legacy.signed("GET", NUMBERS).status_code == 200


def test_every_operation_of_the_document_is_served_as_documented(sim, admin):
    contract = LegacyContract()
    api = LegacyApi(sim.url, contract).start()
    api.signed("GET", "/v1/organisations")
    api.signed("GET", SHOP)
    reference = api.signed("PUT", SHOP, {"groupId": 13, "quantity": 1}).json()["referenceId"]
    api.signed("POST", SHOP, {"referenceIds": [reference]})
    api.signed("GET", ORG + "/numbers")
    api.signed("GET", NUMBERS)
    api.signed("PUT", NUMBERS + "/voice", {"numbers": [14150005551, 14150005552]})
    api.signed("DELETE", NUMBERS + "/14150005552")
    api.close()
    assert contract.checked == {operation.title for operation in contract.operations}
    assert len(contract.operations) == 10
