"""The command line: one URL line, a port file, a clean exit on SIGTERM and SIGINT."""

import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests

REPO_ROOT = Path(__file__).resolve().parents[3]


def start(tmp_path, *args, module=True):
    command = [sys.executable, "-m", "tests.simulator"] if module else [sys.executable, "tests/simulator"]
    return subprocess.Popen(
        command + ["--port-file", str(tmp_path / "port"), *args],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def stop(process, signum):
    process.send_signal(signum)
    out, err = process.communicate(timeout=10)
    return process.returncode, out, err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_module_run_prints_url_writes_port_file_and_stops_cleanly(tmp_path, signum):
    process = start(tmp_path, "--provisioning-delay", "0", "--latency", "0.01", "--project", "cli-project",
                    "--key-id", "k", "--key-secret", "s")
    try:
        line = process.stdout.readline().strip()
        assert line.startswith("SIMULATOR_URL=http://127.0.0.1:")
        url = line.split("=", 1)[1]
        assert (tmp_path / "port").read_text().strip() == url
        response = requests.get(f"{url}/v1/projects/cli-project/availableRegions", auth=("k", "s"), timeout=5)
        assert response.status_code == 200
        settings = requests.get(f"{url}/_sim/settings", timeout=5).json()
        assert (settings["provisioningDelay"], settings["latency"]) == (0, 0.01)
    finally:
        code, out, err = stop(process, signum)
    assert code == 0, err
    assert out == "", "exactly one line on stdout"


def test_directory_run(tmp_path):
    process = start(tmp_path, module=False)
    try:
        line = process.stdout.readline().strip()
        assert line.startswith("SIMULATOR_URL=")
        assert requests.get(line.split("=", 1)[1] + "/_sim/health", timeout=5).json() == {"status": "ok"}
    finally:
        code, _out, err = stop(process, signal.SIGTERM)
    assert code == 0, err


def test_a_busy_port_is_one_clear_line_and_exit_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start(tmp_path, "--port", str(port))
        out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert out == ""
    assert err == f"python -m tests.simulator: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    assert not (tmp_path / "port").exists()
