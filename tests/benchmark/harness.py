# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Shared plumbing for the benchmarks: a simulator, the collection on a path, playbook runs.

Every measurement counts the requests the simulator received, not only seconds.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from simulator.core.server import Simulator  # noqa: E402  (needs tests/ on sys.path first)

PROJECT, KEY_ID, KEY_SECRET = "bench-project", "bench-key", "bench-secret"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class Bench:
    """A running simulator plus what is needed to run playbooks against it."""

    def __init__(self):
        self.sim = Simulator(provisioning_delay=0, project_id=PROJECT, key_id=KEY_ID, key_secret=KEY_SECRET)
        self.tmp = tempfile.TemporaryDirectory(prefix="sinch-bench-")
        link = Path(self.tmp.name, "ansible_collections", "sinch", "numbers")
        link.parent.mkdir(parents=True)
        link.symlink_to(ROOT)

    def __enter__(self):
        self.sim.start()
        return self

    def __exit__(self, *exc):
        self.sim.stop()
        self.tmp.cleanup()

    @property
    def url(self):
        return self.sim.url

    def admin(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def api_get(self, path):
        """An authenticated GET on the simulated API (not logged as part of a measurement)."""
        token = base64.b64encode(("%s:%s" % (KEY_ID, KEY_SECRET)).encode()).decode()
        request = urllib.request.Request(self.url + path, headers={"Authorization": "Basic " + token})
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def clear_log(self):
        self.admin("DELETE", "/_sim/requests")

    def requests(self):
        return self.admin("GET", "/_sim/requests")["requests"]

    def env(self):
        env = dict(os.environ)
        env.update({
            "ANSIBLE_COLLECTIONS_PATH": self.tmp.name,
            "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
            "ANSIBLE_NOCOLOR": "1",
            "LC_ALL": "C.UTF-8",
            "SINCH_NUMBERS_URL": self.url, "SINCH_AUTH_URL": self.url,
            "SINCH_IMPORTED_NUMBERS_URL": self.url, "SINCH_REGISTRATIONS_URL": self.url,
            "SINCH_PROJECT_ID": PROJECT, "SINCH_KEY_ID": KEY_ID, "SINCH_KEY_SECRET": KEY_SECRET,
        })
        return env

    def run_playbook(self, playbook, extra_vars):
        """Run a playbook; return wall seconds, the requests it sent and its recap counts."""
        vars_file = Path(self.tmp.name, "vars.json")
        vars_file.write_text(json.dumps(extra_vars))
        self.clear_log()
        started = time.monotonic()
        result = subprocess.run(
            [str(Path(sys.executable).parent / "ansible-playbook"), str(playbook), "-e", "@%s" % vars_file],
            env=self.env(), capture_output=True, text=True, check=False)
        seconds = time.monotonic() - started
        if result.returncode != 0:
            raise RuntimeError("%s failed:\n%s\n%s" % (playbook, result.stdout[-4000:], result.stderr[-4000:]))
        return Measurement(seconds, self.requests(), recap_counts(result.stdout))


class Measurement:
    def __init__(self, seconds, requests, recap):
        self.seconds = seconds
        self.requests = requests
        self.recap = recap

    @property
    def reads(self):
        return sum(1 for r in self.requests if r["method"] == "GET")

    @property
    def writes(self):
        return sum(1 for r in self.requests if r["method"] in WRITE_METHODS and r["path"] != "/oauth2/token")


def recap_counts(output):
    """{'ok': n, 'changed': n, ...} from the PLAY RECAP line of localhost."""
    for line in output.splitlines():
        if line.startswith("localhost") and "ok=" in line:
            return {key: int(value) for key, value in
                    (field.split("=") for field in line.split(":", 1)[1].split())}
    return {}
