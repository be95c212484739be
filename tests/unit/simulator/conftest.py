"""Fixtures for the simulator's own tests: an in-process Simulator and HTTP sessions on it."""

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TESTS_DIR = HERE.parents[1]
for _path in (TESTS_DIR, HERE):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

# pylint: disable=wrong-import-position
from sim_helpers import KEY_ID, KEY_SECRET, PROJECT, PROVISIONING_DELAY, Session  # noqa: E402
from simulator.core.server import Simulator  # noqa: E402


@pytest.fixture
def sim():
    simulator = Simulator(provisioning_delay=PROVISIONING_DELAY, project_id=PROJECT, key_id=KEY_ID, key_secret=KEY_SECRET)
    with simulator:
        yield simulator


@pytest.fixture
def api(sim):
    """Authenticated with HTTP Basic."""
    with Session(sim.url, auth=(KEY_ID, KEY_SECRET)) as session:
        yield session


@pytest.fixture
def anon(sim):
    """No credentials: for the admin API and auth tests."""
    with Session(sim.url) as session:
        yield session


@pytest.fixture
def admin(anon):
    """admin(method, path, body) calls /_sim/<path> and returns its JSON; fails on non-2xx."""

    def call(method, path, body=None):
        response = anon.request(method, "/_sim" + path, json=body)
        assert response.ok, response.text
        return response.json()

    return call


@pytest.fixture(scope="session")
def contract():
    from sim_contract import Contract  # pylint: disable=import-outside-toplevel

    return Contract()
