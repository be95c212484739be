"""The /_sim/ admin API and the Python API."""

import requests

from sim_helpers import BASE, PROVISIONING_DELAY, first_available, list_active, rent, seed_active
from simulator.core.server import Simulator


def test_health(admin):
    assert admin("GET", "/health") == {"status": "ok"}


def test_reset_restores_the_initial_state(sim, api, admin):
    phone = first_available(api)
    rent(api, phone)
    seed_active(admin, 5)
    admin("POST", "/projects", {"projectId": "p2"})
    admin("POST", "/faults", {"rules": [{"path_regex": "nothing-matches-this"}]})
    admin("POST", "/settings", {"provisioningDelay": 9, "tokenTtl": 5})
    assert admin("POST", "/reset") == {"status": "reset"}
    assert list_active(api).json()["totalSize"] == 0
    assert api.get(f"{BASE}/availableNumbers/{phone}").status_code == 200
    assert admin("GET", "/projects") == {"projects": ["demo-project"]}
    assert admin("GET", "/faults") == {"rules": []}
    assert admin("GET", "/settings")["provisioningDelay"] == PROVISIONING_DELAY
    assert admin("GET", "/settings")["tokenTtl"] == 3600
    assert len(sim.requests()) == 2, "only the requests after the reset"


def test_python_reset_matches_admin_reset(sim, api):
    rent(api, first_available(api))
    sim.reset()
    assert sim.requests() == []
    assert list_active(api).json()["totalSize"] == 0


def test_settings_never_show_the_secret(admin):
    settings = admin("POST", "/settings", {"provisioningDelay": 0.5})
    assert settings == {"provisioningDelay": 0.5, "tokenTtl": 3600, "latency": 0.0, "projectId": "demo-project",
                        "keyId": "demo-key"}


def test_bad_settings_are_refused(anon):
    response = anon.post("/_sim/settings", json={"provisioningDelay": -1, "latency": "slow", "colour": "red"})
    assert response.status_code == 400
    fields = {item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]}
    assert fields == {"provisioningDelay", "latency", "colour"}


def test_projects(api, admin):
    assert admin("POST", "/projects", {"projectId": "p2"}) == {"projects": ["demo-project", "p2"]}
    assert admin("POST", "/projects", {"projectId": "p2"}) == {"projects": ["demo-project", "p2"]}
    seed_active(admin, 3, projectId="p2")
    listed = api.get("/v1/projects/p2/activeNumbers", params={"regionCode": "US", "type": "LOCAL"}).json()
    assert listed["totalSize"] == 3
    assert {number["projectId"] for number in listed["activeNumbers"]} == {"p2"}


def test_seed_active_creates_unique_numbers_with_names(api, admin):
    assert seed_active(admin, 3, region="SE", number_type="MOBILE", capability=["SMS"], displayNamePrefix="seed-",
                       callbackUrl="https://example.com/cb") == {"created": 3}
    assert seed_active(admin, 3, region="SE", number_type="MOBILE") == {"created": 3}
    numbers = list_active(api, region="SE", number_type="MOBILE").json()["activeNumbers"]
    assert len({number["phoneNumber"] for number in numbers}) == 6
    named = [number for number in numbers if number["displayName"]]
    assert sorted(number["displayName"] for number in named) == ["seed-1", "seed-2", "seed-3"]
    assert all(number["capability"] == ["SMS"] and number["callbackUrl"] == "https://example.com/cb" for number in named)
    assert all(number["phoneNumber"].startswith("+4670") for number in numbers)


def test_seeded_numbers_never_collide_with_the_pool(api, admin):
    pool = {n["phoneNumber"] for n in api.get(f"{BASE}/availableNumbers", params={"regionCode": "US", "type": "LOCAL"}).json()["availableNumbers"]}
    seed_active(admin, 500)
    seeded = {n["phoneNumber"] for n in list_active(api, pageSize=1000).json()["activeNumbers"]}
    assert len(seeded) == 500 and not pool & seeded


def test_seed_available(api, admin):
    assert admin("POST", "/seed/available", {"count": 100, "regionCode": "GB", "type": "TOLL_FREE", "capability": ["VOICE"]}) == {"created": 100}
    found = api.get(f"{BASE}/availableNumbers", params={"regionCode": "GB", "type": "TOLL_FREE", "size": 1000}).json()
    assert len(found["availableNumbers"]) == 140


def test_seed_validation(anon):
    response = anon.post("/_sim/seed/active", json={"count": 0, "regionCode": "usa", "type": "FIXED", "capability": ["MMS"]})
    assert response.status_code == 400
    fields = {item["field"] for item in response.json()["error"]["details"][0]["fieldViolations"]}
    assert fields == {"count", "regionCode", "type", "capability"}
    unknown_region = anon.post("/_sim/seed/active", json={"count": 1, "regionCode": "FR"})
    assert unknown_region.status_code == 400


def test_seed_into_unknown_project_is_404(anon):
    assert anon.post("/_sim/seed/active", json={"count": 1, "projectId": "nope"}).status_code == 404


def test_unknown_path_is_404(anon):
    assert anon.get("/_sim/nothing").status_code == 404
    assert anon.get("/v2/whatever").status_code == 404


def test_simulator_context_manager_and_defaults():
    with Simulator() as sim:
        assert sim.url.startswith("http://127.0.0.1:")
        response = requests.get(f"{sim.url}/v1/projects/demo-project/availableRegions", auth=("demo-key", "demo-secret"), timeout=5)
        assert response.status_code == 200
        assert sim.requests()[0]["status"] == 200
        url = sim.url
    try:
        requests.get(f"{url}/_sim/health", timeout=1)
        stopped = False
    except requests.ConnectionError:
        stopped = True
    assert stopped
