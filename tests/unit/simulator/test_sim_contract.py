"""Contract tests: the simulator's real requests and answers checked against specs/numbers.yaml.

See sim_contract.py for the spec adjustments (deviations and strictness) and why each exists.
"""

import time

import pytest

from sim_contract import load_spec_document
from sim_helpers import BASE, PROVISIONING_DELAY, seed_active

ACTIVE = f"{BASE}/activeNumbers"
AVAILABLE = f"{BASE}/availableNumbers"

# openapi-core has no validator for the spec's oauth2 security scheme and warns about it;
# the requests here use HTTP Basic, the spec's other scheme, which it does check.
pytestmark = pytest.mark.filterwarnings("ignore:Unsupported scheme type:UserWarning")


def exchange(contract, response, status=200):
    assert response.status_code == status, response.text
    contract.check(response)
    return response.json()


def test_every_operation_of_the_spec_answers_per_contract(api, admin, contract):
    seen = set()

    def check(response, status=200):
        seen.add(contract.check(response))
        assert response.status_code == status, response.text
        return response.json()

    check(api.get(f"{BASE}/availableRegions"))
    check(api.get(f"{BASE}/availableRegions", params={"types": ["MOBILE", "TOLL_FREE"]}))
    query = {"regionCode": "US", "type": "LOCAL", "numberPattern.pattern": "+1206", "numberPattern.searchPattern": "START",
             "capabilities": ["SMS", "VOICE"], "size": 5}
    phones = [number["phoneNumber"] for number in check(api.get(AVAILABLE, params=query))["availableNumbers"]]
    check(api.get(f"{AVAILABLE}/{phones[0]}"))
    rent_body = {"smsConfiguration": {"servicePlanId": "plan-1", "campaignId": "camp-1"},
                 "voiceConfiguration": {"appId": "app-1"}, "callbackUrl": "https://example.com/cb"}
    check(api.post(f"{AVAILABLE}/{phones[0]}:rent", json=rent_body))
    check(api.post(f"{AVAILABLE}/{phones[1]}:rent", json={"voiceConfiguration": {"type": "EST", "trunkId": "trunk-1"}}))
    check(api.post(f"{AVAILABLE}/{phones[2]}:rent", json={"smsConfiguration": {"servicePlanId": "fail-plan"}}))
    seed_active(admin, 30, displayNamePrefix="c-")
    listed = check(api.get(ACTIVE, params={"regionCode": "US", "type": "LOCAL", "pageSize": 10, "orderBy": "displayName"}))
    check(api.get(ACTIVE, params={"regionCode": "US", "type": "LOCAL", "pageSize": 10, "orderBy": "displayName",
                                  "pageToken": listed["nextPageToken"]}))
    check(api.get(ACTIVE, params={"regionCode": "US", "type": "LOCAL", "capability": ["SMS", "VOICE"],
                                  "numberPattern.pattern": "0", "numberPattern.searchPattern": "CONTAIN"}))
    patch = {"displayName": "desk", "smsConfiguration": {"servicePlanId": "plan-2"},
             "voiceConfiguration": {"appId": "app-2"}, "callbackUrl": "https://example.com/cb2"}
    check(api.patch(f"{ACTIVE}/{phones[0]}", json=patch))
    check(api.get(f"{ACTIVE}/{phones[0]}"))
    time.sleep(PROVISIONING_DELAY * 0.6)
    check(api.get(f"{ACTIVE}/{phones[0]}"))  # IN_PROGRESS
    time.sleep(PROVISIONING_DELAY * 0.5)
    check(api.get(ACTIVE, params={"regionCode": "US", "type": "LOCAL", "pageSize": 1000}))  # settled and FAILED
    check(api.post(f"{ACTIVE}/{phones[1]}:release"))
    assert seen == contract.operations


@pytest.mark.parametrize(
    "method, path, kwargs, status",
    [
        ("GET", ACTIVE, {"params": {"regionCode": "US"}}, 400),
        ("GET", AVAILABLE, {"params": {"type": "LOCAL"}}, 400),
        ("GET", f"{ACTIVE}/+12065559999", {}, 404),
        ("GET", f"{AVAILABLE}/+12065559999", {}, 404),
        ("POST", f"{AVAILABLE}/+12065559999:rent", {"json": {}}, 404),
        ("POST", f"{ACTIVE}/+12065559999:release", {}, 404),
        ("PATCH", f"{ACTIVE}/+12065559999", {"json": {"displayName": "x"}}, 404),
        ("GET", "/v1/projects/unknown/availableRegions", {}, 403),
    ],
)
def test_error_answers_have_the_documented_shape(api, contract, method, path, kwargs, status):
    exchange(contract, api.request(method, path, **kwargs), status)


