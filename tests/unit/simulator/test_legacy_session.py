"""Legacy endpoints: log-in, instances, and the checking of schemes, timestamps and signatures."""

import pytest
from legacy_contract import signed_examples
from legacy_helpers import ADMIN_KEY, EMAIL, now_stamp, signature
# Fixtures, used by name as test arguments.
from legacy_helpers import fresh, legacy, legacy_contract  # noqa: F401  # pylint: disable=unused-import
from simulator.legacy.auth import sign

# Every instance-signed example of specs/legacy-number-administration.md. The document's
# "Add numbers to an application" request is a PUT, but its signature is that of a GET: a slip.
EXAMPLES = signed_examples()
SIGNED_AS = {"Add numbers to an application (Overwrite)": "GET"}


def test_the_document_has_eight_signed_examples():
    assert len(EXAMPLES) == 8
    assert {example.title for example in EXAMPLES} >= set(SIGNED_AS)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.title for example in EXAMPLES])
def test_the_simulator_verifies_the_documents_examples(example):
    method = SIGNED_AS.get(example.title, example.method)
    assert sign(example.secret, method, example.body, "application/json", example.stamp,
                example.path) == example.signature


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.title for example in EXAMPLES])
def test_the_test_client_signs_the_documents_examples(example):
    method = SIGNED_AS.get(example.title, example.method)
    assert signature(example.secret, method, example.body, "application/json", example.stamp,
                     example.path) == example.signature


def test_log_in_returns_a_user_authorization(fresh):
    response = fresh.log_in()
    assert response.status_code == 200
    body = response.json()
    assert body["user"]["identities"] == [{"type": "email", "endpoint": EMAIL}]
    assert ":" in body["authorization"]


@pytest.mark.parametrize("kwargs, status, code", [
    ({"password": "wrong"}, 401, 40108),
    ({"email": "someone@example.com"}, 401, 40108),
    ({"key": "bb7b4e39-4227-4913-8c81-2db4abb54fb3"}, 401, 40100),
    ({"stamp": "2015-06-20T11:43:10.944Z"}, 401, 40101),
    ({"stamp": "yesterday"}, 401, 40101),
])
def test_log_in_refusals(fresh, kwargs, status, code):
    response = fresh.log_in(**kwargs)
    assert response.status_code == status
    assert response.json()["errorCode"] == code
    assert "wrong" not in response.text


def test_log_in_needs_the_application_scheme(fresh):
    response = fresh.send("POST", f"/v1/users/email/{EMAIL}/authentication", {"password": "x"},
                          {"Authorization": f"Instance {ADMIN_KEY}", "X-Timestamp": now_stamp()})
    assert response.status_code == 403
    assert response.json()["message"] == "The authorization scheme 'application' is required."


def test_log_in_needs_a_password(fresh):
    response = fresh.send("POST", f"/v1/users/email/{EMAIL}/authentication", {"password": ""},
                          {"Authorization": f"Application {ADMIN_KEY}", "X-Timestamp": now_stamp()})
    assert response.status_code == 400
    assert response.json()["errorCode"] == 40002


def test_instance_has_a_base64_secret_and_announces_its_lifetime(fresh):
    fresh.log_in()
    response = fresh.create_instance()
    assert response.status_code == 200
    assert response.json()["expiresIn"] == 172800


def test_instance_lifetime_can_be_left_unannounced(fresh, admin):
    admin("POST", "/legacy/settings", {"announceInstanceExpiry": False})
    fresh.log_in()
    assert "expiresIn" not in fresh.create_instance().json()


def test_instance_needs_a_known_user_authorization(fresh):
    response = fresh.create_instance(authorization="bogus:bogus")
    assert response.status_code == 401
    assert response.json()["errorCode"] == 40100


def test_instance_needs_its_version(fresh):
    fresh.log_in()
    headers = {"Authorization": f"User {fresh.authorization}", "X-Timestamp": now_stamp()}
    response = fresh.send("POST", "/v1/instance", {"authorization": fresh.authorization}, headers, check=False)
    assert response.status_code == 400
    assert response.json()["errorCode"] == 40002
    assert response.json()["message"] == "version is missing."


def test_a_signed_request_is_accepted(legacy):
    response = legacy.signed("GET", "/v1/organisations")
    assert response.status_code == 200
    assert response.json()["id"] == 8888123


def test_a_bad_signature_is_refused(legacy):
    response = legacy.signed("GET", "/v1/organisations", secret="AAAAAAAAAAAAAAAAAAAAAA==")
    assert response.status_code == 401
    assert response.json()["errorCode"] == 40102


def test_a_signature_over_another_body_is_refused(legacy):
    stamp = now_stamp()
    path = "/v1/organisations/id/8888123/numbers/shop"
    forged = signature(legacy.instance["secret"], "PUT", b'{"groupId":13,"quantity":1}', "application/json", stamp, path)
    response = legacy.send("PUT", path, {"groupId": 13, "quantity": 5},
                           {"Authorization": f"Instance {legacy.instance['id']}:{forged}", "X-Timestamp": stamp})
    assert response.status_code == 401
    assert response.json()["errorCode"] == 40102


@pytest.mark.parametrize("shift", [-1000, 1000])
def test_a_stale_or_future_timestamp_is_refused_even_when_signed(legacy, shift):
    response = legacy.signed("GET", "/v1/organisations", stamp=now_stamp(shift))
    assert response.status_code == 401
    assert response.json()["errorCode"] == 40101


def test_the_timestamp_window_follows_the_skewed_server_clock(legacy, admin):
    admin("POST", "/legacy/settings", {"clockOffset": 3600})
    assert legacy.signed("GET", "/v1/organisations").json()["errorCode"] == 40101
    assert legacy.signed("GET", "/v1/organisations", stamp=now_stamp(3600)).status_code == 200


def test_number_endpoints_need_the_instance_scheme(legacy):
    response = legacy.send("GET", "/v1/organisations",
                           headers={"Authorization": f"User {legacy.authorization}", "X-Timestamp": now_stamp()})
    assert response.status_code == 403
    assert response.json()["errorCode"] == 40301
    assert response.json()["message"] == "The authorization scheme 'instance' is required."


def test_a_missing_authorization_is_refused(legacy):
    response = legacy.send("GET", "/v1/organisations", headers={"X-Timestamp": now_stamp()})
    assert response.status_code == 401
    assert response.json()["errorCode"] == 40100


def test_an_expired_instance_is_refused_and_a_new_one_works(legacy, admin):
    admin("POST", "/legacy/instances/expire")
    response = legacy.signed("GET", "/v1/organisations")
    assert response.status_code == 401
    assert response.json()["errorCode"] == 40105
    legacy.create_instance()
    assert legacy.signed("GET", "/v1/organisations").status_code == 200


def test_secrets_are_listed_for_leak_tests_and_never_logged(legacy, admin, sim):
    issued = admin("GET", "/legacy/secrets")
    assert issued["authorizations"] == [legacy.authorization]
    assert issued["instanceSecrets"] == [legacy.instance["secret"]]
    logged = repr(sim.requests())
    assert legacy.authorization not in logged
    assert "demo-dashboard-password" not in logged
    assert "password" not in admin("GET", "/legacy/settings")
