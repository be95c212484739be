"""Callback configuration: the Numbers API's (callbackConfiguration, checked against
imported-numbers-hosting-orders.yaml) and the registrations API's (callback-configuration)."""

import pytest

from registrations_helpers import cb_contract, oauth, reg_contract  # noqa: F401  pylint: disable=unused-import
from sim_helpers import BASE

NUMBERS = f"{BASE}/callbackConfiguration"
REGISTRATIONS = f"{BASE}/callback-configuration"
SECRET = "a-very-secret-hmac-key-4711"

pytestmark = pytest.mark.filterwarnings("ignore:Unsupported scheme type:UserWarning")


def test_numbers_configuration_per_contract(api, cb_contract):
    first = api.get(NUMBERS)
    cb_contract.check(first)
    assert first.json() == {"projectId": "demo-project"}
    updated = api.patch(NUMBERS, json={"hmacSecret": SECRET})
    cb_contract.check(updated)
    assert updated.json() == {"projectId": "demo-project", "hmacSecret": SECRET}
    cb_contract.check(api.get(NUMBERS))
    assert cb_contract.checked == cb_contract.operations


def test_numbers_configuration_takes_basic_and_bearer(api, oauth):
    api.patch(NUMBERS, json={"hmacSecret": SECRET})
    assert oauth.get(NUMBERS).json()["hmacSecret"] == SECRET


def test_the_two_apis_keep_separate_secrets(api, oauth):
    api.patch(NUMBERS, json={"hmacSecret": SECRET})
    assert oauth.get(REGISTRATIONS).json() == {"projectId": "demo-project"}
    oauth.put(REGISTRATIONS, json={"hmacSecret": "other"})
    assert api.get(NUMBERS).json()["hmacSecret"] == SECRET


@pytest.mark.parametrize("body", [{"hmacSecret": ""}, {"hmacSecret": "   "}, {"hmacSecret": 7}, {"secret": SECRET}])
def test_bad_secrets_are_refused_without_being_echoed(api, body):
    response = api.patch(NUMBERS, json=body)
    assert response.status_code == 400
    assert SECRET not in response.text and "   " not in response.json()["error"]["message"]


def test_masked_visibility_hides_set_secrets(api, oauth, anon):
    assert anon.post("/_sim/callbacks/settings", json={"secretVisibility": "masked"}).json() == {"secretVisibility": "masked"}
    assert api.get(NUMBERS).json() == {"projectId": "demo-project"}
    assert api.patch(NUMBERS, json={"hmacSecret": SECRET}).json()["hmacSecret"] == "********"
    oauth.put(REGISTRATIONS, json={"hmacSecret": SECRET})
    assert oauth.get(REGISTRATIONS).json()["hmacSecret"] == "********"
    assert anon.post("/_sim/callbacks/settings", json={"secretVisibility": "none"}).status_code == 400


def test_secrets_are_redacted_in_the_request_log(api, sim):
    api.patch(NUMBERS, json={"hmacSecret": SECRET})
    assert SECRET not in str(sim.requests())


def test_registrations_configuration_per_contract(oauth, reg_contract):
    reg_contract.check(oauth.put(REGISTRATIONS, json={"hmacSecret": SECRET}))
    reg_contract.check(oauth.get(REGISTRATIONS))
