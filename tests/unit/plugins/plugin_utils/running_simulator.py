# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The simulator in a background thread, for the lookup and inventory plugin tests.

Import the fixtures into a conftest.py: running_simulator (one per session) and simulator
(reset for each test, SINCH_* variables of the calling shell removed).
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from ansible_collections.sinch.numbers.plugins.module_utils.core.auth import clear_token_cache
from ansible_collections.sinch.numbers.plugins.module_utils.core.config import COMMON_OPTIONS
from ansible_collections.sinch.numbers.tests.simulator.core.server import Simulator

PROJECT, KEY_ID, KEY_SECRET = "unit-project", "unit-key", "unit-secret-7f3a"


class RunningSimulator:
    def __init__(self):
        self.sim = Simulator(provisioning_delay=0, project_id=PROJECT, key_id=KEY_ID, key_secret=KEY_SECRET).start()
        self.url = self.sim.url

    def stop(self):
        self.sim.stop()

    def reset(self):
        self.sim.reset()

    def seed(self, **body):
        """POST /_sim/seed/active into the project (regionCode, type, count, capability, displayNamePrefix, ...)."""
        request = urllib.request.Request(self.url + "/_sim/seed/active", data=json.dumps(body).encode(),
                                         method="POST", headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def clear_log(self):
        with self.sim.lock:
            self.sim.log.clear()

    def requests(self):
        return self.sim.requests()

    def list_requests(self):
        return [entry for entry in self.requests() if entry["path"].endswith("/activeNumbers")]

    def options(self, **extra):
        """Connection options pointing at this simulator."""
        options = dict(key_id=KEY_ID, key_secret=KEY_SECRET, project_id=PROJECT, numbers_url=self.url,
                       auth_url=self.url, retries=0)
        options.update(extra)
        return options

    def environment(self):
        """The same connection settings as SINCH_* environment variables."""
        return {"SINCH_KEY_ID": KEY_ID, "SINCH_KEY_SECRET": KEY_SECRET, "SINCH_PROJECT_ID": PROJECT,
                "SINCH_NUMBERS_URL": self.url, "SINCH_AUTH_URL": self.url}


@pytest.fixture(scope="session")
def running_simulator():
    simulator = RunningSimulator()
    yield simulator
    simulator.stop()


@pytest.fixture
def simulator(running_simulator, monkeypatch):  # pylint: disable=redefined-outer-name
    """A simulator reset to its initial state, with no SINCH_* variable from the calling shell."""
    for name in COMMON_OPTIONS.values():
        monkeypatch.delenv(name["env"], raising=False)
    running_simulator.reset()
    clear_token_cache()
    return running_simulator
