"""Markets, policies and registrations listings: filters, order and paging."""

import pytest

from registrations_helpers import REGISTRATIONS, create, details, field_violations, schedule
from registrations_helpers import oauth  # noqa: F401  pylint: disable=unused-import
from sim_helpers import BASE


def all_pages(session, path, items, **query):
    found, token, sent = [], None, 0
    while True:
        response = session.get(path, params=dict(query, pageToken=token) if token else query)
        assert response.status_code == 200, response.text
        sent += 1
        body = response.json()
        found += body[items]
        token = body["nextPageToken"]
        if not token:
            return found, sent


def test_markets_by_type_and_language(oauth):
    markets = oauth.get(f"{BASE}/markets/availability").json()["markets"]
    assert [item["marketCode"] for item in markets] == ["AE", "GB", "MK", "SE"]  # KW's version is DISABLED
    swedish = oauth.get(f"{BASE}/markets/availability", params={"marketCode": "SE", "language": "sv"}).json()
    assert swedish == {"markets": [{"marketCode": "SE", "marketName": "Sverige"}]}
    long_numbers = oauth.get(f"{BASE}/markets/availability", params={"registrationType": "LONG_NUMBER"}).json()
    assert [item["marketCode"] for item in long_numbers["markets"]] == ["AU", "US"]


def test_market_versions_page_and_hide_disabled_policies(oauth):
    versions, sent = all_pages(oauth, f"{BASE}/markets/details", "marketVersions", pageSize=3)
    assert sent == 2 and [item["marketCode"] for item in versions] == ["AE", "GB", "MK", "SE"]
    ae = versions[0]["specialConditions"]
    assert ae["chainedSpecialConditions"][1]["chainedSpecialConditions"][1]["policyId"] == "pol-ae-intl-1"
    active = oauth.get(f"{BASE}/markets/details", params={"marketCode": "AE", "activePolicies": "true"}).json()
    branch = active["marketVersions"][0]["specialConditions"]["chainedSpecialConditions"][1]
    assert [item["answer"] for item in branch["chainedSpecialConditions"]] == ["Yes"]


def test_policy_template_is_a_file(oauth):
    response = oauth.get(f"{BASE}/policies/pol-se-alpha-2/attachments/att-loa/template")
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.content.startswith(b"%PDF-1.4")
    assert oauth.get(f"{BASE}/policies/pol-ae-local-1/attachments/att-ae-trade-license/template").status_code == 404


@pytest.fixture
def three(oauth, admin):
    schedule(admin, inQueueSeconds=3600)
    made = [create(oauth, sender="BRAVO", tags=["#t", "#b"]), create(oauth, sender="ALPHA", tags=["#t"]),
            create(oauth, policy="pol-gb-alpha-1", sender="CHARLIE", tags=["#t", "#c"])]
    create(oauth, policy="pol-us-long-1", tags=["#t"], requestDetails=details("+12065550100", contact=False))
    return made


def ids(response):
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["registrations"]]


def test_filters(oauth, admin, three):
    bravo, alpha, charlie = (item["id"] for item in three)
    assert ids(oauth.get(REGISTRATIONS, params={"tags": ["#t", "#b"]})) == [bravo]
    assert ids(oauth.get(REGISTRATIONS, params={"marketCode": "GB"})) == [charlie]
    assert ids(oauth.get(REGISTRATIONS, params={"senderId": "ALPHA"})) == [alpha]
    assert len(ids(oauth.get(REGISTRATIONS, params={"registrationType": "LONG_NUMBER"}))) == 1
    assert len(ids(oauth.get(REGISTRATIONS))) == 3  # the default type is ALPHANUMERIC_SENDER_ID
    admin("POST", f"/registrations/{alpha}/status", {"status": "APPROVED"})
    assert ids(oauth.get(REGISTRATIONS, params={"registrationState": "APPROVED"})) == [alpha]
    assert ids(oauth.get(REGISTRATIONS, params={"createDateFrom": "2999-01-01"})) == []
    assert len(ids(oauth.get(REGISTRATIONS, params={"createDateTo": "2999-01-01", "updateDateFrom": "2000-01-01"}))) == 3


def test_order_and_paging(oauth, three):
    by_sender, sent = all_pages(oauth, REGISTRATIONS, "registrations", orderBy="senderId,desc", pageSize=1)
    assert sent == 3
    assert [item["requestDetails"][0]["senderIdDetails"][0]["senderId"] for item in by_sender] == ["CHARLIE", "BRAVO", "ALPHA"]
    first = oauth.get(REGISTRATIONS, params={"pageSize": 2}).json()
    assert first["totalSize"] == 3 and len(first["registrations"]) == 2 and first["nextPageToken"]
    assert [item["id"] for item in first["registrations"]] == [three[0]["id"], three[1]["id"]]  # createDate order


def test_bad_queries(oauth):
    assert field_violations(oauth.get(REGISTRATIONS, params={"orderBy": "price"})) == {"orderBy"}
    assert field_violations(oauth.get(REGISTRATIONS, params={"createDateFrom": "yesterday"})) == {"createDateFrom"}
    token = oauth.get(REGISTRATIONS, params={"pageSize": 1, "tags": ["#x"]}).json()["nextPageToken"]
    assert token == ""
    assert field_violations(oauth.get(REGISTRATIONS, params={"pageToken": "garbage"})) == {"pageToken"}


def test_a_page_token_belongs_to_its_listing(oauth, three):
    token = oauth.get(REGISTRATIONS, params={"pageSize": 1}).json()["nextPageToken"]
    other = oauth.get(REGISTRATIONS, params={"pageSize": 1, "orderBy": "id", "pageToken": token})
    assert field_violations(other) == {"pageToken"}
