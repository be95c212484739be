"""Fixtures and helpers for the Sender ID Registrations API tests (an OAuth2 session, bodies)."""

import pytest

from registrations_contract import callback_contract, registrations_contract
from sim_helpers import BASE, KEY_ID, KEY_SECRET, Session

REGISTRATIONS = f"{BASE}/registrations"
SE_POLICY = "pol-se-alpha-2"
AE_POLICY = "pol-ae-local-1"


def token(sim):
    with Session(sim.url) as anon:
        response = anon.post("/oauth2/token", data={"grant_type": "client_credentials"}, auth=(KEY_ID, KEY_SECRET))
        assert response.status_code == 200, response.text
        return response.json()["access_token"]


@pytest.fixture
def oauth(sim):
    """A session with a bearer token: the only credentials the registrations API accepts."""
    with Session(sim.url) as session:
        session.headers["Authorization"] = f"Bearer {token(sim)}"
        yield session


@pytest.fixture(scope="session")
def reg_contract():
    return registrations_contract()


@pytest.fixture(scope="session")
def cb_contract():
    return callback_contract()


def details(sender="ACME", use_case="One-time passwords", contact=True):
    """Request details the simulator's policies accept (contact=False for those without contact fields)."""
    additional = {"companyName": "ACME AB", "email": "ops@acme.example"} if contact else {"companyName": "ACME AB"}
    return [{"senderIdDetails": [{"senderId": sender, "useCase": use_case}], "additionalDetails": [additional]}]


def create(session, policy=SE_POLICY, sender="ACME", **fields):
    body = {"policyId": policy, "requestDetails": details(sender), **fields}
    response = session.post(REGISTRATIONS, json=body)
    assert response.status_code == 200, response.text
    return response.json()


def get(session, registration_id):
    response = session.get(f"{REGISTRATIONS}/{registration_id}")
    assert response.status_code == 200, response.text
    return response.json()


def upload(session, registration_id, attachment_id, content=b"%PDF-1.4 test", name="doc.pdf", mime="application/pdf"):
    return session.post(f"{REGISTRATIONS}/{registration_id}/attachments/{attachment_id}",
                        files={"file": (name, content, mime)})


def schedule(admin, **values):
    return admin("POST", "/registrations/schedule", values)


def field_violations(response):
    assert response.status_code == 400, response.text
    return {item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]}
