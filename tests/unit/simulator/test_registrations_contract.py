"""Contract tests: the registrations simulator's requests and answers against senderid-registrations.yaml.

See registrations_contract.py for the spec adjustments and why each exists.
"""

import pytest

from openapi_contract import load
from registrations_contract import REGISTRATIONS_SPEC
from registrations_helpers import AE_POLICY, REGISTRATIONS, SE_POLICY, create, details, schedule, upload
from registrations_helpers import oauth, reg_contract  # noqa: F401  pylint: disable=unused-import
from sim_helpers import BASE, KEY_ID, KEY_SECRET

pytestmark = pytest.mark.filterwarnings("ignore:Unsupported scheme type:UserWarning")


def exchange(contract, response, status=200):
    assert response.status_code == status, response.text
    contract.check(response)
    return response


def test_every_operation_answers_per_contract(oauth, admin, reg_contract):
    schedule(admin, inQueueSeconds=3600)

    def check(response):
        return exchange(reg_contract, response)

    check(oauth.put(f"{BASE}/callback-configuration", json={"hmacSecret": "s3cret-value"}))
    check(oauth.get(f"{BASE}/callback-configuration"))
    check(oauth.get(f"{BASE}/markets/availability", params={"language": "es"}))
    check(oauth.get(f"{BASE}/markets/availability", params={"marketCode": "US", "registrationType": "LONG_NUMBER"}))
    page = check(oauth.get(f"{BASE}/markets/details", params={"pageSize": 2})).json()
    check(oauth.get(f"{BASE}/markets/details", params={"pageSize": 2, "pageToken": page["nextPageToken"]}))
    check(oauth.get(f"{BASE}/markets/details", params={"marketCode": "AE", "activePolicies": "true"}))
    check(oauth.get(f"{BASE}/policies/{AE_POLICY}"))
    check(oauth.get(f"{BASE}/policies/{AE_POLICY}/attachments/att-ae-authorization/template"))
    body = {"policyId": AE_POLICY, "requestDetails": details(), "tags": ["#a-1"],
            "notificationContacts": ["ops@acme.example"], "callbackUrl": "https://hooks.example/cb"}
    created = check(oauth.post(REGISTRATIONS, json=body)).json()
    path = f"{REGISTRATIONS}/{created['id']}"
    check(upload(oauth, created["id"], "att-ae-trade-license", content=b"\x00\x01 binary \xff"))
    check(oauth.get(f"{path}/attachments/att-ae-trade-license"))
    check(oauth.put(path, json={"tags": ["#a-2"], "requestDetails": details(use_case="Alerts")}))
    check(oauth.get(path))
    query = {"registrationState": "PENDING_ATTACHMENTS", "tags": ["#a-2"], "marketCode": "AE", "senderId": "ACME",
             "createDateFrom": "2000-01-01", "updateDateTo": "2999-12-31", "orderBy": "senderId,desc",
             "pageSize": 5, "registrationType": "ALPHANUMERIC_SENDER_ID"}
    assert check(oauth.get(REGISTRATIONS, params=query)).json()["totalSize"] == 1
    check(upload(oauth, created["id"], "att-ae-authorization"))  # PENDING_ATTACHMENTS -> IN_QUEUE
    check(oauth.delete(path))
    assert reg_contract.checked == reg_contract.operations


@pytest.mark.parametrize(
    "method, path, kwargs, status",
    [
        ("GET", f"{REGISTRATIONS}/01nothere", {}, 404),
        ("PUT", f"{REGISTRATIONS}/01nothere", {"json": {"tags": []}}, 404),
        ("DELETE", f"{REGISTRATIONS}/01nothere", {}, 404),
        ("GET", f"{BASE}/policies/pol-nothere", {}, 404),
        ("GET", f"{BASE}/policies/{SE_POLICY}/attachments/att-nothere/template", {}, 404),
        ("POST", REGISTRATIONS, {"json": {"requestDetails": []}}, 400),
        ("POST", REGISTRATIONS, {"json": {"policyId": SE_POLICY, "tags": ["nohash"], "requestDetails": details()}}, 400),
        ("POST", REGISTRATIONS, {"json": {"policyId": "pol-ae-intl-1", "requestDetails": details()}}, 400),
        ("PUT", f"{BASE}/callback-configuration", {"json": {"hmacSecret": ""}}, 400),
        ("GET", "/v1/projects/nope/registrations", {}, 404),
    ],
)
def test_error_answers_have_the_documented_shape(oauth, reg_contract, method, path, kwargs, status):
    exchange(reg_contract, oauth.request(method, path, **kwargs), status)


