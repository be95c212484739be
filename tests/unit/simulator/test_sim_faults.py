"""Fault injection: before/after modes, Retry-After, times, probability, delay."""

import pytest
import requests

from sim_helpers import BASE, first_available, rent

REGIONS = f"{BASE}/availableRegions"


def add_rules(admin, *rules, seed=None):
    body = {"rules": list(rules)}
    if seed is not None:
        body["seed"] = seed
    return admin("POST", "/faults", body)["rules"]


def test_before_mode_answers_the_fault_without_applying(api, admin):
    phone = first_available(api)
    add_rules(admin, {"method": "POST", "path_regex": ":rent$", "status": 503, "times": 1})
    response = rent(api, phone)
    assert response.status_code == 503
    assert response.json()["error"]["status"] == "UNAVAILABLE"
    assert api.get(f"{BASE}/activeNumbers/{phone}").status_code == 404
    assert rent(api, phone).status_code == 200, "times: 1 means the next one passes"


def test_after_mode_applies_the_write_then_fails(api, admin):
    phone = first_available(api)
    add_rules(admin, {"method": "POST", "path_regex": ":rent$", "status": 500, "mode": "after"})
    response = rent(api, phone)
    assert response.status_code == 500
    assert response.json()["error"]["status"] == "INTERNAL"
    assert api.get(f"{BASE}/activeNumbers/{phone}").status_code == 200, "the write happened"
    assert rent(api, phone).status_code == 404


def test_429_carries_retry_after(api, admin):
    add_rules(admin, {"path_regex": "availableRegions", "status": 429, "retry_after": 2})
    response = api.get(REGIONS)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"
    assert response.json()["error"]["status"] == "RESOURCE_EXHAUSTED"


def test_times_counts_and_null_means_unlimited(api, admin):
    add_rules(admin, {"path_regex": "availableRegions", "status": 503, "times": 2})
    assert [api.get(REGIONS).status_code for _attempt in range(3)] == [503, 503, 200]
    add_rules(admin, {"path_regex": "availableRegions", "status": 503, "times": None})
    assert {api.get(REGIONS).status_code for _attempt in range(5)} == {503}
    admin("DELETE", "/faults")
    assert api.get(REGIONS).status_code == 200


def test_method_must_match(api, admin):
    add_rules(admin, {"method": "POST", "path_regex": "availableRegions", "status": 503})
    assert api.get(REGIONS).status_code == 200


def test_probability_is_reproducible_with_a_seed(api, admin):
    def run():
        admin("DELETE", "/faults")
        add_rules(admin, {"path_regex": "availableRegions", "status": 503, "probability": 0.5, "times": None}, seed=42)
        return [api.get(REGIONS).status_code for _attempt in range(20)]

    first = run()
    assert first == run()
    assert set(first) == {200, 503}


def test_delay_slows_the_answer_until_clients_time_out(api, admin):
    add_rules(admin, {"path_regex": "availableRegions", "status": None, "delay": 0.5})
    with pytest.raises(requests.exceptions.ReadTimeout):
        api.get(REGIONS, timeout=0.1)
    assert api.get(REGIONS, timeout=2).status_code == 200


def test_faults_can_hit_the_token_endpoint(anon, admin):
    add_rules(admin, {"path_regex": "^/oauth2/token$", "status": 503})
    assert anon.post("/oauth2/token", data={"grant_type": "client_credentials"}).status_code == 503


def test_faults_never_hit_admin_paths(anon, admin):
    add_rules(admin, {"path_regex": "", "status": 503, "times": None})
    assert anon.get("/_sim/health").status_code == 200


def test_fault_rules_are_listed_with_their_counters(api, admin):
    add_rules(admin, {"path_regex": "availableRegions", "status": 503, "times": 2})
    api.get(REGIONS)
    rules = admin("GET", "/faults")["rules"]
    assert len(rules) == 1
    assert rules[0]["times"] == 1 and rules[0]["hits"] == 1
    assert rules[0]["mode"] == "before"


def test_invalid_rules_are_refused(anon):
    response = anon.post("/_sim/faults", json={"rules": [{"status": 200, "mode": "during", "path_regex": "("}]})
    assert response.status_code == 400
    fields = {item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]}
    assert fields == {"rules[0].status", "rules[0].mode", "rules[0].path_regex"}
    assert anon.get("/_sim/faults").json() == {"rules": []}


@pytest.mark.parametrize("mode, applied", [("after", True), ("before", False)])
def test_drop_closes_the_connection_without_an_answer(api, admin, mode, applied):
    phone = first_available(api)
    add_rules(admin, {"method": "POST", "path_regex": ":rent$", "drop": True, "mode": mode})
    with pytest.raises(requests.exceptions.ConnectionError):
        rent(api, phone)
    assert (api.get(f"{BASE}/activeNumbers/{phone}").status_code == 200) is applied
    logged = [entry for entry in admin("GET", "/requests")["requests"] if entry["path"].endswith(":rent")]
    assert logged[0]["status"] == 0 and logged[0]["fault"] is True


def test_echo_auth_puts_the_authorization_header_in_x_request_id(api, admin):
    add_rules(admin, {"path_regex": "availableRegions", "status": 500, "echo_auth": True})
    response = api.get(REGIONS)
    assert response.status_code == 500
    assert response.headers["x-request-id"].startswith(("Basic ", "Bearer "))


def test_drop_and_echo_auth_must_be_booleans(anon):
    response = anon.post("/_sim/faults", json={"rules": [{"drop": "yes", "echo_auth": 1}]})
    assert response.status_code == 400
    fields = {v["field"] for v in response.json()["error"]["details"][0]["fieldViolations"]}
    assert {"rules[0].drop", "rules[0].echo_auth"} <= fields
