# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One SinchClient used by several threads: own sessions, one token, one shared 429 back-off."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.core.client import SinchClient
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import ClientConfig
from ansible_collections.sinch.numbers.plugins.module_utils.core.throttle import SharedBackoff
from ansible_collections.sinch.numbers.plugins.module_utils.numbers.api import NumbersApi

from ..plugin_utils.running_simulator import running_simulator, simulator  # noqa: F401  pylint: disable=unused-import


@pytest.fixture(autouse=True)
def fresh_tokens():
    clear_token_cache()
    yield
    clear_token_cache()


def client_on(sim, **options):
    return SinchClient(ClientConfig(**sim.options(**options)))


def test_each_thread_sends_on_its_own_session(simulator):  # pylint: disable=redefined-outer-name
    client = client_on(simulator)
    with ThreadPoolExecutor(max_workers=4) as pool:
        sessions = list(pool.map(lambda _i: (threading.get_ident(), id(client.session)), range(16)))
    by_thread = {}
    for thread, session in sessions:
        by_thread.setdefault(thread, set()).add(session)
    assert all(len(ids) == 1 for ids in by_thread.values()), "one session per thread, kept"
    assert len({next(iter(ids)) for ids in by_thread.values()}) == len(by_thread), "no session shared"
    assert client.session is client.session


def test_threads_share_one_oauth2_token_fetch(simulator):  # pylint: disable=redefined-outer-name
    simulator.sim.settings.latency = 0.1  # every thread finds no token while the first fetch runs
    client = client_on(simulator, auth_method="oauth2")
    api = NumbersApi(client)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _i: api.list_regions(), range(8)))
    assert all(results)
    tokens = [entry for entry in simulator.requests() if entry["path"] == "/oauth2/token"]
    assert len(tokens) == 1
    assert client.request_count == 9


def test_a_429_holds_back_every_thread_for_its_retry_after(simulator):  # pylint: disable=redefined-outer-name
    """Worker A is told 429 with Retry-After 0.6 s; worker B, starting right after, waits it out too."""
    simulator.sim.faults.add([{"path_regex": "availableRegions$", "status": 429, "retry_after": 0.6}])
    client = client_on(simulator, retries=2)
    api = NumbersApi(client)
    told = threading.Event()

    def worker_a():
        return api.list_regions()

    def worker_b():
        told.wait(5)
        api.get_active("+12065550100")

    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(worker_a)
        # B starts once A has been told 429 and registered the pause (not merely once A's request
        # reached the server: on a loaded machine B could otherwise overtake A's handling of it).
        deadline = time.monotonic() + 10
        while client.backoff.pauses < 1 and time.monotonic() < deadline:
            time.sleep(0.005)
        told.set()
        pool.submit(worker_b).result()
        assert first.result()
    log = simulator.requests()
    assert [entry["status"] for entry in log if "availableRegions" in entry["path"]] == [429, 200]
    # the server's own clock: B's request arrived only after A's Retry-After had passed
    b_sent = [entry["time"] for entry in log if "activeNumbers" in entry["path"]][0]
    assert b_sent - log[0]["time"] >= 0.5, "B held back for A's Retry-After"
    assert client.backoff.pauses == 1


def test_shared_backoff_is_slept_once_per_pause_by_each_thread():
    sleeps = []
    clock = [100.0]
    backoff = SharedBackoff(sleep=sleeps.append, clock=lambda: clock[0])
    assert backoff.wait() == 0.0
    assert backoff.pause(2.0) == 2.0, "the thread told 429 sleeps the pause itself"
    assert backoff.wait() == 0.0, "and does not sleep it again (the clock is frozen)"
    clock[0] = 101.0
    assert backoff.pause(0.5) == 1.0, "a shorter pause does not shorten the longer one"
    clock[0] = 100.0
    other = []
    thread = threading.Thread(target=lambda: other.append(backoff.wait()))
    thread.start()
    thread.join()
    assert other == [2.0], "another thread waits for the same pause"
    clock[0] = 103.0
    assert backoff.wait() == 0.0
    assert sleeps == [2.0, 1.0, 2.0]
