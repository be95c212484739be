"""Per-request latency: every API answer waits, concurrent requests wait side by side.

No upper bounds on wall time (a loaded machine only makes things slower): the request log's
start times and durations show that the latency was applied and that requests overlapped.
"""

from concurrent.futures import ThreadPoolExecutor

from sim_helpers import BASE, KEY_ID, KEY_SECRET, Session
from simulator.core.server import Simulator

LATENCY = 0.3


def test_latency_set_live_delays_api_requests(sim, api, admin):
    assert admin("POST", "/settings", {"latency": LATENCY})["latency"] == LATENCY
    assert api.get(f"{BASE}/availableRegions").status_code == 200
    assert sim.requests()[-1]["duration"] >= LATENCY
    admin("POST", "/reset")
    assert admin("GET", "/settings")["latency"] == 0.0


def test_concurrent_requests_wait_side_by_side():
    with Simulator(project_id="demo-project", key_id=KEY_ID, key_secret=KEY_SECRET, latency=LATENCY) as sim:
        def one(_index):
            with Session(sim.url, auth=(KEY_ID, KEY_SECRET)) as session:
                return session.get(f"{BASE}/availableRegions").status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(pool.map(one, range(4)))
        log = sim.requests()
    assert statuses == [200] * 4
    assert all(entry["duration"] >= LATENCY for entry in log)
    # The last request started before the first one was answered: the latency is not serialized.
    assert max(entry["time"] for entry in log) < min(entry["time"] + entry["duration"] for entry in log)
