# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make simulator` (scripts/serve_simulator.sh): the environment file appears once the simulator
listens, and a busy port is a clear message that leaves the previous file alone."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

COLLECTION_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = COLLECTION_ROOT / "scripts" / "serve_simulator.sh"


@pytest.fixture
def environment(tmp_path):
    """The script's environment with a stand-in venv whose python is the one running the tests."""
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").symlink_to(sys.executable)
    return dict(os.environ, SINCH_VENV=str(venv.parent), SIM_PROVISIONING_DELAY="0")


def serve(port, env_file, environment):
    return subprocess.Popen(["bash", str(SCRIPT), str(port), str(env_file)], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_busy_port_fails_clearly_and_leaves_the_environment_file_alone(tmp_path, environment):
    env_file = tmp_path / "simulator.env"
    env_file.write_text("export SIM=http://127.0.0.1:1\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out, err = serve(port, env_file, environment).communicate(timeout=60)
    assert "Traceback" not in out + err
    assert "cannot listen on 127.0.0.1:%d: Address already in use" % port in err
    assert "%s is unchanged" % env_file in err
    assert "SIM_PORT=" in err
    assert env_file.read_text() == "export SIM=http://127.0.0.1:1\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["simulator.env", "venv"]


def test_a_bad_port_value_is_refused_before_anything_starts(tmp_path, environment):
    process = serve("http", tmp_path / "simulator.env", environment)
    _out, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "SIM_PORT must be a TCP port number from 1 to 65535, got 'http'" in err
    assert not (tmp_path / "simulator.env").exists()


def test_the_environment_file_points_at_the_listening_simulator(tmp_path, environment):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env_file = tmp_path / "simulator.env"
    process = serve(port, env_file, environment)
    try:
        deadline = time.monotonic() + 60
        while not env_file.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no environment file after 60 s"
            time.sleep(0.1)
        text = env_file.read_text()
        assert "export SINCH_NUMBERS_URL=http://127.0.0.1:%d\n" % port in text
        with urllib.request.urlopen("http://127.0.0.1:%d/_sim/health" % port, timeout=5) as response:
            assert response.status == 200
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
