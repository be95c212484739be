"""The legacy contract itself: what it reads from the document, and that it catches drift."""

import json

import pytest
import requests
from legacy_contract import ContractViolation, LegacyContract

BASE = "http://sim"


def exchange(method, path, request_body, status, answer):
    prepared = requests.Request(method, BASE + path, data=json.dumps(request_body) if request_body is not None else None,
                                headers={"Content-Type": "application/json"}).prepare()
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(answer).encode()  # pylint: disable=protected-access
    response.request = prepared
    return response


NUMBER = {"number": 14150005550, "groupId": 13, "capabilities": ["voice"], "countryId": "US", "city": "SAN FRANCISCO",
          "country": "US", "areaCode": "415", "expires": "2015-12-31T23:59:59+00:00",
          "cost": {"amount": 0.0, "currencyId": "USD"}}


@pytest.fixture(scope="module")
def contract():
    return LegacyContract()


def test_the_document_yields_its_ten_operations_with_hosts(contract):
    hosts = {(op.method, op.template): op.host for op in contract.operations}
    assert hosts[("POST", "/v1/users/{type}/{identity}/authentication")] == "userapi.sinch.com"
    assert hosts[("POST", "/v1/instance")] == "api.sinch.com"
    assert hosts[("GET", "/v1/organisations/id/{organisationId}/numbers")] == "portalapi.sinch.com"
    assert len(hosts) == 10


def test_a_documented_answer_passes(contract):
    assert contract.check(exchange("GET", "/v1/organisations/id/1/numbers", None, 200, [NUMBER])) == \
        "List all rented numbers"


@pytest.mark.parametrize("answer, complaint", [
    ([{k: v for k, v in NUMBER.items() if k != "groupId"}], "'groupId' is a required property"),
    ([dict(NUMBER, extra=1)], "Additional properties are not allowed"),
    ([dict(NUMBER, number="+14150005550")], "is not of type 'integer'"),
    ([dict(NUMBER, cost={"amount": 1})], "'currencyId' is a required property"),
])
def test_drift_in_an_answer_is_caught(contract, answer, complaint):
    with pytest.raises(ContractViolation, match=complaint):
        contract.check(exchange("GET", "/v1/organisations/id/1/numbers", None, 200, answer))


def test_a_request_body_of_the_wrong_shape_is_caught(contract):
    with pytest.raises(ContractViolation, match="'quantity' is a required property"):
        contract.check(exchange("PUT", "/v1/organisations/id/1/numbers/shop", {"groupId": 1}, 200,
                                {"referenceId": "r"}))


def test_an_undocumented_error_code_is_caught(contract):
    error = {"errorCode": 40200, "message": "no", "reference": "r"}
    with pytest.raises(ContractViolation, match="not documented"):
        contract.check(exchange("GET", "/v1/organisations/id/1/numbers", None, 402, error))


def test_an_error_code_with_the_wrong_status_is_caught(contract):
    error = {"errorCode": 40300, "message": "no", "reference": "r"}
    with pytest.raises(ContractViolation, match="does not go with HTTP 400"):
        contract.check(exchange("GET", "/v1/organisations/id/1/numbers", None, 400, error))


def test_a_body_on_a_no_content_answer_is_caught(contract):
    with pytest.raises(ContractViolation, match="204"):
        contract.check(exchange("POST", "/v1/organisations/id/1/numbers/shop", {"referenceIds": ["r"]}, 200,
                                {"rented": 1}))