def test_refused_basic_credentials_answer_a_rest_error(anon, reg_contract):
    exchange(reg_contract, anon.get(REGISTRATIONS, auth=(KEY_ID, KEY_SECRET)), 401)


@pytest.mark.parametrize(
    "method, path, kwargs",
    [
        ("GET", REGISTRATIONS, {"params": {"registrationState": "DONE"}}),
        ("GET", REGISTRATIONS, {"params": {"registrationType": "SHORT_CODE"}}),
        ("GET", REGISTRATIONS, {"params": {"marketCode": "se"}}),
        ("GET", REGISTRATIONS, {"params": {"pageSize": "ten"}}),
        ("GET", f"{BASE}/markets/availability", {"params": {"marketCode": "Sweden"}}),
        ("GET", f"{BASE}/markets/availability", {"params": {"language": "english"}}),
        ("GET", f"{BASE}/markets/details", {"params": {"activePolicies": "maybe"}}),
        pytest.param("POST", REGISTRATIONS, {"json": {"requestDetails": details()}}, id="create without policy"),
    ],
)
def test_requests_the_spec_rejects_are_rejected(oauth, reg_contract, method, path, kwargs):
    reg_contract.assert_rejected_by_both(oauth.request(method, path, **kwargs))


def _registration_mutations():
    return {
        "renamed field": lambda r: r.update(policy_id=r.pop("policyId")),
        "extra field": lambda r: r.update(marketCode="SE"),
        "missing field": lambda r: r.pop("etaDate"),
        "unknown status": lambda r: r.update(status="SUBMITTED"),
        "unknown type": lambda r: r.update(registrationType="SHORT_CODE"),
        "tags not a list": lambda r: r.update(tags="#a"),
        "log entry renamed": lambda r: r["logs"][0].update(state=r["logs"][0].pop("registrationState")),
        "price as number": lambda r: r["price"].update(setupFeeAmount=5),
        "attachment status unknown": lambda r: r["attachments"][0].update(uploadStatus="DONE"),
    }


@pytest.mark.parametrize("mutation", sorted(_registration_mutations()))
def test_drift_in_a_registration_is_caught(oauth, reg_contract, mutation):
    created = create(oauth)
    upload(oauth, created["id"], "att-loa")
    response = exchange(reg_contract, oauth.get(f"{REGISTRATIONS}/{created['id']}"))
    reg_contract.assert_catches(response, _registration_mutations()[mutation])


@pytest.mark.parametrize(
    "mutation",
    [
        pytest.param(lambda b: b.update(attachments=[{"id": "x", "title": "y"}]), id="partial definition"),
        pytest.param(lambda b: b.update(policyStatus="ACTIVE"), id="unknown policy status"),
        pytest.param(lambda b: b["price"].update(mode="FREE"), id="unknown price mode"),
        pytest.param(lambda b: b.pop("jsonPolicy"), id="no json policy"),
    ],
)
def test_drift_in_a_policy_is_caught(oauth, reg_contract, mutation):
    reg_contract.assert_catches(exchange(reg_contract, oauth.get(f"{BASE}/policies/{SE_POLICY}")), mutation)


def test_the_spec_still_types_the_upload_body_as_one_string():
    """If the spec names the multipart part, drop registrations_contract.describe_multipart_upload."""
    operation = load(REGISTRATIONS_SPEC)["paths"][
        "/v1/projects/{projectId}/registrations/{registrationId}/attachments/{attachmentId}"]["post"]
    assert operation["requestBody"]["content"]["multipart/form-data"]["schema"] == {"format": "binary", "type": "string"}