@pytest.mark.parametrize(
    "method, path, kwargs",
    [
        ("GET", ACTIVE, {"params": {"regionCode": "US", "type": "FIXED"}}),
        ("GET", AVAILABLE, {"params": {"regionCode": "US", "type": "FIXED"}}),
        ("GET", AVAILABLE, {"params": {"regionCode": "US", "type": "LOCAL", "numberPattern.pattern": "1",
                                       "numberPattern.searchPattern": "NEAR"}}),
        ("GET", ACTIVE, {"params": {"regionCode": "US", "type": "LOCAL", "pageSize": "ten"}}),
        ("GET", f"{BASE}/availableRegions", {"params": {"types": "FIXED"}}),
        pytest.param("POST", f"{AVAILABLE}/+12065550100:rent", {"json": {"smsConfiguration": {"campaignId": "c"}}},
                     id="rent body without service plan"),
    ],
)
def test_requests_the_spec_rejects_are_rejected(api, contract, method, path, kwargs):
    contract.assert_rejected_by_both(api.request(method, path, **kwargs))


@pytest.mark.parametrize("operation_path", ["/v1/projects/{projectId}/activeNumbers", "/v1/projects/{projectId}/availableNumbers"])
def test_parameters_the_spec_requires_are_enforced(api, operation_path):
    """openapi-core does not flag these (the spec gives them defaults), so check them here."""
    spec = load_spec_document()
    parameters = spec["components"]["parameters"]
    declared = [parameters[item["$ref"].rsplit("/", 1)[1]] if "$ref" in item else item
                for item in spec["paths"][operation_path]["parameters"]]
    required = [param["name"] for param in declared if param.get("required") and param["in"] == "query"]
    assert sorted(required) == ["regionCode", "type"]
    full = {"regionCode": "US", "type": "LOCAL"}
    path = operation_path.replace("{projectId}", "demo-project")
    for name in required:
        response = api.get(path, params={key: value for key, value in full.items() if key != name})
        assert response.status_code == 400
        fields = [item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]]
        assert fields == [name]


def test_the_spec_still_has_the_contradiction_we_work_around():
    """If numbers.yaml gets fixed, drop sim_contract.fix_sms_required_key."""
    schemas = load_spec_document()["components"]["schemas"]
    sms = schemas["ActiveNumberResponse"]["properties"]["smsConfiguration"]
    assert sms["required"] == ["servicePlanID"]
    assert "servicePlanId" in sms["properties"]


def _rename(body, old, new):
    body[new] = body.pop(old)


def _active_number_mutations():
    return {
        "renamed field": lambda n: _rename(n, "displayName", "display_name"),
        "extra field": lambda n: n.update(releasedAt=None),
        "missing field": lambda n: n.pop("callbackUrl"),
        "wrong type": lambda n: n.update(paymentIntervalMonths="1"),
        "null display name": lambda n: n.update(displayName=None),
        "unset expireAt sent as null": lambda n: n.update(expireAt=None),
        "unset voice lastUpdatedTime sent as null": lambda n: n["voiceConfiguration"].update(lastUpdatedTime=None),
        "unknown number type": lambda n: n.update(type="FIXED"),
        "unknown capability": lambda n: n.update(capability=["MMS"]),
        "sms field renamed": lambda n: _rename(n["smsConfiguration"], "servicePlanId", "servicePlanID"),
        "scheduled status unknown": lambda n: n["smsConfiguration"]["scheduledProvisioning"].update(status="PENDING"),
        "scheduled error code unknown": lambda n: n["smsConfiguration"]["scheduledProvisioning"].update(errorCodes=["OOPS"]),
        "voice type unknown": lambda n: n["voiceConfiguration"].update(type="SIP"),
        "money amount as number": lambda n: n["money"].update(amount=1.0),
    }


@pytest.mark.parametrize("mutation", sorted(_active_number_mutations()))
def test_drift_in_an_active_number_is_caught(api, contract, mutation):
    response = api.post(f"{AVAILABLE}/+12065550100:rent", json={"smsConfiguration": {"servicePlanId": "p"}})
    exchange(contract, response)
    contract.assert_catches(response, _active_number_mutations()[mutation])


@pytest.mark.parametrize(
    "mutation",
    [
        pytest.param(lambda b: _rename(b, "nextPageToken", "next_page_token"), id="renamed token"),
        pytest.param(lambda b: b.pop("totalSize"), id="missing totalSize"),
        pytest.param(lambda b: b.update(totalSize="1"), id="totalSize as string"),
        pytest.param(lambda b: b["activeNumbers"][0].pop("smsConfiguration"), id="item without smsConfiguration"),
    ],
)
def test_drift_in_a_listing_is_caught(api, admin, contract, mutation):
    seed_active(admin, 2)
    response = api.get(ACTIVE, params={"regionCode": "US", "type": "LOCAL", "pageSize": 1})
    exchange(contract, response)
    contract.assert_catches(response, mutation)


@pytest.mark.parametrize(
    "mutation",
    [
        pytest.param(lambda b: _rename(b, "monthlyPrice", "monthly_price"), id="renamed field"),
        pytest.param(lambda b: b.update(supportingDocumentationRequired="no"), id="wrong type"),
        pytest.param(lambda b: b["setupPrice"].pop("currencyCode"), id="money without currency"),
    ],
)
def test_drift_in_an_available_number_is_caught(api, contract, mutation):
    response = api.get(f"{AVAILABLE}/+12065550100")
    exchange(contract, response)
    contract.assert_catches(response, mutation)
